"""Chinese numerals and number formulas (六位一体, 5544, 4+1+X, 一室三队, 四个一)."""
from __future__ import annotations

import re
from functools import lru_cache

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}


def cn_int(text: str) -> int | None:
    """Chinese or Arabic integer → int (二十三 → 23, 十 → 10, 2 → 2); None if not a number."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total, section, num = 0, 0, 0
    for ch in text:
        if ch in _DIGITS:
            num = _DIGITS[ch]
        elif ch in _UNITS:
            section += (num or 1) * _UNITS[ch]
            num = 0
        elif ch in _BIG:
            total += (section + num) * _BIG[ch]
            section, num = 0, 0
        else:
            return None
    return total + section + num


_NUM = "[一二三四五六七八九十两]"
# (the shapes' patterns, compiled only as one: each class of Chinese characters costs a
# millisecond to compile, and the shapes are never tried one by one)
_SHAPES = [
    f"^({_NUM}+)位一体$",
    f"^({_NUM}+)网融合$",
    f"^({_NUM}+)[一-龥](?:融合|联动|合一|共治|同创|共建|并举)$",  # 四治融合, 三调联动
    f"^({_NUM}+)(?:个|大|项|条|类|支|级)[一-龥]{{1,3}}$",
    "^一([一-龥])一([一-龥]{1,2})$",
    f"^一[一-龥]{{1,2}}(?:{_NUM}[一-龥]{{1,3}})+$",
    f"^(?:{_NUM}[一-龥]){{3,}}$",  # 三降五零六升
    "^[0-9]{3,6}$",
    "^[0-9]+(?:\\+[0-9A-Za-z]+)+$",
]
# one pattern for all the shapes: does any match (one call, not one per shape)
_ANY_SHAPE = re.compile("|".join(f"(?:{p})" for p in _SHAPES))
_COUNT_FORMULA = re.compile(f"{_NUM}+个[一-龥]{{1,3}}")
_NOT_FORMULA = re.compile("^(一个|一些|一批|一种|两个|一次|一年|一天|十九大|[一二三四五六七八九十]+月|(?:19|20)[0-9]{2}年?)$")


@lru_cache(maxsize=4096)  # (a report's rules ask about the same quotations and names again and again)
def is_formula(text: str, *, strict: bool = True) -> bool:
    """Does ``text`` read as a number formula naming a way of working? ``strict=False``
    admits pairs (两项协作) where the context has already shown a list."""
    if _NOT_FORMULA.match(text):
        return False
    if strict and text.startswith("两"):
        return False  # 两个大局, 两抢一盗: slogans of a pair, too common to be named mechanisms
    if _COUNT_FORMULA.fullmatch(text):
        # 四个一, 四个强化, 五个协作; not 两个大局 (a slogan of two things is too common)
        return True
    return bool(_ANY_SHAPE.match(text))


_COUNTED_PARTS = re.compile(f"^({_NUM}+)(?:位一体|网融合|个|大|项|条|类|支|级|[一-龥](?:融合|联动|合一|共治|同创|共建|并举)$)")
_PAIR = re.compile("^一([一-龥])一([一-龥]{1,2})$")
_NUMERAL = re.compile(_NUM)
_DIGITS_ONLY = re.compile("[0-9]{2,6}")
_RESULTS = re.compile(f"(?:{_NUM}[一-龥]){{3,}}")


def formula_value(text: str) -> int | None:
    """How many parts a formula announces: 六位一体 → 6, 一室三队 → 4, 5544 → 4 (digits)."""
    m = _COUNTED_PARTS.match(text)
    if m:
        return cn_int(m.group(1))
    m = _PAIR.match(text)
    if m:
        return 2
    nums = _NUMERAL.findall(text)
    if text.startswith("一") and len(nums) >= 2:
        return sum(cn_int(n) or 0 for n in nums)
    if _DIGITS_ONLY.fullmatch(text):
        return len(text)
    if _RESULTS.fullmatch(text):
        return len(nums)
    return None
