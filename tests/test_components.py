"""The parts a report lists for a number formula, in the many ways reports list them."""
from __future__ import annotations

from helpers import entity, run


def parts(text: str, name: str) -> list[str]:
    return entity(run(text), "Mechanism", name).components


def test_a_count_read_off_the_name_and_parts_after_bao_kuo():
    assert parts("凤凰县司法局推行“五步说和法”，包括登门听事、摆明事理、比对先例、当面调处、事后回访五个步骤，成效明显。",
                 "五步说和法") == ["登门听事", "摆明事理", "比对先例", "当面调处", "事后回访"]


def test_parts_after_ji_stop_at_the_comma_that_ends_the_list():
    assert parts("凤凰县人民法院探索“两心工作法”，即用真心听群众、用诚心解心结，推动案结事了。",
                 "两心工作法") == ["用真心听群众", "用诚心解心结"]


def test_a_counted_subject_then_fen_bie_wei():
    assert parts("凤凰县禾丰镇总结出“三看”工作法，三个步骤分别为看现场、看台账、看民意，全镇推广。",
                 "三看") == ["看现场", "看台账", "看民意"]


def test_a_colon_after_the_formulas_words_then_circled_numbers():
    assert parts("凤凰县委政法委形成“三共”治理模式：①党群共商；②难题共解；③平安共建。",
                 "三共") == ["党群共商", "难题共解", "平安共建"]


def test_sequence_words_after_a_colon():
    assert parts("两部门建立“三段会商”机制：首先由派出所收集线索，其次由司法所研判风险，最后由镇政府统筹处置。",
                 "三段会商") == ["派出所收集线索", "司法所研判风险", "镇政府统筹处置"]


def test_a_disposal_list_in_the_next_clause_ends_before_its_verb():
    assert parts("凤凰县公安局推行“三室合一”改革，将值班室、接警室、调解室合并为综合服务大厅。",
                 "三室合一") == ["值班室", "接警室", "调解室"]
    assert parts("凤凰县委政法委推行“三员入格”机制，即把护林员、保洁员、快递员编入网格，共同排查隐患。",
                 "三员入格") == ["护林员", "保洁员", "快递员"]


def test_parts_joined_in_an_earlier_clause_of_the_sentence():
    assert parts("凤凰县司法局把律师调解、行业调解、商会调解有机衔接起来，推行“三调协同”工作机制。",
                 "三调协同") == ["律师调解", "行业调解", "商会调解"]


def test_quoted_parts_after_bao_kuo_and_a_pair_joined_by_he():
    assert parts("凤凰县法律援助中心推出“三上门”服务，包括“调解上门”“援助上门”“普法上门”，深受欢迎。",
                 "三上门") == ["调解上门", "援助上门", "普法上门"]
    assert parts("凤凰县公安局推出“两本台账”管理机制，分别是重点人员台账和矛盾隐患台账，每周更新。",
                 "两本台账") == ["重点人员台账", "矛盾隐患台账"]


def test_a_pair_written_right_before_a_formula_of_two():
    assert parts("凤凰县以村级网格与警务网格“双格联动”为抓手，织密防控网。",
                 "双格联动") == ["村级网格", "警务网格"]


def test_parts_named_by_grade_or_by_colour():
    assert parts("凤凰县公安局推行“三级响应”机制：一级响应，所长带队处置；二级响应，社区民警上门；三级响应，网格员电话回访。",
                 "三级响应") == ["一级响应", "二级响应", "三级响应"]
    assert parts("凤凰县司法局推行“红黄绿”三色研判机制：对重大纠纷作出红色研判，对一般纠纷作出黄色研判，对轻微纠纷作出绿色研判。",
                 "红黄绿") == ["红色研判", "黄色研判", "绿色研判"]


def test_equal_counts_of_a_pair_formula_take_that_many_parts():
    assert parts("凤凰县推行“三问三解”工作法，即问民需解民忧、问民意解民怨、问民计解民困。",
                 "三问三解") == ["问民需解民忧", "问民意解民怨", "问民计解民困"]


