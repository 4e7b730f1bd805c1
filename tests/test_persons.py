"""People: officials and their posts wherever they are written, names in lists, after
reporting verbs and in bylines; and what is not a name. Every sentence is written here."""
from __future__ import annotations

import pytest
from helpers import names, run

from graph.extract.persons import name_end


def posts(ex) -> set[tuple[str, str, str]]:
    label = {k: e.name for k, e in ex.entities.items()}
    return {(label[p.person], p.title, label[p.org]) for p in ex.posts}


def people(text: str) -> set[str]:
    return names(run(text), "Person")


def test_a_title_with_no_body_before_it_still_names_a_person():
    assert "龙光明" in people("禾库派出所所长龙光明立即赶到现场。")
    assert "李强" in people("民警李强迅速赶到，人民调解员吴秀兰正在调解纠纷。")
    assert "吴秀兰" in people("民警李强迅速赶到，人民调解员吴秀兰正在调解纠纷。")


def test_a_township_head_holds_his_post_in_the_township():
    assert ("龙光明", "镇长", "禾库镇") in posts(run("凤凰县禾库镇镇长龙光明表示，将继续推进。"))


def test_an_appointment_names_the_person_and_the_post():
    ex = run("凤凰县委政法委：王志刚任县委政法委副书记，李强任县公安局副局长。")
    assert {("王志刚", "副书记", "凤凰县委政法委"), ("李强", "副局长", "凤凰县公安局")} <= posts(ex)
    # 任 before no title is no appointment (任务, 任劳任怨)
    assert not people("王伟任务繁重，每天加班。")


def test_a_transliterated_name_runs_over_characters_that_also_write_function_words():
    # 都 and 则 write Uyghur names (阿不都…, 艾则…); a verb's particle after them ends the name
    assert "吐尔逊·阿不都热依木" in people("派出所所长吐尔逊·阿不都热依木介绍，辖区平安稳定。")
    assert "古丽·艾则孜" in people("村民古丽·艾则孜说，晚上出门很放心。")
    assert "艾尼·买买提" in people("民警艾尼·买买提都来了。")


def test_after_a_title_a_name_whose_first_characters_make_a_place_s_name():
    # 吴国, 黄河 are places to the dictionary; after a title they open a name
    ex = run("凤凰县人民法院廖家桥人民法庭特邀调解员吴国强说，县委书记黄河清主持会议。")
    assert {("吴国强", "特邀调解员", "凤凰县人民法院廖家桥人民法庭"), ("黄河清", "书记", "凤凰县委")} <= posts(ex)
    assert not people("凤凰县县长黄河沿线调研。")



def test_after_a_title_a_name_that_is_also_a_word_or_a_place_s_name():
    # 向东 (a direction, and a name to jieba), 高山 and 金城 (places to the dictionary): after a
    # title and before what the official does, or a mark, they are the official's name
    ex = run("凤凰县公安局局长向东表示，副局长高山出席会议。凤凰县公安局政委金城，教导员石磊陪同。")
    assert {("向东", "局长", "凤凰县公安局"), ("高山", "副局长", "凤凰县公安局"),
            ("金城", "政委", "凤凰县公安局")} <= posts(ex)
    # an adverb, a river's course, a district: no name
    assert not people("凤凰县公安局局长高度重视此项工作。")
    assert not people("凤凰县县长黄河沿线调研。")

def test_a_name_ends_before_the_word_after_it():
    ex = run("凤凰县委政法委副书记王丽华及县司法局局长陈刚出席会议。")
    assert names(ex, "Person") == {"王丽华", "陈刚"}
    assert ("王丽华", "副书记", "凤凰县委政法委") in posts(ex)
    assert ("陈刚", "局长", "凤凰县司法局") in posts(ex)
    assert "周立新" in people("凤凰县委常委、副县长周立新任组长。")
    assert "陈刚" in people("凤凰县公安局局长陈刚告诉记者，今年破案120起。")


