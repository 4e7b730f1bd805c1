"""Reading: encodings, undecodable files reported by name, report ids."""
from __future__ import annotations

import pytest

from graph.errors import InputError, ReadError
from graph.read import read_report, read_reports

SENTENCE = "泸溪县公安局开展“雷霆”专项行动，破获案件12起。"


def test_utf8_with_bom(report_dir):
    p = report_dir / "a_bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"))
    r = read_report(p)
    assert r.text == SENTENCE and r.id == "a_bom"


def test_gb18030_is_detected(report_dir):
    p = report_dir / "gbk.md"
    p.write_bytes((SENTENCE * 3).encode("gb18030"))
    r = read_report(p)
    assert r.text == SENTENCE * 3 and r.encoding == "gb18030"


def test_undecodable_and_empty_files_are_reported_and_the_rest_read(report_dir):
    (report_dir / "good.txt").write_text(SENTENCE, encoding="utf-8")
    (report_dir / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (report_dir / "empty.txt").write_bytes(b"")
    items = list(read_reports(report_dir))
    errors = {e.path.rsplit("/", 1)[-1]: e.reason for e in items if isinstance(e, ReadError)}
    assert set(errors) == {"binary.txt", "empty.txt"}
    assert [r.id for r in items if not isinstance(r, ReadError)] == ["good"]


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_reports(tmp_path / "nope"))
    with pytest.raises(InputError, match="no reports in this folder"):
        list(read_reports(tmp_path))
