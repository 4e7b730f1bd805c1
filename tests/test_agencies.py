"""Agencies: qualification to the report's place, short forms, units, central bodies."""
from __future__ import annotations

from helpers import entity, names, run


def test_bare_county_bodies_take_the_focal_county():
    ex = run("湄潭县召开会议。县公安局、县法院、县检察院和县司法局负责人参加。")
    assert {"湄潭县公安局", "湄潭县人民法院", "湄潭县人民检察院", "湄潭县司法局"} <= names(ex, "Agency")
    assert "县法院" in entity(ex, "Agency", "湄潭县人民法院").aliases


def test_party_committee_contraction_and_its_organs():
    ex = run("攸县县委召开常委会，县委政法委、县委组织部参加。攸县委副书记讲话。")
    assert {"攸县委", "攸县委政法委", "攸县委组织部"} <= names(ex, "Agency")


def test_province_and_city_bodies_take_the_chain_above():
    ex = run("湄潭县公安局得到省公安厅和市政府的肯定，市委政法委到湄潭调研。")
    assert {"贵州省公安厅", "遵义市人民政府", "遵义市委政法委"} <= names(ex, "Agency")


def test_units_are_sub_organisations():
    ex = run("鄂托克旗公安局交警大队开展夜查行动。同年，鄂托克旗公安局合成作战指挥中心正式运行。")
    unit = entity(ex, "Agency", "鄂托克旗公安局合成作战指挥中心")
    assert unit.attrs["parent"] == "鄂托克旗公安局"
    assert "鄂托克旗公安局交警大队" in names(ex, "Agency")


def test_central_bodies_and_collectives():
    ex = run("湄潭县禁毒工作得到公安部、国家禁毒委的肯定。全省公安机关开展专项行动。")
    assert {"公安部", "国家禁毒委员会"} <= names(ex, "Agency")
    assert "贵州省公安局" not in names(ex, "Agency")


def test_level_word_inside_a_word_is_not_a_body():
    ex = run("湄潭县建设社区警务室和片区警务室。")
    assert not any(n.endswith("警务室") for n in names(ex, "Agency"))


def test_bare_body_inside_a_quoted_name_is_no_agency():
    ex = run("湄潭县深入推进“法院执行年”专项活动。")
    assert "湄潭县人民法院" not in names(ex, "Agency")
    assert "法院执行年" in names(ex, "Campaign")
