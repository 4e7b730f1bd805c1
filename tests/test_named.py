"""Campaigns, programs, mechanisms: head nouns, quote lists, unquoted names, formulas."""
from __future__ import annotations

from helpers import entity, names, relations, run


def test_quoted_name_with_head_noun():
    ex = run("凤凰县公安局开展“雷霆2020”专项行动，建立“警调对接”工作机制，推进“雪亮工程”建设。")
    assert "雷霆2020" in names(ex, "Campaign")
    assert "警调对接" in names(ex, "Mechanism")
    assert "雪亮工程" in names(ex, "Program")
    assert "“雷霆2020”专项行动" in entity(ex, "Campaign", "雷霆2020").aliases


def test_quote_list_shares_its_head():
    ex = run("凤凰县开展“春雷”“夏安”“秋风”等专项行动。")
    assert {"春雷", "夏安", "秋风"} <= names(ex, "Campaign")


def test_unquoted_campaign_and_mechanism_after_a_trigger_verb():
    ex = run("凤凰县深入开展禁赌行动，全面推进电信诈骗整治专项行动，建立矛盾纠纷排查调处机制。")
    assert {"禁赌行动", "电信诈骗整治专项行动"} <= names(ex, "Campaign")
    assert "矛盾纠纷排查调处机制" in names(ex, "Mechanism")


def test_list_before_a_formula_gives_its_components_when_the_count_matches():
    ex = run("凤凰县建立了公安、司法、乡镇、村组“四位一体”调解机制。")
    m = entity(ex, "Mechanism", "四位一体")
    assert m.components == ["公安", "司法", "乡镇", "村组"] and m.formula_count == 4


def test_components_rejected_when_the_count_does_not_match():
    ex = run("凤凰县建立了公安、司法、乡镇“四位一体”调解机制。")
    m = entity(ex, "Mechanism", "四位一体")
    assert m.components == [] and m.formula_count == 4


def test_quoted_list_then_formula_names_the_formula():
    ex = run("凤凰县公安局推行“网上办案、网上审批、网上监督”三项举措。")
    m = entity(ex, "Mechanism", "三项举措")
    assert m.components == ["网上办案", "网上审批", "网上监督"]


def test_enumeration_after_the_formula():
    ex = run("诸暨市打造“四治融合”基层治理体系，即自治、法治、德治、智治。")
    assert entity(ex, "Mechanism", "四治融合").components == ["自治", "法治", "德治", "智治"]


def test_digit_formula_takes_its_sub_formulas():
    ex = run("凤凰县公安局将全县划分为“东片、西片、南片”三个片区，实行片区“联侦、联动”两项协作，"
             "着力打造片区警务“32”模式。")
    assert entity(ex, "Mechanism", "32").components == ["三个片区", "两项协作"]


def test_one_room_three_teams():
    ex = run("凤凰县公安局组建“指挥室”和“侦查中队、治安中队、社区中队”一室三队。")
    assert entity(ex, "Mechanism", "一室三队").components == ["指挥室", "侦查中队", "治安中队", "社区中队"]


def test_unquoted_one_x_one_y_formula():
    ex = run("凤凰县已建成警务室29个，做到了一村一警。")
    assert "一村一警" in names(ex, "Mechanism")


def test_actor_is_the_subject_not_a_place_inside_it():
    ex = run("凤凰县公安局坚持“命案必破”的原则。")
    assert ("凤凰县公安局", "命案必破") in relations(ex, "adopts")


def test_no_actor_in_the_sentence_means_the_focal_county():
    ex = run("凤凰县召开大会。\n深入推进三年禁毒行动，破获涉毒案件34起。")
    assert ("凤凰县", "三年禁毒行动") in relations(ex, "conducts")


def test_emphasis_quotes_are_not_entities():
    ex = run("凤凰县公安局勇于“亮剑”，守住“生命线”，打造“新格局”。")
    assert not names(ex, "Mechanism") and not names(ex, "Campaign")
