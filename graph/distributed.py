"""Corpora beyond one machine: extraction as a Dask bag of reports.

Reading, extracting and (de-duplicating) run on the Dask scheduler you pass — a
``distributed.LocalCluster`` on a laptop, or a real cluster's ``Client`` unchanged; resolving
and writing then run here, exactly as in ``govkg build``, so the output is byte-identical.
Large graphs then go into an external SPARQL store with ``govkg push``.

    from distributed import Client, LocalCluster
    from graph.distributed import build_on_dask
    with Client(LocalCluster(n_workers=4)) as client:
        build_on_dask("reports/", "out/", client=client)
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .build import BuildResult, Failure, _extract_one
from .errors import ReadError
from .model import Extraction
from .read import read_report, report_paths


def _read_and_extract(path: str) -> tuple[str, Extraction | Failure]:
    """On a worker: read one report, extract it; returns (text hash, result)."""
    try:
        report = read_report(path)
    except ReadError as err:
        return "", Failure(err.path, err.reason)
    return hashlib.sha256(report.text.encode("utf-8")).hexdigest(), _extract_one(report)


def extract_bag(source: str | Path, *, partitions: int | None = None):
    """A Dask bag of (text hash, Extraction or Failure), one element per report file."""
    import dask.bag as db

    paths = [str(p) for p in report_paths(source)]
    return db.from_sequence(paths, npartitions=partitions or min(len(paths), 64)).map(_read_and_extract)


def build_on_dask(source: str | Path, out_dir: str | Path, *, client=None, view: bool = True,
                  partitions: int | None = None) -> BuildResult:
    """``govkg build`` with extraction on Dask (``client``: a distributed Client; None: Dask's
    local default scheduler). Same output as ``graph.build``."""
    from .resolve import resolve
    from .store import write_build

    bag = extract_bag(source, partitions=partitions)
    pairs = client.compute(bag).result() if client is not None else bag.compute()
    # file order, and one build per text: the same rules as graph.build
    pairs = sorted(pairs, key=lambda hp: hp[1].report.path if isinstance(hp[1], Extraction) else hp[1].path)
    extractions, failures, seen = [], [], {}
    for digest, res in pairs:
        if isinstance(res, Failure):
            failures.append(res)
        elif digest in seen:
            failures.append(Failure(res.report.path, f"same text as {seen[digest]}; built once"))
        else:
            seen[digest] = res.report.path
            extractions.append(res)
    result = BuildResult(Path(out_dir), extractions, sorted(failures, key=lambda f: f.path))
    if extractions:
        result.resolved = resolve(extractions)
        result.files = write_build(result, view=view)
    return result
