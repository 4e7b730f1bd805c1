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
    "(截至[^，。；0-9]{0,6}[0-9]{0,4}[^，。；0-9]{0,3}?(?:底|末|月|日|年)(?:底|末)?|[0-9]{4}年?(?:至|到)[0-9]{4}年|[0-9]{4}年(?:至今|以来|上半年|下半年|[0-9]{1,2}月(?:份)?)?|"
    "今年(?:以来|上半年|下半年|[0-9]{1,2}月)?|去年|近[一二三四五六七八九十两0-9]+年|[0-9]{1,2}月(?:份|底)?|上半年|下半年)")
_LEAD = re.compile("^(?:其中|同时|目前|此外|另外|共|累计|全年|全县|全区|全市|全镇|已|还|并|均|先后|共计|总计|达|为|有|"
                   "该院|该局|该所|该中心|该委|该县|该区|该市|\\s)+")
_TRAIL_WORDS = {"达到", "达", "为", "共", "累计", "已", "分别", "同比", "共计", "总计", "合计", "约", "近", "超过", "逾", "有"}


def _strip_trail(text: str) -> str:
    """Drop trailing linking words as whole tokens (行为 keeps its 为)."""
    from ..segment import lcut

    toks = lcut(text)
    while toks and toks[-1] in _TRAIL_WORDS:
        toks.pop()
    return "".join(toks)


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
    context: str = ""  # the activity clause the indicator was completed with


@lru_cache(maxsize=1)
def _number_re() -> re.Pattern:
    units = sorted(load_set("stat_units.txt"), key=len, reverse=True)
    unit_alt = "|".join(re.escape(u) for u in units)
    return re.compile(
        f"(?P<pre>近|约|超过|逾|超)?(?P<num>[0-9]+(?:\\.[0-9]+)?)(?P<mult>万|亿)?(?P<post>余|多)?"
        f"(?:(?P<pct>%|％)|(?P<unit>{unit_alt}))(?P<post2>以上|左右|余)?")


_RANGE = re.compile("(?P<lo>[0-9]+(?:\\.[0-9]+)?)(?:至|到|~|～|-|—)$")
_STOP_AFTER = "，。；、：（()！？\n“”"


def find_statistics(doc: Doc, subjects: list[tuple[int, int]] = ()) -> list[StatHit]:
    """Statistics of ``doc``; ``subjects`` are the spans of agency and place mentions,
    dropped from the front of an indicator."""
    text = doc.text
    out: list[StatHit] = []
    quoted = [(q.start, q.end) for q in doc.quotes]
    sent_index = {span: i for i, span in enumerate(doc.sentences)}
    last_period: dict[int, str] = {}
    prev_after_end = -1
    for m in _number_re().finditer(text):
        s, e = m.span()
        num_start = m.start("num")
        prev = text[num_start - 1] if num_start > 0 else ""
        if prev.isdigit() or prev in ".第+-" or (prev.isascii() and prev.isalpha()):
            continue
        if any(a < s and e < b for a, b in quoted):
            continue  # “10个严禁” names something; it claims no number
        unit = "%" if m.group("pct") else m.group("unit")
        after = text[e:e + 1]
        if unit in ("个", "名", "项", "期", "批", "次", "场", "类", "组", "队", "种", "门", "年度", "道", "轮") and after in (
                "月", "年", "日", "小", "工", "季", "周"):
            continue  # 3个月, 24小时 …
        value = float(m.group("num"))
        if m.group("mult"):
            value *= 10_000 if m.group("mult") == "万" else 100_000_000
        if unit in ("万元", "亿元"):  # money in yuan: 515万元 is 5150000 元
            value *= 10_000 if unit == "万元" else 100_000_000
            unit = "元"
        elif unit == "万人":
            value *= 10_000
            unit = "人"
        value = round(value, 6)
        qualifier = m.group("pre") or m.group("post") or m.group("post2")
        qualifier = {"多": "余", "超": "超过"}.get(qualifier, qualifier)
        sent_s, sent_e = doc.sentence_at(s)
        si = sent_index.get((sent_s, sent_e), -1)
        # the clause before the number …
        cs = s
        while cs > sent_s and text[cs - 1] not in "，、；：。（()":
            cs -= 1
        cs = max(cs, prev_after_end if prev_after_end <= s else cs)
        clause_start = cs  # before any subject is skipped
        rng = _RANGE.search(text[max(cs, s - 8):s])
        before = text[cs:s - len(rng.group(0))] if rng else text[cs:s]
        # … and, when the number counts the noun after it (新增了2881个高清探头), that noun
        ae = e
        while ae < len(text) and ae - e < 24 and not text[ae].isdigit() and (
                text[ae] not in _STOP_AFTER or (ae > e and text[ae] in "、（()）" and ae + 1 < len(text)
                                                 and not text[ae + 1].isdigit())):
            ae += 1
        after_text = text[e:ae].lstrip("的") if ae > e and "\u4e00" <= text[e] <= "\u9fff" else ""
        prev_after_end = ae if after_text else e
        found = [pm.group(0) for pm in _PERIOD.finditer(text, sent_s, s)]
        period = max(found, key=len) if found else None
        if period is None:
            period = last_period.get(si - 1)
            if period and "\n" in text[max(0, sent_s - 1):sent_s]:
                period = None  # a period carries on only within the paragraph
        if period:
            last_period[si] = period
        for a, b in subjects:
            if cs <= a < s and b <= s:
                lead = text[cs:a].strip("，、 ")
                if not lead or _PERIOD.fullmatch(lead):
                    cs = max(cs, b)
        before = _PERIOD.sub("", text[cs:s - len(rng.group(0))] if rng else text[cs:s])
        before = _LEAD.sub("", before)
        before = _strip_trail(before).strip(" ，、")
        after_text = re.sub("[和及与]$", "", after_text)
        # a short indicator takes the activity named in the clause before it, when that clause
        # claims no number itself (…数据排查，排查信息42万多条，发现问题144条)
        context = ""
        has_prev = clause_start > sent_s and text[clause_start - 1] == "，"
        pcs = text.rfind("，", sent_s, clause_start - 1) + 1 if has_prev else -1
        if has_prev and len(before) <= 4:
            prev_clause = text[max(pcs, sent_s):clause_start - 1]
            if prev_clause and not re.search("[0-9]", prev_clause) and len(prev_clause) <= 24:
                context = _LEAD.sub("", _PERIOD.sub("", prev_clause))
            elif out and out[-1].context and out[-1].start >= pcs:
                context = out[-1].context
        indicator = context + before + after_text
        if len(re.findall(f"[{CJK}]", indicator)) <= 2:
            # 投入515万元，为基层配置…: a bare verb reads on into the next clause
            nm = re.match("[，,]([^，。；0-9]{2,16})(?=[，。；]|$)", text[ae:])
            if nm and re.match(f"[{CJK}]", nm.group(1)):
                indicator += nm.group(1)
            elif out and out[-1].end >= s - 1:
                indicator = out[-1].indicator
        if not indicator:
            continue
        if out and out[-1].end == s and unit == "人" and out[-1].unit in ("件", "起"):
            indicator = out[-1].indicator + "人数"  # 3件12人: cases, then people
        if rng and not m.group("pre"):
            lo = float(rng.group("lo"))
            rs = s - len(rng.group(0))
            out.append(StatHit(rs, e, lo, unit, "下限", indicator, period, text[rs:e], context))
            qualifier = "上限"
        out.append(StatHit(s, e, value, unit, qualifier, indicator, period, text[s:e], context))
    out.extend(_fractions(doc, out))
    out.sort(key=lambda h: h.start)
    _distribute(text, out, subjects)
    return out


