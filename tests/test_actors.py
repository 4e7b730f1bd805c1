"""Who conducts, implements or adopts a thing: the most specific actor the text names, every body
acting together, the body a report is about. Every sentence is written here."""
from __future__ import annotations

from helpers import relations, run


def test_bodies_joined_before_the_verb_all_act():
    ex = run("凤凰县司法局与县人民法院建立“诉前联调”工作机制。")
    assert {("凤凰县司法局", "诉前联调"), ("凤凰县人民法院", "诉前联调")} <= relations(ex, "adopts")
    ex = run("凤凰县公安局、县人民检察院、县教育局联合开展“清网护校”专项行动。")
    assert {("凤凰县公安局", "清网护校"), ("凤凰县人民检察院", "清网护校"),
            ("凤凰县教育局", "清网护校")} <= relations(ex, "conducts")
    ex = run("凤凰县禾库镇派出所联合镇综治中心开展“秋收护航”专项行动。")
    assert {b for b, _ in relations(ex, "conducts")} == {"凤凰县公安局禾库镇派出所", "禾库镇综治中心"}


def test_a_body_named_after_the_verb_is_no_partner():
    ex = run("凤凰县公安局开展“清网护校”专项行动，县人民检察院派员参加。")
    assert relations(ex, "conducts") == {("凤凰县公安局", "清网护校")}


def test_a_police_station_named_with_its_bureau_is_the_actor_not_the_bureau():
    ex = run("凤凰县召开会议。县公安局禾库派出所联合镇司法所开展“夜访农家”活动。")
    assert ("凤凰县公安局禾库派出所", "夜访农家") in relations(ex, "conducts")
    assert ("凤凰县公安局", "夜访农家") not in relations(ex, "conducts")


def test_a_county_drops_out_where_its_own_body_adopts_the_same_way_of_working():
    ex = run("凤凰县推行“五步说和法”\n本报讯 今年以来，凤凰县司法局在全县推行“五步说和法”，推动纠纷就地化解。")
    adopts = relations(ex, "adopts")
    assert ("凤凰县司法局", "五步说和法") in adopts and ("凤凰县", "五步说和法") not in adopts


def test_a_county_keeps_the_drive_it_conducts_beside_its_police():
    ex = run("凤凰县深入开展“利剑”专项行动。凤凰县公安局在“利剑”专项行动中破获案件12起。")
    assert {("凤凰县", "利剑"), ("凤凰县公安局", "利剑")} <= relations(ex, "conducts")


def test_the_body_a_report_is_about_after_an_opening_clause():
    text = ("主题教育开展以来，湖南省凤凰县人民检察院以护航民营经济为重点，出台多项举措。\n"
            "建立涉企案件快速办理机制。对涉企案件实行专人专办。")
    assert ("凤凰县人民检察院", "涉企案件快速办理机制") in relations(run(text), "adopts")
    # a body the opening verb governs is no subject: the county is the actor
    text = ("凤凰县政法工作综述\n"
            "深入学习贯彻全会精神，邀请县委宣讲团为全县政法系统全体干警作专题宣讲，引导干警坚定理想信念。\n"
            "建立涉企案件快速办理机制。对涉企案件实行专人专办、快侦快诉，切实减轻企业诉累，优化营商环境。")
    assert not any(a == "凤凰县委宣讲团" for a, _ in relations(run(text), "adopts"))


def test_a_headline_stays_apart_from_the_dateline_paragraph_after_it():
    ex = run("凤凰县推行“五步说和法” 让纠纷化解在萌芽\n本报讯（通讯员 龙小云）凤凰县司法局今年以来推行“五步说和法”，成效明显。")
    quotes = {r.quote for r in ex.relations if r.predicate == "adopts"}
    assert all(not q.startswith("凤凰县推行") or "本报讯" not in q for q in quotes)


def test_the_whole_county_as_a_destination_is_no_actor():
    text = ("凤凰县人民检察院以护航未成年人成长为重点，出台多项举措，成效明显。\n"
            "以青年干警为骨干组建法治宣讲团，先后赴全县8所中小学开展“法治护苗”活动，受到师生欢迎。")
    conducts = relations(run(text), "conducts")
    assert ("凤凰县人民检察院", "法治护苗") in conducts and ("凤凰县", "法治护苗") not in conducts


def test_a_body_a_leading_verb_governs_is_no_actor():
    text = ("凤凰县人民检察院以护航未成年人成长为重点，出台多项举措，成效明显。\n"
            "牵头县民政局等8家单位组建关爱联盟，开展“春苗守护”行动，帮扶困境儿童。")
    assert {a for a, o in relations(run(text), "conducts") if o == "春苗守护"} == {"凤凰县人民检察院"}


