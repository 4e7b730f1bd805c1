"""The fast text scans extraction relies on give what the plain ones give."""
from __future__ import annotations

import random
import re

from graph.extract.doc import QUOTE_PAIRS, find_nested_quotes, find_quotes, finditer_near
from graph.extract.places import _full_names
from graph.gazetteer import load

CENTRE = re.compile("([\u4e00-\u9fff]{2,14}?)(中心|工作领导小组|领导小组)")
CENTRE_HEAD = re.compile("(?=中心|工作领导小组|领导小组)")
CENTRE_WORDS = re.compile("中心|工作领导小组|领导小组")


def test_finditer_near_finds_what_finditer_finds():
    for text in ["平江县成立了综治中心，县矛盾纠纷调处中心和县扫黑除恶专项斗争领导小组办公室随即挂牌。",
                 "中心中心中心领导小组中心", "县综治中心", "中心", "", "工作领导小组工作领导小组，社会治安综合治理中心",
                 # anchors with no match in reach before the next (each window tried, then the next anchor)
                 "，，中心，县综治中心", "ab中心cd中心。领导小组县矛盾调处中心"]:
        want = [(m.span(), m.groups()) for m in CENTRE.finditer(text)]
        assert [(m.span(), m.groups()) for m in finditer_near(CENTRE, text, CENTRE_HEAD, 2, 14)] == want
        # the anchor written as plain words: only where each starts is read
        assert [(m.span(), m.groups()) for m in finditer_near(CENTRE, text, CENTRE_WORDS, 2, 14)] == want


def test_finditer_near_finds_unquoted_names_as_finditer():
    from graph.extract.named import _unquoted_re

    pattern, heads, reach = _unquoted_re()
    text = ("全县深入开展禁毒百日攻坚行动，建立矛盾纠纷多元化解机制。以网格化管理为基础的联调机制全面建立，"
            "机制机制，推进平安乡村建设工程和智慧安防平台，行动")
    want = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    assert want  # the sentence holds names: the test compares something
    assert [(m.span(), m.groups()) for m in finditer_near(pattern, text, heads, 2, reach)] == want


def test_quotes_nested_unclosed_and_across_lines():
    text = "推行“‘一村一警’模式”和“雪亮工程，\n未闭合的“引号"
    assert [(q.start, q.end, q.content) for q in find_quotes(text)] == [(2, 12, "‘一村一警’模式")]
    assert [q.content for q in find_quotes("“枫桥经验”与「网格化」")] == ["枫桥经验", "网格化"]
    assert [q.content for q in find_quotes("他说“有“三无”创建”")] == ["有“三无”创建"]


