"""Issue 15, item 2: `govkg export BUILD -f nt -o /dev/stdout` replaced the /dev/stdout link
with a file (written aside, then renamed over the target). Nothing that is not a regular file
is ever renamed over: a link, a device or a pipe is written into; `-o -` is standard output
for every single-file format. (The test uses links in its own folder, never /dev/stdout.)"""
from __future__ import annotations

import os

import pytest

from i15 import govkg, one_line_error

SINGLE = ["ttl", "trig", "nq", "nt", "jsonld", "graphml", "gexf"]


def test_item02_a_link_is_written_through_and_kept(seed_build, tmp_path):
    real = tmp_path / "real.nt"
    real.write_text("old", encoding="utf-8")
    os.chmod(real, 0o600)
    link = tmp_path / "latest.nt"
    link.symlink_to(real)
    null = tmp_path / "discard.nt"
    null.symlink_to(os.devnull)
    for target in (link, null):
        run = govkg("export", seed_build.out_dir, "-f", "nt", "-o", target)
        assert run.returncode == 0, run.stderr
        assert target.is_symlink()
    assert os.readlink(null) == os.devnull and os.path.exists(os.devnull) and not os.path.isfile(os.devnull)
    assert "慈利县" in real.read_text(encoding="utf-8") and os.stat(real).st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["discard.nt", "latest.nt", "real.nt"]  # no temp file left


@pytest.mark.parametrize("fmt", SINGLE)
def test_item02_dash_is_standard_output(seed_build, tmp_path, fmt):
    run = govkg("export", seed_build.out_dir, "-f", fmt, "-o", "-", cwd=tmp_path, text=False)
    assert run.returncode == 0, run.stderr
    assert "慈利县".encode("utf-8") in run.stdout or b"\\u6148" in run.stdout
    assert list(tmp_path.iterdir()) == []  # no file called "-"


def test_item02_csv_to_standard_output_and_a_folder_as_file_are_clear_errors(seed_build, tmp_path):
    assert "folder" in one_line_error(govkg("export", seed_build.out_dir, "-f", "csv", "-o", "-"))
    assert "is a folder" in one_line_error(govkg("export", seed_build.out_dir, "-f", "nt", "-o", tmp_path))
