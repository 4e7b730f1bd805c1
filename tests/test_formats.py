"""Reports as researchers hold them: web pages, PDFs and Word files with a manifest
(tests/formats: our own corpus — 22 pages in the layouts of county government, 政法, court,
procuratorate, newspaper and WeChat pages, 5 newspaper PDFs in columns, 3 Word files — with
gold files, and the same reports as plain text in tests/formats/plain)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib import namespace as ns
from rdflib.namespace import DCTERMS, SKOS

from conftest import ROOT
from graph.errors import ReadError
from graph.read import read_report
from graph.vocab import GK, NIF, SCHEMA

FORMATS = Path(__file__).parent / "formats"
MIXED, PLAIN, GOLD, BAD = FORMATS / "mixed", FORMATS / "plain", FORMATS / "gold", FORMATS / "bad"
sys.path.insert(0, str(FORMATS))
from pages import TRAPS  # noqa: E402  (the furniture's names: none may become an entity)


def _plain_lines(rid: str) -> list[str]:
    return [x for x in (PLAIN / f"{rid}.txt").read_text(encoding="utf-8").splitlines() if x.strip()]


def _flat(s: str) -> str:
    from graph.script import t2s

    return t2s("".join(s.split()))


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    from graph import build

    tmp = tmp_path_factory.mktemp("formats")
    mixed = build(MIXED, tmp / "mixed", view=True)
    plain = build(PLAIN, tmp / "plain", view=False)
    assert not mixed.failures and not plain.failures and not mixed.warnings
    return tmp / "mixed", tmp / "plain"


def _graph(out: Path) -> Graph:
    return Graph().parse(out / "graph.ttl", format="turtle")


def test_the_corpus_is_what_it_claims():
    suffixes = [p.suffix for p in MIXED.iterdir()]
    assert suffixes.count(".html") + suffixes.count(".htm") + suffixes.count(".mhtml") >= 20
    assert suffixes.count(".pdf") == 5 and suffixes.count(".docx") == 3 and "manifest.csv" in {p.name for p in MIXED.iterdir()}
    assert len(list(GOLD.glob("*.json"))) == len(list(PLAIN.glob("*.txt"))) == 30
    check = subprocess.run([sys.executable, str(ROOT.parent / "shared" / "eval" / "gold_check.py"), "--gold", str(GOLD),
                            "--reports", str(PLAIN)], capture_output=True, text=True)
    if check.returncode == 2 or "No such file" in check.stderr:
        pytest.skip("../shared/eval/gold_check.py is not here")
    assert check.returncode == 0, check.stdout


@pytest.mark.parametrize("page", sorted(p.name for p in MIXED.iterdir() if p.suffix in (".html", ".htm", ".mhtml")))
def test_a_web_page_gives_its_article_and_nothing_of_its_furniture(page):
    r = read_report(MIXED / page)
    rid = Path(page).stem
    lines = _plain_lines(rid)
    text = _flat(r.text)
    assert all(_flat(line) in text for line in lines), "the article's headline and paragraphs, whole"
    assert all(_flat(line) in _flat("".join(lines)) for line in r.text.splitlines() if line.strip()), "nothing else"
    assert not any(_flat(t) in text for t in TRAPS)
    assert r.meta.title is not None and _flat(r.meta.title) == _flat(lines[0])
    assert r.meta.date is not None


def test_the_source_site_where_the_page_names_it():
    pages = [p for p in MIXED.iterdir() if p.suffix in (".html", ".htm", ".mhtml")]
    named = [read_report(p).meta.source for p in pages]
    assert sum(s is not None for s in named) >= 20  # two pages name no site (a court's page prints only its banner)


def test_a_pages_url_comes_from_canonical_or_og_url_and_an_archive_from_where_it_was_saved():
    assert read_report(MIXED / "h01_meitan.html").meta.url.endswith("/gov_portal/20210603/h01_meitan.html")  # canonical
    assert read_report(MIXED / "h04_zhuji.html").meta.url.endswith("/news_portal/20211122/h04_zhuji.html")  # og:url
    assert read_report(MIXED / "h22_qionghai.mhtml").meta.url.startswith("http://")
    assert read_report(MIXED / "h08_lankao.htm").encoding == "gb18030"  # declared gb2312
    assert read_report(MIXED / "h21_tengchong.html").text.startswith("騰衝市")  # Big5


@pytest.mark.parametrize("pdf", sorted(p.stem for p in MIXED.glob("*.pdf")))
def test_a_pdf_reads_in_column_order(pdf):
    """Every sentence whole and in the order of the plain text, across columns cut
    mid-sentence, frames drawn out of order (p02) and a page break (p05)."""
    import re

    r = read_report(MIXED / f"{pdf}.pdf")
    text = _flat(r.text)
    body = [s for line in _plain_lines(pdf) if not line.startswith("图为") for s in re.split("(?<=[。！？])", line) if s]
    pos = 0
    for sentence in body:
        at = text.find(_flat(sentence), pos)
        assert at >= 0, sentence
        pos = at
    assert "责任编辑" not in r.text and "第1页" not in r.text  # the page's foot line is not the report's


def test_a_pdf_joins_chinese_across_line_ends_and_keeps_paragraphs():
    r = read_report(MIXED / "p01_anhua.pdf")
    paras = r.text.splitlines()
    assert "县委政法委牵头建立“一中心三联动”工作机制，整合综治、公安、司法等力量，在各乡镇建成综治中心。" in r.text
    assert any(p.startswith("东坪镇推行“屋场夜话”") for p in paras)
    assert r.meta.date == "2023-08-21"  # from the page's head line


def test_a_word_file_gives_its_paragraphs_and_table_rows_in_order():
    r = read_report(MIXED / "d01_liuyang.docx")
    assert r.text.splitlines() == _plain_lines("d01_liuyang")


def test_the_corpus_scores_as_well_as_the_same_reports_as_plain_text(builds):
    from graph.evaluate import evaluate

    mixed, plain = builds
    m = evaluate(_graph(mixed), GOLD, reports=MIXED)
    p = evaluate(_graph(plain), GOLD, reports=PLAIN)
    assert abs(m["entities"]["all"]["f1"] - p["entities"]["all"]["f1"]) <= 0.02
    assert m["entities"]["all"]["f1"] >= 0.95
    assert m["provenance"]["offsets_valid"] == 1.0  # offsets checked against the extracted texts


def test_no_menu_share_bar_or_next_article_text_becomes_an_entity(builds):
    mixed, plain = builds

    def mentions(out):
        g = _graph(out)
        return {(str(g.value(m, GK.report)).rsplit("/", 1)[-1], str(g.value(e, SKOS.prefLabel)), str(g.value(m, NIF.anchorOf)))
                for e, _, m in g.triples((None, GK.mention, None))}

    extra = mentions(mixed) - mentions(plain)
    assert not extra, extra
    labels = {str(o) for o in _graph(mixed).objects(None, SKOS.prefLabel)}
    for name in ("望城区公安局", "宁乡市", "清朗2021", "法润万家", "执行攻坚", "红枫调解室", "平安三湘"):
        assert name not in labels


def test_every_report_gets_its_date(builds):
    mixed, _ = builds
    g = _graph(mixed)
    expected = json.loads((FORMATS / "dates.json").read_text(encoding="utf-8"))
    got = {str(g.value(r, DCTERMS.identifier)): str(g.value(r, DCTERMS.issued)) for r in g.subjects(GK.file, None)}
    assert got == expected
    assert not list(g.triples((None, DCTERMS.date, None)))


def test_report_metadata_in_the_graph(builds):
    mixed, _ = builds
    g = _graph(mixed)
    r = URIRef("https://w3id.org/govkg/id/report/h01_meitan")
    assert str(g.value(r, DCTERMS.title)) == "湄潭县扎实推进平安建设"
    assert str(g.value(r, DCTERMS.source)) == "湄潭县人民政府"
    assert str(g.value(r, SCHEMA.url)).endswith("h01_meitan.html")
    assert str(g.value(r, GK.file)) == "h01_meitan.html" and str(g.value(r, DCTERMS["format"])) == "text/html"
    # the manifest wins: its date and source over the page's
    r5 = URIRef("https://w3id.org/govkg/id/report/h05_pinghu")
    assert str(g.value(r5, DCTERMS.issued)) == "2021-12-31" and str(g.value(r5, DCTERMS.source)) == "平湖市公安局微信公众号"


def test_periods_are_intervals_against_the_reports_date(builds):
    mixed, _ = builds
    g = _graph(mixed)
    found = {}
    for s in g.subjects(GK.period, None):
        t = g.value(s, DCTERMS.temporal)
        if t is not None:
            found[(str(g.value(s, GK.report)).rsplit("/", 1)[-1], str(g.value(s, GK.period)))] = (
                g.value(t, ns.DCAT.startDate), g.value(t, ns.DCAT.endDate))
    start, end = found[("p05_binyang", "截至10月底")]
    assert start is None and str(end) == "2020-10-31"
    start, end = found[("p05_binyang", "2017年至今")]
    assert (str(start), start.datatype.split("#")[1], str(end)) == ("2017", "gYear", "2020-12-01")
    start, end = found[("p01_anhua", "截至7月底")]
    assert str(end) == "2023-07-31"


def test_the_extracted_text_is_kept_and_the_offsets_index_it(builds):
    mixed, _ = builds
    g = _graph(mixed)
    kept = {str(r): str(t) for r, t in g.subject_objects(GK.extractedText)}
    assert len(kept) == 30  # every report of the corpus is a page, a PDF or a Word file
    for r, rel in kept.items():
        text = (mixed / rel).read_text(encoding="utf-8")
        for m in g.subjects(GK.report, URIRef(r)):
            b, e = g.value(m, NIF.beginIndex), g.value(m, NIF.endIndex)
            if b is not None:
                assert text[int(b):int(e)] == str(g.value(m, NIF.anchorOf))
    page = (mixed / "views" / "reports" / "p02_nanzhang.html").read_text(encoding="utf-8")
    assert "召开全县政法工作会议，总结去年工作" in page  # the report's page shows that text


def test_explain_shows_the_extracted_text(tmp_path):
    run = subprocess.run([sys.executable, "-m", "graph.cli", "explain", str(MIXED / "p02_nanzhang.pdf")],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0 and "texts/" in run.stdout and "date: 2022-03-15" in run.stdout
    text = subprocess.run([sys.executable, "-m", "graph.cli", "explain", "--text", str(MIXED / "p02_nanzhang.pdf")],
                          capture_output=True, text=True, cwd=ROOT).stdout
    assert text == read_report(MIXED / "p02_nanzhang.pdf").text


def test_rebuilds_are_incremental_and_byte_identical(tmp_path):
    from graph import build

    src = tmp_path / "src"
    shutil.copytree(MIXED, src)
    first = build(src, tmp_path / "out", view=False)
    trig = (tmp_path / "out" / "graph.trig").read_bytes()
    again = build(src, tmp_path / "out", view=False)
    assert again.reused == len(again.parts) == len(first.parts)
    assert (tmp_path / "out" / "graph.trig").read_bytes() == trig
    # a manifest change is a change: that report is extracted again, and only that one
    manifest = src / "manifest.csv"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("2021-12-31", "2021-12-29"), encoding="utf-8")
    third = build(src, tmp_path / "out", view=False)
    assert third.reused == len(third.parts) - 1
    clean = build(src, tmp_path / "clean", view=False, incremental=False)
    assert clean.reused == 0
    assert (tmp_path / "out" / "graph.trig").read_bytes() == (tmp_path / "clean" / "graph.trig").read_bytes()
    assert sorted(p.name for p in (tmp_path / "out" / "texts").iterdir()) == \
        sorted(p.name for p in (tmp_path / "clean" / "texts").iterdir())


@pytest.mark.parametrize("name, says", [
    ("encrypted.pdf", "encrypted PDF"),
    ("scanned.pdf", "no text layer"),
    ("broken.html", "no article text"),
    ("renamed.docx", "not a Word .docx file"),
])
def test_a_bad_file_is_a_one_line_error_naming_it(name, says):
    with pytest.raises(ReadError) as err:
        read_report(BAD / name)
    assert says in err.value.reason and "\n" not in str(err.value) and name in str(err.value)


def test_bad_files_leave_the_rest_of_the_build_alone(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(BAD, src)
    shutil.copy(MIXED / "h01_meitan.html", src)
    shutil.copy(MIXED / "p01_anhua.pdf", src)
    (src / "garbage.pdf").write_bytes(b"%PDF-1.4\n%%EOF garbage")
    run = subprocess.run([sys.executable, "-m", "graph.cli", "build", str(src), "-o", str(tmp_path / "out"), "--no-view", "-q"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 5 and all(line.startswith("govkg: skipped ") for line in lines)
    for name in ("encrypted.pdf", "scanned.pdf", "broken.html", "renamed.docx", "garbage.pdf"):
        assert sum(name in line for line in lines) == 1
    g = _graph(tmp_path / "out")
    assert {str(o) for o in g.objects(None, DCTERMS.identifier)} >= {"h01_meitan", "p01_anhua"}


def test_manifest_problems_are_reported_by_line_and_the_build_goes_on(tmp_path):
    from graph import build

    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(MIXED / "h01_meitan.html", src)
    shutil.copy(MIXED / "d03_xuanhan.docx", src)
    (src / "manifest.csv").write_text("文件,日期,来源,县\n"
                                      "h01_meitan.html,2020-02-02,县政府网,\n"
                                      "nope.html,2020-01-01,,\n"
                                      "d03_xuanhan.docx,2021-13-40,,宣汉县\n"
                                      "h01_meitan,,,没有这个县\n", encoding="gb18030")  # Excel's Chinese CSV
    result = build(src, tmp_path / "out", view=False)
    assert len(result.parts) == 2
    assert any("manifest.csv line 3" in w and "nope.html" in w for w in result.warnings)
    assert any("manifest.csv line 4" in w and "bad date" in w for w in result.warnings)
    assert any("manifest.csv line 5" in w and "没有这个县" in w for w in result.warnings)
    g = _graph(tmp_path / "out")
    r = URIRef("https://w3id.org/govkg/id/report/d03_xuanhan")
    assert g.value(r, DCTERMS.issued) is None  # a bad date gives nothing; the county still applies
    assert str(g.value(r, GK.focus)).endswith("/511722000000")


def test_a_json_manifest_and_a_county_for_a_text_that_names_none(tmp_path):
    from graph import build

    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("县公安局开展“净网”专项行动，破获案件12起。\n", encoding="utf-8")
    (src / "manifest.json").write_text(json.dumps([{"file": "a.txt", "date": "2021-05", "county": "430821"}]), encoding="utf-8")
    build(src, tmp_path / "out", view=False)
    g = _graph(tmp_path / "out")
    labels = {str(o) for o in g.objects(None, SKOS.prefLabel)}
    assert "慈利县公安局" in labels  # 县公安局 in a report the manifest puts in 慈利县


def test_adoption_table_has_first_year_for_every_dated_row(builds):
    from graph.query import run

    mixed, _ = builds
    rows = run(mixed, "adoption_table", {}).rows
    assert rows and all(row[4] is not None for row in rows)


def test_progress_on_a_terminal_in_a_log_and_none_when_quiet(tmp_path, monkeypatch):
    import io

    from graph import progress

    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "EVERY", 0.0)
    log = io.StringIO()
    assert list(progress.track(range(3), total=3, what="reports", label="build", stream=log)) == [0, 1, 2]
    assert "build: 1/3 reports" in log.getvalue() and "build: 3 reports in" in log.getvalue()

    class Tty(io.StringIO):
        def isatty(self):
            return True

    tty = Tty()
    list(progress.track(range(3), total=3, what="reports", label="build", stream=tty))
    assert "/3" in tty.getvalue() and "reports/s" in tty.getvalue()  # tqdm's bar
    run = subprocess.run([sys.executable, "-m", "graph.cli", "build", str(PLAIN), "-o", str(tmp_path / "out"), "--no-view",
                          "-q"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0 and run.stderr == "" and run.stdout == ""


def test_export_and_push_report_progress_on_long_work(builds, tmp_path, monkeypatch, capsys):
    from graph import progress
    from graph.export import export

    mixed, _ = builds
    export(mixed, "nq", tmp_path / "quick.nq", progress=True)
    assert capsys.readouterr().err == ""  # work of under two seconds shows nothing
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "EVERY", 0.0)
    export(mixed, "nq", tmp_path / "all.nq", progress=True)
    err = capsys.readouterr().err
    assert "export: 1/" in err and "statements" in err
    assert (tmp_path / "all.nq").read_bytes() == (tmp_path / "quick.nq").read_bytes()
