"""Issue 15, item 18: a build turned a 755 out/ into 700, and a newline in a file name broke
summary.md's table (a | split a row)."""
from __future__ import annotations

import os
import re


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


ODD_NAMES = {"a|b.txt": "凤凰县公安局开展“清风”专项行动。", "two\nlines.txt": "湄潭县人民法院推行“诉调对接”工作机制。",
             "c|d.txt": ""}  # the last is empty: it fails, and is listed among the failures


def test_item18_a_pipe_or_line_break_in_a_file_name_keeps_summary_table_whole(tmp_path):
    """A newline in a file name broke summary.md's table (and a | split its row)."""
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