def test_a_count_off_the_name_needs_a_list_that_matches_it():
    # four items for a name that opens with three: no parts at all, and no count claimed
    m = entity(run("凤凰县推行“三访工作法”，包括走访、回访、约访、暗访，推动化解。"), "Mechanism", "三访工作法")
    assert m.components == [] and m.formula_count is None
    # a name that does not open with a count takes no list after it
    assert parts("凤凰县推行“民情夜访”制度，包括走访、回访、约访，推动化解。", "民情夜访") == []


def test_a_headline_space_is_a_break_no_head_noun_is_read_across():
    ex = run("凤凰县深化“警民同心” 织密平安防控网\n凤凰县公安局以“警民同心”为抓手，推进基层治理。")
    assert entity(ex, "Mechanism", "警民同心")
    assert not any(e.type == "Program" for e in ex.entities.values())


def test_a_quotation_cut_by_a_pdf_line_break_is_read_whole():
    text = ("凤凰县公安局近年来深入推进基层基础工作，全县各派出所全部建成标准化调解室，青石镇派出所推行“早\n"
            "排查、早调处、早回访”三早工作机制，今年以来调处纠纷120起。")
    m = entity(run(text), "Mechanism", "早排查、早调处、早回访")
    assert m.components == ["早排查", "早调处", "早回访"]


def test_parts_numbered_di_yi_or_bracketed_in_the_sentences_and_paragraphs_after_a_formula():
    assert parts("凤凰县公安局推行“三个到位”工作法。第一，警力到位，民警常驻村组。第二，服务到位，办事不出村。"
                 "第三，宣传到位，防诈知识进万家。", "三个到位") == ["警力到位", "服务到位", "宣传到位"]
    text = ("凤凰县司法局今年以来建立健全三项机制，推动矛盾纠纷就地化解，取得明显成效。\n（一）矛盾排查机制。每月组织一次全面排查。\n"
            "（二）联合调处机制。重大纠纷由多部门联合调处。\n（三）回访巩固机制。调处后及时回访当事人。")
    assert parts(text, "三项机制") == ["矛盾排查机制", "联合调处机制", "回访巩固机制"]
    # 第一时间 numbers nothing
    assert parts("凤凰县公安局推行“两个快速”机制，民警第一时间到场，第二天回访。", "两个快速") == []


def test_parts_after_a_short_setting_and_yi_wei():
    assert parts("凤凰县推行“四联”机制，即在乡镇层面，以综治联动、治安联防、矛盾联调、平安联创为支撑，推进权责统一。",
                 "四联") == ["综治联动", "治安联防", "矛盾联调", "平安联创"]


def test_a_listed_part_loses_the_number_it_opens_on():
    assert parts("凤凰县推行“三联”机制：一是联防，组织村民巡逻；二是联调，化解矛盾纠纷；三是联治，共同整治隐患。",
                 "三联") == ["联防", "联调", "联治"]
    assert parts("凤凰县推行“五步工作法”：①摸排；②研判；③化解；④回访；⑤总结。",
                 "五步工作法") == ["摸排", "研判", "化解", "回访", "总结"]


def test_parts_opening_on_the_formula_s_counted_word():
    assert parts("凤凰县司法局推行“三进”普法，让法律进农家、进田间、进集市。", "三进") == ["进农家", "进田间", "进集市"]
    assert parts("廖家桥镇推行“四老调解”，邀请老干部、老党员、老教师、老军人参与调解。",
                 "四老调解") == ["老干部", "老党员", "老教师", "老军人"]
    # as many as the formula counts, or none
    assert parts("廖家桥镇推行“四老调解”，邀请老干部、老党员参与调解。", "四老调解") == []


def test_parts_ending_in_the_formula_s_word_listed_in_its_own_sentence():
    # “三治融合”: three parts ending in 治, cut out of the clause around them
    ex = run("凤凰县坚持“三治融合”，推动自治、法治、德治有机结合。")
    assert entity(ex, "Mechanism", "三治融合").components == ["自治", "法治", "德治"]
    # …or before it in its sentence
    ex = run("凤凰县坚持自治、法治、德治相结合，推行“三治融合”。")
    assert entity(ex, "Mechanism", "三治融合").components == ["自治", "法治", "德治"]
    # two parts for three: none
    ex = run("凤凰县推进“三治融合”，开展法治宣传、德治教育。")
    assert entity(ex, "Mechanism", "三治融合").components == []


