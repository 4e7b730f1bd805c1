"""Issue 15, item 5: two builds into the same -o: once the first had run a minute, the second
deleted its temporary folder and the first died with a FileNotFoundError. A lock now keeps the
second out, with one line naming the first; nothing of a live build is touched."""
from __future__ import annotations

import os
import subprocess
import sys
import time

from i15_build import ROOT, govkg, wait_for


PAUSED_BUILD = """
import sys, time
from pathlib import Path
import graph
b = sys.modules["graph.build"]  # the module (graph.build is also the name of its function)
go = Path(sys.argv[3])
real = b.make_part
def make_part(*args, **kwargs):
    while not go.exists():
        time.sleep(0.05)
    return real(*args, **kwargs)
b.make_part = make_part
r = b.build(sys.argv[1], sys.argv[2], view=False)
print(len(r.parts))
"""


def test_item05_a_second_build_into_the_same_folder_is_refused_and_the_first_goes_on(tmp_path):
    """Two builds into one -o: the second deleted the first's temporary folder once it was a
    minute old, and the first died with a FileNotFoundError."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("凤凰县公安局开展“清风”专项行动，破获案件3起。", encoding="utf-8")
    out, go = tmp_path / "out", tmp_path / "go"
    first = subprocess.Popen([sys.executable, "-c", PAUSED_BUILD, str(src), str(out), str(go)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: list(tmp_path.glob(".out.tmp-*")), "the first build's staging folder")
        staging = next(tmp_path.glob(".out.tmp-*"))
        old = time.time() - 300  # as if the first build had run for five minutes
        os.utime(staging, (old, old))
        second = govkg("build", src, "-o", out, "-q", "--no-view")
        assert second.returncode == 2, second.stderr
        assert second.stderr.count("\n") == 1 and "another govkg build is writing here" in second.stderr, second.stderr
        assert str(out) in second.stderr and f"pid {first.pid}" in second.stderr
        assert "Traceback" not in second.stderr
        assert staging.is_dir()  # the first build's folder is not touched
    finally:
        go.touch()
        stdout, stderr = first.communicate(timeout=120)
    assert first.returncode == 0 and stdout.strip() == "1", stderr
    assert (out / "graph.trig").exists() and not list(tmp_path.glob(".out.tmp-*"))
    again = govkg("build", src, "-o", out, "-q", "--no-view")  # the lock went with the first build
    assert again.returncode == 0, again.stderr
    assert not list(tmp_path.glob(".out.*"))  # neither staging folders nor the lock file stay behind
    # what a killed build leaves (its lock file, unlocked now, and a young staging folder) does not stop the next
    (tmp_path / ".out.lock").write_text("pid 1, since long ago\n")
    (tmp_path / ".out.tmp-killed").mkdir()
    assert govkg("build", src, "-o", out, "-q", "--no-view").returncode == 0
    assert not list(tmp_path.glob(".out.*"))