@pytest.mark.parametrize("text, length", [
    ("龙光明立即赶到", 3),  # a whole unknown name
    ("王丽及县司法局", 2),  # 及 starts what follows
    ("田志华任副组长", 3),  # 任 starts what follows
    ("孙光明认为", 3),  # a given name that is also a word
    ("石林辉介绍", 3),  # a lone character between the name and the verb is the name's
])
def test_name_length_after_a_surname(text, length):
    assert name_end(text, 0) == length


@pytest.mark.parametrize("text", ["全力以赴", "马上赶到", "向群众宣传", "和县长一起", "由此可见", "张某某"])
def test_words_after_a_surname_character_are_not_names(text):
    assert name_end(text, 0) is None


def test_a_government_head_holds_his_post_in_the_government_not_the_party_committee():
    ex = run("凤凰县政府召开会议。县委常委、副县长周立新出席。")
    assert posts(ex) == {("周立新", "常委", "凤凰县委"), ("周立新", "副县长", "凤凰县人民政府")}


def test_several_posts_of_one_body():
    ex = run("凤凰县人民法院党组书记、院长杨青山说，要抓好落实。")
    assert posts(ex) == {("杨青山", "党组书记", "凤凰县人民法院"), ("杨青山", "院长", "凤凰县人民法院")}


def test_grade_prefix_belongs_to_the_title():
    ex = run("凤凰县公安局二级警长田志华介绍了经验。")
    assert posts(ex) == {("田志华", "二级警长", "凤凰县公安局")}


def test_an_ordinal_between_body_and_title():
    ex = run("凤凰县公安局禾库派出所第三任所长龙光明回忆说，当年条件艰苦。")
    assert posts(ex) == {("龙光明", "所长", "凤凰县公安局禾库派出所")}


def test_a_bare_station_is_the_one_the_report_names_in_full():
    ex = run("凤凰县公安局禾库派出所成立了调解室。禾库派出所所长龙光明介绍，调解室已化解纠纷20起。")
    assert posts(ex) == {("龙光明", "所长", "凤凰县公安局禾库派出所")}


def test_this_village_refers_to_the_village_named_before():
    ex = run("2021年，凤凰县禾库镇德榜村发生纠纷，该村网格员吴小红上门调解。")
    assert posts(ex) == {("吴小红", "网格员", "德榜村")}


def test_a_title_after_the_name():
    assert people("全县干部认真学习张建华同志的先进事迹。刘明远所长说，要向他学习。") == {"张建华", "刘明远"}


def test_a_name_before_a_reporting_verb():
    assert people("“这是大家的功劳。”李秀英告诉记者。") == {"李秀英"}


def test_names_listed_after_an_official_are_people_without_his_post():
    ex = run("凤凰县公安局局长张建军、王丽、刘洋等参加。")
    assert names(ex, "Person") == {"张建军", "王丽", "刘洋"}
    assert posts(ex) == {("张建军", "局长", "凤凰县公安局")}


def test_he_is_gives_posts_to_the_person_named_before():
    ex = run("上周，张建军到禾库镇检查工作。他是凤凰县公安局局长。")
    assert posts(ex) == {("张建军", "局长", "凤凰县公安局")}


def test_a_name_repeated_is_the_same_person():
    ex = run("凤凰县公安局局长张建军说，要抓落实。会后，张建军又到禾库镇调研。")
    person = next(e for e in ex.entities.values() if e.type == "Person")
    assert [m.anchor for m in person.mentions] == ["张建军", "张建军"]


def test_bylines_are_people_without_posts():
    ex = run("凤凰县开展宣传活动。（记者 张文华 通讯员 李明）\n群众踊跃参加。（王小兵 摄）")
    assert names(ex, "Person") == {"张文华", "李明", "王小兵"}
    assert not ex.posts


def test_a_transliterated_name():
    assert people("民警买买提·吐尔逊赶到现场。") == {"买买提·吐尔逊"}


