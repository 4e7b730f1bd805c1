"""Dates: a report's own date, and the periods its figures and relations name, as intervals.

Pure functions of the text (and of a date already known from a manifest or a page's head),
each testable on one sentence:

- :func:`parse_date` reads one written date (2026-01-08, 2026/1/8, 2026年1月8日, 二〇二六年一月八日).
- :func:`report_date` finds a report's date: a date given by a manifest or the page, else the
  text's own — a 发布时间 line, a newspaper head (2021年11月24日 星期三), a dateline
  (本报讯…5月18日 or 5月18日电, the year taken from the context), a full date near the top.
- :func:`find_period` finds the words of a period in a sentence (今年以来, 2017年至今, 截至8月).
- :func:`period_interval` turns such words into a start and an end against the report's date:
  今年以来 in a report of 2021-09-06 is 2021 → 2021-09-06; 去年 is 2020 → 2020; 截至8月底 ends
  2021-08-31. Ends are ``YYYY`` (an xsd:gYear) or ``YYYY-MM-DD`` (an xsd:date).
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from typing import NamedTuple

_CN_DIGIT = {"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6",
             "七": "7", "八": "8", "九": "9"}
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_NUM = "0-9０-９〇○零一二三四五六七八九十"
# (a year's first character is matched first, the alternatives it opens looked behind at: a
# pattern opening on a year is tried only where one of its first characters stands)
_Y = (r"([12一二１２](?:(?<=1)9[0-9]{2}|(?<=2)0[0-9]{2}|(?<=[一二])[〇○零一二三四五六七八九]{3}"
      r"|(?<=[１２])[０-９]{3}))")
_MD = rf"([{_NUM}]{{1,3}})"
_DATE = re.compile(rf"{_Y}\s*(?:年\s*{_MD}\s*月\s*{_MD}\s*[日号]?|[-/.．]\s*([0-9０-９]{{1,2}})\s*[-/.．]\s*([0-9０-９]{{1,2}})(?![0-9]))")
_WEEKDAY = re.compile(r"\s*(?:星期|周|礼拜)[一二三四五六日天]")
# labels of a publication date on a page or a printed web page
# (each alternative opens on one character, not a class: the engine tries the pattern only where
# one of them stands)
_LABEL = re.compile(r"(?:发[布佈表稿][时時间間日期]{2}|發[布佈表稿][时時间間日期]{2}|更新[时時][间間]|时[间間]|時[间間]|日期"
                    r"|发[布佈表]于|發[布佈表]于|Published)\s*[:：]?\s*")
_DATELINE = re.compile(rf"(?:本[报報][讯訊]|本[报報][^\n，。,]{{0,8}}[电電]|[讯訊])[^\n，。,]{{0,30}}?[）)]?\s*{_MD}\s*月\s*{_MD}\s*日(?:[电電]|[讯訊])?")
_WIRE = re.compile(rf"(?<![{_NUM}年])(?:^|[\s（(，,])[^\n，。,]{{0,12}}?{_MD}\s*月\s*{_MD}\s*日(?:[电電]|[讯訊])")
_WIRE_CUE = re.compile("日[电電讯訊]")  # what every match of _WIRE holds
_MONTH_DAY = re.compile(rf"(?:^|\n)\s*(?:[（(][^)）\n]{{0,20}}[)）])?\s*(?:今年)?{_MD}\s*月\s*{_MD}\s*日")
_ISSUE_YEAR = re.compile(rf"{_Y}\s*年\s*(?:第\s*[{_NUM}]+\s*期|[{_NUM}]{{1,2}}\s*月(?!\s*[{_NUM}]{{1,2}}\s*日))")


class DateFound(NamedTuple):
    """A report's date (ISO), how it was found, and where in the text (-1 when not from it)."""

    date: str
    how: str  # given | published | masthead | dateline | text
    start: int = -1
    end: int = -1


