"""Issue 15, item 4 (its time limit; making extraction linear is another's work): one report
on which extraction runs away hung the whole build. A report whose extraction runs past
``--report-timeout`` (default 120 s) is now skipped and named, and the build goes on, with -j 1
and -j N. Fixture: the three reports in SLOW, one of which never ends."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest

from i15_build import ROOT


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
