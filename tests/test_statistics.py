"""Statistics: numbers in words, units by class, indicators that keep their object, lists,
periods, and who each figure is about. Every sentence here is written for the test."""
from __future__ import annotations

import pytest

from helpers import entity, names, run

from graph import extract_text
from graph.extract import name_key


def facts(text: str) -> dict:
    """(value, unit) → the statistic, for a text whose figures differ."""
    return {(s.value, s.unit): s for s in run(text).statistics}


def subject_of(ex, value: float) -> str | None:
    st = next(s for s in ex.statistics if s.value == value)
    return ex.entities[st.subject].name if st.subject in ex.entities else None


def test_thousands_marked_with_commas_are_one_number():
    got = facts("凤凰县今年排查矛盾纠纷2,468件，投入资金1,250.5万元，2020,2021年两度获评。")
    assert got[(2468, "件")].indicator == "排查矛盾纠纷"
    assert (12505000, "元") in got
    assert not any(v in (468, 250.5, 2021) for v, _ in got)


def test_a_clause_that_says_who_speaks_is_no_activity_for_the_count():
    got = facts("凤凰县司法局副局长吴军告诉记者，今年以来共调解纠纷56起。")
    assert got[(56, "起")].indicator == "调解纠纷"


def test_an_indicator_names_the_deed_not_the_joint_actors_before_it():
    got = facts("凤凰县妇联联合县司法局发放宣传资料2000余份。")
    assert got[(2000, "份")].indicator == "发放宣传资料"
    got = facts("凤凰县妇联会同县司法局开展“法律进家庭”宣传活动，发放资料3000余份。")
    assert got[(3000, "份")].indicator == "开展“法律进家庭”宣传活动发放资料"


def test_a_double_dash_ends_the_indicator_s_clause_a_single_one_joins_a_range():
    got = facts("凤凰县公安局成效明显——今年以来破获刑事案件320起。")
    assert got[(320, "起")].indicator == "破获刑事案件"
    got = facts("凤凰县2019—2021年共破获刑事案件410起。")
    assert got[(410, "起")].indicator == "破获刑事案件"


def test_a_place_s_people_counted_alone_are_its_population():
    got = facts("全镇2.5万人，六成外出务工。凤凰县42万人口中，外出务工人员达11万人。")
    assert got[(25000, "人")].indicator == "人口" and got[(420000, "人")].indicator == "人口"
    got = facts("全县120人参加考试。")
    assert got[(120, "人")].indicator == "参加考试"


def test_list_items_borrow_the_first_count_s_verb_not_the_start_of_its_noun():
    got = facts("全县共建成综治中心18个、警务室256个、调解室312个。")
    assert [got[(n, "个")].indicator for n in (18, 256, 312)] == ["建成综治中心", "建成警务室", "建成调解室"]


def test_fenbie_over_numbers_joined_by_he():
    got = facts("凤凰县刑事案件、治安案件分别下降12.3%和8.5%。")
    assert got[(12.3, "%")].indicator == "刑事案件下降" and got[(8.5, "%")].indicator == "治安案件下降"


def test_fenbie_over_the_bodies_that_own_the_numbers():
    # the bodies listed before 分别 own one number each, in order; the words after it are the count
    ex = run("凤凰县召开会议。县法院、县检察院和县公安局分别受理案件356件、128件和97件。")
    assert {s.value: s.indicator for s in ex.statistics} == {356: "受理案件", 128: "受理案件", 97: "受理案件"}
    assert [subject_of(ex, v) for v in (356, 128, 97)] == ["凤凰县人民法院", "凤凰县人民检察院", "凤凰县公安局"]
    # as many numbers as bodies, or the list is not theirs
    ex = run("凤凰县召开会议。县法院、县检察院分别受理案件356件、128件和97件。")
    assert subject_of(ex, 128) != "凤凰县人民检察院"


# ---------------------------------------------------------------- numbers in words

def test_chinese_numerals_after_a_count_verb_or_an_enumeration():
    got = facts("凤凰县公安局成功打掉一个盘踞多年的“砂霸”团伙，连续三次获得“平安杯”，"
                "先后举办两场法律知识竞赛，办结诈骗、盗窃等四类案件。")
    assert "砂霸团伙" in got[(1, "个")].indicator and "打掉" in got[(1, "个")].indicator
    assert got[(3, "次")].indicator.endswith("获得平安杯")
    assert "法律知识竞赛" in got[(2, "场")].indicator
    assert (4, "类") in got


def test_chinese_numerals_closing_a_clause_after_a_count_verb_and_its_object():
    got = facts("凤凰县公安局共破获刑事案件三十二起，抓获犯罪嫌疑人四十五名，调解民事纠纷四万零七百件。")
    assert got[(32, "起")].indicator == "破获刑事案件"
    assert got[(45, "名")].indicator == "抓获犯罪嫌疑人"
    assert got[(40700, "件")].indicator == "调解民事纠纷"
    # a count inside its clause, or a noun phrase with no count verb, is prose
    assert not facts("凤凰县落实两个责任，两位村民说，三个孩子都在外地。")


def test_approximate_counts_in_words_keep_their_qualifier():
    got = facts("上千名群众参加活动，抽调百余名干警组成专班，化解纠纷数千起。")
    assert (got[(1000, "名")].qualifier, got[(1000, "名")].indicator) == ("上", "群众参加活动")
    assert got[(100, "名")].qualifier == "余" and got[(100, "名")].indicator == "抽调干警组成专班"
    assert got[(1000, "起")].qualifier == "数" and got[(1000, "起")].indicator == "化解纠纷"


def test_a_merit_once_and_two_devices_in_a_row():
    got = run("民警张建军荣立个人二等功一次。值班室设有一台应急发电机一台卫星电话。").statistics
    assert [(s.value, s.unit) for s in got] == [(1, "次"), (1, "台"), (1, "台")]
    assert got[1].indicator.endswith("设有应急发电机") and got[2].indicator == "设有卫星电话"


