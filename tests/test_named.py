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


def test_unquoted_number_compound_a_verb_puts_to_work():
    ex = run("凤凰县推行三议一创，打造两城一中心，全面推行四议两公开。")
    assert {"三议一创", "两城一中心", "四议两公开"} <= names(ex, "Mechanism")
    assert ("凤凰县", "三议一创") in relations(ex, "adopts")
    assert entity(ex, "Mechanism", "三议一创").formula_count == 4
    # a count of times or things is no formula, nor a compound the clause goes on after
    ex = run("凤凰县坚持三年一次，建立两个中心、一个平台，推行两委一队联席制度。")
    assert not names(ex, "Mechanism") & {"三年一次", "两个中心", "两委一队"}


def test_a_second_name_joined_by_he_shares_the_verb():
    ex = run("凤凰县深入开展禁毒专项行动和反诈宣传活动。")
    assert {"禁毒专项行动", "反诈宣传活动"} <= names(ex, "Campaign")
    assert ("凤凰县", "反诈宣传活动") in relations(ex, "conducts")


def test_a_body_ending_in_suo_is_no_particle_in_a_name():
    ex = run("凤凰县实施司法所提质增效工程，建立司法所联动调解机制。")
    assert "司法所提质增效工程" in names(ex, "Program")
    assert "司法所联动调解机制" in names(ex, "Mechanism")


def test_a_drive_s_time_between_two_heads_belongs_to_its_name():
    ex = run("凤凰县开展道路交通安全集中整治百日行动和禁毒专项整治夏季攻势。")
    assert {"道路交通安全集中整治百日行动", "禁毒专项整治夏季攻势"} <= names(ex, "Campaign")
    assert "道路交通安全集中整治" not in names(ex, "Campaign")


def test_a_mechanism_named_by_the_time_it_keeps():
    ex = run("凤凰县公安局建立15分钟到达现场机制，开展了为期3天的培训活动。")
    assert "15分钟到达现场机制" in names(ex, "Mechanism")
    assert not any(n.startswith("3天") for n in names(ex, "Campaign"))


def test_a_timed_mechanism_after_a_preposition_of_conformity():
    ex = run("凤凰县各成员单位按照20分钟到场机制派员参与调解，根据工作安排机制运转。")
    assert "20分钟到场机制" in names(ex, "Mechanism")
    assert "45分钟到岗机制" in names(run("各单位按照45分钟到岗机制派员。"), "Mechanism")  # 到 arrives here
    assert not any("安排" in n for n in names(ex, "Mechanism"))


def test_a_coined_pair_formula_names_a_mechanism_without_a_frame():
    ex = run("民警开展日常走访、“三访一查”平安夜访等工作，为助力建设“三区一中心”出力。")
    assert {"三访一查", "三区一中心"} <= names(ex, "Mechanism")


def test_set_phrases_dates_and_sayings_of_pair_shape_name_nothing():
    ex = run("凤凰县素有“七山二水一分田”之称，群众参观“九一八纪念馆”，工作不能“三心二意”，“两抢一盗”发案下降。")
    assert not names(ex, "Mechanism") and not names(ex, "Campaign")


def test_levels_listed_before_their_count_are_the_parts_of_the_mechanism():
    ex = run("凤凰县建立县、乡（镇）、村三级联合防范盗抢工作机制，全警参与。")
    m = entity(ex, "Mechanism", "三级联合防范盗抢工作机制")
    assert m.components == ["县", "乡（镇）", "村"]
    assert "县、乡（镇）、村三级联合防范盗抢工作机制" in m.aliases


def test_a_count_not_that_of_the_list_or_no_verb_names_nothing():
    assert not names(run("凤凰县建立县、乡、村两级联合调处机制。"), "Mechanism")
    assert not names(run("凤凰县以县、乡、村三级综治体系为指挥平台。"), "Mechanism")


def test_a_drive_head_before_a_mechanism_head_is_the_work_of_the_mechanism():
    ex = run("凤凰县建立联合整治电诈活动工作机制。")
    assert "联合整治电诈活动工作机制" in names(ex, "Mechanism")
    assert not names(ex, "Campaign")


def test_a_drive_named_as_the_lever_of_the_work():
    ex = run("今年全县以司法所标准化建设为抓手，以全国文明城市创建为契机，推进基层治理。")
    assert {"司法所标准化建设", "全国文明城市创建"} <= names(ex, "Campaign")


def test_a_drive_made_the_lever_with_ba_and_zuowei():
    ex = run("县委政法委把乡镇综治中心规范化建设作为推进市域治理的重要抓手。")
    assert "乡镇综治中心规范化建设" in names(ex, "Campaign")


def test_a_drive_with_no_drive_head_after_a_verb_that_pushes_it():
    ex = run("全县深入推进司法所规范化建设，开展电诈重点整治，助力脱贫攻坚，打好污染防治攻坚。")
    assert {"司法所规范化建设", "电诈重点整治", "脱贫攻坚", "污染防治攻坚"} <= names(ex, "Campaign")


def test_a_kind_of_work_a_field_or_a_manner_pushed_is_no_drive():
    ex = run("推进执法规范化建设，加强队伍规范化建设，推进技术攻坚，全力集中攻坚，开展专项重点整治，推进攻坚克难。县里要进一步加强司法所规范化建设。")
    assert not names(ex, "Campaign")


def test_a_kind_of_work_as_the_lever_is_no_drive():
    ex = run("全县以信息化建设为抓手，以基层党组织建设为载体，以加强规范化建设为突破口。")
    assert not names(ex, "Campaign")


def test_a_model_named_by_its_own_words_needs_no_frame():
    ex = run("这个村为筑牢平安底座提供了可供借鉴的“东岭样本”。")
    assert "东岭样本" in names(ex, "Mechanism")


