"""The Dask path builds the seeds on a local cluster with output identical to govkg build."""
from __future__ import annotations

import pytest

from conftest import SEEDS

pytest.importorskip("distributed")


def test_local_cluster_build_is_identical(seed_build, tmp_path):
    from distributed import Client, LocalCluster

    from graph.distributed import build_on_dask

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        result = build_on_dask(SEEDS, tmp_path / "out", client=client, partitions=3)
    assert len(result.parts) == 5 and not result.failures
    for name in ("graph.trig", "graph.ttl"):
        assert (tmp_path / "out" / name).read_bytes() == (seed_build.out_dir / name).read_bytes()


def test_bad_files_and_duplicates_on_dask(tmp_path):
    import shutil

    from graph.distributed import build_on_dask

    src = tmp_path / "in"
    src.mkdir()
    good = next(SEEDS.glob("*.txt"))
    shutil.copy(good, src / "a.txt")
    shutil.copy(good, src / "b.txt")
    (src / "c.txt").write_bytes(b"")
    result = build_on_dask(src, tmp_path / "out", view=False)  # Dask's local scheduler
    reasons = {f.path.rsplit("/", 1)[-1]: f.reason for f in result.failures}
    assert reasons["c.txt"] == "empty file" and reasons["b.txt"].startswith("same text as")
    assert len(result.parts) == 1
