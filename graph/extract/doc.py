"""The text being extracted from: normalised text, its sentences, and the report's context."""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..gazetteer import Gazetteer, Place
from ..model import Entity, Mention
from ..normalise import Normalised

# a run of 。！？；!?; and line ends, or one or two … not before a closing quote: written to
# open on one character class (the engine skips ahead on it), each branch told apart by what it
# opened on (a pattern of two branches is tried at every character)
_SENT_END = re.compile(r"[。！？；!?;\n…](?:(?<=[。！？；!?;\n])[。！？；!?;\n]*|(?<=…)…?(?=[^”’」』]))")
CJK = "\u3400-\u4dbf\u4e00-\u9fff"
PAUSE_MARK = re.compile("[，。；：、]")  # where a phrase of a sentence ends: a comma, stop, semicolon, colon or 、
_STRIP = re.compile(r"[\s“”\"'‘’「」『』《》〈〉<>()（）【】\[\]]+")


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
        self._quoted: dict[int, tuple[str, int, int]] = {}  # sentence start → what quote gives

    @cached_property
    def quotes(self) -> list["Quote"]:
        """The text's quotations, found once for every rule that needs them."""
        return find_quotes(self.text)

    @cached_property
    def quote_bounds(self) -> tuple[list[int], list[int]]:
        """The starts and the ends of :attr:`quotes`, both ascending (the quotations do not
        overlap), for bisection."""
        return [q.start for q in self.quotes], [q.end for q in self.quotes]

    @cached_property
    def memo(self) -> dict:
        """Indexes a rule makes once per report and reuses for each name it looks at (under the
        rule's own keys): a long report's rules must not scan the whole text for every name."""
        return {}

    @cached_property
    def line_breaks(self) -> list[int]:
        """Where the text's line breaks are, ascending."""
        return [m.start() for m in re.finditer("\n", self.text)]

    @cached_property
    def clause_marks(self) -> list[int]:
        """Where the text's ，；： are, ascending (read, never changed, by the rules that cut
        clauses: found once)."""
        # each mark's places by str.find, merged: a third faster than a match object per mark
        text, out = self.text, []
        for c in "，；：":
            i = text.find(c)
            while i >= 0:
                out.append(i)
                i = text.find(c, i + 1)
        out.sort()
        return out

    @cached_property
    def nested_quotes(self) -> list["Quote"]:
        """Quotations inside others (inside speech above all), which :attr:`quotes` leaves out."""
        return find_nested_quotes(self.text)

    @cached_property
    def text(self) -> str:
        # read by every rule, tens of thousands of times a report: an attribute after the first
        return self.norm.text

    def sentence_index(self, pos: int) -> int:
        """The index in :attr:`sentences` of the last sentence starting at or before ``pos``; -1 if none."""
        return bisect.bisect_right(self._starts, pos) - 1

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = self.sentence_index(pos)
        if i < 0:
            return (0, 0)
        return self.sentences[i]

    def last_match_before(self, pattern: re.Pattern, end: int) -> re.Match | None:
        """The last match ``pattern.finditer`` finds from the start of the sentence at ``end`` up
        to ``end`` (as on ``text[ss:end]``, for a pattern with no look-behind or anchor), from
        the sentence's matches found once: a sentence naming many things is not read again for
        each. Matches ending by ``end`` are the same on the cut text; from the first that runs
        past it the cut text is read again, less than one match long."""
        ss, se = self.sentence_at(end)
        key = ("matches", pattern.pattern, ss)
        if key not in self.memo:
            found = list(pattern.finditer(self.text, ss, max(se, ss)))
            self.memo[key] = (found, [m.end() for m in found])
        found, ends = self.memo[key]
        i = bisect.bisect_right(ends, end)  # found[:i] end by ``end``
        last = found[i - 1] if i else None
        if i < len(found) and found[i].start() < end:
            for m in pattern.finditer(self.text, found[i].start(), end):
                last = m
        return last

    def sentence_text(self, pos: int) -> str:
        s, e = self.sentence_at(pos)
        return self.text[s:e]

    def mention(self, start: int, end: int) -> Mention:
        norm = self.norm
        b, e = norm.to_original(start, end)
        return Mention(b, e, norm.original[b:e], self.text[start:end])

    def quote(self, pos: int) -> tuple[str, int, int]:
        """The evidence sentence around ``pos``: its text and original offsets."""
        s, e = self.sentence_at(pos)
        if e <= s:
            return "", -1, -1
        # (a sentence naming a body, its program and a figure is quoted for each: cut out once)
        got = self._quoted.get(s)
        if got is None:
            b, oe = self.norm.to_original(s, e)
            got = self._quoted[s] = (self.text[s:e], b, oe)
        return got


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: cut after 。！？； and line ends; white space trimmed."""
    out = []
    start = 0
    ends = [m.end() for m in _SENT_END.finditer(text)]
    ends.append(len(text))
    # (each span trimmed here, not by a call per sentence: a report has hundreds)
    for end in ends:
        s, e = start, end
        start = end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1] in "\n ":
            e -= 1
        if e > s:
            out.append((s, e))
    return out


QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』"}


@dataclass(frozen=True)
class Quote:
    start: int  # position of the opening mark
    end: int  # position after the closing mark
    content: str


_QUOTE_MARKS = re.compile("[" + "".join(QUOTE_PAIRS) + "".join(QUOTE_PAIRS.values()) + "]")
_CLOSER_OF = {c: o for o, c in QUOTE_PAIRS.items()}
SPEECH_LEN = 40  # a longer quotation is speech: kept out of ``find_quotes``, its inner quotes in ``find_nested_quotes``


@lru_cache(maxsize=2)  # a report's quotations and nested quotations read the same pairs
def _partners(text: str) -> tuple[list[int], dict[int, int]]:
    """Every opening mark, in order, and the closing mark each one pairs with on its own line
    (the same kind nests: “有“三无”创建” pairs the outer marks). One pass, a stack per kind.
    (Shared between callers: read, never changed.)"""
    openers: list[int] = []
    partner: dict[int, int] = {}
    stacks: dict[str, list[int]] = {o: [] for o in QUOTE_PAIRS}
    # the last opening mark since the stacks were last cleared (-1: none, the stacks are empty):
    # a line break after it clears them. Asked at the next mark by str.find, the line breaks
    # themselves are not visited (most lines hold no mark)
    last_open = -1
    for m in _QUOTE_MARKS.finditer(text):
        c, j = m.group(), m.start()
        if last_open >= 0 and text.find("\n", last_open, j) >= 0:
            for st in stacks.values():
                st.clear()
            last_open = -1
        if c in stacks:
            openers.append(j)
            stacks[c].append(j)
            last_open = j
        elif stacks[_CLOSER_OF[c]]:
            partner[stacks[_CLOSER_OF[c]].pop()] = j
    return openers, partner


def _outermost(openers: list[int], partner: dict[int, int], lo: int, hi: int) -> list[tuple[int, int]]:
    """Pairs read left to right from ``lo`` to ``hi``, each skipping what it encloses; an opening
    mark with no partner is passed over."""
    out = []
    k = bisect.bisect_left(openers, lo)
    pos = lo
    while k < len(openers) and openers[k] < hi:
        i = openers[k]
        k += 1
        if i < pos:
            continue
        j = partner.get(i)
        if j is None or j >= hi:
            continue
        out.append((i, j))
        pos = j + 1
    return out


def find_quotes(text: str) -> list[Quote]:
    """Outermost quotations (nested ‘’ inside “” stay in the content); speech longer than
    SPEECH_LEN characters is left out. Linear in the text's length."""
    openers, partner = _partners(text)
    return [Quote(i, j + 1, text[i + 1:j]) for i, j in _outermost(openers, partner, 0, len(text))
            if 0 < j - i - 1 <= SPEECH_LEN]


