"""Places: focal county from the register, codes, townships and villages, in any province."""
from __future__ import annotations

import pytest
from helpers import entity, names, relations, run


def test_focus_and_codes_of_a_county_outside_hunan():
    ex = run("近年来，湄潭县持续推进平安建设，湄潭县兴隆镇龙凤村推行“一村一警”。")
    county = entity(ex, "Place", "湄潭县")
    assert ex.focus == county.key and county.attrs["code"] == "520328000000"
    assert entity(ex, "Place", "兴隆镇").attrs["code"].startswith("520328")
    assert ("龙凤村", "兴隆镇") in {(a, b) for a, b in _within(ex)}


def test_autonomous_county_banner_and_county_level_city():
    assert run("石柱土家族自治县召开平安建设推进会。").focus[1] == "500240000000"
    assert run("鄂托克旗公安局开展专项行动。鄂托克旗政法委部署工作。").focus[1] == "150624000000"
    assert run("诸暨市枫桥镇坚持“枫桥经验”，诸暨市公安局积极配合。").focus[1] == "330681000000"


def test_chain_up_to_the_province_is_implied():
    ex = run("慈溪市公安局破获案件。")
    assert {"慈溪市", "宁波市", "浙江省"} <= {e.name for e in ex.entities.values() if e.type == "Place"}


def test_two_character_county_name_inside_a_word_is_not_a_place():
    ex = run("攸县荣获“最佳县市”称号，荣登百佳县市榜单。")
    assert "佳县" not in names(ex, "Place")


def test_a_town_singled_out_for_a_drive_is_no_place():
    ex = run("凤凰县廖家桥镇作为试点镇先行先试，打造一批样板村。")
    assert "廖家桥镇" in names(ex, "Place")
    assert not names(ex, "Place") & {"试点镇", "样板村"}


def test_neighbouring_counties_by_their_short_forms_in_a_list_of_places():
    ex = run("凤凰县与吉首、花垣等地签订联防协议，联合泸溪、保靖两县开展巡逻。")
    assert {"吉首市", "花垣县", "泸溪县", "保靖县"} <= names(ex, "Place")
    # outside a list, a short form is left alone (吉首籍: a native place, no place of the report)
    assert "吉首市" not in names(run("凤凰县一名吉首籍男子被抓获。"), "Place")


def test_a_village_whose_last_character_the_dictionary_joins_to_cun():
    ex = run("凤凰县廖家桥镇菖蒲塘村党支部组织党员开展巡逻。")
    assert "菖蒲塘村" in names(ex, "Place") and "菖蒲塘村党支部" in names(ex, "Agency")
    # 农村, 乡村, 山村 are words: no village ends in them
    assert names(run("凤凰县推进农业农村现代化，民警深入偏远山村。"), "Place") == {"凤凰县"}


def test_a_place_opening_a_company_s_name_is_no_place_of_the_report():
    ex = run("凤凰县法院审结了成都智远科技有限公司诉湘西某商贸公司合同纠纷案。")
    assert "成都市" not in names(ex, "Place") and "凤凰县" in names(ex, "Place")
    # the report's own places stay (凤凰县某某有限公司), as does a place before its township
    assert "临沂市" in names(run("她来到山东省临沂市罗庄镇私营企业临沂孙武食品有限公司报到。"), "Place")


def test_township_missing_from_the_register_kept_by_shape():
    ex = run("平江县城关镇已划分109个网格。")
    town = entity(ex, "Place", "城关镇")
    assert town.attrs["parent"] == "430626000000" and town.attrs["code"] == ""


def test_verbs_before_township_suffix_are_no_place():
    ex = run("湄潭县推动乡、村两级调委会规范化建设，大力开展乡村振兴。")
    assert names(ex, "Place") == {"湄潭县"}


def _within(ex):
    by_key = {k: e for k, e in ex.entities.items()}
    for e in ex.entities.values():
        if e.type == "Place" and e.attrs.get("parent"):
            parent = by_key.get(("Place", e.attrs["parent"]))
            if parent:
                yield e.name, parent.name


_ = relations


def test_township_short_name_yields_to_the_county_of_the_same_name():
    ex = run("雁峰区全面推进平安雁峰、法治雁峰建设，雁峰街道积极配合。")
    assert "雁峰" in entity(ex, "Place", "雁峰区").aliases
    assert "雁峰" not in entity(ex, "Place", "雁峰街道").aliases


def test_township_full_name_beats_the_county_short_name():
    ex = run("海伦市召开会议。海伦镇推行网格化管理。")
    assert "海伦镇" in names(ex, "Place")


