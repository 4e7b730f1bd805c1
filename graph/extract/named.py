"""Campaigns, programs, mechanisms, documents: named things typed by their head noun or context.

Rules, in order (an earlier rule's span is not read again by a later one):

1. 《X》: a document, unless a head after it says column (栏目) or activity (活动);
2. quoted names: “X” + optional modifier + head noun (“六位一体”巡防机制, “雪亮工程”建设),
   quote lists sharing a head (“冬春攻势”“夏秋攻势”等专项行动), a quoted list followed by a
   number formula (“A、B、C”三项举措, its parts listed); a quote with no head is typed by its own
   shape (an ending head, a number formula, parts joined by + or —, a 、-list, a year-long
   drive “…年”, a title worked for “无访社区”), by the frame noun after it (…力度, …作用,
   …要求), by its governing verb (实行“…”, 开展“…”) or by the other quotes of its list; a coined
   pair formula (“三访一查”) and a model named by its own words (“X样本”) need no frame; images,
   counts, contrasts (从“A”到“B”), old ways (这种“…”) and speech name nothing. Quotes inside
   speech and inside document titles are read too; “A、B”的“C” lists the parts of C;
3. unquoted number counts after a list (A、B、C五项机制), kept only when the text lists their
   parts, and mechanisms named by the list of what they do (构建A、B、C工作机制);
4. unquoted names after a trigger verb, a clause boundary, a preposition, 的 or 及 (深入推进三年
   禁毒行动, 建立案件督办机制, 在全省…会战期间), before a completing verb (X机制全面建立), or
   coined in parallel (联防联控联创), timed (按照20分钟到场机制) or credited to a county (，X县…模式);
   levels listed before their count are its parts (县、乡、村三级…机制); heads only at word boundaries, leading prepositions,
   conjunctions and clause verbs stripped; programs need a proper name, not a kind of thing
   (社会管理平台, 重要惠民工程);
5. unquoted number formulas (一室一警, 4+x), 平安/法治 + place drives (平安雁峰), drives named
   by the title they create (平安医院创建), drives named as the lever of the work (以X标准化建设为抓手,
   把X规范化建设作为抓手) and drives with no drive head after a verb pushing them (推进司法所规范化建设,
   开展电诈重点整治, 助力脱贫攻坚; not after 要/应: a requirement).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate

from ..gazetteer import short_name
from ..lexicon import load_set, load_table
from .doc import CJK, Doc, Quote, Spans, find_all, finditer_near, overlaps, positions
from .numbers import cn_int, formula_value, is_formula
from ..segment import is_word, lcut, pos_tags, token_spans

_GENERIC_CORES = frozenset({"新", "大", "总体", "全面", "两个", "主要", "这个", "一个", "有效", "相关", "各项", "新型", "各类",
                            "专项", "综合", "基层", "重点", "整体", "现代化", "信息化"})
_FUNCTION = set("的了在和与及或对向把被将为从到由于等各该本这那每其此些所以而且并就都也还又更很是有")


@dataclass
class NamedHit:
    type: str
    name: str  # core name (key)
    start: int  # span of the whole mention in normalised text
    end: int
    aliases: set[str] = field(default_factory=set)
    components: list[str] = field(default_factory=list)
    formula_count: int | None = None
    core_span: tuple[int, int] | None = None
    issuer_hint: str | None = None  # for documents: text before
    needs_parts: bool = False  # a bare count (五项机制): kept only when the text lists its parts


@lru_cache(maxsize=1)
def _heads() -> tuple[tuple[str, str], ...]:
    rows = [(r[0], r[1]) for r in load_table("named_heads.txt") if len(r) >= 2]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def _quoted_only() -> frozenset[str]:
    """Heads that name a thing only next to a quotation (“调解超市”, “一岗双责”制, “X”热线)."""
    return frozenset(r[0] for r in load_table("named_heads.txt") if len(r) >= 3 and r[2] in ("quoted", "branded"))


@lru_cache(maxsize=1)
def _branded() -> frozenset[str]:
    """Quoted-only heads that close a brand by themselves (“X搜索引擎”): no frame needed."""
    return frozenset(r[0] for r in load_table("named_heads.txt") if len(r) >= 3 and r[2] == "branded")


@lru_cache(maxsize=1)
def _head_re() -> re.Pattern:
    return re.compile(_by_first_char([(h, "") for h, _ in _heads()]))


@lru_cache(maxsize=1)
def _generic() -> dict[str, frozenset[str]]:
    """Word classes of named_generic.txt: generic modifiers, physical works, stock continuations."""
    out: dict[str, set[str]] = {}
    for row in load_table("named_generic.txt"):
        if len(row) >= 2:
            out.setdefault(row[0], set()).update(row[1].split())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _frames() -> dict[tuple[str, str], tuple[str, ...]]:
    """(side, type) → words of named_frames.txt, longest first."""
    out: dict[tuple[str, str], set[str]] = {}
    for row in load_table("named_frames.txt"):
        if len(row) >= 3:
            out.setdefault((row[0], row[1]), set()).update(row[2].split())
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _by_edge(words: tuple[str, ...], edge: int) -> dict[str, tuple[str, ...]]:
    """``words`` grouped by their first (``edge`` 0) or last (-1) character, in their order."""
    out: dict[str, list[str]] = {}
    for w in words:
        out.setdefault(w[edge], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


def _typed_by_edge(side: str, types: tuple[str, ...], edge: int) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """The frame words of ``side`` by their first (``edge`` 0) or last (-1) character: for each
    character, the types (in the order given) with words there, and those words."""
    out: dict[str, list] = {}
    for t in types:
        for c, words in _by_edge(_frames().get((side, t), ()), edge).items():
            out.setdefault(c, []).append((t, words))
    return {c: tuple(v) for c, v in out.items()}


_AFTER_TYPES = ("-", "Campaign", "Program", "Mechanism")  # the order _context_type tries them in
_BEFORE_TYPES = ("-", "Campaign", "Mechanism")


@lru_cache(maxsize=1)
def _edge_frames() -> tuple[dict, dict, dict[str, tuple[str, ...]]]:
    """The frame words :func:`_context_type` reads: those after a quote by their first character,
    those before it by their last, and the nominal verbs by their last (a text's first or last
    character picks the few words that may open or end it, instead of every word being tried)."""
    return (_typed_by_edge("after", _AFTER_TYPES, 0), _typed_by_edge("before", _BEFORE_TYPES, -1),
            _by_edge(_frames().get(("before", "nominal"), ()), -1))


def _first_framed(found: set[str], order: tuple[str, ...]) -> str | None:
    return next((t for t in order if t in found), None)


def is_generic(core: str) -> bool:
    """Is ``core`` made only of generic words (社会治理, 重要民生, 信息管理)?"""
    words = _generic()["generic"]
    if core in words:
        return True
    toks = [t for t in lcut(core) if t.strip()]
    return bool(toks) and all(t in words for t in toks)


def _verb_before(text: str, pos: int) -> str | None:
    """The verb written right before ``pos`` that a drive's name may keep (创建, 学习, 争创)."""
    tags = pos_tags(text[max(0, pos - 4):pos])
    if tags and tags[-1][1] == "v" and len(tags[-1][0]) == 2 and tags[-1][0] not in _lead_words():
        return tags[-1][0]
    return None


def _verb_next(run: str, pos: int) -> bool:
    tags = pos_tags(run[pos:pos + 4]) if pos < len(run) else ()
    return bool(tags) and tags[0][1] == "v" and len(tags[0][0]) > 1


def _nonsocial(mod: str) -> bool:
    """A modifier that puts a head outside governance: 地貌格局, 产业格局, 经济体系."""
    return any(w in mod for w in _generic().get("nonsocial", ()))


def head_at_word(run: str, start: int, end: int) -> bool:
    """Does the head ``run[start:end]`` end a word: not the start of a longer one (系统性,
    工程施工, 工作法治化)? A head of one character must start one too (联网, 互联网)."""
    for a, b in token_spans(run, 0, min(len(run), end + 3)):
        if a < end <= b:  # the token holding the head's last character
            if b > end and a <= start and run[end:b] in _HEAD_SUFFIXES:
                return True  # 工程建设, 平台建设: the head and the work done on it
            return b == end and (end - start > 1 or a == start)
    return True


# words written onto a head without changing what it names (“天网”工程建设)
_HEAD_SUFFIXES = frozenset({"建设", "创建", "管理", "建成", "运行", "工作", "试点", "升级", "改造", "规划", "方案", "项目",
                            "资金", "经费"})


@lru_cache(maxsize=1)
def _head_index() -> tuple[dict[str, str], tuple[int, ...]]:
    """head → type (the first row of a head wins) and the heads' lengths, longest first: a
    text's prefix or suffix of each length is looked up, not every head tried in turn."""
    types: dict[str, str] = {}
    for h, t in _heads():
        types.setdefault(h, t)
    return types, tuple(sorted({len(h) for h in types}, reverse=True))


def head_type(text: str) -> tuple[str, str] | None:
    """(head, type) if ``text`` starts with a head noun (the longest such head)."""
    types, lengths = _head_index()
    for n in lengths:
        t = types.get(text[:n]) if len(text) >= n else None
        if t is not None:
            return text[:n], t
    return None


def ending_type(text: str) -> tuple[str, str] | None:
    """(head, type) if ``text`` ends with a head noun and has a core before it (the longest
    such head)."""
    types, lengths = _head_index()
    for n in lengths:
        if len(text) > n and (t := types.get(text[-n:])) is not None:
            core = text[:-n]
            if core not in _GENERIC_CORES and len(core) >= 2:
                return text[-n:], t
    return None


@lru_cache(maxsize=1)
def _prefix_strip() -> tuple[str, ...]:
    return tuple(sorted(load_set("name_prefix_strip.txt"), key=len, reverse=True))


def strip_prefix(name: str) -> str:
    prefixes = _prefix_strip()
    if not name.startswith(prefixes):
        return name  # (most names open on none: one call asks all)
    for p in prefixes:
        if name.startswith(p) and len(name) - len(p) >= 4:
            return name[len(p):]
    return name


@lru_cache(maxsize=1)
def _lead_words() -> frozenset[str]:
    # 联合, 创新 … open names too (联合调处机制): never stripped
    return (load_set("predicate_verbs.txt") - {"联合", "创新", "发展", "投入", "开发", "对接", "接入"}) | frozenset(
        {"注册", "筑牢", "丰富", "发现", "比如", "例如", "虽然", "但是", "根据", "按照", "作为", "统筹", "运用", "用好", "争夺", "拖欠",
         "打好", "打赢", "打响", "细化", "优化", "量化", "固化", "延伸"})