def test_a_place_naming_a_news_site_is_no_actor_and_the_body_after_places_leads():
    text = ("湖南政法新闻网：为深入贯彻落实省、市、县关于推进基层治理现代化的部署要求，湖南凤凰县司法局"
            "充分发挥职能作用，以三项举措打造基层公共法律服务体系。\n一是推行“法律夜诊”服务，方便群众咨询。")
    adopts = relations(run(text), "adopts")
    assert ("凤凰县司法局", "法律夜诊") in adopts and not any(a == "湖南省" for a, _ in adopts)


def test_the_body_of_a_persons_post_does_not_lead_the_report():
    text = ("图为表彰大会现场\n在表彰大会上，湖南湘西州政协副主席、凤凰县委书记杨志远介绍了“凤凰经验”：通过筑牢"
            "三道防线，推动禁毒工作取得实效。")
    assert not any(a.endswith("政协") for a, _ in relations(run(text), "adopts"))


def test_a_drive_named_after_the_county_is_the_countys_beside_whoever_speaks_of_it():
    ex = run("凤凰县召开会议。县委常委、政法委书记杨志远表示，将把“三访”工作纳入平安凤凰建设考评。")
    assert ("凤凰县", "平安凤凰") in relations(ex, "conducts")


def test_a_headlines_county_yields_a_drive_to_the_body_the_text_says_conducts_it():
    text = ("凤凰县开展冬季治安“百日清查”行动\n"
            "为确保辖区冬季治安稳定，凤凰县公安局于11月起在全县开展为期100天的“百日清查”行动，重点清查出租屋、网吧。")
    conducts = relations(run(text), "conducts")
    assert ("凤凰县公安局", "百日清查") in conducts and ("凤凰县", "百日清查") not in conducts


def test_gai_zhen_refers_to_the_township_named_before():
    ex = run("凤凰县禾库镇党委书记龙光辉介绍，该镇依托“雪亮工程”建成视频监控点位300个。")
    assert relations(ex, "implements") == {("禾库镇", "雪亮工程")}


def test_a_body_naming_a_site_or_a_pages_source_is_no_actor():
    text = ("凤凰县人民政府网 > 政务公开 > 工作动态\n凤凰县召开平安建设推进会\n来源：凤凰县融媒体中心  【打印】\n"
            "会议要求，要扎实推进“雪亮工程”建设，深入开展“利剑”专项行动，持续推行“三访”工作法。")
    ex = run(text)
    actors = {a for a, _ in relations(ex, "implements") | relations(ex, "conducts") | relations(ex, "adopts")}
    assert actors == {"凤凰县"}


def test_the_report_is_about_the_station_written_on_with_its_bureau():
    text = ("图：民警走访群众（凤凰县公安局供图）\n"
            "如何让新时代“枫桥经验”焕发生机？湖南省凤凰县公安局禾库派出所用十年坚守交出了一份沉甸甸的答卷。\n"
            "用心用情服务群众。推行“五心工作法”，把矛盾化解在萌芽状态，群众满意率逐年提升，辖区发案率持续下降。")
    adopts = relations(run(text), "adopts")
    assert ("凤凰县公安局禾库派出所", "五心工作法") in adopts and ("凤凰县公安局", "五心工作法") not in adopts


def test_partners_after_a_comma_before_a_short_adverbial_and_a_station_not_its_bureau():
    ex = run("凤凰县召开会议。禾库镇党委、政府联合县公安局禾库派出所，在全镇开展“平安牧场”创建活动。")
    assert {a for a, _ in relations(ex, "conducts")} == {"禾库镇党委", "禾库镇人民政府", "凤凰县公安局禾库派出所"}
    ex = run("凤凰县召开会议。禾库镇综治中心、司法所联合办公，群众反映的问题“一站式”受理。")
    assert not any(a.endswith("司法所") for a, _ in relations(ex, "adopts"))


def test_a_body_a_subjectless_clause_joins_with_lian_he_acts_too():
    text = ("凤凰县人民检察院以护航未成年人成长为重点，出台多项举措，成效明显。\n"
            "联合县残联开展“助残圆梦”公益活动，帮助10名残疾儿童走进公园。")
    assert {a for a, _ in relations(run(text), "conducts")} == {"凤凰县人民检察院", "凤凰县残疾人联合会"}


def test_a_places_organs_named_together_are_the_place():
    # 某地公安机关 / 全省法院: the place's whole system of such bodies, no one bureau
    assert relations(run("湖南省公安机关深入开展“清源”行动，打击涉毒犯罪。"), "conducts") == {("湖南省", "清源")}
    ex = run("凤凰县人民法院讯 全省法院不断健全“三调联动”机制，化解纠纷。")
    assert relations(ex, "adopts") == {("湖南省", "三调联动")}
    # a bureau named as one body acts as itself
    assert relations(run("凤凰县公安局深入开展“清源”行动。"), "conducts") == {("凤凰县公安局", "清源")}
    # a county's organs are its bureaus
    ex = run("凤凰县公安机关和司法行政机关积极推行“警调联动”机制。")
    assert {a for a, _ in relations(ex, "adopts")} == {"凤凰县公安局", "凤凰县司法局"}


