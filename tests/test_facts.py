"""Statistics, officials, documents and honors."""
from __future__ import annotations

from helpers import entity, names, relations, run


def stats(ex):
    return {(s.value, s.unit, s.qualifier): s for s in ex.statistics}


def test_quantities_values_units_and_qualifiers():
    ex = run("凤凰县评选平安家庭2万余户，公共区域摄像头近5000个，投入1.2亿元，另投入140余万元，标注率达99.99%。")
    got = stats(ex)
    assert (20000, "户", "余") in got and (5000, "个", "近") in got
    assert (120000000, "元", None) in got and (1400000, "元", "余") in got
    assert (99.99, "%", None) in got


def test_cases_and_people_and_ranges():
    ex = run("凤凰县检察院提起公诉3件12人。各乡镇均已安排4至8个村先行建设。")
    got = stats(ex)
    assert got[(3, "件", None)].indicator == "提起公诉"
    assert "提起公诉" in got[(12, "人", None)].indicator
    assert (4, "个", "下限") in got and (8, "个", "上限") in got


def test_indicator_subject_and_period():
    ex = run("截至今年8月，凤凰县公安局破获涉恶案件23起，刑事拘留65人。")
    s = stats(ex)[(23, "起", None)]
    assert s.indicator == "破获涉恶案件" and s.period == "截至今年8月"
    assert s.subject == ("Agency", "凤凰县公安局")


def test_respectively_lists_are_distributed():
    ex = run("凤凰县刑事发案、治安发案、交通事故同比分别下降21%、29%、45%。")
    assert [s.indicator for s in ex.statistics] == ["刑事发案同比下降", "治安发案同比下降", "交通事故同比下降"]


def test_number_counting_the_noun_after_it():
    ex = run("2017年，凤凰县新增了2881个高清探头。")
    assert "高清探头" in stats(ex)[(2881, "个", None)].indicator


def test_dates_and_durations_are_not_statistics():
    ex = run("2018年3月，凤凰县24小时值班，用3个月时间完成整治。")
    assert not ex.statistics


def test_official_with_several_posts():
    ex = run("凤凰县公安局党委书记、局长张建军说，要抓好落实。")
    posts = {(p.title, p.org[1]) for p in ex.posts}
    assert posts == {("党委书记", "凤凰县公安局"), ("局长", "凤凰县公安局")}
    assert "张建军" in names(ex, "Person")


def test_caption_official():
    ex = run("凤凰县召开会议。\n吴志刚\n凤凰县委副书记\n政法委书记\n会议强调……")
    posts = {(p.title, p.org[1]) for p in ex.posts}
    assert posts == {("副书记", "凤凰县委"), ("书记", "凤凰县委政法委")}


def test_fused_title_of_a_department_head():
    ex = run("凤凰县召开会议，省公安厅长许志明出席。")
    assert {(p.title, p.org[1]) for p in ex.posts} == {("厅长", "湖南省公安厅")}


def test_documents_and_their_issuers():
    ex = run("2019年，凤凰县委、县政府印发了《关于加强平安建设的实施意见》，严格落实《中华人民共和国禁毒法》。")
    assert {"关于加强平安建设的实施意见", "中华人民共和国禁毒法"} <= names(ex, "Document")
    issued = relations(ex, "issuedBy")
    assert ("关于加强平安建设的实施意见", "凤凰县委") in issued
    assert not any(d == "中华人民共和国禁毒法" for d, _ in issued)


def test_bodies_listed_right_before_a_document_issue_it_jointly_and_a_verb_s_own_clause_names_its_issuer():
    ex = run("根据省委办公厅、省政府办公厅《关于加强基层治理的意见》要求，凤凰县出台配套措施。")
    assert {b for d, b in relations(ex, "issuedBy")} == {"湖南省委办公厅", "湖南省人民政府办公厅"}
    ex = run("凤凰县委政法委印发《平安建设考核办法》，县公安局制定了《夜间巡逻实施方案》。")
    issued = relations(ex, "issuedBy")
    assert ("夜间巡逻实施方案", "凤凰县公安局") in issued and ("夜间巡逻实施方案", "凤凰县委政法委") not in issued
    assert ("平安建设考核办法", "凤凰县委政法委") in issued


