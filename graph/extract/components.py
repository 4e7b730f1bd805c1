"""The parts a report lists for a number formula, accepted only when their count matches (or,
for parts that share the formula's own characters or end in 等, fewer: the graph's
gk:componentsMatchCount then says they do not match)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .doc import CJK, Doc, find_all
from .named import NamedHit, list_items, strip_leading
from ..lexicon import load_set
from .numbers import cn_int
from ..segment import lcut, pos_tags

_ORDINAL = re.compile("^(?:([一二三四五六七八九十]+)、|[（(]([一二三四五六七八九十]+)[）)])([^。；\n]{2,40})")
# patterns rules use, compiled once (re's own cache of 512 is overrun in a build)
_DIGITS_PLUS = re.compile("[0-9]+(?:\\+[0-9A-Za-zＮ]+)+")
_PAREN_PARTS = re.compile(r"[（(]即?([^）)]{4,200})[）)]")
_NAMELY_PARTS = re.compile(r"[，,：:]即([^。；\n]{4,200})")
_N_ONES = re.compile("^[一二三四五六七八九十]+个一$")  # 六个一
_ONE_OF = re.compile("一[个道批支种项条套张]")
_DIGITS_NAME = re.compile("[0-9]{2,6}")
_ROOM_TEAMS = re.compile("一([一-龥])([一二三四五六七八九十])([一-龥])")
_DESCRIBED_BY = re.compile("([^，。；：“”\n的]{2,80})的$")
_JOINERS = re.compile("[-—―－+＋]")
_HAN = re.compile("[一-龥]+")
# the number a listed part opens on (一是联防, 第二，, 其三, ②, (4)): no word of the part
_ORDINAL_MARK = re.compile("^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、是]?|其[一二三四五六七八九十][，、]?|"
                           "[①②③④⑤⑥⑦⑧⑨⑩]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．])")
_LEAD_VERBS = re.compile("^(?:通过|建立并落实了|建立并落实|建立了|建立|搭建了|搭建|形成了|形成|落实了|落实|实行|推行|打造|组建了|组建|包括|即)+")


@lru_cache(maxsize=1)
def _clause_verbs() -> frozenset[str]:
    return load_set("predicate_verbs.txt") | {"了", "将", "把", "由", "以", "包括", "涵盖", "整合", "有", "均有"}


def _after_verbs(item: str) -> str:
    """凤凰县建立了公安 → 公安, 深化拓展入户走访 → 入户走访: the list starts after the sentence's
    verbs (a part is a noun phrase: verbs opening it belong to the clause)."""
    verbs = _clause_verbs()
    toks = lcut(item)
    cut = 0
    for i, tok in enumerate(toks[:-1]):
        if tok in verbs:
            cut = i + 1
    item = strip_leading("".join(toks[cut:]) or item)
    tags = pos_tags(item)
    while len(tags) > 2 and tags[0][1] == "v":  # 深化 拓展 走访排查
        item = item[len(tags[0][0]):]
        tags = tags[1:]
    return item


def _split_items(text: str) -> list[str]:
    text = text.strip()
    text = re.sub("等$", "", text)
    parts = [p.strip() for p in re.split("[、，]", text) if p.strip()]
    if len(parts) >= 2 and re.search("[和及]", parts[-1]):
        # 2名民警、3名辅警和若干名保安的队伍架构: the last two joined by 和, then the whole's noun
        tail = re.sub("的[^、，和及]{2,10}$", "", parts[-1])
        parts[-1:] = [p for p in re.split("[和及]", tail) if p]
    if parts:
        parts[0] = _after_verbs(_LEAD_VERBS.sub("", parts[0]))
        # A、B、C的“三个一”: the 的 joins the list to it; 由A、B、C组成的: the verb is the clause's
        parts[-1] = re.sub("(?:等)?(?:共同)?(?:组成|构成|组建|参与|参加)的$|(?:等|的)$", "", parts[-1])
    return [p for p in parts if p]


# finders whose parts share the formula's own words (“六访”: “节前访”“事后访”): fewer may be listed
_PARTIAL_OK = set()


_COUNTED_PART = re.compile("[0-9一二三四五六七八九十两N]")


def counted_parts(doc: Doc, hits: list[NamedHit]) -> list[tuple[int, int]]:
    """Where the text spells out the parts of a formula with their counts (“1+3+N”机制，即1个中心、
    3支队伍、N个网格): those counts define the formula, they claim nothing. Each part that holds
    a number, found after its formula in the same sentence."""
    out = []
    for h in hits:
        if h.type != "Mechanism" or not h.components:
            continue
        _, se = doc.sentence_at(h.start)
        at = h.end
        for part in h.components:
            if _COUNTED_PART.search(part):
                i = doc.text.find(part, at, se)
                if i >= 0:
                    out.append((i, i + len(part)))
                    at = i + len(part)
    return out


def fill_components(doc: Doc, hits: list[NamedHit]) -> None:
    mechs = [h for h in hits if h.type == "Mechanism"]
    mech_ends = sorted(h.end for h in mechs)
    for h in mechs:
        if h.components:
            continue
        n = h.formula_count
        if n is None and _DIGITS_PLUS.fullmatch(h.name):
            n = h.name.count("+") + 1  # 2+1+N: three parts, whatever N counts
        counted = n is not None
        if n is None:
            n = _leading_count(h.name)
        if n is None:
            h.components = _joined_before(doc, h) or _kinds_before(doc, h, hits, mech_ends)
            continue
        ok = _counts(h.name, n)
        if not counted:
            h.formula_count = n  # for the finders that read it; kept only when the parts are found
        for finder in (_list_before, _graded_parts, _listed_after, _paren_after, _disposal_before, _pair_before,
                       _ordinal_paragraphs, _shi_items, _heading_items, _headings_after,
                       _digit_parts, _glossed_terms, _net_parts, _room_and_teams, _shared_words, _opening_list, _parallel_quotes):
            if not counted and finder not in _LEADING_OK:
                continue  # a count read off the name's first character: only a list the text spells out
            parts = [_ORDINAL_MARK.sub("", p) or p for p in finder(doc, h, hits)]
            if not counted and any(re.search("[“”‘’\"]", p) for p in parts):
                continue  # a count off the name asks for plain parts: not a list cut out of a quotation
            if parts and (len(parts) in ok or (finder in _PARTIAL_OK and len(parts) < n)):
                h.components = parts
                break
            if finder is _list_before and parts and doc.text[h.start - 1:h.start] == "等" and len(parts) < n:
                h.components = parts  # A、B、C等五项工作制度: the parts named, fewer than the count
                break
        if not counted and not h.components:
            h.formula_count = None
            h.components = _joined_before(doc, h) or _kinds_before(doc, h, hits, mech_ends)
    _spelled_out(doc, hits)
    # a bare count whose parts the text does not list names nothing we can tell
    hits[:] = [h for h in hits if not (h.needs_parts and not h.components)]


def _spelled_out(doc: Doc, hits: list[NamedHit]) -> None:
    """推进“三方共治”……形成“网格共治+物业协治+村民自治”社区治理格局: a later mechanism of the
    same paragraph whose parts, as many as the formula counts, all end in a word of the formula
    spells the formula out — one mechanism, its parts and its written forms."""
    text = doc.text
    drop = set()
    # the mechanisms with parts, by their number of parts, in order: the hits come sorted by
    # start, so those after a formula are found by bisection, not by a walk through all hits
    # (a formula gains parts only from one after it, so the later ones still have their own)
    ordered = all(a.start <= b.start for a, b in zip(hits, hits[1:]))
    by_count: dict[int, list[NamedHit]] = {}
    for x in hits:
        if x.type == "Mechanism" and x.components:
            by_count.setdefault(len(x.components), []).append(x)
    for h in hits:
        if h.type != "Mechanism" or h.components or not h.formula_count or id(h) in drop:
            continue
        b = bisect_left(doc.line_breaks, h.end)
        pe = doc.line_breaks[b] if b < len(doc.line_breaks) else -1  # the paragraph's end
        if ordered:
            same = by_count.get(h.formula_count, [])
            k = bisect_left(_Starts(same), h.end)
            later = (same[i] for i in range(k, len(same)))
        else:
            later = iter(hits)
        for x in later:
            if ordered and pe >= 0 and x.start >= pe:
                break
            if (x is h or x.type != "Mechanism" or id(x) in drop or not (h.end <= x.start and (pe < 0 or x.start < pe))
                    or len(x.components) != h.formula_count):
                continue
            ends = {p[-1] for p in x.components}
            if len(ends) == 1 and ends <= set(h.name):
                h.components = list(x.components)
                h.aliases |= x.aliases | {x.name}
                drop.add(id(x))
                break
    if drop:
        hits[:] = [h for h in hits if id(h) not in drop]


class _Starts:
    """The starts of a list of hits, as a sequence bisect can search without copying them."""

    def __init__(self, hits: list[NamedHit]) -> None:
        self.hits = hits

    def __len__(self) -> int:
        return len(self.hits)

    def __getitem__(self, i: int) -> int:
        return self.hits[i].start


def _list_before(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    text = doc.text
    s = h.start
    cs = s
    while cs > 0 and text[cs - 1] not in "。；：\n，（(" and s - cs < 300:
        cs -= 1
    # a list joined by 、 may run across commas only inside it; stop at a comma
    seg = text[cs:s]
    if "、" not in seg:
        return []
    return _split_items(seg)


def _paren_after(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """（即A、B、C） or ，即A、B、C。 right after the formula."""
    after = doc.text[h.end:h.end + 210]
    m = _PAREN_PARTS.match(after) or _NAMELY_PARTS.match(after)
    return _split_items(m.group(1)) if m else []


_ORDINAL_AT = re.compile(_ORDINAL.pattern[1:])  # (matched at a position: no ^)
# a line (after white space other than its break: what str.strip leaves) whose first character
# may open _ORDINAL: 一、 or （一）
_ORDINAL_LINE = re.compile("^[^\\S\n]*[一二三四五六七八九十（(]", re.M)


def _stripped(text: str, a: int, b: int) -> tuple[int, int]:
    """The span of ``text[a:b].strip()``."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _ordinal_at(text: str, a: int, b: int) -> tuple[int | None, str] | None:
    """(its number, its lead) where the line text[a:b] opens with 一、二、…, as
    ``_ORDINAL.match(text[a:b].strip())`` reads it, without copying the line."""
    m = _ORDINAL_AT.match(text, *_stripped(text, a, b))
    return (cn_int(m.group(1) or m.group(2)), m.group(3).strip()) if m else None