def test_a_model_of_a_kind_or_of_the_whole_country_is_no_name():
    ex = run("这是一个“基层样本”，也是“中国样本”。")
    assert not names(ex, "Mechanism")


def test_an_image_verb_still_makes_its_object_an_image():
    assert not names(run("全县织密基层治理“防控网”。"), "Program")


def test_a_model_credited_to_its_county_is_named_without_a_verb():
    ex = run("在楚雄州，双柏县山区便民调解模式让群众少跑路。")
    assert "山区便民调解模式" in names(ex, "Mechanism")


def test_a_county_and_a_kind_of_work_or_no_place_name_no_model():
    ex = run("在楚雄州，双柏县治理模式得到肯定，全县山区便民调解模式也得到肯定。")
    assert not names(ex, "Mechanism")


def test_actor_is_the_subject_not_a_place_inside_it():
    ex = run("凤凰县公安局坚持“命案必破”的原则。")
    assert ("凤凰县公安局", "命案必破") in relations(ex, "adopts")


def test_no_actor_in_the_sentence_means_the_focal_county():
    ex = run("凤凰县召开大会。\n深入推进三年禁毒行动，破获涉毒案件34起。")
    assert ("凤凰县", "三年禁毒行动") in relations(ex, "conducts")


def test_emphasis_quotes_are_not_entities():
    ex = run("凤凰县公安局勇于“亮剑”，守住“生命线”，打造“新格局”。")
    assert not names(ex, "Mechanism") and not names(ex, "Campaign")


# ---- quoted coinages typed from their context (no head noun after them)

def test_frame_noun_after_a_quote_types_it():
    ex = run("凤桥县持续加大“清霸除痞”力度，乡镇法庭发挥“三所一庭”作用，落实“零接触”要求。")
    assert "清霸除痞" in names(ex, "Campaign")
    assert {"三所一庭", "零接触"} <= names(ex, "Mechanism")


def test_governing_verb_before_a_quote_types_it():
    ex = run("凤桥县对各村干部实行“一岗双责”，重拳打击整治“两霸三乱”，持续开展“清源”。")
    assert "一岗双责" in names(ex, "Mechanism")
    assert {"两霸三乱", "清源"} <= names(ex, "Campaign")


def test_quotes_of_one_list_share_the_type_one_of_them_shows():
    ex = run("派出所用“党员挂牌”、“三心工作法”和“警民夜话”拉近警民距离。")
    assert {"党员挂牌", "三心工作法", "警民夜话"} <= names(ex, "Mechanism")


def test_the_same_words_keep_the_type_they_first_got():
    ex = run("凤桥县推行“一村一法官”。\n“一村一法官”启动以来，各乡镇持续开展“一村一法官”。")
    assert "一村一法官" in names(ex, "Mechanism") and "一村一法官" not in names(ex, "Campaign")


def test_quote_shapes_joined_parts_year_drives_and_titles_worked_for():
    ex = run("凤桥县构建“村长+警长+网格长”三级治理团队，搭建“县—乡—村”三级调处网络，"
             "把今年定为“矛盾纠纷大化解年”，创建“无访社区”。")
    m = entity(ex, "Mechanism", "村长+警长+网格长")
    assert m.components == ["村长", "警长", "网格长"] and m.formula_count == 3
    assert entity(ex, "Mechanism", "县—乡—村").components == ["县", "乡", "村"]
    assert {"矛盾纠纷大化解年", "无访社区"} <= names(ex, "Campaign")


def test_images_counts_contrasts_speech_and_old_ways_are_not_names():
    ex = run("凤桥县织密社会治安“安全罩”，揪出“黑中介”12人，实现从“被动接访”到“主动下访”转变，"
             "改变这种“等案上门”的模式，守住“第一现场”。\n“今年我们一定要把每件小事办好。”")
    assert not names(ex, "Mechanism") and not names(ex, "Campaign") and not names(ex, "Program")


def test_a_quote_inside_speech_is_read():
    ex = run("他说：“这些年走下来，坚持‘枫溪经验’就能把矛盾留在村里解决，这个道理到今天也没有变。”")
    assert "枫溪经验" in names(ex, "Mechanism")


def test_formula_before_the_head_names_the_mechanism_not_the_stage_quote():
    ex = run("凤桥镇完善“信息采集”的四步闭环机制，做到隐患早知道。")
    assert "四步闭环机制" in names(ex, "Mechanism") and "信息采集" not in names(ex, "Mechanism")
    ex = run("凤桥镇构建“入户采集—集中会商—跟踪回访”的三步闭环机制。")
    assert entity(ex, "Mechanism", "三步闭环机制").components == ["入户采集", "集中会商", "跟踪回访"]


def test_quoted_list_before_n_battles_is_a_campaign():
    ex = run("工作专班锁定“积案清零、秩序整治、作风整顿”三场硬仗。")
    assert "三场硬仗" in names(ex, "Campaign")


def test_quoted_app_is_a_program():
    ex = run("群众可通过“平安凤桥”APP反映诉求。")
    assert "平安凤桥" in names(ex, "Program")


# ---- programs: a proper name, not a kind of thing

def test_generic_platforms_and_works_are_not_programs():
    ex = run("凤桥县依托服务中心平台，搭建社会管理平台，把道路养护当作重要惠民工程，"
             "推进便民大桥工程，查处强揽工程施工队的村霸。")
    assert not names(ex, "Program")


def test_proper_platform_and_works_are_programs():
    ex = run("凤桥县建成警务实战指挥平台，加快天网工程、视频监控联网工程升级。")
    assert {"警务实战指挥平台", "天网工程", "视频监控联网工程"} <= names(ex, "Program")


