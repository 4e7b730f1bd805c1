"""Issue 15, item 12: pickles in OUT/.cache ran code on rebuild (a planted entry wrote
uid=0(root) to a file), and an entry of the wrong type ended in an AttributeError. The part
cache is plain data now (MessagePack), checked field by field as it is read: a planted or
wrong-typed entry is a cache miss."""
from __future__ import annotations

import subprocess
import sys

import pytest

from i15_build import SEEDS, govkg


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
    from graph.partcache import PACK, PackWriter, pack_entries

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text("凤凰县公安局开展“清风”专项行动，破获案件3起。", encoding="utf-8")
    (src / "b.txt").write_text("湄潭县人民法院推行“诉调对接”工作机制。", encoding="utf-8")
    build(src, out, view=False)
    clean = (out / "graph.trig").read_bytes()
    pack = out / ".cache" / PACK
    entries = sorted(pack_entries(pack))
    assert len(entries) == 2
    import msgpack

    (n0, _), (n1, data) = entries
    magic, body = data[:data.index(b"\n") + 1], msgpack.unpackb(data[data.index(b"\n") + 1:])
    body["counts"] = {k: str(v) for k, v in body["counts"].items()}  # counts that are words
    body["notes"] = [n[:-1] for n in body["notes"]]  # notes that lost a field
    damaged = PackWriter(pack)
    damaged.add_entry(n0, pickle.dumps({"report_id": "a", "notes": "not notes"}))  # not a part at all
    damaged.add_entry(n1, magic + msgpack.packb(body))
    damaged.close()
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