def _int(s: str) -> int:
    """An integer written in digits (ASCII or full-width), in Chinese numerals (二〇二一, 十八) or,
    as OCR and mixed typing leave it, in both (1十7 is 17); 0 for what reads as no number (十十),
    which no date takes."""
    s = "".join(_CN_DIGIT.get(c, c) for c in s.translate(_FULL_WIDTH))
    if "十" in s:  # 十, 十八, 二十, 三十一
        tens, _, ones = s.partition("十")
        s = (tens or "1") + (ones or "0")
    return int(s) if s.isascii() and s.isdigit() else 0


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        if not 1949 <= y <= 2100:
            return None
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The ISO form of the first complete date written in ``text``, or None:
    ``parse_date("发布时间：2021-6-3 09:30") == "2021-06-03"``."""
    for m in _DATE.finditer(text):
        y, mo, d = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
        iso = _iso(_int(y), _int(mo), _int(d))
        if iso:
            return iso
    return None


def parse_given(value: str) -> str | None:
    """A date as a manifest may give it: YYYY-MM-DD (or any form :func:`parse_date` reads),
    YYYY-MM or YYYY alone. None if it is none of these."""
    v = value.strip()
    full = parse_date(v)
    if full:
        return full
    m = re.fullmatch(r"((?:19|20)[0-9]{2})(?:\s*[-/.年]\s*([0-9]{1,2})\s*月?)?", v)
    if m is None:
        return None
    y = int(m.group(1))
    if m.group(2) is None:
        return f"{y:04d}"
    mo = int(m.group(2))
    return f"{y:04d}-{mo:02d}" if 1 <= mo <= 12 else None


def published_date(text: str, *, limit: int = 3000) -> DateFound | None:
    """A labelled publication date (发布时间：2026-01-08, 日期：2021-6-3) in the first ``limit``
    characters of a page's text."""
    head = text[:limit]
    for m in _LABEL.finditer(head):
        d = _DATE.match(head, m.end())
        if d is not None:
            iso = parse_date(d.group(0))
            if iso:
                return DateFound(iso, "published", d.start(), d.end())
    return None


def context_year(text: str, known: str | None = None) -> int | None:
    """The year a dateline without one (5月18日) belongs to: that of a partial date already known
    (a manifest's 2021 or 2021-05), else one the head of the text states as the issue's
    (2022年第6期, 2022年3月), else that of the first full date in the text's opening."""
    if known:
        return int(known[:4])
    m = _ISSUE_YEAR.search(text[:300])
    if m:
        return _int(m.group(1))
    iso = parse_date(text[:1500])
    return int(iso[:4]) if iso else None


def report_date(text: str, known: str | None = None) -> DateFound | None:
    """The report's date: ``known`` (from a manifest or the page's head) when it is a full date,
    else the text's own (see the module's docstring); None when the text does not say."""
    if known and len(known) == 10:
        return DateFound(known, "given")
    found = published_date(text, limit=1000)
    if found:
        return found
    head = text[:600]
    for m in _DATE.finditer(head):  # a masthead: the date with its weekday
        if _WEEKDAY.match(head, m.end()):
            iso = parse_date(m.group(0))
            if iso:
                return DateFound(iso, "masthead", m.start(), m.end())
    year = context_year(text, known)
    for rx in (_DATELINE, _WIRE):
        if rx is _WIRE and not _WIRE_CUE.search(text, 0, 400):
            continue  # (no 日电 or 日讯: no wire's dateline to look for)
        m = rx.search(text[:400])
        if m:
            y = year
            if y is not None:
                iso = _iso(y, _int(m.group(1)), _int(m.group(2)))
                if iso:
                    return DateFound(iso, "dateline", m.start(1), m.end())
    m = _DATE.search(text[:300])  # a full date in the opening: 2021年1月6日，县公安局…
    if m:
        iso = parse_date(m.group(0))
        if iso:
            return DateFound(iso, "text", m.start(), m.end())
    if year is not None:  # a paragraph opening with its day: 5月18日，县公安局…
        m = _MONTH_DAY.search(text[:400])
        if m:
            iso = _iso(year, _int(m.group(1)), _int(m.group(2)))
            if iso:
                return DateFound(iso, "dateline", m.start(1), m.end())
    return None


