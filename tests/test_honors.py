"""Honors: titles after award verbs, in lists, as modifiers, counted among people, and who
received them. Every sentence here is written for the test."""
from __future__ import annotations

import pytest

from helpers import entity, names, relations, run


def test_a_list_of_titles_after_one_verb_and_a_year_before_a_title():
    ex = run("去年凤凰县公安局荣获2022年度全省优秀公安基层单位；今年又获评全市平安建设先进集体、全市禁毒工作先进单位等称号。")
    titles = {"全省优秀公安基层单位", "全市平安建设先进集体", "全市禁毒工作先进单位"}
    assert names(ex, "Honor") == titles
    assert "2022年度全省优秀公安基层单位" in entity(ex, "Honor", "全省优秀公安基层单位").aliases
    assert relations(ex, "awardedTo") == {(t, "凤凰县公安局") for t in titles}


def test_two_quoted_titles_joined_by_he_with_a_batch():
    ex = run("凤凰县禾库镇派出所被省公安厅授予第二批“星级公安派出所”和“全省优秀公安基层单位”称号。")
    assert names(ex, "Honor") == {"全省优秀公安基层单位", "星级公安派出所"}
    assert "第二批“星级公安派出所”" in entity(ex, "Honor", "星级公安派出所").aliases
    assert relations(ex, "awardedTo") == {("全省优秀公安基层单位", "凤凰县公安局禾库镇派出所"), ("星级公安派出所", "凤凰县公安局禾库镇派出所")}


def test_a_merit_of_a_rank_goes_to_the_person():
    ex = run("凤凰县公安局民警张建军荣立个人二等功一次。")
    assert entity(ex, "Honor", "个人二等功").aliases >= {"二等功"}
    assert relations(ex, "awardedTo") == {("个人二等功", "张建军")}


def test_a_quoted_title_before_its_holder():
    ex = run("这家全国“星级司法所”——凤凰县禾库镇司法所，去年调解纠纷300余起。")
    honor = entity(ex, "Honor", "星级司法所")
    assert "全国星级司法所" in honor.aliases
    assert relations(ex, "awardedTo") == {("星级司法所", "凤凰县司法局禾库镇司法所")}


def test_a_title_held_by_the_body_heading_its_clause():
    ex = run("凤凰县禾库镇派出所这块“全省一级公安派出所”的牌子挂了十年。")
    assert relations(ex, "awardedTo") == {("全省一级公安派出所", "凤凰县公安局禾库镇派出所")}


def test_a_title_named_after_the_province_that_gives_it():
    ex = run("凤凰县召开平安建设会议\n2023年，凤凰县被命名为“湖南省平安建设示范县”。")
    assert relations(ex, "awardedTo") == {("湖南省平安建设示范县", "凤凰县")}


def test_titles_counted_among_people_have_no_named_holder():
    ex = run("近年来，该院先后涌现出2名全国优秀法官和1名“全国三八红旗手”。")
    assert names(ex, "Honor") == {"全国优秀法官", "全国三八红旗手"}
    assert not relations(ex, "awardedTo")


def test_a_title_with_its_kind_after_the_quote():
    ex = run("凤凰县计划培育一批省级“星级公安派出所”达标示范单位。")
    assert names(ex, "Honor") == {"星级公安派出所达标示范单位"}
    assert not relations(ex, "awardedTo")  # a goal: nobody holds it yet


def test_units_counted_before_the_verb_are_not_named_holders():
    ex = run("凤凰县召开表彰大会\n其中，12个单位荣获“市级平安单位”称号。")
    assert names(ex, "Honor") == {"市级平安单位"}
    assert not relations(ex, "awardedTo")


def test_a_holder_the_text_does_not_resolve_is_not_replaced_by_another():
    ex = run("凤凰县禾库镇被评为省级平安乡镇，镇里的调解队被评为全省优秀调解组织。")
    assert relations(ex, "awardedTo") == {("省级平安乡镇", "禾库镇")}


def test_a_place_title_goes_to_a_place_not_a_body():
    ex = run("凤凰县公安局召开会议\n凤凰县公安局连续三年被评为全省平安县。")
    assert not relations(ex, "awardedTo")


def test_quoted_titles_side_by_side_and_two_titles_joined_by_he():
    ex = run("凤凰县先后荣获“全国平安建设先进县”“全国法治县创建先进单位”等称号，"
             "凤凰县人民法院被评为全国法院先进集体和全省优秀法院。")
    assert names(ex, "Honor") == {"全国平安建设先进县", "全国法治县创建先进单位", "全国法院先进集体", "全省优秀法院"}
    assert ("全国法治县创建先进单位", "凤凰县") in relations(ex, "awardedTo")
    assert ("全省优秀法院", "凤凰县人民法院") in relations(ex, "awardedTo")


def test_a_designation_listed_or_fixed_for_a_place_or_body():
    ex = run("凤凰县被确定为全省社会治理现代化试点县，凤凰县禾库镇司法所被列入全省规范化司法所建设示范点。")
    assert relations(ex, "awardedTo") == {("全省社会治理现代化试点县", "凤凰县"),
                                          ("全省规范化司法所建设示范点", "凤凰县司法局禾库镇司法所")}