def _quotes_by_scanning(text: str) -> list[tuple[int, int, str]]:
    """The plain way (quadratic on a line of unclosed marks): from each opening mark, scan its
    line for the closing mark, counting the same opening mark as nesting."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch not in QUOTE_PAIRS:
            i += 1
            continue
        depth, end = 0, -1
        for j in range(i + 1, len(text)):
            c = text[j]
            if c == "\n":
                break
            if c == ch:
                depth += 1
            elif c == QUOTE_PAIRS[ch]:
                if depth == 0:
                    end = j
                    break
                depth -= 1
        if end < 0:
            i += 1
            continue
        if 0 < end - i - 1 <= 40:
            out.append((i, end + 1, text[i + 1:end]))
        i = end + 1
    return out


def test_quotes_found_in_one_pass_equal_the_plain_scan():
    rnd = random.Random(7)
    marks = "“”‘’「」『』\n甲乙"
    for _ in range(20000):
        text = "".join(rnd.choice(marks) for _ in range(rnd.randint(0, 16)))
        assert [(q.start, q.end, q.content) for q in find_quotes(text)] == _quotes_by_scanning(text)


def test_quotes_inside_speech():
    text = "他说：“多年来坚持‘枫溪经验’不动摇，办好了许多邻里小事，让乡亲放心，这是我们最大的收获，今后还要继续坚持下去。”"
    assert find_quotes(text) == []  # speech longer than a name is no quotation of one
    assert [q.content for q in find_nested_quotes(text)] == ["枫溪经验"]
    assert [q.content for q in find_nested_quotes("推行“‘一村一警’模式”")] == ["一村一警"]


def test_full_place_names_leftmost_longest():
    text = "湖南省张家界市慈利县与最佳县市"
    names = [v for _, _, v in _full_names(text, load())]
    assert names[:3] == ["湖南省", "张家界市", "慈利县"]
    # 佳县 is a county name: found here, dropped later as part of a longer word (_standalone)
    assert names[3:] == ["佳县"]


def test_spans_answer_as_the_plain_scans():
    """Spans (a list of taken spans indexed as it grows) answers overlap, crossing and end
    questions as a scan of the list does, empty spans and spans before the text included."""
    from graph.extract.doc import Spans

    rnd = random.Random(11)
    for _ in range(400):
        spans, plain = Spans(), []
        for _ in range(rnd.randint(0, 10)):
            a = rnd.randint(-1, 25)
            span = (a, a + rnd.choice([0, 1, 2, 3, 6, -1]))
            spans.append(span)
            plain.append(span)
        assert list(spans) == plain
        for s in range(-2, 30):
            assert spans.crosses(s) == any(a < s < b for a, b in plain)
            assert spans.ends_at(s) == any(b == s for _, b in plain)
            assert spans.ends_at(s, empty=False) == any(b == s and a < b for a, b in plain)
            for e in range(s - 1, s + 8):
                assert spans.overlaps(s, e) == any(s < b and a < e for a, b in plain), (plain, s, e)


def test_spans_only_grow():
    from graph.extract.doc import Spans

    spans = Spans([(0, 2)])
    spans += [(4, 6)]
    assert spans == [(0, 2), (4, 6)] and spans.overlaps(5, 9) and not spans.overlaps(2, 4)
    for change in (lambda: spans.pop(), lambda: spans.insert(0, (1, 2)), lambda: spans.__setitem__(0, (1, 2))):
        try:
            change()
        except TypeError:
            continue
        raise AssertionError("a Spans list was changed in place: its index would no longer hold")


def _find_by_find(text: str, names) -> dict[str, list[int]]:
    out = {}
    for name in dict.fromkeys(names):
        at, i = [], text.find(name)
        while i >= 0:
            at.append(i)
            i = text.find(name, i + 1)
        if at:
            out[name] = at
    return out


def test_every_name_found_in_one_pass_as_find_finds_it():
    """doc.find_all (many names, one pass) and persons._written_at (as re.finditer: no two
    overlapping) against the plain scans, with overlapping names, names at the text's end and
    characters a character class must escape."""
    from graph.extract.doc import find_all
    from graph.extract.persons import _written_at

    rnd = random.Random(5)
    alphabet = "县市镇张三]^-\\"
    assert find_all("张三张三县", ["张三", "三张", "县"]) == {"张三": [0, 2], "三张": [1], "县": [4]}
    for _ in range(1500):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 50)))
        names = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 4))) for _ in range(rnd.choice([3, 30]))]
        assert find_all(text, names) == _find_by_find(text, names), (text, names)
        at = _written_at(text, set(names))
        for n in set(names):
            assert at.get(n, []) == [m.start() for m in re.finditer(re.escape(n), text)], (text, n)


# clauses written for this test: bodies, places, named things, governing prepositions, 全县, posts
_CLAUSES = ["县公安局开展“平安守护”专项行动", "在县人民法院推行诉前调解工作机制", "全县建立“一村一警”工作机制",
            "东山镇实施“雪亮工程”", "通过县委政法委建立矛盾纠纷排查化解机制", "同时，全县推进“智慧安防”工程",
            "县司法局局长、县信访局建立信访代理工作机制", "西岭乡青石村创建“无讼村”活动", "其中，县妇联开展“家庭和睦”行动",
            "会同县检察院实施“阳光检务”工程", "县综治中心", "推行“网格+警格”模式", "湖南省慈利县零阳镇开展禁毒宣传活动",
            # a station holding its bureau's name; 该县/本县 and a 全县 a verb of motion governs
            "县公安局东山派出所开展“反诈进万家”活动", "该县推行“警民联调”机制", "深入全县开展“送法下乡”活动",
            "本县实施“天网工程”", "在全县推行“一格一员”模式", "全县委办局参与“文明城市”创建",
            # bodies acting together
            "县公安局、县司法局和县妇联联合开展“护苗”行动", "县检察院联合县公安局东山派出所，在全镇开展“法治进校园”活动",
            "县法院与县司法局共同建立诉调对接机制",
            # places framing a sentence (在X，…) and a subject after an opening adverbial
            "在东山镇，推行“网格+警格”模式", "同时，在西岭乡青石村和东山镇，“一村一警”工作机制效果良好",
            "通过推行“警民联调”机制，东山镇将矛盾化解在基层", "在开展“平安守护”专项行动中，县公安局破获案件12起",
            # a body 由 names as the one that acts, before or after the thing
            "“清网护校”行动由县公安局东山派出所组织实施", "由县司法局牵头，开展“法律夜诊”活动"]


def test_the_indexed_actor_agrees_with_the_plain_reading():
    """Who does each named thing, and who acts with it, read from indexes made once per report
    (_DoerIndex), is who the plain scan of the report's actors reads: on texts of random
    clauses, with and without line breaks."""
    import sys

    from graph.extract import extract_text

    x = sys.modules["graph.extract.actors"]
    real, calls = x._actor, []

    def both(doc, actors, governed, pos, named, focal_key=None, index=None):
        got = real(doc, actors, governed, pos, named, focal_key, index)
        assert got == x._actor_naive(doc, actors, governed, pos, named, focal_key), (doc.text, pos)
        calls.append(got)
        return got

    real_co, co_calls = x._coactors, []

    def both_co(doc, actors, key, pos, index=None):
        got = real_co(doc, actors, key, pos, index)
        assert got == real_co(doc, actors, key, pos), (doc.text, pos)
        co_calls.append(got)
        return got

    rnd = random.Random(3)
    x._actor, x._coactors = both, both_co
    try:
        for _ in range(60):
            parts = []
            for _ in range(rnd.randint(2, 14)):
                parts += [rnd.choice(_CLAUSES), rnd.choice("，，。；\n")]
            extract_text("".join(parts))
    finally:
        x._actor, x._coactors = real, real_co
    assert len(calls) > 200 and any(calls) and not all(calls)
    assert any(co_calls) and not all(co_calls)


def test_the_last_match_before_a_position_is_the_plain_scans():
    """Doc.last_match_before (a sentence's matches found once) gives the last match a scan of
    the sentence up to the position gives, wherever the position cuts a match: on random texts
    of disposal clauses (把A、B、C有机衔接起来) and formulas, with and without sentence breaks."""
    from graph.extract import doc as docmod
    from graph.extract.components import _DISPOSAL
    from graph.normalise import normalise

    pieces = ["把调解、信访、诉讼有机衔接起来", "将网格员、民警、调解员编入网格", "推行“三调联动”", "将东山镇、西岭乡",
              "和南河街道", "，", "。", "、", "把", "将", "县公安局"]
    rnd = random.Random(5)
    checked = 0
    for _ in range(80):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 30)))
        doc = docmod.Doc(normalise(text), "r", None)
        for end in range(len(doc.text) + 1):
            ss, _ = doc.sentence_at(end)
            plain = list(_DISPOSAL.finditer(doc.text[ss:end]))
            got = doc.last_match_before(_DISPOSAL, end)
            want = (plain[-1].start() + ss, plain[-1].group(1)) if plain else None
            assert (got and (got.start(), got.group(1))) == want or (got is None and want is None), (text, end)
            checked += plain != []
    assert checked > 100


def test_sentence_ends_as_the_plain_two_branch_pattern_finds_them():
    from graph.extract.doc import _SENT_END

    plain = re.compile(r"[。！？；!?;\n]+|…{1,2}(?=[^”’」』])")
    rnd = random.Random(11)
    texts = ["他说……“好”。", "等等…”。", "全县……\n破获案件3起！！", "…", "……", "……」", "；;\n\n。"]
    texts += ["".join(rnd.choice("。！？；!?;\n…”’」』县 ") for _ in range(rnd.randint(0, 14))) for _ in range(3000)]
    for text in texts:
        assert [m.span() for m in _SENT_END.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_subject_clause_separators_are_where_the_separator_pattern_matches():
    from graph.extract.doc import Context, Doc
    from graph.extract.subjects import _SEPS, SubjectFinder
    from graph.normalise import normalise

    for text in ["全县——共破获案件3起；其中，县公安局：侦破2起", "没有标点的一句话", "——", "，，——，—；", "县法院—审结案件"]:
        doc = Doc(normalise(text), "r", Context(load()))
        seps = SubjectFinder(doc, [], set(), None).seps
        assert seps == [m.start() for m in _SEPS.finditer(doc.text)], text


def _random_texts(alphabet: str, n: int = 3000, seed: int = 16) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24))) for _ in range(n)]


def test_scans_tried_only_at_their_anchor_words_find_what_finditer_finds():
    """Each pattern the extractors try only where a few characters or words stand (found by
    str.find) gives what its plain ``finditer`` gives."""
    from graph.extract import _RENAMED, _RENAMED_AT
    from graph.extract.actors import _COUNTED, _LED_DRIVE, _SELF_BODY, _WHOLE_PLACE
    from graph.extract.agencies import _SET_UP_GROUP, _TOWNSHIP_UNIT_RE
    from graph.extract.doc import finditer_around, finditer_from
    from graph.extract.places import _SHARED_LENGTHS, _SHARED_VILLAGE, _SHORT_LIST, _TOWN_END, _VILLAGE_END
    from graph.extract.subjects import _GENERIC, _WHOLE_UNIT

    cases = [
        (_COUNTED, lambda t: finditer_around(_COUNTED, t, ("部门", "单位"), 1, 2), "三两个家部门单位在和的县"),
        (_RENAMED, lambda t: finditer_around(_RENAMED, t, _RENAMED_AT, 0, 2), "正式更名为改称前身的是（原以下简称(县"),
        (_SHORT_LIST, lambda t: finditer_around(_SHORT_LIST, t, "、", 2, 4), "高州化、两三市县等地区，"),
        (_SHARED_VILLAGE, lambda t: finditer_around(_SHARED_VILLAGE, t, ("村", "社区"), *_SHARED_LENGTHS),
         "团结新村社区胜利，和平"),
        (_TOWNSHIP_UNIT_RE, lambda t: finditer_around(_TOWNSHIP_UNIT_RE, t, ("派出所", "法庭", "司法所", "检察室"), 0, 2),
         "边境森林派出所人民法庭司检察室"),
        (_GENERIC, lambda t: finditer_around(_GENERIC, t, ("机关", "警方"), 0, 4), "公安检察审判司法行政机关警方"),
        (_TOWN_END, lambda t: finditer_from(_TOWN_END, t, "镇乡街苏"), "镇乡街道苏木县"),
        (_VILLAGE_END, lambda t: finditer_from(_VILLAGE_END, t, "村社居嘎"), "村社区居委会嘎查县"),
        (_WHOLE_UNIT, lambda t: finditer_from(_WHOLE_UNIT, t, "全该我本"), "全该我本县市镇委政长"),
        (_WHOLE_PLACE, lambda t: finditer_from(_WHOLE_PLACE, t, "全该本我"), "全该本我县市区委"),
        (_SELF_BODY, lambda t: finditer_from(_SELF_BODY, t, "我本全"), "我本全院局庭队县"),
        (_SET_UP_GROUP, lambda t: finditer_from(_SET_UP_GROUP, t, "成组设"), "成立了组建设工作领导小组"),
        (_LED_DRIVE, lambda t: finditer_from(_LED_DRIVE, t, "此本该这"), "此次本该这专项行动活动由"),
    ]
    for pattern, fast, alphabet in cases:
        for text in _random_texts(alphabet):
            want = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in fast(text)] == want, (pattern.pattern, text)


def test_the_rewritten_scans_agree_with_their_plain_forms():
    from graph.extract.actors import _WHOLE_UNIT_WORD
    from graph.extract.places import _SHORT_LIST, _closes_list
    from graph.extract.subjects import _DASHES, _KIND_REF, _dash_starts, _kind_words

    two_branch = re.compile("全([州盟])(?![委政长级])|[全本我]([镇乡])(?![委政长级])")
    for text in _random_texts("全本我州盟镇乡委级县"):
        assert [(m.span(), m.groups()) for m in _WHOLE_UNIT_WORD.finditer(text)] == \
            [(m.span(), m.groups()) for m in two_branch.finditer(text)], text
    for text in _random_texts("—-，县"):
        assert _dash_starts(text) == [m.start() for m in _DASHES.finditer(text)], text
    for text in _random_texts("，。；：\n“所院局村镇乡里中心派出社区县"):
        # (the kinds that open a longer word are left out after: compare the spans before that)
        assert {(s, e) for s, e, _, _ in _kind_words(text)} <= {m.span() for m in _KIND_REF.finditer(text)}, text
        assert {(s, e) for s, e, _, home in _kind_words(text) if home} == \
            {m.span() for m in _KIND_REF.finditer(text) if m.group(2)}, text
    for text in _random_texts("甲乙、两三县市等地区"):
        assert _closes_list(text) or not _SHORT_LIST.search(text), text


def test_a_title_after_an_actor_is_the_longest_at_the_first_place_one_stands():
    from graph.extract.actors import _post_titles, _title_after

    titles = _post_titles()
    for text in ["县公安局局长张三表示", "县公安局副局长", "县委常委、政法委书记", "县法院院", "县法院", "某局党组书记、局长"]:
        for at in range(len(text)):
            plain = next((at + n + len(t) for n in range(5) for t in titles if text.startswith(t, at + n)), None)
            found = _title_after(text, at, {})
            assert (found[1] if found else None) == plain, (text, at)


def test_fixed_words_found_as_find_all_finds_them():
    from graph.extract.agencies import _bare_heads
    from graph.extract.doc import find_all, find_words

    words = ("刑事", "刑事侦查", "侦查", "查处", "检察", "检察院", "察院", "法院", "审判", "审判庭")
    heads = _bare_heads()
    for text in ["县人民检察院第二检察部会同刑事侦查大队查处案件，刑事审判庭审判一起案件。",
                 "检察检察院察院察", "刑事侦查侦查", "", "刑", "县法院执行局、控告申诉检察部和网安大队"]:
        for ws in (words, words[::-1], ("侦查", "刑事", "检察院", "检察"), heads, heads[::-1]):
            got = find_words(text, ws)
            want = find_all(text, ws)
            # the same places in the same order (a caller may read the dict in order)
            assert list(got.items()) == list(want.items())
    assert find_words("刑事侦查侦查", words) == {"刑事": [0], "刑事侦查": [0], "侦查": [2, 4]}


def _plain_partners(text):
    """The quotation marks paired as one pass over every mark and line break would pair them."""
    from graph.extract.doc import QUOTE_PAIRS

    closer_of = {c: o for o, c in QUOTE_PAIRS.items()}
    openers, partner, stacks, = [], {}, {o: [] for o in QUOTE_PAIRS}
    for j, c in enumerate(text):
        if c == "\n":
            for st in stacks.values():
                st.clear()
        elif c in stacks:
            openers.append(j)
            stacks[c].append(j)
        elif c in closer_of and stacks[closer_of[c]]:
            partner[stacks[closer_of[c]].pop()] = j
    return openers, partner


def test_quote_partners_without_visiting_line_breaks_pair_as_the_plain_pass():
    from graph.extract.doc import _partners

    for text in ["推行“‘一村一警’模式”和“雪亮工程，\n未闭合的“引号", "“有“三无”创建”活动", "”“\n”“”", "",
                 "“第一行\n\n第二行”“第三行”", "‘甲’“乙\n”丙“丁”\n“戊", "「一」『二\n』「三「四」」\n",
                 "“县“平安”\n“法治”建设”", "\n\n“\n", "“开”头\n“再开“又开”\n”"]:
        assert _partners(text) == _plain_partners(text)
    assert _partners("“甲\n乙”“丙”") == ([0, 5], {5: 7})  # (the first opening mark, cut off by the line break, pairs with none)


def test_periods_scanned_past_the_characters_none_opens_with_as_the_plain_pattern():
    from graph import dates

    head, _, rest = dates._PERIOD.pattern.partition(")(?:")
    assert head.startswith("(?=[")  # the lookahead of the opening characters, then the plain pattern
    plain = re.compile("(?:" + rest)
    sentences = ["截至2023年8月底，全县共受理案件120件，今年以来化解纠纷300起。",
                 "“十四五”以来，近3年来，2019年至今，去年上半年，前三季度发案同比下降。",
                 "到2025年底建成；2021年3月8日，二〇二一年以来，１９９８年来，上年全年，最近两年来。",
                 "本年1至9月，前年底，今年10月份，一季度，十三五期间，近五年，截止到今年，３年来",
                 "县里开展平安建设，群众满意率达到98%。", "", "年月日至到来", "截", "2021"]
    for sentence in sentences:
        assert [m.span() for m in dates._PERIOD.finditer(sentence)] == [m.span() for m in plain.finditer(sentence)]
    assert dates.find_period(sentences[1]) == "“十四五”以来"


def test_spans_taken_in_bulk_answer_as_spans_taken_one_by_one():
    """Spans(…), extend and += (append's work done in one loop) answer as appends one by one."""
    from graph.extract.doc import Spans

    rnd = random.Random(12)
    for _ in range(300):
        plain = []
        for _ in range(rnd.randint(0, 12)):
            a = rnd.randint(-2, 40)
            plain.append((a, a + rnd.choice([0, 1, 2, 3, 6, 20, -1])))
        one_by_one = Spans()
        for span in plain:
            one_by_one.append(span)
        cut = rnd.randint(0, len(plain))
        built = Spans(x for x in plain[:cut])  # (a generator, as the rules pass)
        if rnd.random() < 0.5:
            built.extend(plain[cut:])
        else:
            built += Spans(plain[cut:])
        assert list(built) == list(one_by_one) == plain
        for s in range(-3, 64):
            assert built.crosses(s) == one_by_one.crosses(s) == any(a < s < b for a, b in plain)
            assert built.ends_at(s) == one_by_one.ends_at(s)
            assert built.ends_at(s, empty=False) == one_by_one.ends_at(s, empty=False)
            for e in range(s - 1, s + 8):
                assert built.overlaps(s, e) == one_by_one.overlaps(s, e) == any(s < b and a < e for a, b in plain)


def test_the_plain_run_is_every_chinese_character_but_the_numerals():
    from graph.extract.doc import CJK
    from graph.extract.statistics import _CN_DIGITS, _PLAIN_RUN

    cjk = re.compile(f"[{CJK}]")
    for c in map(chr, range(0x2000, 0x10000)):
        assert (_PLAIN_RUN.fullmatch(c) is not None) == (cjk.fullmatch(c) is not None and c not in _CN_DIGITS), hex(ord(c))


def test_periods_are_dropped_as_the_period_pattern_drops_them():
    from graph.extract.statistics import _PERIOD, _drop_periods

    for text in ["截至2023年底全县共破获案件", "截至目前累计调解", "2021年至2023年全县", "2022年以来", "今年上半年",
                 "今年3月以来", "去年全县", "3月至今", "下半年", "近三年来", "近5年", "连续5年", "过去的三年里",
                 "近年来", "多年来", "连续多年", "目前全县", "日前，县公安局", "当日下午", "全县公安机关共出动警力",
                 "比去年同期", ""]:
        assert _drop_periods(text) == _PERIOD.sub("", text), text
