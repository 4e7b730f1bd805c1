"""Chinese script: detect traditional text and convert it to simplified (OpenCC)."""
from __future__ import annotations

import re
from functools import lru_cache

# Chinese characters, in runs: joining them is three times faster than collecting each character,
# and faster than deleting what lies between them (a substitution makes a piece per run)
_CJK_RUN = re.compile("[\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def t2s(text: str) -> str:
    """Traditional → simplified."""
    return _converter().convert(text)


# variant forms (异体字) OpenCC's t2s leaves as they are, each to its standard character: one
# character for one, so offsets hold. 陜西省 (the variant 陜) stays 陜西省 after t2s, which names no province.
_VARIANTS = str.maketrans(
    "陜峩廸衞竝淸靑塲槪鄕煕熈吿歳歴氷汚浄渇徳愼掲挿敍昻栢朶犂畧疎痩硏緜縂繋豊鉄錬髪黙嶋嶌廐桒椶欵稭覩躭逈鞵韮"
    "顋餻鬭鼈堦壻冐剏勦尅呌彞曡媿慙戞擕暎枏梹殀炤煑狥瑯畱睠穉粧紥罇羇聦肎胷蔴蠏賍靣",
    "陕峨迪卫并清青场概乡熙熙告岁历冰污净渴德慎揭插叙昂柏朵犁略疏瘦研绵总系丰铁炼发默岛岛厩桑棕款秸睹耽迥鞋韭"
    "腮糕斗鳖阶婿冒创剿克叫彝叠愧惭戛携映楠槟夭照煮徇琅留眷稚妆扎樽羁聪肯胸麻蟹赃面")


_ANY_VARIANT = re.compile("[" + "".join(map(chr, _VARIANTS)) + "]")


def fold_variants(text: str) -> str:
    """Variant characters to their standard forms (陜 → 陕), character for character."""
    # most texts hold none: looking is twenty times faster than translating
    return text.translate(_VARIANTS) if _ANY_VARIANT.search(text) else text


# The entries of OpenCC's t2s dictionaries that change a text though none of their characters
# changes alone (深沈 → 深沉, 反覆 → 反复, 一目瞭然 → 一目了然; phrases of OpenCC 1.1's TSPhrases):
# every other entry that changes a text holds a character t2s changes alone.
# tests/test_script.py checks the list against the installed dictionaries.
_PHRASES_ONLY = tuple((
    "一坏 一目瞭然 不瞭解 以免藉口 凌藉 函覆 反反覆覆 反覆 反覆思量 反覆性 回覆 土坏 坏土 坏子 坏布 墨沈沈 "
    "意志消沈 打坏 批覆 找藉口 折戟沈沙 折戟沈河 拉坏 拜覆 捏坏 明瞭 明覆 昏沈 暗沈沈 毛坏 沈下 沈冤 沈厚 "
    "沈吟 沈寂 沈思 沈思往事 沈浮 沈浸 沈湎 沈湎酒色 沈溺 沈甸甸 沈痛 沈痼 沈睡 沈睡不醒 沈砂池 沈筒 沈船 "
    "沈落 沈迷 沈迷不醒 沈醉 沈重 沈降 沈陷 沈香 沈默 沈默寡言 浮沈 海哩 深沈 深沈不露 滑藉 狐藉虎威 甦生 "
    "甦醒 申覆 瞭如 瞭如指掌 瞭然 瞭若指掌 瞭解 瞭解到 破釜沈舟 示覆 答覆 素藉 耳沈 英哩 茵藉 藉代 藉以 藉助 "
    "藉卉 藉口 藉喻 藉寇兵 藉手 藉故 藉方 藉槁 藉此 藉甚 藉由 藉着 藉端 藉端生事 衹得 覆信 覆呈 覆命 覆墓 "
    "覆按 覆文 覆校 重覆 陶坏 黑沈沈 "
).split())

# detect_script converts a report's Chinese characters to see whether t2s changes them: most
# reports are simplified and it changes nothing. After this many texts, a process makes the
# tables (about 25 ms, once) that tell most of those apart without converting.
QUICK_AFTER = 200
_detected = 0


@lru_cache(maxsize=1)
def _quick_tables() -> tuple[re.Pattern, re.Pattern, dict[str, list[tuple[str, int]]]] | None:
    """What a text t2s changes must hold (None if OpenCC answers in a way it cannot be read
    from): a character of _CJK_RUN that t2s changes alone, or one of _PHRASES_ONLY — a pattern
    of the first; a pattern of a character of each phrase (one t2s changes in it) and the
    phrases under each of those characters, with where the character stands in them."""
    chars = [chr(c) for c in range(0x4E00, 0xA000)]  # every character _CJK_RUN samples
    conv = t2s("\n".join(chars)).split("\n")
    phrases = t2s("\n".join(_PHRASES_ONLY)).split("\n")
    if len(conv) != len(chars) or len(phrases) != len(_PHRASES_ONLY):
        return None
    alone = "".join(c for c, v in zip(chars, conv) if v != c)
    if not alone:
        return None
    marks: set[str] = set()
    for p, q in zip(_PHRASES_ONLY, phrases):
        changed = [a for a, b in zip(p, q) if a != b] if len(p) == len(q) else []
        marks.update(changed or p)  # (all of it, where t2s would not say which)
    by_mark: dict[str, list[tuple[str, int]]] = {}
    for p in _PHRASES_ONLY:
        for at, c in enumerate(p):
            if c in marks:
                by_mark.setdefault(c, []).append((p, at))
    return re.compile(f"[{alone}]"), re.compile("[" + "".join(sorted(marks)) + "]"), by_mark


def _unchanged(text: str, end: int) -> bool:
    """True when t2s surely leaves the Chinese characters of ``text[:end]``, joined as
    detect_script samples them, as they are: they hold no character it changes alone and none
    of _PHRASES_ONLY (each looked for where a character of it is)."""
    tables = _quick_tables()
    if tables is None:
        return False
    alone, marks, by_mark = tables
    if alone.search(text, 0, end) is not None:
        return False
    if marks.search(text, 0, end) is None:
        return True
    sample = "".join(_CJK_RUN.findall(text, 0, end))
    for m in marks.finditer(sample):
        i = m.start()
        for phrase, at in by_mark[m.group()]:
            if i >= at and sample.startswith(phrase, i - at):
                return False
    return True


def detect_script(text: str, *, threshold: float = 0.04) -> str:
    """``"zh-Hant"`` when enough Chinese characters change under t2s, else ``"zh-Hans"``."""
    global _detected
    _detected += 1
    if _detected > QUICK_AFTER and _unchanged(text, 20000):
        return "zh-Hans"  # as below, where t2s changes nothing
    sample = "".join(_CJK_RUN.findall(text, 0, 20000))
    if not sample:
        return "zh-Hans"
    conv = t2s(sample)
    if conv == sample:
        return "zh-Hans"
    changed = sum(1 for a, b in zip(sample, conv) if a != b)
    return "zh-Hant" if changed >= 3 and changed / len(sample) >= threshold else "zh-Hans"