def test_places_a_sentence_opens_on_with_zai_act_in_it():
    # 在X，…: the places framing the sentence, the most specific of each, do what it names
    text = "凤凰县召开会议。在禾库镇，“村警联动”模式效果良好；同时，在湘西州凤凰县和怀化市麻阳县，“牧区网格”开辟出新模式。"
    ex = run(text)
    assert relations(ex, "adopts") >= {("禾库镇", "村警联动"), ("凤凰县", "牧区网格"), ("麻阳苗族自治县", "牧区网格")}
    assert not any(a == "湘西土家族苗族自治州" for a, _ in relations(ex, "adopts"))
    # a place 在 governs inside a clause is where, not who
    ex = run("凤凰县公安局召开会议，在禾库镇推行“村警联动”模式。")
    assert relations(ex, "adopts") == {("凤凰县公安局", "村警联动")}


def test_the_subject_after_an_opening_adverbial_does_what_it_names():
    ex = run("凤凰县召开会议。通过推行“村警联动”机制，织密防控网络，凤凰县禾库镇将矛盾化解在基层。")
    assert relations(ex, "adopts") == {("禾库镇", "村警联动")}
    ex = run("凤凰县召开会议。在开展“清源”行动中，凤凰县公安局共打击犯罪团伙8个。")
    assert relations(ex, "conducts") == {("凤凰县公安局", "清源")}
    # a clause on the whole county after the adverbial heads the sentence before a body does
    ex = run("凤凰县召开会议。以“三治融合”为抓手，全县各乡镇深化治理，凤凰县综治中心负责统筹。")
    assert relations(ex, "adopts") == {("凤凰县", "三治融合")}
    # a body that only closes a sentence opening on a verb is no subject of it
    ex = run("凤凰县司法局召开会议。推行“村警联动”机制后，矛盾化解率提升，受到凤凰县公安局肯定。")
    assert ("凤凰县公安局", "村警联动") not in relations(ex, "adopts")


def test_a_county_drops_out_where_its_own_township_adopts_the_same_way_of_working():
    ex = run("凤凰县推行“三事联办”工作法\n本报讯 今年以来，凤凰县禾库镇创新推行“三事联办”工作法，化解纠纷120起。")
    adopts = relations(ex, "adopts")
    assert ("禾库镇", "三事联办") in adopts and ("凤凰县", "三事联办") not in adopts


def test_a_whole_unit_by_its_level_word_is_the_place_of_that_level_named_before():
    # 全州: the prefecture its sentence names, not the report's county
    ex = run("凤凰县召开会议。在湘西州，在重点乡镇整治的基础上，全州积极推广“苗乡调解”模式。")
    assert relations(ex, "adopts") == {("湘西土家族苗族自治州", "苗乡调解")}
    # 全镇: the township named last, though a preposition governs that mention
    ex = run("凤凰县人民法院召开会议。在禾库镇镇长龙某看来：“全镇上下加强源头预防，推动‘无讼村’创建，纠纷逐年下降。”")
    assert relations(ex, "conducts") == {("禾库镇", "无讼村")}


def test_a_report_no_body_leads_is_about_the_body_its_clauses_keep_naming():
    text = ("凤凰县：山村里的平安守护者\n"
            "禾库镇地处湘黔两省交界的大山深处，山路弯弯，村寨散落在一道道山梁上。全镇两万多人，一半以上外出务工，"
            "村寨里留下的多是老人和孩子。每逢赶集的日子，山路上人来人往，集市上的吆喝声此起彼伏；到了农闲时节，"
            "村寨又安静下来，只有炊烟和狗吠。这里的纠纷多是邻里间的小事：一道田埂、一棵果树、一句闲话，"
            "处理不好就会越闹越大。\n"
            "人口外流、边界盲区，曾是横亘在凤凰县公安局禾库派出所民警面前的难题。\n"
            "禾库派出所民警走村入户，化解纠纷。每年暑假，禾库派出所都会护送留守儿童返乡。\n"
            "临近“护苗行动”出行的日子，所里的电话响个不停。")
    assert relations(run(text), "conducts") == {("凤凰县公安局禾库派出所", "护苗行动")}


def test_a_place_then_a_kind_of_body_is_that_body_and_a_level_is_its_unit():
    # 某县公安: the county's police bureau, where the report names it
    text = "凤凰县公安局召开会议。近年来，凤凰公安以大数据为支撑，建立了“情指勤舆”一体化工作机制。"
    assert relations(run(text), "adopts") == {("凤凰县公安局", "情指勤舆")}
    # 省级层面: the province as a whole
    text = "凤凰县综治中心召开会议。此外，省级层面通过整合基层APP、建立“一网统管”系统，推动资源下沉。"
    assert relations(run(text), "implements") == {("湖南省", "一网统管")}