def test_leading_conjunctions_and_prepositions_are_not_part_of_a_name():
    ex = run("虽然天网工程已经建成，根据智慧安防工程规划，还要新增探头。")
    assert {"天网工程", "智慧安防工程"} <= names(ex, "Program")
    assert not any(n.startswith(("虽然", "根据")) for n in names(ex, "Program"))


def test_heads_only_at_word_boundaries():
    ex = run("凤桥县促进调解工作法治化，实施“三联共治、四网合一、五级联动”综合性工程。")
    assert "调解工作法" not in names(ex, "Mechanism")
    assert not names(ex, "Program") and "三联共治、四网合一、五级联动" in names(ex, "Mechanism")


# ---- campaigns without quotes

def test_unquoted_campaigns_after_prepositions_and_coordination():
    ex = run("凤桥县结合干部作风教育整顿和廉政主题教育，按照禁毒攻坚专项行动部署，在全省反诈百日会战期间破获案件。")
    got = names(ex, "Campaign")
    assert {"干部作风教育整顿", "廉政主题教育", "禁毒攻坚专项行动"} <= got
    assert any(n.endswith("反诈百日会战") for n in got)
    assert not any(n.startswith(("结合", "按照", "在")) for n in got)


def test_stock_phrases_are_not_mechanisms():
    ex = run("凤桥县推动市域治理体系和治理能力现代化，注重调解机制创新，理顺体制机制。")
    assert not names(ex, "Mechanism")


# ---- components: every formula whose parts the text enumerates

def test_parts_of_a_quote_described_by_the_quote_before_it():
    ex = run("凤桥乡推行“六户联防、三员包片、两级会商”的“632”治理模式。")
    assert entity(ex, "Mechanism", "632").components == ["六户联防", "三员包片", "两级会商"]


def test_quoted_list_and_its_formula_items():
    ex = run("凤桥县实施“三联共治、四网合一、五级联动”综合性工程。")
    assert entity(ex, "Mechanism", "三联共治、四网合一、五级联动").components == ["三联共治", "四网合一", "五级联动"]
    assert entity(ex, "Mechanism", "四网合一").formula_count == 4


def test_unquoted_count_after_a_list_takes_it_and_is_dropped_without_one():
    ex = run("凤桥派出所建起了警情通报、案件会商、联勤联动三项机制。凤桥县还有两项制度。")
    assert entity(ex, "Mechanism", "三项机制").components == ["警情通报", "案件会商", "联勤联动"]
    assert "两项制度" not in names(ex, "Mechanism")


def test_a_list_ending_in_etc_gives_fewer_parts_and_says_so():
    ex = run("凤桥县细化落实首问负责、限时办结等五项服务制度。")
    m = entity(ex, "Mechanism", "五项服务制度")
    assert m.components == ["首问负责", "限时办结"] and m.formula_count == 5


def test_parts_after_yi_shi_er_shi():
    ex = run("凤桥县法院做到“三个当天”，一是当天立案，二是当天分案，三是当天送达，审判效率明显提升。四是别的。")
    assert entity(ex, "Mechanism", "三个当天").components == ["当天立案", "当天分案", "当天送达"]


def test_parts_as_headings_after_a_count():
    ex = run("凤桥县法院通过建立三项机制，提速审判。\n建立繁案精审机制。抽调骨干。\n"
             "建立类案速裁机制。集中排期。\n建立判后答疑机制。耐心释法。\n其他工作。")
    assert entity(ex, "Mechanism", "三项机制").components == ["繁案精审机制", "类案速裁机制", "判后答疑机制"]


def test_parts_that_share_the_formula_word():
    ex = run("凤桥县推进普法“三度”工作。考核指标包括法律知晓度（“知道多少？”）、宣传覆盖度（“到了没有？”）"
             "和活动参与度等。")
    assert entity(ex, "Mechanism", "三度").components == ["法律知晓度", "宣传覆盖度", "活动参与度"]
    ex = run("凤桥县推行“六访”工作法。做到“节前访”，做到“事后访”，做到“结对访”。")
    m = entity(ex, "Mechanism", "六访")
    assert m.components == ["节前访", "事后访", "结对访"] and m.formula_count == 6


def test_parts_opening_the_sentences_of_a_formula_section():
    ex = run("凤桥乡实施“三强夯基、两建增效、四联聚力”工程。\n三强夯基，筑牢根基。强组织建设，锻造队伍。开展活动。"
             "强村企联建，构建协同机制。强共建共享，绘就蓝图。\n两建增效，织密网络。")
    assert entity(ex, "Mechanism", "三强夯基").components == ["强组织建设", "强村企联建", "强共建共享"]


def test_chain_before_a_mechanism_and_list_inside_its_name():
    ex = run("凤桥县初步形成县调委会-乡镇调委会-村调解小组的农村人民调解体系。凤桥县建立邻里纠纷预防、排查、调处机制。")
    assert entity(ex, "Mechanism", "人民调解体系").components == ["县调委会", "乡镇调委会", "村调解小组"]
    assert entity(ex, "Mechanism", "邻里纠纷预防、排查、调处机制").components == ["预防", "排查", "调处"]


# ---- unquoted names: where they start and what they are not

def test_unquoted_names_before_their_completing_verb_and_after_a_modifier():
    ex = run("2019年，全县乡镇邻里纠纷调处联动机制全面建立。凤桥县积极打造人人参与的社区治理新格局，"
             "形成以网格管理为基础的联合调处机制。")
    got = names(ex, "Mechanism")
    assert any(n.endswith("邻里纠纷调处联动机制") for n in got)
    assert "社区治理新格局" in got and "联合调处机制" in got
    assert "人人参与的社区治理新格局" in entity(ex, "Mechanism", "社区治理新格局").aliases