def test_a_person_named_by_role_after_a_body_holds_it_not_the_body():
    ex = run("凤凰县公安局社区民警李四被授予“全国优秀人民警察”荣誉称号。")
    assert "全国优秀人民警察" in names(ex, "Honor")
    assert ("全国优秀人民警察", "凤凰县公安局") not in relations(ex, "awardedTo")


def test_titles_for_people_and_youth_bodies():
    ex = run("凤凰县公安局民警李四荣获“全国三八红旗手”称号，凤凰县法院立案庭获评全国青年文明号，禾库镇被命名为全省无讼村。")
    assert names(ex, "Honor") == {"全国三八红旗手", "全国青年文明号", "全省无讼村"}
    assert ("全省无讼村", "禾库镇") in relations(ex, "awardedTo")


def test_a_body_named_after_a_place_holds_its_title_not_the_place():
    ex = run("凤凰县妇联被评为全国五四红旗团委，凤凰县连续三年被评为全省平安县。")
    assert relations(ex, "awardedTo") == {("全国五四红旗团委", "凤凰县妇女联合会"), ("全省平安县", "凤凰县")}


def test_an_unresolved_unit_of_a_body_holds_its_title_not_the_body():
    ex = run("凤凰县人民检察院控告申诉检察部被评为全国检察机关“文明接待室”。")
    assert ("文明接待室", "凤凰县人民检察院") not in relations(ex, "awardedTo")


@pytest.mark.parametrize("text", [
    "凤凰县委把基层治理列为“头号任务”。",  # a plan, not a title
    "凤凰县将2024年确定为“基层基础建设年”。",
    "凤凰县公安局获得群众一致好评。",
    "获奖单位名单已公布。",
    "凤凰县提出打造“全国一流基层政法单位”的目标。",  # a goal in quotes
])
def test_no_title(text):
    assert not names(run(text), "Honor")


def test_every_holder_listed_before_the_verb_receives_the_title():
    ex = run("凤凰县召开会议。禾库镇综治中心、腊尔山镇综治中心和山江镇综治中心被评为全省“五星级综治中心”。")
    assert {b for t, b in relations(ex, "awardedTo") if t == "五星级综治中心"} == {
        "禾库镇综治中心", "腊尔山镇综治中心", "山江镇综治中心"}
    ex = run("凤凰县公安局召开表彰会。禾库派出所、山江派出所获评全州禁毒工作先进集体。")
    assert {b for t, b in relations(ex, "awardedTo")} == {"凤凰县公安局禾库派出所", "凤凰县公安局山江派出所"}


def test_a_committee_or_a_centre_is_a_kind_of_holder_a_title_ends_with():
    ex = run("凤凰县禾库镇人民调解委员会被评为全国模范人民调解委员会。凤凰县综治中心获评全省先进综治中心。")
    assert {"全国模范人民调解委员会", "全省先进综治中心"} <= names(ex, "Honor")


def test_praised_as_a_title_by_an_awarder_in_either_voice():
    ex = run("凤凰县禾库派出所被州公安局表彰为全州优秀公安基层单位。")
    assert ("全州优秀公安基层单位", "凤凰县公安局禾库派出所") in relations(ex, "awardedTo")
    ex = run("近日，县委政法委表彰凤凰县司法局为全县政法系统先进集体。")
    assert ("全县政法系统先进集体", "凤凰县司法局") in relations(ex, "awardedTo")


def test_a_list_of_names_before_the_award_verb_all_receive_it():
    ex = run("凤凰县公安局民警张明、李强被评为全州优秀人民警察。")
    assert {("全州优秀人民警察", "张明"), ("全州优秀人民警察", "李强")} <= relations(ex, "awardedTo")


def test_a_post_of_honour_and_a_certificate_are_titles_in_a_list():
    ex = run("宝丰县人民法院立足审判，先后荣获全国法院先进集体、全省巾帼文明岗、全市“五一劳动奖状”等荣誉。")
    titles = {"全国法院先进集体", "全省巾帼文明岗", "五一劳动奖状"}
    assert names(ex, "Honor") == titles
    assert relations(ex, "awardedTo") == {(t, "宝丰县人民法院") for t in titles}


def test_a_merit_recorded_by_an_awarder():
    ex = run("蕲春县公安局刑侦大队侦破多起命案，被公安部记集体一等功一次。")
    assert relations(ex, "awardedTo") == {("集体一等功", "蕲春县公安局刑侦大队")}
    # …not officers counted by their merit
    assert not names(run("蕲春县公安局今年记三等功民警2名。"), "Honor")


def test_award_clauses_joined_go_to_one_holder():
    ex = run("新沂市人民法院着力化解积案，先后被最高人民法院授予“全国优秀法院”、被省高院评为“全省先进法院”。")
    assert relations(ex, "awardedTo") == {("全国优秀法院", "新沂市人民法院"), ("全省先进法院", "新沂市人民法院")}