def test_what_the_centre_calls_for_is_no_local_bodys_deed_unless_the_sentence_names_it():
    text = "凤凰县公安局召开会议。\n习近平总书记在考察时强调，要深入推进新时代“兴边富民”行动，维护边疆稳定。"
    assert relations(run(text), "conducts") == set()
    text = "凤凰县公安局召开会议。\n按照党中央部署，凤凰县公安局深入开展“清源”行动。"
    assert relations(run(text), "conducts") == {("凤凰县公安局", "清源")}
    # a national meeting named after a drive sums up the nation's drive, not the report's county's
    text = "凤凰县公安局召开会议。\n日前，全国扫黑除恶专项斗争总结表彰大会在北京举行。"
    assert relations(run(text), "conducts") == set()


def test_a_body_after_zai_yu_or_you_yu_heads_the_clause_they_open():
    text = "凤凰县公安局召开会议。纠纷下降的原因，在于全省法院不断健全“诉调对接”机制。"
    assert relations(run(text), "adopts") == {("湖南省", "诉调对接")}


def test_a_body_you_names_is_the_one_that_acts():
    ex = run("凤凰县召开会议。由凤凰县司法局牵头，联合各乡镇开展“法律夜诊”活动。")
    assert relations(ex, "conducts") == {("凤凰县司法局", "法律夜诊")}
    ex = run("凤凰县召开会议。“清网护校”行动由凤凰县公安局禾库派出所组织实施。")
    assert relations(ex, "conducts") == {("凤凰县公安局禾库派出所", "清网护校")}
    # a place after 由 is where something comes from, not who acts
    ex = run("凤凰县公安局召开会议。推行“一村一辅警”机制，辅警由禾库镇向各村延伸。")
    assert relations(ex, "adopts") == {("凤凰县公安局", "一村一辅警")}


def test_who_learns_a_way_of_working_from_another_takes_it_up_beside_its_source():
    ex = run("凤凰县召开会议。凤凰县公安局学习借鉴吉首市公安局“警保联控”模式，建立了巡逻防控机制。")
    assert relations(ex, "adopts") >= {("吉首市公安局", "警保联控"), ("凤凰县公安局", "警保联控")}
    # …kept though the source is one of the learner's own places
    ex = run("凤凰县召开会议。凤凰县学习借鉴禾库镇“院坝议事”经验，化解纠纷。")
    assert relations(ex, "adopts") == {("禾库镇", "院坝议事"), ("凤凰县", "院坝议事")}
    # one who spreads a place's way of working to others is no adopter of it
    ex = run("湖南省召开会议。湖南省公安厅推广吉首市“院坝议事”经验，化解纠纷。")
    assert relations(ex, "adopts") == {("吉首市", "院坝议事")}
    # a place one goes to (赴某市学习) is where, not who
    ex = run("凤凰县召开会议。凤凰县组织干部赴吉首市学习“院坝议事”经验。")
    assert relations(ex, "adopts") == {("凤凰县", "院坝议事")}


def test_the_agent_bei_names_is_no_subject_a_later_sentence_carries():
    text = ("凤凰县公安局禾库派出所：山村平安守护者\n"
            "这个派出所曾被湘西州公安局命名为先进派出所。如今，所里推行“五心工作法”，化解纠纷。")
    assert relations(run(text), "adopts") == {("凤凰县公安局禾库派出所", "五心工作法")}


def test_a_whole_province_by_its_short_name_acts():
    text = "凤凰县位于湖南省西部。\n今年以来，全湘各地以“网格连心”行动为抓手，推动纠纷就地化解。"
    assert ("湖南省", "网格连心") in relations(run(text), "conducts")
    # …only its own province's short name: 全苏 in a report on a county of 湖南 names no actor
    text = "凤凰县位于湖南省西部。\n今年以来，全苏各地以“网格连心”行动为抓手，推动纠纷就地化解。"
    assert ("湖南省", "网格连心") not in relations(run(text), "conducts")


def test_a_doer_the_text_names_displaces_the_reports_topic():
    # the headline names no one (the report's county by default); the body names the province
    text = "“邻里说和”让纠纷少了\n凤凰县位于湖南省西部。今年以来，全湘各地推行“邻里说和”工作法，纠纷化解率明显提升。"
    adopts = relations(run(text), "adopts")
    assert ("湖南省", "邻里说和") in adopts and ("凤凰县", "邻里说和") not in adopts
    # …but a body of the county's own does not displace the county (the most specific actor is weighed apart)
    text = "“邻里说和”让纠纷少了\n凤凰县司法局推行“邻里说和”工作法，纠纷化解率明显提升。"
    assert ("凤凰县司法局", "邻里说和") in relations(run(text), "adopts")


