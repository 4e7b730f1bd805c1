"""Where and when programs spread: one node per program across its written forms, senses of
names that mean different things in different places, adoption by county and year, the curve,
the panels, the queries and the county borders — checked against the hand-made gold of the
test corpus in tests/diffusion/ built together with the seeds."""
from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from collections import defaultdict

import pytest

from conftest import ROOT, SEEDS
from graph import build
from graph.diffusion import curve, event_history, read_diffusion
from graph.extract import _named_key, extract_text
from graph.resolve import senses
from graph.store import open_store

CORPUS = ROOT / "tests" / "diffusion"
LAST_YEAR = 2021


def gold_rows() -> list[dict]:
    """The corpus's adoption gold and the seeds' (the seeds are built with it)."""
    rows = []
    for name in ("adoption.csv", "adoption_seeds.csv"):
        with (CORPUS / name).open(encoding="utf-8") as f:
            rows += list(csv.DictReader(f))
    return rows


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """The seeds and the corpus built together, views and all."""
    src = tmp_path_factory.mktemp("diffusion") / "reports"
    src.mkdir()
    for f in [*SEEDS.glob("*.txt"), *(CORPUS / "reports").glob("*.txt")]:
        shutil.copy(f, src / f.name)
    result = build(src, src.parent / "out")
    assert result.ok and not result.failures
    return result


@pytest.fixture(scope="module")
def diffusion(both):
    return read_diffusion(open_store(both.out_dir))


# ---------------------------------------------------------------- one node per program

def test_written_forms_of_one_name_have_one_key():
    assert _named_key("Mechanism", "诉前调解工作机制") == _named_key("Mechanism", "诉前调解机制")
    assert _named_key("Mechanism", "“网格化管理”工作模式") == _named_key("Mechanism", "网格化管理模式")
    assert _named_key("Program", "“雪亮工程”建设") == _named_key("Program", "雪亮工程")
    assert _named_key("Program", "综治信息平台建设") == "综治信息平台"
    assert _named_key("Campaign", "“扫黑除恶”专项斗争") == _named_key("Campaign", "扫黑除恶专项行动") == "扫黑除恶"
    # a clause's opening word or a descriptive prefix the name ran into is not part of it
    assert _named_key("Program", "根据乡村雪亮工程") == _named_key("Program", "虽然雪亮工程") == "雪亮工程"
    assert _named_key("Mechanism", "通过全县网格化管理机制") == "网格化管理机制"
    assert _named_key("Document", "关于加强平安建设的意见") == "关于加强平安建设的意见"  # a document's name as written
    assert _named_key("Program", "乡村振兴") == "乡村振兴"  # too little would be left
    assert _named_key("Program", "全方位、全覆盖") == "全方位、全覆盖"  # nor a name opening with a comma
    # the head word stays: a 工作法 is named so, and 建设 alone is not dropped from a program's name
    assert _named_key("Mechanism", "四步工作法") == "四步工作法"
    assert _named_key("Program", "平安建设") == "平安建设"
    a = extract_text("2020年3月5日\n桃源县建立诉前调解工作机制，化解纠纷20件。")
    b = extract_text("2020年3月5日\n桃源县建立诉前调解机制。")
    assert {k for k in a.entities if k[0] == "Mechanism"} == {k for k in b.entities if k[0] == "Mechanism"}


def test_every_written_form_of_the_corpus_is_one_node_per_item(diffusion):
    # 扫黑除恶专项斗争 / “扫黑除恶”专项斗争 / 扫黑除恶专项行动, “枫桥经验” / 新时代“枫桥经验”,
    # 雪亮工程 / “雪亮工程”建设: one item each, its counties counted once
    labels = [i.label for i in diffusion.items.values()]
    for name in ("扫黑除恶", "枫桥经验", "雪亮工程", "三治融合", "一村一辅警"):
        assert sum(name in lab for lab in labels) == 1, name
    saohei = diffusion.find("扫黑除恶专项行动")
    assert {"扫黑除恶专项斗争", "“扫黑除恶”专项斗争", "扫黑除恶专项行动"} <= set(saohei.aliases) | {saohei.label}


# ---------------------------------------------------------------- one name, two things

A = ("五级联动", "五项制度", "四个平台", "四类人员")
B = ("五个协作", "五个片区", "四项权力", "四支队伍")
YIWU, DONGYANG, XIUSHUI = ("Place", "330782000000"), ("Place", "330783000000"), ("Place", "360424000000")


def test_different_parts_in_two_places_are_two_senses():
    found = senses([("r1", (YIWU,), A), ("r2", (XIUSHUI,), B)])
    assert [(s.counties, s.parts) for s in found] == [((YIWU,), A), ((XIUSHUI,), B)]


