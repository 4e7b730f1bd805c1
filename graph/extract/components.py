"""The parts a report lists for a number formula, accepted only when their count matches."""
from __future__ import annotations

import re

from .doc import Doc
from .named import NamedHit
from ..lexicon import load_set
from .numbers import cn_int

_ORDINAL = re.compile("^([一二三四五六七八九十]+)、([^。；\n]{2,40})")
_LEAD_VERBS = re.compile("^(?:通过|建立并落实了|建立并落实|建立了|建立|搭建了|搭建|形成了|形成|落实了|落实|实行|推行|打造|组建了|组建|包括|即)+")


def _after_verbs(item: str) -> str:
    """凤凰县建立了公安 → 公安: the list starts after the sentence's verb."""
    from ..segment import lcut

    verbs = load_set("predicate_verbs.txt") | {"了", "将", "把", "由", "以", "包括", "涵盖", "整合"}
    toks = lcut(item)
    cut = 0
    for i, tok in enumerate(toks[:-1]):
        if tok in verbs:
            cut = i + 1
    return "".join(toks[cut:]) or item


def _split_items(text: str) -> list[str]:
    text = text.strip()
    text = re.sub("等$", "", text)
    parts = [p.strip() for p in re.split("[、，]", text) if p.strip()]
    if parts:
        parts[0] = _after_verbs(_LEAD_VERBS.sub("", parts[0]))
        parts[-1] = re.sub("等$", "", parts[-1])
    return [p for p in parts if p]


def fill_components(doc: Doc, hits: list[NamedHit]) -> None:
    mechs = [h for h in hits if h.type == "Mechanism"]
    for h in mechs:
        if h.components or h.formula_count is None:
            continue
        n = h.formula_count
        for finder in (_list_before, _paren_after, _ordinal_paragraphs, _heading_items, _digit_parts, _net_parts,
                       _room_and_teams):
            parts = finder(doc, h, hits)
            if parts and len(parts) == n:
                h.components = parts
                break


def _list_before(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    text = doc.text
    s = h.start
    cs = s
    while cs > 0 and text[cs - 1] not in "。；：\n，（(":
        cs -= 1
    # a list joined by 、 may run across commas only inside it; stop at a comma
    seg = text[cs:s]
    if "、" not in seg:
        return []
    return _split_items(seg)


def _paren_after(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """（即A、B、C） or ，即A、B、C。 right after the formula."""
    after = doc.text[h.end:h.end + 210]
    m = re.match(r"[（(]即?([^）)]{4,200})[）)]", after) or re.match(r"[，,：:]即([^。；\n]{4,200})", after)
    return _split_items(m.group(1)) if m else []


def _ordinal_paragraphs(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """一、强化思想引领“听党指挥”。二、… after the formula: each numbered item's lead."""
    items = []
    expect = 1
    for line in doc.text[h.end:].split("\n"):
        m = _ORDINAL.match(line.strip())
        if m and cn_int(m.group(1)) == expect:
            items.append(m.group(2).strip())
            expect += 1
        elif items:
            if expect > (h.formula_count or 0):
                break
    return items


def _heading_items(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """六个一: headings such as “构建一个体系 创新社会治安防控”, the part before the space."""
    if not re.match("^[一二三四五六七八九十]+个一$", h.name):
        return []
    out = []
    for line in doc.text.split("\n"):
        line = line.strip()
        if len(line) <= 24 and " " in line and re.search("一[个道批支种项条套张]", line.split(" ")[0]):
            out.append(line.split(" ")[0])
    return out


def _digit_parts(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """5544: the sub-formulas before it in the sentence whose counts are 5, 5, 4, 4."""
    if not re.fullmatch("[0-9]{2,6}", h.name):
        return []
    ss, _ = doc.sentence_at(h.start)
    subs = [x for x in hits if x.type == "Mechanism" and ss <= x.start < h.start and x.formula_count]
    digits = [int(d) for d in h.name]
    out = []
    i = 0
    for x in subs:
        if i < len(digits) and x.formula_count == digits[i]:
            out.append(x.name)
            i += 1
    return out if i == len(digits) else []


def _net_parts(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """三网融合: the …网 programs named before it in the paragraph."""
    if not h.name.endswith("网融合"):
        return []
    text = doc.text
    ps = text.rfind("\n", 0, h.start) + 1
    names = []
    for x in hits:
        if x.type == "Program" and ps <= x.start < h.start and x.name.endswith("网") and x.name not in names:
            names.append(x.name)
    return names[-(h.formula_count or 0):] if names else []


def _room_and_teams(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """一室三队: the quoted teams listed before it plus the quoted room named before them."""
    m = re.fullmatch("一([一-龥])([一二三四五六七八九十])([一-龥])", h.name)
    if not m:
        return []
    room_char, team_char = m.group(1), m.group(3)
    text = doc.text
    ss, _ = doc.sentence_at(h.start)
    fpos = text.find(h.name, h.start)  # where the formula itself stands
    if fpos < 0:
        fpos = h.start
    quotes = [q for q in doc.quotes if ss <= q.start and q.end <= fpos]
    if not quotes:
        return []
    teams = _split_items(quotes[-1].content)
    rooms = [q.content for q in quotes[:-1] if q.content.endswith(room_char)]
    if rooms and all(t.endswith(team_char) for t in teams):
        return [rooms[-1]] + teams
    return []