@pytest.mark.parametrize("text", [
    "村民张某某与民警向群众宣传，书记和县长都到了，民警全力以赴。",
    "这个辖区长期没有发生案件。",  # 区长 across two words is no title
    "村民安全意识明显增强，村民金融知识也多了。",  # a surname character starting an everyday word
    "县委统战部部长出席，综治办主任主持。",  # bodies before a title are no names
])
def test_no_person_where_there_is_none(text):
    assert people(text) == set()


def test_a_list_of_names_on_its_own():
    assert people("出席会议的有：吴秀兰、李志刚、赵文博。") == {"吴秀兰", "李志刚", "赵文博"}


def test_a_name_heading_a_clause_before_what_officials_do():
    assert people("会议由县委办公室承办。刘志远主持会议并讲话。") == {"刘志远"}


def test_a_surname_and_an_honorific_is_no_name():
    assert people("店主王先生告诉记者，生意很好。") == set()
    assert people("网友：陈院长认为这样做很好。") == set()


def test_a_name_in_a_title_belongs_to_the_title():
    assert people("他写了《张建军传》一书。") == set()


def test_everyday_words_jieba_also_lists_as_names_are_not_names_in_a_list():
    assert people("按照“严格、公正、文明、廉洁”的要求，争创全国文明城市。") == set()


def test_posts_in_a_body_being_set_up():
    ex = run("凤凰县成立了由县委书记张建军任组长、县委副书记李志刚任副组长的凤凰县扫黑除恶专项斗争领导小组。")
    assert {("张建军", "组长", "凤凰县扫黑除恶专项斗争领导小组"), ("李志刚", "副组长", "凤凰县扫黑除恶专项斗争领导小组"),
            ("张建军", "书记", "凤凰县委")} <= posts(ex)
    assert ("张建军", "主任", "凤凰县禁毒委员会") in posts(run("凤凰县委成立了由张建军任主任的凤凰县禁毒委员会。"))


def test_a_post_named_instead_of_its_holder():
    ex = run("凤凰县委书记张建军出席会议。会议决定成立凤凰县禁毒委员会，由县委书记担任主任。")
    assert ("张建军", "主任", "凤凰县禁毒委员会") in posts(ex)


def test_a_post_in_a_township_conforms_to_the_shapes(tmp_path):
    from rdflib import Graph

    from graph import build
    from graph.validate import validate

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("凤凰县禾库镇镇长龙光明表示，将继续推进平安建设。", encoding="utf-8")
    build(src, tmp_path / "out", view=False)
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert any("禾库镇" in str(o) for o in g.objects(None, None))
    report = validate(g)
    assert report.conforms, report.text


# ---------------------------------------------------------------- holders and bodies paired (issue 16)

def test_a_party_committee_member_of_a_bureau_holds_both_posts_there():
    ex = run("凤凰县召开会议。县公安局党委委员、副局长田海涛介绍了工作。")
    assert {("田海涛", "党委委员", "凤凰县公安局"), ("田海涛", "副局长", "凤凰县公安局")} <= posts(ex)


def test_a_bare_title_at_a_clause_start_is_the_post_of_the_body_of_its_kind_named_before():
    ex = run("凤凰县人民检察院在禾库镇设立检察联络站，检察长彭立新说，要把矛盾化解在基层。")
    assert ("彭立新", "检察长", "凤凰县人民检察院") in posts(ex)
    ex = run("凤凰县公安局交警大队获评先进集体。大队长田志远说，将守好出行安全。")
    assert ("田志远", "大队长", "凤凰县公安局交警大队") in posts(ex)


def test_a_comma_between_the_bodies_of_one_persons_posts_keeps_the_chain():
    ex = run("凤凰县召开会议。县委常委、政法委书记，县公安局局长麻建华讲话。")
    assert {("麻建华", "常委", "凤凰县委"), ("麻建华", "书记", "凤凰县委政法委"),
            ("麻建华", "局长", "凤凰县公安局")} <= posts(ex)


