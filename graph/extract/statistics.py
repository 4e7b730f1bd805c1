"""Statistics: a number with its unit and the words that say what was counted.

Grammar: ``[近|约|超过|逾] number [万|亿] [余|多] unit [以上|左右]`` or ``number % [以上]``;
the indicator is the clause before the number less its subject and time words (or,
when nothing is left, the words after the unit)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import load_set
from .doc import CJK, Doc

_PERIOD = re.compile(
    "(截至[^，。；]{1,10}?(?:底|末|月|日|年)|[0-9]{4}年?(?:至|到)[0-9]{4}年|[0-9]{4}年(?:至今|以来|上半年|下半年|[0-9]{1,2}月(?:份)?)?|"
    "今年(?:以来|上半年|下半年|[0-9]{1,2}月)?|去年|近[一二三四五六七八九十两0-9]+年|[0-9]{1,2}月(?:份|底)?|上半年|下半年)")
_LEAD = re.compile(f"^(?:其中|同时|目前|此外|另外|共|累计|全年|全县|全区|全市|全镇|已|还|并|均|先后|共计|总计|达|为|有|\\s)+")
_TRAIL = re.compile("(?:达到|达|为|共|累计|已|分别|同比|共计|总计|合计|约|近|超过|逾)+$")


@dataclass
class StatHit:
    start: int
    end: int
    value: float
    unit: str
    qualifier: str | None
    indicator: str
    period: str | None
    surface: str


@lru_cache(maxsize=1)
def _number_re() -> re.Pattern:
    units = sorted(load_set("stat_units.txt"), key=len, reverse=True)
    unit_alt = "|".join(re.escape(u) for u in units)
    return re.compile(
        f"(?P<pre>近|约|超过|逾|超)?(?P<num>[0-9]+(?:\\.[0-9]+)?)(?P<mult>万|亿)?(?P<post>余|多)?"
        f"(?:(?P<pct>%|％)|(?P<unit>{unit_alt}))(?P<post2>以上|左右|余)?")


def find_statistics(doc: Doc) -> list[StatHit]:
    text = doc.text
    out: list[StatHit] = []
    last_period: dict[int, str] = {}
    for m in _number_re().finditer(text):
        s, e = m.span()
        num_start = m.start("num")
        if num_start > 0 and (text[num_start - 1].isdigit() or text[num_start - 1] in ".第+-" or text[num_start - 1].isalpha() and text[num_start - 1].isascii()):
            continue
        unit = "%" if m.group("pct") else m.group("unit")
        after = text[e:e + 1]
        if unit in ("个", "名", "项", "期", "批", "次", "场", "类", "组", "队", "种", "门", "年度") and after in ("月", "年", "日", "小", "工", "季"):
            continue  # 3个月, 24小时 …
        value = float(m.group("num"))
        if m.group("mult"):
            value *= 10_000 if m.group("mult") == "万" else 100_000_000
        if unit in ("万元", "万人"):
            pass
        qualifier = m.group("pre") or m.group("post") or m.group("post2")
        if qualifier == "多":
            qualifier = "余"
        if qualifier == "超":
            qualifier = "超过"
        sent_s, sent_e = doc.sentence_at(s)
        # the clause before the number
        cs = s
        while cs > sent_s and text[cs - 1] not in "，、；：。（()":
            cs -= 1
        if out and out[-1].end > cs and out[-1].end <= s:
            cs = out[-1].end
        indicator = text[cs:s]
        period = None
        pm = None
        for pm in _PERIOD.finditer(text, sent_s, s):
            period = pm.group(0)
        if period is None:
            period = last_period.get(doc.sentences.index((sent_s, sent_e)) - 1) if (sent_s, sent_e) in doc.sentences else None
            # a period carries on only within the paragraph (no line break between)
            if period and "\n" in text[max(0, sent_s - 1):sent_s]:
                period = None
        else:
            last_period[doc.sentences.index((sent_s, sent_e))] = period
        indicator = _PERIOD.sub("", indicator)
        indicator = _strip_subject(doc, indicator)
        indicator = _LEAD.sub("", indicator)
        indicator = _TRAIL.sub("", indicator).strip(" ，、")
        if len(re.findall(f"[{CJK}]", indicator)) < 2:
            # 13个单位荣获…: what was counted follows the number
            am = re.match(f"[^，。；、]{{2,24}}", text[e:])
            indicator = am.group(0) if am else indicator
            if out and len(re.findall(f"[{CJK}]", indicator)) < 2:
                indicator = out[-1].indicator
        if not indicator:
            continue
        if out and out[-1].end == s - 0 and unit == "人" and out[-1].unit in ("件", "起"):
            indicator = out[-1].indicator + "人数"
        elif out and out[-1].end == s and unit != out[-1].unit:
            indicator = out[-1].indicator
        out.append(StatHit(s, e, value, unit, qualifier, indicator, period, text[s:e]))
    return out


def _strip_subject(doc: Doc, indicator: str) -> str:
    """Drop a leading subject (an agency or place name) from the clause."""
    from .agencies import _bodies

    m = re.match(f"^[{CJK}]{{0,8}}?(?:{'|'.join(re.escape(b.surface) for b in _bodies() if len(b.surface) > 1)})", indicator)
    if m and len(indicator) - m.end() >= 2:
        return indicator[m.end():]
    for p in (doc.ctx.county, doc.ctx.prefecture, doc.ctx.province):
        if p is not None and indicator.startswith(p.name) and len(indicator) - len(p.name) >= 2:
            return indicator[len(p.name):]
    return indicator
