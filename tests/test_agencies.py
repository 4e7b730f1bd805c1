"""Agencies: qualification to the report's place, short forms, units, central bodies."""
from __future__ import annotations

from helpers import entity, names, relations, run


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


def test_the_central_bodies_are_a_closed_public_set_with_their_short_forms():
    ex = run("中组部、团中央和全国妇联联合发文，国家医保局、最高检派员参加。")
    assert {"中共中央组织部", "共青团中央", "中华全国妇女联合会", "国家医疗保障局", "最高人民检察院"} <= names(ex, "Agency")
    assert "中组部" in entity(ex, "Agency", "中共中央组织部").aliases


def test_a_ministry_name_inside_a_longer_word_is_none():
    ex = run("湄潭县加强与司法部门、公安部门的协作，集中办理一批积案。")
    assert not {"司法部", "公安部", "中共中央办公厅"} & names(ex, "Agency")


def test_a_list_of_bare_bodies_carries_the_place_of_its_first():
    ex = run("湄潭县卫健局、人社局、科协、侨联联合开展义诊。")
    assert {"湄潭县卫生健康局", "湄潭县人力资源和社会保障局", "湄潭县科学技术协会", "湄潭县归国华侨联合会"} <= names(ex, "Agency")
    assert entity(ex, "Agency", "湄潭县科学技术协会").attrs["jurisdiction"] == "520328000000"


def test_bare_government_departments_are_the_report_county_s():
    ex = run("湄潭县召开调度会，林业局和统计局派员参加。")
    assert {"湄潭县林业局", "湄潭县统计局"} <= names(ex, "Agency")


def test_township_and_village_bodies_take_their_township_or_village():
    ex = run("湄潭县兴隆镇召开会议，镇党委书记、镇综治中心主任参加。兴隆镇龙凤村党支部组织党员巡逻。")
    assert {"兴隆镇党委", "兴隆镇综治中心", "龙凤村党支部"} <= names(ex, "Agency")
    assert entity(ex, "Agency", "龙凤村党支部").attrs["jurisdiction"].endswith("龙凤村")
    # a level word in a list of levels names no one body
    assert not any("调委会" in n for n in names(run("湄潭县共有乡、镇调委会15个。"), "Agency"))


def test_units_named_on_a_township_s_short_name_serve_that_township():
    ex = run("湄潭县召开会议。抄乐派出所民警走访群众，抄乐人民法庭就地开庭。")
    station = entity(ex, "Agency", "湄潭县公安局抄乐派出所")
    assert station.attrs["parent"] == "湄潭县公安局"
    assert gazetteer_name(station.attrs["jurisdiction"]) == "抄乐镇"
    assert "抄乐派出所" in station.aliases
    assert "湄潭县人民法院抄乐人民法庭" in names(ex, "Agency")


def gazetteer_name(code):
    from graph.gazetteer import load

    return load().places[code].name


def test_quoted_proper_named_units_are_agencies_of_their_place():
    ex = run("湄潭县兴隆镇龙凤村“老兵之家”调解室成立以来，调处纠纷30余起。")
    unit = entity(ex, "Agency", "老兵之家调解室")
    assert unit.attrs["jurisdiction"].endswith("龙凤村")


def test_sub_units_of_a_body_alone_or_chained():
    ex = run("湄潭县人民检察院召开会议，第四检察部汇报办案情况。湄潭县检察院未成年人检察部介入。")
    assert {"湄潭县人民检察院第四检察部", "湄潭县人民检察院未成年人检察部"} <= names(ex, "Agency")
    ex = run("湄潭县公安局召开会议，交警大队、特警大队负责人参加。")
    assert "湄潭县公安局特警大队" in names(ex, "Agency")
    ex = run("遵义市公安局汇川区分局高坪派出所开展夜查。")
    station = entity(ex, "Agency", "遵义市公安局汇川区分局高坪派出所")
    assert gazetteer_name(station.attrs["jurisdiction"]) == "高坪街道"
    assert gazetteer_name(entity(ex, "Agency", "遵义市公安局汇川区分局").attrs["jurisdiction"]) == "汇川区"
    # 副大队长 is a title, no unit
    assert not any(n.endswith("副大队") for n in names(run("湄潭县公安局治安大队副大队长讲话。"), "Agency"))