def find_nested_quotes(text: str) -> list[Quote]:
    """Quotations one level inside others, speech above all (“……‘枫溪经验’是……”): the
    outermost pairs within each outermost quotation. Linear in the text's length."""
    openers, partner = _partners(text)
    out = []
    for i, j in _outermost(openers, partner, 0, len(text)):
        out += [Quote(a, b + 1, text[a + 1:b]) for a, b in _outermost(openers, partner, i + 1, j)
                if 0 < b - a - 1 <= SPEECH_LEN]
    return out


def finditer_near(pattern: re.Pattern, text: str, anchor: re.Pattern, lo: int, hi: int, *,
                  openers: re.Pattern | None = None) -> Iterator[re.Match]:
    """The matches of ``pattern.finditer(text)``, for a pattern whose every match contains a
    match of ``anchor`` starting ``lo`` to ``hi`` characters after the match's own start (only
    where each anchor starts is read, each searched for afresh: a lookahead or plain words). finditer tries a pattern like
    ``[\u4e00-\u9fff]{2,14}?中心`` at every character; most characters of a report are
    nowhere near a 中心, and those stretches are skipped. ``openers``: a pattern (a character
    class) every match also opens on, unless at the text's start: only those positions of a
    window are tried (a name's window is some fifty characters, of which a few open a clause)."""
    pos = 0
    search, match = anchor.search, pattern.match  # (looked up once: called for every anchor and try)
    while True:
        a = search(text, pos + lo)
        if a is None:
            return
        # no match starts before a.start() - hi: its anchor would come before this one; none
        # after a.start() - lo has this anchor, so only that window is tried (a search would
        # read on to the next match, however far)
        last = a.start() - lo
        first = max(pos, a.start() - hi)
        if openers is None:
            tries = range(first, last + 1)
        else:
            tries = [o.start() for o in openers.finditer(text, first, last + 1)]
            if first == 0 and tries[:1] != [0]:
                tries.insert(0, 0)  # a match at the text's start (^)
        for p in tries:
            m = match(text, p)
            if m is not None:
                yield m
                pos = max(m.end(), m.start() + 1)  # moves on even past an empty match (none of ours is)
                break
        else:
            pos = last + 1