def test_a_count_of_bodies_that_opens_its_clause():
    got = facts("三个派出所开展夜间巡逻120余次，两位村民当场签了协议。")
    assert got[(3, "个")].indicator.startswith("派出所") and (2, "位") not in got


def test_durations_that_bound_an_act_but_not_a_regime():
    got = facts("从镇上赶到山顶的村子要走半个小时，应急分队接警后10分钟内就能出发，"
                "调解员每周至少驻村6小时，窗口实行24小时值守。")
    assert set(got) == {(0.5, "小时"), (10, "分钟"), (6, "小时")}
    assert got[(10, "分钟")].qualifier == "内"


@pytest.mark.parametrize("text", [
    "两位村民因宅基地发生争执。",  # prose, not a claim
    "凤凰县建立了四项机制。",  # a list heading
    "每半月召开一次调度会。",  # how often, not how many
    "表彰了一批先进典型。",
    "全县建立了一支专业调解队伍。",  # 一 as an article
])
def test_chinese_numerals_that_claim_nothing(text):
    assert not run(text).statistics


def test_tens_of_thousands_in_words():
    got = facts("全县两万余名群众参与平安创建，發放宣傳資料三千余份。")
    assert got[(20000, "名")].qualifier == "余" and got[(3000, "份")].indicator == "发放宣传资料"


# ---------------------------------------------------------------- units

@pytest.mark.parametrize("text, value, unit", [
    ("全年受理网上投诉215件次。", 215, "件次"),
    ("赴省上访12件(人)次。", 12, "件人次"),
    ("全年接访群众1.5万余批次。", 15000, "批次"),
    ("调解成功率较上年提高2.3个百分点。", 2.3, "个百分点"),
    ("接入高清摄像头640路。", 640, "路"),
    ("查获毒品12千克。", 12, "千克"),
    ("清运建筑垃圾3000立方米。", 3000, "立方米"),
    ("治理水土流失面积35平方公里。", 35, "平方公里"),
    ("村民用80分积分换了一袋大米。", 80, "分"),
    ("全县综治考评排名前进12位。", 12, "位"),
])
def test_units_of_every_class(text, value, unit):
    assert (value, unit) in facts("凤凰县" + text)


def test_large_numbers_without_a_unit_take_the_one_their_words_imply():
    got = facts("凤凰县全年执行到位金额3.5亿，常住人口28.6万。")
    assert got[(350000000, "元")].indicator == "执行到位金额"
    assert got[(286000, "人")].indicator == "常住人口"


@pytest.mark.parametrize("text", [
    "他用“早发现、早化解”6个字总结经验。",  # a slogan's length
    "4套班子成员分片联系乡镇。",  # a fixed name
    "张三荣获2021年度全省优秀调解员。",  # a year
    "查处10万元以上经济案件。",  # a threshold that qualifies a noun
    "每个小区均配备2名调解员、1名法律顾问。",  # a norm for each unit
    "8时30分召开会议。",
])
def test_numbers_that_are_not_figures(text):
    assert not run(text).statistics


# ---------------------------------------------------------------- indicators

def test_an_object_list_stays_whole_and_a_bracket_is_passed_over():
    got = facts("凤凰县破获盗窃、诈骗案件76起，全县村(社区)法律顾问覆盖率达100%。")
    assert got[(76, "起")].indicator == "破获盗窃、诈骗案件"
    assert name_key(got[(100, "%")].indicator) == "村社区法律顾问覆盖率"


def test_a_bare_change_or_rate_keeps_the_count_it_follows():
    got = facts("今年以来，凤凰县法院共审结刑事案件420件，同比上升4.2%，结案率达到97.5%；"
                "全县命案破案率达100%、较上年提高2.5个百分点。")
    assert got[(4.2, "%")].indicator == "审结刑事案件同比上升"
    assert got[(97.5, "%")].indicator == "审结刑事案件结案率"
    assert got[(2.5, "个百分点")].indicator == "命案破案率较上年提高"


def test_a_rate_that_names_itself_keeps_no_other_count():
    got = facts("凤凰县破获刑事案件12起，调解成功率达98%。")
    assert got[(98, "%")].indicator == "调解成功率"


def test_a_change_after_a_clause_without_a_count_keeps_that_clause():
    got = facts("受理行政案件90件，非诉执行案件明显减少，同比下降18%。")
    assert got[(18, "%")].indicator.startswith("非诉执行案件")


def test_two_counts_of_one_deed():
    got = facts("接待来信62件75人次，合力推进禁毒、反诈等4类23项工作。")
    assert got[(62, "件")].indicator == got[(75, "人次")].indicator == "接待来信"
    assert "工作" in got[(4, "类")].indicator and "合力推进" in got[(23, "项")].indicator


def test_the_noun_between_two_numbers_belongs_to_both():
    got = facts("县妇联为15户困难家庭发放慰问金30000元。")
    assert got[(15, "户")].indicator.endswith("困难家庭发放慰问金")
    assert got[(30000, "元")].indicator == "困难家庭发放慰问金"


def test_elliptical_and_verb_sharing_list_items():
    got = facts("中心有12个部门常驻办公，5个轮流坐班，另有9个按需进驻。")
    assert got[(5, "个")].indicator == "部门常驻办公轮流坐班"
    assert got[(9, "个")].indicator == "部门常驻办公按需进驻"
    got = facts("凤凰县纪委查处违纪案件12件，群众身边问题8件，共计20件；部署开展6项行动、24项具体工作。")
    assert got[(8, "件")].indicator == "查处群众身边问题" and got[(20, "件")].indicator == "查处共计"
    assert got[(24, "项")].indicator == "部署开展具体工作"


def test_respectively_over_a_list_in_the_clause_before():
    ex = run("矛盾纠纷涉及土地、婚姻家庭、劳动争议等方面，分别占总数的30%、20%、10%。")
    assert [s.indicator for s in ex.statistics] == ["土地方面占总数", "婚姻家庭方面占总数", "劳动争议方面占总数"]


