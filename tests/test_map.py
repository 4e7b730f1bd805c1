"""The diffusion map pages in a real headless Chromium with no network: the whole country drawn,
the counties and years of the test corpus's gold on the slider and when it plays, hover, click
for evidence, province zoom, the curve's points, and counties the boundaries lack listed."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

import browser
from test_diffusion import both, gold_rows  # noqa: F401  (the module's build of seeds and corpus)

pytestmark = pytest.mark.skipif(not browser.available() and not os.environ.get("CI"),
                                reason="Debian's chromium is not installed (CI installs it)")


@pytest.fixture(scope="module")
def chromium():
    with browser.browser() as b:
        yield b


def page_data(path):
    m = re.search(r'<script type="application/json" id="data">(.*?)</script>', path.read_text(encoding="utf-8"), re.S)
    return json.loads(m.group(1))


def codes_of(names):
    from graph.gazetteer import load

    gz = load()
    return {gz.lookup(n, "county")[0].code for n in names}


def filled(page) -> set[str]:
    return set(page.evaluate("[...document.querySelectorAll('#map path.c')].filter(p => p.style.fill).map(p => p.dataset.code)"))


FENGQIAO = "map-mechanism-枫桥经验.html"


def test_index_links_a_map_for_each_item_in_two_counties(both):
    views = both.out_dir / "views"
    index = (views / "index.html").read_text(encoding="utf-8")
    maps = sorted(p.name for p in views.glob("map-*.html"))
    assert FENGQIAO in maps and "map-program-雪亮工程.html" in maps and "map-mechanism-三治融合.html" in maps
    assert all(f'href="{n}"' in index for n in maps)
    assert not any("626" in n for n in maps)  # a campaign of one county has no map of its own
    assert (views / "counties.js").stat().st_size > 500_000  # the boundaries once, beside the pages
    data = page_data(views / FENGQIAO)
    assert [i["label"] for i in data["items"]] == ["枫桥经验"]


def test_map_draws_every_county_offline(both, chromium):
    from graph.counties import boundaries_text

    page, log = browser.open_page(chromium, (both.out_dir / "views" / FENGQIAO).as_uri())
    assert page.evaluate("document.querySelectorAll('#map path.c').length") == len(json.loads(boundaries_text())["counties"])
    assert page.evaluate("window.govkgDrawMs") > 0
    assert not log.outside_requests and not log.failed_requests, log
    assert not log.console_errors and not log.page_errors, log


def test_slider_and_play_show_the_golds_counties_by_year(both, chromium):
    gold = [r for r in gold_rows() if r["entity"] == "枫桥经验"]
    page, log = browser.open_page(chromium, (both.out_dir / "views" / FENGQIAO).as_uri())
    assert filled(page) == codes_of(r["county"] for r in gold)  # opens on the last year: all of them
    for year in (2016, 2017, 2019):
        page.fill("#year", str(year))
        page.dispatch_event("#year", "input")
        assert filled(page) == codes_of(r["county"] for r in gold if int(r["first_year"]) <= year), year
        assert page.inner_text("#yearLabel") == str(year)
    colours = page.evaluate("Object.fromEntries([...document.querySelectorAll('#map path.c')].filter(p => p.style.fill)"
                            ".map(p => [p.dataset.code, p.style.fill]))")
    by_year = {}
    for r in gold:
        if int(r["first_year"]) <= 2019:
            by_year.setdefault(int(r["first_year"]), set()).add(colours[codes_of([r["county"]]).pop()])
    assert all(len(c) == 1 for c in by_year.values()) and len(set().union(*by_year.values())) == len(by_year)
    page.click("#play")  # from 2019 to the last year, a step at a time
    page.wait_for_function("window.govkgPlayed === true", timeout=20000)
    assert page.inner_text("#yearLabel") == "2021"
    assert filled(page) == codes_of(r["county"] for r in gold)
    assert not log.console_errors and not log.page_errors, log


def test_hover_click_zoom_and_the_curve(both, chromium):
    views = both.out_dir / "views"
    page, log = browser.open_page(chromium, (views / FENGQIAO).as_uri())
    shengzhou = codes_of(["嵊州市"]).pop()
    page.hover(f'path[data-code="{shengzhou}"]')
    assert "嵊州市" in page.inner_text("#tip") and "2017" in page.inner_text("#tip")
    page.click(f'path[data-code="{shengzhou}"]', force=True)
    details = page.inner_text("#details")
    assert "嵊州市" in details and "“枫桥经验”" in details and "化解矛盾纠纷86件" in details
    href = page.get_attribute("#details a", "href")
    rid, anchor = re.match(r"reports/(.+)\.html#(c\d+)$", href).groups()
    assert rid == "d05_2017" and f'id="{anchor}"' in (views / "reports" / f"{rid}.html").read_text(encoding="utf-8")
    before = page.get_attribute("#map", "viewBox")
    page.select_option("#prov", "浙江省")
    zoomed = [float(x) for x in page.get_attribute("#map", "viewBox").split()]
    assert zoomed[2] < float(before.split()[2]) / 5
    page.click('#curve circle[data-year="2019"]')
    assert "2019: 4 new, 11 in all" in page.inner_text("#details")
    for county in ("兰溪市", "武宁县", "修水县", "瑞昌市"):
        assert county in page.inner_text("#details")
    page.check("#byProv")
    assert page.evaluate("document.querySelectorAll('#curve path').length") == 3  # 浙江, 江西, 湖南
    assert not log.console_errors and not log.page_errors and not log.outside_requests, log


def test_a_map_made_alone_from_the_command_line(both, chromium, tmp_path):
    out = tmp_path / "map.html"
    done = subprocess.run([sys.executable, "-m", "graph.cli", "view", str(both.out_dir), "--kind", "map", "-o", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    labels = [i["label"] for i in page_data(out)["items"]]
    assert labels[0] == "枫桥经验" and "5544（义乌市、东阳市）" in labels and "626" not in labels
    (tmp_path / "out").symlink_to(both.out_dir)  # `govkg view map`: the kind as the first word, on out/
    done = subprocess.run([sys.executable, "-m", "graph.cli", "view", "map", "--focus", "“雪亮工程”建设", "-o", "x.html"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [i["label"] for i in page_data(tmp_path / "x.html")["items"]] == ["雪亮工程"]
    page, log = browser.open_page(chromium, out.as_uri())
    page.select_option("#item", str(labels.index("三治融合")))
    assert filled(page) == codes_of(r["county"] for r in gold_rows() if r["entity"] == "三治融合")
    assert not log.outside_requests and not log.failed_requests and not log.page_errors, log


def test_counties_the_boundaries_lack_are_listed(chromium, tmp_path):
    from graph.diffusion import Adoption, Diffusion, Evidence, Item, county_of
    from graph.views.map import item_data, render_map

    # 岑岭县 is in the register but not in the boundaries govkg ships
    cenling, zhuji = county_of("653132000000"), county_of("330681000000")
    item = Item("https://w3id.org/govkg/id/mechanism/x", "一网统管", "Mechanism")
    item.adoptions = {c.code: Adoption(c, [Evidence("r1", "2020-01-02", "推行一网统管。", 0)]) for c in (cenling, zhuji)}
    d = Diffusion({item.iri: item}, {c.code: c for c in (cenling, zhuji)}, {"r1": 2020}, {})
    assert item_data(d, item)["noBoundary"] == ["653132000000"]
    path = tmp_path / "m.html"
    path.write_text(render_map(d, [item], title="t"), encoding="utf-8")
    page, log = browser.open_page(chromium, path.as_uri())
    assert "岑岭县" in page.inner_text("#extra") and filled(page) == {"330681000000"}
    assert not log.page_errors, log