# ------------------------------------------------------------------ periods

_P_NUM = rf"[{_NUM}两]"
# (the lookahead of the characters a period opens with: 截/到, “/十, a year's or a number's first
# character, 今去上本前, 上下前 + 季度, 近/最, 全 — the engine passes over the others at once,
# where it would try each alternative at every character, three times slower)
_PERIOD = re.compile(
    rf"(?=[截到“今去上本前下近最全两{_NUM}])(?:(?:截至|截止|截止到|到)(?:{_Y}年)?(?:今年|去年|上年|本年)?(?:{_P_NUM}{{1,3}}月)?(?:底|末|中旬|上旬|下旬|[{_NUM}]{{1,3}}日)?"
    rf"|(?:“十[一二三四五]五”|十[一二三四五]五)(?:以来|期间)"
    rf"|{_Y}年?(?:{_P_NUM}{{1,2}}月(?:{_P_NUM}{{1,3}}日)?)?(?:至今|以来|来|到现在)"
    rf"|{_Y}年{_P_NUM}{{1,2}}月{_P_NUM}{{1,3}}日"
    rf"|{_Y}年(?:{_P_NUM}{{1,3}}[至到—-]{_P_NUM}{{1,3}}月|{_P_NUM}{{1,3}}月|上半年|下半年|[一二三四]季度|前三季度|底|末|全年)?"
    rf"|(?:今年|去年|上年|本年|前年)(?:以来|{_P_NUM}{{1,3}}[至到—-]{_P_NUM}{{1,3}}月|{_P_NUM}{{1,3}}月(?:份|底|末)?|上半年|下半年|[一二三四]季度|前三季度|底|末|全年)?"
    rf"|{_P_NUM}{{1,3}}[至到—-]{_P_NUM}{{1,3}}月|(?:上半年|下半年|前三季度|[一二三四]季度)"
    rf"|(?:近|最近)?{_P_NUM}{{1,2}}年(?:来|以来)|近{_P_NUM}{{1,2}}年|全年)")
# the little patterns find_period and period_interval read (compiled once, not looked up per call)
_A_YEAR = re.compile(rf"{_Y}年")
_PLAN_AFTER = re.compile(r"[\u4e00-\u9fff]{0,1}(?:前|底前|内|目标)")
_FIVE_YEAR_PLAN = re.compile(r"十[一二三四五]五")
_YEAR_IN = re.compile(_Y + "年?")
_THIS_YEAR = re.compile("今年|本年")
_UP_TO_THIS_YEAR = re.compile(".*?(今年|本年)")
_LAST_YEAR = re.compile("去年|上年")
_UP_TO_LAST_YEAR = re.compile(".*?(去年|上年)")
_RECENT = re.compile(r"近|来|以来")
_N_YEARS = re.compile(rf"({_P_NUM}{{1,2}})年")
_PART_OF_YEAR = re.compile(r"月|季度|半年|全年")
_UP_TO_NOW = re.compile("至今|以来|来$|到现在")
_FROM_MONTH = re.compile(rf"({_P_NUM}{{1,2}})月(?:({_P_NUM}{{1,3}})日)?")
_MONTHS_RANGE = re.compile(rf"({_P_NUM}{{1,3}})[至到—-]({_P_NUM}{{1,3}})月")
_A_MONTH = re.compile(rf"({_P_NUM}{{1,3}})月")
_A_DAY = re.compile(rf"月({_P_NUM}{{1,3}})日")
_SINCE = re.compile("以来|至今")
_YEAR_END = re.compile("底|末")
_FIVE_YEAR = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}


class Interval(NamedTuple):
    """A period's start and end: ``YYYY`` (xsd:gYear) or ``YYYY-MM-DD`` (xsd:date); None where
    the words leave it open (截至8月 says when it ends, not when it began)."""

    start: str | None
    end: str | None


