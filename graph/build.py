"""The pipeline: read → normalise → extract → resolve → graph → write.

``build(source, out)`` is the public entry point; ``govkg build`` only wraps it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import ReadError
from .extract import extract
from .gazetteer import load as load_gazetteer
from .model import Extraction, Report
from .read import read_reports
from .resolve import Resolved, resolve


@dataclass
class Failure:
    path: str
    reason: str


@dataclass
class BuildResult:
    out_dir: Path
    extractions: list[Extraction] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    resolved: Resolved | None = None
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return bool(self.extractions)


def _warm() -> None:
    """Load the gazetteer, jieba's dictionaries and the lexicons before any report arrives."""
    from .extract.places import _automaton
    from .segment import pos_tags, tokenizer

    _automaton(load_gazetteer())
    tokenizer()
    pos_tags("预热")


def _extract_one(item: Report) -> Extraction | Failure:
    try:
        return extract(item, gazetteer=load_gazetteer())
    except Exception as exc:  # one bad report must not sink the build; it is reported by name
        return Failure(item.path, f"extraction failed: {type(exc).__name__}: {exc}")


def extract_all(source: str | Path, *, jobs: int = 1) -> tuple[list[Extraction], list[Failure]]:
    """Read and extract every report under ``source``; ``jobs`` worker processes extract in
    parallel (results come back in file order, so the output does not depend on ``jobs``)."""
    import hashlib

    reports, failures = [], []
    seen: dict[str, str] = {}  # text hash -> path of the first file with that text
    for item in read_reports(source):
        if isinstance(item, ReadError):
            failures.append(Failure(item.path, item.reason))
            continue
        digest = hashlib.sha256(item.text.encode("utf-8")).hexdigest()
        if digest in seen:  # the same report saved twice would count every fact twice
            failures.append(Failure(item.path, f"same text as {seen[digest]}; built once"))
            continue
        seen[digest] = item.path
        reports.append(item)
    if jobs > 1 and len(reports) > 1:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_warm) as pool:
            results = list(pool.map(_extract_one, reports, chunksize=max(1, len(reports) // (jobs * 8))))
    else:
        _warm()
        results = [_extract_one(r) for r in reports]
    extractions = [r for r in results if isinstance(r, Extraction)]
    failures += [r for r in results if isinstance(r, Failure)]
    return extractions, failures


def build(source: str | Path, out_dir: str | Path, *, view: bool = True, jobs: int = 1) -> BuildResult:
    """Build the knowledge graph of the reports under ``source`` into ``out_dir``.

    Writes graph.trig (one named graph per report, plus the place hierarchy), graph.ttl
    (the same triples as one graph), summary.md and view.html. The folder is replaced
    only once everything is written, so an interrupted build leaves the previous one.
    """
    from .store import write_build

    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    extractions, failures = extract_all(source, jobs=jobs)
    result = BuildResult(Path(out_dir), extractions, failures)
    if not extractions:
        return result
    result.resolved = resolve(extractions)
    result.files = write_build(result, view=view)
    return result