class Spans(list):
    """A growing list of (start, end) spans that answers overlap questions without a scan:
    extraction rules take a span only where no earlier rule took one, and a report of a
    thousand names asked that of every list item would spend its time in the asking. A list as
    any other (the rules pass it on, copy it, iterate it), which only grows: by ``append`` and
    ``extend``. Where each position is covered is kept in byte arrays, so each question costs
    the length of the span asked about."""

    def __init__(self, spans=()) -> None:
        super().__init__()
        self._cover = bytearray()  # 1: a span covers the position
        self._inner = bytearray()  # 1: a span starts before the position and ends after it
        self._ends: set[int] = set()
        self._full_ends: set[int] = set()  # of the spans that are not empty
        self._odd: list[tuple[int, int]] = []  # empty spans (and any before the text), asked the plain way
        self.extend(spans)

    def append(self, span: tuple[int, int]) -> None:
        list.append(self, span)  # (list's own, named: cheaper than super() for every span a rule takes)
        a, b = span
        self._ends.add(b)
        if b > a:
            self._full_ends.add(b)
        if a < 0 or b <= a:
            self._odd.append(span)
            return
        cover = self._cover
        if len(cover) <= b:
            grow = max(b + 1, 2 * len(cover)) - len(cover)
            cover.extend(bytes(grow))
            self._inner.extend(bytes(grow))
        cover[a:b] = b"\1" * (b - a)
        if b - a > 1:
            self._inner[a + 1:b] = b"\1" * (b - a - 1)

    def extend(self, spans) -> None:
        # (append's work inlined, the arrays grown once: a report's places, bodies and quotations
        # come in by the hundred, and a method call per span cost a third of the time)
        spans = spans if type(spans) is list else list(spans)
        list.extend(self, spans)
        ends, full_ends, odd = self._ends, self._full_ends, self._odd
        cover, inner = self._cover, self._inner
        top = max((b for _, b in spans), default=-1)
        if len(cover) <= top:
            grow = max(top + 1, 2 * len(cover)) - len(cover)
            cover.extend(bytes(grow))
            inner.extend(bytes(grow))
        for span in spans:
            a, b = span
            ends.add(b)
            if b > a:
                full_ends.add(b)
            if a < 0 or b <= a:
                odd.append(span)
                continue
            cover[a:b] = b"\1" * (b - a)
            if b - a > 1:
                inner[a + 1:b] = b"\1" * (b - a - 1)

    def __iadd__(self, spans):
        self.extend(spans)
        return self

    def _refuse(self, *args, **kwargs):
        raise TypeError("Spans only grow (append, extend)")

    insert = remove = pop = sort = reverse = clear = __setitem__ = __delitem__ = _refuse

    def overlaps(self, s: int, e: int) -> bool:
        """Does a span overlap [s, e) (``any(s < b and a < e for a, b in spans)``)?"""
        if s < e:
            if e > 0 and self._cover.find(1, max(s, 0), e) >= 0:
                return True
        elif s == e:
            if self.crosses(s):
                return True
        else:
            return any(s < b and a < e for a, b in self)
        return bool(self._odd) and any(s < b and a < e for a, b in self._odd)  # (most have no odd span)

    def crosses(self, p: int) -> bool:
        """Does a span start before ``p`` and end after it (``any(a < p < b …)``)?"""
        return (0 <= p < len(self._inner) and self._inner[p] == 1) or bool(self._odd) and any(a < p < b for a, b in self._odd)

    def ends_at(self, p: int, *, empty: bool = True) -> bool:
        """Does a span end at ``p`` (``empty``: an empty one too)?"""
        return p in (self._ends if empty else self._full_ends)


