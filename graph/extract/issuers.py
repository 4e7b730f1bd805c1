"""Who issued a document a report names: the bodies written right before its title (省委“10个严禁”,
省委办公厅、省政府办公厅《…》), else those before the issuing verb that governs it (印发, 出台 …),
the verb's own clause first; else the body the report is about."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .doc import Doc


def agency_index(ag_keys) -> tuple[dict[int, tuple[int, tuple[str, str]]], list[int], dict] | None:
    """What :func:`issuers` asks for each document: the first agency ending at each position
    (its start and key), the agencies' starts, and a place for each sentence's issuing verbs
    (None when the agencies do not come sorted by start, as :func:`find_agencies` gives them)."""
    starts = [a.start for a, _ in ag_keys]
    if starts != sorted(starts):
        return None
    by_end: dict[int, tuple[int, tuple[str, str]]] = {}
    for a, k in ag_keys:
        by_end.setdefault(a.end, (a.start, k))
    return by_end, starts, {}  # (and each sentence's issuing verbs, as they are asked for)


_ISSUING = re.compile("(印发|出台|制定|下发|发布|颁布|制订|签署|签订|发出|审议通过|研究通过)了?")
# a body that only names whose document the issuer goes by (根据省委政法委下发的《A》，制定《B》)
_GOVERNED = re.compile("(?:根据|按照|依据|依照|对照|贯彻|落实|结合)$")
_TITLES_BETWEEN = re.compile("的?(?:《[^》]*》|[和、及与并]|\\s)*")


def _last_issuing_verb(doc: Doc, pos: int, index: tuple) -> tuple[int, int] | None:
    """The last issuing verb (印发, 出台 …) ``_ISSUING.finditer`` finds from the start of the
    sentence at ``pos`` to ``pos``: from the sentence's verbs, found once for all its titles (a
    sentence of thousands of titles is not scanned again for each). A verb running past ``pos``
    is read as far as ``pos`` lets it (印发 of 印发了)."""
    ss, se = doc.sentence_at(pos)
    cache = index[2]
    if (ss, se) not in cache:
        cache[(ss, se)] = [m.span() for m in _ISSUING.finditer(doc.text, ss, se)]
    verbs = cache[(ss, se)]
    i = bisect_right([e for _, e in verbs], pos) if len(verbs) < 8 else bisect_right(_Ends(verbs), pos)
    if i < len(verbs) and verbs[i][0] < pos and verbs[i][1] - verbs[i][0] == 3 and verbs[i][0] + 2 == pos:
        return verbs[i][0], pos  # 印发了 cut at 了
    return verbs[i - 1] if i else None


class _Ends:
    """The ends of a list of spans, as a sequence bisect can search without copying them."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, i: int) -> int:
        return self.spans[i][1]


def _bodies_ending_at(text: str, pos: int, ag_keys, index=None) -> list[tuple[str, str]]:
    """The agency whose mention ends at ``pos`` and those listed right before it (A、B和C), in order."""
    by_end = index[0] if index is not None else {a.end: (a.start, k) for a, k in reversed(ag_keys)}
    out = []
    while pos in by_end:
        start, key = by_end[pos]
        out.append(key)
        if start < 1 or text[start - 1] not in "、和与及":
            break
        pos = start - 1
    return list(dict.fromkeys(reversed(out)))


def issuers(doc: Doc, pos: int, core, ag_keys, focal_key, named, topic=None, index=None,
            places=()) -> list[tuple[str, str]]:
    """Who issued the document named at ``pos``: the bodies before its verb (印发, 出台 …) in its
    sentence, with the places acting there (``places``: start, end, key of those no preposition
    governs; 某乡与邻乡签订《…协议》); else the body the report is about (``topic``), else its
    county. ``index``: the report's :func:`agency_index` (the agencies scanned when not given)."""
    text = doc.text
    ss, _ = doc.sentence_at(pos)
    # a body written right before the document (省委“10个严禁”), with the bodies joined to it
    # (省委办公厅、省政府办公厅《…》: issued jointly)
    before = _bodies_ending_at(text, pos, ag_keys, index)
    if before:
        return before
    if index is not None and pos <= doc.sentence_at(pos)[1]:
        found = _last_issuing_verb(doc, pos, index)
    else:
        m = None
        for m in _ISSUING.finditer(text[ss:pos]):
            pass
        found = (ss + m.start(), ss + m.end()) if m else None
    # the verb governs this title: nothing but other titles and 和/、 stands between
    if found is None or not _TITLES_BETWEEN.fullmatch(text, found[1], pos):
        return []
    trig = found[0]
    if index is not None:  # the agencies starting in [ss, trig), in order
        lo, hi = bisect_left(index[1], ss), bisect_left(index[1], trig)
        bodies = [(a, k) for a, k in ag_keys[lo:hi] if a.end <= trig]
    else:
        bodies = [(a, k) for a, k in ag_keys if ss <= a.start and a.end <= trig]
    spans = [(a.start, a.end, k) for a, k in bodies]
    if places:
        spans = sorted(spans + [p for p in places[bisect_left(places, (ss,)):bisect_left(places, (trig,))] if p[1] <= trig])
    if text.startswith("的", found[1]) and spans and spans[-1][1] >= trig - 2:
        # 省委政法委下发的《A》: the verb's own body (and those listed with it), whatever governs it
        return _bodies_ending_at(text, spans[-1][1], ag_keys, index) or [spans[-1][2]]
    # the verb's own clause first (甲印发《A》，乙制定了《B》: B is 乙's alone); else the sentence's,
    # but for a body 根据 governs (甲根据乙下发的《A》，制定了《B》: B is 甲's)
    cs = max(text.rfind("，", ss, trig), text.rfind("；", ss, trig))
    found = [k for s, _, k in spans if s > cs] or \
        [k for s, _, k in spans if not _GOVERNED.search(text, max(0, s - 2), s)] or [k for _, _, k in spans]
    if found:
        return list(dict.fromkeys(found))
    return [topic] if topic else ([focal_key] if focal_key else [])