def test_an_officials_call_is_not_the_bodys_deed():
    text = "凤凰县深入推进“夜话农家”活动，每月在村部收集群众意见。\n县委书记张建国检查工作时要求，让“夜话农家”成为全县的品牌。"
    conducts = relations(run(text), "conducts")
    assert ("凤凰县", "夜话农家") in conducts and ("凤凰县委", "夜话农家") not in conducts
    # an account: the body acts only where a verb of doing governs the thing
    text = "凤凰县司法局实施“法治带头人”培育工程。\n禾库镇司法所所长李明说，“法治带头人”在村里帮了大忙。"
    assert {b for b, _ in relations(run(text), "implements")} == {"凤凰县司法局"}
    text = "凤凰县召开政法工作例会。\n县公安局局长王强表示，将深入推进“清网护校”专项行动。"
    assert ("凤凰县公安局", "清网护校") in relations(run(text), "conducts")


def test_a_thing_put_into_another_is_no_deed():
    ex = run("凤凰县委政法委推行“三问三访”工作法，并将“三问三访”纳入“平安凤凰”建设考评。")
    assert ("凤凰县委政法委", "平安凤凰") not in relations(ex, "conducts")
    assert ("凤凰县", "平安凤凰") in relations(ex, "conducts")  # (the county's own drive, by its name)
    assert ("凤凰县委政法委", "三问三访") in relations(ex, "adopts")


def test_a_body_set_up_in_the_clause_before_practises_the_way_of_working():
    ex = run("凤凰县把县来访接待室、县诉调对接室合并组建县矛盾调处中心，实行“一门进出、限时办结”。")
    adopts = relations(ex, "adopts")
    assert ("凤凰县矛盾调处中心", "一门进出、限时办结") in adopts and ("凤凰县", "一门进出、限时办结") not in adopts
    # what the founder establishes (建立) stays its own
    ex = run("凤凰县人民检察院在禾库镇挂牌检察工作站，建立“双线联络”机制。")
    assert ("凤凰县人民检察院", "双线联络") in relations(ex, "adopts")


def test_a_report_whose_place_heads_its_first_sentence_is_the_places():
    text = ("凤凰县：四条措施让纠纷就地了结\n本报讯 今年以来，凤凰县把调解当作头等大事，出台四条措施。\n"
            "一是每村设调解室；二是改进调解办法，推行“苗歌调解法”。\n禾库镇综治中心、腊尔山镇综治中心被评为“示范综治中心”。")
    assert {b for b, t in relations(run(text), "adopts") if t == "苗歌调解法"} == {"凤凰县"}
    # a place naming the thing after it (某县“X”行动) heads nothing: the body leading the report acts
    text = ("凤凰县启动“护苗”专项行动\n3月5日，凤凰县“护苗”专项行动动员会在禾库镇召开。本次活动由县委政法委牵头，"
            "县教育局、团县委配合。\n行动期间，将集中开展“清朗”行动。")
    assert ("凤凰县委政法委", "清朗") in relations(run(text), "conducts")


def test_a_province_keeps_what_the_body_text_says_it_does_beside_a_station():
    text = ("派出所里的“枫桥经验”\n本报讯 今年以来，湖南省各地坚持和发展新时代“枫桥经验”，让纠纷就地了结。\n"
            "凤凰县公安局禾库派出所坚持和发展“枫桥经验”，三年来纠纷“零上交”。")
    adopts = relations(run(text), "adopts")
    assert {("湖南省", "枫桥经验"), ("凤凰县公安局禾库派出所", "枫桥经验")} <= adopts


def test_bodies_counted_by_their_number_are_the_ones_named_together_before():
    ex = run("凤凰县公安局、县人民检察院、县教育局联合开展“清网护校”专项行动。行动期间，三部门建立“三方会商”机制。")
    assert {b for b, t in relations(ex, "adopts") if t == "三方会商"} == {
        "凤凰县公安局", "凤凰县人民检察院", "凤凰县教育局"}
    ex = run("2020年，凤凰县司法局联合县公安局下发了《关于推行警调对接的意见》。今年，两部门再次联合印发《关于深化警调对接的办法》。")
    assert {b for t, b in relations(ex, "issuedBy") if t == "关于深化警调对接的办法"} == {"凤凰县司法局", "凤凰县公安局"}
    # a number no list before it has: the clause's doer as usual
    ex = run("凤凰县司法局、县公安局联合开展“送法进村”活动。三部门建立“联席会商”机制。")
    assert {b for b, t in relations(ex, "adopts") if t == "联席会商"} <= {"凤凰县司法局", "凤凰县公安局", "凤凰县"}


def test_the_body_leading_the_clause_before_acts_too():
    ex = run("今年以来，凤凰县委政法委牵头，县公安局、县司法局联合开展“清源”专项行动。")
    assert {b for b, _ in relations(ex, "conducts")} == {"凤凰县委政法委", "凤凰县公安局", "凤凰县司法局"}


def test_the_body_leading_the_drive_the_sentence_before_names():
    ex = run("3月5日，凤凰县“护苗”专项行动动员会在禾库镇召开。本次活动由县委政法委牵头，县教育局配合。")
    assert ("凤凰县委政法委", "护苗") in relations(ex, "conducts")
    # …not a drive named further back
    ex = run("凤凰县开展“护苗”专项行动。县法院举行开放日。此次活动由县委政法委牵头。")
    assert ("凤凰县委政法委", "护苗") not in relations(ex, "conducts")


