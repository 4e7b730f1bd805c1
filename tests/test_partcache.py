"""The part cache keeps every report's part in one pack file: what a rebuild relies on of it."""
from __future__ import annotations

from graph import build
from graph.partcache import PACK, PACK_MAGIC, PackWriter, pack_entries, pack_index

REPORTS = {
    "a.txt": "凤凰县公安局开展“清风”专项行动，破获案件3起。",
    "b.txt": "湄潭县人民法院推行“诉调对接”工作机制。",
    "c.txt": "石门县司法局建成“雪亮工程”监控点位120个。",
}


def _source(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name, text in REPORTS.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def test_a_build_caches_all_its_parts_in_one_file(tmp_path):
    src, out = _source(tmp_path), tmp_path / "out"
    build(src, out, view=False)
    assert sorted(p.name for p in (out / ".cache").iterdir()) == ["manifest.json", "parts.pack", "shared.nq"]
    assert len(dict(pack_entries(out / ".cache" / PACK))) == 3
    again = build(src, out, view=False)
    assert again.reused == 3
    assert len(dict(pack_entries(out / ".cache" / PACK))) == 3  # the reused parts are in the new pack too


def test_a_pack_cut_short_keeps_the_parts_before_the_cut(tmp_path):
    src, out = _source(tmp_path), tmp_path / "out"
    clean = build(src, out, view=False)
    pack = out / ".cache" / PACK
    (first, (at, n)), *_ = pack_index(pack).items()
    pack.write_bytes(pack.read_bytes()[:at + n + 10])  # the first entry whole, the second's line cut
    assert list(pack_index(pack)) == [first]
    again = build(src, out, view=False)
    assert again.reused == 1 and not again.failures and len(again.parts) == len(clean.parts)


def test_a_damaged_entry_line_ends_the_index(tmp_path):
    pack = tmp_path / PACK
    w = PackWriter(pack)
    w.add_entry("0a-" + "1" * 40 + ".part", b"x" * 5)
    w.add_entry("0a-" + "2" * 40 + ".part", b"y" * 5)
    w.close()
    data = pack.read_bytes()
    assert data.startswith(PACK_MAGIC) and len(pack_index(pack)) == 2
    pack.write_bytes(data.replace(b" 5\n" + b"y", b" 50\n" + b"y"))  # a length past the end
    assert len(pack_index(pack)) == 1
    pack.write_bytes(b"not a pack at all")
    assert pack_index(pack) == {}
    assert pack_index(tmp_path / "missing") == {}