def test_a_county_heads_post_is_in_the_county_government_even_when_the_text_does_not_name_it():
    ex = run("凤凰县召开会议。县委副书记、县长吴海平，副县长、县公安局局长龙建军出席。")
    assert {("吴海平", "副书记", "凤凰县委"), ("吴海平", "县长", "凤凰县人民政府"),
            ("龙建军", "副县长", "凤凰县人民政府"), ("龙建军", "局长", "凤凰县公安局")} <= posts(ex)
    gov = next(e for e in ex.entities.values() if e.name == "凤凰县人民政府")
    assert gov.mentions == [] and gov.attrs["implied"]


def test_a_township_head_after_the_townships_party_post_holds_it_in_the_township():
    ex = run("凤凰县召开会议。禾库镇党委副书记、镇长杨秀军参加活动。")
    assert {("杨秀军", "副书记", "禾库镇党委"), ("杨秀军", "镇长", "禾库镇")} <= posts(ex)


def test_a_city_official_keeps_the_city_for_every_body_of_his_posts():
    ex = run("凤凰县召开会议。湘西州委常委、政法委书记符建国出席。")
    assert ("符建国", "书记", "湘西土家族苗族自治州委政法委") in posts(ex)


def test_names_after_a_title_that_open_with_a_function_word_or_a_rare_word():
    ex = run("凤凰县召开会议。县委书记任海林，县委副书记何文涛，县委常委、政法委书记方志军出席会议。")
    assert {"任海林", "何文涛", "方志军"} <= names(ex, "Person")
    assert not {"和网格"} & people("凤凰县推行说事机制，由果农代表和网格员共同商议。")


def test_a_name_ends_before_zuo():
    ex = run("凤凰县召开会议。县委常委、政法委书记杨勇作工作报告，县公安局局长龙斌作交流发言。")
    assert {"杨勇", "龙斌"} <= names(ex, "Person") and not {"杨勇作", "龙斌作"} & names(ex, "Person")


def test_minority_names_written_without_a_surname_or_a_dot_after_a_title():
    ex = run("阿鲁科尔沁旗召开会议。旗委常委、政法委书记巴特尔表示，将提升牧民安全感。")
    assert "巴特尔" in names(ex, "Person")
    ex = run("阿鲁科尔沁旗公安局局长包乌力吉要求，加强边界警务协作。")
    assert "包乌力吉" in names(ex, "Person")
    assert not people("县委书记强调，要抓好落实。") and not people("县公安局局长表示，要加强巡逻。")


def test_the_audit_view_lists_a_government_a_post_implies_without_a_mention(tmp_path):
    from graph.explain import explain_report, explain_text

    report = tmp_path / "r.txt"
    report.write_text("凤凰县召开会议。县委副书记、县长吴海平出席会议并讲话。", encoding="utf-8")
    out = explain_text(explain_report(report))
    assert "凤凰县人民政府   @ implied by a post, not named" in out


@pytest.mark.parametrize("text", ["李秀英介绍，全县新建调解室12个。", "会议结束。\n李秀英介绍，全县新建调解室12个。",
                                  "会后，李秀英介绍，全县新建调解室12个。"])
def test_a_name_before_a_reporting_verb_at_the_text_start_a_line_start_or_after_a_comma(text):
    assert people(text) == {"李秀英"}


def test_no_name_before_a_reporting_verb_inside_a_clause():
    assert "李秀英" not in people("全县干部群众与李秀英介绍的经验相互印证。")


def test_an_appointment_names_the_post_with_or_without_tongzhi():
    ex = run("经研究决定，任命田志刚同志为凤凰县公安局副局长。")
    assert ("田志刚", "副局长", "凤凰县公安局") in posts(ex)
    ex = run("田志刚同志任凤凰县司法局局长。")
    assert ("田志刚", "局长", "凤凰县司法局") in posts(ex)
    # 为 after a name is a post's predicate only in an appointment
    ex = run("凤凰县公安局副局长田志刚为民警授课。")
    assert posts(ex) == {("田志刚", "副局长", "凤凰县公安局")}