def test_parallel_coinage_names_a_mechanism_wherever_it_stands():
    ex = run("凤桥县边界乡镇协作紧密，联防联控联创制度体系覆盖全部边界村。")
    assert any(n.startswith("联防联控联创") for n in names(ex, "Mechanism"))


def test_verbs_adjectives_and_headings_are_not_names():
    ex = run("公安局保持严打整治行动的高压态势，执行涉案人员特殊制度和程序。\n建强网格体系，打通末梢。")
    assert not names(ex, "Campaign") and not names(ex, "Mechanism")


def test_optimise_and_draw_up_govern_mechanisms():
    ex = run("凤桥县法院优化行政案件快审快结机制，与司法局共同制定诉调衔接工作规则制度。")
    got = names(ex, "Mechanism")
    assert any(n.endswith("快审快结机制") for n in got) and "诉调衔接工作规则制度" in got


def test_a_verb_before_works_governs_them():
    ex = run("严厉打击阻挠重点工程施工的违法行为。")
    assert not names(ex, "Program")


def test_year_long_drive_before_its_activity_head():
    ex = run("今年，凤桥县在全县信访积案清理攻坚年活动中推进平安建设。")
    assert any(n.endswith("信访积案清理攻坚年活动") for n in names(ex, "Campaign"))


def test_the_body_leading_the_report_adopts_what_its_sections_name():
    ex = run("本报讯\n凤凰县人民检察院以守护青少年为重点，通过建立两项机制，织密保护网络。\n"
             "建立繁案精审机制。抽调骨干。\n建立类案速裁机制。集中排期。")
    assert ("凤凰县人民检察院", "繁案精审机制") in relations(ex, "adopts")


def test_a_county_party_committee_leading_the_report_leaves_the_county_as_actor():
    ex = run("本报讯\n凤凰县委召开常委会议，研究安排平安工作。\n建立邻里纠纷排查化解机制。")
    assert ("凤凰县", "邻里纠纷排查化解机制") in relations(ex, "adopts")


def test_drives_named_by_the_title_they_create():
    ex = run("在凤桥州，平安医院创建扎实推进，文明城市示范创建取得实效。")
    assert {"平安医院创建", "文明城市示范创建"} <= names(ex, "Campaign")


def test_quotes_inside_a_document_title_name_things_too():
    ex = run("县禁毒办出台《2021年全县“戒毒人员帮扶年”工作方案》，下发《关于全面推行“诉警联调”机制的意见》。")
    assert "戒毒人员帮扶年" in names(ex, "Campaign") and "诉警联调" in names(ex, "Mechanism")
    assert len(names(ex, "Document")) == 2


def test_newspapers_journals_and_programmes_in_title_marks_are_no_documents():
    ex = run("凤凰县司法局局长向《湘西都市日报》记者介绍，凤凰县的做法被《法治周刊》《平安湘西》等媒体刊发。")
    assert not names(ex, "Document")
    # circulars, bulletins and communiqués are papers, though their names end in 报
    ex = run("凤凰县委政法委印发《关于平安建设工作情况的通报》，编发《平安凤凰简报》。")
    assert names(ex, "Document") == {"关于平安建设工作情况的通报", "平安凤凰简报"}


def test_mechanism_named_by_the_list_of_what_it_does():
    ex = run("派出所着力构建快速接处警情、全域覆盖巡防、就近调解纠纷勤务运行机制。")
    m = entity(ex, "Mechanism", "快速接处警情、全域覆盖巡防、就近调解纠纷勤务运行机制")
    assert m.components == ["快速接处警情", "全域覆盖巡防", "就近调解纠纷"]


def test_a_drive_keeps_the_verb_it_is_named_with():
    ex = run("凤凰县公安局开展学习“凤城卫士”精神活动。")
    assert "学习凤城卫士精神活动" in entity(ex, "Campaign", "凤城卫士").aliases


def test_a_counted_kind_is_no_program_and_system_heads_end_at_words():
    ex = run("凤桥县建成警务工作平台3个，推行平安积分制度。")
    assert not names(ex, "Program")
    assert "平安积分制度" in names(ex, "Mechanism")


def test_a_body_named_after_the_thing_is_no_actor_of_it():
    ex = run("本报讯\n凤凰县人民检察院以守护青少年为重点开展工作。\n建立协同关爱机制，牵头凤凰县民政局等单位组建联盟。")
    assert ("凤凰县人民检察院", "协同关爱机制") in relations(ex, "adopts")
    assert ("凤凰县民政局", "协同关爱机制") not in relations(ex, "adopts")


def test_a_body_named_in_a_post_title_is_no_actor():
    ex = run("凤凰县召开表彰大会。\n会上，湘西州人大副主任、凤凰县委书记李某介绍了“凤凰经验”。")
    adopters = {a for a, m in relations(ex, "adopts") if m == "凤凰经验"}
    assert adopters == {"凤凰县"}


def test_a_formula_spelled_out_later_in_its_paragraph_is_one_mechanism():
    ex = run("凤桥县推进“三方共治”。依托便民驿站，形成“网格共治+物业协治+村民自治”社区治理格局。")
    m = entity(ex, "Mechanism", "三方共治")
    assert m.components == ["网格共治", "物业协治", "村民自治"]
    assert "网格共治+物业协治+村民自治" not in names(ex, "Mechanism")


def test_the_same_quoted_words_keep_their_type_before_a_weak_head():
    ex = run("凤桥县建立“警民联调”机制。两部门升级“警民联调”平台，整合资源。")
    assert "警民联调" in names(ex, "Mechanism") and not names(ex, "Program")


