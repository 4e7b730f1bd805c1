"""The whole pipeline on the bundled seeds: outputs, determinism, SHACL, provenance, scores."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest
from rdflib import Dataset, Graph

from conftest import ROOT, SEEDS, SHARED

from graph.store import open_store


def test_outputs_exist_and_parse(seed_build):
    out = seed_build.out_dir
    for name in ("graph.trig", "graph.ttl", "summary.md", "view.html"):
        assert (out / name).exists()
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert sum("/graph/report/" in g for g in graphs) == 5 and any(g.endswith("/graph/places") for g in graphs)
    g = Graph().parse(out / "graph.ttl", format="turtle")
    assert len(g) == len({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))})
    for name in ("graph.trig", "graph.ttl"):  # one block of prefixes on top, not one per report
        text = (out / name).read_text(encoding="utf-8")
        assert text.count("@prefix ") == 7 and text.startswith("@prefix ")
    # the store holds the same quads, and the union of them as its default graph
    store = open_store(out)
    assert len(list(store.query("SELECT * WHERE { ?s ?p ?o }"))) == len(g)


def test_same_input_same_bytes_whatever_the_file_order(seed_build, tmp_path):
    from graph import build

    shuffled = tmp_path / "in"
    shuffled.mkdir()
    for p in sorted(SEEDS.glob("*.txt"), reverse=True):
        shutil.copy(p, shuffled / p.name)
    again = build(shuffled, tmp_path / "out2")
    for name in ("graph.trig", "graph.ttl"):
        assert (seed_build.out_dir / name).read_bytes() == (again.out_dir / name).read_bytes()


def test_seed_build_conforms_to_the_shapes(seed_build):
    from graph import validate

    report = validate(Graph().parse(seed_build.out_dir / "graph.ttl", format="turtle"))
    assert report.conforms, report.text


def test_every_mention_anchor_is_the_original_text(seed_build):
    g = Graph().parse(seed_build.out_dir / "graph.ttl", format="turtle")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    rows = g.query("""PREFIX gk: <https://w3id.org/govkg/ontology#>
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?id ?b ?e ?a WHERE { ?m gk:report/dcterms:identifier ?id ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a }""")
    n = 0
    for rid, b, e, a in rows:
        assert texts[str(rid)][int(b):int(e)] == str(a)
        n += 1
    assert n > 300


def test_view_is_offline(seed_build):
    page = (seed_build.out_dir / "view.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?https?://""", page)
    assert "new vis.Network" in page