def test_the_whole_prefecture_by_its_level_word_is_the_reports_own():
    text = "湘西州司法局安排春季隐患大排查。\n全州基层司法所联合公安等部门，开展“敲门走访”排查。"
    conducts = relations(run(text), "conducts")
    assert ("湘西土家族苗族自治州", "敲门走访") in conducts and ("湘西州司法局", "敲门走访") not in conducts


def test_a_drive_that_only_dates_the_clause_has_no_doer():
    ex = run("凤凰县人民检察院推行“亲职教育”机制。\n“护苗”专项行动以来，凤凰县人民检察院办理涉未成年人案件30件。")
    assert not any(t == "护苗" for _, t in relations(ex, "conducts"))
    # …but one a clause's verb governs is its doer's, 以来 or not
    ex = run("自凤凰县人民检察院推行“亲职教育”机制以来，帮教未成年人30名。")
    assert ("凤凰县人民检察院", "亲职教育") in relations(ex, "adopts")


def test_the_nations_goal_is_no_local_deed():
    text = "凤凰县推进“雪亮工程”建设。\n按照规划，到2025年，我国将全面推行“一网统管”模式。"
    assert not any(t == "一网统管" for _, t in relations(run(text), "adopts"))
    text = "凤凰县推进“雪亮工程”建设。\n按照规划，到2025年，全县将全面推行“一网统管”模式。"
    assert ("凤凰县", "一网统管") in relations(run(text), "adopts")


def test_the_place_for_whom_the_verb_is_done_does_it():
    text = "湖南省委出台多项政策。\n省里的意见为凤凰县建立“全周期”调处机制创造了条件。"
    adopts = relations(run(text), "adopts")
    assert ("凤凰县", "全周期") in adopts and ("湖南省委", "全周期") not in adopts


def test_a_way_of_working_turned_towards_is_a_goal_not_a_deed():
    text = "凤凰县推行“网格连心”工作法。\n老办法跟不上新情况，全县正向“前端预防+闭环治理”转变。"
    assert not any(t == "前端预防+闭环治理" for _, t in relations(run(text), "adopts"))


def test_a_headline_after_a_pages_navigation_trail_is_still_the_headline():
    text = "首页 > 新闻中心 > 政法动态\n凤凰县开展“清源”专项行动\n本报讯 凤凰县公安局在全县开展“清源”专项行动，查处案件12起。"
    conducts = relations(run(text), "conducts")
    assert ("凤凰县公安局", "清源") in conducts and ("凤凰县", "清源") not in conducts
    # …after the site's name too
    text = "凤凰新闻网\n首页 | 时政 | 民生\n凤凰县开展“清源”专项行动\n本报讯 凤凰县公安局在全县开展“清源”专项行动，查处案件12起。"
    assert ("凤凰县", "清源") not in relations(run(text), "conducts")


def test_a_place_heading_the_issuing_clause_issued_the_document():
    ex = run("凤凰县政法工作综述\n凤凰县禾库镇与邻近2个乡镇签订《平安联创协议》，建立“信息互通”机制。")
    assert ("平安联创协议", "禾库镇") in relations(ex, "issuedBy")
    # a place a preposition governs issues nothing
    ex = run("凤凰县政法工作综述\n凤凰县司法局在禾库镇发布《人民调解工作指引》。")
    assert relations(ex, "issuedBy") == {("人民调解工作指引", "凤凰县司法局")}


def test_a_body_sending_out_a_proposal_issued_it():
    ex = run("凤凰县禁毒工作综述\n凤凰县妇联向全县家庭发出《远离毒品 守护家庭》倡议书。")
    assert {b for _, b in relations(ex, "issuedBy")} == {"凤凰县妇女联合会"}


def test_a_township_yields_what_only_the_headline_gives_it_to_its_own_body():
    text = "凤凰县禾库镇推行“夜巡护农”模式\n本报讯 凤凰县公安局禾库派出所推行“夜巡护农”模式，每晚安排民警巡查果园。"
    adopts = relations(run(text), "adopts")
    assert ("凤凰县公安局禾库派出所", "夜巡护农") in adopts and ("禾库镇", "夜巡护农") not in adopts
    # …but keeps what its body text says it does
    text = ("凤凰县禾库镇推行“夜巡护农”模式\n本报讯 禾库镇推行“夜巡护农”模式，每晚安排民警巡查果园。"
            "凤凰县公安局禾库派出所也推行“夜巡护农”模式。")
    assert ("禾库镇", "夜巡护农") in relations(run(text), "adopts")


