"""Every library query on the seed build, asserting what a reader of the seeds expects."""
from __future__ import annotations

import json
import subprocess
import sys
from types import SimpleNamespace

import pytest

from conftest import ROOT
from graph import build
from graph.query import QueryError, format_json, format_table, library, run


def rows(build, qname, **params):
    res = run(build.out_dir, qname, params)
    return [{v: (None if t is None else str(t)) for v, t in zip(res.vars, r)} for r in res.rows]


def test_library_has_at_least_15_documented_queries():
    lib = library()
    assert len(lib) >= 15
    for q in lib.values():
        assert "|" in q.title and q.answers, q.name


def test_county_mechanisms_with_evidence(seed_build):
    got = rows(seed_build, "county_mechanisms", county="慈利县")
    six = [r for r in got if r["mechanism"] == "六位一体"]
    assert six and all("六位一体" in r["quote"] for r in six)
    assert {r["report"] for r in six} == {"000_83c0855069bbc1ba", "002_b6445adeb6e91201"}
    assert all(r["county"] == "慈利县" for r in got)


def test_mechanism_components_and_count(seed_build):
    got = rows(seed_build, "mechanism_components", mechanism="六位一体")
    first = next(r for r in got if r["report"] == "000_83c0855069bbc1ba")
    assert first["announced"] == "6" and first["listed"] == "6" and first["matches"] == "true"
    assert set(first["parts"].split("; ")) == {"巡特警", "交警", "武警", "派出所", "城区专职巡防队", "内保单位兼职巡防队"}


def test_shared_campaigns(seed_build):
    got = {r["campaign"]: r for r in rows(seed_build, "shared_campaigns")}
    assert got["扫黑除恶专项斗争"]["counties"] == "3"
    assert set(got["扫黑除恶专项斗争"]["where"].split("; ")) == {"慈利县", "攸县", "雁峰区"}


def test_shared_mechanisms_runs(seed_build):
    assert rows(seed_build, "shared_mechanisms") == []  # no mechanism is named in two of the seed counties


def test_agency_campaigns(seed_build):
    got = {(r["agency"], r["campaign"]) for r in rows(seed_build, "agency_campaigns", county="慈利县")}
    assert ("慈利县公安局", "猎狐") in got or ("慈利县公安局", "围猎") in got


def test_campaigns_and_programs_by_county(seed_build):
    assert "五打五整治" in {r["campaign"] for r in rows(seed_build, "campaigns_by_county", county="平江县")}
    assert "雪亮工程" in {r["program"] for r in rows(seed_build, "county_programs", county="攸县")}


def test_statistics_by_topic(seed_build):
    got = rows(seed_build, "statistics_by_topic", topic="监控", county="慈利县")
    new = next(r for r in got if r["indicator"] == "新建高清电子监控点")
    assert new["value"] == "2881" and new["unit"] == "个" and new["period"] == "2017年至今" and new["year"] == "2017"
    assert all("监控" in r["indicator"] for r in got)


def test_posts(seed_build):
    got = {(r["person"], r["post"], r["organisation"]) for r in rows(seed_build, "posts")}
    assert {("林涛", "副书记", "攸县委"), ("林涛", "书记", "攸县委政法委"), ("屈辉", "局长", "慈利县公安局")} <= got
    assert {r["post"] for r in rows(seed_build, "posts", person="许显辉")} == {"厅长"}


def test_documents(seed_build):
    got = {r["document"]: r for r in rows(seed_build, "documents")}
    assert got["10个严禁"]["issuers"] == "湖南省委"
    assert got["中国共产党政法工作条例"]["issuers"] in ("", None)


def test_honors_by_county(seed_build):
    got = {(r["county"], r["honor"], r["recipient"]) for r in rows(seed_build, "honors_by_county")}
    assert ("慈利县", "文明接待室", "慈利县人民检察院控告申诉室") in got
    assert ("平江县", "平安县", "平江县") in got


def test_places_within_is_transitive(seed_build):
    got = {r["inside"]: r for r in rows(seed_build, "places_within", place="张家界市")}
    assert got["慈利县"]["code"] == "430821000000"
    assert got["零阳镇"]["level"] == "township" and got["青山村"]["level"] == "village"
    assert got["慈利县公安局"]["type"] == "Agency"


def test_county_timeline(seed_build):
    got = rows(seed_build, "county_timeline", county="慈利县")
    assert any(r["year"] == "2017" and "2881" in r["what"] for r in got)
    assert [r["year"] for r in got] == sorted(r["year"] for r in got)