def test_bad_file_is_skipped_and_named(tmp_path):
    from graph import build

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(next(SEEDS.glob("*.txt")), src / "good.txt")
    (src / "bad.txt").write_bytes(b"\x00\xff" * 100)
    result = build(src, tmp_path / "out")
    assert [f.path.rsplit("/", 1)[-1] for f in result.failures] == ["bad.txt"]
    assert "bad.txt" in (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")


def test_cli_build_and_validate(tmp_path):
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "graph.cli", "build", str(SEEDS), "-o", str(out), "-q"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    run = subprocess.run([sys.executable, "-m", "graph.cli", "validate", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0 and "conforms" in run.stdout
    run = subprocess.run([sys.executable, "-m", "graph.cli", "build", str(tmp_path / "missing"), "-o", str(out)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2 and "no such file" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="needs ../shared/eval/score.py and gold")
def test_seed_scores_meet_the_targets(seed_build):
    run = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--graph", str(seed_build.out_dir / "graph.trig"),
                          "--ontology", str(ROOT / "ontology" / "govkg.ttl"), "--gold", str(SHARED / "gold"),
                          "--reports", str(SEEDS), "--json"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    s = json.loads(run.stdout)
    assert s["entities"]["all"]["f1"] >= 0.90
    assert s["relations"]["county_rollup"]["f1"] >= 0.75
    assert s["relations"]["all"]["f1"] >= 0.65
    assert s["statistics"]["f1"] >= 0.80
    assert s["components"]["f1"] >= 0.85
    assert s["posts"]["f1"] >= 0.80
    assert s["provenance"]["offsets_valid"] == 1.0
    assert s["provenance"]["relations_with_evidence"] == 1.0
    assert s["resolution"]["split_into_several_nodes"] == 0


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="needs ../shared/eval/score.py and gold")
def test_govkg_evaluate_agrees_with_the_reference_scorer(seed_build):
    from graph.evaluate import evaluate

    ours = evaluate(Graph().parse(seed_build.out_dir / "graph.ttl", format="turtle"), SHARED / "gold", reports=SEEDS)
    run = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--graph", str(seed_build.out_dir / "graph.ttl"),
                          "--ontology", str(ROOT / "ontology" / "govkg.ttl"), "--gold", str(SHARED / "gold"),
                          "--reports", str(SEEDS), "--json"], capture_output=True, text=True)
    assert json.loads(run.stdout) == ours


def test_traditional_report_keeps_its_original_forms(tmp_path):
    from graph import build

    src = tmp_path / "in"
    src.mkdir()
    (src / "hant.txt").write_text("瀘溪縣人民法院開展“送法進苗寨”活動，發放宣傳資料2000份。", encoding="utf-8")
    build(src, tmp_path / "out", view=False)
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    rows = {(str(p), str(a), a.language) for p, a in g.query(
        """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
           SELECT ?p ?a WHERE { ?e skos:prefLabel ?p ; skos:altLabel ?a FILTER(langMatches(lang(?a), "zh-Hant")) }""")}
    assert ("泸溪县人民法院", "瀘溪縣人民法院", "zh-hant") in {(p, a, l.lower()) for p, a, l in rows}


def test_parallel_build_gives_the_same_bytes(seed_build, tmp_path):
    from graph import build

    par = build(SEEDS, tmp_path / "par", jobs=2)
    assert not par.failures
    for name in ("graph.trig", "graph.ttl", "view.html"):
        assert (seed_build.out_dir / name).read_bytes() == (par.out_dir / name).read_bytes()
    # the views, written by two processes, are the same pages
    one = {p.relative_to(seed_build.out_dir): p.read_bytes() for p in (seed_build.out_dir / "views").rglob("*") if p.is_file()}
    two = {p.relative_to(par.out_dir): p.read_bytes() for p in (par.out_dir / "views").rglob("*") if p.is_file()}
    assert one == two and len(one) > 10


def test_incremental_rebuild_extracts_only_what_changed(tmp_path):
    from graph import build

    src = tmp_path / "in"
    src.mkdir()
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, src / p.name)
    first = build(src, tmp_path / "out", view=False)
    assert first.reused == 0
    changed = next(iter(sorted(src.glob("*.txt"))))
    changed.write_text(changed.read_text(encoding="utf-8") + "\n县公安局开展“清风”专项行动。", encoding="utf-8")
    (src / "new.txt").write_text("湄潭县公安局开展“净网2021”专项行动。", encoding="utf-8")
    again = build(src, tmp_path / "out", view=False)
    assert again.reused == 4 and len(again.parts) == 6
    clean = build(src, tmp_path / "clean", view=False, incremental=False)
    assert clean.reused == 0
    for name in ("graph.trig", "graph.ttl"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "clean" / name).read_bytes()
    assert not list(tmp_path.glob(".*tmp*"))  # no staging folders left behind
    # the store was brought up to date from the previous one, not loaded anew: same statements
    assert _store_quads(tmp_path / "out") == _store_quads(tmp_path / "clean")
    # a report removed: its graph leaves the store, and facts only it held leave the union
    changed.unlink()
    build(src, tmp_path / "out", view=False)
    build(src, tmp_path / "clean", view=False, incremental=False)
    assert _store_quads(tmp_path / "out") == _store_quads(tmp_path / "clean")
    assert (tmp_path / "out" / "graph.trig").read_bytes() == (tmp_path / "clean" / "graph.trig").read_bytes()


def test_rebuild_without_the_shared_graphs_record_loads_the_store_anew(tmp_path):
    # the store is updated by difference from the last build's entities and places graphs
    # (.cache/shared.nq); without that record it is loaded whole, with the same statements
    from graph import build

    src = tmp_path / "in"
    src.mkdir()
    for p in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(p, src / p.name)
    build(src, tmp_path / "out", view=False)
    (tmp_path / "out" / ".cache" / "shared.nq").unlink()
    (src / "new.txt").write_text("湄潭县公安局开展“净网2021”专项行动。", encoding="utf-8")
    again = build(src, tmp_path / "out", view=False)
    assert again.reused == 3
    build(src, tmp_path / "clean", view=False, incremental=False)
    assert _store_quads(tmp_path / "out") == _store_quads(tmp_path / "clean")
    assert (tmp_path / "out" / ".cache" / "shared.nq").read_bytes() == (tmp_path / "clean" / ".cache" / "shared.nq").read_bytes()