def test_region_party_committee_courts_above_the_county_and_league_committees():
    ex = run("宁夏自治区党委政法委召开会议。")
    assert "宁夏回族自治区党委政法委" in names(ex, "Agency")
    ex = run("湄潭县法院的做法得到省法院肯定。团县委组织青年志愿者参加。")
    assert {"贵州省高级人民法院", "湄潭县人民法院", "湄潭县团委"} <= names(ex, "Agency")
    assert "湄潭县委" not in names(ex, "Agency")


def test_no_bureau_in_a_phrase_and_no_body_of_a_list_of_levels():
    assert names(run("湄潭县坚持维护社会大局稳定。"), "Agency") == set()
    assert names(run("湄潭县要求各县市（区）司法局加强调解。"), "Agency") == set()


def test_level_word_after_a_verb_and_a_centre_set_up_on_a_level_word():
    ex = run("湄潭县的视频全部接入县综治中心。同年建立县社会风险研判中心。")
    assert {"湄潭县综治中心", "湄潭县社会风险研判中心"} <= names(ex, "Agency")


def test_a_quoted_unit_named_twice_serves_the_most_local_place_given():
    ex = run("湄潭县兴隆镇成立“连心桥”调解队。此后，“连心桥”调解队调处纠纷20起。")
    assert {b for a, b in relations(ex, "jurisdiction") if a == "连心桥调解队"} == {"兴隆镇"}


def test_party_committees_by_their_full_name_and_an_autonomous_region_s():
    ex = run("中共湄潭县委员会召开全会。")
    assert "湄潭县委" in names(ex, "Agency")
    ex = run("中共宁夏回族自治区委员会召开全会，自治区党委政法委部署工作。")
    assert {"宁夏回族自治区党委", "宁夏回族自治区党委政法委"} <= names(ex, "Agency")
    # in a province that is no autonomous region, 自治区党委 names no body of it
    assert names(run("贵州省召开会议。自治区党委派员参加。"), "Agency") == set()


def test_no_bureau_in_a_hall_and_a_minister_s_title_keeps_the_ministry():
    assert names(run("贵州省歌舞团在贵阳音乐厅演出。"), "Agency") == set()
    assert "司法部" in names(run("司法部副部长出席会议。"), "Agency")


def test_province_department_shorthand_takes_the_system_named_before():
    ex = run("湄潭县公安局落实公安部部署和省厅要求。")
    assert "贵州省公安厅" in names(ex, "Agency")
    assert "省厅" in entity(ex, "Agency", "贵州省公安厅").aliases


def test_a_place_s_named_station_may_join_its_parts_with_and():
    ex = run("湄潭县禁毒宣传及戒毒康复指导服务站挂牌。")
    assert "湄潭县禁毒宣传及戒毒康复指导服务站" in names(ex, "Agency")


def test_a_township_station_written_several_ways_is_one_agency():
    ex = run("湄潭县公安局抄乐派出所开展巡逻。抄乐镇派出所民警走访群众，抄乐派出所所长讲话。")
    stations = [n for n in names(ex, "Agency") if n.endswith("派出所")]
    assert len(stations) == 1
    assert {"抄乐镇派出所", "抄乐派出所", "湄潭县公安局抄乐派出所"} <= entity(ex, "Agency", stations[0]).aliases


def test_a_body_named_by_its_kind_is_the_county_s_body_of_that_kind():
    ex = run("攸县召开总结会。三年来，攸县检察机关起诉涉恶案件18件；审判机关判决涉恶案件16件；"
             "组织部门整顿软弱涣散村党组织9个，宣传部门发放资料3000份。")
    assert {"攸县人民检察院", "攸县人民法院", "攸县委组织部", "攸县委宣传部"} <= names(ex, "Agency")
    assert "全国检察机关" not in {a for e in ex.entities.values() for a in e.aliases}
    ex = run("攸县召开会议，全国检察机关的经验值得学习。")
    assert "攸县人民检察院" not in names(ex, "Agency")


def test_the_traffic_brigade_is_the_police_bureau_s_however_it_is_written():
    bare = run("平江县召开会议，县交警大队开展夜查。")
    full = run("平江县公安局交警大队开展夜查。")
    assert "平江县公安局交警大队" in names(bare, "Agency") & names(full, "Agency")
    assert "平江县交警大队" in entity(bare, "Agency", "平江县公安局交警大队").aliases