@lru_cache(maxsize=1)
def _lead_words_by_first() -> dict[str, tuple[str, ...]]:
    """:func:`_lead_words` by their first character, each group in the set's own order (the
    order :func:`strip_leading` tried the whole set in)."""
    out: dict[str, list[str]] = {}
    for w in _lead_words():
        out.setdefault(w[:1], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


def strip_leading(name: str) -> str:
    """A name less the words that open its clause: prepositions, conjunctions, adverbs,
    pronouns and predicate verbs (按照智慧安防工程 → 智慧安防工程, 注册成立X平台 → X平台)."""
    lead = _lead_words_by_first()
    while True:
        w = next((w for w in lead.get(name[:1], ()) if name.startswith(w) and len(name) - len(w) >= 2), None)
        if w is None:
            if len(name) < 3:
                return name  # no word cut off would leave two characters: no need to tag it
            tags = pos_tags(name)
            if not tags:
                return name
            tok, tag = tags[0]
            if len(name) - len(tok) < 2 or tag[:1] not in ("p", "c", "d", "r"):
                return name
            w = tok
        name = name[len(w):]


def _strip_place(doc: Doc, name: str) -> str:
    """A name less the report's own place opening it (凤凰县反诈人民战争 → 反诈人民战争)."""
    ctx = doc.ctx
    for p in (ctx.county, ctx.prefecture, ctx.province):
        if p is not None and name.startswith(p.name) and len(name) - len(p.name) >= 2:
            return name[len(p.name):]
    return name


_AGENCY_END = ("中心", "局", "所", "院", "委", "办", "站", "队", "庭", "室")


def proper_program(core: str, head: str) -> bool:
    """Is ``core`` + ``head`` a program's proper name (阳光警务执法平台, 天网工程), not a kind of
    thing (社会管理平台, 重要惠民工程, 我们这个平台, 指挥中心平台, 跨河大桥工程)?"""
    if is_generic(core) or core.endswith(_AGENCY_END):
        return False
    if head in ("平台", "系统", "网", "中心") and len(core) < 3:
        return False
    if any(tag[:1] == "r" for _, tag in pos_tags(core)):
        return False  # 这个, 我局: a demonstrative or pronoun, no name
    if core in _lead_words() or _only_verbs(core):
        return False  # 完善工程: a verb, no name
    tags = pos_tags(core)
    if tags and len(tags[-1][0]) == 1 and tags[-1][1] == "v":
        return False  # 强基础建平台: a verb and its object
    if head.endswith("工程"):
        works = _generic()["works"]
        toks = lcut(core)
        # 跨河大桥工程, 秦岭隧道工程 (one word to jieba): the last word, or the name's ending, is a work
        if toks and (toks[-1] in works or core[-1] in works or core.endswith(tuple(works))):
            return False
    return True


_NUMERAL_FORMULA = re.compile(
    r"^(?:[一二三四五六七八九十两]+(?:位一体|个[一-龥]{1,2}|大[一-龥]{1,2}|项[一-龥]{1,2}|网融合|级[一-龥]{1,2}|场[一-龥]{1,2})"
    r"|一[一-龥]{1,2}[一二三四五六七八九十][一-龥]{1,2}(?:[一二三四五六七八九十][一-龥]{1,3})*)")


_BATTLES = re.compile("[一二三四五六七八九十两]+场[一-龥]{1,2}")  # 两场硬仗
_FORMULA_OPENERS = frozenset("一二三四五六七八九十两")  # the first characters _NUMERAL_FORMULA matches


def _formula_after(text: str, pos: int) -> str | None:
    """A number formula starting at ``pos`` (三大举措, 五个协作, 一室三队), if any."""
    if text[pos:pos + 1] not in _FORMULA_OPENERS:
        return None  # (every formula opens on a numeral: most quotes are followed by none)
    m = _NUMERAL_FORMULA.match(text[pos:pos + 10])
    if m and m.group(0).endswith(("、", "，")):
        return None
    if not m:
        return None
    f = m.group(0)
    return f if is_formula(f, strict=False) or _BATTLES.fullmatch(f) else None


def find_named(doc: Doc, taken: list[tuple[int, int]]) -> list[NamedHit]:
    text = doc.text
    hits: list[NamedHit] = []
    quotes = doc.quotes
    seen: dict[str, str] = {}  # quoted words → the type their context gave them
    _documents(text, hits, taken)
    _document_numbers(text, hits, taken)
    _quoted(text, quotes, hits, taken, seen, _headline_breaks(doc))
    _quoted(text, doc.nested_quotes, hits, taken, seen)  # “……‘X经验’……”: quotes inside speech
    # 《全县“戒毒人员帮扶年”工作方案》: a quote inside a title names a thing too
    docs = [(h.start, h.end) for h in hits if h.type == "Document"]
    in_docs = []
    if docs:  # (most reports name no document: no quote lies in one)
        by_start = sorted(docs)
        starts, reach = [a for a, _ in by_start], list(accumulate((b for _, b in by_start), max))
        in_docs = [q for q in quotes if (i := bisect_left(starts, q.start)) > 0 and reach[i - 1] > q.end]
    if in_docs:
        docs_set = set(docs)
        _quoted(text, in_docs, hits, Spans(x for x in taken if x not in docs_set), seen)
    _quoted_heads(text, quotes, hits, taken)
    _counted(text, hits, taken)
    _listed(text, hits, taken)
    _described(text, hits, taken)
    _joined_verbs(doc, hits, taken)
    _roles_joined(text, hits, taken)
    _unquoted(doc, hits, taken)
    _place_experiences(doc, hits, taken)
    _linked_pairs(text, hits, taken)
    _unquoted_formulas(text, hits, taken)
    _place_drives(doc, hits, taken)
    _framed_drives(text, hits, taken)
    _pushed_drives(text, hits, taken)
    _title_drives(text, hits, taken)
    # a way of working or a project named right after an award verb is the title awarded (被评为
    # “全省十佳调解工作法”): the honors' to read
    # (nor is a project something is ranked as: 把平安建设列为“一把手”工程, a figure of speech)
    # (nor is a run of wins a way of working: 实现“六连创”)
    hits[:] = [h for h in hits if not (h.type in ("Mechanism", "Program") and _AWARDED.search(text, max(0, h.start - 5), h.start)
                                       or h.type == "Program" and _RANKED_AS.search(text, max(0, h.start - 4), h.start)
                                       or h.type == "Mechanism" and _STREAK.fullmatch(h.name))]
    _one_type_per_name(hits)
    hits.sort(key=lambda h: (h.start, h.end))
    return hits


_AWARDED = re.compile("(?:评为|获评|荣获|命名为|授予|表彰为|当选为)“?$")
_RANKED_AS = re.compile("(?:列为|作为|当作|当成|定为)“?$")


# two bodies' or ways' one-character abbreviations and how they are joined (诉警联动, 访调对接,
# 三治融合), after a verb that adopts a way of working, and the next such pair listed with it
_LINKED_PAIR = re.compile(f"(?:推行|探索|建立|实行|深化|推进|完善|健全|落实|构建|坚持)了?([{CJK}]{{2}}(?:联动|衔接|对接|融合|联调|共治))"
                          f"(?:[和及、与]([{CJK}]{{2}}(?:联动|衔接|对接|融合|联调|共治)))?(?![{CJK}]{{0,2}}(?:机制|模式|制度|体系|工作法))")


def _linked_pairs(text: str, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    """Ways of working named by two abbreviations and their joining, unquoted and with no head
    (推行诉警联动和访调对接): each pair whose abbreviations make no word of the language (社会融合
    and 部门联动 name none)."""
    for m in _LINKED_PAIR.finditer(text) if ("联" in text or "接" in text or "融合" in text or "共治" in text) else ():
        for g in (1, 2):
            s, e = m.span(g)
            name = m.group(g)
            if s < 0 or is_word(name[:2]) or is_word(name) or _overlaps(s, e, taken):
                continue
            hits.append(NamedHit("Mechanism", name, s, e, {name}))
            taken.append((s, e))


_PLACE_LEVELS = ("", "镇", "乡", "街道", "县", "市", "区", "村")


def _place_experiences(doc: Doc, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    """A place's experience, unquoted (坚持和发展新时代浦江经验, 学习借鉴某镇经验): the way of working
    named after the place that began it. The place is one the register names (浦江 of 浦江县,
    a township by its short name), standing as a word of its own; 经验 alone (先进经验, 工作经验) names nothing."""
    text, gz = doc.text, doc.ctx.gazetteer
    for e in positions(text, ("经验",)):
        for n in (2, 3, 4):
            s = e - n
            x = text[s:e]
            if s < 0 or not _ALL_CJK.fullmatch(x) or _overlaps(s, e + 2, taken):
                continue
            if any(x + lvl in gz.by_name for lvl in _PLACE_LEVELS) and any(a == s for a, _ in token_spans(text, max(0, s - 4), e)) \
                    and not (is_word(x) and not pos_tags(x)[0][1].startswith("ns")):  # (先进经验: 先进 is a word first)
                name = x + "经验"
                era = "新时代" if text.endswith("新时代", 0, s) else ""
                hits.append(NamedHit("Mechanism", name, s, e + 2, {name, era + name}))
                taken.append((s, e + 2))
                break


def _one_type_per_name(hits: list[NamedHit]) -> None:
    """A quote typed only by its shape or its context (a headline's “A+B”进乡村) takes the type a
    head noun gives the same words elsewhere in the report (开展“A+B”活动: a drive)."""
    headed: dict[str, set[str]] = {}
    for h in hits:
        if h.type in PREDICATE_TYPES and h.core_span and h.end > h.core_span[1] + 1:
            headed.setdefault(h.name, set()).add(h.type)
    for h in hits:
        types = headed.get(h.name, set())
        if (h.type in PREDICATE_TYPES and h.core_span and h.end == h.core_span[1] + 1 and len(types) == 1
                and h.type not in types):
            h.type = next(iter(types))
            if h.type != "Mechanism":
                h.components, h.formula_count = [], None


PREDICATE_TYPES = ("Campaign", "Program", "Mechanism")


def has_function_word(text: str) -> bool:
    """Does ``text`` contain a function word as a token (等 in 等级 is not one)?"""
    if _FUNCTION.isdisjoint(text):
        return False  # no function character, so no function word: the text needs no cutting
    toks = lcut(text)
    return any(len(tok) == 1 and tok in _FUNCTION and not (tok == "所" and i and toks[i - 1] + tok in _office_words())
               and not (tok == "到" and i and toks[i - 1] in _TIME_UNITS)  # 30分钟到岗: the verb to arrive
               for i, tok in enumerate(toks))


_TIME_UNITS = frozenset({"分钟", "小时", "天", "日", "工作日"})


@lru_cache(maxsize=1)
def _office_words() -> frozenset[str]:
    """Bodies' words ending in 所 (司法所, 派出所), which jieba may cut as a word and the particle 所."""
    return frozenset(r[0] for r in load_table("agency_units.txt") + load_table("agency_bodies.txt") if r and r[0].endswith("所"))


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return overlaps(s, e, spans)  # without a scan where ``spans`` are Spans


def _overlaps_outside(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    """Does a span overlap [s, e) that does not lie within [s, e]? (It runs across s or e.)"""
    if isinstance(spans, Spans) and s < e:
        return spans.crosses(s) or spans.crosses(e)
    return _overlaps(s, e, [(a, b) for a, b in spans if not (s <= a and b <= e)])


def _overlaps_around(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    """Does a span overlap [s, e) other than one within [s, e - 1]? (It runs across s or e,
    or ends at e.)"""
    if isinstance(spans, Spans) and s < e:
        return spans.crosses(s) or spans.crosses(e) or spans.ends_at(e, empty=False)
    inner = [(a, b) for a, b in spans if s <= a and b < e]
    return _overlaps(s, e, [x for x in spans if x not in inner])


def _ends_at(p: int, spans: list[tuple[int, int]]) -> bool:
    return spans.ends_at(p) if isinstance(spans, Spans) else any(b == p for _, b in spans)


_STUCK_GAP = re.compile(f"[{CJK}]{{0,4}}[、和]?")
_JOIN_GAP = re.compile(f"[、和][{CJK}]{{1,2}}")


def _quote_list(text: str, quotes: list[Quote], i: int) -> list[int]:
    """Indices of quotes forming a list with quote ``i`` (adjacent, or joined by 、 or 和,
    an item may carry up to 4 characters after its quote: “626”禁毒)."""
    group = [i]
    j = i
    while j + 1 < len(quotes):
        gap = text[quotes[j].end:quotes[j + 1].start]
        if gap in ("", "、", "，", "和", "及", "与") or (
                len(gap) <= 5 and _STUCK_GAP.fullmatch(gap) and gap.endswith(("、", "和"))) or (
                gap.startswith(("、", "和")) and len(gap) <= 4 and _JOIN_GAP.fullmatch(gap)):
            group.append(j + 1)
            j += 1
        else:
            break
    return group


@lru_cache(maxsize=8)
def _phrase_re(max_mod: int) -> re.Pattern:
    """Optional 等/的, then a run of up to ``max_mod`` + 4 characters a head may end."""
    return re.compile(f"(?:等)?(?:的)?([{CJK}0-9A-Za-z+]{{0,{max_mod + 4}}})")


# a span of time the words before it mark (“十四五”期间, “双减”以来): never part of a name's modifier
_TIME_FRAME = re.compile("期间|时期|以来|之际|开局之年|收官之年")
# verbs of saying: a phrase that holds one is a clause, never a name's modifier
_SAYING = re.compile("介绍|表示|指出|强调|认为|告诉|谈到|坦言|透露")


def _head_after(text: str, pos: int, max_mod: int = 14) -> tuple[int, int, str, str] | None:
    """Find the head noun of the phrase after ``pos``: optional 等/的, a modifier with no
    function word, then a head; the last such head wins (…的平安创建工作格局 → 工作格局).
    Returns (start, head end, head, type)."""
    window = text[pos:pos + max_mod + 6]
    m = _phrase_re(max_mod).match(window)
    if not m:
        return None
    run = m.group(0)
    lead = len(run) - len(m.group(1))
    best = None
    for hm in _head_re().finditer(run, lead):
        ht = head_type(run[hm.start():])
        if ht is None:
            continue
        h, t = ht
        after = run[hm.start() + len(h):hm.start() + len(h) + 1]
        if h == "网" and after in ("络", "站", "页", "民", "格", "点"):
            continue
        if not head_at_word(run, hm.start(), hm.start() + len(h)):
            continue  # 系统性, 工作法治化, 联网: not a head here
        if h == "系统" and _verb_next(run, hm.start() + len(h)):
            continue  # “诉警联调”系统整合: 系统 says how, not what
        mod = run[lead:hm.start()]
        if has_function_word(mod.replace("的", "")) or hm.start() - lead > max_mod:
            break
        if _IMAGE_VERB.search(mod):
            break  # “A+B”织密平安网: the head is the object of an image verb, no name of the quote
        if _TIME_FRAME.search(mod):
            break  # “十四五”期间…雪亮工程: the quote dates the clause, the head names something else
        if _SAYING.search(mod):
            break  # 全国“X”某派出所所长某某介绍经验: a clause of someone speaking, no modifier of the quote
        if best is not None and t == "Document" and "的" in mod:
            break  # “诉警联调”机制建设的意见: the quote names the mechanism, the title is a paper
        best = (pos, pos + hm.start() + len(h), h, t)
    return best


def _headline_breaks(doc: Doc) -> frozenset[int]:
    """Where the headline had a space the normalised text dropped (“双网融合” 织密…): a break
    between two phrases, which a head noun is never read across."""
    text, offs = doc.text, doc.norm.offsets
    end = text.find("\n")
    end = len(text) if end < 0 else end
    orig = doc.norm.original
    return frozenset(i for i in range(1, min(end, len(offs))) if offs[i] - offs[i - 1] > 1
                     and orig[offs[i - 1] + 1:offs[i]].isspace())


_BEFORE_DENG = re.compile(f"[{CJK}]{{0,4}}?(?=等)")


# the periods of the five-year plans (“八五”, “十四五”): a date by themselves; the plan
# (“十四五”规划) is a document, the legal education drive of the period (“八五”普法) a campaign
_PLAN_PERIOD = re.compile("(?:[一二三四五六七八九]|十[一二三四五六七八九]?)五")
_PLAN_AFTER = re.compile("(规划(?:纲要)?)|(普法)")


def _plan_period(text: str, q: Quote, period: str, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    m = _PLAN_AFTER.match(text, q.end)
    if m is None:
        return  # “十四五”期间, “十四五”时期: the period dates something else
    word = m.group(0)
    t = "Document" if m.group(1) else "Campaign"
    hits.append(NamedHit(t, period + word, q.start, m.end(), {period + word, text[q.start:m.end()]},
                         core_span=(q.start + 1, q.end - 1)))
    taken.append((q.start, m.end()))


def _quoted(text: str, quotes: list[Quote], hits: list[NamedHit], taken: list[tuple[int, int]],
            seen: dict[str, str], breaks: frozenset[int] = frozenset()) -> None:
    used: set[int] = set()
    described: list[tuple[int, int]] = []  # (i, j): quote i lists the parts of quote j (“A、B”的“C”)
    for i, q in enumerate(quotes):
        if i in used or _overlaps(q.start, q.end, taken):
            continue
        content = q.content.strip()
        if not content or "。" in content or len(content) > 40:
            continue
        if _PLAN_PERIOD.fullmatch(content):  # “十四五”: a five-year plan's period, never a name alone
            used.add(i)
            _plan_period(text, q, content, hits, taken)
            continue
        if (i + 1 < len(quotes) and text[q.end:quotes[i + 1].start] == "的"
                and (_joined_parts(content) or list_items(content))):
            described.append((i, i + 1))  # read with the quote it describes, below
            used.add(i)
            continue
        if (site := _styled_site(text, q, content)) and not _overlaps(q.start, site.end, taken):
            hits.append(site)  # “一站式”户政服务中心: a centre of one style of service
            taken.append((q.start, site.end))
            used.add(i)
            continue
        group = _quote_list(text, quotes, i)
        if len(group) > 1 and "、" in quotes[group[-1]].content and _formula_after(text, quotes[group[-1]].end):
            group = group[:-1]  # “指挥室”和“A、B、C”一室三队: the list before the formula is read on its own
        last = quotes[group[-1]]
        # a quoted list followed by a number formula: “A、B、C”三大举措
        formula = _formula_after(text, last.end)
        if formula and len(group) == 1 and "、" in content:
            fend = last.end + len(formula)
            head = _head_after(text, fend, 6)
            hend = head[1] if head and head[0] == fend else fend
            parts = [p for p in _LIST_MARK.split(content) if p]
            count = formula_value(formula) or cn_int(_NUMERALS.match(formula).group(0))
            own = ending_type(formula)
            t = "Campaign" if own and own[1] == "Campaign" else "Mechanism"  # “A、B”两场硬仗: drives
            hit = NamedHit(t, formula, q.start, hend, {formula, text[q.start:hend]},
                           formula_count=count if t == "Mechanism" else None, core_span=(last.end, fend))
            if count == len(parts) and t == "Mechanism":
                hit.components = parts
            hits.append(hit)
            taken.append((q.start, hend))
            used.add(i)
            continue
        head = None
        # gap text after the last quote (“626”禁毒 …) then 等 + head
        tail_start = last.end
        gm = _BEFORE_DENG.match(text[tail_start:tail_start + 5]) if "等" in text[tail_start:tail_start + 5] else None
        if len(group) > 1 or gm:
            probe = tail_start + (gm.end() if gm else 0)
            head = _head_after(text, probe, 8)
        if head is None:
            head = _head_after(text, last.end)
        if head is not None and any(last.end <= b < head[1] for b in breaks):
            head = None  # a headline's phrases: “X” 织密…网 names no 网
        if head is None or head[3] == "Document":  # “X年”工作方案: the paper is named by 《》, the quote by itself
            used.update(group)
            _unheaded(text, quotes, group, hits, taken, seen)
            continue
        before = text[max(0, q.start - 6):q.start]
        mod = text[last.end:head[1] - len(head[2])].lstrip("的")
        if before.endswith(_frames().get(("before", "-"), ())) or _nonsocial(mod):
            used.update(group)
            continue  # 这种“等案上门”的模式, “三山环一湖”的地形格局: not a named way of working
        if len(group) == 1 and head[3] == "Mechanism" and _STAGE_COUNT.fullmatch(mod) \
                and not _COLOURS.fullmatch(content):  # “红黄蓝”三色预警机制: the colours name it
            # 完善“信息采集”的四步闭环机制: the formula names the mechanism, the quote one of its stages
            ms = head[1] - len(head[2]) - len(mod)
            hit = NamedHit("Mechanism", mod + head[2], ms, head[1], {mod, mod + head[2], q.content + "的" + mod + head[2]},
                           core_span=(ms, ms + len(mod)), formula_count=cn_int(mod[0]))
            parts = _joined_parts(q.content) or list_items(q.content)
            if parts and len(parts) == hit.formula_count:  # “采集—会商—回访”的三步闭环机制
                hit.components = parts
                hit.aliases.add(q.content)
            hits.append(hit)
            taken.append((ms, head[1]))
            used.add(i)
            continue
        for k in group:
            used.add(k)
            qk = quotes[k]
            ck = qk.content.strip()
            if not ck or len(ck) > 40:
                continue
            own = ending_type(ck) if _CLAUSE_PARTICLES.isdisjoint(ck) else None
            if head is not None and (len(group) > 1 or k == group[-1]):
                _, hend, h, t = head
                if t == "-":
                    continue
                if t == "Program" and h in _quoted_only() and (ck.isdigit() or is_generic(ck)):
                    continue  # “12345”热线, “法治”课堂: a number to dial, a kind of class, no brand
                # the quote's own ending types it when the head after is weaker (“X工程”建设), but
                # never a formula (“一中心四平台”模式) nor a one-character ending (“打伞破网”行动), nor
                # an ending that types only a bare quote (“法官进网格”活动 is a drive)
                if own and own[1] != t and own[1] != "Campaign" and len(own[0]) > 1 and not is_formula(ck) \
                        and own[0] not in _quoted_only():
                    t = own[1]
                elif h in ("系统", "平台", "网") and seen.get(ck, t) != t:
                    t = seen[ck]  # “诉警联调”机制 … “诉警联调”平台: the same words, the same thing
                elif own and own[1] == "Campaign" and len(own[0]) > 1 and h in ("计划", "项目"):
                    t = "Campaign"  # “春风行动”计划: a drive, whatever its plan is called
                if t != "Mechanism" and len(group) == 1 and _formula_list(ck):
                    t = "Mechanism"  # “四联共治、三网合一、两级贯通”系统性工程: a formula of formulas
                end = hend if k == group[-1] else qk.end
                if len(group) == 1:
                    full = text[qk.start:hend]
                    aliases = {ck, full, ck + text[qk.end:hend].lstrip("的")}
                    verb = _verb_before(text, qk.start)
                    if verb and t == "Campaign":  # 创建“平安示范校园”活动: the drive is named with its verb
                        aliases |= {verb + ck, verb + full, verb + ck + text[qk.end:hend]}
                else:
                    aliases = {ck}
                    # “626”禁毒: the words stuck to the quote belong to the item
                    nxt = quotes[k + 1].start if k + 1 < len(quotes) and k != group[-1] else None
                    stuck = text[qk.end:nxt] if nxt else ""
                    stuck = stuck.rstrip("、和，")
                    if stuck and len(stuck) <= 4 and _ALL_CJK.fullmatch(stuck):
                        aliases.add(ck + stuck)
                    aliases.add(ck + h)
                name = ck
                items = list_items(ck)
                joined = _joined_parts(ck)
                announced = _ANNOUNCED.match(text[qk.end:hend].lstrip("的"))
                count = cn_int(announced.group(0)) if announced else None
                if t == "Mechanism" and len(group) == 1 and joined:
                    hit = NamedHit(t, name, qk.start, end, aliases, components=joined, formula_count=count,
                                   core_span=(qk.start + 1, qk.end - 1))
                elif t == "Mechanism" and len(group) == 1 and items:
                    hit = NamedHit(t, name, qk.start, end, aliases, components=items, formula_count=count,
                                   core_span=(qk.start + 1, qk.end - 1))
                    _item_formulas(qk, items, hits)
                elif t == "Mechanism" and (is_formula(ck) or _DIGITS_NAME.fullmatch(ck) or _formula_shape(ck)):
                    hit = NamedHit(t, name, qk.start, end, aliases, formula_count=formula_value(ck) or _shape_value(ck),
                                   core_span=(qk.start + 1, qk.end - 1))
                else:
                    hit = NamedHit(t, name, qk.start, end, aliases, core_span=(qk.start + 1, qk.end - 1))
                hits.append(hit)
                taken.append((qk.start, end))
                seen.setdefault(ck, t)
                continue
    _attach_parts(text, quotes, described, hits, taken, seen)


# a quoted style (一站式, 集约式) right before the centre or station that works in it: the
# centre is a service point a body built (“一站式”户政服务中心), where the agency rules read no body
_STYLE_QUOTE = re.compile(f"[{CJK}]{{1,4}}式")
_STYLED_SITE = re.compile(f"[{CJK}]{{2,8}}?(?:中心|服务站|驿站)(?=[^{CJK}]|建设|投入|运行|$)")


@lru_cache(maxsize=1)
def _body_centres() -> tuple[str, ...]:
    """The centres that are bodies: those of the agency lexicon and those that settle disputes,
    govern or command (调处中心, 调解中心, 指挥中心)."""
    rows = load_table("agency_bodies.txt")
    return tuple({r[0] for r in rows if r and r[0].endswith("中心")} | {"调处中心", "调解中心", "化解中心", "治理中心",
                                                                         "指挥中心", "综治中心"})


def _styled_site(text: str, q: Quote, content: str) -> NamedHit | None:
    if not _STYLE_QUOTE.fullmatch(content) or not (m := _STYLED_SITE.match(text, q.end)):
        return None
    rest = m.group(0)
    if _KIND_COUNT.match(text, m.end()):
        return None  # 建成“一站式”服务中心12个: a count of a kind of centre, no one centre's name
    if has_function_word(rest) or rest.endswith(_body_centres()):
        return None  # “一站式”矛盾纠纷调处中心, “一站式”综治中心: a body, whatever its style
    name = content + rest
    return NamedHit("Program", name, q.start, m.end(), {name, text[q.start:m.end()]})


def _attach_parts(text: str, quotes: list[Quote], described: list[tuple[int, int]], hits: list[NamedHit],
                  taken: list[tuple[int, int]], seen: dict[str, str]) -> None:
    """“六户联防、三员包片、两级会商”的“632”治理模式: the first quote lists the parts of the
    mechanism the second names; with no such mechanism, the first is read on its own."""
    for i, j in described:
        a, b = quotes[i], quotes[j]
        h = next((h for h in hits if h.start == b.start and h.type == "Mechanism"), None)
        parts = _joined_parts(a.content) or list_items(a.content)
        if h is None:
            _unheaded(text, quotes, [i], hits, taken, seen)
            continue
        h.aliases |= {a.content, text[a.start:h.end]}
        taken.append((a.start, b.start))
        if not h.components and (h.formula_count in (None, len(parts)) or _leading_numbers(parts) == h.name):
            h.components = parts


def _item_formulas(q: Quote, items: list[str], hits: list[NamedHit]) -> None:
    """“四联共治、三网合一、两级贯通”: a list of formulas names each of them too."""
    if not all(is_formula(x) or _formula_shape(x) or _NUMBERED_ITEM.fullmatch(x) for x in items):
        return  # in a list, a numeral opening every item makes each a formula (四联共治、三网合一)
    pos = q.start + 1
    for x in items:
        k = q.content.find(x, pos - q.start - 1) + q.start + 1
        hits.append(NamedHit("Mechanism", x, k, k + len(x), {x}, formula_count=formula_value(x) or _shape_value(x)))
        pos = k + len(x)


_HUNDREDS = re.compile("[一二三四五六七八九十百两]+")


def _leading_numbers(parts: list[str]) -> str:
    """六户联防、三员包片、两级会商 → "632": the numbers the parts open with, written together."""
    out = ""
    for p in parts:
        m = _HUNDREDS.match(p)
        if not m:
            return ""
        out += str(cn_int(m.group(0)))
    return out


_INTRODUCED = re.compile("(?:推出|推行|探索出?|首创)了?$")
# a formula whose parts the next words spell out (开展“两查一访”，即早查、晚查和一次走访): the
# routine of a way of working, whatever verb starts it
_PARTS_FOLLOW = re.compile("[，,]?(?:即|也就是|具体包括|包括|分别是|分别为)|[：:](?=[^。；\n]{2,40}、)")
_BUILT = re.compile("(?:打造|构建|建强|建成|推出|设立|创建|建立|开办|开设|开通|搭建|设置|建起)$")


def _unheaded(text: str, quotes: list[Quote], group: list[int], hits: list[NamedHit],
              taken: list[tuple[int, int]], seen: dict[str, str]) -> None:
    """Quotes with no head noun after them, typed by their own shape (“戒毒人员帮扶年”, “一村一警”,
    “网格长+网格员”), by the words around them (实行“一岗双责”, “打伞破网”力度, 发挥“三所一庭”作用),
    or by the other quotes of their list (“A”、“B工作法”和“C”)."""
    first, last = quotes[group[0]], quotes[group[-1]]
    ctx = _context_type(text, first.start, last.end)
    if ctx == "-":
        return
    members = []
    for k in group:
        q = quotes[k]
        c = q.content.strip()
        if not c or len(c) > 40 or _overlaps(q.start, q.end, taken) or _is_speech(c, ctx):
            continue
        members.append((q, c, _shape_type(text, q, c)))
    # a body's name in the list (“X驿站”, read by the agency rules) types none of the others
    shared = {t for q, c, t in members if t and t != "-" and not _agency_like(c, points=True)}
    share = next(iter(shared)) if len(shared) == 1 and len(group) > 1 else None
    for q, c, own in members:
        t = own
        if _agency_like(c) and not _INTRODUCED.search(text[max(0, q.start - 4):q.start]):
            continue  # “边境检查站”: a body, named by the agency rules (推出“共享法庭”: a way of working)
        if own and _ending_is_quoted_only(c) and ctx is None and share is None and not _BUILT.search(
                text[max(0, q.start - 2):q.start]) and not _named_model(c):
            continue  # “专属片区”: a kind of area, unless a verb or frame makes it a way of working
        if c in seen and (t is None or is_formula(c)):
            t = seen[c]  # the same words typed earlier in the report keep their type
        if t is None and _formula_shape(c) and ctx in ("Mechanism", "Campaign"):
            t = ctx  # 发挥“三所一庭”作用, 集中打击整治“两霸三乱”: a formula the context vouches for
        if t == "Campaign" and is_formula(c) and _list_count_before(text, q.start) == formula_value(c):
            t = "Mechanism"  # 打好A、B、C“三大会战”: a formula whose parts are listed
        if t is None:
            t = ctx
        if t is None:
            t = share
        if t is None and _coined_pair(c):
            t = "Mechanism"  # “四访一评”: a pair formula no dictionary knows is coined, framed or not
        if t is None or t == "-":
            continue
        if own == "Mechanism" and ctx == "Campaign" and is_formula(c) and c not in seen:
            t = "Campaign"  # 集中打击整治“两霸三乱”: a drive named by a formula
        if t == "Campaign" and (is_formula(c) or _formula_shape(c)) and _PARTS_FOLLOW.match(text, q.end):
            t = "Mechanism"
        count = formula_value(c) if (is_formula(c) or _formula_shape(c)) else None
        if _formula_shape(c) and count is None:
            count = _shape_value(c)
        parts = _joined_parts(c) or list_items(c)
        hit = NamedHit(t, c, q.start, q.end, {c}, core_span=(q.start + 1, q.end - 1))
        if t == "Mechanism":
            if parts:
                hit.components = parts
                announced = _ANNOUNCED.match(text[q.end:q.end + 4].lstrip("的"))
                hit.formula_count = cn_int(announced.group(0)) if announced else None  # “A+B+C”三级团队
            elif count is not None:
                hit.formula_count = count
        hits.append(hit)
        taken.append((q.start, q.end))
        seen.setdefault(c, t)


# a drive's time or season written between its name's head and a second head (…集中整治百日行动)
_TIMED_DRIVE = re.compile("(?:百日|[春夏秋冬]季|[一二三四五六七八九十百]+天|[0-9]+天)(?:攻坚)?(?:行动|攻势|会战|攻坚战)")
_ADJACENT_ONLY = ("工作", "建设", "部署")  # “三度”工作 names; 打造“X”的工作 does not
_SPEECH_MARKS = frozenset("。！？!?；;：:…")
_CLAUSE_PARTICLES = frozenset("是了吗呢吧啊")  # a quote holding one is a clause said, whose ending types nothing


_LIST_MARK = re.compile("[、，,]")
_NUMERALS = re.compile("[一二三四五六七八九十两]+")
# (the patterns a rule uses are compiled once here: a pattern left to re's own cache is compiled
# again after 512 others, and the whole build writes more than that)
_STAGE_COUNT = re.compile(f"[一二三四五六七八九十][{CJK}]{{3}}")  # 四步闭环
_COLOURS = re.compile("[红橙黄绿青蓝紫白黑灰]+")
_DIGITS_NAME = re.compile("[0-9]{2,6}")
_ANNOUNCED = re.compile("[一二三四五六七八九十两]+(?=[级个项大类支条])")  # “A+B+C”三级团队


def _agency_like(c: str, *, points: bool = False) -> bool:
    """“边境检查站”, “老娘舅调解室”: a body or its room (the agency rules name those), not
    “法官进村” nor a formula (“三所一庭”)."""
    if not c.endswith(_AGENCY_END) or is_formula(c) or _formula_shape(c) or len(c) > 12 or _LIST_MARK.search(c):
        return False  # (its last word ends the quote: with no body's ending there is none to cut for)
    if not points and (own := ending_type(c)) and own[1] == "Program":
        return False  # “红色驿站”, “邻里服务站”: a service point a body opens, no body (``points``: counted as one)
    toks = lcut(c)
    return len(toks[-1]) >= 2 and toks[-1].endswith(_AGENCY_END)


_MODEL_ENDINGS = ("样本", "样板", "范本")


def _named_model(c: str) -> bool:
    """“东岭样本”: a model named by its own words (a place, a body) needs no frame; “基层样本”,
    “治理样本” are kinds of model."""
    if not c.endswith(_MODEL_ENDINGS):
        return False
    mod = c[:-2]
    return len(mod) >= 2 and bool(_ALL_CJK.fullmatch(mod)) and not is_generic(mod) and mod not in _WHOLE_WORLDS


_WHOLE_WORLDS = frozenset({"中国", "全国", "世界", "国际", "全球", "时代", "新时代"})  # “中国样本”: an example, no brand


def _ending_is_quoted_only(c: str) -> bool:
    """Does ``c`` end in a quoted-only head that needs a frame (“专属片区”; not “X热线”, a brand)?"""
    own = ending_type(c)
    return own is not None and own[0] in _quoted_only() and own[0] not in _branded()


def _list_count_before(text: str, pos: int) -> int:
    """How many items a 、-list right before ``pos`` in its clause has (0: none)."""
    cs = max(text.rfind(c, 0, pos) for c in "，。；：\n") + 1
    seg = text[cs:pos]
    return seg.count("、") + 1 if "、" in seg else 0


_ORDINAL = re.compile("第[一二三四五六七八九十]")


def _is_speech(c: str, ctx: str | None) -> bool:
    """A sentence someone says, not a name: sentence marks, or a comma without a frame noun
    after it that makes the whole a named requirement (“…，…”要求)."""
    if not _SPEECH_MARKS.isdisjoint(c) or c.startswith(("我", "你", "他", "她", "您", "咱")):
        return True
    if _ORDINAL.match(c):
        return True  # “第一现场”: an ordinal image
    return ("，" in c or "," in c) and ctx not in ("Mechanism", "Campaign")


# the words around a quote that :func:`_context_type` reads
_COUNT_AFTER = re.compile(r"[0-9０-９一二三四五六七八九十百千万两余多]+[个人名件起次家条项户所座处辆元万亿位支批类种场]")
_CHANGE_TO_QUOTE = re.compile("(?:到|向|迈向|走向|转向|转变为|变为)[“‘「『]")
_IMAGE_VERB = re.compile("(?:织密|织牢|织就|编织|筑牢|扎紧|扎牢|守牢|守护|打通|锻造|绘就|画好|架起)")
_DRIVE_VERB_END = re.compile(f"(?:启动|开展|部署|打响)([{CJK}]{{2,4}})$")


# verbs that offer or bring forth what follows (为筑牢…提供了“X样本”): the image verb's object ends before them
_PRODUCE_VERB = re.compile("(?:提供|贡献|形成|打造|总结|创造|交出|探索出|走出)")


_SLOGAN_VERBS = ("打造", "打造出")
_IMAGE_ENDS = tuple("版样园城区地点带线网圈")


def _slogan(c: str) -> bool:
    """Is ``c`` a clause of what people do (一次不用跑, 少跑一趟路, 掌上办), not a thing's name: a verb
    after its first word, right after an adverb or a count or ending the clause?"""
    if not 3 <= len(c) <= 10 or not _ALL_CJK.fullmatch(c) or "的" in c or c.endswith(_IMAGE_ENDS):
        return False
    tags = pos_tags(c)
    return len(tags) >= 2 and any(t == "v" and (k == len(tags) - 1 or tags[k - 1][1] in ("d", "m"))
                                  for k, (_, t) in enumerate(tags) if k)


_CLAUSE_MARKS = frozenset("，。；：、\n")


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last ，。；：、 or line break before it."""
    for i in range(pos - 1, -1, -1):  # (a clause is short: a step back at a time beats six rfinds)
        if text[i] in _CLAUSE_MARKS:
            return i + 1
    return 0


def _context_type(text: str, start: int, end: int) -> str | None:
    """What the words around the quote span ``start``–``end`` say it names: Campaign, Mechanism,
    "weak" (a verb that types only a coined phrase), "-" (nothing) or None (they do not say)."""
    # (asked of every quote no head follows, most of a report's: the words before and after are
    # compared by str methods, and a set of the frames found is made only where a frame word may stand)
    after = text[end:end + 8]
    if after[:1] == "等":
        after = after[1:]
    if _COUNT_AFTER.match(after):
        return "-"  # “黑中介”14人: a count of things so called
    after_frames, before_frames, nominal = _edge_frames()
    at_after = after_frames.get(after[:1])
    at_of = after_frames.get(after[1:2]) if after[:1] == "的" and not after.startswith(_ADJACENT_ONLY, 1) else None
    if at_after or at_of:
        found = {t for t, words in at_after or () if after.startswith(words)}
        found.update(t for t, words in at_of or () if after.startswith(words, 1))
        if found:
            return _first_framed(found, _AFTER_TYPES)
    before = text[max(0, start - 8):start]
    # 从“管理”到“治理”: the two ends of a change, not names
    if before.endswith(("从", "由")) and _CHANGE_TO_QUOTE.match(after):
        return "-"
    if _quote_changed_to(before):
        return "-"
    bare = _less_end(before, "了")
    bare_verb = _less_end(bare, "出", "起")
    at_bare, at_verb = before_frames.get(bare[-1:]), before_frames.get(bare_verb[-1:])
    if at_bare or at_verb:
        found = {t for t, words in at_bare or () if bare.endswith(words)}
        found.update(t for t, words in at_verb or () if bare_verb.endswith(words))
        if found:
            return _first_framed(found, _BEFORE_TYPES)
    if bare.endswith(_SLOGAN_VERBS) and _slogan(text[start + 1:end - 1]):
        return "Mechanism"  # 打造“一次不用跑”: a way of working said as what people do (not 打造“升级版”)
    cs = _clause_start(text, start)
    clause = text[cs:start]
    verb = next((w for w in nominal.get(bare[-1:], ()) if bare.endswith(w)), None)
    if verb is not None:
        pre = clause[:len(clause) - (len(before) - len(bare)) - len(verb)]
        tags = pos_tags(pre[-6:]) if pre else ()
        if not tags or not (tags[-1][1][:1] == "n" or tags[-1][1] == "vn"):
            return "Mechanism"  # 深入推进“X”; not 队伍建设“X”
    # 启动禁毒“百日清零”: a campaign verb and a short modifier before the quote
    image = None
    for image in _IMAGE_VERB.finditer(clause):
        pass
    if image is not None and not _PRODUCE_VERB.search(clause, image.end()):
        return "-"  # 织密…“安全网”, 守好群众“钱袋子”: an image (not 为筑牢…提供了…“X样本”: another verb's object)
    m = _DRIVE_VERB_END.search(clause)
    if m and not has_function_word(m.group(1)):
        return "Campaign"
    return None


def _less_end(s: str, *ends: str) -> str:
    """``re.sub("(?:A|B)$", "", s)`` for single characters A, B: ``$`` stands at the end and
    before a line break ending ``s``."""
    if s.endswith(ends):
        return s[:-1]
    if s.endswith("\n") and s[:-1].endswith(ends):
        return s[:-2] + "\n"
    return s


def _quote_changed_to(before: str) -> bool:
    """Do a closing quote and a verb of change (到, 转向 …) end ``before`` (or stand before a line
    break ending it: where ``$`` stands)?"""
    b = before[:-1] if before.endswith("\n") else before
    return b.endswith(_CHANGE_TO) and any(b.endswith(w) and b[:-len(w)].endswith(_CLOSING_QUOTES) for w in _CHANGE_TO)


_CHANGE_TO = ("到", "向", "迈向", "走向", "转向", "转变为", "变为")  # (those of _CHANGE_TO_QUOTE)
_CLOSING_QUOTES = ("”", "’", "」", "』")


_PLACE_DRIVE = re.compile(f"(?:平安|法治)[{CJK}]{{2,3}}")
_PLACE_DRIVE_VERB = re.compile("(?:建设|推进|创建|争创|打造|开展)[”“、]*$")
_WU_UNIT = re.compile(f"无[{CJK}]{{1,3}}(?:县|市|区|乡|镇|村|社区|村屯|村居|学校|校园|单位|企业|家庭|小区|景区|医院|市场)")
_STYLE_VERBS = ("服务", "受理", "化解", "调解", "解纷", "办理", "管理", "治理", "帮扶", "诉服", "调处", "救助", "接访",
                "办结", "解决")


_ALL_CJK = re.compile(f"[{CJK}]+")
_STREAK = re.compile("[二三四五六七八九十]+连(?:创|冠|胜|霸|优)")
_COUNTED_YEARS = re.compile("[一二三四五六七八九十]年$")


def _shape_type(text: str, q: Quote, c: str) -> str | None:
    """What a quote's own shape says it names, or None."""
    own = ending_type(c) if _CLAUSE_PARTICLES.isdisjoint(c) else None
    if own:
        h, t = own
        if t == "Document" and h == "方案" and len(c) <= 8:
            return "Mechanism"  # “凤城方案”: an approach, not a paper (a paper stands in 《》)
        if t == "Program" and is_generic(c[:-len(h)]):
            return None  # “监控网”
        return t
    if _WU_UNIT.fullmatch(c):
        return "Campaign"  # 创建“无访社区”: the title a drive works for
    if _PLACE_DRIVE.fullmatch(c) and (text.startswith("建设", q.end) or _PLACE_DRIVE_VERB.search(
            text[max(0, q.start - 8):q.start])):
        return "Campaign"  # 推进“平安X”建设: a place-wide drive
    if len(c) >= 5 and c.endswith("年") and _ALL_CJK.fullmatch(c) and not _COUNTED_YEARS.search(c):
        return "Campaign"  # “信访积案清仓年”: a year-long drive
    if is_formula(c) or _joined_parts(c) or _formula_list(c):
        return "Mechanism"
    if len(c) == 3 and c.endswith("式") and text.startswith(_STYLE_VERBS, q.end):
        return "Mechanism"  # “一站式”办理: a way of working
    return None


_NUMS = "一二三四五六七八九十两"
_NUMBERED_ITEM = re.compile(f"[{_NUMS}][{CJK}]{{2,4}}")  # 四联共治, as an item of a list of formulas
_PAIR_SHAPE = re.compile(f"[{_NUMS}][{CJK}]{{1,2}}(?:[{_NUMS}][{CJK}]{{1,3}})+")  # 三所一庭, 三区一中心, 四议两公开
_RATE_SHAPE = re.compile(f"[一二三四五六七八九十][{CJK}]")  # 三度, 六访, 四查 (not 两会, 两委)
_NOT_COUNTED = set("个次年月日天名人件起项大位届期批种座级类条支场份些")


def _formula_shape(c: str) -> bool:
    """Number formulas of a quote beyond :func:`is_formula`: 三所一庭, 三区一中心, 四议两公开, 三度."""
    if _PAIR_SHAPE.fullmatch(c):
        return not set(c[1:]) & _NOT_COUNTED - set(_NUMS)
    if _RATE_SHAPE.fullmatch(c):
        return c[1] not in _NOT_COUNTED and c[1] not in _NUMS
    return False


def _coined_pair(c: str) -> bool:
    """A pair formula (四访一评, 三区一中心) that is not a set phrase of the language (三心二意,
    四面八方: the dictionary knows those)."""
    if not _PAIR_SHAPE.fullmatch(c) or c.startswith("两") or c[1] in _NUMS or not _formula_shape(c):
        return False  # 两抢一盗 (a pair's slogans are too common: see is_formula), 九一八: a date
    return not is_word(c)


def _shape_value(c: str) -> int | None:
    nums = [ch for ch in c if ch in _NUMS]
    if _RATE_SHAPE.fullmatch(c):
        return cn_int(c[0])
    return sum(cn_int(n) or 0 for n in nums) or None


_JOINERS = re.compile(r"[+＋—―\-－]")
_DIGIT_FORMULA = re.compile("[0-9A-Za-z+＋xXＸ]+")


def _joined_parts(c: str) -> list[str]:
    """The parts of a formula joined by + or —: 村长+组长+户长, 县—乡—村."""
    if not _JOINERS.search(c) or _DIGIT_FORMULA.fullmatch(c):
        return []  # 4+1+X: a digit formula, its parts are not listed words
    parts = [p for p in _JOINERS.split(c)]
    if len(parts) < 2 or any(not p or len(p) > 12 or not _ALL_CJK.search(p) for p in parts):
        return []
    return parts


def list_items(c: str) -> list[str]:
    """The items of a quoted list of three or more short parts (“A、B、C”, “X，A、B、C”)."""
    items = [x.strip() for x in _LIST_MARK.split(c) if x.strip()]
    if len(items) >= 3 and all(2 <= len(x) <= 10 and _ALL_CJK.fullmatch(x) for x in items):
        return items
    return []


def _formula_list(c: str) -> bool:
    """“四联共治、三网合一、两级贯通”: a list of three or more short items, slogans or formulas."""
    items = c.split("、")
    return len(items) >= 3 and all(2 <= len(x) <= 8 and _ALL_CJK.fullmatch(x) and not x.startswith("最")
                                   for x in items)  # not goals: 最平安县城、最可靠警队


# a title that names a periodical by its own last word (通报, 公报, 简报 are papers: not here)
_PERIODICAL = re.compile("(?:日报|晚报|早报|时报|周报|商报|导报|画报|周刊|月刊|旬刊|半月刊|杂志|期刊|学报)$")
# …or by what follows it: its reporter, its pages, its channels, the media it is one of
_OF_PRESS = re.compile("(?:《[^《》\n]{1,20}》|、)*(?:记者|特约记者|通讯员|刊发|刊登|刊载|头版|专版|版面|客户端|公众号|官方微博|官微|(?:等)?(?:新闻)?媒体)")


# a document by its number (高府办〔2023〕12号, 某公罚〔2022〕8号行政处罚决定书): the issuer's code, the
# year in brackets, the serial, and the kind of paper where the text gives it; the words that lead
# to it (根据, 按照 …) are no part of the code
_DOC_NUMBER = re.compile(f"([{CJK}]{{2,8}})[〔［\\[【]((?:19|20)[0-9]{{2}})[〕］\\]】]第?([0-9]{{1,4}})号"
                         "((?:行政处罚|处罚|刑事|民事)?(?:决定书|判决书|裁定书|通知书|文件|通知|意见|批复|决定|通报|函))?")
# the bracketed year every document number holds 2 to 8 characters after its start: only there is
# _DOC_NUMBER tried (it opens on a run of characters, which finditer would try at every one)
_DOC_YEAR = re.compile("[〔［\\[【](?:19|20)[0-9]{2}[〕］\\]】]")
_DOC_LEAD = re.compile(".*(?:根据|按照|依据|依照|对照|落实|执行|印发|下发|转发|出具|作出|下达|制发|送达|以|经|据|的|了|和|及|与|对|向|给)")


def _document_numbers(text: str, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    if "号" not in text:
        return
    for m in finditer_near(_DOC_NUMBER, text, _DOC_YEAR, 2, 8):
        lead = _DOC_LEAD.match(m.group(1))
        s = m.start() + (lead.end() if lead else 0)
        if m.end(1) - s < 2 or _overlaps_outside(s, m.end(), taken):
            continue
        name = text[s:m.end()]
        hits.append(NamedHit("Document", name, s, m.end(), {name}))
        taken.append((s, m.end()))


_TITLE = re.compile(r"《([^《》\n]{1,60})》")
_TITLE_AFTER = re.compile(f"[{CJK}]{{0,6}}?(栏目|专栏|节目|杂志|报道|活动|竞赛|比赛)")


def _documents(text: str, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    last_doc: dict[str, NamedHit] = {}
    ending: dict[str, list[str]] = {}  # a short name (up to 4 characters) → the titles ending in it, in last_doc's order
    for m in _TITLE.finditer(text):
        s, e = m.span()
        if _overlaps_outside(s, e, taken):
            continue
        name = m.group(1).strip()
        after_any = _TITLE_AFTER.match(text[e:e + 12])
        if after_any and after_any.group(1) in ("栏目", "专栏", "节目", "杂志", "报道"):
            continue
        if _PERIODICAL.search(name) or _OF_PRESS.match(text, e):
            continue  # a newspaper, journal or programme (《法治日报》记者, 《X》等媒体): no document
        if after_any and after_any.group(1) in ("活动", "竞赛", "比赛"):
            end = e + after_any.end()
            hits.append(NamedHit("Campaign", name, s, end, {name, text[s:end]}, core_span=(s + 1, e - 1)))
            taken.append((s, end))
            continue
        # 《决定》 after 《关于…的决定》 is the same document
        short = next((last_doc[k] for k in ending.get(name, ()) if k != name), None) if len(name) <= 4 else None
        if short is not None:
            hits.append(NamedHit("Document", short.name, s, e, {name}, core_span=(s + 1, e - 1)))
            taken.append((s, e))
            continue
        hit = NamedHit("Document", name, s, e, {name}, core_span=(s + 1, e - 1))
        hits.append(hit)
        if name not in last_doc:
            for k in range(1, min(4, len(name)) + 1):
                ending.setdefault(name[-k:], []).append(name)
        last_doc[name] = hit
        taken.append((s, e))


@lru_cache(maxsize=1)
def _triggers() -> dict[str, tuple[str, ...]]:
    out = {}
    for row in load_table("relation_triggers.txt"):
        if len(row) >= 2:
            out[row[0]] = tuple(sorted(row[1].split(), key=len, reverse=True))
    return out


@lru_cache(maxsize=1)
def _unquoted_re() -> tuple[re.Pattern, re.Pattern, int]:
    """The pattern of an unquoted name, its heads, and how far before its head a match can
    start (for :func:`finditer_near`; the heads as plain words, not a lookahead, which would be
    tried at every character)."""
    verbs = sorted({v for t in ("Campaign", "Program", "Mechanism") for v in _triggers()[t]}, key=len, reverse=True)
    heads = [h for h, t in _heads() if t in ("Campaign", "Program", "Mechanism") and h not in _quoted_only()
             and h not in _NEVER_UNQUOTED]
    head_alt = _by_first_char([(h, "(?!度)" if h.endswith("制") else "") for h in heads])
    left = ("(?:" + _by_first_char([(v, "") for v in verbs]) + ")(?:出|起)?了?|[，。；：、（\n]|的|及|和|与|"
            + "|".join(_PREP_LEFT) + "|^")
    # a name may open on a time it keeps (30分钟到岗机制, 24小时值守制度)
    # or on the levels or parties it joins, listed before their count (市、县、乡（镇）三级…机制)
    pattern = re.compile(f"(?:{left})(?P<name>(?:{_levels_re().pattern})?(?:[0-9]{{1,3}}(?:分钟|小时|个工作日|工作日|天))?[{CJK}、]{{2,16}}?)(?P<head>{head_alt})")
    return pattern, re.compile(head_alt), len(verbs[0]) + 1 + 6 + 16 + 24


def _by_first_char(words: list[tuple[str, str]]) -> str:
    """``"|".join(re.escape(w) + after for w, after in words)`` written as one alternative per
    first character, the words' rests in their order inside it: the same match (at a position only
    the words opening on its character can match, and they are tried in the same order), but the
    engine, which tries an alternation's branches one by one, tries one branch per character
    there instead of every word (a name's lazy run asks for a head at each of its characters)."""
    rests: dict[str, list[str]] = {}
    for w, after in words:
        rests.setdefault(w[0], []).append(re.escape(w[1:]) + after)
    return "|".join(re.escape(c) + (f"(?:{'|'.join(r)})" if r != [""] else "") for c, r in rests.items())


@lru_cache(maxsize=1)
def _unquoted_openers() -> re.Pattern:
    """The characters a match of :func:`_unquoted_re`'s pattern opens on (the first of each
    word its left boundary may be: a trigger verb, a mark, 的, a preposition; or the text's
    start, for its ^)."""
    verbs = {v for t in ("Campaign", "Program", "Mechanism") for v in _triggers()[t]}
    chars = {w[0] for w in verbs | set(_PREP_LEFT) | {"的", "及", "和", "与"}} | set("，。；：、（\n")
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


_LEVEL_COUNT = re.compile("[一二三四五六七八九十两]+(?:级|层|方)")


@lru_cache(maxsize=1)
def _levels_re() -> re.Pattern:
    """A list of levels or parties right before their count: 市、县、乡（镇）|三级."""
    item = f"[{CJK}]{{1,3}}(?:（[{CJK}]{{1,2}}）)?"
    return re.compile(f"(?:{item}、){{1,5}}{item}(?={_LEVEL_COUNT.pattern})")


# prepositions that open the phrase a name stands in (在全省禁毒百日会战期间, 按照…专项行动要求)
_PREP_LEFT = ("按照", "根据", "结合", "围绕", "依托", "通过", "借助", "利用", "对照", "关于", "对于", "由于", "随着", "为了",
              "针对", "对", "在", "以")
_LEAD_PREP = set("对在以把将为从向于与和")
# heads that make a name only right after a trigger verb (开展…行动, 建立…机制); the
# others may follow a clause boundary too (，网格化服务管理平台)
_STRONG_HEADS = {"专项斗争", "专项行动", "专项整治行动", "专项整治", "专项治理", "攻势", "会战", "攻坚战", "工程", "平台",
                 "提质扩容工程", "培养工程", "体系", "工作体系", "综合防控体系", "宣传月", "宣传周",
                 "学习教育", "主题教育", "教育整顿", "人民战争", "综合整治", "集中整治"}
_NEVER_UNQUOTED = {"宣传", "创建", "网", "计划", "项目", "任务", "举措", "原则", "战略", "理念", "思路", "发展思路",
                   "经验", "办法", "竞赛", "大练兵", "大走访", "大排查", "品牌创建", "品牌建设"}
_VERB_ONLY = {"格局", "新格局", "工作格局"}  # 打造…新格局: only right after a verb
_COINED_HEADS = ("体系", "机制", "格局", "新格局", "制度", "模式")  # a coined parallel phrase names these alone


def _may_stand_alone(name: str, head: str) -> bool:
    """May :func:`_unquoted` still take ``name`` + ``head`` with no verb before it (a head not
    strong enough alone)? Only as a year-long drive (…攻坚年活动), a place's own model or a coined
    parallel phrase (联防联控联创机制) — asked of the name before the words opening it are cut
    off, which keeps its end and never lengthens it."""
    if head in ("活动", "行动"):
        return len(name) >= 5 and name.endswith("年")
    return head == "模式" or (head in _COINED_HEADS and len(name) >= 6)


@lru_cache(maxsize=1)
def _name_verbs() -> tuple[frozenset[str], tuple[str, ...]]:
    """The trigger verbs of campaigns, programs and mechanisms; those of two characters or more."""
    verbs = frozenset(v for t in ("Campaign", "Program", "Mechanism") for v in _triggers()[t])
    return verbs, tuple(v for v in verbs if len(v) >= 2)


@lru_cache(maxsize=1)
def _name_verb_re() -> re.Pattern:
    """Any trigger verb of :func:`_name_verbs`, wherever it stands."""
    return re.compile("|".join(re.escape(v) for v in sorted(_name_verbs()[0], key=len, reverse=True)))


def _after_last_verb(name: str) -> int:
    """Offset in ``name`` just after its last trigger verb token (0 if none)."""
    verbs, long_verbs = _name_verbs()
    if not _name_verb_re().search(name):
        return 0  # every cut follows a trigger verb written in the name
    cut = 0
    spans = token_spans(name, 0, len(name))
    for k, (a, b) in enumerate(spans):
        tok = name[a:b]
        if k and name[spans[k - 1][0]:a].endswith("化"):
            continue  # 规范化建设: a verb after an -化 word is a noun
        # a verb token, or a verb written as two tokens (创新性 推行)
        if (tok in verbs or tok.endswith(long_verbs)) and b < len(name):
            cut = b  # 研究部署 ends with a trigger verb
        elif k + 1 < len(spans) and name[a:spans[k + 1][1]] in verbs and spans[k + 1][1] < len(name):
            cut = spans[k + 1][1]
    return cut


@lru_cache(maxsize=1)
def _stock() -> tuple[str, ...]:
    return tuple(_generic()["stock"])


# the words around an unquoted name that :func:`_unquoted` reads
_KIND_COUNT = re.compile("[0-9一二三四五六七八九十百千两]+[个套处家座台所]")
_COMPLETED = re.compile("(?:已经|已|全面|基本|逐步|初步|正式)?(?:建立|形成|建成|确立|健全|落地)")
_YI_WEI = re.compile("以.{2,8}为.{1,4}")
_NUMBERED_YEAR = re.compile("[0-9一二三四五六七八九十]年$")
_COUNT_ONLY = re.compile("[一二三四五六七八九十两]+[项个大类条]")
_KINDS_ONLY = re.compile("[一二三四五六七八九十两]+[种个项批支道条]")
_WORKS_GO_ON = re.compile("(?:的|建设|等|和|及)")


_DEED_HEADS = frozenset({"打击治理", "集中整治", "综合整治", "专项整治", "专项治理", "大排查", "大整治"})
_DRIVE_AFTER = re.compile(f"([{CJK}]{{0,14}}?)(专项行动|专项斗争|专项整治行动|集中行动|攻坚行动|攻坚战|行动)")


def _unquoted(doc: Doc, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    text = doc.text
    pattern, heads, reach = _unquoted_re()
    for m in finditer_near(pattern, text, heads, 2, reach, openers=_unquoted_openers()):
        ns, he = m.start("name"), m.end("head")
        name, head = m.group("name"), m.group("head")
        t = head_type(head)[1]
        if head in _NEVER_UNQUOTED or _overlaps_around(ns, he, taken):
            continue
        left = text[m.start():ns]
        # 打击治理跨境赌博犯罪专项行动: a drive's head that is a deed's name (打击治理, 集中整治)
        # before a drive's own head in its clause is part of the name
        if head in _DEED_HEADS and (drive := _DRIVE_AFTER.match(text, he)):
            name, head, he = name + head + drive.group(1), drive.group(2), drive.end()
        # 三级联合打击盗窃活动工作机制: a drive's head before a mechanism's is the work the mechanism does
        if t == "Campaign" and (mech := _MECH_AFTER_DRIVE.match(text, he)):
            name, head, he, t = name + head, mech.group(0), mech.end(), "Mechanism"
        after_verb = bool(left) and left not in "，。；：、（\n的及和与" and left not in _PREP_LEFT
        if left in _PREP_LEFT and len(left) > 1 and _TIME_KEPT.match(name):
            after_verb = True  # 按照20分钟到场机制: a rule timed to the minute is a named one
        if left in ("和", "与") and not _ends_at(m.start(), taken):
            continue  # 和 joins two names (A专项行动和B专项行动), not a name and a clause
        if (left in ("和", "与", "及") or left == "、" and t == "Campaign" and head not in ("活动", "行动")) \
                and hits and hits[-1].end == m.start() and hits[-1].type in ("Campaign", "Program", "Mechanism"):
            # 开展A专项行动和B宣传活动: the second name is the same verb's object; so is a drive
            # listed after one with 、 (A专项行动、B大整治), not a mere activity or a system's part
            after_verb = True
        if text.startswith(_stock(), he):
            continue  # …治理体系和治理能力现代化, X机制创新: a stock phrase, not a name
        if t == "Mechanism" and not after_verb and _LOCATIVE.match(text, he) and left not in _name_verbs()[0]:
            continue  # 用好法援体系中的律师力量: the field something is found in, no way adopted
        if t == "Program" and _KIND_COUNT.match(text[he:he + 5]):
            continue  # 建成X工作平台2个: a count of a kind of thing, not a program's name
        # X机制全面建立: a name before the verb that completes it
        if _COMPLETED.match(text[he:he + 6]):
            after_verb = True
        full_mod, lasting = None, False
        k = name.rfind("的")
        cut = _after_last_verb(name[:k]) if k > 0 else 0
        if cut:  # ，积极打造A的B新格局: the verb before the modifier governs the name
            name = name[cut:]
            after_verb = True
        # the name runs from the last boundary inside it
        for sep in ("的", "及") + _PREP_LEFT[:-3]:
            k = name.rfind(sep)
            if k >= 0:
                before_sep = name[:k]
                # 打造A的B新格局, 形成以网格管理为基础的联合调处机制: the verb's
                # object is the whole phrase, its short modifier included
                if sep == "的" and after_verb and t == "Mechanism" and 2 <= len(before_sep) <= 10 and (
                        _YI_WEI.fullmatch(before_sep) or not has_function_word(before_sep)):
                    full_mod = name
                elif sep == "的" and after_verb and _LASTING.fullmatch(before_sep):
                    lasting = True  # 开展为期三个月的X活动: how long it lasts keeps the verb's object
                else:
                    after_verb = False
                name = name[k + len(sep):]
        cut = _after_last_verb(name)
        if cut:
            name = name[cut:]
            after_verb = True
            full_mod = None
        if not after_verb and head not in _STRONG_HEADS and not _may_stand_alone(name, head):
            continue  # (turned down below whatever is cut off the name's front: found before it is cut and tagged)
        if lm := _levels_re().match(name):  # 市、县、乡（镇）三级…机制: the count names the levels listed
            if cn_int(_LEVEL_COUNT.match(name, lm.end()).group(0)[:-1]) != lm.group(0).count("、") + 1 or not after_verb:
                continue  # 省、市两级 … a count not that of the list; 以…三级体系为: no verb builds it
            name, listed = name[lm.end():], lm.group(0)
        else:
            listed = ""
        if not after_verb:  # (after 建立, 司法所联动调解机制 is the verb's object whole)
            name = _after_subject_verb(name)
        stay = _after_clause_verb(name)
        if stay:  # 公安局保持严打的态势: the clause's verb, whose object is no name
            continue
        whole, name = name, _after_lone_prep(name.lstrip("了、"))
        if t == "Mechanism" and len(name) < len(whole) and whole[-len(name) - 1] in "和与":
            continue  # 检调对接和信访调处体系: the head closes both of the joined names
        if has_function_word(name) or name.startswith(_NOT_NAMED) or strip_prefix(name + head).startswith(_NOT_NAMED):
            continue
        name = strip_leading(name)
        placed = name
        if t == "Campaign":
            name = _strip_place(doc, name)
        ns = he - len(head) - len(name)
        if head in ("活动", "行动") and len(name) >= 5 and name.endswith("年") and not _NUMBERED_YEAR.search(name):
            after_verb = True  # 以…攻坚年活动为契机: a year-long drive
        if not after_verb and head == "模式" and (own := _place_model(doc, name)):
            name, after_verb = own, True  # ，甲乙县库区移民服务管理模式带给…: a place's own model
            ns = he - len(head) - len(name)
        coined = _parallel(name) and head in _COINED_HEADS
        if coined:
            after_verb = True  # 联防联控联创制度体系: a coined parallel phrase names it wherever it stands
        if not after_verb and head not in _STRONG_HEADS or (head in _VERB_ONLY and not after_verb):
            continue
        if len(name) < (2 if after_verb or head == "工程" or len(head) >= 4 else 3) or has_function_word(name):
            continue
        if lasting and len(name) < 4 and head in ("活动", "行动"):
            continue  # 开展为期半年的排查活动: a kind of work, however long
        if _only_verbs(name) or (t == "Mechanism" and _ends_in_adjective(name)):
            continue  # 保持严打行动, 特殊制度: a verb's object or an adjective's noun, no name
        if head in _NOUN_NAMED and not _nouns_only(name):
            continue  # 正确把握主题教育: the head is a verb's object; 专题主题教育 is a name
        if t == "Program" and not after_verb and left == "的":
            continue
        if "、" in name:
            parts = name.split("、")
            if not (len(parts[0]) <= 4 or all(len(p) <= 4 for p in parts[1:])) or any(len(p) < 2 for p in parts):
                continue
        if t == "Program" and head == "系统" and len(name) < 4:
            continue
        if t == "Program" and head.endswith("工程"):
            name = _after_lead_verbs(name, ("v", "vn", "d", "ad", "i", "l"))  # 严厉打击阻挠X工程
            ns = he - len(head) - len(name)
        if t == "Program" and not proper_program(name, head):
            continue
        if t == "Program" and not after_verb and not _noun_phrase(name):
            continue  # 关心三峡工程, 重点抓好工程: a verb's object, no program's name
        bare = name if full_mod else _after_lead_verbs(name)
        if t == "Mechanism" and is_generic(bare) and len(_tokens(bare)) <= (1 if full_mod else 2):
            continue  # 调解机制, 信息化防控体系; not 乡村公共法律服务网络体系
        if t == "Mechanism" and _opens_with_verb(name) and not after_verb:
            continue  # 。做强网格体系，: a verb and its object heading a paragraph
        if not head_at_word(text[ns:he + 4], he - ns - len(head), he - ns):
            continue
        if name in _GENERIC_CORES or _COUNT_ONLY.fullmatch(name):
            continue
        if _KINDS_ONLY.fullmatch(name):
            continue
        if t in ("Campaign", "Program") and "、" in name:
            name = name.rsplit("、", 1)[1]  # 扫黑除恶、三级巡防、打盗抢专项斗争: the head is the last item's
            ns = he - len(head) - len(name)
        if head == "工程" and len(name) == 2 and not after_verb and (
                "、" not in (text[ns - 1:ns] + text[he:he + 1]) or _ALL_CJK.match(text[he:he + 1])
                and not _WORKS_GO_ON.match(text[he:he + 2])):
            continue  # 天网工程、视频监控联网工程 name programs; 生物工程 alone, 细胞工程育种: a field
        if t == "Campaign" and (timed := _TIMED_DRIVE.match(text, he)):
            head += timed.group(0)  # 集中整治百日行动, 专项整治夏季攻势: the drive's time runs on to its head
            he = timed.end()
        full = name + head
        core = name if coined else strip_prefix(full)  # the coinage names it, as a formula does
        hit = NamedHit(t, core, ns, he, {full, core, placed + head})
        if coined and text.startswith("体系", he):
            hit.aliases.add(full + "体系")
        if full_mod and full_mod.endswith(name):
            hit.aliases.add(full_mod + head)
        if t == "Mechanism" and "、" in name:  # 矛盾纠纷预防、排查、调处机制
            hit.components = _name_parts(name)
        if listed:  # the levels or parties the count stands for are its parts
            hit.aliases.add(listed + full)
            if t == "Mechanism":
                hit.components = listed.split("、")
        if t == "Campaign" and head in ("专项斗争", "专项行动", "专项整治行动", "专项整治", "攻势", "会战"):
            hit.aliases.add(name)
        hits.append(hit)
        taken.append((ns, he))


# a locative after a head (体系中, 机制内, 格局里), not the start of a word (中心, 中国, 内容, 里程)
_LOCATIVE = re.compile("(?:之中|中|内|里)(?![心国央华期层坚间转介标级部外共医药])")
_LASTING = re.compile("了?为期(?:[0-9]+|[一二三四五六七八九十两半]+)个?(?:月|天|年|周|星期|季度)")
_MECH_AFTER_DRIVE = re.compile("工作机制|运行机制|机制|工作制度|制度|工作体系|模式")
_TIME_KEPT = re.compile("[0-9]{1,3}(?:分钟|小时|个工作日|工作日|天)")
_PLACE_OPENING = re.compile(f"[{CJK}]{{1,6}}?(?:自治县|县|市|区|旗)")


def _place_model(doc: Doc, name: str) -> str | None:
    """The name of a model its county or city is credited with (刚X县移民服务管理 → 移民服务管理),
    or None: the place must be one the gazetteer knows and the rest a name of its own."""
    m = _PLACE_OPENING.match(name)
    if m is None or not doc.ctx.gazetteer.lookup(m.group(0)):
        return None
    rest = name[m.end():]
    if len(rest) < 4 or has_function_word(rest) or is_generic(rest) or _only_verbs(rest):
        return None
    return rest


_NOT_NAMED = ("各", "全体", "相关", "有关", "其他", "这", "那", "此", "一系列", "系列", "所有", "一切", "全部")
_NOUN_NAMED = ("学习教育", "主题教育", "教育整顿")  # heads complete in themselves: only a noun names one


def _nouns_only(name: str) -> bool:
    return all(tag[:1] in ("n", "j") or tag in ("vn", "nz", "b") for _, tag in pos_tags(name))


def _tokens(name: str) -> list[str]:
    return [t for t in lcut(name) if t.strip()]


def _after_lone_prep(name: str) -> str:
    """并对天网 → 天网: the name starts after a preposition standing as a word of its own
    (not the 对 of 对接)."""
    if _LEAD_PREP.isdisjoint(name):
        return name  # no preposition's character: nothing to cut at
    cut = 0
    for a, b in token_spans(name, 0, len(name)):
        if b - a == 1 and name[a] in _LEAD_PREP and len(name) - b >= 2:
            cut = b
    return name[cut:]


def _parallel(name: str) -> bool:
    """联防联控联创, 共建共治共享, 自治法治德治: one character repeated in step."""
    return len(name) == 6 and (name[0] == name[2] == name[4] or name[1] == name[3] == name[5])


# the last characters of a body's name (县委政法委, 县法院, 市公安局, 镇政府, 综治中心)
_BODY_END = re.compile("(?:委|局|院|庭|所|队|办|政府|中心|部门)$")
_BODY_CHAR = re.compile("[委局院庭所队办府心门]")


def _after_subject_verb(name: str) -> str:
    """县委政法委聚焦基层治理(体系) → 基层治理: a body and its verb open a clause, whose object
    is what the head closes (read at a clause boundary, the subject came along)."""
    if not _BODY_CHAR.search(name, 0, len(name) - 2):
        return name  # no body's last character: no subject to cut (most names)
    pos = 0
    tags = pos_tags(name)
    for k, (tok, tag) in enumerate(tags[:-1]):
        pos += len(tok)
        if _BODY_END.search(tok) and tags[k + 1][1] == "v" and len(name) - pos - len(tags[k + 1][0]) >= 2:
            return name[pos + len(tags[k + 1][0]):]
    return name


def _after_clause_verb(name: str) -> bool:
    """Does a verb that keeps or strengthens what is already there end ``name`` (公安局保持)?"""
    return name.endswith(("保持", "巩固", "维持", "持续", "继续", "加大", "加强", "强化"))


def _noun_phrase(name: str) -> bool:
    """No verb before its last word, and not ending in 好 (抓好, 维护好): a name, not a predicate."""
    tags = pos_tags(name)
    return not name.endswith("好") and not any(tag == "v" for _, tag in tags[:-1])


def _only_verbs(name: str) -> bool:
    """保持 (专项行动的态势): a clause's verb, not a name (反诈人民战争, 合成作战平台 are names)."""
    return name in _lead_words() or name in ("保持", "巩固", "维持", "保障", "确保", "持续", "继续")


def _ends_in_adjective(name: str) -> bool:
    tags = pos_tags(name)
    return bool(tags) and tags[-1][1] == "a" and len(tags) > 1


def _opens_with_verb(name: str) -> bool:
    """做强网格: a two-character verb, then its object."""
    tags = pos_tags(name)
    if len(tags) < 2 or tags[0][1] != "v" or tags[0][0] in _name_verbs()[0]:
        return False
    return len(tags[0][0]) == 2 or (len(tags) >= 3 and len(tags[1][0]) == 1)  # 建实 网格: a verb and its result


def _after_lead_verbs(name: str, tags_out: tuple[str, ...] = ("v", "vn")) -> str:
    """The name less the verbs (and, asked, adverbs and idioms) opening it."""
    tags = list(pos_tags(name))
    while len(tags) > 1 and tags[0][1] in tags_out and len(name) - len(tags[0][0]) >= 2:
        name = name[len(tags[0][0]):]
        tags = tags[1:]
    return name


def _name_parts(name: str) -> list[str]:
    """预防、排查、调处 from 矛盾纠纷预防、排查、调处: the first item loses the words the others share."""
    parts = name.split("、")
    rest = {len(p) for p in parts[1:]}
    if len(rest) == 1 and len(parts[0]) > (n := rest.pop()):
        parts[0] = parts[0][-n:]
    return parts


_HEAD_QUOTED_AFTER = re.compile(f"(?:打造|形成|构建|建立|推进|完善)([{CJK}]{{2,14}})$")


def _quoted_heads(text: str, quotes: list[Quote], hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    """A name whose head alone is quoted: 打造共建共治共享社会治理“新格局”."""
    types = _head_index()[0]
    for q in quotes:
        # (head_type(q.content) is the quote whole only where the quote is a head: one look-up)
        if types.get(q.content) != "Mechanism" or _overlaps(q.start, q.end, taken):
            continue
        m = _HEAD_QUOTED_AFTER.search(text[max(0, q.start - 20):q.start])
        if not m:
            continue
        name = m.group(1)
        s = q.start - len(name)
        full = name + q.content
        hits.append(NamedHit("Mechanism", full, s, q.end, {full, text[s:q.end], name + q.content.lstrip("新")}))
        taken.append((s, q.end))


# (each scan pattern opens on the characters its matches start with, written as a character class
# or as words, never behind a lookahead or lookbehind: the engine then skips to those characters
# at once, where a leading assertion is tried at every character, three times slower; so a
# lookbehind comes after the first character, reaching one character further back)
_COUNTED = re.compile("([一二三四五六七八九十两](?<![第一二三四五六七八九十两].)[一二三四五六七八九十两]*)([项大个类条种])([一-龥]{0,2}?)"
                      "(工作制度|工作机制|机制|制度|举措|措施|工作法|体系|平台)")


def _counted(text: str, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    """Unquoted counts of ways of working (A、B、C五项机制; 通过建立三项机制; 三项举措推动…): a
    mechanism named by its count, kept only when the text lists its parts (see components)."""
    for m in _COUNTED.finditer(text):
        s, e = m.span()
        n = cn_int(m.group(1))
        if n is None or n < 2 or _overlaps(s, e, taken):
            continue
        hits.append(NamedHit("Mechanism", m.group(0), s, e, {m.group(0)}, formula_count=n, needs_parts=True))
        taken.append((s, e))


_LISTED = re.compile(f"(?:构建|建立|形成|推行|探索|健全|完善)(?:起|出)?了?((?:[{CJK}]{{3,10}}、){{2,8}}[{CJK}]{{3,16}}?)"
                     "(运行机制|工作机制|机制|工作体系|体系|模式)")


def _listed(text: str, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    """构建A、B、C工作机制: a way of working named by the list of what it does; the items are
    its parts (the last one less the words before the head that the others lack)."""
    for m in _LISTED.finditer(text):
        s, e = m.span(1)[0], m.end()
        items = m.group(1).split("、")
        if len(items) < 3 or _overlaps(s, e, taken) or any(has_function_word(x) for x in items):
            continue
        lengths = {len(x) for x in items[:-1]}
        parts = list(items)
        if len(lengths) == 1 and len(parts[-1]) > (n := lengths.pop()):
            parts[-1] = parts[-1][:n]  # 就近调解纠纷勤务: 就近调解纠纷
        name = m.group(1) + m.group(2)
        hits.append(NamedHit("Mechanism", name, s, e, {name}, components=parts))
        taken.append((s, e))


# 建立A、B、C的协作机制, 推行市镇两级干部包片联企的工作制度, 构建A和B相结合的工作体系: a way of
# working named by the phrase that describes it, joined by 的 to a head with at most a short kind
# word (运行, 闭环) before it; the phrase is a 、-list, a pair joined into one (…相结合, …为一体)
# or a work done by the levels it counts (市镇两级干部包片联企). An opening 以X为Y的 is kept as an alias.
_DESC_ITEM = f"[{CJK}]{{2,10}}"
_DESC_VERB = "构建|建立|形成|推行|实行|探索|健全|完善|打造"  # one or two (构建完善): written out, see _COUNTED
_DESCRIBED = re.compile(
    f"(?:{_DESC_VERB})(?:{_DESC_VERB})?(?:起|出)?了?(以[{CJK}]{{2,10}}为[{CJK}]{{1,4}}的)?"
    f"((?:{_DESC_ITEM}、){{1,5}}{_DESC_ITEM}|{_DESC_ITEM}[和与]{_DESC_ITEM}(?:一体化|相结合|为一体|相衔接|一体)"
    f"|[{CJK}]{{0,4}}[一二三四五六七八九十两]级[{CJK}]{{3,10}})的"
    f"([{CJK}]{{0,4}}?)(运行机制|工作机制|机制|工作体系|体系|工作制度|制度|新模式|模式)(?![{CJK}])")
_DESC_KIND = frozenset({"", "运行", "工作", "闭环", "闭环运行", "长效", "联动", "协作", "治理", "基层治理",
                        "社会治理", "管理", "服务"})


# 建立打击和防范养老诈骗工作机制, 构建X县排查和调处劳资纠纷综合治理体系: two verbs joined by 和 that
# share one object name a way of working (a joining 和 is no boundary here); a county opening it is
# where it works, kept in an alias
_JOINED_VERB = "构建|建立|健全|完善|形成|推行|实行|探索"
_JOINED_VERBS = re.compile(
    f"(?:{_JOINED_VERB})(?:{_JOINED_VERB})?(?:起|出)?了?([{CJK}]{{1,6}}?(?:自治县|县|市|区|旗))?"
    f"((?:[{CJK}]{{2}})??([{CJK}]{{2}})[和与及]([{CJK}]{{2}})[{CJK}]{{2,12}}?)"
    f"(长效机制|工作机制|综合机制|联动机制|机制|综合治理体系|工作体系|体系|工作制度|制度)(?![{CJK}])")


def _joined_verbs(doc: Doc, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    text = doc.text
    for m in _JOINED_VERBS.finditer(text):
        s, e = m.start(2), m.end()
        if _overlaps(m.start(), e, taken):
            continue
        if m.group(1) and not doc.ctx.gazetteer.lookup(m.group(1)):
            continue  # (an opening that is no place the gazetteer knows: no match)
        v1, v2 = pos_tags(m.group(3)), pos_tags(m.group(4))
        if not (len(v1) == len(v2) == 1 and {v1[0][1], v2[0][1]} <= {"v", "vn"}):
            continue  # 市场和质量监管机制, 政府和社会资本合作模式: nouns joined, no shared object
        lead = m.group(2)[:m.start(3) - s]
        if lead and lead not in _generic()["adverb"]:
            continue  # (依法打击和防范…: only an adverb may stand before the first verb)
        obj = m.group(2)[m.end(4) - s:]
        if has_function_word(obj):
            continue
        name = m.group(2) + m.group(5)
        hit = NamedHit("Mechanism", name, s, e, {name})
        if m.group(1):  # the county it works in is part of the mention: no doer of it
            hit.aliases.add(m.group(1) + name)
            hit.start = m.start(1)
        hits.append(hit)
        taken.append((hit.start, e))


@lru_cache(maxsize=1)
def _roles_joined_re() -> re.Pattern:
    """实行乡镇干部和村支部书记包片走访制度: two officials joined by 和, then what they do."""
    roles = "|".join(sorted(_generic()["role"], key=len, reverse=True))
    return re.compile(f"(?:实行|推行|建立|健全|完善|落实|坚持)(?:了)?([{CJK}0-9]{{0,8}}?(?:{roles})[和与及]"
                      f"[{CJK}]{{0,8}}?(?:{roles}))([{CJK}]{{3,10}}?)(工作制度|制度|工作机制|机制)(?![{CJK}])")


_JOINER = re.compile("[和与及]")


def _roles_joined(text: str, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    for m in _roles_joined_re().finditer(text):
        s, e = m.start(1), m.end()
        act = m.group(2)
        if _overlaps(s, e, taken) or has_function_word(act) or any(has_function_word(x) for x in _JOINER.split(m.group(1))):
            continue
        if not any(t in ("v", "vn") for _, t in pos_tags(act)[:2]):
            continue  # (what they do opens on a verb: 下访, 定期接访, 包案)
        name = act + m.group(3)
        hit = NamedHit("Mechanism", name, s, e, {name, m.group(1) + name})
        hits.append(hit)
        taken.append((s, e))


def _a_quality(item: str) -> bool:
    """Does ``item`` end on a state word (权责明确, 运转高效, 横向到边)?"""
    if item.endswith(tuple(_generic().get("quality", ()))):
        return True
    tags = pos_tags(item)
    return len(tags) > 1 and tags[-1][1] in ("a", "ad")


def _described(text: str, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    """Mechanisms named by the phrase that describes them (see _DESCRIBED): the name is the whole
    phrase from the description to the head; a 、-list's items are its parts."""
    for m in _DESCRIBED.finditer(text):
        s, e = m.start(2), m.end()
        desc, kind = m.group(2), m.group(3)
        if kind not in _DESC_KIND or _overlaps(s, e, taken):
            continue
        items = desc.split("、")
        if any(has_function_word(x) for x in items if "、" in desc) or desc.startswith(_NOT_NAMED):
            continue
        if "、" in desc and any(_a_quality(x) for x in items):
            continue  # 权责明确、运转高效的工作机制: how good it is, not what it does
        if _KIND_COUNT.match(text, m.end()):
            continue  # 建立A、B的工作机制3个: a count of a kind
        name = text[s:e]
        hit = NamedHit("Mechanism", name, s, e, {name})
        if m.group(1):
            hit.aliases.add(m.group(1) + name)
        if len(items) >= 3:
            lengths = {len(x) for x in items[:-1]}
            if len(lengths) == 1 and len(items[-1]) > (n := lengths.pop()):
                items[-1] = items[-1][:n]  # 调解、调处、回访一体化: 回访
            hit.components = items
        hits.append(hit)
        taken.append((s, e))


_RESULT_FORMULA = re.compile("[一二三四五六七八九十](?<![一二三四五六七八九十].)[降零升减增保控防治清打]"
                             "(?:[一二三四五六七八九十][降零升减增保控防治清打]){2,}")  # 三降五零六升
_PAIR_FORMULA = re.compile(r"一[一-龥]一(?![个次年度天步点滴心意样])[一-龥]{1,2}(?=[，。、；,）)]|$)")  # 一村一警


_DIGIT_FORMULA_X = re.compile(r"[0-9](?<![0-9.][0-9])[0-9]?(?:\+[0-9]{1,2})*\+[xXＸN](?![0-9A-Za-z])")  # 4+1+X
@lru_cache(maxsize=1)
def _verb_pair_formula() -> re.Pattern:
    """推行三议一创， 打造两城一中心。: a number compound a verb of adopting (the lexicon's mechanism
    triggers) puts to work, unquoted and with no head noun after it (those two ways are typed
    elsewhere); the clause must end right after it."""
    return re.compile(f"(?:{'|'.join(_triggers()['Mechanism'])})(?:了|出|起)?({_PAIR_SHAPE.pattern}?)(?=[，。；、,;）)]|$)")


def _unquoted_formulas(text: str, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    for pattern in (_RESULT_FORMULA, _PAIR_FORMULA):
        for m in pattern.finditer(text):
            s, e = m.span()
            f = m.group(0)
            if not _overlaps(s, e, taken) and is_formula(f):
                hits.append(NamedHit("Mechanism", f, s, e, {f}, formula_count=formula_value(f)))
                taken.append((s, e))
    for m in _verb_pair_formula().finditer(text):
        s, e = m.span(1)
        f = m.group(1)
        if not _overlaps(s, e, taken) and _formula_shape(f) and not has_function_word(f):
            hits.append(NamedHit("Mechanism", f, s, e, {f}, formula_count=_shape_value(f)))
            taken.append((s, e))
    for m in _DIGIT_FORMULA_X.finditer(text) if "+" in text else ():
        s, e = m.span()
        if _overlaps(s, e, taken):
            continue
        f = m.group(0)
        hend = e
        head = _head_after(text, e, 10)
        aliases = {f}
        if head:
            hend = head[1]
            aliases.add(text[s:hend])
        hits.append(NamedHit("Mechanism", f, s, hend, aliases))
        taken.append((s, hend))


_TITLE_DRIVE = re.compile(f"((?:平安|法治|文明|无讼|无毒)[{CJK}]{{1,4}}|[{CJK}]{{2,8}}示范)创建(?!活动|工作|单位|示范)")
_CREATE = re.compile("创建")  # every title drive holds it 3 to 10 characters after its start: only there is the pattern tried


_NONE_DRIVE = re.compile(f"(无[{CJK}]{{1,3}})([（(][{CJK}]{{1,4}}[）)])?建设")
_NONE_UNIT = re.compile("(?:县|市|区|乡|镇|村|社区|村居|学校|校园|单位|企业|小区|家庭)$")


# 以X规范化建设为抓手, 以X示范创建为契机, 把X规范化建设作为…的重要抓手: the lever a report names is a drive
_FRAMED_DRIVE = re.compile(f"以([{CJK}]{{5,16}}?(?:化建设|创建))为(?:抓手|契机|载体|突破口|牵引)")
_FRAMED_DRIVE_BA = re.compile(f"把([{CJK}]{{5,16}}?(?:化建设|创建))作为[^，。；\n]{{0,12}}?(?:抓手|契机|载体|突破口|牵引)")


def _framed_drives(text: str, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    """Drives named as the lever of the work (以派出所标准化建设为抓手, 以文明城市示范创建为契机):
    building a body up to a standard (-化建设) or creating a title (创建), the thing built or
    the title named before it (信息化建设 alone is a kind of work, no drive)."""
    for m in (*finditer_near(_FRAMED_DRIVE, text, _LEVER, 6, 17), *finditer_near(_FRAMED_DRIVE_BA, text, _AS, 6, 17)):
        s, e = m.span(1)
        name = m.group(1)
        if _overlaps(s, e, taken) or has_function_word(name):
            continue
        if _built_to_standard(name) is None:
            continue
        hits.append(NamedHit("Campaign", name, s, e, {name}))
        taken.append((s, e))


def _built_to_standard(name: str) -> str | None:
    """The thing a drive builds up to a standard or the title it creates (司法所 of
    司法所规范化建设, 文明城市示范 of 文明城市示范创建), or None when that is only a kind of work
    (信息化建设, 加强规范化建设)."""
    toks = lcut(name[:-2])
    if name.endswith("化建设"):
        toks = toks[:-1] if toks and toks[-1].endswith("化") else []
    thing = "".join(toks)
    if not toks or is_generic(thing) or _only_verbs(thing):
        return None
    return thing


_LEVER = re.compile("为(?:抓手|契机|载体|突破口|牵引)")
_AS = re.compile("作为")

# a drive written with no drive head after a verb that launches or pushes it: a body built up to a
# standard (推进司法所规范化建设), a crackdown on one trouble (开展电诈重点整治) or a hard push on
# one task (助力脱贫攻坚, not 技术攻坚: a task is done, a field is not) or a struggle (推进常态化禁毒斗争:
# only so, 作斗争 and 展开斗争 being everyday words); the name ends its phrase
_PUSHED_HEAD = re.compile(f"(规范化建设|标准化建设|重点整治|攻坚|斗争)(?:工作)?(?=[^{CJK}]|[和及与等的]|$)")
_OPENING_QUOTES = ("“", "‘", "「", "『")
_SPAN_BEFORE = re.compile("(?:[一二三两0-9]年|百日|[春夏秋冬]季)$")  # how long a push lasts, right before 攻坚
_DEMANDED = re.compile("(?:要|应|应当|需|需要|必须)(?:进一步|全面|大力|切实|着力|持续|深入|不断|继续)?$")


# a drive launched with no drive head: a clean-up or a review of one field (部署开展校园周边秩序整治,
# 启动集镇卫生大整治, 开展网格服务考评), named only after a verb that launches it (the ``launch``
# row of named_frames.txt: 加强X整治 is everyday work) and on a field of four characters or more
_LAUNCHED_HEAD = re.compile(f"(大整治|大提升|大清查|大排查|大走访|大巡查|大宣传|整治|考评)(?:工作)?(?=[^{CJK}]|[和及与等的]|$)")


def _opened_by(text: str, m: re.Match, verbs: tuple[str, ...], reach: int) -> int | None:
    """Where a drive whose head ``m`` (group 1) matched starts: right after the nearest of ``verbs``
    in the ``reach`` characters before the head. None where none stands there, where a requirement
    is only stated (要加强X规范化建设, 要开展X整治) or where a quoted drive follows the head (开展执行
    攻坚“百日会战”, 开展X整治“春风”专项行动: the field of the named drive after it)."""
    hs = m.start(1)
    window = text[max(0, hs - reach):hs]
    k, verb = max(((window.rfind(v) + len(v), v) for v in verbs if v in window), default=(-1, ""))
    if k < 0:
        return None
    s = hs - len(window) + k
    if _DEMANDED.search(text, max(0, s - len(verb) - 8), s - len(verb)) or text.startswith(_OPENING_QUOTES, m.end()):
        return None
    return s


def _pushed_drives(text: str, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    """Drives with no drive head, named by the verb pushing them (see _PUSHED_HEAD) or launching
    them (see _LAUNCHED_HEAD); the verbs are the ``push`` and ``launch`` rows of named_frames.txt,
    the nearest one before the head opens the name."""
    push = _frames().get(("push", "Campaign"), ())
    launch = _frames().get(("launch", "Campaign"), ())
    for m in _launched(text, launch, taken):
        hits.append(m)
        taken.append((m.start, m.end))
    for m in _PUSHED_HEAD.finditer(text):
        hs, he = m.span(1)
        s = _opened_by(text, m, push, 12)
        if s is None:
            continue
        name = text[s:he]
        thing = name[:-(he - hs)]
        if len(thing) < 2 or not _ALL_CJK.fullmatch(name) or has_function_word(thing) or _overlaps(s, he, taken):
            continue  # (the verb and the name share one clause: no mark between them)
        if name.endswith("化建设"):
            built = _built_to_standard(name)
            if built is None or not built.endswith(_AGENCY_END):
                continue  # 推进执法规范化建设, 加强队伍规范化建设: a kind of work, no body's drive
        else:
            tags = pos_tags(thing)
            if is_generic(thing) or thing in _generic().get("manner", ()) or thing in _GENERIC_CORES:
                continue  # 开展专项重点整治, 集中攻坚: how the push is made, not on what
            if name.endswith("攻坚") and tags[-1][1] not in ("v", "vn") and not _SPAN_BEFORE.search(thing):
                continue  # 科技攻坚, 技术攻坚: a field worked on, no drive (禁毒三年攻坚, 春季攻坚: a drive's span)
        core = strip_prefix(name) if name.endswith("斗争") else name  # 常态化禁毒斗争: 禁毒斗争
        hits.append(NamedHit("Campaign", core, s, he, {name, core, text[s:m.end()]}))
        taken.append((s, he))


def _launched(text: str, launch: tuple[str, ...], taken: list[tuple[int, int]]) -> Iterator[NamedHit]:
    """The drives of :data:`_LAUNCHED_HEAD` after a launching verb in their clause."""
    for m in _LAUNCHED_HEAD.finditer(text):
        hs, he = m.span(1)
        s = _opened_by(text, m, launch, 14)
        if s is None:
            continue
        name, thing = text[s:he], text[s:hs]
        short = 2 if m.group(1).startswith("大") else 4
        if (len(thing) < short or not _ALL_CJK.fullmatch(name) or has_function_word(thing) or _overlaps(s, he, taken)
                or thing.endswith(tuple(_generic().get("manner", ()))) or thing in _GENERIC_CORES
                or _only_verbs(thing)):
            continue  # 开展联合整治, 开展专项整治: how it is made, not on what
        yield NamedHit("Campaign", name, s, he, {name, text[s:m.end()]})


def _title_drives(text: str, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    """Drives named by the title they work for: 平安医院创建, 文明城市示范创建 (创建 alone, unquoted,
    is an everyday verb; after such a title it names the drive)."""
    for m in finditer_near(_TITLE_DRIVE, text, _CREATE, 3, 10):
        s, e = m.span()
        title = m.group(1)
        if _overlaps(s, e, taken) or has_function_word(title):
            continue
        name = _after_lead_verbs(strip_leading(title))  # 做到X示范创建: the verb is no part of it
        s = e - len("创建") - len(name)
        hits.append(NamedHit("Campaign", name + "创建", s, e, {name + "创建", name}))
        taken.append((s, e))
    for m in _NONE_DRIVE.finditer(text):  # 推进无访村（社区）建设: the drive for a 无X title
        s, e = m.span()
        if _overlaps(s, e, taken) or not _NONE_UNIT.search(m.group(1)):
            continue
        title = m.group(1) + (m.group(2) or "")
        hits.append(NamedHit("Campaign", title + "建设", s, e, {title + "建设", title, m.group(1)}))
        taken.append((s, e))


_DRIVE_WORDS = ("平安", "法治")  # neither overlaps itself or the other: every place either is written (by
# str.find, several times faster at two words than a pattern of them, which finditer tries at each 平 and 法)


def _place_drive_spans(text: str, names: set[str]) -> Iterator[tuple[int, int, str]]:
    """Where 平安/法治 + one of ``names`` (+建设) is written, as ``re.finditer`` would find
    ``(平安|法治)(name|…)(建设)?`` with the longest name first: (start, end, 平安X). Found by
    the two words, not a pattern of each report's names (compiling one costs more than reading)."""
    ordered = sorted(names, key=len, reverse=True)
    pos = 0  # no match starts before the end of the last
    for s in sorted(i for at in find_all(text, _DRIVE_WORDS).values() for i in at):
        if s < pos:
            continue
        name = next((n for n in ordered if text.startswith(n, s + 2)), None)
        if name is None:
            continue
        e = s + 2 + len(name)
        core = text[s:e]
        if text.startswith("建设", e):
            e += 2
        yield s, e, core
        pos = e


def _place_drives(doc: Doc, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    """平安X / 法治X (+建设) with X the report's place: a county-wide drive."""
    ctx = doc.ctx
    names = set()
    for p in (ctx.county, ctx.prefecture, ctx.province):
        if p is not None:
            names |= {p.name, short_name(p.name, p.level)}
    if not names:
        return
    for s, e, core in _place_drive_spans(doc.text, names):
        if _overlaps(s, e, taken):
            continue
        hits.append(NamedHit("Campaign", core, s, e, {core, doc.text[s:e], core + "建设"}))
        taken.append((s, e))