def _store_quads(build_dir) -> set:
    from graph.store import open_store

    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in open_store(build_dir)}


def test_a_changed_rule_invalidates_the_cache(tmp_path, monkeypatch):
    from graph import build
    from graph import build as build_module

    build(SEEDS, tmp_path / "out", view=False)
    monkeypatch.setattr(sys.modules["graph.build"], "code_fingerprint", lambda: "another-version")
    assert build(SEEDS, tmp_path / "out", view=False).reused == 0
    del build_module


def test_same_file_name_in_two_folders_stays_two_reports(tmp_path):
    """Regression: ids were file stems, so 2019/01.txt and 2020/01.txt shared one named graph."""
    from graph import build

    for year, text in (("2019", "湄潭县公安局开展“净网2019”专项行动。"), ("2020", "湄潭县人民法院推行“诉调对接”工作机制。")):
        (tmp_path / "in" / year).mkdir(parents=True)
        (tmp_path / "in" / year / "01.txt").write_text(text, encoding="utf-8")
    result = build(tmp_path / "in", tmp_path / "out")
    assert [p.report_id for p in result.parts] == ["2019/01", "2020/01"]
    assert (tmp_path / "out" / "views" / "reports" / "2019" / "01.html").exists()
    trig = (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8")
    assert "graph/report/2019%2F01" in trig and "graph/report/2020%2F01" in trig


def test_two_files_with_one_name_keep_their_suffixes(tmp_path):
    from graph import build

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "01.txt").write_text("湄潭县公安局开展“净网2019”专项行动。", encoding="utf-8")
    (tmp_path / "in" / "01.md").write_text("湄潭县人民法院推行“诉调对接”工作机制。", encoding="utf-8")
    result = build(tmp_path / "in", tmp_path / "out", view=False)
    assert [p.report_id for p in result.parts] == ["01.md", "01.txt"]


def test_many_changes_load_the_store_anew(tmp_path, monkeypatch):
    """Past FRESH_LIMIT bytes of changed reports the build stops holding them for an in-place
    update and loads the whole store (what came so far from the files, the rest as it comes)."""
    from graph import build
    from graph import store as store_module
    from graph import write as write_module

    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    build(src, tmp_path / "out", view=False)
    for p in sorted(src.glob("*.txt"))[:3]:
        p.write_text(p.read_text(encoding="utf-8") + "\n县公安局开展“清风”专项行动。", encoding="utf-8")
    monkeypatch.setattr(write_module, "FRESH_LIMIT", 1)
    monkeypatch.setattr(store_module, "LOAD_CHUNK", 20_000)  # several pieces
    monkeypatch.setattr(store_module, "LOAD_CHUNK_MAX", 40_000)
    build(src, tmp_path / "out", view=False)
    build(src, tmp_path / "clean", view=False, incremental=False)
    assert _store_quads(tmp_path / "out") == _store_quads(tmp_path / "clean")
    assert len(list(open_store(tmp_path / "out").query("SELECT * WHERE { ?s ?p ?o }"))) == len(
        list(open_store(tmp_path / "clean").query("SELECT * WHERE { ?s ?p ?o }")))


def test_a_rebuild_updates_the_store_even_after_a_clean_build(tmp_path, monkeypatch):
    """Regression: a --clean build recorded no fingerprint, so the next rebuild loaded the whole
    store again instead of updating it."""
    from graph import build
    from graph import write as write_module

    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    build(src, tmp_path / "out", view=False, incremental=False)
    p = sorted(src.glob("*.txt"))[0]
    p.write_text(p.read_text(encoding="utf-8") + "\n县公安局开展“清风”专项行动。", encoding="utf-8")

    def no_full_load(*args, **kwargs):
        raise AssertionError("the store was loaded anew")

    monkeypatch.setattr(write_module, "StoreLoader", no_full_load)
    again = build(src, tmp_path / "out", view=False)
    assert again.reused == 4