def test_a_body_s_former_name_is_one_agency_under_its_present_name():
    ex = run("攸县公安局城关派出所2018年更名为攸县公安局凤岭派出所，凤岭派出所民警走访群众。")
    assert "攸县公安局城关派出所" in entity(ex, "Agency", "攸县公安局凤岭派出所").aliases
    assert "攸县公安局城关派出所" not in names(ex, "Agency")
    # the present name written short, its full form named before
    ex = run("攸县公安局凤岭派出所民警走访群众。我们的前身是攸县公安局城关派出所，后来正式更名为凤岭派出所。")
    assert names(ex, "Agency") == {"攸县公安局", "攸县公安局凤岭派出所"}
    ex = run("攸县召开会议。桃水派出所的前身是攸县渌田派出所。")
    assert "攸县公安局渌田派出所" in entity(ex, "Agency", "攸县公安局桃水派出所").aliases
    # a renaming with no body before it in its sentence merges nothing
    ex = run("攸县公安局联合攸县人民法院召开会议。会议更名为联席会。")
    assert {"攸县公安局", "攸县人民法院"} <= names(ex, "Agency")


def test_a_declared_short_name_and_the_level_s_own_centre_are_the_body():
    ex = run("攸县矛盾纠纷多元化解中心（以下简称县矛调中心）开展工作。")
    assert "县矛调中心" in entity(ex, "Agency", "攸县矛盾纠纷多元化解中心").aliases
    ex = run("攸县社会治安综合治理中心落成。\n县级综治中心——统筹调度的指挥中枢")
    assert names(ex, "Agency") == {"攸县综治中心"}
    assert {"攸县社会治安综合治理中心", "县级综治中心"} <= entity(ex, "Agency", "攸县综治中心").aliases


def test_the_police_by_their_everyday_names_and_a_body_of_this_county():
    ex = run("攸县召开会议。最近，该县警方破获一起贩毒案件，公安部门还开展了禁毒宣传。本县法院审结案件20件。")
    assert {"攸县公安局", "攸县人民法院"} <= names(ex, "Agency")
    assert {"县警方", "公安部门"} <= entity(ex, "Agency", "攸县公安局").aliases
    # 全县 before a body is the collective, not one body
    assert "攸县公安局" not in names(run("攸县召开会议。全县公安机关开展夜查。"), "Agency")


def test_an_autonomous_unit_s_own_bodies_written_with_its_level_alone():
    ex = run("威宁彝族回族苗族自治县哲觉镇召开会议，自治县政法委统筹公安、司法等部门。")
    assert "自治县政法委" in entity(ex, "Agency", "威宁彝族回族苗族自治县委政法委").aliases
    ex = run("湘西土家族苗族自治州凤凰县召开会议，自治州中级人民法院派员参加。")
    assert "湘西土家族苗族自治州中级人民法院" in names(ex, "Agency")
    # a report on a county that is no autonomous county has no such body
    assert not names(run("攸县召开会议，自治县公安局参加。"), "Agency")


def test_a_level_word_names_the_centre_the_place_before_the_verb_sets_up():
    # the county opens the clause and 建成 sets the centre up: 县级… is the county's own centre
    ex = run("凤凰县建成县级社会治理综合服务中心，群众办事更方便。")
    assert "凤凰县社会治理综合服务中心" in names(ex, "Agency")


def test_the_party_committee_s_office_by_its_short_form_and_not_in_a_word():
    ex = run("凤凰县县委办、县政府办联合印发通知。")
    assert {"凤凰县委办公室", "凤凰县人民政府办公室"} <= names(ex, "Agency")
    # 办 opening a word (办理, 办公会) leaves the committee itself
    assert names(run("凤凰县委办理群众来信，凤凰县委办公会研究部署。"), "Agency") == {"凤凰县委"}



def test_a_joint_mediation_committee_serves_each_place_listed_before_it():
    ex = run("广西岑溪市南渡镇和马路镇联合人民调解委员会成功调处一起山林纠纷。")
    assert "南渡镇马路镇联合人民调解委员会" in names(ex, "Agency")
    ex = run("贵州省松桃苗族自治县孟溪镇、重庆市秀山县石耶镇的跨省联合调委会当天到场。"
             "经联合人民调解委员会三次协调，两户签下协议。")
    served = {p for a, p in relations(ex, "jurisdiction") if a == "孟溪镇石耶镇联合人民调解委员会"}
    assert served == {"孟溪镇", "石耶镇"}


