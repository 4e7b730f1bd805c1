"""Chinese script: detect traditional text and convert it to simplified (OpenCC)."""
from __future__ import annotations

import re
from functools import lru_cache

_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def t2s(text: str) -> str:
    """Traditional → simplified."""
    return _converter().convert(text)


def detect_script(text: str, *, threshold: float = 0.04) -> str:
    """``"zh-Hant"`` when enough Chinese characters change under t2s, else ``"zh-Hans"``."""
    sample = "".join(_CJK.findall(text[:20000]))
    if not sample:
        return "zh-Hans"
    conv = t2s(sample)
    if conv == sample:
        return "zh-Hans"
    changed = sum(1 for a, b in zip(sample, conv) if a != b)
    return "zh-Hant" if changed >= 3 and changed / len(sample) >= threshold else "zh-Hans"