def _places_of(text: str, word: str) -> list[int]:
    """Every place ``word`` is written in ``text`` (overlapping ones too), ascending."""
    at, i = [], text.find(word)
    while i >= 0:
        at.append(i)
        i = text.find(word, i + 1)
    return at


def find_all(text: str, names) -> dict[str, list[int]]:
    """Every place each of ``names`` is written (overlapping ones too), ascending: what
    ``text.find(name, i + 1)`` from each found ``i`` gives. A few names are looked for one by
    one; many (a long report's places) by their first characters, one scan of the text for
    each, trying at each place found only the lengths of the names that start there, so the
    time grows with the first characters, not the names."""
    names = [n for n in dict.fromkeys(names) if n]
    out: dict[str, list[int]] = {}
    if len(names) <= 16:
        for name in names:
            if at := _places_of(text, name):
                out[name] = at
        return out
    wanted = set(names)
    lengths: dict[str, list[int]] = {}
    for n in names:
        lengths.setdefault(n[0], set()).add(len(n))
    # each first character's places by str.find (a pattern of them all, compiled per report,
    # cost ten times the scans): each name's places still come in ascending order
    for c, ls in lengths.items():
        ls = sorted(ls)
        i = text.find(c)
        while i >= 0:
            for n in ls:
                w = text[i:i + n]
                if len(w) < n:  # past the end of the text
                    break
                if w in wanted:
                    out.setdefault(w, []).append(i)
            i = text.find(c, i + 1)
    return out


@lru_cache(maxsize=16)
def _words_index(words: tuple[str, ...]) -> tuple[re.Pattern, dict[str, list[int]], frozenset[str], dict]:
    """For :func:`find_words`: a pattern of the words (every alternative opens on a literal,
    so the engine skips at C speed to the next of their first characters), the lengths of the
    words by first character, the words, and each word's sort key for :func:`find_all`'s order."""
    names = [n for n in dict.fromkeys(words) if n]
    lengths: dict[str, set[int]] = {}
    for n in names:
        lengths.setdefault(n[0], set()).add(len(n))
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names)))
    # find_all's order of the words found: as given when they are few, else by first character
    if len(names) <= 16:
        order = {n: (k, 0, 0) for k, n in enumerate(names)}
    else:
        rank = {c: k for k, c in enumerate(lengths)}
        order = {n: (rank[n[0]], 0, len(n)) for n in names}
    return pattern, {c: sorted(ls) for c, ls in lengths.items()}, frozenset(names), order


