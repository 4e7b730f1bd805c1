"""Issue 15, item 4 (the extraction half; the time limit is test_04_a_report_past_the_time_limit…):
one sentence of 800 comma-spliced clauses took 62 s, the shared corpus as one line 158 s, a
1 MB line did not finish. Every extraction step is now linear in the report's length.

Speed is measured by benchmarks/growth.py (CPU time by length, its growth exponent); these
tests count instead what cannot vary with the machine's load: the lines of Python that
extraction executes, on texts four times longer. A linear extraction executes four times the
lines (3.8–4.0 today); the rules that scanned every earlier span or actor for each new one
executed 6 to 41 times as many (on main before: clauses 41.4, documents 9.6, formulas 7.4, lists 6.9, names 6.0);
the rules that came later and read a whole sentence again for each thing (who acts with a body,
who else holds an honor, a 由…任 clause, a formula's 把/将 clause) did so again (joint 55.5,
formulas 7.2, appointments 5.5) until they too were given indexes."""
from __future__ import annotations

import subprocess
import sys

import pytest

from i15_build import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import growth  # noqa: E402


def _lines_executed(text: str) -> int:
    from graph import extract_text

    count = 0

    def trace(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return trace

    old = sys.gettrace()
    sys.settrace(trace)
    try:
        extract_text(text)
    finally:
        sys.settrace(old)
    return count


@pytest.mark.skipif(sys.gettrace() is not None, reason="a tracer (coverage, a debugger) is already running")
@pytest.mark.parametrize("family", ["clauses", "lists", "names", "numbers", "quotes", "documents", "formulas",
                                    "joint", "appointments"])
def test_item04_extraction_work_grows_linearly_with_the_report(family):
    """A single-line report four times longer costs at most five times the work (executed lines)."""
    from graph import extract_text

    make = growth.FAMILIES[family]
    extract_text(make(3000))  # lexicons and dictionaries loaded: only the text's own work is counted
    small, large = _lines_executed(make(2000)), _lines_executed(make(8000))
    assert large / small <= 5.0, f"{family}: 4× the text executed {large / small:.1f}× the lines"


def test_item04_a_report_may_end_in_an_award_verb():
    """A text ending in 荣获 (or 被评为…) raised IndexError in the honors rule: the benchmark's
    texts, cut at any length, ended that way."""
    from graph import extract_text

    for text in ("县公安局荣获", "县公安局被评为", "获评"):
        ex = extract_text(text)
        assert not [e for e in ex.entities.values() if e.type == "Honor"]
    ex = extract_text("慈利县公安局荣获“全省优秀公安局”称号。")
    assert [e.name for e in ex.entities.values() if e.type == "Honor"]


def test_item04_the_growth_benchmark_runs():
    """benchmarks/growth.py at small sizes (its slopes are for a full run, not for this)."""
    run = subprocess.run([sys.executable, "benchmarks/growth.py", "--quick", "--families", "quotes", "lists"],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "| family |" in run.stdout and "| quotes | 4,000–32,000 |" in run.stdout and "| lists |" in run.stdout