def _ordinal_lines(doc: Doc) -> tuple[dict, dict[int, tuple]]:
    """The report's lines that open with an ordinal: their indexes by number, and each one's
    (number, lead), made once per report."""
    if "ordinal lines" not in doc.memo:
        text, breaks = doc.text, doc.line_breaks
        by_number: dict = {}
        line: dict[int, tuple] = {}
        # only the lines whose first character past white space may open an ordinal are read
        # (found by one scan of the text, not each of a report's hundreds of lines in Python)
        for om in _ORDINAL_LINE.finditer(text):
            g = bisect_left(breaks, om.start())  # the line's index: the breaks before its start
            got = _ordinal_at(text, breaks[g - 1] + 1 if g else 0, breaks[g] if g < len(breaks) else len(text))
            if got is not None:
                by_number.setdefault(got[0], []).append(g)
                line[g] = got
        doc.memo["ordinal lines"] = (by_number, line)
    return doc.memo["ordinal lines"]


def _ordinal_paragraphs(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """一、强化思想引领“听党指挥”。二、… after the formula: each numbered item's lead.
    (The lines after the formula's are read as ``doc.text[h.end:].split("\\n")`` gives them, from
    an index of the ordinal lines: not line by line for each formula.)"""
    text, breaks = doc.text, doc.line_breaks
    by_number, line = _ordinal_lines(doc)
    count = h.formula_count or 0
    g = bisect_left(breaks, h.end)  # the line the formula ends on: its rest is the first line read
    items: list[str] = []
    expect = 1
    first = _ordinal_at(text, h.end, breaks[g] if g < len(breaks) else len(text))
    if first is not None and first[0] == 1:
        items.append(first[1])
        expect = 2
    while True:
        if not items or expect <= count:  # lines that do not go on the list are passed over
            lines = by_number.get(expect, [])
            k = bisect_right(lines, g)
            if k == len(lines):
                return items
            g = lines[k]
        else:  # the list is complete: the next line goes on it or ends it
            g += 1
            if g not in line or line[g][0] != expect:
                return items
        items.append(line[g][1])
        expect += 1


def _heading_items(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """六个一: headings such as “构建一个体系 创新社会治安防控”, the part before the space."""
    if not _N_ONES.match(h.name):
        return []
    out = []
    for line in doc.text.split("\n"):
        line = line.strip()
        if len(line) <= 24 and " " in line and _ONE_OF.search(line.split(" ")[0]):
            out.append(line.split(" ")[0])
    return out


def _digit_parts(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """5544: the sub-formulas before it in the sentence whose counts are 5, 5, 4, 4."""
    if not _DIGITS_NAME.fullmatch(h.name):
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


# one term of a formula glossed after it: “1”即一个中心，“3”指三支队伍 (up to the next gloss or sentence end)
_GLOSS = re.compile("[“‘\"]([0-9A-Za-zＮ一二三四五六七八九十]{1,3})[”’\"](?:即|指|是|代表|就是)([^。；\n“‘\"]{2,40}?)(?=[，,；。]?[“‘\"]|[。；\n]|$)")


def _glossed_terms(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """1+3+N — “1”即综治中心，“3”即派出所、司法所、法庭，“N”即各类调解组织: each term's gloss,
    the terms in the formula's order, in its sentence after it."""
    if "+" not in h.name:
        return []
    terms = _JOINERS.split(h.name)
    _, se = doc.sentence_at(h.start)
    out = []
    for m in _GLOSS.finditer(doc.text, h.end, se):
        if len(out) == len(terms) or m.group(1) != terms[len(out)]:
            break
        out.append(m.group(2).rstrip("，,、 "))
    return out if len(out) == len(terms) else []


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
    m = _ROOM_TEAMS.fullmatch(h.name)
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



# 一是A / 第一，A / 其一，A: the parts a formula's next sentences number
_SHI = re.compile("(?:([一二三四五六七八九十]+)是|(?:第|其)([一二三四五六七八九十]+)[，、,：:])([^，。；：,\n]{2,30})")


def _shi_items(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """“三个当天”，一是当天立案，二是…，三是…: the words after each 一是, 二是 … in order,
    read from the formula on (within its paragraph and the ones after it)."""
    text = doc.text
    out: list[str] = []
    pos = h.end
    limit = min(len(text), h.end + 3000)
    while len(out) < (h.formula_count or 4):
        m = _SHI.search(text, pos, limit)
        if m is None or cn_int(m.group(1) or m.group(2)) != len(out) + 1:
            break
        if not out and "\n" in text[h.end:m.start()].strip("\n") and text[h.end:m.start()].count("\n") > 1:
            break  # the first part opens the formula's own paragraph or the next one, no later
        out.append(m.group(3))
        pos = m.end()
    return out


def _headings_after(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """建立三项机制 … then paragraphs opening with 建立繁案精审机制。 建立类案速裁机制。 …: the
    paragraphs right after the formula's whose first clause ends with the formula's head noun."""
    head = re.sub("^[一二三四五六七八九十两]+[项大个类条种]", "", h.name)
    if head == h.name or len(head) < 2:
        return []
    text = doc.text
    nl = text.find("\n", h.end)
    out: list[str] = []
    while nl >= 0 and len(out) < (h.formula_count or 0):
        end = text.find("\n", nl + 1)
        line = text[nl + 1:end if end >= 0 else len(text)].strip()
        m = re.match(f"([^，。；：,]{{2,20}}{head[-2:]})[。，：；]", line)
        if not m:
            break
        out.append(strip_leading(m.group(1)))
        nl = end
    return out


def _opening_list(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """A list in the formula's sentence, after it, whose items open with the formula's counted
    word, as many as it counts (三进 — 让法律进农家、进田间、进集市; 五老调解 — 邀请老干部、老党员、
    老教师、老模范、老军人参与调解)."""
    m = re.fullmatch("[一二三四五六七八九十]([一-龥])[一-龥]{0,3}", h.name)
    if not m:
        return []
    char, text = m.group(1), doc.text
    se = min(doc.sentence_at(h.start)[1], h.end + 120)  # (a headline's sentence ends with its line)
    for lm in re.finditer("(?:[^、，。；：“”\n和]{1,12}、)+[^、，。；：“”\n和]{2,8}", text[h.end:se]):
        items = lm.group(0).split("、")
        lead = items[0].rfind(char)
        if lead < 0:
            continue
        items[0] = items[0][lead:]
        last = re.match(f"{char}[一-龥]{{1,3}}?(?=参与|参加|组成|担任|共同|等|$)", items[-1])  # 老军人|参与调解
        items[-1] = last.group(0) if last else items[-1]
        if len(items) == cn_int(h.name[0]) and all(x.startswith(char) and 2 <= len(x) <= 6 for x in items):
            return items
    return []


def _shared_words(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """Parts written with the formula's own word: 三度 — 法律知晓度、宣传覆盖度、活动参与度;
    六访 — “节前访”“事后访”; 三强夯基 — sentences opening 强组织，强队伍，… (parts opening on the word:
    :func:`_opening_list`)"""
    name, text = h.name, doc.text
    m = re.fullmatch("[一二三四五六七八九十]([一-龥])([一-龥]{0,2})", name)
    if not m:
        return []
    char, rest = m.group(1), m.group(2)
    # the formula's own section (三强夯基，筑牢…), else right after it: where the name is written
    # again (all the places it is written, found once per report and name)
    written = doc.memo.get(("written", name))
    if written is None:
        written = doc.memo[("written", name)] = find_all(text, [name]).get(name, [])
    i = bisect_left(written, h.end)
    start = written[i] + len(name) if i < len(written) else h.end
    b = bisect_left(doc.line_breaks, start)
    pe = doc.line_breaks[b] if b < len(doc.line_breaks) else -1
    if not rest:  # N + one word: a list or quotes of parts ending in it, after it and before the next formula
        if _in_order(doc, hits):  # only a formula starting within 900 characters can come first
            stop = h.end + 900
            for k in range(bisect_left(_Starts(hits), h.end), len(hits)):
                x = hits[k]
                if x.start >= stop:
                    break
                if x.type == "Mechanism" and x.formula_count and x.name != name:
                    stop = x.start
                    break
        else:
            stop = min([x.start for x in hits if x.type == "Mechanism" and x.start >= h.end and x.formula_count
                        and x.name != name] + [h.end + 900])
        window = re.sub("[（(][^）)]*[）)]", "", text[h.end:stop])  # 知晓度（“知道多少？”）
        for lm in re.finditer("(?:[^、，。；：“”\n和]{1,40}[、和])+[^、，。；：“”\n和]{2,30}", window):
            items = [re.sub("等$", "", x.strip()) for x in re.split("[、和]", lm.group(0))]
            items[0] = re.sub("^.*(?:包括|包含|分别是|即)", "", items[0])  # 考核指标包括A率: A率
            items = [x for x in items if x]
            if len(items) >= 2 and all(x.endswith(char) and len(x) > 1 for x in items):
                return items
        qs = doc.quote_bounds[0]
        quoted = [q.content for q in doc.quotes[bisect_left(qs, h.end):bisect_left(qs, stop)] if q.content.endswith(char)
                  and 2 < len(q.content) <= 6 and q.content != name]
        quoted = list(dict.fromkeys(quoted))
        return quoted if len(quoted) >= 2 else []
    # N + word + words (三治融合): first a list in the rest of its sentence of parts ending in the
    # word (推动自治、法治、德治有机结合), then the sentences of its section opening with it
    listed = _word_list_in_sentence(text, h.start, h.end, char, cn_int(name[0]))  # 四防一体: four parts end in 防
    if listed:
        return listed
    # N + word + words: the sentences of its section that open with the word (as
    # re.split("[。；\n]", section) gives them: the first from ``start``, the others from an index
    # of the report's sentences by their first character, made once)
    stops, opening = _sentence_starts(doc, char)
    end = pe if pe >= 0 else len(text)
    j = bisect_left(stops, start)
    pieces = [(start, stops[j] if j < len(stops) and stops[j] < end else end)]
    for k in range(bisect_left(opening, j), len(opening)):  # the sentence after stop j = opening[k]
        g = opening[k]
        if stops[g] >= end:
            break
        pieces.append((stops[g] + 1, stops[g + 1] if g + 1 < len(stops) else len(text)))
    out = []
    for a, b in pieces:
        a, b = _stripped(text, a, b)
        if text.startswith(char, a) and a < b:
            first = _opening_clause(text, a, b)
            if first is not None and 2 < len(first) <= 8 and "“" not in first:
                out.append(first)
    return out


def _word_list_in_sentence(text: str, start: int, end: int, char: str, n: int | None) -> list[str]:
    """“三治融合”，推动自治、法治、德治有机结合: a 、-list of as many short parts as the formula's
    leading number counts, each ending in the word after it, in the rest of the formula's sentence (the first
    part after the clause's verb, the last before what the clause says of them all); else in the
    sentence before the formula (坚持自治、法治、德治相结合，推行“三治融合”)."""
    stop = _SENTENCE_END.search(text, end, end + 120)
    after = text[end:stop.start() if stop else end + 120]
    lo = max(0, start - 120)
    opens = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    before = text[opens[-1] if opens else lo:start]
    return _word_list(after, char, n) or _word_list(before, char, n)


def _word_list(sentence: str, char: str, n: int | None) -> list[str]:
    for lm in _WORD_LIST.finditer(sentence):
        items = lm.group(0).split("、")
        if n is None or len(items) != n or len(items) < 3:
            continue
        size = len(items[1])  # the parts in the middle stand alone: the ends are cut to their length
        first, last = items[0][-size:], items[-1][:size]
        parts = [first] + items[1:-1] + [last]
        if 2 <= size <= 4 and all(len(x) == size and x.endswith(char) and _ALL_CJK.fullmatch(x) for x in parts):
            return parts
    return []


_SENTENCE_END = re.compile("[。；！？\n]")
_ALL_CJK = re.compile(f"[{CJK}]+")
_WORD_LIST = re.compile("[^、，。；：“”\n]{2,20}(?:、[^、，。；：“”\n]{1,20})+")
_CLAUSE_MARK = re.compile("[，,：:]")


def _opening_clause(text: str, a: int, b: int) -> str | None:
    """``re.split("[，,：:]", text[a:b])[0]`` (a stripped stretch), or None when it would be longer
    than 8 characters: without copying a long sentence to learn that."""
    m = _CLAUSE_MARK.search(text, a, min(b, a + 9))
    if m is not None:
        return text[a:m.start()]
    return text[a:b] if b - a <= 8 else None


def _sentence_starts(doc: Doc, char: str) -> tuple[list[int], list[int]]:
    """Where 。；and line breaks stand, and the indexes of those stops whose following sentence
    (less white space) opens with ``char`` (made once per report and character)."""
    if "sentence starts" not in doc.memo:
        doc.memo["sentence starts"] = [m.start() for m in re.finditer("[。；\n]", doc.text)]
    stops = doc.memo["sentence starts"]
    key = ("sentence starts", char)
    if key not in doc.memo:
        # found from the places ``char`` is written (a word of a formula: a few), each read back
        # over white space to the stop before it, not every sentence of the report looked at
        text, opening = doc.text, []
        i = text.find(char)
        while i >= 0:
            j = i - 1
            while j >= 0 and text[j] != "\n" and text[j].isspace():
                j -= 1
            if j >= 0 and text[j] in "。；\n":
                opening.append(bisect_left(stops, j))
            i = text.find(char, i + 1)
        doc.memo[key] = opening
    return stops, doc.memo[key]


def _in_order(doc: Doc, hits: list[NamedHit]) -> bool:
    """Do the hits come sorted by start (as find_named gives them)? Asked once per list."""
    key = ("hits in order", id(hits))
    if key not in doc.memo or doc.memo[key][0] is not hits or doc.memo[key][1] != len(hits):
        doc.memo[key] = (hits, len(hits), all(a.start <= b.start for a, b in zip(hits, hits[1:])))
    return doc.memo[key][2]


def _parallel_quotes(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """“三步”工作法。先抓“入户问事”…，再抓“集中议事”…，后抓“限时办事”…: the quotes
    right after the formula, as many as it counts, all of one length and one last word."""
    n = h.formula_count or 0
    breaks, (starts, _) = doc.line_breaks, doc.quote_bounds
    b = bisect_left(breaks, h.end)
    pe = breaks[b] if b < len(breaks) else -1  # the paragraph's end
    k = bisect_left(starts, h.end)
    qs = [q.content for q in doc.quotes[k:k + max(n, 0)] if pe < 0 or q.start < pe]
    if len(qs) == n >= 2 and len({len(x) for x in qs}) == 1 and len({x[-1] for x in qs}) == 1:
        return qs
    return []


def _kinds_before(doc: Doc, h: NamedHit, hits: list[NamedHit], mech_ends: list[int] | None = None) -> list[str]:
    """红色“严管片区”…，黄色“留意片区”…，绿色“常规片区”…，“蓝橙绿”三色片区管理: the
    quotes right before it in its paragraph, all ending in one word its own name holds."""
    text = doc.text
    ss, _ = doc.sentence_at(h.start)
    if mech_ends is None or h.end <= h.start:
        prev = max([x.end for x in hits if x.type == "Mechanism" and x.end <= h.start and x is not h] + [ss])
    else:  # the last end of the mechanisms (h not among them: it ends after it starts)
        i = bisect_right(mech_ends, h.start)
        prev = max(mech_ends[i - 1], ss) if i else ss
    # the quotations from prev to h.start, read backwards (they do not overlap: by bisection)
    starts, ends = doc.quote_bounds
    lo, hi = bisect_left(starts, prev), bisect_right(ends, h.start)
    run: list[str] = []
    for c in (doc.quotes[k].content for k in range(hi - 1, lo - 1, -1)):
        if len(c) < 3 or (run and c[-2:] != run[0][-2:]):
            break
        run.insert(0, c)
    names = {h.name} | h.aliases
    if len(run) >= 2 and any(run[0][-2:] in nm for nm in names) and len(set(run)) == len(run):
        return run
    return []


def _joined_before(doc: Doc, h: NamedHit) -> list[str]:
    """县调委会-乡镇调委会-村调解小组的农村人民调解体系: the chain joined by dashes right before it."""
    window = doc.text[max(0, h.start - 90):h.start]
    # (a match ends the window on 的: where none does, the search, quadratic in the window, is spared)
    m = _DESCRIBED_BY.search(window) if window.endswith(("的", "的\n")) else None
    if not m:
        return []
    parts = _JOINERS.split(m.group(1))
    parts[0] = _after_verbs(parts[0])
    if len(parts) >= 3 and all(1 <= len(p) <= 10 and _HAN.fullmatch(p) for p in parts):
        return parts
    return []


# ---------------------------------------------------------------- parts spelled out around a formula

_NUMERAL = "一二三四五六七八九十两"
# a name opening with its count: 四步调解法, 两张清单, 五勤, 三员进网格 (not 一站式, 十四五, 三年行动)
_LEADING = re.compile(f"([二三四五六七八九十两双])(?![{_NUMERAL}年月日天次届期])[一-龥]")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽"
_MARKED = re.compile(f"[{_CIRCLED}]|[（(][1-9一二三四五六七八九十][）)]")
_SEQUENCE = re.compile("首先|其次|再次|然后|最后|第[一二三四五六七八九十](?![0-9一二三四五六七八九十])")
# what introduces the parts after a formula (and the words completing its name: “三送”服务，包括…):
# ，即 / 包括 / 分别是 / ：, or a counted subject
# (，四个环节分别为 / ，三项内容是), or 将/把 opening the next clause (，将A、B、C合并为…)
_INTRO = re.compile(
    f"(?:的?[一-龥]{{1,8}}?)?(?:[，,]?(?:即|包括|包含|涵盖|具体包括|主要包括|具体为|具体是|主要是|主要有|分别是|分别为|也就是)"
    f"|[，,](?:[{_NUMERAL}]+[个项大条种类][一-龥]{{1,4}}(?:分别)?(?:是|为|包括)|[一-龥]{{0,4}}分别(?:是|为))"
    f"|[：:]|[，,](?=[将把][^，。；\n]{{2,80}}、))[：:]?")
# the verb that closes 将A、B、C… (合并为, 编入, 有机衔接起来): the list ends before it
_MERGE = re.compile("(?:有机|统一|全部|一并|职责|力量)?(?:合并|整合|融合|融入|编入|纳入|并入|归并|组成|组建|集中|衔接|结合"
                    "|联合|统筹|汇聚|嵌入|下沉|进驻|派驻|列入|充实|合为|联动)")
_COUNT_TAIL = re.compile(f"(?:等)?[{_NUMERAL}]+[个项大条种类方][一-龥]{{0,3}}$|等$")
_COLOURS = "红橙黄绿青蓝紫白黑灰"
_COLOUR_NAME = re.compile(f"[{_COLOURS}]{{2,5}}")  # 红黄蓝
_REPEATED_COUNT = re.compile(f"([{_NUMERAL}])[一-龥]{{1,2}}\\1[一-龥]{{1,2}}")  # 一村一警
_GRADES = re.compile(f"[{_NUMERAL}](级|色)([一-龥]{{2,4}})")  # 三级调解, 三色预警


def _leading_count(name: str) -> int | None:
    """The count a mechanism's name opens with (四步调解法 → 4), or of its colours (红黄绿 → 3), or None."""
    if _COLOUR_NAME.fullmatch(name):
        return len(name)
    m = _LEADING.match(name)
    return (2 if m.group(1) == "双" else cn_int(m.group(1))) if m else None


def _counts(name: str, n: int) -> set[int]:
    """The numbers of parts that fit a formula: its count, and for a pair of equal counts
    (三访三清: three visits, each clearing one thing) that number alone."""
    m = _REPEATED_COUNT.fullmatch(name)
    return {n, cn_int(m.group(1))} if m else {n}


def _first_clause(piece: str) -> str:
    return re.split("[，,。；;：:\n]", piece.strip(), maxsplit=1)[0].strip()


# a list of clauses each opening on one thing (一个专班牵头，一本台账记事，一套机制督办): the parts of a
# formula that counts ones (“三个一”), written as clauses rather than a 、-list
_ONES = re.compile("一[个张套支本名份条台间处座项]")
_CLAUSE_MARK = re.compile("[，,、；;]")


def _ones_clauses(seg: str) -> list[str]:
    out = []
    for clause in _CLAUSE_MARK.split(seg.split("。", 1)[0]):
        if not _ONES.match(clause) or not 3 <= len(clause) <= 16:
            break
        out.append(clause)
    return out


def read_parts(seg: str) -> list[str]:
    """The parts a stretch of text lists, from its start: ①A；②B, 首先A，其次B，最后C, A、B和C
    (将A、B、C合并为…: up to the verb), A；B；C (each piece's first clause), “A”“B”“C”, A和B."""
    seg = seg.lstrip("：: ")
    if "、\n" in seg:
        seg = seg.replace("、\n", "、")  # a list broken over a line of the page runs on
    seg = seg[:min([i for i in (seg.find("。"), seg.find("\n")) if i >= 0] + [len(seg)])]
    if _MARKED.match(seg):
        return [c for c in (_first_clause(p) for p in _MARKED.split(seg)) if c]
    if _SEQUENCE.match(seg):
        return [c for c in (re.sub("^(?:由|是|要|在|对|从)", "", _first_clause(p)) for p in _SEQUENCE.split(seg)) if c]
    if _ONES.match(seg) and len(ones := _ones_clauses(seg)) >= 2:
        return ones
    disposal = seg[:1] in "把将"
    if disposal:
        seg = seg[1:]
    first = _first_clause(seg)
    clauses = re.split("[，,]", seg)
    if "、" not in first and len(clauses) > 1 and "、" in clauses[1] and len(first) <= 8:
        first = clauses[1]  # 即在乡镇层面，以A、B、C为支撑: a short setting, then the list
    m = re.match("(?:以|由|通过|在)(.+、.+)为(?:核心|支撑|主体|重点|抓手|基础|依托|龙头|保障|主线)[一-龥]{0,2}$", first)
    if m:
        first = m.group(1)  # 以A、B、C为支撑
    if re.fullmatch("(?:“[^“”]{2,20}”[、和及与]?){2,}", first):
        return re.findall("“([^“”]{2,20})”", first)
    if "、" in first:
        items = first.split("、")
        last = items[-1]
        m = _MERGE.search(last, 2)
        if m and (disposal or m.start() >= 2):
            last = last[:m.start()]
        last = _COUNT_TAIL.sub("", last) if len(_COUNT_TAIL.sub("", last)) >= 2 else last
        tail = re.split("[和及与]", last) if re.fullmatch("[一-龥]{2,12}[和及与][一-龥]{2,12}", last) else [last]
        items[-1:] = tail
        return [x.strip() for x in items if x.strip()]
    pieces = [_first_clause(p) for p in re.split("[；;]", seg)]
    if len(pieces) >= 2 and all(pieces):
        return pieces
    m = re.fullmatch("([一-龥]{2,12})(?:和|与|及)([一-龥]{2,12})", first)
    return [m.group(1), m.group(2)] if m else []


def _listed_after(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """“四步调解法”，包括A、B、C、D四个环节 / “X”机制，即把A、B、C编入网格 / “四问”工作法，四个环节分别为
    A、B、C、D / “X”模式：①A；②B / “X”机制：首先…，其次…，最后… : the parts the words right after
    the formula introduce."""
    text = doc.text
    m = _INTRO.match(text, h.end, min(len(text), h.end + 40))
    if m is None:
        if text[h.end:h.end + 1] in ("。", "；") and _ONES.match(text, h.end + 1):
            return _ones_clauses(text[h.end + 1:h.end + 200])  # “三个一”模式。一个…，一张…，一支…
        return []
    seg = text[m.end():h.end + 400]
    parts = _continued(seg, read_parts(seg), h.formula_count)
    return _one_each(parts)


_SHORT_LIST = re.compile("[一-龥]{2,8}(?:、[一-龥]{2,8})+")


def _continued(seg: str, parts: list[str], n: int | None) -> list[str]:
    """A、B、C，D、E、F for “三上三下”: a formula of groups whose parts run on over a comma, each
    clause a list of short items; taken only when the groups together make the count."""
    if not n or len(parts) >= n or "、" not in seg.split("，", 1)[0]:
        return parts
    out = list(parts)
    for clause in re.split("[，,]", seg[:min([i for i in (seg.find("。"), seg.find("；"), seg.find("\n")) if i >= 0]
                                          + [len(seg)])])[1:]:
        if not _SHORT_LIST.fullmatch(clause.strip()):
            break
        out += clause.strip().split("、")
        if len(out) >= n:
            break
    return out if len(out) == n else parts


_ONE_EACH = re.compile("每(?:个|一个|名|位|户|村|家)?[一-龥]{0,3}?(?=一[个名支本张套份条台间处])")


def _one_each(parts: list[str]) -> list[str]:
    """每个村一名法律顾问、一支调解队伍、一本台账 → 一名法律顾问: the distributive 每… opening the
    first of parts that each count one thing belongs to the sentence, not to the part."""
    if len(parts) >= 2 and all(p.startswith("一") for p in parts[1:]) and not parts[0].startswith("一"):
        m = _ONE_EACH.match(parts[0])
        if m and len(parts[0]) - m.end() >= 2:
            return [parts[0][m.end():]] + parts[1:]
    return parts


# 把/将 + a 、-list: the clause a formula's parts may be joined in before it
_DISPOSAL = re.compile("[把将]([^，。；\n]{2,80}、[^，。；\n]{2,40})")


def _disposal_before(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """把A、B、C有机衔接起来，推行“三调联动”: the parts an earlier clause of the formula's sentence
    joins (把/将 + list + the verb that joins them)."""
    last = doc.last_match_before(_DISPOSAL, h.start)
    if last is None or not _MERGE.search(last.group(1)):
        return []
    return read_parts("将" + last.group(1))


def _pair_before(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """以A与B“双网融合”为抓手: a formula of two, the pair written right before it."""
    if (h.formula_count or 0) != 2:
        return []
    m = re.search("([一-龥]{2,10})(?:与|和|同)([一-龥]{2,10})$", doc.text[max(0, h.start - 24):h.start])
    if not m:
        return []
    first = _after_verbs(re.sub("^[以把将对在]", "", m.group(1)))
    return [first, m.group(2)] if len(first) >= 2 else []


def _graded_parts(doc: Doc, h: NamedHit, hits: list[NamedHit]) -> list[str]:
    """三级预警 — 一级预警…二级预警…三级预警; “红黄蓝”三色预警 — 红色预警…黄色预警…蓝色预警: parts
    named by grade or colour, each written in the formula's paragraph after it."""
    text = doc.text
    n = h.formula_count or 0
    m = _GRADES.fullmatch(h.name)
    if m is None and not _COLOUR_NAME.fullmatch(h.name):
        return []  # (asked before the paragraph is cut out: most formulas are neither)
    b = bisect_left(doc.line_breaks, h.end)
    after = text[h.end:doc.line_breaks[b] if b < len(doc.line_breaks) else len(text)]
    if m and m.group(1) == "级":
        parts = [f"{'一二三四五六七八九十'[i]}级{m.group(2)}" for i in range(n)]
        return parts if all(p in after for p in parts) else []
    if m:
        head, colours = m.group(2), None
    else:  # a name of colours alone (checked above): the head its count is written with
        colours = h.name
        qe = h.core_span[1] + 1 if h.core_span else h.end
        cm = re.match(f"[{_NUMERAL}]色([一-龥]{{2,4}}?)(?:机制|模式|管理|体系|工作法|制度|[，。；：])", text[qe:qe + 14])
        if not cm:
            return []
        head = cm.group(1)
    found = [c + "色" + head for c in re.findall(f"([{_COLOURS}])色{head}", after)]
    found = list(dict.fromkeys(found))
    if colours is not None and [p[0] for p in found] != list(colours):
        return []
    return found


_LEADING_OK = {_list_before, _listed_after, _paren_after, _disposal_before, _pair_before, _graded_parts,
               _ordinal_paragraphs, _shi_items, _opening_list}


_PARTIAL_OK.update({_shared_words})