def test_a_range_from_one_figure_to_another():
    got = facts("命案破案率从90%到100%，连续三年保持全破。")
    assert got[(90, "%")].indicator == got[(100, "%")].indicator == "命案破案率"
    got = facts("从76.4%到90.1%，群众满意度稳步上升。")
    assert got[(76.4, "%")].indicator == got[(90.1, "%")].indicator == "群众满意度稳步上升"


def test_a_share_in_words_of_the_figure_before_it():
    got = facts("全县耕地面积45万亩、约占全市三分之一，一半以上的村设立了调解室。")
    assert got[(33.33, "%")].indicator == "耕地面积约占全市"


def test_a_predicate_closing_a_list_of_counts_is_every_items():
    ex = run("截至目前，全县9个乡镇调解室、132个村调解室全部建成投用。")
    assert [s.indicator for s in ex.statistics] == ["乡镇调解室建成投用", "村调解室建成投用"]


def test_money_is_named_by_what_it_was_spent_on():
    got = facts("2020年，凤凰县公安局争取县政府支持，投入320万元，为派出所配置执法记录仪等设备。")
    assert got[(3200000, "元")].indicator == "投入为派出所配置执法记录仪等设备"


def test_a_number_opening_its_clause_with_its_own_deed_needs_no_context():
    got = facts("凤凰县被评为全省平安县，县公安局荣获集体一等功，3名民警荣立个人二等功。")
    assert got[(3, "名")].indicator == "民警荣立个人二等功"


@pytest.mark.parametrize("text, period", [
    ("今年1-9月，全县受理来访事项86件。", "今年1-9月"),
    ("自2017年起，全县新建监控点800个。", "自2017年起"),
    ("近5年来，全县办结行政复议案件210件。", "近5年来"),
    ("截至目前，全县建成调解室30个。", "截至目前"),
    ("2021年3月8日，县市场监管局罚款6000元。", "2021年3月8日"),
    ("连续三年，全县命案发案0起，刑事发案比去年同期下降12%。", "连续三年"),
])
def test_period_words_are_kept(text, period):
    st = run("凤凰县" + text).statistics[-1]
    assert st.period == period and period not in st.indicator


# ---------------------------------------------------------------- subjects

def test_the_acting_body_at_the_head_of_its_clause_is_the_subject():
    ex = run("凤凰县召开平安建设推进会。2022年，凤凰县人民检察院起诉案件120件，县法院审结案件300件。")
    assert subject_of(ex, 120) == "凤凰县人民检察院"
    assert subject_of(ex, 300) == "凤凰县人民法院"


def test_a_clause_on_the_whole_county_is_the_countys():
    ex = run("凤凰县公安局召开会议，全县共破获刑事案件150起。")
    assert subject_of(ex, 150) == "凤凰县"


def test_a_body_named_by_its_kind_is_the_countys_body():
    ex = run("凤凰县公安局介绍经验。凤凰县人民检察院召开会议。检察机关批捕犯罪嫌疑人36人。")
    assert subject_of(ex, 36) == "凤凰县人民检察院"


def test_a_speakers_body_is_not_the_subject():
    ex = run("凤凰县召开平安建设推进会\n县公安局副局长张建军介绍，今年以来破获盗窃案件45起。")
    assert subject_of(ex, 45) == "凤凰县"


def test_the_reports_protagonist_holds_figures_the_sentence_gives_no_subject_for():
    ex = run("凤凰县人民检察院以“检察护企”为抓手，服务企业发展。\n建立联动机制。为12家企业挽回损失80万元。")
    assert subject_of(ex, 12) == "凤凰县人民检察院"


def test_figures_before_the_sentence_that_names_their_subject():
    ex = run("凤凰县召开会议。\n破案率96.3%，追赃率80.5%。这是凤凰县公安局去年交出的成绩单。")
    assert subject_of(ex, 96.3) == subject_of(ex, 80.5) == "凤凰县公安局"


def test_the_party_committee_and_government_together_are_the_county():
    ex = run("凤凰县公安局开展行动。凤凰县委、县政府投入资金500万元。")
    assert subject_of(ex, 5000000) == "凤凰县"


def test_a_decision_by_a_body_governed_by_jing():
    ex = run("凤凰县召开会议。凤凰县人民检察院发出检察建议。经凤凰县交通运输局局务会研究，对该公司罚款8000元。")
    assert subject_of(ex, 8000) == "凤凰县交通运输局"


def test_a_body_in_a_time_clause_is_not_the_subject():
    ex = run("凤凰县公安局工作掠影\n自2020年巡防大队组建以来，街面发案率下降了35%。")
    assert subject_of(ex, 35) == "凤凰县公安局"


def test_a_provinces_report_is_the_provinces_though_it_names_one_county():
    ex = run("全省政法工作会议召开。\n全省群众安全感达到95.2%，我省执法满意度连续提升。"
             "凤凰县在会上介绍了矛盾调处经验。我省平安建设取得成效。\n命案发案数量下降了12.4%。")
    assert subject_of(ex, 12.4) == "湖南省"


def test_a_long_comma_spliced_sentence_gives_every_figure():
    clause = "凤凰县公安局破获案件12起，抓获嫌疑人3名，发放资料2万余份"
    text = "，".join([clause] * 200) + "。"
    assert len(run(text).statistics) == 600


def test_an_anonymised_report_s_figures_are_its_own_unnamed_county_s():
    text = "今年以来，我县信访工作平稳。\n一、基本情况\n全县受理信访事项88件次，同比下降6.5%。"
    ex = run(text)
    assert subject_of(ex, 88) == subject_of(ex, 6.5) == "我县"
    county = ex.entities[ex.focus]
    assert (county.attrs["level"], county.aliases) == ("county", {"我县", "全县"})
    assert [m.anchor for m in county.mentions] == ["我县", "全县"]
    # two reports' 我县 need not be one county
    assert extract_text(text, "a").focus != extract_text(text, "b").focus
    # a report that names its county has no such unit
    assert "我县" not in names(run("攸县召开会议。我县受理信访事项88件次。"), "Place")


