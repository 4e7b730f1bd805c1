"""Each normalisation rule, and the offset map back to the original text."""
from __future__ import annotations

import sys

from graph.normalise import normalise


def _check_map(n):
    for i, ch in enumerate(n.text):
        o = n.offsets[i]
        assert 0 <= o < len(n.original)


def test_word_broken_across_column_lines_is_rejoined():
    text = "\n".join(["近年来，湄潭县公安局坚持以人民为", "中心，深入推进社会治安防控体系建", "设，全县治安形势持续向好，群众安全", "感明显提升。全县共破获刑事案件", "二百余起，打掉犯罪团伙十二个，追", "缴赃款赃物价值三百余万元，有力震", "慑了各类违法犯罪活动，维护了社会", "大局稳定。"])
    n = normalise(text)
    assert "社会治安防控体系建设" in n.text
    assert "群众安全感明显提升" in n.text
    _check_map(n)


def test_letter_spaced_characters_are_closed_up():
    n = normalise("特 别 是 成 功 破 获 一 起 特 大 案 件。")
    assert n.text == "特别是成功破获一起特大案件。"


def test_number_spaced_from_its_unit():
    n = normalise("全年破获刑事案件 23 起，刑事拘留 65人。")
    assert "破获刑事案件23起" in n.text and "刑事拘留65人" in n.text


def test_a_numbers_digits_spaced_out_are_closed_up():
    n = normalise("今年以来共破获刑事案件 1 2 3 起，查获 2 0 2 3 年以来的积案 4 5 件。")
    assert "破获刑事案件123起" in n.text and "2023年以来的积案45件" in n.text
    _check_map(n)
    assert normalise("型号为 iPhone 15 Pro 的手机").text.count(" ") == 2  # words of Latin script keep their spaces


def test_ascii_double_quotes_around_chinese_words_become_chinese_quotes():
    n = normalise('某县公安局推行"一村一法律顾问"机制，开展"清源"专项行动。')
    assert n.text == "某县公安局推行“一村一法律顾问”机制，开展“清源”专项行动。"
    _check_map(n)
    assert normalise('他说"好的，马上办。').text == '他说"好的，马上办。'  # one quote: no telling what it opens


def test_page_furniture_and_bylines_are_set_apart():
    text = "本报记者 王小明 通讯员 李华\n县公安局开展夏季治安打击整治行动。\n（下转 15 版）\n责任编辑：张三 美术编辑：李四"
    n = normalise(text)
    kinds = {n.text[s.start:s.end]: s.kind for s in n.segments}
    assert kinds["县公安局开展夏季治安打击整治行动。"] == "body"
    assert any(k == "furniture" and "下转" in t for t, k in kinds.items())
    assert any(k == "byline" for k in kinds.values())


def test_ascii_punctuation_inside_chinese_becomes_full_width():
    n = normalise("县法院(立案庭)受理案件,同比上升10%;调解率高.")
    assert "县法院（立案庭）受理案件，同比上升10%；" in n.text


def test_caption_inside_a_broken_sentence_is_moved_out():
    body1 = "全县已建成综合治理中心二十个，村级网格服务站一百多个，实现了城乡网格管理的全面覆盖和信息化平"
    caption = "图为县委书记调研网格化管理工作"
    body2 = "台的互联互通，基层社会治理能力明显增强，群众满意度逐年提升，各项工作走在全市前列。"
    n = normalise("\n\n".join([body1, caption, body2]))
    assert "信息化平台的互联互通" in n.text
    assert any(s.kind == "caption" and n.text[s.start:s.end] == caption for s in n.segments)


def test_traditional_script_is_converted_and_offsets_still_index_the_original():
    text = "臺灣省某縣警察局推動社區治安會議，縣法院設立調解中心。"
    n = normalise(text)
    assert n.script == "zh-Hant"
    assert "县法院设立调解中心" in n.text
    b, e = n.to_original(n.text.index("县法院"), n.text.index("县法院") + 3)
    assert text[b:e] == "縣法院"


def test_offset_map_gives_back_every_span():
    text = "县公安局\n坚持从严治警 ，对 违纪民警 4名 进行处理。\n\n（下转 3 版）"
    n = normalise(text)
    i = n.text.index("从严治警")
    b, e = n.to_original(i, i + 4)
    assert text[b:e] == "从严治警"
    _check_map(n)