_FRACTION = re.compile("(?P<den>[一二三四五六七八九十百]+)分之(?P<num>[一二三四五六七八九十]+)|(?<![一二三四五六七八九十])(?P<cheng>[一二三四五六七八九十])成(?=[，。；、以左]|$)")


def _fractions(doc: Doc, have: list[StatHit]) -> list[StatHit]:
    """五分之一 → 20 %, 三成 → 30 %: shares written in words."""
    from .numbers import cn_int

    text = doc.text
    out = []
    for m in _FRACTION.finditer(text):
        s, e = m.span()
        if any(h.start <= s < h.end for h in have):
            continue
        if m.group("cheng"):
            value = (cn_int(m.group("cheng")) or 0) * 10.0
        else:
            den, num = cn_int(m.group("den")), cn_int(m.group("num"))
            if not den or num is None or num > den:
                continue
            value = round(100.0 * num / den, 2)
        cs = s
        while cs > 0 and text[cs - 1] not in "，。；：、\n":
            cs -= 1
        indicator = _LEAD.sub("", _PERIOD.sub("", text[cs:s]))
        indicator = _strip_trail(indicator).strip()
        if len(indicator) < 2:
            continue
        out.append(StatHit(s, e, value, "%", None, indicator, None, text[s:e]))
    return out


def _distribute(text: str, stats: list[StatHit], subjects=()) -> None:
    """A、B、C同比分别上升x%、y%、z%: give each number its own item."""
    i = 0
    while i < len(stats):
        run = [stats[i]]
        while i + len(run) < len(stats) and text[run[-1].end:stats[i + len(run)].start] == "、":
            run.append(stats[i + len(run)])
        if len(run) >= 2:
            head = text[max(0, run[0].start - 60):run[0].start]
            clause = head.split("，")[-1].split("；")[-1]
            m = re.search(f"([{CJK}“”、]+?)((?:同比)?分别(?:上升|下降|增长|减少|提高|为|达|是)?)$", clause)
            if m:
                first_at = run[0].start - len(clause) + m.start(1)
                cut = max((b for a, b in subjects if a == first_at), default=first_at)
                items = [x for x in text[cut:run[0].start - len(m.group(2))].split("、") if x]
                if len(items) == len(run):
                    verb = m.group(2).replace("分别", "")
                    for st, item in zip(run, items):
                        st.indicator = item + verb
        i += len(run)