def test_upper_names_are_every_name_of_a_province_prefecture_or_county():
    # kept while the register loads; the full-name index reads them instead of scanning every name
    from graph.gazetteer import UPPER_LEVELS, load

    gz = load()
    scanned = {name for name, codes in gz.by_name.items() if any(gz.places[c].level in UPPER_LEVELS for c in codes)}
    assert gz.upper_names == scanned
    assert {"慈利县", "张家界市", "湖南省"} <= gz.upper_names and "莲塘坳镇" not in gz.upper_names


def test_variant_characters_opencc_leaves_are_folded():
    from graph.normalise import normalise

    assert normalise("陜西省延安市召開會議").text == "陕西省延安市召开会议"
    assert "陕西省" in names(run("陜西省延安市宝塔区召开平安建设推进会。"), "Place")


def test_autonomous_units_by_their_plain_level_word():
    ex = run("玉屏县召开平安建设推进会，宁夏自治区政法委派员参加。")
    assert ex.focus[1] == "520622000000"
    assert "玉屏县" in entity(ex, "Place", "玉屏侗族自治县").aliases
    assert "宁夏回族自治区" in names(ex, "Place")


def test_standard_banner_abbreviations_and_former_names():
    assert run("科右前旗司法局组织调解员培训。").focus[1] == "152221000000"
    # a county that became a city keeps its code today
    ex = run("2015年，横县公安局开展专项行动。")
    assert ex.focus[1] == "450181000000" and "横县" in entity(ex, "Place", "横州市").aliases


def test_history_table_is_current():
    from graph import gazetteer

    path = gazetteer.Path(gazetteer.__file__).parent / "lexicon" / "place_history.txt"
    assert path.read_text(encoding="utf-8") == gazetteer.history_table()


def test_short_forms_of_provinces_and_prefectures_anywhere():
    ex = run("湄潭县组织网格员赴浙江温州学习基层治理经验。")
    assert {"浙江省", "温州市"} <= names(ex, "Place")
    assert ex.focus[1] == "520328000000"  # the county named in full stays the focus
    # a short form alone sets the focus when the text names no place in full
    assert run("温州全市公安机关开展夏季治安整治。").focus[1] == "330300000000"


def test_short_forms_need_word_boundaries_and_are_no_given_names():
    ex = run("湄潭县推进幸福建设。局长王南平表示，要抓好落实。")
    assert not {"福建省", "南平市"} & names(ex, "Place")


def test_county_short_form_after_a_place_above_it():
    ex = run("湄潭县组织网格员赴湖南湘西凤凰学习。")
    assert {"湖南省", "湘西土家族苗族自治州", "凤凰县"} <= names(ex, "Place")


def test_townships_name_their_county_when_the_text_names_none():
    ex = run("法院派出干警到抄乐镇、新南镇调解纠纷，石莲镇司法所配合。")
    assert ex.focus[1] == "520328000000"
    assert entity(ex, "Place", "石莲镇").attrs["parent"] == "520328000000"


def test_township_after_a_city_without_counties_and_street_short_forms():
    ex = run("不少青年外出到中山市小榄镇务工。")
    assert entity(ex, "Place", "小榄镇").attrs["parent"] == "442000000000"
    ex = run("湄潭县湄江街组织居民议事。")
    assert "湄江街" in entity(ex, "Place", "湄江街道").aliases


def test_villages_after_a_city_and_by_unknown_names():
    ex = run("在福建省南平市茶洋口村，村民自发组建巡逻队。")
    assert entity(ex, "Place", "茶洋口村").attrs["parent"] == "350700000000"
    ex = run("科右前旗组织排查。”巴彦苏力嘎查牧民说，调解很及时。")
    assert "巴彦苏力嘎查" in names(ex, "Place")


def test_phrases_that_name_divisions_elsewhere_are_no_places():
    ex = run("湄潭县荣获省级“平安县”称号。这个新城区的居民很满意。")
    assert names(ex, "Place") == {"湄潭县"}


def test_huitong_after_a_body_is_the_verb_of_joint_action_not_the_county():
    # 会同 (“together with”) before 县X局: the report's own county's body, not 会同县's
    ex = run("凤凰县公安局会同县交通局开展道路交通安全整治。")
    assert "会同县" not in names(ex, "Place") and "凤凰县交通运输局" in names(ex, "Agency")
    ex = run("县委政法委会同县法院、县检察院召开联席会议。")
    assert not names(ex, "Place")
    ex = run("怀化市会同县公安局开展夏季治安整治。会同县公安局发布通告。")
    assert "会同县" in names(ex, "Place") and "会同县公安局" in names(ex, "Agency")


def test_a_township_named_again_alone_is_the_one_named_with_its_county():
    ex = run("湄潭县干部与湖南省凤凰县阿拉营镇干部座谈，湄潭县兴隆镇、阿拉营镇代表发言。")
    towns = [e for e in ex.entities.values() if e.type == "Place" and e.name == "阿拉营镇"]
    assert len(towns) == 1 and towns[0].attrs["parent"] == gazetteer_code("凤凰县")