def test_kinds_quoted_before_a_mechanism_in_its_sentence_are_its_parts():
    ex = run("凤桥县构建“两级片区”架构。划定红色“严管片区”20个，黄色“留意片区”40个，绿色“常规片区”90个，"
             "形成“蓝橙绿”三色片区管理模式。")
    assert entity(ex, "Mechanism", "蓝橙绿").components == ["严管片区", "留意片区", "常规片区"]


def test_a_drive_for_a_wu_title():
    ex = run("凤桥县法院推进无访村（社区）建设。")
    assert "无访村（社区）建设" in names(ex, "Campaign")


def test_a_quote_ending_in_a_quoted_only_head_keeps_the_head_after_it():
    # 网格 types a bare quote (“楼栋长”微网格), not one a drive's head follows
    ex = run("临江县司法局开展“律师进网格”活动，推行“暖心网格”。")
    assert "律师进网格" in names(ex, "Campaign") and "律师进网格" not in names(ex, "Mechanism")
    assert "暖心网格" in names(ex, "Mechanism")


def test_quoted_endings_of_a_local_brand_name_it_after_a_verb_of_making():
    ex = run("临江县打造“十分钟解纷圈”，推出“平安密码”，建成“临江样板”。")
    assert {"十分钟解纷圈", "平安密码", "临江样板"} <= names(ex, "Mechanism")


def test_a_way_of_working_joined_by_xianjie_or_duijie_is_one_mechanism():
    ex = run("攸县司法局建立“警调衔接”机制。次年，攸县司法局联合县公安局推行“警调对接”工作机制。")
    mechanisms = [e for e in ex.entities.values() if e.type == "Mechanism"]
    assert len(mechanisms) == 1 and {"警调衔接", "警调对接"} <= mechanisms[0].aliases | {mechanisms[0].name}


def test_this_county_named_as_a_whole_conducts_what_its_sentence_names():
    ex = run("攸县召开会议。\n最近，攸县公安局破获一起贩毒案件。这是该县深入开展“禁毒人民战争”的成果。")
    assert ("攸县", "禁毒人民战争") in relations(ex, "conducts")


def test_a_headline_quote_typed_by_its_shape_takes_the_type_the_body_gives_it():
    ex = run("凤凰法院：“巡回审判+法治宣讲”进村寨\n本报讯 今年以来，凤凰县人民法院开展“巡回审判+法治宣讲”活动，"
             "全院法官下沉网格，开展活动46场。")
    assert "巡回审判+法治宣讲" in names(ex, "Campaign") and "巡回审判+法治宣讲" not in names(ex, "Mechanism")


def test_scanning_before_an_anchor_finds_what_finditer_finds():
    import random

    from graph.extract.doc import finditer_near
    from graph.extract.named import _CREATE, _TITLE_DRIVE

    texts = ["全县推进平安医院创建，开展文明城市示范创建活动，做好无讼村居创建和平安校园创建工作。",
             "创建创建平安创建", "示范创建示范创建示范创建", "", "平安"]
    rnd = random.Random(3)
    texts += ["".join(rnd.choice("平安法治文明无讼毒医院示范创建活动，。") for _ in range(rnd.randrange(40)))
              for _ in range(3000)]
    for text in texts:
        want = [(m.span(), m.groups()) for m in _TITLE_DRIVE.finditer(text)]
        assert [(m.span(), m.groups()) for m in finditer_near(_TITLE_DRIVE, text, _CREATE, 3, 10)] == want


def test_a_head_is_read_at_either_end_of_a_name_the_longest_first():
    from graph.extract.named import ending_type, head_type

    assert head_type("工作机制建设") == ("工作机制", "Mechanism")
    assert head_type("机制") == ("机制", "Mechanism") and head_type("创新") is None
    assert ending_type("矛盾纠纷调处工作机制") == ("工作机制", "Mechanism")
    assert ending_type("工作机制") == ("机制", "Mechanism")  # 工作 alone is no core: the shorter head
    assert ending_type("机制") is None and ending_type("新机制") == ("制", "Mechanism")  # 新: no core


def test_place_drives_found_as_the_pattern_of_the_place_names_finds_them():
    import re

    from graph.extract.named import _place_drive_spans

    names = {"平江县", "平江", "岳阳市", "岳阳"}
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(f"(平安|法治)({alt})(建设)?")
    for text in ["全力推进平安平江建设，法治岳阳市建设和平安岳阳稳步推进", "平安平安平江县建设建设法治法治平江",
                 "平安", "法治岳", "", "建设平安岳阳市法治平江平安平江县"]:
        want = [(m.start(), m.end(), m.group(1) + m.group(2)) for m in pattern.finditer(text)]
        assert list(_place_drive_spans(text, names)) == want


# ---- programs: the channels and service points a body opens, named by a quoted brand

def test_a_quoted_brand_before_a_service_point_is_a_program():
    ex = run("凤桥县检察院开办“知法明理”法治夜校，在各村设立“红枫”法律服务驿站。")
    assert {"知法明理", "红枫"} <= names(ex, "Program")
    assert "“知法明理”法治夜校" in entity(ex, "Program", "知法明理").aliases
    ex = run("凤凰县检察院建成“知法明理”法治夜校。")
    assert ("凤凰县人民检察院", "知法明理") in relations(ex, "implements")


def test_a_quotation_ending_in_a_channel_is_a_program_with_no_frame():
    ex = run("凤桥县的“凤桥法律知识搜索引擎”方便了群众。县公安局上线“凤桥警民”热线。")
    assert {"凤桥法律知识搜索引擎", "凤桥警民"} <= names(ex, "Program")


