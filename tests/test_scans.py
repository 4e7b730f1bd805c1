"""The fast text scans extraction relies on give what the plain ones give."""
from __future__ import annotations

import re

from graph.extract.doc import find_quotes, finditer_near
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


def test_full_place_names_leftmost_longest():
    text = "湖南省张家界市慈利县与最佳县市"
    names = [v for _, _, v in _full_names(text, load())]
    assert names[:3] == ["湖南省", "张家界市", "慈利县"]
    # 佳县 is a county name: found here, dropped later as part of a longer word (_standalone)
    assert names[3:] == ["佳县"]