def test_a_body_that_speaks_of_itself_holds_the_report_s_figures():
    ex = run("攸县公安局与攸县人民检察院召开联席会议。\n攸县公安局通报了警情。\n"
             "全院办理审查起诉案件260件。我院还开展法治宣讲40场。")
    assert subject_of(ex, 260) == subject_of(ex, 40) == "攸县人民检察院"


def test_a_paragraph_s_opening_body_holds_the_figures_of_the_next_sentence():
    text = ("攸县公安局推进平安建设，攸县公安局破获案件300起。\n"
            "【送法上门】攸县司法局组建了普法小分队，深入村组宣讲。全年累计出动86次，发放资料5000余份。"
            "群众满意率达到98.5%。")
    ex = run(text)
    assert subject_of(ex, 86) == subject_of(ex, 5000) == "攸县司法局"
    assert subject_of(ex, 98.5) == "攸县公安局"  # two sentences on: the report's own again
    # bodies acting together open on no one body
    ex = run("攸县召开会议。\n攸县公安局、攸县人民检察院联合督办。截至目前，查处涉案人员14人。")
    assert subject_of(ex, 14) == "攸县"


def test_a_body_that_was_built_is_not_who_acts():
    ex = run("攸县召开会议。\n攸县综治中心已建成，各乡镇均已安排4个村先行建设。截至目前，已建成警务室29个。")
    assert subject_of(ex, 4) == subject_of(ex, 29) == "攸县"


def test_a_whole_unit_after_a_dash_holds_the_rest_of_its_sentence():
    ex = run("攸县公安局推进平安建设，攸县公安局破获案件300起。\n"
             "桃水镇地处山区。\n大山留不住年轻人——全镇1.8万人，六成外出务工，上千名老人留守家中。")
    assert subject_of(ex, 18000) == subject_of(ex, 1000) == "桃水镇"


def test_a_body_whose_official_a_designation_names_does_not_act():
    ex = run("攸县公安局召开会议。\n攸县立即成立以县长为第一责任人，县委政法委书记为直接责任人的工作专班，"
             "公开招聘工作人员3名，拨付经费60万元。")
    assert subject_of(ex, 3) == subject_of(ex, 600000) == "攸县"


def test_a_township_station_s_feature_is_the_station_s_and_a_repeated_headline_heads_nothing():
    text = ("凤凰县：召开禁毒工作会议\n凤凰县：召开禁毒工作会议\n"
            "湖南省株洲市攸县桃水镇地处山区，全镇外出务工人员众多。\n"
            "桃水派出所民警常年走访留守老人。桃水派出所还组建了志愿服务队。\n"
            "这支仅有12名民警的队伍，化解矛盾纠纷300余起。")
    ex = run(text)
    assert subject_of(ex, 12) == subject_of(ex, 300) == "攸县公安局桃水派出所"


def test_a_place_whose_figures_a_clause_says_were_achieved_owns_them():
    ex = run("攸县公安局推进平安建设，攸县公安局破获案件300起。\n"
             "近年来，攸县深化网格治理，实现桃水镇矛盾纠纷化解率97.2%、刑事案件同比下降31.5%。")
    assert subject_of(ex, 97.2) == subject_of(ex, 31.5) == "桃水镇"


def test_a_village_named_after_its_township_is_found_again_alone():
    ex = run("攸县公安局推进平安建设，攸县公安局破获案件300起。\n"
             "攸县桃水镇福顶村召开积分兑换会。\n当日，福顶村累计兑换积分2079分。")
    village = entity(ex, "Place", "福顶村")
    assert len(village.mentions) == 2
    assert subject_of(ex, 2079) == "福顶村"
    # a short name that was never placed is no village
    assert "福田村" not in names(run("攸县召开会议。\n当日，福田村累计兑换积分2079分。"), "Place")


def test_a_body_of_this_county_is_the_subject_not_the_county():
    ex = run("攸县召开会议。该县公安局破获案件5起，本县法院审结案件20件。")
    assert subject_of(ex, 5) == "攸县公安局" and subject_of(ex, 20) == "攸县人民法院"


def test_a_level_as_a_whole_holds_its_figures():
    ex = run("攸县公安局推进平安建设，攸县公安局破获案件300起。\n省级层面通过整合30个基层应用，减轻了基层负担。")
    assert subject_of(ex, 30) == "湖南省"


def test_a_body_in_a_clause_that_only_gives_its_role_does_not_take_the_sentence():
    ex = run("攸县公安局召开会议。\n去年起，攸县启动“平安行动”，县委政法委具体统筹，新增投入3000万元。")
    assert subject_of(ex, 30000000) == "攸县"


def test_a_clause_starts_after_its_mark_a_closed_bracket_and_an_object_list_passed_over():
    from graph.extract.statistics import _clause_start, _clause_text

    text = "全县共有平安单位24个、平安校园5个，破获盗窃、诈骗案件76起，村(社区)调解室32个"
    at = text.index  # where each part starts
    assert _clause_start(text, 0, text.index("5个")) == at("平安校园")  # the item before holds a number
    assert _clause_start(text, 0, text.index("76起")) == at("破获")  # an object list stays whole
    assert _clause_start(text, 0, text.index("32个")) == at("村(社区)")  # a closed bracket is passed over
    assert _clause_start("调解室（新建32个", 0, 7) == 4  # an open bracket stops it
    assert _clause_text(text, 0, text.index("76起")) == "破获盗窃、诈骗案件"
    assert _clause_text("甲" * 50 + "5个", 0, 50) == "甲" * 40  # at most 40 characters back


# ---- indicators a count leaves out, numbers in words, standards, who a figure is about