def test_titles_with_no_holder_in_their_sentence_go_to_the_body_the_paragraph_opens_on():
    text = ("守护一方平安\n——记桑植县公安局瑞塔铺派出所\n"
            "瑞塔铺派出所位于桑植县城郊，辖区人口3.2万。近年来，先后获得“全省优秀公安基层单位”“全市十佳派出所”等荣誉。")
    assert relations(run(text), "awardedTo") == {("全省优秀公安基层单位", "桑植县公安局瑞塔铺派出所"),
                                                 ("全市十佳派出所", "桑植县公安局瑞塔铺派出所")}


def test_a_body_by_its_kind_heading_a_clause_holds_the_title_though_the_segmenter_cuts_it():
    ex = run("江口县司法局闵孝司法所守着山乡小院，所长杨明深耕一线20年，司法所先后荣获“全国模范司法所”称号。")
    assert relations(ex, "awardedTo") == {("全国模范司法所", "江口县司法局闵孝司法所")}


def test_a_body_dated_from_its_own_setting_up_is_the_topic_of_what_follows():
    ex = run("剑河县南加镇综治中心成立以来，共调处矛盾纠纷320件，被州委政法委评为全州综治中心规范化建设示范点。")
    assert relations(ex, "awardedTo") == {("全州综治中心规范化建设示范点", "南加镇综治中心")}
    # …not where 自 makes its setting up a time
    ex = run("自剑河县综治中心成立以来，全县共调处矛盾纠纷320件。")
    assert [ex.entities[st.subject].name for st in ex.statistics] == ["剑河县"]


def test_a_merit_counted_in_times_after_an_award_verb():
    ex = run("今年，凤凰县公安局荣获集体二等功一次。")
    assert relations(ex, "awardedTo") == {("集体二等功", "凤凰县公安局")}


def test_a_unit_of_a_body_the_text_does_not_resolve_holds_its_title_not_the_body():
    ex = run("凤凰县检察院控申科被最高人民检察院评为全国检察机关“文明接待室”，县检察院被评为全省先进单位。")
    assert relations(ex, "awardedTo") == {("全省先进单位", "凤凰县人民检察院")}


def test_an_unquoted_title_may_hold_a_bracketed_part():
    ex = run("辰溪县委政法委获评全省平安建设（综治工作）先进集体。")
    assert relations(ex, "awardedTo") == {("全省平安建设（综治工作）先进集体", "辰溪县委政法委")}


def test_persons_each_named_with_a_title_share_a_title_or_take_theirs_respectively():
    ex = run("辰溪县公安局民警张华、辅警李明荣获全市十佳民警称号。")
    assert relations(ex, "awardedTo") == {("全市十佳民警", "张华"), ("全市十佳民警", "李明")}
    ex = run("辰溪县公安局所长张华、民警李明分别荣获全国最美基层民警、全省十佳民警称号。")
    assert relations(ex, "awardedTo") == {("全国最美基层民警", "张华"), ("全省十佳民警", "李明")}


def test_a_title_that_modifies_its_holder_ends_before_it_and_goes_to_it():
    # 荣获…称号的X / 被评为…的X: the clause describes X, which holds the title
    ex = run("凤凰县召开会议。被评为全国先进集体的廖家桥镇司法所，坚持每月排查一次。")
    assert names(ex, "Honor") == {"全国先进集体"}
    assert relations(ex, "awardedTo") == {("全国先进集体", "凤凰县司法局廖家桥镇司法所")}
    ex = run("凤凰县召开会议。凤凰县公安局荣获全国“星级公安派出所”称号的廖家桥派出所，坚持“三上门”工作法。")
    assert relations(ex, "awardedTo") == {("星级公安派出所", "凤凰县公安局廖家桥派出所")}
    # a 的 that no holder follows stays in the title, and the holder before the verb keeps it
    ex = run("凤凰县召开会议。县公安局被评为人民满意的政法单位。")
    assert relations(ex, "awardedTo") == {("人民满意的政法单位", "凤凰县公安局")}
    ex = run("凤凰县召开会议。县公安局荣获全国优秀公安局称号的消息传来，全局上下备受鼓舞。")
    assert relations(ex, "awardedTo") == {("全国优秀公安局", "凤凰县公安局")}


def test_a_way_of_working_named_as_the_title_awarded_is_the_honor_only():
    ex = run("石阡县汤山街道“五老调解”工作法被评为“全省十佳调解工作法”。")
    assert "全省十佳调解工作法" in names(ex, "Honor")
    assert {m for _, m in relations(ex, "adopts")} == {"五老调解"}


def test_a_title_with_its_other_holders_in_brackets():
    ex = run("石阡县龙塘镇红岩村被评为全国民主法治示范村（社区）。")
    assert "全国民主法治示范村（社区）" in names(ex, "Honor")


def test_an_award_described_then_named_in_quotes_is_the_named_award():
    ex = run("石阡县荣获全省平安建设最高奖“金盾杯”。")
    assert names(ex, "Honor") == {"金盾杯"}
    assert ("金盾杯", "石阡县") in relations(ex, "awardedTo")