def test_a_quotation_ending_in_a_service_point_needs_a_verb_that_opens_it():
    ex = run("凤桥镇打造“阳光书屋”，丰富群众生活。")
    assert "阳光书屋" in names(ex, "Program")
    # with no verb nor frame, a listed “X驿站” is a body's name and types none of its neighbours
    ex = run("凤桥镇既有“暖心驿站”“红枫茶馆”，也有调解能手。")
    assert not names(ex, "Program")


def test_a_number_or_a_kind_before_a_channel_or_point_is_no_brand():
    ex = run("群众可拨打“12345”热线反映问题，也可走进“平安”课堂和“空中”课堂学法。")
    assert not names(ex, "Program")


def test_unquoted_channels_and_service_points_are_everyday_words():
    ex = run("凤桥镇群众可到便民服务站办事，也可拨打服务热线或使用手机小程序。")
    assert not names(ex, "Program")


def test_a_head_after_an_image_verb_names_no_quote():
    ex = run("凤桥镇以“网格+警格+法格”织密平安网，守护一方安宁。")
    assert not names(ex, "Program")


def test_a_quotation_that_dates_the_clause_names_nothing_and_leaves_the_head_to_its_own_name():
    # “十四五”期间 is a span of time: the 工程 later in the clause is 雪亮工程's, not the quote's
    ex = run("凤凰县公安局在“十四五”期间全力推进雪亮工程建设。")
    assert names(ex, "Program") == {"雪亮工程"}
    ex = run("凤凰县在“十三五”时期建成天网工程。")
    assert names(ex, "Program") == {"天网工程"}


def test_a_works_name_that_jieba_keeps_whole_is_no_program():
    # 秦岭隧道 is one word to jieba; its ending 隧道 still makes the 工程 a construction job
    ex = run("施工单位的掘进机在秦岭隧道工程中大显身手。")
    assert not names(ex, "Program")


def test_a_five_year_plan_period_is_a_date_its_plan_a_document_its_legal_education_a_campaign():
    ex = run("凤凰县在“十四五”期间推进平安建设，“十三五”以来破案率逐年上升。")
    assert not names(ex, "Program") | names(ex, "Campaign") | names(ex, "Mechanism") | names(ex, "Document")
    ex = run("凤凰县认真落实“十四五”规划纲要，深入开展“八五”普法。")
    assert names(ex, "Document") == {"十四五规划纲要"}
    assert names(ex, "Campaign") == {"八五普法"}


def test_a_formula_whose_routine_is_spelled_out_is_a_way_of_working_even_when_carried_out():
    ex = run("白沙县公安局要求社区民警每周开展“两查一访”，即早查、晚查和一次上门走访。")
    assert "两查一访" in names(ex, "Mechanism") and "两查一访" not in names(ex, "Campaign")
    assert entity(ex, "Mechanism", "两查一访").components == ["早查", "晚查", "一次上门走访"]
    # a formula carried out with nothing spelled out stays a drive
    assert "三打一整治" in names(run("白沙县集中开展“三打一整治”，严打盗抢。"), "Campaign")


def test_a_body_and_its_verb_opening_a_clause_are_not_part_of_the_name():
    ex = run("近年来，白沙县委政法委聚焦基层治理体系建设，在全县推行网格员机制。")
    assert not any("政法委" in n for n in names(ex, "Mechanism"))
    ex = run("近年来，县法院围绕电信诈骗综合治理体系建设，持续发力。")
    assert "电信诈骗综合治理体系" in names(ex, "Mechanism")


def test_a_level_word_opening_a_name_is_no_part_of_its_core():
    # 县级…规范化建设 and …规范化建设 are one drive: one entity, the level an alias's word
    ex = run("凤凰县扎实推进县级综治中心规范化建设。今年，凤凰县持续推进综治中心规范化建设。")
    assert [k for k in ex.entities if k[0] == "Campaign"] == [("Campaign", "综治中心规范化建设")]


def test_a_way_of_working_named_by_the_phrase_describing_it_before_de():
    # a 、-list joined by 的 to its head names the mechanism, the list its parts
    ex = run("东安县逐步形成群众点单、网格派单、部门接单的闭环运行机制，办事提速三成。")
    m = entity(ex, "Mechanism", "群众点单、网格派单、部门接单的闭环运行机制")
    assert m.components == ["群众点单", "网格派单", "部门接单"]
    assert ("东安县", m.name) in relations(ex, "adopts")
    # the words the last item adds that the others lack are no part of it; 以X为Y的 is an alias
    ex = run("该县建立以便民服务站为依托的登记、分办、督办相结合的工作制度。")
    m = entity(ex, "Mechanism", "登记、分办、督办相结合的工作制度")
    assert m.components == ["登记", "分办", "督办"]
    assert "以便民服务站为依托的登记、分办、督办相结合的工作制度" in m.aliases
    # a pair joined into one, a work done by the levels it counts
    ex = run("县税务局构建了征收和稽查欠税相结合的工作体系。岷县推行市镇两级干部包片联企的工作制度。")
    assert {"征收和稽查欠税相结合的工作体系", "市镇两级干部包片联企的工作制度"} <= names(ex, "Mechanism")
    # two verbs in a row open it: the second is no part of the name
    ex = run("县信访局健全完善警情、诉情、访情同步研判的协作机制。")
    assert "警情、诉情、访情同步研判的协作机制" in names(ex, "Mechanism")