def find_period(sentence: str) -> str | None:
    """The words of the first period a sentence names (今年以来, 2017年至今, 截至8月底, 去年), or
    None. A bare number of years (3年) is not a period: it needs 来 / 以来 / 近."""
    for m in _PERIOD.finditer(sentence):
        words = m.group(0)
        if _A_YEAR.fullmatch(words) and _PLAN_AFTER.match(sentence[m.end():m.end() + 3]):
            continue  # 到2025年前 / 2025年目标: a plan, not a period the figures cover
        if words.startswith("到"):
            continue  # 到2025年底: a target
        return words
    return None


def _month_end(y: int, m: int) -> str:
    return date(y, m, calendar.monthrange(y, m)[1]).isoformat()


def _quarter(words: str) -> tuple[int, int] | None:
    for key, months in (("上半年", (1, 6)), ("下半年", (7, 12)), ("前三季度", (1, 9)), ("一季度", (1, 3)),
                        ("二季度", (4, 6)), ("三季度", (7, 9)), ("四季度", (10, 12))):
        if key in words:
            return months
    return None


def period_interval(period: str | None, report_date: str | None = None) -> Interval | None:
    """The interval a period's words name, against the report's date (ISO) for the words that
    need it (今年, 去年, 至今, 截至8月); None when the words are too vague (近年来) or need a date
    the report does not have."""
    if not period:
        return None
    p = period.replace(" ", "")
    ry = int(report_date[:4]) if report_date else None
    full = report_date if report_date and len(report_date) == 10 else None
    m = _FIVE_YEAR_PLAN.search(p)
    if m and ("以来" in p or "期间" in p):
        y0 = _FIVE_YEAR[m.group(0)]
        return Interval(str(y0), full if "以来" in p else str(y0 + 4))
    ym = _YEAR_IN.search(p)
    if ym:
        y = _int(ym.group(1))
        rest = p[ym.end():]
    elif _THIS_YEAR.search(p) and ry:
        y, rest = ry, _UP_TO_THIS_YEAR.sub("", p)
    elif _LAST_YEAR.search(p) and ry:
        y, rest = ry - 1, _UP_TO_LAST_YEAR.sub("", p)
    elif "前年" in p and ry:
        y, rest = ry - 2, p.split("前年", 1)[1]
    elif ry and (_RECENT.search(p)) and (n := _N_YEARS.search(p)):
        k = _int(n.group(1).replace("两", "二"))
        return Interval(str(ry - k), full)
    elif ry and _PART_OF_YEAR.search(p):
        y, rest = ry, p
    else:
        return None
    cutoff = p.startswith(("截至", "截止", "到"))
    if _UP_TO_NOW.search(rest):
        mm = _FROM_MONTH.match(rest)
        start = f"{y:04d}"
        if mm:
            start = _iso(y, _int(mm.group(1)), _int(mm.group(2)) if mm.group(2) else 1) or start
        return Interval(start, full)
    rng = _MONTHS_RANGE.search(rest)
    if rng:
        a, b = _int(rng.group(1)), _int(rng.group(2))
        if 1 <= a <= b <= 12:
            return Interval(f"{y:04d}-{a:02d}-01", _month_end(y, b))
        return None
    q = _quarter(rest)
    if q:
        return Interval(f"{y:04d}-{q[0]:02d}-01", _month_end(y, q[1]))
    mo = _A_MONTH.search(rest)
    if mo:
        month = _int(mo.group(1))
        if not 1 <= month <= 12:
            return None
        day = _A_DAY.search(rest)
        if day and not cutoff and not _SINCE.search(rest):  # a day: 2022年10月18日
            iso = _iso(y, month, _int(day.group(1)))
            return Interval(iso, iso) if iso else None
        end = _iso(y, month, _int(day.group(1))) if day else _month_end(y, month)
        if cutoff:
            return Interval(None, end)
        return Interval(f"{y:04d}-{month:02d}-01", end)
    if _YEAR_END.search(rest) or cutoff:
        return Interval(None, f"{y:04d}-12-31")
    return Interval(f"{y:04d}", f"{y:04d}")