def test_web_page_junk_is_removed_and_offsets_still_hold():
    text = ('<div class="nav">首页 | 新闻</div>\n<p>江华瑶族自治县司法局&nbsp;做好社区矫(jiǎo)正工作。</p>\n'
            '<img src="/upload/pic01.jpg">\n分享到：微信 微博\n【打印本页】【关闭窗口】')
    n = normalise(text)
    body = [n.text[s.start:s.end] for s in n.segments if s.kind == "body"]
    assert body == ["江华瑶族自治县司法局 做好社区矫正工作。"] or body == ["江华瑶族自治县司法局做好社区矫正工作。"]
    i = n.text.index("矫正")
    b, e = n.to_original(i, i + 2)
    assert text[b:e] == "矫(jiǎo)正"


def test_repeated_headline_is_furniture():
    n = normalise("江华县召开政法工作会议\n江华县召开政法工作会议\n会议要求做好平安建设各项工作，确保大局稳定。")
    assert [n.text[s.start:s.end] for s in n.segments if s.kind == "furniture"] == ["江华县召开政法工作会议"]


def test_furniture_and_byline_shapes_count_only_at_a_line_start():
    text = ("（上接第 3 版）\n第 4 版\n2019\n------\n文/张三\n"
            "全县新建治安岗亭12个，第3版本的方案获得通过。\n县公安局开展夏季治安打击整治行动。")
    kinds = {ln.text: ln.kind for ln in sys.modules["graph.normalise"]._split_lines(text)}
    assert [kinds[k] for k in ("（上接第 3 版）", "第 4 版", "2019", "------")] == ["furniture"] * 4
    assert kinds["文/张三"] == "byline"
    assert kinds["全县新建治安岗亭12个，第3版本的方案获得通过。"] == "body"  # 第3版 inside a sentence


def test_a_reporter_named_inside_a_sentence_is_no_byline():
    # 向记者介绍 in a column line is body text: the paragraph is joined across it
    text = "\n".join(["凤凰县公安局局长吴军向记者介", "绍，今年以来该局共破获电信", "网络诈骗案件45起，抓获犯罪",
                      "嫌疑人67名，挽回群众损失", "120万元，发案率明显下降。"])
    n = normalise(text)
    assert "向记者介绍，今年以来" in n.text and {s.kind for s in n.segments} == {"body"}
    kinds = {ln.text: ln.kind for ln in sys.modules["graph.normalise"]._split_lines(
        "本报讯（记者 吴军 通讯员 田芳）近日，凤凰县开展禁毒宣传。\n记者 吴军 通讯员 田芳\n（图为民警走访群众 田芳 摄）")}
    assert list(kinds.values()) == ["body", "byline", "byline"]


def test_a_web_page_s_short_heading_is_not_read_as_a_column_line():
    # a few short lines among long paragraphs are headings, not a PDF column wrapping mid-sentence
    text = "\n".join(["凤凰县推行“一窗通办”", "提升群众满意度",
                      "近年来，凤凰县在县级矛盾纠纷调处化解中心推行“一窗通办”，群众反映的问题在一个窗口登记、分流、办理、反馈，办理时限压缩到七个工作日以内。",
                      "一窗受理“一次办好”",
                      "田芳告诉记者：“以前跑几个部门，现在到一个窗口就能办，调解员还会上门回访。”说起当初的事，她说矛盾早就化解了，邻里关系也更和睦。"])
    n = normalise(text)
    assert "一窗受理“一次办好”\n田芳告诉记者" in n.text


def test_a_headline_over_one_long_paragraph_is_not_read_as_a_column_line():
    # most lines are short, but one is far wider than any column: a web text, whose headline
    # (ending open, with no mark) stands on its own
    text = "\n".join(["凤凰禁毒 “五进”宣传走进千家万户",
                      "凤凰县禁毒委组织开展禁毒宣传“五进”活动，走进社区、学校、家庭、企业、场所，发放宣传资料一万余份，"
                      "开展宣讲二十余场，群众禁毒意识明显提升，全县毒品案件数量同比下降三成，禁毒工作群众满意率持续提高。",
                      "禾库镇、廖家桥镇获评全州禁毒工作先进集体。"])
    n = normalise(text)
    assert n.text.startswith("凤凰禁毒“五进”宣传走进千家万户\n凤凰县禁毒委")