def test_a_bare_verb_takes_the_object_of_the_count_before_it():
    got = facts("上半年，凤凰县信访局共受理信访事项312件，办结297件，按期办结率95.2%。")
    assert got[(297, "件")].indicator == "办结信访事项"
    got = facts("凤凰县公安局今年抓获犯罪嫌疑人30名，刑拘25名。")
    assert got[(25, "名")].indicator == "刑拘犯罪嫌疑人"
    got = facts("凤凰县公安局今年破获刑事案件230起，抓获120人。")
    assert got[(120, "人")].indicator == "抓获"  # a count of another unit lends no object


def test_a_figure_moved_on_in_time_keeps_the_words_of_the_one_before():
    got = facts("全县群众满意度从2019年的85.2%，升至去年的92.1%，又到目前的96.3%。")
    assert [got[(v, "%")].indicator for v in (85.2, 92.1, 96.3)] == ["群众满意度"] * 3
    got = facts("从76.4%到90.1%，全县群众安全感逐年攀升。")
    assert got[(76.4, "%")].indicator == got[(90.1, "%")].indicator


def test_money_is_named_by_its_purpose_not_by_whom_it_was_spent_with():
    got = facts("凤凰县司法局投入30万元，携手县融媒体中心，录制普法短视频80期。")
    assert got[(300000, "元")].indicator == "投入录制普法短视频"


def test_round_figures_in_words_past_a_hundred_million_or_near_ten_thousand():
    got = facts("凤凰县公安局今年侦破两起涉案过亿元的网络传销案，全年接待群众近万人。")
    assert got[(100_000_000, "元")].qualifier == "过" and (2, "起") in got
    assert got[(10_000, "人")].qualifier == "近" and got[(10_000, "人")].indicator == "接待群众"
    assert facts("凤凰县今年为群众挽回经济损失超亿元。")[(100_000_000, "元")].qualifier == "超过"


def test_the_one_a_standard_is_per_is_no_count():
    got = facts("凤凰县按照每1名网格员联系50户的标准划分网格，全县共划分网格420个。")
    assert (1, "名") not in got and (50, "户") in got and (420, "个") in got
    got = facts("凤凰县各村按照30户配备1名网格员的比例选聘网格员。")
    assert (1, "名") not in got and (30, "户") in got
    assert not facts("凤凰县市场监管局为辖区每家餐饮企业确定1名食品安全员。")


def test_counted_actors_joined_by_and_share_the_predicate_and_its_object():
    got = facts("凤凰县15个乡镇和210个村（社区）共配备了600名专职网格员。")
    assert got[(15, "个")].indicator == "乡镇配备了专职网格员"
    assert got[(210, "个")].indicator == "村（社区）配备了专职网格员"


def test_a_noun_ending_on_a_word_in_yu_keeps_it():
    got = facts("凤凰县今年共有3000余名志愿者参与。")
    assert "参与" in got[(3000, "名")].indicator


def test_a_list_split_by_semicolons_is_one_sentence_for_the_body_that_opens_it():
    ex = run("凤凰县公安局深入开展禁毒宣传。凤凰县公安局组织民警进村入户。\n"
             "凤凰县公安局禁毒大队分类开展帮教：对戒断人员每月回访；对社区康复人员每周谈话；"
             "对易涉毒青少年上门宣讲。今年以来，共开展帮教活动260余次。")
    assert subject_of(ex, 260) == "凤凰县公安局禁毒大队"


def test_a_body_s_kind_alone_at_a_clause_head_is_the_one_named_last():
    text = "凤凰县茶田镇综治中心负责人说，中心推行“一窗受理”，上半年已登记群众来访412件，化解398件。"
    ex = run(text)
    assert subject_of(ex, 412) == subject_of(ex, 398) == "茶田镇综治中心"
    assert facts(text)[(398, "件")].indicator == "化解群众来访"
    ex = run("凤凰县公安局茶田派出所开展夜间巡逻。所里今年调解纠纷53起。")
    assert subject_of(ex, 53) == "凤凰县公安局茶田派出所"
    ex = run("凤凰县廖家桥镇菖蒲塘村种植猕猴桃。去年，村里建起了7座冷藏库。")
    assert subject_of(ex, 7) == "菖蒲塘村"
    ex = run("凤凰县中心城区今年新增监控探头120个。")
    assert subject_of(ex, 120) == "凤凰县"  # 中心城区: the kind opens a longer word


def test_a_body_s_kind_inside_a_quotation_is_the_speaker_s_body():
    ex = run("凤凰县公安局深入开展“一村一辅警”工作。凤凰县公安局为全县村庄配齐辅警。\n"
             "凤凰县公安局茶田派出所所长李华说：“山路弯弯绕绕，派出所接警后要40分钟才能赶到最远的寨子，"
             "如今寨里有了辅警，群众求助有人应，这是最让我们放心的地方。”")
    assert subject_of(ex, 40) == "凤凰县公安局茶田派出所"


def test_a_change_with_no_count_before_it_changes_the_item_before_it():
    got = facts("凤凰县平安建设考评位列全市第7、较上年上升5位。")
    assert got[(5, "位")].indicator == "平安建设考评位列全市较上年上升"


def test_a_sentence_cut_by_a_hard_line_break_is_read_whole():
    got = facts("凤凰县市场监管局副局长吴军介绍，该局上半年开展食品安全专项检查，查处违法\n案件8起，罚没款12万元。")
    assert got[(8, "起")].indicator == "查处违法案件"
    got = facts("5月9日，王某来到凤凰县司法局求助，称装修公司至今未结清他的工钱\n3.6万元。司法局受理后进行调解。")
    assert got[(36000, "元")].indicator == "称装修公司至今未结清他的工钱"
    got = facts("凤凰县公安局深化平安建设\n今年以来破获案件23起。")  # a headline is no cut sentence
    assert got[(23, "起")].indicator == "破获案件"


def test_a_formula_s_part_spelled_out_is_no_count():
    got = facts("凤凰县推行“1+2”模式：“1”即一个联调平台，“2”即巡防队、帮教队两支队伍。")
    assert (2, "支") not in got
    got = facts("今年以来，全县组建巡逻队、调解队、宣讲队三支队伍。")
    assert (3, "支") in got