def test_turtle_block_is_the_trig_block_dedented():
    # graph.ttl's blocks are cut from graph.trig's; literals with line breaks, tabs, quotes
    # and backslashes must come out as Oxigraph's own Turtle writer gives them
    import pyoxigraph as ox

    from graph.rdf import Literal, QuadGraph
    from graph.statements import WRITE_PREFIXES, _body, report_statements
    from graph.vocab import GK, ID

    g = QuadGraph(ID["graph/report/x"])
    node = ID["agency/县公安局"]
    g.add((node, GK.quote, Literal('县公安局\n\t"雪亮工程" \\ 第二行', lang="zh")))
    g.add((node, GK.quote, Literal("平安建设")))
    g.add((node, GK.mention, ID["report/x#char=1,4"]))
    trig, ttl = report_statements(g)
    quads = ox.parse(g.nquads().encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    want = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.TURTLE, prefixes=WRITE_PREFIXES)
    assert ttl == _body(want, "ttl")
    assert b"\t" not in ttl.split(b"\n")[0]


def test_statements_are_laid_out_as_oxigraph_writes_them():
    # report_statements writes TriG and Turtle itself; every term shape govkg writes must come
    # out as Oxigraph's writers give it (numbers and booleans bare, prefixed names, "a",
    # lower-case language tags, escapes), and a shape it does not know goes to Oxigraph
    from rdflib import RDF, XSD, URIRef

    from graph.rdf import Literal, QuadGraph
    from graph.statements import _blocks, oxigraph_blocks, report_statements
    from graph.vocab import GK, ID

    g = QuadGraph(ID["graph/report/x"])
    node, other = ID["agency/县公安局"], ID["mechanism/六位一体"]
    for o in (GK.Agency, other, Literal("县公安局"), Literal("縣公安局", lang="zh-Hant"), Literal("第一行\n第二行\t“引号”\"\\", lang="zh"),
              Literal("12", datatype=str(XSD.integer)), Literal("-3", datatype=str(XSD.integer)), Literal("03", datatype=str(XSD.integer)),
              Literal("1.5", datatype=str(XSD.decimal)), Literal("2", datatype=str(XSD.decimal)), Literal("true", datatype=str(XSD.boolean)),
              Literal("1", datatype=str(XSD.boolean)), Literal("1e3", datatype=str(XSD.double)), Literal("2024", datatype=str(XSD.gYear)),
              Literal("2024-05-01", datatype=str(XSD.date)), Literal("x", datatype="http://example.org/dt"), RDF.type):
        g.add((node, GK.quote, o))
    g.add((node, RDF.type, GK.Agency))
    g.add((other, GK.hasComponent, Literal("一村一辅警", lang="zh")))
    g.add((other, ID["x"], node))
    blocks = _blocks(f"<{g.identifier}>", g.statements())
    assert blocks is not None and blocks == oxigraph_blocks(g.nquads())
    g.add((node, URIRef("https://w3id.org/govkg/ontology#a.b"), other))  # a local name that needs an escape: Oxigraph's writer
    assert _blocks(f"<{g.identifier}>", g.statements()) is None
    assert report_statements(g) == oxigraph_blocks(g.nquads())


def test_graph_ttl_stays_turtle_when_a_report_s_first_subject_says_nothing_new():
    # regression: when every triple of a report's first subject block had come in earlier
    # reports, the block was dropped and the next subject lost its "<" (graph.ttl of a large
    # corpus did not parse, and loading the store from it failed)
    import pyoxigraph as ox

    from graph.rdf import Literal, QuadGraph, TurtleUnion
    from graph.statements import header, report_statements
    from graph.vocab import GK, ID

    union, written = TurtleUnion(), []
    for rid in ("a", "b"):
        g = QuadGraph(ID[f"graph/report/{rid}"])
        g.add((ID["agency/县公安局"], GK.quote, Literal("县公安局开展平安建设", lang="zh")))  # said by both reports
        g.add((ID["agency/县司法局"], GK.mention, ID[f"report/{rid}#char=1,4"]))  # each report's own
        written.append(union.add(report_statements(g)[1]))
    assert written[1].startswith(b"<") and "县公安局".encode() not in written[1]
    triples = list(ox.parse(header("ttl") + b"".join(written), format=ox.RdfFormat.TURTLE))
    assert len(triples) == 3