def test_the_body_coordinating_it_in_the_next_clause_conducts_too():
    ex = run("2020年起，凤凰县实施“护航”行动，县委政法委负责统筹，抓好五项重点工作。")
    assert {("凤凰县", "护航"), ("凤凰县委政法委", "护航")} <= relations(ex, "conducts")


def test_a_body_a_visit_goes_to_is_no_doer():
    ex = run("凤凰县司法局开展普法宣传。\n8月22日，县普法讲师团走进凤凰县人民法院，开展“送法上门”活动。")
    assert ("凤凰县人民法院", "送法上门") not in relations(ex, "conducts")


def test_what_an_official_calls_for_is_the_places_not_the_speakers_body():
    ex = run("凤凰县委政法委书记张明在全县政法工作会议上强调，要坚持和发展新时代“枫桥经验”，深化“雪亮工程”建设。")
    assert relations(ex, "adopts") == {("凤凰县", "枫桥经验")}
    assert relations(ex, "implements") == {("凤凰县", "雪亮工程")}


def test_the_subject_of_a_later_clause_takes_over_the_sentence():
    ex = run("郴州市委政法委在全市部署开展专项整治，苏仙区迅速响应，组织开展“清源”行动。")
    assert relations(ex, "conducts") == {("苏仙区", "清源")}
    # …not a list of bodies a later clause names as participants
    ex = run("凤凰县综治中心挂牌运行，县信访局、县司法局等五家单位抽人进驻，实行“一窗受理”机制。")
    assert ("凤凰县信访局", "一窗受理") not in relations(ex, "adopts")


def test_a_leading_clause_further_back_leads_too():
    ex = run("泸溪县委政法委牵头，县公安局具体实施，在全县推行“网格+警格”联动机制。")
    assert {a for a, _ in relations(ex, "adopts")} == {"泸溪县委政法委", "泸溪县公安局"}


def test_bodies_listed_at_the_head_of_the_sentence_act_all_through_it():
    ex = run("宁远县委、县政府把综治工作摆上重要日程，年初即列入全县目标考核，建立“一把手”负总责机制。")
    assert {("宁远县委", "一把手"), ("宁远县人民政府", "一把手")} <= relations(ex, "adopts")
    ex = run("新田县检察院同县法院、县公安局会签文件，建立“认罪认罚”协作机制。")
    assert {a for a, _ in relations(ex, "adopts")} == {"新田县人民检察院", "新田县人民法院", "新田县公安局"}
    # …not where the list only qualifies the clause's subject
    ex = run("宜章县公安局、县司法局等单位负责人参加会议，会后推行“警格+网格”融合机制。")
    assert ("宜章县司法局", "警格+网格") not in relations(ex, "adopts")


def test_a_body_joined_by_yu_and_gongtong_acts_too():
    ex = run("兴国县人民法院着眼案结事了，与县司法局共同推出“诉调对接”新模式。")
    assert relations(ex, "adopts") == {("兴国县人民法院", "诉调对接"), ("兴国县司法局", "诉调对接")}


def test_the_body_carrying_out_a_higher_bodys_drive_conducts_it_too():
    ex = run("为贯彻落实省公安厅“百日攻坚”行动部署，汝城县公安局闻令而动，抽调精干警力组成专班。")
    assert relations(ex, "conducts") == {("湖南省公安厅", "百日攻坚"), ("汝城县公安局", "百日攻坚")}
    # …not a body the sentence names as the drive's only audience
    ex = run("为贯彻落实省公安厅“百日攻坚”行动，汝城县公安局召开会议。")
    assert ("汝城县公安局", "百日攻坚") not in relations(ex, "conducts")


def test_a_thing_a_body_or_place_is_said_to_practise_in_a_relative_clause_is_theirs():
    ex = run("日前，州委政法委调研组来到凤凰县，对该县推行的“屋场会”工作机制表示赞赏。")
    assert relations(ex, "adopts") == {("凤凰县", "屋场会")}
    ex = run("群众对凤凰县禾库镇探索出的“屋场会”工作法纷纷点赞。")
    assert relations(ex, "adopts") == {("禾库镇", "屋场会")}


def test_a_thing_a_visitor_inspects_is_the_visited_places():
    ex = run("凤凰县委政法委副书记张明带队到禾库镇调研“屋场会”工作机制落实成效。")
    assert relations(ex, "adopts") == {("禾库镇", "屋场会")}


def test_a_body_speaking_of_itself_is_the_doer_of_its_sentence():
    text = ("辰溪县人民法院年度工作回顾\n"
            "这一年，我院创新推出“法官驻村”机制。县司法局则在各乡镇推行“调解+”模式。我院还深化“繁简分流”改革。")
    assert ("辰溪县人民法院", "繁简分流") in relations(run(text), "adopts")
    assert ("辰溪县司法局", "繁简分流") not in relations(run(text), "adopts")