def test_a_count_takes_no_context_from_the_sentence_before():
    got = facts("凤凰县人民法院推进执行体制改革，目前已完成首批51名执行员选任。\n"
                "4月下旬，县委政法委、县纪委组成4个督查组，对所有单位进行了专项督查。")
    assert got[(4, "个")].indicator == "组成督查组"


def test_a_news_item_s_opening_credit_leaves_its_body_at_the_head():
    ex = run("凤凰县：调解进村组\n本报讯 凤凰县司法局推行“村组调解日”制度，今年以来化解纠纷640件。")
    assert subject_of(ex, 640) == "凤凰县司法局"
    ex = run("凤凰县建起“智慧法庭”\n本报讯（记者 李华）凤凰县人民法院在全县各乡镇建成“智慧法庭”16个。")
    assert subject_of(ex, 16) == "凤凰县人民法院"
    got = facts("本报讯（记者 李华）凤凰县人民法院在全县各乡镇建成“智慧法庭”16个。")
    assert not got[(16, "个")].indicator.startswith("本报讯")


def test_a_count_whose_noun_runs_into_the_next_count_shares_its_predicate():
    got = facts("凤凰县茶田镇同邻近3个街道9个社区签订《平安共建协议》。")
    assert got[(3, "个")].indicator == "街道签订《平安共建协议》"
    assert got[(9, "个")].indicator == "社区签订《平安共建协议》"


def test_a_clause_that_says_since_when_is_no_part_of_the_indicator():
    ex = run("凤凰县开展“扫黑除恶”专项斗争以来，破获案件12起。")
    assert [(s.indicator, s.value) for s in ex.statistics] == [("破获案件", 12.0)]


def test_a_count_that_is_the_object_of_dui_names_who_underwent_the_act():
    got = facts("今年以来，临夏县委政法委对全县17个乡镇进行年度督查，对41家寄递企业开展了安全检查。")
    assert got[(17, "个")].indicator == "接受年度督查的乡镇"
    assert got[(41, "家")].indicator == "接受安全检查的寄递企业"
    got = facts("临夏县纪委对3名辅警给予通报批评。")
    assert got[(3, "名")].indicator == "受到通报批评的辅警"
    got = facts("临夏县针对12类突出问题开展专项整治。")
    assert not got[(12, "类")].indicator.startswith("接受")


def test_counts_on_a_border_are_of_the_units_bordering_the_other_side():
    got = facts("桑植县4个乡与恩施州鹤峰县5个镇接壤，2个乡与张家界市永定区3个街道毗邻。")
    assert got[(4, "个")].indicator == "与恩施州鹤峰县接壤的乡"
    assert got[(5, "个")].indicator == "与桑植县接壤的镇"
    assert got[(2, "个")].indicator == "与张家界市永定区毗邻的乡"
    assert got[(3, "个")].indicator == "与桑植县毗邻的街道"
    ex = run("桑植县4个乡与湖北省鹤峰县5个镇接壤。")
    assert subject_of(ex, 4) == "桑植县" and subject_of(ex, 5) == "鹤峰县"
    got = facts("霍城县3个乡与哈萨克斯坦交界。与伊宁县毗邻的村有6个。")
    assert got[(3, "个")].indicator == "与哈萨克斯坦交界的乡"
    assert got[(6, "个")].indicator == "与伊宁县毗邻的村"


def test_a_list_of_counts_that_dui_governs_names_who_underwent_the_act():
    got = facts("临夏县委政法委对全县13个乡镇，108个村（社区）进行年终考核。")
    assert got[(13, "个")].indicator == "接受年终考核的乡镇"
    assert got[(108, "个")].indicator.startswith("接受年终考核的村")
    got = facts("临夏县对12个单位、86个小区进行了交叉检查。")
    assert got[(86, "个")].indicator == "接受交叉检查的小区"
    got = facts("临夏县公安局对新入职的14名民警和26名辅警进行岗前集训。")
    assert got[(14, "名")].indicator == "接受岗前集训的新入职民警"
    assert got[(26, "名")].indicator == "接受岗前集训的辅警"


def test_a_count_said_to_be_none_is_a_zero_figure():
    ex = run("上年度，德格县命案发生数为零，重大交通事故死亡人数为0。")
    assert [(s.indicator, s.value, s.unit) for s in ex.statistics] == [
        ("命案发生数", 0.0, ""), ("重大交通事故死亡人数", 0.0, "")]
    got = facts("德格县全年保持“零上访”，接报警情10起。")
    assert (0, "") not in got


def test_people_counted_in_ten_thousands_with_no_unit_word_are_a_population():
    got = facts("17万德格人世代居住在雪域高原。")
    assert got[(170000, "人")].indicator == "人口"
    got = facts("全省已有3.5万社区矫正人员解除矫正。")
    assert got[(35000, "人")].indicator == "社区矫正人员"
    got = facts("全州120万城乡居民参保。")
    assert got[(1200000, "人")].indicator == "城乡居民"
    got = facts("共退赔赃款6万人民币。")
    assert (60000, "元") in got and (60000, "人") not in got


def test_a_share_after_a_population_is_a_share_of_those_people():
    got = facts("全乡1.8万人，35%常年在省外打工。")
    assert got[(35, "%")].indicator == "常年在省外打工人口比例"
    got = facts("德格县常住人口9万，其中45%为外来务工人员。")
    assert got[(45, "%")].indicator == "外来务工人员占比"


def test_a_count_told_in_an_image_is_no_statistic():
    got = facts("3块硬邦邦的“骨头”，摆在德格县公安局民警面前。民警走访牧户300余户。")
    assert (3, "块") not in got and (300, "户") in got


def test_a_count_after_a_clause_that_sets_a_place_up_is_that_place_s():
    got = facts("德格县建成禁毒宣教展馆，接待青少年40余批3000余人。")
    assert got[(40, "批")].indicator == "禁毒宣教展馆接待青少年"
    assert got[(3000, "人")].indicator == "禁毒宣教展馆接待青少年人数"
    got = facts("更庆镇设立了“阿妈调解”工作室，化解邻里纠纷56起。")
    assert got[(56, "起")].indicator == "“阿妈调解”工作室化解邻里纠纷"