def gazetteer_code(name):
    from graph.gazetteer import load

    return load().lookup(name)[0].code


def test_a_repeated_line_counts_once_for_the_focus():
    text = "古丈县：开展普法宣传\n古丈县：开展普法宣传\n古丈县：开展普法宣传\n湖南省湘西州凤凰县公安局召开会议，凤凰县综治中心参加。"
    assert run(text).focus[1] == gazetteer_code("凤凰县")


def test_a_county_misspelt_by_one_character_after_its_prefecture():
    ex = run("湖南省长沙市开付区召开会议。长沙市开发区也派员参加。")
    assert "开付区" in entity(ex, "Place", "开福区").aliases
    assert "开发区" not in {a for e in ex.entities.values() for a in e.aliases}


def test_a_report_on_several_counties_of_one_city_is_the_city_s():
    ex = run("湘西州部署平安建设。凤凰县、古丈县、花垣县、保靖县分别汇报，湘西州要求各县落实。")
    assert ex.focus[1] == gazetteer_code("湘西土家族苗族自治州")
    # two counties, one of them the report's: it stays the focus
    assert run("凤凰县与古丈县签订协议，凤凰县公安局、凤凰县法院参加。").focus[1] == gazetteer_code("凤凰县")


def test_a_report_on_one_township_is_that_township_s():
    from helpers import relations

    ex = run("凤凰县阿拉营镇推行“三色管理”机制。阿拉营镇今年调处纠纷120起。阿拉营镇获评先进。")
    assert ex.focus[1] == gazetteer_code("凤凰县")
    assert ("阿拉营镇", "三色管理") in relations(ex, "adopts")
    assert {ex.entities[s.subject].name for s in ex.statistics} == {"阿拉营镇"}
    # named alone, a township unique in the register gives its county
    assert run("阿拉营镇召开会议。阿拉营镇党委部署工作。").focus[1] == gazetteer_code("凤凰县")


def test_a_misspelt_county_after_its_prefecture_is_the_focus():
    assert run("湖南省长沙市开付区召开会议，开付区公安局参加。").focus[1] == gazetteer_code("开福区")


def test_a_sumu_is_the_township_the_register_lists_as_a_xiang():
    ex = run("科右前旗巴日嘎斯台苏木召开平安建设会议。")
    assert "巴日嘎斯台苏木" in entity(ex, "Place", "巴日嘎斯台乡").aliases


def test_a_level_compound_of_inner_mongolia_is_no_township():
    # 苏木镇 (like 乡镇) names the level, not one township
    ex = run("阿荣旗公安局在每个苏木镇派出所设立调解室。")
    assert not any(n.startswith("苏木") for n in names(ex, "Place"))
    assert not any("苏木镇" in n for n in names(ex, "Agency"))


def test_what_kind_of_town_it_is_names_no_township():
    from helpers import names, run
    assert names(run("禾库镇是凤凰县人口大镇，也是经济强镇。"), "Place") == {"禾库镇", "凤凰县"}


@pytest.mark.parametrize("text,suffix,want", [
    ("走访了石板村和12个村", 5, (3, 6)), ("走访了石板村和12个村", 10, None), ("这里的村民", 3, None),
    ("他来到白沙镇，走访各个镇", 5, (3, 6)), ("他来到白沙镇，走访各个镇", 11, None), ("村", 0, None)])
def test_a_name_before_a_place_suffix_needs_two_chinese_characters_that_are_no_function_words(text, suffix, want):
    from graph.extract.places import _name_before

    assert _name_before(text, suffix, suffix + 1) == want


def test_a_village_right_after_its_township_takes_all_that_stands_between():
    # jieba reads 大 | 水田 | 村: the village's name is everything after the township
    ex = run("凤凰县廖家桥镇大水田村组建了护村队。")
    assert "大水田村" in names(ex, "Place")
    # a unit's own word between them is no village's name
    ex = run("凤凰县廖家桥镇社区戒毒社区康复工作站揭牌。")
    assert not {n for n in names(ex, "Place") if n.endswith("社区")}


def test_a_county_by_its_short_form_right_after_its_province_and_a_township_after_it():
    ex = run("广东高州开展平安建设宣传活动。")
    assert entity(ex, "Place", "高州市").attrs["code"] == "440981000000"
    ex = run("浙江嵊州甘霖镇开展矛盾纠纷排查。")
    assert {"嵊州市", "甘霖镇"} <= names(ex, "Place")
    assert entity(ex, "Place", "甘霖镇").attrs["code"].startswith("330683")


def test_a_county_short_form_after_its_province_must_end_on_a_word_boundary():
    assert "新化县" not in names(run("湖南新化肥厂扩建。"), "Place")  # 化肥 runs across its end


