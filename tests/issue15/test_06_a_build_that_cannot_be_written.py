"""Issue 15, item 6: on a full disk (a 20 MB tmpfs) the build ended in an OSError traceback and
left ~15 MB of temporary files; a read-only output folder gave a traceback too. Now: the previous
build survives, what was written is removed, and one line says what happened and where. A write
limit (RLIMIT_FSIZE: writes past it fail as on a full disk, RocksDB's included) runs everywhere;
a real small tmpfs where the machine lets the tests mount one."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from i15_build import ROOT, SEEDS, govkg


LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG, as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
from graph.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _a_bigger_corpus(tmp_path: Path) -> Path:
    big = tmp_path / "big"
    big.mkdir()
    for p in [*SEEDS.glob("*.txt"), *sorted((ROOT / "tests" / "testset" / "reports").glob("*.txt"))[:10]]:
        (big / p.name).write_bytes(p.read_bytes())
    return big


def _one_line_and_the_previous_build(run, out: Path, before: bytes, what: str) -> None:
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr, run.stderr
    assert what in run.stderr and f"{out}: the build could not be written" in run.stderr, run.stderr
    assert "the previous build there is as it was" in run.stderr
    assert (out / "graph.trig").read_bytes() == before
    assert not [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]  # no staging folder, no lock


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_item06_writes_that_fail_midway_leave_the_previous_build_and_one_line(tmp_path, jobs):
    """A full disk ended the build in an OSError traceback and left ~15 MB of temporary files."""
    out = tmp_path / "out"
    assert govkg("build", SEEDS, "-o", out, "-q").returncode == 0
    before = (out / "graph.trig").read_bytes()
    run = subprocess.run([sys.executable, "-c", LIMITED, str(len(before) // 2), "build", str(_a_bigger_corpus(tmp_path)),
                          "-o", str(out), "-q", "-j", jobs], capture_output=True, text=True, cwd=ROOT, timeout=300)
    _one_line_and_the_previous_build(run, out, before, "File too large")


@pytest.fixture()
def small_disk(tmp_path):
    """A real 8 MB file system (tmpfs), where this machine lets the tests mount one."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if sys.platform != "linux" or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(disk)],
                                                 capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here (needs root on Linux); the RLIMIT_FSIZE test stands in")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_item06_a_full_disk(small_disk, tmp_path):
    out = small_disk / "out"
    assert govkg("build", SEEDS, "-o", out, "-q").returncode == 0
    before, used = (out / "graph.trig").read_bytes(), shutil.disk_usage(small_disk).used
    run = govkg("build", _a_bigger_corpus(tmp_path), "-o", out, "-q")
    _one_line_and_the_previous_build(run, out, before, "No space left on device")
    assert shutil.disk_usage(small_disk).used == used  # the space it took is free again


def test_item06_a_read_only_output_folder(small_disk):
    """A read-only output folder also ended in a traceback."""
    out = small_disk / "out"
    assert govkg("build", SEEDS, "-o", out, "-q", "--no-view").returncode == 0
    before = (out / "graph.trig").read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    run = govkg("build", SEEDS, "-o", out, "-q", "--no-view", "--clean")
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr, run.stderr
    assert "Read-only file system" in run.stderr and str(out) in run.stderr
    assert (out / "graph.trig").read_bytes() == before
