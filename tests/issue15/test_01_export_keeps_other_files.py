"""Issue 15, item 1: `govkg export BUILD -f csv -o DIR` deleted the other files in DIR and
made it 0700; `-o .` deleted the working folder's contents. export writes only its own files,
keeps modes, refuses the current folder or a folder holding the build, and a folder target
without -f is said to mean CSV (a name that is neither a folder nor has a known extension is
a question, not a guess)."""
from __future__ import annotations

import os
import stat

from i15 import govkg, one_line_error

TABLES = {"entities.csv", "relations.csv", "statistics.csv", "posts.csv", "adoption.csv"}


def _mode(p) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


def test_item01_csv_into_a_folder_keeps_its_files_and_modes(seed_build, tmp_path):
    thesis = tmp_path / "thesis"
    thesis.mkdir()
    (thesis / "chapter1.md").write_text("第一章 草稿", encoding="utf-8")
    (thesis / "data").mkdir()
    (thesis / "data" / "notes.txt").write_text("笔记", encoding="utf-8")
    (thesis / "entities.csv").write_text("an older export", encoding="utf-8")
    os.chmod(thesis / "entities.csv", 0o640)
    os.chmod(thesis, 0o751)
    run = govkg("export", seed_build.out_dir, "-f", "csv", "-o", thesis)
    assert run.returncode == 0, run.stderr
    assert {p.name for p in thesis.iterdir()} == TABLES | {"chapter1.md", "data"}
    assert (thesis / "chapter1.md").read_text(encoding="utf-8") == "第一章 草稿"
    assert (thesis / "data" / "notes.txt").read_text(encoding="utf-8") == "笔记"
    assert _mode(thesis) == 0o751 and _mode(thesis / "entities.csv") == 0o640
    assert "慈利县" in (thesis / "entities.csv").read_text(encoding="utf-8-sig")


def test_item01_refuses_the_working_folder_and_a_folder_holding_the_build(seed_build, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    (work / "keep.txt").write_text("mine", encoding="utf-8")
    for target, cwd in ((".", work), (seed_build.out_dir.parent, work), (seed_build.out_dir, work)):
        line = one_line_error(govkg("export", seed_build.out_dir, "-f", "csv", "-o", target, cwd=cwd))
        assert "will not write the tables into" in line
    assert [p.name for p in work.iterdir()] == ["keep.txt"]
    assert (seed_build.out_dir / "graph.trig").is_file() and (seed_build.out_dir / "store").is_dir()


def test_item01_a_folder_target_without_format_means_csv_explicitly(seed_build, tmp_path):
    run = govkg("export", seed_build.out_dir, "-o", f"{tmp_path / 'tables'}/")
    assert run.returncode == 0 and "CSV" in run.stdout, run.stderr
    assert {p.name for p in (tmp_path / "tables").iterdir()} == TABLES
    line = one_line_error(govkg("export", seed_build.out_dir, "-o", tmp_path / "graph"))  # a file meant, or a folder?
    assert "give --format" in line and not (tmp_path / "graph").exists()
    line = one_line_error(govkg("export", seed_build.out_dir, "-o", tmp_path / "all.csv"))
    assert "folder" in line and not (tmp_path / "all.csv").exists()
