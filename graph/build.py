"""The pipeline: read → normalise → extract → resolve → graph → write.

``build(source, out)`` is the public entry point; ``govkg build`` only wraps it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import ReadError
from .extract import extract
from .gazetteer import load as load_gazetteer
from .model import Extraction
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


def extract_all(source: str | Path) -> tuple[list[Extraction], list[Failure]]:
    import hashlib

    gz = load_gazetteer()
    extractions, failures = [], []
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
        try:
            extractions.append(extract(item, gazetteer=gz))
        except Exception as exc:  # one bad report must not sink the build; it is reported by name
            failures.append(Failure(item.path, f"extraction failed: {type(exc).__name__}: {exc}"))
    return extractions, failures


def build(source: str | Path, out_dir: str | Path, *, view: bool = True) -> BuildResult:
    """Build the knowledge graph of the reports under ``source`` into ``out_dir``.

    Writes graph.trig (one named graph per report, plus the place hierarchy), graph.ttl
    (the same triples as one graph), summary.md and view.html. The folder is replaced
    only once everything is written, so an interrupted build leaves the previous one.
    """
    from .store import write_build

    extractions, failures = extract_all(source)
    result = BuildResult(Path(out_dir), extractions, failures)
    if not extractions:
        return result
    result.resolved = resolve(extractions)
    result.files = write_build(result, view=view)
    return result
