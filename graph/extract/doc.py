"""The text being extracted from: normalised text, its sentences, and the report's context."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
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
    township: Place | None = None  # the township the report is about, where it is about one

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


_OPENERS = re.compile("[" + "".join(QUOTE_PAIRS) + "]")
# where a quotation's scan stops: a line end, its closing mark, or the same opening mark (nested)
_QUOTE_STOPS = {o: re.compile("[\n" + o + c + "]") for o, c in QUOTE_PAIRS.items()}


def find_quotes(text: str) -> list[Quote]:
    """Outermost quotations (nested ‘’ inside “” stay in the content)."""
    out: list[Quote] = []
    i = 0
    while (m := _OPENERS.search(text, i)) is not None:
        i = m.start()
        ch = text[i]
        stops = _QUOTE_STOPS[ch]  # its closing mark, a line end, or itself again
        depth, j = 0, i + 1
        end = -1
        while (s := stops.search(text, j)) is not None:
            j = s.start()
            c = text[j]
            if c == "\n":
                break
            if c == ch:
                depth += 1
            elif depth == 0:
                end = j
                break
            else:
                depth -= 1
            j += 1
        if end < 0:  # not closed on its line
            i += 1
            continue
        content = text[i + 1:end]
        if content and len(content) <= 40:
            out.append(Quote(i, end + 1, content))
        i = end + 1
    return out


def finditer_near(pattern: re.Pattern, text: str, anchor: re.Pattern, lo: int, hi: int) -> Iterator[re.Match]:
    """The matches of ``pattern.finditer(text)``, for a pattern whose every match contains a
    match of ``anchor`` (a lookahead, so it finds every position) starting ``lo`` to ``hi``
    characters after the match's own start. finditer tries a pattern like
    ``[\u4e00-\u9fff]{2,14}?中心`` at every character; most characters of a report are
    nowhere near a 中心, and those stretches are skipped."""
    pos = 0
    while True:
        a = anchor.search(text, pos + lo)
        if a is None:
            return
        # no match starts before a.start() - hi: its anchor would come before this one
        m = pattern.search(text, max(pos, a.start() - hi))
        if m is None:
            return
        yield m
        pos = max(m.end(), m.start() + 1)  # moves on even past an empty match (none of ours is)