def test_the_union_drops_only_what_an_earlier_graph_said_and_keeps_each_graphs_own_blocks():
    """TurtleUnion looks only at blocks of subjects several graphs describe; a report's own
    blocks (mentions, statements) around and between them pass as they are, a block left
    empty goes with its line break, and a text that opens with a line break loses it only
    when something changes."""
    from graph.rdf import TurtleUnion

    own = b"<https://w3id.org/govkg/id/report/a#char=1,4> gk:anchorOf \"x\" ."
    ent = b"<https://w3id.org/govkg/id/agency/x> a gk:Agency ;\n\tgk:mention <https://w3id.org/govkg/id/report/a#char=1,4> ."
    said = b"<https://w3id.org/govkg/id/agency/y> skos:prefLabel \"y\"@zh ."
    union = TurtleUnion()
    first = b"\n".join([ent, own, said, own]) + b"\n"
    assert union.add(first) == first  # all new: the text as it came
    again = b"\n".join([own, ent, said, own, said]) + b"\n"
    # x keeps only its mention line, each y's block goes (with its line break), own blocks stay
    assert union.add(again) == (own + b"\n<https://w3id.org/govkg/id/agency/x> gk:mention "
                                b"<https://w3id.org/govkg/id/report/a#char=1,4> .\n\n" + own + b"\n")
    assert union.add(b"\n" + said + b"\n") == b""
    assert union.add(b"\n" + own + b"\n") == b"\n" + own + b"\n"


def test_a_report_graph_is_the_same_with_its_iri_cache_cleared_on_the_way(monkeypatch):
    """The cache of IRIs written as N-Triples is bounded (a long build meets ever new IRIs); the
    rows must not depend on what it still holds."""
    from graph import extract_text
    from graph import rdf

    ex = extract_text("慈利县公安局开展“雷霆”专项行动，破获案件12起，全县发案率同比下降15%。", "r1")
    monkeypatch.setattr(rdf.QuadGraph, "_iris", {})
    whole = rdf.report_graph(ex).nquads()
    monkeypatch.setattr(rdf.QuadGraph, "_iris", {})
    monkeypatch.setattr(rdf, "IRI_CACHE", 3)
    assert rdf.report_graph(ex).nquads() == whole
    assert len(rdf.QuadGraph._iris) <= 3
    assert "#char=" in whole and "/statistic/r1/1>" in whole


def test_a_report_graph_laid_out_as_it_is_made_is_what_oxigraph_writes():
    # a report's mentions and statistics are each one row, laid out in Turtle as report_graph
    # makes them; the blocks must be Oxigraph's own, and statements() must still give each
    # statement on its own
    from graph import extract_text
    from graph.rdf import report_graph
    from graph.statements import oxigraph_blocks, report_statements

    ex = extract_text("2023年以来，慈利县公安局开展“雷霆”专项行动，破获案件12起，全县发案率同比下降15%。"
                      "县公安局推行“一村一辅警”机制。", "r1")
    g = report_graph(ex)
    assert sum(1 for _, p, _ in g.rows if not p) >= 3  # the mentions and statistics, a row each
    assert report_statements(g) == oxigraph_blocks(g.nquads())
    assert all(p for _, p, _ in g.statements()) and len(g.statements()) > len(set(g.rows))


def test_a_statement_given_twice_is_written_once():
    from graph.rdf import Literal, QuadGraph
    from graph.statements import oxigraph_blocks, report_statements
    from graph.vocab import GK, ID

    g = QuadGraph(ID["graph/report/x"])
    for _ in range(2):
        g.add((ID["agency/县公安局"], GK.quote, Literal("县公安局开展平安建设", lang="zh")))
        g.add((ID["agency/县公安局"], GK.mention, ID["report/x#char=1,4"]))
    assert len(g.rows) == 4 and len(g.statements()) == 2
    assert report_statements(g) == oxigraph_blocks(g.nquads())


def test_integer_literal_shortcut_writes_what_term_writes():
    from graph import rdf

    for v in (0, 7, 12345, -3):
        assert rdf._integer(v) == rdf.QuadGraph.term(rdf._typed(v))


def test_two_anonymised_reports_keep_two_unnamed_counties(tmp_path):
    """Regression: a county with no borders entry (an unnamed 我县) broke the borders graph."""
    from graph import build

    (tmp_path / "in").mkdir()
    for name, n in (("a", 88), ("b", 97)):
        (tmp_path / "in" / f"{name}.txt").write_text(f"我县信访工作平稳，全县受理信访事项{n}件次。", encoding="utf-8")
    build(tmp_path / "in", tmp_path / "out", view=False)
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    rows = g.query("""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                      PREFIX gk: <https://w3id.org/govkg/ontology#>
                      SELECT DISTINCT ?p WHERE { ?p skos:prefLabel "我县"@zh ; gk:level "county" }""")
    assert len(rows) == 2
