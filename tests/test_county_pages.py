"""County pages are one per county, not one per name: China has several 鼓楼区, and every
anonymised report's 我县 is a county of its own (regression: two counties shared a page)."""
from __future__ import annotations

import pytest

from graph import build
from graph.errors import GovkgError
from graph.store import open_store
from graph.views.data import find_county


@pytest.fixture(scope="module")
def two_gulou(tmp_path_factory):
    src = tmp_path_factory.mktemp("gulou")
    (src / "a.txt").write_text("南京市鼓楼区公安分局开展“净网2026”专项行动，鼓楼区各街道积极参与。", encoding="utf-8")
    (src / "b.txt").write_text("福州市鼓楼区司法局推行“三调联动”工作机制，鼓楼区群众满意度提升。", encoding="utf-8")
    out = src.parent / "gulou-out"
    build(src, out)
    return out


def test_counties_sharing_a_name_get_a_page_each(two_gulou):
    pages = sorted(p.name for p in (two_gulou / "views").glob("county-*.html"))
    assert pages == ["county-鼓楼区-320106000000.html", "county-鼓楼区-350102000000.html"]
    nanjing = (two_gulou / "views" / pages[0]).read_text(encoding="utf-8")
    assert "净网2026" in nanjing and "三调联动" not in nanjing


def test_a_shared_name_as_focus_asks_which_county(two_gulou):
    store = open_store(two_gulou)
    with pytest.raises(GovkgError, match="320106000000, 350102000000"):
        find_county(store, "鼓楼区")
    assert find_county(store, "350102000000").endswith("/place/350102000000")


def test_a_county_given_by_its_iri_is_asked_for_alone(two_gulou):
    """The build names its county pages by IRI: each is checked with one question, and an IRI
    that is no county of the build (or no IRI at all) is refused like a name."""
    store = open_store(two_gulou)
    iri = find_county(store, "320106000000")
    assert find_county(store, iri) == iri
    for bad in (iri.replace("320106", "320199"), "http://x y>", "https://w3id.org/govkg/id/agency/鼓楼区"):
        with pytest.raises(GovkgError, match="no county named"):
            find_county(store, bad)


def test_a_county_page_is_titled_by_the_county_s_name(two_gulou):
    """The build asks for each county page by IRI: the title still shows the county's name."""
    for page in (two_gulou / "views").glob("county-*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<title>govkg · 县域 County — 鼓楼区</title>" in text and "/place/" not in text.split("</title>")[0]


def test_every_county_s_rows_read_at_once_are_each_one_s_own(tmp_path):
    """The build reads what its county pages show with one query for all counties: each county
    gets the rows, in the order, that its own query gives, so its page is the same."""
    import networkx as nx

    from graph.views.data import counties, county, county_rows

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("凤凰县公安局开展“雷霆2025”专项行动，凤凰县司法局推行“网格化服务”工作机制。", encoding="utf-8")
    (src / "b.txt").write_text("吉首市人民法院实施“智慧法院”工程，吉首市公安局开展“雷霆2025”专项行动。", encoding="utf-8")
    build(src, tmp_path / "out")
    store = open_store(tmp_path / "out")
    iris = [iri for iri, _, _ in counties(store)]
    assert len(iris) == 2
    together = county_rows(store, iris)
    assert sum(len(r) for rows in together.values() for r in rows) > 4
    for iri in iris:
        assert together[iri] == county_rows(store, [iri])[iri]
        alone, shared = county(store, iri), county(store, iri, rows=together)
        assert list(alone.edges(keys=True)) == list(shared.edges(keys=True)) and nx.utils.nodes_equal(alone, shared)