def test_an_honorific_after_a_name_vouches_for_it_as_a_title_before_it_does():
    # 吴国 and 方志 are words to the dictionary; before 同志 the three characters are a name
    assert {"吴国华", "方志红"} <= people("吴国华同志和方志红同志表示，要继续努力。")
    # a function word that is also a surname stays a word (向|学昭女士: to Ms Xuezhao)
    assert not people("他立即回信向学昭女士致歉。")


def test_names_listed_after_one_title_share_its_posts():
    ex = run("山东省沂水县副县长张立新、刘海波出席会议。")
    assert {("张立新", "副县长", "沂水县人民政府"), ("刘海波", "副县长", "沂水县人民政府")} <= posts(ex)
    # a name after the 、 with a title of its own holds that title only; a place is no name
    ex = run("河北省阜平县副县长张立新、县检察院检察长刘海波出席会议。")
    assert ("刘海波", "副县长", "阜平县人民政府") not in posts(ex)
    assert "南非" not in people("中宣部副部长刘鹏、南非驻华大使戴克瑞到机场送行。")


def test_a_title_after_an_officials_name_is_a_post_in_the_same_body():
    ex = run("辽宁省新宾满族自治县司法局局长关玉梅、副局长佟志刚参加培训。")
    assert ("佟志刚", "副局长", "新宾满族自治县司法局") in posts(ex)
    ex = run("湖南省桑植县公安局党委书记、局长向红军，政委钟明亮陪同检查。")
    assert ("钟明亮", "政委", "桑植县公安局") in posts(ex)
    # a title of another kind of body is no post in this one
    ex = run("湖南省桑植县人民法院院长向红军、检察长钟明亮出席。")
    assert ("钟明亮", "检察长", "桑植县人民法院") not in posts(ex)


def test_a_grassroots_title_after_a_villages_title_is_the_villages_and_a_former_post_is_skipped():
    ex = run("陕西省紫阳县向阳镇营梁村网格员、联户长储德贵每天在村里巡查。")
    assert {p[:2] for p in posts(ex)} >= {("储德贵", "网格员"), ("储德贵", "联户长")}
    ex = run("河北省涉县人民法院特邀调解员、退休教师孙玉堂上半年化解纠纷150起。")
    assert posts(ex) == {("孙玉堂", "特邀调解员", "涉县人民法院")}


@pytest.mark.parametrize("text,name", [
    ("内蒙古自治区阿鲁科尔沁旗公安局派出所所长巴特尔朝鲁介绍情况。", "巴特尔朝鲁"),
    ("内蒙古自治区鄂温克族自治旗巴彦托海镇派出所所长敖登格日勒说，辖区治安平稳。", "敖登格日勒"),
    ("苏尼特右旗乌兰嘎查嘎查达额尔敦毕力格带领牧民巡边。", "额尔敦毕力格"),
    ("西藏自治区墨竹工卡县甲玛镇派出所所长扎西平措说，今年辖区未发生刑事案件。", "扎西平措"),
    ("四川省壤塘县公安局蒲西派出所所长泽让多吉走访牧户。", "泽让多吉"),
    ("入冬以来，联户长韩乌力吉时常上门提醒。", "韩乌力吉"),
    ("村里的联户长周其木格经常上门走访。", "周其木格"),
    ("嘎查达刘苏和巴特尔经常走访牧户。", "刘苏和巴特尔"),
    ("广东省连南瑶族自治县寨岗镇派出所辅警房国强救起落水儿童。", "房国强"),
    ("河北省涞水县三坡镇派出所副所长何建明说，游客多了警力要跟上。", "何建明"),
    ("甘肃省临潭县召开会议。冶力关派出所所长马建国说，今年辖区发案下降。", "马建国"),
    ("青海省同仁市隆务镇司法所所长才让卓玛介绍调解经验。", "才让卓玛"),
    ("四川省色达县人民法院洛若人民法庭庭长降措尼玛开展巡回审判。", "降措尼玛"),
])
def test_a_name_after_a_title_minority_or_han_is_not_cut_short(text, name):
    assert name in people(text)


