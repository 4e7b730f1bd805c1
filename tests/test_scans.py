"""The fast text scans extraction relies on give what the plain ones give."""
from __future__ import annotations

import random
import re

from graph.extract.doc import QUOTE_PAIRS, find_nested_quotes, find_quotes, finditer_near
from graph.extract.places import _full_names
from graph.gazetteer import load

CENTRE = re.compile("([\u4e00-\u9fff]{2,14}?)(中心|工作领导小组|领导小组)")
CENTRE_HEAD = re.compile("(?=中心|工作领导小组|领导小组)")


def test_finditer_near_finds_what_finditer_finds():
    for text in ["平江县成立了综治中心，县矛盾纠纷调处中心和县扫黑除恶专项斗争领导小组办公室随即挂牌。",
                 "中心中心中心领导小组中心", "县综治中心", "中心", "", "工作领导小组工作领导小组，社会治安综合治理中心"]:
        want = [(m.span(), m.groups()) for m in CENTRE.finditer(text)]
        assert [(m.span(), m.groups()) for m in finditer_near(CENTRE, text, CENTRE_HEAD, 2, 14)] == want


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