def test_groups_of_a_formula_run_on_over_a_comma():
    # two groups of two, written as two 、-lists: four parts, as the formula counts
    assert parts("白沙县司法局推行“两进两出”工作法：律师进村、法官进社，纠纷出村、矛盾出镇。",
                 "两进两出") == ["律师进村", "法官进社", "纠纷出村", "矛盾出镇"]


def test_a_clause_after_the_list_is_no_part():
    assert parts("白沙县推行“三联”机制：联防、联控、联调，群众满意、干部放心。", "三联") == ["联防", "联控", "联调"]


def test_each_village_opening_the_first_part_belongs_to_the_sentence():
    assert parts("河口镇建立了“三个一”工作机制：每个社区一名网格长、一支巡逻队伍、一本民情台账。",
                 "三个一") == ["一名网格长", "一支巡逻队伍", "一本民情台账"]


def test_ones_written_as_clauses_are_the_parts_of_a_formula_of_ones():
    assert parts("武冈市推行“三个一”工作法：一个专班收集诉求，一本台账记录进度，一套机制跟踪督办。",
                 "三个一") == ["一个专班收集诉求", "一本台账记录进度", "一套机制跟踪督办"]
    # two clauses for three ones: none
    assert parts("武冈市推行“三个一”工作法：一个专班收集诉求，一本台账记录进度。", "三个一") == []


def test_a_bare_count_of_platforms_is_kept_with_the_parts_listed_after_it():
    assert parts("各街道建立三个平台，即应急指挥、智慧安防、民情收集。",
                 "三个平台") == ["应急指挥", "智慧安防", "民情收集"]
    # with no parts listed, the count names nothing
    assert "三个平台" not in {e.name for e in run("各乡镇建立三个平台，为群众提供服务。").entities.values()}


def test_a_list_broken_over_a_line_of_the_page_runs_on():
    assert parts("白沙县推行“三联”机制：联防、联控、\n联调，群众满意、干部放心。", "三联") == ["联防", "联控", "联调"]


def test_ones_listed_before_a_formula_with_de_or_in_the_next_sentence():
    assert parts("该县推行一个专班牵头、一本台账管事、一支队伍落实的“三个一”模式。",
                 "三个一") == ["一个专班牵头", "一本台账管事", "一支队伍落实"]
    assert parts("该县探索“三个一”模式。一个专班牵头抓总，一本台账记录进度，一支队伍上门服务。",
                 "三个一") == ["一个专班牵头抓总", "一本台账记录进度", "一支队伍上门服务"]
    # a next sentence of another count gives none
    assert parts("该县探索“三个一”模式。一个专班牵头抓总，一本台账记录进度。", "三个一") == []


def test_a_headline_s_formula_takes_no_list_from_the_body_below_it():
    # the headline's sentence ends with its line: the body's list, in two groups, is read at the
    # body's own mention, all six parts
    ex = run("桂东县：“三联三调”化解矛盾\n今年以来，桂东县推行“三联三调”工作机制，即联户、联村、联镇，调解、调处、调判，推动纠纷就地化解。")
    assert entity(ex, "Mechanism", "三联三调").components == ["联户", "联村", "联镇", "调解", "调处", "调判"]


def test_a_formula_whose_terms_are_glossed_one_by_one_after_it():
    ex = run("石阡县构建“1+3+N”机制，“1”即综治中心，“3”即派出所、司法所、法庭，“N”即各类调解组织。")
    assert entity(ex, "Mechanism", "1+3+N").components == ["综治中心", "派出所、司法所、法庭", "各类调解组织"]


def test_the_verb_that_makes_the_listed_parts_a_whole_is_no_part():
    ex = run("石阡县建立由巡特警、交警、派出所组成的“三位一体”巡防机制。")
    assert entity(ex, "Mechanism", "三位一体").components == ["巡特警", "交警", "派出所"]