def test_adoption_table(seed_build):
    got = {(r["county"], r["item"]): r for r in rows(seed_build, "adoption_table", kind="adopts")}
    assert got[("慈利县", "六位一体")]["reports"] == "2"
    assert got[("攸县", "枫桥经验")]["first_year"] == "2021"  # the 攸县 report is dated 2021-11-24
    assert not any(item == "扫黑除恶专项斗争" for _, item in got)  # a campaign, not a mechanism


def test_county_agencies(seed_build):
    got = {r["agency"]: r for r in rows(seed_build, "county_agencies", county="慈利县")}
    assert got["慈利县公安局合成作战指挥中心"]["parent"] == "慈利县公安局"
    assert int(got["慈利县公安局"]["mentions"]) >= 10


def test_reports_overview(seed_build):
    got = rows(seed_build, "reports_overview")
    assert [r["report"] for r in got] == sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))  # one row each
    assert {r["focus"] for r in got} == {"慈利县", "攸县", "平江县", "雁峰区"}
    assert all(int(r["places"]) >= 1 and int(r["agencies"]) >= 1 for r in got)


def test_reports_overview_lists_a_report_that_mentions_nothing(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "公安.txt").write_text("慈利县公安局召开会议。", encoding="utf-8")
    (src / "天气.txt").write_text("今天天气晴朗，气温适宜。", encoding="utf-8")
    build(src, tmp_path / "out", view=False)
    got = {r["report"]: r for r in rows(SimpleNamespace(out_dir=tmp_path / "out"), "reports_overview")}
    assert set(got) == {"公安", "天气"}
    assert got["公安"]["agencies"] == "1"
    assert [got["天气"][k] for k in ("places", "agencies", "honors")] == ["0", "0", "0"]


# The plain way to ask what three library queries ask, through each mention's report and each
# statement's evidence. The library reads the reports' own graphs instead (3× faster on a
# million triples), which is right only while a report's graph types exactly the entities it
# mentions and holds exactly the relations it gives evidence for: these pin that.
BY_MENTIONS = {
    "reports_overview": """
SELECT ?report ?focus ?date ?script (COUNT(DISTINCT ?place) AS ?places) (COUNT(DISTINCT ?agency) AS ?agencies)
       (COUNT(DISTINCT ?campaign) AS ?campaigns) (COUNT(DISTINCT ?program) AS ?programs)
       (COUNT(DISTINCT ?mechanism) AS ?mechanisms) (COUNT(DISTINCT ?person) AS ?persons)
       (COUNT(DISTINCT ?document) AS ?documents) (COUNT(DISTINCT ?honor) AS ?honors) WHERE {
  ?r a gk:Report ; dcterms:identifier ?report ; gk:script ?script .
  OPTIONAL { ?r gk:focus/skos:prefLabel ?focus }
  OPTIONAL { ?r dcterms:issued ?date }
  OPTIONAL {
    ?e gk:mention/gk:report ?r ; a ?t .
    VALUES (?t ?k) { (gk:Place "Place") (gk:County "Place") (gk:Township "Place") (gk:Village "Place") (gk:Province "Place")
                     (gk:Prefecture "Place") (gk:Agency "Agency") (gk:Campaign "Campaign") (gk:Program "Program")
                     (gk:Mechanism "Mechanism") (gk:Person "Person") (gk:Document "Document") (gk:Honor "Honor") } }
  # IF's error on the unbound ?none leaves a column unbound, and COUNT skips it
  BIND(IF(?k = "Place", ?e, ?none) AS ?place) BIND(IF(?k = "Agency", ?e, ?none) AS ?agency)
  BIND(IF(?k = "Campaign", ?e, ?none) AS ?campaign) BIND(IF(?k = "Program", ?e, ?none) AS ?program)
  BIND(IF(?k = "Mechanism", ?e, ?none) AS ?mechanism) BIND(IF(?k = "Person", ?e, ?none) AS ?person)
  BIND(IF(?k = "Document", ?e, ?none) AS ?document) BIND(IF(?k = "Honor", ?e, ?none) AS ?honor)
} GROUP BY ?report ?focus ?date ?script ORDER BY ?report""",
    "documents": """
SELECT ?document (GROUP_CONCAT(DISTINCT ?issuer; separator="; ") AS ?issuers) (GROUP_CONCAT(DISTINCT ?report; separator="; ") AS ?reports) WHERE {
  { ?d a gk:Document ; skos:prefLabel ?document . OPTIONAL { ?d gk:issuedBy/skos:prefLabel ?issuer } }
  ?d gk:mention ?m . ?m gk:report ?r . ?r dcterms:identifier ?report .
} GROUP BY ?document ORDER BY ?document""",
    "adoption_table": """
SELECT ?kind ?county ?item (COUNT(DISTINCT ?r) AS ?reports) (MIN(?y) AS ?first_year) WHERE {
  ?c skos:prefLabel ?county . ?a gk:inCounty ?c ; ?p ?x . VALUES ?p { gk:adopts gk:conducts }
  ?st rdf:subject ?a ; rdf:predicate ?p ; rdf:object ?x ; gk:report ?r .
  ?x skos:prefLabel ?item .
  OPTIONAL { ?r dcterms:issued ?d . BIND(SUBSTR(STR(?d), 1, 4) AS ?y) }
} GROUP BY ?kind ?county ?item ORDER BY ?county ?item""",
}


