"""Bad input, interrupted builds, determinism and hostile text: every failure is a clear line
naming the file, nothing a user built is lost, nothing gets in."""
from __future__ import annotations

import math
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph

from conftest import ROOT, SEEDS

from graph.rdf import report_graph_iri
from graph.read import read_report
from graph.store import open_store

GOOD = next(SEEDS.glob("*.txt"))
CLI = [sys.executable, "-m", "graph.cli"]
REPORT = "湄潭县公安局开展“净网2021”专项行动，破获电信网络诈骗案件56起。"
TRAD = "騰衝市公安局開展“禁毒風暴”專項行動，破獲毒品案件45起。"


def govkg(*args, env=None, cwd=ROOT):
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env)


def one_folder(tmp_path: Path, name: str, data: bytes) -> Path:
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    shutil.copy(GOOD, src / "good.txt")
    (src / name).write_bytes(data)
    return src


@pytest.mark.parametrize("name,data,expect", [
    ("gb18030.txt", (REPORT * 3).encode("gb18030"), "湄潭县公安局"),
    ("gbk.txt", (REPORT * 3).encode("gbk"), "湄潭县公安局"),
    ("big5.txt", (TRAD * 3).encode("big5"), "腾冲市公安局"),
    ("utf16le_bom.txt", b"\xff\xfe" + REPORT.encode("utf-16-le"), "湄潭县公安局"),
    ("utf16be_bom.txt", b"\xfe\xff" + REPORT.encode("utf-16-be"), "湄潭县公安局"),
    ("utf16le_nobom.txt", ("2021 " + REPORT).encode("utf-16-le"), "湄潭县公安局"),
    ("utf8_bom.md", b"\xef\xbb\xbf" + REPORT.encode("utf-8"), "湄潭县公安局"),
    ("crlf_and_cr.txt", "湄潭县公安\r\n局开展“净网”专项行动。\r县法院建立“诉调对接”工作机制。\n".encode("utf-8"), "湄潭县公安局"),
    ("one_line.txt", "湄潭县公安局开展净网专项行动破获电信网络诈骗案件56起抓获犯罪嫌疑人120余人".encode("utf-8"), "湄潭县公安局"),
    ("page.txt", f"<html><head><title>x</title></head><body><p>{REPORT}</p><script>var a=1;</script></body></html>".encode("utf-8"),
     "湄潭县公安局"),
])
def test_encodings_and_shapes_build(tmp_path, name, data, expect):
    from graph import build

    result = build(one_folder(tmp_path, name, data), tmp_path / "out", view=False)
    assert not result.failures, result.failures
    part = next(p for p in result.parts if p.path.endswith(name))
    assert expect in {n.name for n in part.notes if n.mentioned}, part.notes
    text = read_report(part.path).text
    store = open_store(tmp_path / "out")
    mentions = list(store.query("""PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        SELECT ?b ?e ?a WHERE { GRAPH <%s> { ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a } }""" % report_graph_iri(part.report_id)))
    assert mentions
    for b, e, a in mentions:  # offsets point into the text exactly as decoded from the file
        assert text[int(b.value):int(e.value)] == a.value
    labels = [r[0].value for r in store.query("SELECT ?l WHERE { ?x <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }")]
    assert labels and not any("<" in label for label in labels)


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n \t", "empty file"),
    ("binary.txt", bytes(range(256)) * 20, "binary file"),
    ("bad_utf16.txt", b"\xff\xfe\x00\xd8\x41", "UTF-16"),
])
def test_bad_files_are_named_and_skipped(tmp_path, name, data, reason):
    run = govkg("build", one_folder(tmp_path, name, data), "-o", tmp_path / "out", "-q")
    assert run.returncode == 0, run.stderr
    lines = [ln for ln in run.stderr.splitlines() if name in ln]
    assert len(lines) == 1 and reason in lines[0], run.stderr
    assert "Traceback" not in run.stderr
    assert name in (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")


def test_huge_file_is_refused_without_reading_it(tmp_path):
    src = one_folder(tmp_path, "corpus.txt", b"")
    with (src / "corpus.txt").open("wb") as f:  # a 90 MB file, sparse on disk
        f.seek(90_000_000)
        f.write(b"\n")
    run = govkg("build", src, "-o", tmp_path / "out", "-q")
    assert run.returncode == 0 and "corpus.txt: too large for one report" in run.stderr


def test_duplicate_text_is_built_once(tmp_path):
    src = one_folder(tmp_path, "copy.txt", GOOD.read_bytes())
    run = govkg("build", src, "-o", tmp_path / "out", "-q")
    lines = [ln for ln in run.stderr.splitlines() if "same text as" in ln]
    assert run.returncode == 0 and len(lines) == 1 and "good.txt" in lines[0] and "copy.txt" in lines[0]


def test_nothing_buildable_and_missing_paths(tmp_path):
    src = tmp_path / "bad"
    src.mkdir()
    (src / "a.txt").write_bytes(b"")
    run = govkg("build", src, "-o", tmp_path / "out")
    assert run.returncode == 1 and "nothing could be built" in run.stderr and "Traceback" not in run.stderr
    run = govkg("build", tmp_path / "nope", "-o", tmp_path / "out")
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "no such file or folder" in run.stderr
    (tmp_path / "empty").mkdir()
    run = govkg("build", tmp_path / "empty", "-o", tmp_path / "out")
    assert run.returncode == 2 and "no reports in this folder" in run.stderr
    run = govkg("query", "posts", "--from", tmp_path / "nothing-here")
    assert run.returncode == 2 and "run 'govkg build' first" in run.stderr and "Traceback" not in run.stderr


def test_a_killed_build_leaves_the_previous_one(tmp_path):
    from graph.store import open_store

    out = tmp_path / "out"
    assert govkg("build", SEEDS, "-o", out, "-q").returncode == 0
    before = (out / "graph.trig").read_bytes()
    big = tmp_path / "big"
    big.mkdir()
    for p in [*SEEDS.glob("*.txt"), *(ROOT / "tests" / "testset" / "reports").glob("*.txt")]:
        shutil.copy(p, big / p.name)
    for delay in (0.3, 1.0, 2.0, 3.5):
        proc = subprocess.Popen([*CLI, "build", str(big), "-o", str(out), "-q"], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        graph = (out / "graph.trig").read_bytes()
        assert graph == before or Dataset().parse(data=graph.decode("utf-8"), format="trig")  # old, or a complete new one
        assert len(open_store(out).query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", use_default_graph_as_union=True).__iter__().__next__()[0].value) > 0
    assert govkg("build", SEEDS, "-o", out, "-q").returncode == 0
    assert (out / "graph.trig").read_bytes() == before


def test_same_bytes_whatever_the_locale_and_time_zone(tmp_path):
    outs = []
    for i, extra in enumerate(({"LC_ALL": "C", "TZ": "UTC"}, {"LC_ALL": "C.UTF-8", "TZ": "Asia/Shanghai"},
                               {"LANG": "zh_CN.UTF-8", "TZ": "America/New_York", "PYTHONHASHSEED": "123"})):
        env = {**os.environ, **extra}
        out = tmp_path / f"out{i}"
        assert govkg("build", SEEDS, "-o", out, "-q", env=env).returncode == 0
        outs.append(((out / "graph.trig").read_bytes(), (out / "graph.ttl").read_bytes()))
    assert outs[0] == outs[1] == outs[2]


def test_an_existing_folder_that_is_no_build_keeps_its_files(tmp_path):
    precious = tmp_path / "thesis"
    precious.mkdir()
    (precious / "chapter1.docx").write_text("work", encoding="utf-8")
    (precious / "build.log").write_text("a log", encoding="utf-8")
    run = govkg("build", SEEDS, "-o", precious, "-q")
    assert run.returncode == 0, run.stderr
    assert (precious / "chapter1.docx").read_text(encoding="utf-8") == "work"
    assert (precious / "build.log").read_text(encoding="utf-8") == "a log"
    assert (precious / "graph.trig").exists() and (precious / "store").is_dir()
    run = govkg("build", SEEDS, "-o", precious, "-q")  # again: the user's files still stay
    assert run.returncode == 0 and (precious / "chapter1.docx").read_text(encoding="utf-8") == "work"


HOSTILE = ['凤凰县公安局开展“"""; @prefix x: <http://evil/> . <a> <b> "c" .”专项行动。',
           '凤凰县建立“\\\\"}\'; DROP GRAPH <x>; #”工作机制。',
           '凤凰县推进“' + "长" * 3000 + '工程”建设。',
           '凤凰县开展“\u202e\u200b\ufeff\x00\x1f零宽”专项行动。']


def test_hostile_names_keep_turtle_and_trig_valid(tmp_path):
    from graph import build

    src = tmp_path / "in"
    src.mkdir()
    for i, t in enumerate(HOSTILE):
        (src / f"h{i}.txt").write_text(t, encoding="utf-8")
    result = build(src, tmp_path / "out")
    assert result.ok
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    ds = Dataset()
    ds.parse(tmp_path / "out" / "graph.trig", format="trig")
    assert len(g) > 0 and len(ds) >= len(g)
    labels = {str(o) for o in g.objects() if hasattr(o, "language") and o.language == "zh"}
    assert any('"""' in lab and "@prefix" in lab for lab in labels)  # Turtle's own syntax, inside a label
    assert any('\\"}' in lab for lab in labels)
    assert all(len(lab) <= 80 for lab in labels)  # a 3,000-character “name” is no name


# ---------------------------------------------------------------- properties

TEXT = st.text(alphabet=st.sampled_from(list("县公安局法院检察院开展专项行动机制工程“”‘’《》，。、；：！？（）0123456789.%万余近起人个"
                                              "慈利平江湄潭镇村社区 \n\r\t<>&\"'\\abcXY*#") + ["\u3000", "\xa0", "　"]),
               max_size=300)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_normaliser_offsets_always_point_into_the_original(text):
    from graph.normalise import normalise

    n = normalise(text)
    assert len(n.offsets) == len(n.text)
    assert all(0 <= o < len(text) for o in n.offsets)
    for i in range(0, len(n.text), 7):
        b, e = n.to_original(i, min(len(n.text), i + 5))
        assert 0 <= b < e <= len(text)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_extraction_never_raises_and_anchors_hold(text):
    from graph import extract_text

    ex = extract_text(text)
    for e in ex.entities.values():
        for m in e.mentions:
            assert text[m.begin:m.end] == m.anchor
    for s in ex.statistics:
        assert math.isfinite(s.value)