@pytest.mark.parametrize("text,name", [("所长马明华强调，要加强巡逻。", "马明华"),
                                       ("书记李明达组织村民开展巡逻。", "李明达"),
                                       ("派出所所长巴特尔主持会议。", "巴特尔")])
def test_a_han_name_of_transcription_characters_keeps_its_length(text, name):
    assert people(text) == {name}


@pytest.mark.parametrize("text", ["网格员才发现问题。", "民警主动上门服务。"])
def test_everyday_words_after_a_title_are_no_transcribed_name(text):
    assert not people(text)


def test_names_joined_before_an_appointment_verb_hold_the_post_in_the_body_set_up():
    body = "凤凰县社会治安综合治理委员会"
    ex = run("湖南省凤凰县成立了由县长王建军任主任，县委常委、政法委书记李东和副县长、公安局局长赵国栋任副主任的县综治委。")
    assert {("李东", "副主任", body), ("赵国栋", "副主任", body)} <= posts(ex)
    assert ("王建军", "副主任", body) not in posts(ex)
    ex = run("湖南省凤凰县成立了由县长王建军任主任，李东、张伟任副主任的县综治委。")
    assert {("李东", "副主任", body), ("张伟", "副主任", body)} <= posts(ex)


def test_a_special_mediator_named_alone_is_the_courts_named_before():
    ex = run("山东省郯城县人民法院李庄人民法庭持续开展巡回审判。在法庭的诉讼服务站，特邀调解员赵淑芬为群众释法答疑。")
    assert ("赵淑芬", "特邀调解员", "郯城县人民法院李庄人民法庭") in posts(ex)
    assert not posts(run("湖南省平江县司法局组织培训。特邀调解员王秀英参加。"))


def test_a_title_after_a_body_word_no_agency_answers_is_not_the_previous_bodys():
    ex = run("山东省莒南县大店镇司法所所长、调委会主任刘洪涛主持调解。")
    assert posts(ex) == {("刘洪涛", "所长", "莒南县司法局大店镇司法所")}


def test_a_chain_runs_on_past_a_unit_no_agency_answers():
    ex = run("江苏省泗洪县人民法院执行局副局长、执行指挥中心主任王宏伟介绍。")
    assert posts(ex) == {("王宏伟", "副局长", "泗洪县人民法院执行局")}
    ex = run("湖南省慈利县零阳镇党委书记、人大主席王华介绍。")
    assert posts(ex) == {("王华", "书记", "零阳镇党委")}
    ex = run("福建省长汀县人民法院党组成员、副院长、审判委员会专职委员林小平出席。")
    assert posts(ex) == {("林小平", "党组成员", "长汀县人民法院"), ("林小平", "副院长", "长汀县人民法院")}


def test_yi_names_after_a_deputy_title_and_in_its_list():
    ex = run("云南省宁蒗彝族自治县公安局副局长沙马拉毅、阿苏尔布等参加。")
    assert {("沙马拉毅", "副局长", "宁蒗彝族自治县公安局"), ("阿苏尔布", "副局长", "宁蒗彝族自治县公安局")} <= posts(ex)


def test_a_transcriptions_last_character_that_writes_a_function_word_before_a_list_mark():
    ex = run("新疆维吾尔自治区尉犁县公安局古勒巴格派出所民警热合曼·阿不都、辅警艾力·吐尔洪参加巡逻。")
    assert {p[:2] for p in posts(ex)} == {("热合曼·阿不都", "民警"), ("艾力·吐尔洪", "辅警")}
    assert "艾力·吐尔逊" in people("民警艾力·吐尔逊都来了。")