def find_words(text: str, words: tuple[str, ...]) -> dict[str, list[int]]:
    """:func:`find_all` for a fixed tuple of ``words`` (a lexicon's, the same every report):
    the same places, in the same order. A str.find of each of some twenty first characters
    stops at every 检, 法, 国 … of the text; a pattern of the words, compiled once, stops only
    where one is written."""
    pattern, lengths, wanted, order = _words_index(words)
    out: dict[str, list[int]] = {}
    m = pattern.search(text)
    while m is not None:
        i = m.start()
        for n in lengths[text[i]]:
            w = text[i:i + n]
            if len(w) < n:
                break
            if w in wanted:
                out.setdefault(w, []).append(i)
        m = pattern.search(text, i + 1)  # (words may overlap: each place is tried)
    # (find_all's order: a few words as given; many by first character, first place, length)
    if len(order) <= 16:
        return {n: out[n] for n in sorted(out, key=order.__getitem__)}
    return {n: out[n] for n in sorted(out, key=lambda n: (order[n][0], out[n][0], order[n][2]))}


def positions(text: str, words) -> list[int]:
    """Where each of a few ``words`` starts in ``text`` (overlapping ones too), unsorted: found by
    str.find, many times faster than the engine's test of every character against a class of a
    few characters (a pattern opening on 部门|单位 or [我本全] is tried at every character so)."""
    out: list[int] = []
    for w in words:
        out.extend(_word_positions(text, w))
    return out


@lru_cache(maxsize=256)  # (a report's rules ask for the same few characters: 全, 本, 县 …)
def _word_positions(text: str, word: str) -> tuple[int, ...]:
    return tuple(_places_of(text, word))


def finditer_at(pattern: re.Pattern, text: str, starts) -> Iterator[re.Match]:
    """The matches of ``pattern.finditer(text)``, for a pattern that matches only at the
    positions ``starts`` (never empty): tried there alone, in order, each past the match before."""
    pos = 0
    match = pattern.match
    for i in sorted(set(starts)):
        if i >= pos and (m := match(text, i)) is not None:
            yield m
            pos = m.end()


def finditer_from(pattern: re.Pattern, text: str, firsts: str) -> Iterator[re.Match]:
    """The matches of ``pattern.finditer(text)``, for a pattern whose every match starts with one
    of the few characters ``firsts``: tried only where those stand (:func:`positions`)."""
    return finditer_at(pattern, text, positions(text, firsts))


def finditer_around(pattern: re.Pattern, text: str, words, lo: int, hi: int) -> Iterator[re.Match]:
    """The matches of ``pattern.finditer(text)``, for a pattern whose every match holds one of the
    few ``words`` starting ``lo`` to ``hi`` characters after the match's start (as
    :func:`~graph.extract.doc.finditer_near`, with the words found by str.find)."""
    return finditer_at(pattern, text, [a - k for a in positions(text, words) for k in range(lo, hi + 1) if a >= k])


def overlaps(s: int, e: int, spans) -> bool:
    """Does a span of ``spans`` (:class:`Spans`, or any list of pairs) overlap [s, e)?"""
    if isinstance(spans, Spans):
        return spans.overlaps(s, e)
    return any(s < b and a < e for a, b in spans)


@lru_cache(maxsize=8192)  # (a pure function of the name: a corpus names the same bodies and programs again)
def name_key(name: str) -> str:
    """Canonical comparison form of a name: NFKC, no quotes, brackets or spaces."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", name))


def place_entity(place: Place) -> Entity:
    """The entity of a gazetteer place (a mention's, or one implied above it)."""
    e = Entity("Place", place.name, attrs={"key_name": place.id, "level": place.level, "code": place.code,
                                           "parent": place.parent})
    return e