def test_an_adjective_before_de_or_a_head_not_of_a_way_of_working_names_nothing():
    ex = run("该县建立科学合理的工作机制，形成部门牵头、村组配合、群众参与的工作格局。")
    assert not names(ex, "Mechanism")
    # a list of qualities says how good it is, not what it does
    ex = run("该县建立了权责明确、运转高效的工作机制，形成了横向到边、纵向到底的工作体系。")
    assert not names(ex, "Mechanism")
    ex = run("该市建立适应市场经济的运行机制。")
    assert not names(ex, "Mechanism")


def test_a_drive_launched_on_one_field_with_no_drive_head():
    ex = run("武冈市公安局部署开展农贸市场周边交通秩序整治，劝导违停车辆300台。")
    assert "农贸市场周边交通秩序整治" in names(ex, "Campaign")
    ex = run("各街道开展燃气隐患大排查，区委政法委启动网格服务考评。区里启动集镇卫生大整治。")
    assert {"燃气隐患大排查", "网格服务考评", "集镇卫生大整治"} <= names(ex, "Campaign")


def test_a_clean_up_only_pushed_required_or_made_one_way_is_no_drive():
    ex = run("该县加强河道沿线环境整治。县里要开展河道沿线环境整治。县公安局开展联合整治，查处违法车辆。")
    assert not names(ex, "Campaign")
    assert not names(run("该镇开展环境整治工作，县里开展年度考评。"), "Campaign")
    # the field of a named drive after it is no drive of its own
    assert names(run("县里开展道路交通安全整治“春风”专项行动。"), "Campaign") == {"春风"}


def test_a_service_point_a_body_opens_is_a_program_not_a_body():
    ex = run("醴陵市阳三石街道设立“红色驿站”，为群众提供服务。")
    assert "红色驿站" in names(ex, "Program") and not names(ex, "Agency")
    assert ("阳三石街道", "红色驿站") in relations(ex, "implements")
    assert "邻里服务站" in names(run("该镇开通“邻里服务站”，群众足不出户办事。"), "Program")
    # with no verb opening it, the quote is a kind of point, no name
    assert not names(run("该村有个“红色驿站”。"), "Program")
    # a quoted list of formulas keeps its type whatever its items end on (…两制 is no point)
    ex = run("县政府坚定不移地执行“一国两制”、“港人治港”、高度自治的基本方针。")
    assert {"一国两制", "港人治港"} <= names(ex, "Mechanism")


def test_a_centre_of_a_quoted_style_of_service_is_a_program():
    ex = run("醴陵市公安局建成“一站式”户政服务中心，办证时间缩短一半。")
    p = entity(ex, "Program", "一站式户政服务中心")
    assert "“一站式”户政服务中心" in p.aliases
    assert ("醴陵市公安局", "一站式户政服务中心") in relations(ex, "implements")
    # a body the agency rules read stays a body; the style alone is a way of working
    ex = run("醴陵市建成“一站式”矛盾纠纷调处化解中心。")
    assert not names(ex, "Program") and "醴陵市矛盾纠纷调处化解中心" in names(ex, "Agency")
    assert not names(run("县里建成“一站式”中心。"), "Program")
    assert not names(run("全县建成“一站式”服务中心12个。"), "Program")  # a count of a kind of centre
    # a centre that settles disputes is a body even where no body's reader claims it
    assert not names(run("河口镇建立“一站式”矛盾纠纷调处中心，全年调处纠纷300起。"), "Program")


def test_a_slogan_of_what_people_do_built_by_a_body_is_a_way_of_working():
    ex = run("南漳县着力打造“一次不用跑”，审批时限压缩一半。")
    assert "一次不用跑" in names(ex, "Mechanism")
    assert ("南漳县", "一次不用跑") in relations(ex, "adopts")
    assert "掌上办" in names(run("县政务中心打造“掌上办”，群众足不出户。"), "Mechanism")
    # a thing built, an image or a rank is no way of working
    ex = run("该县着力打造“家门口的法庭”，打造“平安建设升级版”，打造“全国一流”。")
    assert not names(ex, "Mechanism")


def test_a_head_closing_two_joined_names_names_neither_half():
    ex = run("县检察院坚持以检调对接和涉法涉诉信访调处体系为依托，推进案结事了。")
    assert "涉法涉诉信访调处体系" not in names(ex, "Mechanism")
    # two verbs joined by 和 still open the name after them
    assert "重点人员分级管控机制" in names(run("县里建立和完善重点人员分级管控机制。"), "Mechanism")


def test_two_verbs_joined_by_he_sharing_one_object_name_a_way_of_working():
    ex = run("县公安局建立打击和防范养老诈骗工作机制。县里建立排查和处置校园欺凌联动机制。")
    assert {"打击和防范养老诈骗工作机制", "排查和处置校园欺凌联动机制"} <= names(ex, "Mechanism")
    # a county opening it says where it works: an alias
    ex = run("县总工会构建衡东县排查和调处劳资纠纷综合治理体系。")
    assert "衡东县排查和调处劳资纠纷综合治理体系" in entity(ex, "Mechanism", "排查和调处劳资纠纷综合治理体系").aliases
    # two nouns joined share no object
    assert not names(run("该县建立了市场和质量监管工作机制，形成了政府和社会资本合作模式。"), "Mechanism")


def test_two_officials_joined_by_he_open_the_full_name_of_what_they_do():
    ex = run("该县实行乡镇干部和村支部书记包片走访制度。")
    m = entity(ex, "Mechanism", "包片走访制度")
    assert "乡镇干部和村支部书记包片走访制度" in m.aliases
    assert not names(run("县里实行领导和群众见面制度。"), "Mechanism")


def test_a_head_followed_by_a_locative_is_the_field_something_is_found_in():
    ex = run("县司法局统筹用好法援体系中值班律师、鉴定人员等力量。")
    assert not names(ex, "Mechanism")
    assert not names(run("县里完善社会治安防控体系中的视频监控网。"), "Mechanism")
    # a word opening on 中 (中期, 中心) is no locative
    assert "社会治安防控体系" in names(run("该县，社会治安防控体系中期工程今年竣工。"), "Mechanism")


