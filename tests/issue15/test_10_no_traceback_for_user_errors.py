"""Issue 15, item 10: a user error from any command ends in one line naming the file and the
problem and a non-zero exit, never a traceback: `view BUILD -o EXISTING_DIR` raised
IsADirectoryError, `query … | head` a BrokenPipeError, and so did the cases below."""
from __future__ import annotations

import os
import subprocess

import pytest

from i15 import CLI, ROOT, govkg, one_line_error

CASES = {  # command → what the one line must say
    "view_into_a_folder": (["view", "{build}", "-o", "{tmp}"], "is a folder"),
    "export_under_a_file": (["export", "{build}", "-f", "nt", "-o", "{tmp}/notes.txt/graph.nt"], "notes.txt"),
    "query_file_not_utf8": (["query", "{tmp}/latin1.rq", "--from", "{build}"], "not UTF-8"),
    "gold_without_entities": (["evaluate", "{build}", "--gold", "{tmp}/gold"], "no \"entities\""),
    "gold_is_a_file": (["evaluate", "{build}", "--gold", "{tmp}/notes.txt"], "not a folder"),
    "validate_a_broken_graph": (["validate", "{tmp}/broken"], "graph.ttl: not readable as Turtle"),
    "push_to_a_malformed_url": (["push", "{build}", "--store", "http://[::1"], "Graph Store endpoint URL"),
    "explain_a_folder": (["explain", "{tmp}/gold"], "gold"),
}


@pytest.fixture()
def scene(seed_build, tmp_path):
    (tmp_path / "notes.txt").write_text("用户的笔记", encoding="utf-8")
    (tmp_path / "latin1.rq").write_bytes("SELECT * WHERE { ?s ?p \"café\" }".encode("latin-1"))
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "r.json").write_text('{"report": "r"}', encoding="utf-8")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "graph.ttl").write_text("<a> <b> 这不是 Turtle", encoding="utf-8")
    return {"build": str(seed_build.out_dir), "tmp": str(tmp_path)}


@pytest.mark.parametrize("case", sorted(CASES))
def test_item10_user_errors_are_one_line(scene, case):
    args, says = CASES[case]
    line = one_line_error(govkg(*[a.format(**scene) for a in args]))
    assert says in line, line


def test_item10_bad_numbers_are_refused_by_the_argument_parser(scene):
    for args in (["serve", scene["build"], "--port", "99999"], ["build", "seeds", "-j", "0"],
                 ["stats", scene["build"], "--top", "-1"], ["serve", scene["build"], "--timeout", "nan"]):
        run = govkg(*args)
        assert run.returncode == 2 and "Traceback" not in run.stderr and "error: argument" in run.stderr, run.stderr


def test_item10_a_closed_pipe_ends_the_output_quietly(scene):
    """`govkg query … | head`: the reader has gone before the rows are written."""
    read, write = os.pipe()
    os.close(read)
    try:
        run = subprocess.run([*CLI, "query", "reports_overview", "--from", scene["build"]], stdout=write,
                             stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=120)
    finally:
        os.close(write)
    assert run.returncode != 0 and "Traceback" not in run.stderr and "BrokenPipe" not in run.stderr, run.stderr