@pytest.mark.parametrize("name", sorted(BY_MENTIONS))
def test_queries_on_reports_own_graphs_agree_with_their_mentions(seed_build, name):
    def table(spec):
        res = run(seed_build.out_dir, spec)
        # GROUP_CONCAT lists in no set order: compare its items as sets
        return [tuple(None if t is None else frozenset(str(t).split("; ")) for t in row) for row in res.rows]

    fast, plain = table(name), table(BY_MENTIONS[name])
    assert fast and fast == plain

def test_where_mentioned_gives_offsets(seed_build):
    got = rows(seed_build, "where_mentioned", name="县公安局")
    assert got and all(r["entity"].endswith("公安局") for r in got)
    text = (ROOT / "seeds" / f"{got[0]['report']}.txt").read_text(encoding="utf-8")
    assert text[int(got[0]["begin"]):int(got[0]["end"])] == got[0]["anchor"]


def test_formula_mismatches(seed_build):
    assert "一办四组三专班" in {r["mechanism"] for r in rows(seed_build, "formula_mismatches")}


def test_parameters_are_bound_as_terms_not_pasted(seed_build):
    evil = '慈利县"@zh } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o . FILTER("'
    assert rows(seed_build, "county_mechanisms", county=evil) == []


def test_refusals_and_errors(seed_build):
    with pytest.raises(QueryError, match="SERVICE"):
        run(seed_build.out_dir, "SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }")
    with pytest.raises(QueryError, match="needs --param topic"):
        run(seed_build.out_dir, "statistics_by_topic")
    with pytest.raises(QueryError, match="no parameter"):
        run(seed_build.out_dir, "posts", {"nope": "x"})
    with pytest.raises(QueryError, match="syntax"):
        run(seed_build.out_dir, "SELECT WHERE {")


def test_formats(seed_build):
    res = run(seed_build.out_dir, "posts", {"person": "林涛"})
    table = format_table(res)
    lines = table.splitlines()
    assert lines[0].startswith("person") and "林涛" in table and lines[-1] == "(2 rows)"
    data = json.loads(format_json(res))
    assert data["head"]["vars"][0] == "person" and data["results"]["bindings"][0]["person"]["xml:lang"] == "zh"


def test_cli_query_formats(seed_build):
    for fmt in ("table", "csv", "tsv", "json"):
        run_ = subprocess.run([sys.executable, "-m", "graph.cli", "query", "posts", "--from", str(seed_build.out_dir),
                               "-p", "person=屈辉", "-f", fmt], capture_output=True, text=True, cwd=ROOT)
        assert run_.returncode == 0 and "局长" in run_.stdout, (fmt, run_.stderr)


def test_parameters_are_written_in_as_escaped_terms():
    """Oxigraph plans around constants, so parameters go into the text — only as RDF terms that
    Oxigraph itself escaped: a value cannot end its literal."""
    import pyoxigraph as ox

    from graph.query import inline_params

    q = 'SELECT ?county (COUNT(?x) AS ?n) WHERE { ?c skos:prefLabel ?county . FILTER(?county != "?county") } GROUP BY ?county ORDER BY ?county'
    out = inline_params(q, {ox.Variable("county"): ox.Literal('慈"} ; DROP ALL ; #', language="zh")})
    term = str(ox.Literal('慈"} ; DROP ALL ; #', language="zh"))
    assert out == (f'SELECT ({term} AS ?county) (COUNT(?x) AS ?n) WHERE {{ ?c skos:prefLabel {term} . '
                   f'FILTER({term} != "?county") }} GROUP BY ({term}) ORDER BY ({term})')
    ox.Store().query(out, prefixes={"skos": "http://www.w3.org/2004/02/skos/core#"})  # it parses