def test_tibetan_and_mongolian_names_after_a_title_and_in_a_chain():
    ex = run("四川省甘孜县公安局局长泽仁邓珠、政委格绒泽郎出席。")
    assert posts(ex) == {("泽仁邓珠", "局长", "甘孜县公安局"), ("格绒泽郎", "政委", "甘孜县公安局")}
    assert "娜仁高娃" in people("通辽市科尔沁区人民法院木里图人民法庭书记员娜仁高娃介绍。")


def test_a_places_leaders_named_without_posts_and_a_list_that_goes_on_to_a_verb():
    assert people("县领导王建军、李卫东、陈晓红参加调研。") == {"王建军", "李卫东", "陈晓红"}
    assert people("民警李强、王芳、赵丽赶到现场。") == {"李强", "王芳", "赵丽"}
    assert not people("县领导高度重视，全县上下齐心协力。")


def test_yi_and_dai_names_after_a_title_without_a_surname():
    # names written in transcription characters, whatever the people: 吉克阿呷 (Yi), 岩温 (Dai)
    ex = run("昭觉县召开会议。县司法局局长吉克阿呷、县公安局政委阿西木呷出席会议。")
    assert {"吉克阿呷", "阿西木呷"} <= names(ex, "Person")
    ex = run("勐海县召开会议。县人民检察院检察长岩温、县公安局副局长玉香出席会议。")
    assert {"岩温", "玉香"} <= names(ex, "Person")
    # a Han surname and given name followed by 和 is no transcription
    assert "杨燕华" in names(run("勐海县召开会议。县公安局局长杨燕华和副局长玉香出席会议。"), "Person")


def test_a_name_listed_after_a_found_one_may_open_on_a_surname_that_is_a_word_first():
    # 何 is "what" first; after 朱建国、 the list vouches for 何丽, and the list goes on
    assert {"朱建国", "何丽", "陈刚"} <= names(run("汝城县召开会议。县领导朱建国、何丽、陈刚参加活动。"), "Person")
    # a place in a list is no name for it
    assert "南非" not in names(run("会见了中国的朱建国、南非和巴西的代表。"), "Person")


def test_a_name_whose_last_character_and_shuo_make_a_word_ends_a_sentence_too():
    assert "赵德明" in people("石阡县公安局开展巡逻，局长赵德明说。")
    assert "赵德明" in people("“今年破案多。”石阡县公安局局长赵德明说。")


def test_an_office_title_after_the_name_is_a_post_at_the_body_written_before_the_name():
    assert ("王建平", "局长", "石阡县司法局") in posts(run("石阡县司法局王建平局长介绍，今年调解纠纷320件。"))


def test_a_name_opening_its_clause_before_xianren_and_a_title_holds_that_post():
    ex = run("石阡县召开大会。李兴华，现任石阡县人民检察院检察长。")
    assert ("李兴华", "检察长", "石阡县人民检察院") in posts(ex)


def test_a_village_committee_in_a_chain_of_posts_is_the_same_villages():
    ex = run("石阡县聚凤乡红岩村党支部书记、村委会主任罗成富说，村里没有发生一起案件。")
    assert {("罗成富", "书记", "红岩村党支部"), ("罗成富", "主任", "红岩村村民委员会")} <= posts(ex)


def test_a_transcribed_name_joined_by_a_dot_opening_its_clause():
    assert "阿布都热依木·买买提" in people("阿布都热依木·买买提是村里的调解员，今年调解纠纷30件。")
    assert "玛依拉·艾力" in people("去年，玛依拉·艾力带领调解队走访群众200户。")
    assert not people("党建·引领基层治理。平安·法治·和谐。")


def test_a_name_between_its_body_and_its_office_title_where_the_body_and_name_run_together():
    assert ("李明", "书记", "石阡县委") in posts(run("石阡县委李明书记说，今年调解纠纷320件。"))