def test_the_same_parts_in_two_places_are_one_thing():
    assert senses([("r1", (YIWU,), A), ("r2", (DONGYANG,), A)]) == []
    # a reworded or a missing part is still the same mechanism (the seeds' 六位一体 in two reports)
    assert senses([("r1", (YIWU,), A), ("r2", (DONGYANG,), ("五级联动", "五项制度", "四个平台"))]) == []
    assert senses([("r1", (YIWU,), A), ("r2", (DONGYANG,), ("五级联动", "五项机制", "四个平台", "四类群体"))]) == []


def test_a_use_without_parts_joins_its_countys_sense():
    found = senses([("r1", (YIWU,), A), ("r2", (XIUSHUI,), B), ("r3", (XIUSHUI,), ()), ("r4", (DONGYANG,), ())])
    by_county = {s.counties: s.reports for s in found}
    assert by_county[(XIUSHUI,)] == ("r2", "r3")
    assert by_county[(YIWU,)] == ("r1",)  # r4's county lists no parts anywhere: its sense is unknown


def test_senses_in_a_build_both_ways(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    texts = {
        "a": "2019年4月2日\n义乌市政法简讯\n义乌市推行“三网融合”工作模式，即天网、地网、云网。",
        "b": "2020年5月6日\n东阳市政法简讯\n东阳市推行“三网融合”工作模式，即天网、地网、云网。",
        "c": "2020年7月8日\n修水县政法简讯\n修水县推行“三网融合”工作模式，即综治网、警务网、政务网。",
        "d": "2021年3月1日\n修水县政法简讯\n修水县深化“三网融合”工作模式，成效明显。",
    }
    for name, text in texts.items():
        (reports / f"{name}.txt").write_text(text, encoding="utf-8")
    out = build(reports, tmp_path / "out", view=False)
    assert out.ok
    d = read_diffusion(open_store(tmp_path / "out"))
    got = {i.label: sorted(a.county.name for a in i.adoptions.values()) for i in d.items.values() if "三网融合" in i.label}
    # the same parts in two places: one sense; other parts elsewhere: another; d joins its county's
    assert got == {"三网融合（义乌市、东阳市）": ["东阳市", "义乌市"], "三网融合（修水县）": ["修水县"]}
    assert len(d.find("三网融合（修水县）").adoptions["360424000000"].evidence) == 2


def test_seeds_and_corpus_keep_5544_apart(diffusion):
    fives = sorted(i.label for i in diffusion.items.values() if i.label.startswith("5544"))
    assert fives == ["5544（义乌市、东阳市）", "5544（修水县、平江县）"]


# ---------------------------------------------------------------- adoption = the gold

def test_adoptions_are_exactly_the_gold(diffusion):
    want: dict[str, dict[str, tuple]] = defaultdict(dict)
    for row in gold_rows():
        label = row["entity"] if not row["part"] else ("5544（义乌市、东阳市）" if row["part"] in A else "5544（修水县、平江县）")
        want[label][row["county"]] = (int(row["first_year"]) if row["first_year"] else None, row["first_report"])
    for label, counties in want.items():
        item = diffusion.find(label)
        got = {a.county.name: (a.first_year, a.first_report) for a in item.adoptions.values()}
        assert got == counties, label


def test_adoption_curve_is_the_golds(diffusion):
    gold = [r for r in gold_rows() if r["entity"] == "枫桥经验" and r["first_year"]]
    rows = curve(diffusion.find("枫桥经验"), until=LAST_YEAR)
    assert [r["year"] for r in rows] == list(range(2016, LAST_YEAR + 1))
    for r in rows:
        new = sorted(g["county"] for g in gold if int(g["first_year"]) == r["year"])
        assert sorted(r["counties"]) == new and r["new"] == len(new)
        assert r["cumulative"] == sum(1 for g in gold if int(g["first_year"]) <= r["year"])
        assert len(r["reports"]) >= r["new"]  # the reports behind each point
    by_prov = curve(diffusion.find("枫桥经验"), by_province=True)
    assert {r["province"] for r in by_prov} == {"浙江省", "江西省", "湖南省"}
    assert [r["cumulative"] for r in by_prov if r["province"] == "浙江省"][0] == 1  # 诸暨市, 2016


# ---------------------------------------------------------------- borders

def test_borders_of_hand_checked_counties():
    from graph.counties import neighbours

    adj = neighbours()
    code = {"慈利县": "430821", "桑植县": "430822", "平江县": "430626", "修水县": "360424", "攸县": "430223",
            "茶陵县": "430224", "诸暨市": "330681", "嵊州市": "330683", "义乌市": "330782", "东阳市": "330783",
            "澧县": "430723", "石门县": "430726", "桃源县": "430725"}
    c = {k: v + "000000" for k, v in code.items()}
    for a, b in [("慈利县", "桑植县"), ("平江县", "修水县"), ("攸县", "茶陵县"), ("诸暨市", "嵊州市"),
                 ("义乌市", "东阳市"), ("澧县", "石门县"), ("慈利县", "桃源县")]:
        assert c[b] in adj[c[a]] and c[a] in adj[c[b]], (a, b)
    for a, b in [("慈利县", "诸暨市"), ("澧县", "桃源县"), ("义乌市", "嵊州市"), ("攸县", "平江县")]:
        assert c[b] not in adj[c[a]], (a, b)
    # every register county with boundaries has neighbours, but for islands
    assert sum(1 for v in adj.values() if not v) < 15


def test_build_states_borders_between_its_counties(both):
    from graph.query import run_on_store

    res = run_on_store(open_store(both.out_dir), """SELECT ?a ?b WHERE { ?x gk:borders ?y .
        ?x skos:prefLabel ?a . ?y skos:prefLabel ?b }""")
    pairs = {(str(a), str(b)) for a, b in res.rows}
    assert ("诸暨市", "嵊州市") in pairs and ("嵊州市", "诸暨市") in pairs
    assert ("平江县", "修水县") in pairs  # a seed county and a corpus county, across a provincial border
    assert ("义乌市", "嵊州市") not in pairs


# ---------------------------------------------------------------- panels

def test_adoption_panel_csv_and_parquet_load_as_they_are(both, tmp_path):
    import pandas as pd

    from graph.export import export_panel

    csv_path = export_panel(both.out_dir, tmp_path / "panel.csv")
    assert not csv_path.read_bytes().startswith(b"\xef\xbb\xbf")  # no BOM: R's read.csv takes the header as it is
    df = pd.read_csv(csv_path)
    assert list(df.columns) == ["county_code", "county", "prefecture", "province", "year", "entity", "type", "reports",
                                "first_report"]
    assert df["county_code"].dtype == "int64" and df["reports"].dtype == "int64"
    pq = pd.read_parquet(export_panel(both.out_dir, tmp_path / "panel.parquet"))
    assert len(pq) == len(df) and list(pq.columns) == list(df.columns)
    fq = df[df.entity == "枫桥经验"]
    first = fq.groupby("county")["year"].min().astype(int).to_dict()
    assert first == {r["county"]: int(r["first_year"]) for r in gold_rows() if r["entity"] == "枫桥经验"}
    zhuji = fq[fq.county == "诸暨市"].set_index("year")["reports"].to_dict()
    assert zhuji == {2016: 1, 2018: 1, 2020: 1}
    undated = df[(df.entity == "一村一辅警") & (df.county == "安乡县")]
    assert len(undated) == 1 and pd.isna(undated["year"].iloc[0])  # said, but in no known year: kept


def test_event_history_panel(both, diffusion, tmp_path):
    import pandas as pd

    from graph.export import export_panel

    path = export_panel(both.out_dir, tmp_path / "eh.parquet", diffusion=True)
    df = pd.read_parquet(path)
    items = set(df.entity)
    assert {"枫桥经验", "雪亮工程", "三治融合", "一村一辅警", "5544（义乌市、东阳市）"} <= items
    assert "5544（修水县、平江县）" not in items  # one dated county: no diffusion to model
    for row in gold_rows():
        if row["part"] or not row["first_year"]:
            continue
        label = diffusion.find(row["entity"]).label
        mine = df[(df.entity == label) & (df.county == row["county"])]
        assert mine[mine.adopted == 1]["year"].tolist() == [int(row["first_year"])], row
        assert (mine.adopted_before == (mine.year > int(row["first_year"])).astype(int)).all()
    fq = df[df.entity == "枫桥经验"]
    assert fq.year.min() == 2016 and fq.year.max() == LAST_YEAR
    assert len(fq) == fq.county_code.nunique() * (LAST_YEAR - 2016 + 1)
    nb = fq.set_index(["county", "year"])["neighbours_adopted"]
    # hand-checked: 嵊州市 borders 诸暨市 (2016) and 新昌县 (2017); 东阳市 borders 诸暨市, 嵊州市, 新昌县, 义乌市 (2018)
    assert nb[("嵊州市", 2017)] == 1 and nb[("嵊州市", 2018)] == 2
    assert nb[("东阳市", 2018)] == 3 and nb[("东阳市", 2019)] == 4  # and 义乌市, from 2018
    share = fq.set_index(["county", "year"])["province_share"]
    from graph.gazetteer import load

    zhejiang = sum(1 for p in load().places.values() if p.level == "county" and p.code.startswith("33") and not p.abolished)
    assert share[("嵊州市", 2018)] == pytest.approx(round(4 / zhejiang, 6))  # 诸暨, 嵊州, 新昌, 浦江 before 2018
    anxiang = df[(df.entity == "一村一辅警") & (df.county == "安乡县")]
    assert (anxiang.adopted_undated == 1).all() and (anxiang.adopted == 0).all()
    reports = fq.set_index(["county", "year"])["reports"]
    assert reports[("诸暨市", 2018)] == 1 and reports[("诸暨市", 2019)] == 0


def test_event_history_scope(diffusion):
    item = diffusion.find("三治融合")
    reported = {r["county_code"] for r in event_history(diffusion, [item])}
    province = {r["county_code"] for r in event_history(diffusion, [item], scope="province")}
    assert reported < province
    assert {c // 10000 for c in province} == {33, 36, 43}  # 浙江, 江西, 湖南: all their counties
    with pytest.raises(Exception, match="scope"):
        event_history(diffusion, [item], scope="world")


def test_panel_command_line(both, tmp_path):
    def govkg(*args):
        return subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True, text=True)

    ok = govkg("export", str(both.out_dir), "--panel", "diffusion", "枫桥经验", "“雪亮工程”建设",
               "-o", str(tmp_path / "p.csv"))
    assert ok.returncode == 0, ok.stderr
    lines = (tmp_path / "p.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("entity,type,county_code,county")
    assert {line.split(",")[0] for line in lines[1:]} == {"枫桥经验", "雪亮工程"}
    bad = govkg("export", str(both.out_dir), "--panel", "diffusion", "没有这个机制", "-o", str(tmp_path / "q.csv"))
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "没有这个机制" in bad.stderr
    bad = govkg("export", str(both.out_dir), "--panel", "-o", str(tmp_path / "q.xlsx"))
    assert bad.returncode == 2 and ".csv or .parquet" in bad.stderr
    assert not (tmp_path / "q.csv").exists() and not (tmp_path / "q.xlsx").exists()


# ---------------------------------------------------------------- queries

def _rows(build_dir, name, **params):
    from graph.query import run

    res = run(build_dir, name, params)
    return [{v: (None if t is None else str(t)) for v, t in zip(res.vars, r)} for r in res.rows]


def test_diffusion_queries_answer_the_gold(both):
    out = both.out_dir
    first = _rows(out, "first_adopters", item="枫桥经验")
    assert [(r["county"], r["year"], r["report"]) for r in first] == [("诸暨市", "2016", "d01_2016")]
    saohei = _rows(out, "first_adopters", item="扫黑除恶专项斗争")
    assert {r["county"] for r in saohei} == {r["county"] for r in gold_rows()
                                             if r["entity"] == "扫黑除恶专项斗争" and r["first_year"] == "2018"}
    by_year = _rows(out, "adoption_by_year", item="枫桥经验")
    gold = [r for r in gold_rows() if r["entity"] == "枫桥经验"]
    for r in by_year:
        y = int(r["year"])
        assert int(r["new"]) == sum(1 for g in gold if int(g["first_year"]) == y)
        assert int(r["cumulative"]) == sum(1 for g in gold if int(g["first_year"]) <= y)
    before = _rows(out, "neighbours_adopted_before", item="枫桥经验", county="东阳市")
    assert {(r["neighbour"], r["neighbour_year"]) for r in before} == {("诸暨市", "2016"), ("嵊州市", "2017"), ("新昌县", "2017")}
    fives = {r["label"] for r in _rows(out, "first_adopters", item="5544")}
    assert fives == {"5544（义乌市、东阳市）", "5544（修水县、平江县）"}


@pytest.mark.skipif(not shutil.which("Rscript"), reason="R is not installed (apt-get install r-base-core)")
def test_panels_load_in_r_as_they_are(both, tmp_path):
    from graph.export import export_panel

    adoption = export_panel(both.out_dir, tmp_path / "a.csv")
    history = export_panel(both.out_dir, tmp_path / "h.csv", diffusion=True)
    script = (f'a <- read.csv("{adoption}"); h <- read.csv("{history}"); '
              'cat(names(a)[1], class(a$year), class(a$county_code), nrow(a), names(h)[1], class(h$adopted), '
              'sum(h$adopted[h$entity == "枫桥经验"]), "\\n")')
    done = subprocess.run(["Rscript", "-e", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    first, year_class, code_class, n, hfirst, adopted_class, adopted = done.stdout.split()
    assert (first, year_class, code_class, hfirst, adopted_class) == ("county_code", "integer", "integer", "entity", "integer")
    assert int(n) == len((tmp_path / "a.csv").read_text(encoding="utf-8").splitlines()) - 1
    assert int(adopted) == sum(1 for r in gold_rows() if r["entity"] == "枫桥经验" and r["first_year"])