def test_a_mechanism_in_ascii_double_quotes_is_read_as_in_chinese_ones():
    from helpers import names, run

    assert "一村一法律顾问" in names(run('近年来，某某县公安局推行"一村一法律顾问"机制。'), "Mechanism")


def test_a_sites_path_is_page_furniture():
    n = normalise("某某新闻网 > 政法动态 > 正文\n某某县公安局开展夜巡。")
    assert [s.kind for s in n.segments] == ["furniture", "body"]
    assert [s.kind for s in normalise("甲>乙").segments] == ["body"]


def test_the_white_space_class_is_what_isspace_takes_for_white_space():
    # _SPECIAL lists white space character by character (a class with \s in it is slower to
    # search): the list must be exactly the characters str.isspace() and re's \s take
    import re

    from graph.normalise import _WHITE_SPACE

    every = "".join(map(chr, range(0x110000)))
    assert re.findall(f"[{_WHITE_SPACE}]", every) == [c for c in every if c.isspace()] == re.findall(r"\s", every)


def test_lines_with_a_credit_or_furniture_word_are_still_read_as_such():
    # furniture and bylines are looked for only in lines holding one of their words (found in
    # one scan of the text): a credit after markup, a page line after a body line
    n = normalise("县公安局开展夜巡，抓获嫌疑人3名。\n（记者 <b>王丽</b>）\n责任编辑：李四\n第 3 版\n"
                  "记<i>者</i> 张三\n本报讯（记者 王丽）近日，县公安局开展夜巡，抓获嫌疑人3名。\n图/ 王五 摄")
    kinds = {n.text[s.start:s.end]: s.kind for s in n.segments}
    assert kinds["（记者 王丽）"] == "byline" and kinds["责任编辑：李四"] == "furniture" and kinds["第3版"] == "furniture"
    assert kinds["记者 张三"] == "byline" and kinds["图/王五摄"] == "byline"
    assert kinds["本报讯（记者 王丽）近日，县公安局开展夜巡，抓获嫌疑人3名。"] == kinds["县公安局开展夜巡，抓获嫌疑人3名。"] == "body"


def test_line_patterns_tried_only_where_they_can_match():
    """_split_lines tries the heading, furniture-line and widget patterns only on a line whose
    first character one of their branches can start with: no line opening on another may match."""
    nm = sys.modules["graph.normalise"]
    tails = ["", "1", "1版", "转 3 版）", "接第 2 版", "---", "享到", "页 > 新闻", "页|", "opyright 2020",
             "源：某网", "#标题", "■ 标题", " 3 版"]
    for c in map(chr, range(0x10000)):
        if c.isspace() or c in nm._EDGE:
            continue  # never opens a stripped line
        if c not in nm._HEADING_OPENERS:
            assert not any(nm._HEADING_MARK.match(c + t) for t in tails), c
        if c not in nm._FURNITURE_LINE_OPENERS and not c.isdecimal():
            assert not any(nm._FURNITURE_LINE.match(c + t) for t in tails), c
        if c not in nm._WIDGET_OPENERS:
            assert not any(nm._WIDGET_NO_PATH.match(c + t) for t in tails), c
    assert all(not chr(c).isspace() for c in range(0x3001, 0x110000))  # _STRIP holds every white-space character
    assert normalise("\u3000\ufeff 第 3 版\u200b\n公安局召开会议。").segments[0].kind == "furniture"


def test_a_line_that_breaks_a_list_or_a_number_runs_on_into_the_next():
    assert normalise("石阡县聚凤乡、\n龙塘镇分别被评为全省平安乡镇。").text == "石阡县聚凤乡、龙塘镇分别被评为全省平安乡镇。"
    text = "石阡县司法局深入开展纠纷调处工作，全年共排查各类矛盾纠纷一千余件，累计接待群众来访1200\n余人次。"
    assert "1200余人次" in normalise(text).text
    # a picture's caption cut off by its file's name is no list left open
    assert normalise("图说：石阡风光、\n石阡县召开会议。").text.count("\n") == 1
