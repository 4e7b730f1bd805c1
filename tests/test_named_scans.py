"""named.py's (and honors') faster scans find what the plain ones find: patterns rewritten to open on a
character class, unquoted names tried only where a clause opens, a clause's start stepped back to."""
from __future__ import annotations

import random
import re

from graph.extract import honors, named
from graph.extract.doc import finditer_near
from graph.extract.named import _clause_start, _unquoted_openers, _unquoted_re

_SENTENCES = [
    "建立健全矛盾纠纷多元化解机制，深入开展禁毒百日攻坚行动。",
    "以网格化管理为基础的联调机制全面建立，推进平安乡村建设工程和智慧安防平台。",
    "矛盾纠纷排查调处机制",  # a name at the very start of the text (the pattern's ^)
    "按照20分钟到场机制，县、乡、村三级联动工作体系和三项举措、五项机制落地。",
    "全县实现三降五零六升，十三降五零六升；推行4+1+X工作法，2.4+1+X不算，14+2+N模式。",
    "第三项制度，一二三项机制，两大平台，二十个工作机制，第二十个机制。",
    "机制机制，体系，的平台，与与工程，行动",
    "全县有3名优秀调解员、一百二十位民警和2023年12名“最美网格员”，第1名，12345人次。",
]


def _spans(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


def _texts() -> list[str]:
    rnd = random.Random(5)
    words = [s[i:i + rnd.randint(1, 6)] for s in _SENTENCES for i in range(0, len(s), 3)]
    return _SENTENCES + ["".join(rnd.choice(words) for _ in range(rnd.randint(1, 12))) for _ in range(400)]


def test_unquoted_names_tried_where_a_clause_opens_as_finditer():
    pattern, heads, reach = _unquoted_re()
    found = 0
    for text in _texts():
        want = _spans(pattern.finditer(text))
        found += len(want)
        assert _spans(finditer_near(pattern, text, heads, 2, reach, openers=_unquoted_openers())) == want, text
    assert found  # the texts hold names: the test compares something


def test_scans_opening_on_a_class_find_what_their_lookahead_forms_find():
    nums = "一二三四五六七八九十两"
    plain = {
        named._COUNTED: re.compile(f"(?=[{nums}])(?<![第{nums}])([{nums}]+)([项大个类条种])([一-龥]{{0,2}}?)"
                                   "(工作制度|工作机制|机制|制度|举措|措施|工作法|体系|平台)"),
        named._RESULT_FORMULA: re.compile("(?=[一二三四五六七八九十])(?<![一二三四五六七八九十])"
                                          "(?:[一二三四五六七八九十][降零升减增保控防治清打]){3,}"),
        named._DIGIT_FORMULA_X: re.compile(r"(?=[0-9])(?<![0-9.])[0-9]{1,2}(?:\+[0-9]{1,2})*\+[xXＸN](?![0-9A-Za-z])"),
        honors._PEOPLE_COUNT: re.compile(f"[0-9一二三四五六七八九十两百]+(?:名|位|人)(?=[“{honors.CJK}])"),
    }
    for fast, slow in plain.items():
        found = 0
        for text in _texts():
            want = _spans(slow.finditer(text))
            found += len(want)
            assert _spans(fast.finditer(text)) == want, (fast.pattern, text)
        assert found, fast.pattern


def test_clause_start_is_after_the_last_mark():
    for text in _texts() + ["", "无标点的一句话", "甲\n乙：丙、丁"]:
        for pos in range(len(text) + 1):
            assert _clause_start(text, pos) == max(text.rfind(c, 0, pos) for c in "，。；：、\n") + 1
