"""The text being extracted from: normalised text, its sentences, and the report's context."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..gazetteer import Gazetteer, Place
from ..model import Mention
from ..normalise import Normalised

_SENT_END = re.compile(r"[。！？；!?;\n]+|…{1,2}(?=[^”’」』])")
CJK = "\u3400-\u4dbf\u4e00-\u9fff"


@dataclass
class Context:
    """What the report is about: its focal place and the chain above it."""

    gazetteer: Gazetteer
    focus: Place | None = None
    county: Place | None = None
    prefecture: Place | None = None
    province: Place | None = None

    def level_place(self, level_word: str) -> Place | None:
        """The place a bare level word (县, 市, 省 …) refers to in this report."""
        if level_word in ("县", "区", "旗"):
            return self.county
        if level_word == "市":
            # in a county-level city, 市 is the city itself
            if self.county is not None and self.county.name.endswith("市"):
                return self.county
            return self.prefecture
        if level_word in ("州", "盟"):
            return self.prefecture
        if level_word == "省":
            return self.province
        return None


@dataclass
class Doc:
    norm: Normalised
    report_id: str
    ctx: Context
    sentences: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = split_sentences(self.norm.text)
        self._starts = [s for s, _ in self.sentences]

    @cached_property
    def quotes(self) -> list["Quote"]:
        """The text's quotations, found once for every rule that needs them."""
        return find_quotes(self.text)

    @property
    def text(self) -> str:
        return self.norm.text

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return (0, 0)
        return self.sentences[i]

    def sentence_text(self, pos: int) -> str:
        s, e = self.sentence_at(pos)
        return self.text[s:e]

    def mention(self, start: int, end: int) -> Mention:
        b, e = self.norm.to_original(start, end)
        return Mention(b, e, self.norm.original[b:e], self.text[start:end])

    def quote(self, pos: int) -> tuple[str, int, int]:
        """The evidence sentence around ``pos``: its text and original offsets."""
        s, e = self.sentence_at(pos)
        if e <= s:
            return "", -1, -1
        b, oe = self.norm.to_original(s, e)
        return self.text[s:e], b, oe


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: cut after 。！？； and line ends; white space trimmed."""
    out = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        _append(out, text, start, end)
        start = end
    _append(out, text, start, len(text))
    return out


def _append(out: list, text: str, s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in "\n ":
        e -= 1
    if e > s:
        out.append((s, e))


QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』"}


@dataclass(frozen=True)
class Quote:
    start: int  # position of the opening mark
    end: int  # position after the closing mark
    content: str


def find_quotes(text: str) -> list[Quote]:
    """Outermost quotations (nested ‘’ inside “” stay in the content)."""
    out: list[Quote] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in QUOTE_PAIRS and ch != '"':
            close = QUOTE_PAIRS[ch]
            depth, j = 0, i + 1
            while j < n and text[j] != "\n":
                if text[j] == ch and ch != close:
                    depth += 1
                elif text[j] == close:
                    if depth == 0:
                        break
                    depth -= 1
                elif ch == "“" and text[j] == "“":  # a broken pair: “本领恐慌“
                    j = -1
                    break
                j += 1
            if 0 < j < n and text[j] == close:
                content = text[i + 1:j]
                if content and len(content) <= 40:
                    out.append(Quote(i, j + 1, content))
                i = j + 1
                continue
        i += 1
    return out