def test_a_first_body_of_a_bare_clause_acts_with_the_later_one_said_to_join_it():
    ex = run("辰溪县检察院主动作为，县公安局积极配合，共同建立“捕前会商”工作机制。")
    assert relations(ex, "adopts") == {("辰溪县人民检察院", "捕前会商"), ("辰溪县公安局", "捕前会商")}
    ex = run("辰溪县委政法委统筹协调，县公安局具体负责，全面推进“雪亮工程”建设。")
    assert relations(ex, "implements") == {("辰溪县委政法委", "雪亮工程"), ("辰溪县公安局", "雪亮工程")}
    # …not one whose clause is its own deed, nor the body of a speaker
    ex = run("辰溪县妇联逐户回访，县民政局组织“暖冬”关爱行动。")
    assert relations(ex, "conducts") == {("辰溪县民政局", "暖冬")}


def test_the_bodies_charged_with_a_thing_after_it_implement_it():
    ex = run("辰溪县“平安天眼”工程由县委政法委牵头、县公安局具体实施，总投资8000万元。")
    assert {("辰溪县委政法委", "平安天眼"), ("辰溪县公安局", "平安天眼")} <= relations(ex, "implements")
    ex = run("“平安天眼”工程是辰溪县委确定的重点项目，由县公安局负责组织实施。")
    assert ("辰溪县公安局", "平安天眼") in relations(ex, "implements")


def test_a_thing_named_as_a_higher_units_by_its_level_is_that_units_too():
    ex = run("近年来，凤凰县依托州级“三联三治”网格化服务管理体系，配齐专职网格员400名。")
    assert {("凤凰县", "三联三治"), ("湘西土家族苗族自治州", "三联三治")} <= relations(ex, "adopts")


def test_a_unit_referred_back_to_by_its_kind_acts_and_holds_titles():
    text = "辰溪县公安局治安大队坚持打防并举。该大队推行“一案双查”机制，先后获得“全省治安系统先进集体”等荣誉。"
    ex = run(text)
    assert relations(ex, "adopts") == {("辰溪县公安局治安大队", "一案双查")}
    assert relations(ex, "awardedTo") == {("全省治安系统先进集体", "辰溪县公安局治安大队")}


def test_a_list_after_a_joining_word_joins_whole():
    ex = run("石阡县委政法委牵头，联合县公安局、县司法局、县民政局开展“清风”专项行动。")
    assert {(b, "清风") for b in ("石阡县委政法委", "石阡县公安局", "石阡县司法局", "石阡县民政局")} <= relations(ex, "conducts")


def test_the_body_a_doer_helps_or_gets_to_act_acts_too():
    ex = run("石阡县公安局配合县市场监管局开展“守护消费”专项整治。")
    assert ("石阡县市场监督管理局", "守护消费") in relations(ex, "conducts")
    ex = run("石阡县委政法委牵头组织县法院、县检察院开展“百日会战”。")
    assert {("石阡县人民法院", "百日会战"), ("石阡县人民检察院", "百日会战")} <= relations(ex, "conducts")


def test_fen_bie_pairs_listed_doers_with_as_many_things_in_order():
    ex = run("石阡县汤山街道、龙塘镇、聚凤乡分别推行“调解员+”模式、“楼栋长”制度和“红色物业”机制。")
    assert relations(ex, "adopts") == {("汤山街道", "调解员+"), ("龙塘镇", "楼栋长"), ("聚凤仡佬族侗族乡", "红色物业")}
    ex = run("石阡县人民法院、县人民检察院分别开展“送法进村”和“检察开放日”活动。")
    assert relations(ex, "conducts") == {("石阡县人民法院", "送法进村"), ("石阡县人民检察院", "检察开放日")}
    # one thing for all of them: each adopts it
    ex = run("石阡县汤山街道、龙塘镇分别建立了“法律明白人”工作机制。")
    assert relations(ex, "adopts") == {("汤山街道", "法律明白人"), ("龙塘镇", "法律明白人")}


def test_a_county_committee_and_government_after_a_time_word_act_together():
    ex = run("今年，石阡县委、县政府出台《实施意见》，部署开展“平安细胞”创建活动。")
    assert {("石阡县委", "平安细胞"), ("石阡县人民政府", "平安细胞")} <= relations(ex, "conducts")


def test_we_in_a_township_officials_words_is_the_township():
    ex = run("石阡县召开会议。“我们镇推行‘三所联动’工作法以来，化解纠纷300件。”龙塘镇党委书记王建华介绍。")
    assert relations(ex, "adopts") == {("龙塘镇", "三所联动")}
    ex = run("石阡县公安局开展夜查行动。“今年我们推行‘一组一警’机制。”县司法局局长王建平说。")
    assert ("石阡县司法局", "一组一警") in relations(ex, "adopts")


def test_a_drive_of_the_whole_province_is_the_provinces_too():
    ex = run("按照全省“百日行动”统一部署，石阡县公安局迅速开展夏季治安打击整治行动。")
    assert {d for d, c in relations(ex, "conducts") if c.startswith("百日")} == {"贵州省", "石阡县公安局"}