def test_a_division_name_that_is_a_set_phrase_places_nothing_when_the_text_names_no_other_place():
    assert not names(run("创建平安县活动深入开展，该县荣获全省平安县称号。"), "Place") & {"平安区", "海东市", "青海省"}
    ex = run("青海省海东市平安区召开平安建设推进会。")  # right after the divisions above it: the place
    assert "平安区" in names(ex, "Place") and ex.focus[1] == "630203000000"


def test_a_verb_of_joint_action_after_a_body_opens_no_township_of_elsewhere():
    ex = run("高州市司法局联合街道办事处开展普法宣传。")
    assert "联合街道" not in names(ex, "Place")
    assert "联合街道" in names(run("衡阳市蒸湘区联合街道开展巡逻。"), "Place")  # named after its district: the place


def test_a_village_by_a_name_thousands_share_after_its_township_or_before_a_village_body():
    ex = run("高州市石鼓镇团结村党支部书记李强说，全村已安装监控探头。")
    assert "团结村" in names(ex, "Place") and ("团结村", "石鼓镇") in set(_within(ex))
    ex = run("高州市石鼓镇召开平安建设会议。胜利村党支部书记王刚发言。")
    assert "胜利村" in names(ex, "Place")
    assert not names(run("高州市石鼓镇贫困村全部脱贫，各族群众团结村民共建家园。"), "Place") & {"贫困村", "团结村"}


def test_a_list_of_short_forms_closed_by_a_count_and_a_level_names_those_divisions():
    ex = run("高州、化州两市联合开展禁毒整治。")
    assert {"高州市", "化州市"} <= names(ex, "Place")
    ex = run("茂名市高州、信宜、化州三市签订联防协议。")  # the first item right after its prefecture
    assert {"高州市", "信宜市", "化州市"} <= names(ex, "Place")
    assert "化州市" not in names(run("高州、化州三市联合开展整治。"), "Place")  # the count must match


def test_a_place_in_the_pages_navigation_line_is_no_place_of_the_report():
    ex = run("中国西藏网 > 即时新闻 > 地方\n高州市公安局开展夜巡，全市治安良好。")
    assert "西藏自治区" not in names(ex, "Place") and "高州市" in names(ex, "Place")


def test_a_village_right_after_its_township_whatever_the_tags_of_its_characters():
    # 根 alone is tagged a preposition; right after its township the name is a village's
    ex = run("勐海县召开会议。勐遮镇曼根村被命名为全国民主法治示范村。")
    assert "曼根村" in names(ex, "Place")
    assert relations(ex, "awardedTo") == {("全国民主法治示范村", "曼根村")}
    # a function word there is none: no village
    assert not {n for n in names(run("湄潭县召开会议。抄乐镇以村为单位、按村组划分网格。"), "Place") if n.endswith("村")}


def test_a_village_after_a_township_written_by_its_short_name_and_level_word():
    # 聚凤仡佬族侗族乡 is written 聚凤乡: the 乡 is the township's, the village starts after it
    ex = run("石阡县聚凤乡红岩村党支部书记罗成富说，村里没有发生案件。")
    village = entity(ex, "Place", "红岩村")
    assert village.attrs["parent"] == "520623202000"


def test_a_township_name_is_never_read_from_inside_a_longer_name():
    # 门坎镇 is a township of Sichuan's 井研县; 石门坎镇 here is one the register does not list
    ex = run("石阡县石门坎镇派出所开展巡逻。")
    assert "门坎镇" not in names(ex, "Place")
    assert entity(ex, "Place", "石门坎镇").attrs["parent"] == "520623000000"


def test_a_prefectures_short_name_before_a_townships_level_word_is_the_townships():
    ex = run("石阡县黄石镇综治办主任刘勇说，今年化解纠纷30件。")
    assert "黄石市" not in names(ex, "Place")
    assert entity(ex, "Place", "黄石镇").attrs["parent"] == "520623000000"
    assert "湖北省" not in names(ex, "Place")


def test_a_county_that_became_a_city_is_found_by_its_former_name():
    # 黔西县 became 黔西市 in 2021, a change the register's history does not lead to a living code
    ex = run("黔西县以“雪亮工程”为抓手，推进平安建设。")
    assert entity(ex, "Place", "黔西市").attrs["code"] == "520581000000"
    assert ("黔西市", "雪亮工程") in relations(ex, "implements")


def test_a_former_county_name_made_of_an_everyday_word_before_shi_is_no_place():
    # 合作县 would be 合作市's former name; 合作县市 are the counties and cities that cooperate
    ex = run("石阡县帮助合作县市平均每年新增产值1.5亿元。")
    assert "合作市" not in names(ex, "Place")