def test_a_struggle_pushed_by_a_verb_is_a_drive_named_without_its_manner():
    ex = run("县里推进常态化禁毒斗争，县纪委深入开展反腐败斗争。")
    assert {"禁毒斗争", "反腐败斗争"} <= names(ex, "Campaign")
    assert "常态化禁毒斗争" in entity(ex, "Campaign", "禁毒斗争").aliases
    # a struggle with no verb launching it is an everyday word
    assert not names(run("民警与犯罪分子展开斗争，要敢于同违法犯罪行为作斗争。"), "Campaign")
    # a quoted theme or a quoted word before 的斗争 is no drive
    ex = run("宣传主题是“与文物的非法贩运行为进行斗争”。会议坚持反分裂、反“台独”的斗争。")
    assert not names(ex, "Campaign")


def test_a_field_pushed_before_a_quoted_drive_is_no_drive_of_its_own():
    assert names(run("县法院开展执行攻坚“百日会战”。"), "Campaign") == {"百日会战"}


def test_how_long_a_drive_lasts_keeps_it_the_object_of_its_verb():
    ex = run("县里开展了为期一个月的反诈宣讲活动，开展为期两个月的打击非法集资专项行动。")
    assert {"反诈宣讲活动", "打击非法集资专项行动"} <= names(ex, "Campaign")
    assert not names(run("县里开展为期半年的排查活动。"), "Campaign")  # a kind of work, however long


def test_a_document_by_its_number_without_the_words_that_lead_to_it():
    ex = run("根据某府办〔2023〕12号文件精神，某某县公安局开展整治。")
    assert "某府办〔2023〕12号文件" in names(ex, "Document")
    ex = run("某某县水务局对该公司作出某水罚〔2021〕3号行政处罚决定书。")
    assert names(ex, "Document") == {"某水罚〔2021〕3号行政处罚决定书"}
    assert not names(run("某某县公安局2023年共受理案件120起。"), "Document")


def test_drives_listed_after_one_with_the_same_verb():
    ex = run("汝城县召开会议。全县扎实开展禁毒人民战争、电信网络诈骗犯罪打击治理和安全生产大排查大整治。")
    assert {"禁毒人民战争", "电信网络诈骗犯罪打击治理", "安全生产大排查大整治"} <= names(ex, "Campaign")
    ex = run("汝城县召开会议。县公安局开展治安大清查、校园周边大巡查。")
    assert {"治安大清查", "校园周边大巡查"} <= names(ex, "Campaign")
    # a mere activity listed after a drive is no drive of its own
    ex = run("汝城县召开会议。全县开展禁毒人民战争、严厉打击毒品犯罪活动。")
    assert names(ex, "Campaign") == {"禁毒人民战争"}


def test_a_clause_of_someone_speaking_is_no_modifier_between_a_quote_and_a_head():
    # 经验 heads “X”经验, but not across 热水派出所所长陈刚介绍: the quote is the station's title
    ex = run("汝城县召开会议。全国“星级公安派出所”热水派出所所长陈刚介绍经验。")
    assert not names(ex, "Mechanism") and names(ex, "Honor") == {"星级公安派出所"}
    assert "三联三调" in names(run("汝城县召开会议。县委政法委推广“三联三调”工作经验。"), "Mechanism")


def test_a_project_something_is_ranked_as_is_a_figure_of_speech():
    ex = run("石阡县委、县政府把平安建设列为“一把手”工程，全面推进“天网工程”建设。")
    assert names(ex, "Program") == {"天网工程"}


def test_a_deeds_name_inside_a_drives_name_does_not_end_it():
    ex = run("石阡县公安局开展打击治理跨境赌博犯罪专项行动。")
    assert "打击治理跨境赌博犯罪专项行动" in names(ex, "Campaign")
    ex = run("石阡县开展道路交通安全集中整治百日行动。")
    assert "道路交通安全集中整治百日行动" in names(ex, "Campaign")


def test_named_rules_of_working_ending_in_zhi():
    ex = run("石阡县司法局实行首问负责制和限时办结制。")
    assert {"首问负责制", "限时办结制"} <= names(ex, "Mechanism")


def test_a_places_experience_unquoted_is_a_mechanism():
    ex = run("石阡县坚持和发展新时代浦江经验，推动矛盾纠纷就地化解。")
    assert "浦江经验" in names(ex, "Mechanism")
    assert "新时代浦江经验" in entity(ex, "Mechanism", "浦江经验").aliases
    assert not names(run("石阡县学习外地先进经验，交流基层工作经验。"), "Mechanism")


def test_a_push_that_says_how_long_it_lasts_is_a_drive():
    assert "禁毒三年攻坚" in names(run("石阡县全面实施禁毒三年攻坚。"), "Campaign")
    assert "禁毒春季攻坚" in names(run("石阡县开展禁毒春季攻坚。"), "Campaign")
    assert not names(run("石阡县开展科技攻坚。"), "Campaign")


def test_two_abbreviations_and_their_joining_after_an_adopting_verb_name_a_way_of_working():
    ex = run("石阡县推行三治融合，探索诉警联动和访调对接。")
    assert {"三治融合", "诉警联动", "访调对接"} <= names(ex, "Mechanism")
    assert not names(run("石阡县推进部门联动，深化社会融合。"), "Mechanism")


def test_a_run_of_wins_is_no_way_of_working():
    assert not names(run("石阡县实现平安建设“六连创”。"), "Mechanism")