def test_figures_in_quoted_speech_are_claims():
    got = facts("“这一年，我们入户登记流动人口2万余人，排查隐患860余处。”德格县公安局局长扎西说。")
    assert got[(20000, "人")].indicator == "入户登记流动人口"
    assert got[(860, "处")].indicator == "排查隐患"


def test_a_bracketed_heading_opens_no_indicator():
    got = facts("【成绩单】德格县一年来办理法律援助申请1820件。")
    assert got[(1820, "件")].indicator == "办理法律援助申请"


def test_a_range_that_moves_between_years_has_the_words_of_both_ends():
    got = facts("德格县治安案件量由2019年的1560起下降到2024年的820起。")
    assert got[(1560, "起")].indicator == got[(820, "起")].indicator == "治安案件量"
    got = facts("从2020年的12起下降到2024年的3起，德格县盗窃案件发案数连续4年下降。")
    assert got[(12, "起")].indicator == got[(3, "起")].indicator == "盗窃案件发案数"


def test_people_sent_somewhere_are_named_by_what_they_were_sent_to_do():
    got = facts("德格县司法局选派12名律师到3个社区提供普法服务。")
    assert got[(12, "名")].indicator == "选派律师提供普法服务"
    got = facts("德格县公安局抽调20名警力到更庆镇、马尼干戈镇协助防汛。")
    assert got[(20, "名")].indicator == "抽调警力协助防汛"


def test_the_figures_after_a_gang_was_struck_are_the_gang_s():
    got = facts("德格县公安局捣毁一个流窜在车站周边的“拎包”盗窃团伙，侦破扒窃案件13起，刑拘嫌疑人9人。")
    assert got[(9, "人")].indicator == "流窜在车站周边的拎包盗窃团伙刑拘嫌疑人"
    got = facts("德格县共打掉盗窃团伙12个，侦破案件86起。")
    assert got[(86, "起")].indicator == "侦破案件"


def test_a_count_made_at_the_meeting_is_that_meeting_s():
    got = facts("11月8日，永顺县召开禁毒工作调度会。会上，7个乡镇作了表态发言。")
    assert got[(7, "个")].indicator == "禁毒工作调度会乡镇作了表态发言"
    got = facts("会上，5名网格员作了经验分享。")
    assert got[(5, "名")].indicator == "网格员作了经验分享"
    ex = run("灵溪镇镇长到会讲话。一场研讨在永顺县司法局举行——第二届人民调解论坛。会上，6个调委会作了经验介绍。")
    assert subject_of(ex, 6) == "永顺县司法局"


def test_a_rate_names_what_it_converts_per_unit():
    got = facts("凭借96分志愿积分，按照1分折算0.8元的比例，永顺县村民老向领到了76.8元。")
    assert got[(96, "分")].indicator == "志愿积分"
    assert got[(0.8, "元")].indicator == "志愿积分折算比例（每1分折算）"
    got = facts("永顺县义务巡逻时间按1小时折合3分的比例记入档案。")
    assert got[(3, "分")].indicator == "义务巡逻时间折合比例（每1小时折合）"


def test_a_clause_that_says_under_what_or_for_what_is_no_deed():
    got = facts("在市委市政府的关心指导下，永顺县共筹措资金860万元。")
    assert got[(8600000, "元")].indicator == "筹措资金"
    got = facts("为进一步织密防控网络，永顺县新增治安卡口32个。")
    assert got[(32, "个")].indicator == "新增治安卡口"


def test_a_rate_compared_with_another_keeps_its_words():
    got = facts("永顺县刑事案件破案率达91.4%，高于全州平均水平6.2个百分点。")
    assert got[(6.2, "个百分点")].indicator == "刑事案件破案率高于全州平均水平"


def test_units_counted_in_a_relative_clause_are_those_taking_part():
    got = facts("由永顺县委政法委牵头，11个部门参加的例会每季度召开一次。")
    assert got[(11, "个")].indicator == "参加例会的部门"
    got = facts("永顺县成立了由9家单位组成的督导组。")
    assert got[(9, "家")].indicator == "组成督导组的单位"


def test_a_rate_given_level_by_level_keeps_its_words_at_each_level():
    got = facts("永顺县乡镇（街道）网格化服务站建成率达100%，村（社区）达92%。")
    assert got[(92, "%")].indicator == "村（社区）网格化服务站建成率"
    got = facts("永顺县县级视频会商系统接通率100%，乡级97%，村级81%。")
    assert got[(81, "%")].indicator == "村级视频会商系统接通率"


def test_a_figure_a_hard_line_break_parted_from_its_count_verb_keeps_it():
    got = facts("永顺县今年以来共侦破跨境赌博案件\n47起，抓获犯罪嫌疑人63名。")
    assert got[(47, "起")].indicator == "侦破跨境赌博案件"


def test_a_bare_verb_takes_the_object_of_the_count_before_without_its_complement():
    got = facts("永顺县累计排查出消防隐患217处，整改到位209处。")
    assert got[(209, "处")].indicator == "整改到位消防隐患"


def test_a_share_of_a_population_is_about_the_place_whose_people_were_counted():
    text = "凤凰县禾库镇地处两省交界，全镇2.5万人。凤凰县公安局禾库派出所民警介绍，60%人口常年外出，村里多是老人。"
    got = facts(text)
    assert got[(25000, "人")].indicator == "人口"
    assert subject_of(run(text), 60) == "禾库镇"


def test_a_sum_told_only_by_its_order_is_no_figure():
    got = facts("永顺县警方查获的假币面额共计数十万元，追回赃款几万元，挽回损失上千万元，化解纠纷数千起。")
    assert (100000, "元") not in got and (10000, "元") not in got
    assert got[(10000000, "元")].indicator == "挽回损失"
    assert got[(1000, "起")].indicator == "化解纠纷"


