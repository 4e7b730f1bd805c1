"""Issue 15, the build's side: one regression test per item, each failing on the code before
its fix, with its fixture beside it (reports written here, in sentences of our own)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

CLI = [sys.executable, "-m", "graph.cli"]


def govkg(*args, env=None, cwd=ROOT, timeout=300):
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout)


def _wait_for(cond, what: str, limit: float = 60.0):
    end = time.monotonic() + limit
    while not cond():
        if time.monotonic() > end:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


# item 5: a build that pauses (it waits for a file before its first report), run as its own process
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
        _wait_for(lambda: list(tmp_path.glob(".out.tmp-*")), "the first build's staging folder")
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


# item 3: reports with nothing of one kind (no place, no entity at all, no Chinese)
NOTHING_OF_ONE_KIND = ["县公安局开展专项行动。", "慈利县破获案件12起。", "今天天气很好。", "hello world"]


def _quads(build_dir) -> set:
    from graph.store import open_store

    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in open_store(build_dir)}


@pytest.mark.parametrize("text", NOTHING_OF_ONE_KIND)
def test_item03_a_report_with_nothing_of_one_kind_builds(tmp_path, text):
    """An empty entities or places graph stopped the build: 'unexpected Oxigraph output: the
    block does not start with the prefix lines'."""
    from rdflib import Dataset

    from graph import build

    (tmp_path / "r.txt").write_text(text + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = build(tmp_path / "r.txt", out)
    assert result.ok and not result.failures
    assert (out / "view.html").exists() and (out / "views" / "reports" / "r.html").exists()
    assert len(Dataset().parse(out / "graph.trig", format="trig")) > 0 and _quads(out)
    # rebuilds that bring the store up to date (the shared graphs empty before or after) agree with clean ones
    for more in ("\n湄潭县公安局开展“清风”专项行动。\n", ""):
        (tmp_path / "r.txt").write_text(text + more + "\n", encoding="utf-8")
        build(tmp_path / "r.txt", out, view=False)
        build(tmp_path / "r.txt", tmp_path / "clean", view=False, incremental=False)
        assert _quads(out) == _quads(tmp_path / "clean")
        assert (out / "graph.trig").read_bytes() == (tmp_path / "clean" / "graph.trig").read_bytes()


def test_item03_the_command_builds_hello_world(tmp_path):
    (tmp_path / "r.txt").write_text("hello world\n", encoding="utf-8")
    run = govkg("build", tmp_path / "r.txt", "-o", tmp_path / "out", "-q")
    assert run.returncode == 0 and not run.stderr, run.stderr


def test_item18_a_build_keeps_the_output_folders_mode(tmp_path):
    """A build turned a 755 out/ into 700 (the mode of its temporary folder)."""
    from graph import build

    (tmp_path / "r.txt").write_text("凤凰县公安局开展“清风”专项行动。\n", encoding="utf-8")
    out = tmp_path / "out"
    old = os.umask(0o022)
    try:
        build(tmp_path / "r.txt", out, view=False)
        assert out.stat().st_mode & 0o777 == 0o755  # a new folder: what mkdir would make
        for mode in (0o755, 0o750, 0o775):
            out.chmod(mode)
            build(tmp_path / "r.txt", out, view=False)
            assert out.stat().st_mode & 0o777 == mode
    finally:
        os.umask(old)


# item 18: file names that are table syntax
ODD_NAMES = {"a|b.txt": "凤凰县公安局开展“清风”专项行动。", "two\nlines.txt": "湄潭县人民法院推行“诉调对接”工作机制。",
             "c|d.txt": ""}  # the last is empty: it fails, and is listed among the failures


def test_item18_a_pipe_or_line_break_in_a_file_name_keeps_summary_table_whole(tmp_path):
    """A newline in a file name broke summary.md's table (and a | split its row)."""
    import re

    from graph import build

    src = tmp_path / "in"
    src.mkdir()
    for name, text in ODD_NAMES.items():
        (src / name).write_text(text, encoding="utf-8")
    build(src, tmp_path / "out", view=False)
    text = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    rows = [ln for ln in text.splitlines() if ln.startswith("|")]
    cells = [len(re.split(r"(?<!\\)\|", ln)) for ln in rows]
    assert len(rows) == 2 + 3 + 2 + 1  # reports: head, rule, 2 reports, total; failures: head, rule, 1
    assert cells[:5] == [cells[0]] * 5 and cells[5:] == [4] * 3, text
    assert r"| a\|b |" in text and r"| two\nlines |" in text and r"c\|d.txt | empty file |" in text


# item 12: what a planted cache entry could do
PLANTED = """
import os, pickle, sys
class Payload:
    def __reduce__(self):
        return (os.system, (f"echo ran > {sys.argv[2]}",))
for name in os.listdir(sys.argv[1]):
    if name not in ("manifest.json", "shared.nq"):
        with open(os.path.join(sys.argv[1], name), "wb") as f:
            f.write(pickle.dumps(Payload()))
"""


def test_item12_a_planted_cache_entry_runs_no_code(tmp_path):
    """A pickle planted in OUT/.cache ran code on the next rebuild."""
    src, out, marker = tmp_path / "in", tmp_path / "out", tmp_path / "ran"
    src.mkdir()
    (src / "a.txt").write_text("凤凰县公安局开展“清风”专项行动。", encoding="utf-8")
    assert govkg("build", src, "-o", out, "-q", "--no-view").returncode == 0
    subprocess.run([sys.executable, "-c", PLANTED, str(out / ".cache"), str(marker)], check=True)
    run = govkg("build", src, "-o", out, "-q", "--no-view")
    assert not marker.exists(), "the planted entry ran"
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert "凤凰县公安局" in (out / "graph.trig").read_text(encoding="utf-8")  # extracted again


def test_item12_a_wrong_typed_cache_entry_is_a_miss(tmp_path):
    """An entry of the wrong type ended the rebuild in an AttributeError."""
    import pickle

    from graph import build

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text("凤凰县公安局开展“清风”专项行动，破获案件3起。", encoding="utf-8")
    (src / "b.txt").write_text("湄潭县人民法院推行“诉调对接”工作机制。", encoding="utf-8")
    build(src, out, view=False)
    clean = (out / "graph.trig").read_bytes()
    entries = sorted(p for p in (out / ".cache").iterdir() if p.name not in ("manifest.json", "shared.nq"))
    assert len(entries) == 2
    entries[0].write_bytes(pickle.dumps({"report_id": "a", "notes": "not notes"}))  # not a part at all
    data = entries[1].read_bytes()  # a part whose counts are words and whose notes lost a field
    if data.startswith(b"govkg-part"):
        import msgpack

        magic, body = data[:data.index(b"\n") + 1], msgpack.unpackb(data[data.index(b"\n") + 1:])
        body["counts"] = {k: str(v) for k, v in body["counts"].items()}
        body["notes"] = [n[:-1] for n in body["notes"]]
        entries[1].write_bytes(magic + msgpack.packb(body))
    again = build(src, out, view=False)
    assert again.reused == 0 and not again.failures
    assert (out / "graph.trig").read_bytes() == clean


def test_item12_a_part_reads_back_as_written():
    """The cache's plain-data form holds every field of a part exactly (so a rebuild from the
    cache writes the bytes a clean build writes)."""
    from graph.build import make_part
    from graph.partcache import Unfit, decode, encode
    from graph.read import read_report

    for i, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        report = read_report(path)
        part = make_part(report, f"digest{i}")
        back = decode(encode(part), report)
        assert back == part and type(back.notes[0]) is type(part.notes[0])
        assert all(type(x) is type(y) for n, m in zip(back.notes, part.notes) for x, y in zip(n, m))
        with pytest.raises(Unfit):
            decode(encode(part)[:-1], report)  # cut short


# item 7: ways a previous build's cache or store is found damaged
def _sst(out: Path) -> list[Path]:
    return sorted((out / "store").glob("*.sst"))


DAMAGE = {
    "manifest_is_a_list": lambda out: (out / ".cache" / "manifest.json").write_text("[]"),
    "manifest_is_garbage": lambda out: (out / ".cache" / "manifest.json").write_bytes(b"\x00{garbage"),
    "shared_nq_cut_short": lambda out: (out / ".cache" / "shared.nq").write_bytes((out / ".cache" / "shared.nq").read_bytes()[:700]),
    "shared_nq_lines_lost": lambda out: (out / ".cache" / "shared.nq").write_text(
        "".join((out / ".cache" / "shared.nq").read_text(encoding="utf-8").splitlines(True)[:5]), encoding="utf-8"),
    "shared_nq_garbage_line": lambda out: (out / ".cache" / "shared.nq").open("a").write("garbage line\n"),
    "sst_missing": lambda out: _sst(out)[0].unlink(),
    "sst_overwritten": lambda out: [p.write_bytes(os.urandom(p.stat().st_size)) for p in _sst(out)],
    "sst_cut_short": lambda out: _sst(out)[-1].write_bytes(_sst(out)[-1].read_bytes()[:100]),
    "current_garbage": lambda out: (out / "store" / "CURRENT").write_text("garbage\n"),
    "store_gone": lambda out: __import__("shutil").rmtree(out / "store"),
}
TWO_REPORTS = {"a.txt": "凤凰县公安局开展“清风”专项行动，破获案件3起。", "b.txt": "湄潭县人民法院推行“诉调对接”工作机制。"}


@pytest.mark.parametrize("damage", DAMAGE)
def test_item07_a_damaged_cache_or_store_is_set_aside_with_a_warning(tmp_path, damage):
    """A corrupt manifest.json, shared.nq, .sst or CURRENT stopped every incremental rebuild
    with a traceback until --clean."""
    from graph import build

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name, text in TWO_REPORTS.items():
        (src / name).write_text(text, encoding="utf-8")
    build(src, out, view=False)
    DAMAGE[damage](out)
    (src / "a.txt").write_text(TWO_REPORTS["a.txt"] + "\n县公安局开展“净网”专项行动。", encoding="utf-8")
    again = build(src, out, view=False)
    assert not again.failures and len(again.warnings) == 1 and "the store is loaded anew" in again.warnings[0], again.warnings
    assert "\n" not in again.warnings[0]
    assert again.reused == 1  # the unchanged report's part still checks out on its own
    build(src, tmp_path / "clean", view=False, incremental=False)
    assert (out / "graph.trig").read_bytes() == (tmp_path / "clean" / "graph.trig").read_bytes()
    assert _quads(out) == _quads(tmp_path / "clean")
    assert not build(src, out, view=False).warnings  # and the next rebuild updates the new store again


@pytest.mark.parametrize("damage", ["current_garbage", "sst_missing"])
def test_item07_a_query_on_a_damaged_store_says_so_in_one_line(tmp_path, damage):
    from graph import build

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(TWO_REPORTS["a.txt"], encoding="utf-8")
    build(src, out, view=False)
    DAMAGE[damage](out)
    run = govkg("query", "posts", "--from", out)
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr, run.stderr
    assert "the store is damaged" in run.stderr and "--clean" in run.stderr


def test_item07_the_command_says_why_the_store_is_loaded_anew(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(TWO_REPORTS["a.txt"], encoding="utf-8")
    assert govkg("build", src, "-o", out, "-q", "--no-view").returncode == 0
    DAMAGE["current_garbage"](out)
    (src / "b.txt").write_text(TWO_REPORTS["b.txt"], encoding="utf-8")
    run = govkg("build", src, "-o", out, "-q", "--no-view")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    lines = [ln for ln in run.stderr.splitlines() if ln.startswith("govkg: the store is loaded anew")]
    assert len(lines) == 1 and str(out / "store") in lines[0], run.stderr


# item 6: a disk that fills up, a folder that cannot be written
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
    before, used = (out / "graph.trig").read_bytes(), __import__("shutil").disk_usage(small_disk).used
    run = govkg("build", _a_bigger_corpus(tmp_path), "-o", out, "-q")
    _one_line_and_the_previous_build(run, out, before, "No space left on device")
    assert __import__("shutil").disk_usage(small_disk).used == used  # the space it took is free again


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


# item 17: links out of the source folder
def _linked_folder(tmp_path: Path) -> Path:
    outside = tmp_path / "private"
    (outside / "notes").mkdir(parents=True)
    (outside / "diary.txt").write_text("凤凰县公安局开展“私密”专项行动。", encoding="utf-8")
    (outside / "notes" / "n.txt").write_text("湄潭县人民法院推行“隐秘”工作机制。", encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("慈利县公安局开展“清风”专项行动。", encoding="utf-8")
    (src / "link_to_diary.txt").symlink_to(outside / "diary.txt")
    (src / "linked_notes").symlink_to(outside / "notes", target_is_directory=True)
    (src / "same_folder.txt").symlink_to(src / "a.txt")  # stays inside: built (and found to be a.txt's text)
    return src


def test_item17_links_out_of_the_source_folder_are_not_followed(tmp_path):
    """A link to a file outside the source folder (→ /etc/passwd) was built into the graph and a view page."""
    from graph import build

    result = build(_linked_folder(tmp_path), tmp_path / "out")
    everything = (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in (tmp_path / "out" / "views").rglob("*.html"))
    assert "私密" not in everything and "隐秘" not in everything and "清风" in everything
    skipped = {Path(f.path).name: f.reason for f in result.failures}
    assert "link_to_diary.txt" in skipped and "not followed (--follow-links follows it)" in skipped["link_to_diary.txt"]
    assert str(tmp_path / "private" / "diary.txt") in skipped["link_to_diary.txt"]
    assert "same text as" in skipped["same_folder.txt"]  # a link inside the folder is followed
    summary = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert "link_to_diary.txt" in summary


def test_item17_follow_links_follows_them(tmp_path):
    from graph import build

    result = build(_linked_folder(tmp_path), tmp_path / "out", view=False, follow_links=True)
    trig = (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8")
    assert "私密" in trig and not any("not followed" in f.reason for f in result.failures)
    run = govkg("build", _linked_folder(tmp_path / "again"), "-o", tmp_path / "o2", "-q", "--no-view", "--follow-links")
    assert run.returncode == 0 and "not followed" not in run.stderr and "私密" in (tmp_path / "o2" / "graph.trig").read_text(encoding="utf-8")


# item 4 (its time limit): a report whose extraction does not end
SLOW = {"a.txt": "凤凰县公安局开展“清风”专项行动。", "stuck.txt": "湄潭县人民法院推行“诉调对接”工作机制。",
        "z.txt": "慈利县公安局破获案件12起。"}


def _stuck_on(monkeypatch, name: str) -> None:
    """make_part never ends on the report ``name`` (a stand-in for text a rule runs away on:
    which text that is changes as the rules are made linear; a limit must hold whatever it is)."""
    build_module = sys.modules["graph.build"]
    real = build_module.make_part

    def make_part(report, digest):
        if report.path.endswith(name):
            while True:
                sum(range(10_000))  # busy, as a runaway rule is: no sleep for a signal to end early
        return real(report, digest)

    monkeypatch.setattr(build_module, "make_part", make_part)


@pytest.mark.parametrize("jobs", [1, 2])
def test_item04_a_report_past_the_time_limit_is_skipped_and_the_build_goes_on(tmp_path, monkeypatch, jobs):
    """No limit per report: one report on which extraction runs away hung the whole build."""
    from graph import build

    src = tmp_path / "in"
    src.mkdir()
    for name, text in SLOW.items():
        (src / name).write_text(text, encoding="utf-8")
    _stuck_on(monkeypatch, "stuck.txt")
    t0 = time.monotonic()
    result = build(src, tmp_path / "out", view=False, jobs=jobs, report_timeout=1.5)
    assert time.monotonic() - t0 < 60
    assert [p.report_id for p in result.parts] == ["a", "z"]
    [failure] = result.failures
    assert failure.path.endswith("stuck.txt") and failure.reason == "extraction ran past the time limit for one report (1.5 s, --report-timeout)"
    assert "stuck.txt" in (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")


def test_item04_the_limit_leaves_other_timers_and_fast_reports_alone(tmp_path):
    import signal

    from graph.build import time_limit

    fired = []
    old = signal.signal(signal.SIGALRM, lambda *a: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 3.0)
        with time_limit(1.0):
            pass  # a report that ends in time
        assert fired == [] and 2.0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 3.0  # the outer timer runs on
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


STUCK_CLI = """
import sys
b = __import__("graph.build").build and sys.modules["graph.build"]
real = b.make_part
def make_part(report, digest):
    while report.path.endswith("stuck.txt"):
        pass
    return real(report, digest)
b.make_part = make_part
from graph.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_item04_the_command_names_the_report_it_skipped(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name, text in SLOW.items():
        (src / name).write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", STUCK_CLI, "build", str(src), "-o", str(tmp_path / "out"), "-q", "--no-view",
                          "-j", "2", "--report-timeout", "1"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stderr == f"govkg: skipped {src / 'stuck.txt'}: extraction ran past the time limit for one report (1 s, --report-timeout)\n"