def test_a_unit_of_a_court_or_procuratorate_after_its_de():
    ex = run("浙江省天台县人民法院的执行团队上半年执结案件900件。")
    assert "天台县人民法院执行团队" in names(ex, "Agency")
    ex = run("安徽省泾县人民检察院的民事检察部门牵头开展专项监督。")
    assert "泾县人民检察院民事检察部门" in names(ex, "Agency")
    # a verb opening the clause is no part of the unit's name; a verb inside the name is
    ex = run("云南省弥渡县人民法院优化分工，组建审判团队攻坚积案。")
    assert not {n for n in names(ex, "Agency") if "组建" in n}
    ex = run("安徽省泾县人民检察院第二检察部和刑事执行检察部门参加。")
    assert "泾县人民检察院刑事执行检察部门" in names(ex, "Agency")


def test_a_station_named_on_a_sumus_name_without_sumu():
    ex = run("内蒙古自治区阿鲁科尔沁旗公安局巴彦温都尔派出所所长巴特尔朝鲁介绍情况。")
    assert "阿鲁科尔沁旗公安局巴彦温都尔派出所" in names(ex, "Agency")
    assert ("阿鲁科尔沁旗公安局巴彦温都尔派出所", "巴彦温都尔苏木") in relations(ex, "jurisdiction")
    ex = run("内蒙古阿鲁科尔沁旗巴彦温都尔派出所民警走访牧户。")
    assert "阿鲁科尔沁旗公安局巴彦温都尔派出所" in names(ex, "Agency")


def test_a_township_unit_by_its_short_name_after_a_verb_of_working_with_it():
    ex = run("江西省于都县深入推进平安建设。今年以来，银坑派出所联合银坑司法所开展矛盾纠纷排查。")
    assert {"于都县公安局银坑派出所", "于都县司法局银坑司法所"} <= names(ex, "Agency")


def test_the_first_centre_or_station_of_its_kind_a_place_sets_up_is_the_places():
    ex = run("浙江省开化县检察院牵头建成全区首家司法救助站。")
    assert ("开化县司法救助站", "开化县") in relations(ex, "jurisdiction")
    assert not names(run("各地要建立司法救助站。"), "Agency")


def test_a_centre_of_a_level_written_with_yu_is_the_levels():
    ex = run("河北省正定县成立县域矛盾纠纷多元化解中心，整合信访、调解等力量。")
    assert "正定县矛盾纠纷多元化解中心" in names(ex, "Agency")
    assert "县域矛盾纠纷多元化解中心" in entity(ex, "Agency", "正定县矛盾纠纷多元化解中心").aliases


def test_a_station_named_on_a_township_in_a_report_that_names_no_county():
    # a national paper's story of one station: the name is a township's (several bear it), no
    # county is named, so the station stands as written, with its own relations
    ex = run("近年来，高桥派出所坚持“一村一警”机制，被评为全国“星级公安派出所”。")
    assert "高桥派出所" in names(ex, "Agency")
    assert entity(ex, "Agency", "高桥派出所").attrs.get("jurisdiction") is None
    assert ("高桥派出所", "一村一警") in relations(ex, "adopts")
    assert ("星级公安派出所", "高桥派出所") in relations(ex, "awardedTo")
    # the prefecture named: the one township of it that bears the name
    ex = run("遵义市召开平安建设推进会。抄乐派出所民警走访群众，抄乐人民法庭就地开庭。")
    assert {"湄潭县公安局抄乐派出所", "湄潭县人民法院抄乐人民法庭"} <= names(ex, "Agency")
    assert ("湄潭县公安局抄乐派出所", "抄乐镇") in relations(ex, "jurisdiction")


def test_no_station_guessed_beyond_the_counties_a_report_names():
    # with a county named, only its townships (and those of counties named beside) name stations
    assert not {n for n in names(run("湄潭县召开会议。高桥派出所民警走访群众。"), "Agency") if "派出所" in n}
    # words that are no township's name are no station's
    assert not names(run("会上，基层派出所、所在派出所和辖区派出所负责人发言。"), "Agency")


