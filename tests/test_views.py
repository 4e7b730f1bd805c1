"""The view pages in a real headless Chromium with no network: they draw, search and filter
work, evidence opens the report text at the mention, and hostile report text stays inert."""
from __future__ import annotations

import json
import os
import re

import pytest

import browser
from conftest import SEEDS

pytestmark = pytest.mark.skipif(not browser.available() and not os.environ.get("CI"),
                                reason="Debian's chromium is not installed (CI installs it)")


@pytest.fixture(scope="module")
def chromium():
    with browser.browser() as b:
        yield b


def page_data(path):
    text = path.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="data">(.*?)</script>', text, re.S)
    return json.loads(m.group(1))


def test_build_writes_every_view_and_an_index(seed_build):
    views = seed_build.out_dir / "views"
    names = {p.name for p in views.glob("*.html")}
    assert {"index.html", "overview.html", "mechanism.html", "agency.html", "county-慈利县.html"} <= names
    assert not any(n.startswith("report-") for n in names)  # a report's network is made on demand (govkg view)
    texts = sorted(p.name for p in (views / "reports").glob("*.html"))
    assert len(texts) == 5
    index = (views / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{n}"' in index for n in names if n != "index.html")
    assert all(f'href="reports/{n}"' in index for n in texts)


@pytest.mark.parametrize("name", ["overview.html", "mechanism.html", "agency.html", "county-慈利县.html", "report"])
def test_pages_draw_offline_without_errors(seed_build, chromium, name, tmp_path):
    path = seed_build.out_dir / "views" / name
    if name == "report":  # made on demand, standing alone
        from graph.store import open_store
        from graph.views import make_view

        path = tmp_path / "report.html"
        path.write_text(make_view(open_store(seed_build.out_dir), "report", "000_83c0855069bbc1ba"), encoding="utf-8")
    page, log = browser.open_page(chromium, path.as_uri())
    drawn = page.evaluate("net.body.nodeIndices.length")
    assert drawn == len(page_data(path)["nodes"]) > 0
    assert not log.outside_requests and not log.failed_requests, log
    assert not log.console_errors and not log.page_errors, log


def test_search_and_type_filter(seed_build, chromium):
    path = seed_build.out_dir / "views" / "county-慈利县.html"
    page, log = browser.open_page(chromium, path.as_uri())
    page.fill("#search", "六位一体")
    assert page.inner_text("#found").startswith("1 found")
    assert page.evaluate("net.getSelectedNodes().length") == 1
    assert page.inner_text("#details h3") == "六位一体"
    page.fill("#search", "liu wei")  # pinyin finds it too
    assert int(page.inner_text("#found").split()[0]) >= 1
    before = page.evaluate("net.body.nodeIndices.length")
    agencies = sum(1 for n in page_data(path)["nodes"] if n["kind"] == "Agency")
    page.uncheck('input[data-type="Agency"]')
    assert page.evaluate("net.body.nodeIndices.length") == before - agencies
    page.check('input[data-type="Agency"]')
    assert page.evaluate("net.body.nodeIndices.length") == before
    assert not log.console_errors and not log.page_errors


def test_evidence_opens_the_report_at_the_mention(seed_build, chromium):
    path = seed_build.out_dir / "views" / "county-慈利县.html"
    page, _ = browser.open_page(chromium, path.as_uri())
    page.fill("#search", "慈利县公安局")
    href = page.get_attribute("#details a", "href")
    report, anchor = re.match(r"reports/([^#]+)\.html#c(\d+)", href).groups()
    text = (SEEDS / f"{report}.txt").read_text(encoding="utf-8")
    assert text[int(anchor):int(anchor) + 12].replace("\n", "").startswith(("慈利县公安局", "县公安局"))
    page.click("#details a")
    page.wait_for_load_state()
    assert page.evaluate("document.querySelector('mark.now') !== null")


def test_hostile_report_text_cannot_run_code(tmp_path, chromium):
    from graph import build

    src = tmp_path / "in"
    src.mkdir()
    # entities decode to real markup inside names, so it reaches labels, tooltips and quotes
    evil = ('凤凰县公安局开展“&lt;script&gt;alert(1)&lt;/script&gt;”专项行动，建立“&lt;img src=x onerror=alert(2)&gt;”工作机制。'
            '凤凰县公安局局长张三说，推进“\\"};alert(3);//”工程建设。'
            '凤凰县开展“&lt;/script&gt;&lt;script&gt;alert(4)&lt;/script&gt;”专项行动。<script>alert(5)</script>')
    (src / "evil.txt").write_text(evil, encoding="utf-8")
    result = build(src, tmp_path / "out")
    for page_path in [*(tmp_path / "out" / "views").glob("*.html"), *(tmp_path / "out" / "views" / "reports").glob("*.html"),
                      tmp_path / "out" / "view.html"]:
        page, log = browser.open_page(chromium, page_path.as_uri(), wait_ready=page_path.parent.name != "reports"
                                      and page_path.name != "index.html")
        if page_path.parent.name != "reports" and page_path.name != "index.html":
            page.fill("#search", "script")
            page.evaluate("for (const n of DATA.nodes) showDetails(n)")
        assert log.dialogs == [], (page_path.name, log.dialogs)
        assert not log.page_errors, (page_path.name, log.page_errors)
        assert page.evaluate("document.querySelectorAll('img[src=x]').length") == 0
        assert not log.outside_requests
    assert result.ok
    labels = {n["label"] for n in page_data(tmp_path / "out" / "views" / "county-凤凰县.html")["nodes"]}
    assert "<script>alert(1)</script>" in labels and "<img src=x onerror=alert(2)>" in labels


def test_cli_view_and_stats(seed_build, tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    out = tmp_path / "pages" / "c.html"
    run = subprocess.run([sys.executable, "-m", "graph.cli", "view", str(seed_build.out_dir), "--kind", "county",
                          "--focus", "平江县", "-o", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    data = page_data(out)
    assert "5544" in {n["label"] for n in data["nodes"]}
    assert data["reportsHref"].endswith("views/reports/")
    run = subprocess.run([sys.executable, "-m", "graph.cli", "view", str(seed_build.out_dir), "--kind", "county",
                          "--focus", "不存在县"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2 and "no county named" in run.stderr
    run = subprocess.run([sys.executable, "-m", "graph.cli", "stats", str(seed_build.out_dir), "--top", "3"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0 and "Most connected" in run.stdout and "慈利县" in run.stdout


def test_catalog_reports_and_first_mention_agree_with_the_mentions(seed_build):
    # the catalog reads reports and offsets from the mention IRIs (NIF's #char=b,e); they must
    # be what gk:report and nif:beginIndex say
    from graph.store import open_store
    from graph.views.data import _select, catalog

    store = open_store(seed_build.out_dir)
    cat = catalog(store)
    want: dict[str, list] = {}
    for r in _select(store, """SELECT ?e ?rid ?b WHERE { ?e gk:mention ?m . ?m gk:report/dcterms:identifier ?rid ;
                                                                     nif:beginIndex ?b }"""):
        if r["e"] in cat:
            want.setdefault(r["e"], []).append((r["rid"], int(r["b"])))
    assert want and set(want) == {e for e, d in cat.items() if d["reports"]}
    for e, ms in want.items():
        assert cat[e]["reports"] == " ".join(sorted({rid for rid, _ in ms}))
        assert cat[e]["mention"] == list(min(ms))
    some = sorted(want)[:5]
    assert catalog(store, some) == {e: cat[e] for e in some}


def test_county_page_caps_its_statistics_and_says_so(seed_build):
    from graph.store import open_store
    from graph.views.data import county

    store = open_store(seed_build.out_dir)
    full = county(store, "慈利县")
    stats = [n for n, d in full.nodes(data=True) if d.get("type") == "Statistic"]
    assert len(stats) > 2 and not full.graph.get("hidden")
    capped = county(store, "慈利县", max_statistics=2)
    kept = [d for _, d in capped.nodes(data=True) if d.get("type") == "Statistic"]
    assert len(kept) == 2 and capped.graph["hidden"] == len(stats) - 2
    assert capped.graph["hidden_what"] == "statistics of earlier reports"
    # the ones kept are those of the last reports, in report-id order
    assert [d["reports"] for d in kept] == sorted(full.nodes[n]["reports"] for n in stats)[-2:]


@pytest.mark.parametrize("corpus", ["seeds", "testset"])
def test_the_builds_catalog_is_the_stores(corpus, seed_build, tmp_path):
    # a build writes its views from its own resolution; `govkg view` reads the store: same details
    from conftest import ROOT
    from graph import build
    from graph.store import open_store
    from graph.views.data import catalog, catalog_of

    result = seed_build if corpus == "seeds" else build(ROOT / "tests" / "testset" / "reports", tmp_path / "out", view=False)
    assert catalog_of(result.resolved) == catalog(open_store(result.out_dir))


@pytest.mark.parametrize("leaves", [3, 700])  # 700: past PHYSICS_MAX_NODES, the nodes carry fixed positions
def test_network_json_gives_the_objects_pyvis_makes(leaves):
    """The page's nodes and edges are made without pyvis (its checks are quadratic in a page's
    size) but are the objects its Network(directed=True) makes, key for key, plus our fields."""
    import networkx as nx
    from pyvis.network import Network

    from graph.views.page import network_json

    g = nx.MultiDiGraph()
    g.add_node("https://w3id.org/govkg/id/place/430821000000", label="慈利县", type="Place", code="430821000000", size_by=3)
    g.add_node("no-label", label="", type="Honor")  # pyvis shows an empty label as the node's id
    for i in range(leaves):
        g.add_edge("https://w3id.org/govkg/id/place/430821000000", f"m{i}", key="adopts", predicate="adopts", year="2024")
        g.nodes[f"m{i}"].update(label=f"网格化服务机制{i}", type="Mechanism", quotes=["慈利县推行网格化服务机制。"] * 4)
    nodes, edges, _ = network_json(g)
    net = Network(directed=True)
    for n in nodes:
        mine = {k: n[k] for k in ("label", "color", "shape", "size", "x", "y") if k in n}
        if mine["label"] == n["id"]:
            mine["label"] = ""
        net.add_node(n["id"], **mine)
    for e in edges:
        net.add_edge(e["from"], e["to"], label=e["label"])
    ours = {"kind", "pinyin", "code", "reports", "quotes", "mention", "iri"}
    assert [{k: v for k, v in n.items() if k not in ours} for n in nodes] == net.nodes
    assert all(list(n)[:len(p)] == list(p) for n, p in zip(nodes, net.nodes))  # same keys in the same order: same JSON
    assert [list(e.items()) for e in edges] == [list(e.items()) for e in net.edges] and edges[0] == {"label": "adopts 2024", "from": 0, "to": edges[0]["to"], "arrows": "to"}
    assert next(n for n in nodes if n["kind"] == "Honor")["label"] == next(n for n in nodes if n["kind"] == "Honor")["id"]
    assert all(len(n["quotes"]) == 3 for n in nodes if n["kind"] == "Mechanism")