def test_honors_and_who_received_them():
    ex = run("凤凰县司法局被评为“全国法治宣传教育先进单位”，凤凰县禾库镇被评为省级民主法治示范乡镇。")
    assert {"全国法治宣传教育先进单位", "省级民主法治示范乡镇"} <= names(ex, "Honor")
    got = relations(ex, "awardedTo")
    assert ("全国法治宣传教育先进单位", "凤凰县司法局") in got and ("省级民主法治示范乡镇", "禾库镇") in got


def test_every_mention_indexes_the_original_text():
    text = "凤凰县公安\n局开展“清\n源”专项行动，破获案件 12 起。"
    ex = run(text)
    for e in ex.entities.values():
        for m in e.mentions:
            assert text[m.begin:m.end] == m.anchor
    assert "凤凰县公安局" in names(ex, "Agency")
    assert entity(ex, "Campaign", "清源").mentions[0].anchor == "“清\n源”专项行动"


def test_shares_in_words():
    ex = run("凤凰县群众满意度提升，未成年人案件占五分之一，电诈案件下降三成。")
    got = {(s.value, s.unit) for s in ex.statistics}
    assert (20.0, "%") in got and (30.0, "%") in got


def test_period_year_resolved_against_the_report_date():
    ex = run("2021年11月24日 星期三\n今年以来，凤凰县公安局破获案件120起。2017年至今新建监控点2881个。")
    years = {s.value: s.year for s in ex.statistics}
    assert years[120] == 2021 and years[2881] == 2017


def test_this_bureau_refers_back():
    ex = run("凤凰县公安局召开会议。该局今年破获案件30起。")
    e = entity(ex, "Agency", "凤凰县公安局")
    assert any(m.anchor == "该局" for m in e.mentions)
    assert next(s for s in ex.statistics if s.value == 30).subject == ("Agency", "凤凰县公安局")


def test_unquoted_three_part_result_formula():
    ex = run("凤凰县公安局实现三降五零六升的目标。")
    assert entity(ex, "Mechanism", "三降五零六升").formula_count == 3


def test_a_document_signed_by_two_bodies_and_one_issued_by_the_body_the_report_is_about():
    ex = run("根据最高人民检察院、共青团中央签署的《关于加强未成年人保护协作的框架协议》要求，凤凰县人民检察院开展工作。")
    assert {b for d, b in relations(ex, "issuedBy")} == {"最高人民检察院", "共青团中央"}
    text = ("凤凰县公安局护航民营经济纪实\n凤凰县公安局聚焦涉企案件办理，出台多项硬举措。\n"
            "今年以来，出台《涉企案件快速办理工作机制》，明确办案时限。")
    assert ("涉企案件快速办理工作机制", "凤凰县公安局") in relations(run(text), "issuedBy")


def test_the_document_a_body_goes_by_is_its_issuers_not_the_bodys():
    ex = run("石阡县委政法委根据省委政法委下发的《关于加强平安建设的意见》，制定了《石阡县平安建设考核办法》。")
    assert relations(ex, "issuedBy") == {("关于加强平安建设的意见", "贵州省委政法委"), ("石阡县平安建设考核办法", "石阡县委政法委")}
    ex = run("石阡县委、县政府联合印发的《关于推进平安石阡建设的意见》明确提出要求。")
    assert relations(ex, "issuedBy") == {("关于推进平安石阡建设的意见", "石阡县委"), ("关于推进平安石阡建设的意见", "石阡县人民政府")}


def test_a_meeting_that_adopts_a_document_issues_it():
    ex = run("石阡县人民政府常务会议审议通过《石阡县纠纷多元化解工作规则》。")
    assert ("石阡县纠纷多元化解工作规则", "石阡县人民政府") in relations(ex, "issuedBy")