def test_a_village_s_own_committee_after_its_name():
    ex = run("湄潭县召开会议。抄乐镇落花屯村村委会主任刘小兵、兴隆镇建设社区居委会主任王芳讲话。")
    assert {"落花屯村村民委员会", "建设社区居民委员会"} <= names(ex, "Agency")
    assert entity(ex, "Agency", "落花屯村村民委员会").aliases >= {"落花屯村村委会"}
    # only a village or community has one: a province's rules for them name no body
    assert not names(run("贵州省村委会换届工作会议近日召开。"), "Agency")


def test_a_village_body_after_a_name_the_text_does_not_resolve_is_no_bare_one():
    # 同村 is a word: the 村 of 大同村党支部 ends a village's name, not a bare 村 standing for
    # the one village the text names elsewhere
    ex = run("湄潭县召开会议。抄乐镇大同村党支部书记谭国平、兴隆镇落花屯村党员代表刘小兵参加。")
    assert "落花屯村党支部" not in names(ex, "Agency")


def test_a_tier_of_centres_names_the_top_level_s_own():
    # 县、镇、村三级综治中心: a centre at every level; the report's place has the top one
    ex = run("湄潭县召开会议。湄潭县全力推进县、镇、村三级综治中心建设。")
    assert names(ex, "Agency") == {"湄潭县综治中心"}
    ex = run("遵义市召开会议。市委政法委牵头建立市县乡三级综治中心。")
    assert "遵义市综治中心" in names(ex, "Agency")
    assert not {n for n in names(ex, "Agency") if "三级" in n}


def test_a_bare_body_counted_is_a_kind_not_the_county_s_one():
    ex = run("湄潭县召开会议。全县建成“一站式”矛盾纠纷调处化解中心15个。")
    assert not names(ex, "Agency")
    ex = run("湄潭县召开会议。矛盾纠纷调处化解中心全年受理纠纷300件。")
    assert names(ex, "Agency") == {"湄潭县矛盾纠纷调处化解中心"}


def test_the_short_name_of_the_peoples_armed_forces_department():
    ex = run("石阡县人武部联合县公安局开展应急演练。")
    assert "石阡县人民武装部" in names(ex, "Agency")


def test_a_courts_tribunal_is_a_unit_of_the_court():
    ex = run("石阡县法院少年法庭庭长王丽说，今年审结案件30件。")
    unit = entity(ex, "Agency", "石阡县人民法院少年法庭")
    assert unit.attrs["parent"] == "石阡县人民法院"


def test_a_unit_written_after_its_county_or_level_word_takes_no_place_into_its_name():
    ex = run("石阡县看守所被评为一级看守所。石阡县公安局召开会议，县看守所所长李强发言。")
    assert {n for n in names(ex, "Agency") if n.endswith("看守所")} == {"石阡县公安局看守所"}


def test_a_station_named_on_a_name_the_register_lacks_right_after_its_county():
    ex = run("石阡县城南派出所被评为先进集体，所长赵德明说，今年接处警4300余起。")
    unit = entity(ex, "Agency", "石阡县公安局城南派出所")
    assert unit.attrs["parent"] == "石阡县公安局"
    assert ("先进集体", "石阡县公安局城南派出所") in relations(ex, "awardedTo")


def test_a_verb_after_a_body_is_no_part_of_a_unit_named_after_it():
    ex = run("石阡县公安局建成视频监控指挥中心，实现全天候监控。")
    assert not any("建成" in n for n in names(ex, "Agency"))


def test_police_brigades_named_alone_are_the_county_bureaus():
    ex = run("石阡县公安局召开会议。刑侦大队联合交警大队开展夜查。")
    assert {"石阡县公安局刑侦大队", "石阡县公安局交警大队"} <= names(ex, "Agency")
    assert not any("联合" in n for n in names(ex, "Agency"))


def test_a_mediators_own_room_named_after_him_is_a_unit_of_its_place():
    ex = run("石阡县龙塘镇老杨调解工作室今年调解纠纷30件。")
    assert entity(ex, "Agency", "老杨调解工作室").attrs["jurisdiction"] == "520623103000"
    assert "王德明个人调解工作室" in names(run("石阡县司法局设立王德明个人调解工作室。"), "Agency")
    assert not names(run("石阡县各村设立人民调解室，建立矛盾调解室12个。"), "Agency")
