"""Corpora beyond one machine: extraction as a Dask bag of reports.

Reading and extracting — each report into its part, graph and text page included — run on
the Dask scheduler you pass: a ``distributed.LocalCluster`` on a laptop, or a real cluster's
``Client`` unchanged. The parts come back in report-id order and are resolved and written
here, exactly as in ``govkg build``, so the output is byte-identical. Large graphs then go
into an external SPARQL store with ``govkg push``.

    from distributed import Client, LocalCluster
    from graph.distributed import build_on_dask
    with Client(LocalCluster(n_workers=4)) as client:
        build_on_dask("reports/", "out/", client=client)
"""
from __future__ import annotations

from pathlib import Path

from collections.abc import Iterator

from .build import _inside, _part_for, assemble
from .parts import BuildResult, Failure, ReportPart
from .read import report_files
from .write import writing


def _work(job: tuple[str, str]) -> ReportPart | Failure:
    """On a worker: read one report and make its part (the worker loads its dictionaries once)."""
    return _part_for((Path(job[0]), job[1]), None, whole=True)  # a Dask worker extracts many reports


def extract_bag(source: str | Path, *, partitions: int | None = None, follow_links: bool = False):
    """A Dask bag of parts (or failures), one element per report file, in report-id order
    (``follow_links``: as :func:`graph.build`'s)."""
    return _bag(_inside(report_files(source), source, follow_links)[0], partitions)


def _bag(todo: list[tuple[Path, str]], partitions: int | None):
    import dask.bag as db

    jobs = [(str(p), rid) for p, rid in todo]
    return db.from_sequence(jobs, npartitions=partitions or min(len(jobs), 64)).map(_work)


def _in_order(bag, client) -> Iterator[ReportPart | Failure]:
    """The bag's elements in order: on a cluster every partition is computed at once and taken
    back one after another, so this process holds one partition's parts at a time."""
    parts = bag.to_delayed()
    if client is None:
        import dask

        for items in dask.compute(*parts):
            yield from items
        return
    for future in client.compute(parts):
        yield from future.result()
        future.release()


def build_on_dask(source: str | Path, out_dir: str | Path, *, client=None, view: bool = True,
                  partitions: int | None = None, follow_links: bool = False) -> BuildResult:
    """``govkg build`` with extraction on Dask (``client``: a distributed Client; None: Dask's
    local default scheduler). Same output as ``graph.build``."""
    todo, skipped = _inside(report_files(source), source, follow_links)
    bag = _bag(todo, partitions)
    with writing(Path(out_dir), view=view) as writer:
        return assemble(_in_order(bag, client), writer, BuildResult(Path(out_dir), failures=skipped))