def test_a_bare_share_after_a_count_is_that_count_s_share():
    got = facts("永顺县今年办理的纠纷中，宅基地纠纷233件，占28.5%；劳资纠纷167件，占20.4%。")
    assert got[(28.5, "%")].indicator == "宅基地纠纷占比"
    assert got[(20.4, "%")].indicator == "劳资纠纷占比"


def test_a_bare_noun_counted_after_places_just_counted_is_theirs():
    got = facts("永顺县已建成12个青少年服务站，服务对象380人。")
    assert got[(380, "人")].indicator == "青少年服务站服务对象"
    got = facts("永顺县建成调解室86个，调解纠纷320起。")
    assert got[(320, "起")].indicator == "调解纠纷"


def test_the_firm_an_order_names_by_a_pronoun_is_written_out():
    got = facts("永顺县市场监管局对永顺县惠民粮油有限公司立案调查，要求其退还多收价款36800元。")
    assert got[(36800, "元")].indicator == "要求永顺县惠民粮油有限公司退还多收价款"


def test_points_of_change_after_a_rate_are_the_rate_s():
    got = facts("德格县全年办理行政复议案件45件，纠错率11.1%，较上年提高2.3个百分点。")
    assert got[(2.3, "个百分点")].indicator == "办理行政复议案件纠错率较上年提高"


def test_a_villages_group_number_is_an_address_not_a_count():
    from helpers import run

    assert not run("某某县石鼓镇新村村3组村民李某报警称其家中被盗。").statistics
    assert [st.value for st in run("全村3组巡逻队轮流值守。").statistics] == [3]


def test_the_counts_that_spell_out_a_formula_s_parts_claim_nothing():
    got = facts("凤凰县委政法委推行“1+3+N”工作机制，即1个综治中心、3支队伍、N个网格，全年化解纠纷320件。")
    assert set(got) == {(320, "件")}


def test_a_share_s_linking_word_goes_though_the_segmenter_joins_it_to_bi():
    got = facts("全年共受理信访事项426件，其中网上信访占比达62%，女性占比为41%。")
    assert got[(62, "%")].indicator == "网上信访占比" and got[(41, "%")].indicator == "女性占比"


def test_a_clause_on_a_whole_unit_borrows_no_facility_from_the_clause_before():
    got = facts("遵义市委政法委牵头建立综治中心，全市建成综治中心286个。")
    assert got[(286, "个")].indicator == "建成综治中心"


def test_chinese_numerals_with_a_zero_inside_are_one_number():
    got = facts("凤凰县司法局今年选派律师二百零六名，受理法律援助案件一千零五十件。")
    assert got[(206, "名")].indicator == "选派律师"
    assert (1050, "件") in got


def test_a_qualifier_before_the_multiplier_keeps_the_multiplier():
    got = facts("凤凰县公安局今年采集数据二十余万条，比对信息30余万条。")
    assert got[(200000, "条")].qualifier == "余"
    assert got[(300000, "条")].qualifier == "余"


def test_one_before_a_multiplier_is_a_number_not_an_article():
    got = facts("凤凰县司法局今年印发宣传手册一万余份。")
    assert got[(10000, "份")].indicator == "印发宣传手册"


def test_a_count_after_its_noun_closing_the_clause_counts_even_one():
    got = facts("凤凰县公安局今年新增巡逻车一辆、执法记录仪二十台。")
    assert got[(1, "辆")].indicator == "新增巡逻车"
    assert (20, "台") in got
    assert not facts("凤凰县公安局建立了一支巡逻队伍。")  # 一 before its noun: an article


def test_money_recovered_is_counted_in_chinese_numerals_too():
    got = facts("凤凰县人民法院今年为务工人员追回工资三百二十万元。")
    assert (3_200_000, "元") in got


def test_the_next_item_of_a_list_of_counts_in_numerals_is_a_count_too():
    got = facts("凤凰县今年新建乡镇调解室十二个、村级调解室一百五十个。")
    assert (12, "个") in got and (150, "个") in got
    got = facts("凤凰县现有人民调解员五百二十名，其中专职调解员二百一十名。")
    assert (520, "名") in got and (210, "名") in got


def test_we_in_an_officials_words_is_the_body_he_speaks_for():
    ex = run("石阡县公安局开展夜查行动。“今年我们共调解纠纷320件。”县司法局局长王建平说。")
    assert subject_of(ex, 320) == "石阡县司法局"
    assert facts("石阡县公安局开展夜查行动。“今年我们共调解纠纷320件。”县司法局局长王建平说。")[(320, "件")].indicator == "调解纠纷"
    ex = run("石阡县公安局开展夜查行动。县司法局王建平局长介绍，全局共调解纠纷410件。")
    assert subject_of(ex, 410) == "石阡县司法局"


def test_we_in_the_words_of_a_county_s_party_secretary_is_the_county():
    ex = run("石阡县公安局开展夜查行动。县委书记李明说，今年我们共化解矛盾纠纷1200件。")
    assert subject_of(ex, 1200) == "石阡县"


def test_a_clause_on_a_whole_unit_that_says_what_it_did_borrows_no_activity():
    got = facts("石阡县创新推出“警格+网格”双网融合机制，全县划分网格856个。")
    assert got[(856, "个")].indicator == "划分网格"
    got = facts("石阡县公安局开展数据排查，排查信息42万多条。")  # a short deed still takes the activity before it
    assert got[(420000, "条")].indicator == "开展数据排查排查信息"


def test_we_and_a_level_word_in_a_township_officials_words_is_the_township():
    ex = run("石阡县召开会议。“今年我们镇化解纠纷120件。”龙塘镇镇长张华说。")
    assert subject_of(ex, 120) == "龙塘镇"


def test_a_kind_of_what_was_counted_before_keeps_that_counts_deed():
    got = facts("石阡县公安局查处酒驾醉驾违法行为217起，其中醉驾43起。")
    assert got[(43, "起")].indicator == "查处醉驾"
