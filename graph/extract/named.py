"""Campaigns, programs, mechanisms, documents: named things typed by their head noun.

Rules, in order (an earlier rule's span is not read again by a later one):

1. quoted names: “X” + optional modifier + head noun (“六位一体”巡防机制, “雪亮工程”建设),
   quote lists sharing a head (“冬春攻势”“夏秋攻势”等专项行动), a quote whose own ending
   is a head (“百日会战”), a quoted number formula (“一村一辅警”, “5544”);
2. a quoted list followed by a number formula names the formula and lists its parts
   (“改革创新、科技运用、队伍建设”三大举措);
3. 《X》: a document, unless a head after it says column (栏目) or activity (活动);
4. unquoted names after a trigger verb, a clause boundary, 的 or 及 (深入推进三年禁毒行动,
   建立案件督办机制, …的人民调解组织体系);
5. unquoted number formulas (一室一警, 4+x) and 平安/法治 + place drives (平安雁峰).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import load_set, load_table
from .doc import CJK, Doc, Quote, finditer_near
from .numbers import formula_value, is_formula

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


@lru_cache(maxsize=1)
def _heads() -> tuple[tuple[str, str], ...]:
    rows = [(r[0], r[1]) for r in load_table("named_heads.txt") if len(r) >= 2]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def _head_re() -> re.Pattern:
    return re.compile("|".join(re.escape(h) for h, _ in _heads()))


def head_type(text: str) -> tuple[str, str] | None:
    """(head, type) if ``text`` starts with a head noun."""
    for h, t in _heads():
        if text.startswith(h):
            return h, t
    return None


def ending_type(text: str) -> tuple[str, str] | None:
    """(head, type) if ``text`` ends with a head noun and has a core before it."""
    for h, t in _heads():
        if text.endswith(h) and len(text) > len(h):
            core = text[: -len(h)]
            if core not in _GENERIC_CORES and len(core) >= 2:
                return h, t
    return None


@lru_cache(maxsize=1)
def _prefix_strip() -> tuple[str, ...]:
    return tuple(sorted(load_set("name_prefix_strip.txt"), key=len, reverse=True))


def strip_prefix(name: str) -> str:
    for p in _prefix_strip():
        if name.startswith(p) and len(name) - len(p) >= 4:
            return name[len(p):]
    return name


_NUMERAL_FORMULA = re.compile(
    r"^(?:[一二三四五六七八九十两]+(?:位一体|个[一-龥]{1,2}|大[一-龥]{1,2}|项[一-龥]{1,2}|网融合|级[一-龥]{1,2})"
    r"|一[一-龥]{1,2}[一二三四五六七八九十][一-龥]{1,2}(?:[一二三四五六七八九十][一-龥]{1,3})*)")


def _formula_after(text: str, pos: int) -> str | None:
    """A number formula starting at ``pos`` (三大举措, 五个协作, 一室三队), if any."""
    m = _NUMERAL_FORMULA.match(text[pos:pos + 10])
    if m and m.group(0).endswith(("、", "，")):
        return None
    if not m:
        return None
    f = m.group(0)
    return f if is_formula(f, strict=False) else None


def find_named(doc: Doc, taken: list[tuple[int, int]]) -> list[NamedHit]:
    text = doc.text
    hits: list[NamedHit] = []
    quotes = doc.quotes
    _documents(text, hits, taken)
    _quoted(text, quotes, hits, taken)
    _quoted_heads(text, quotes, hits, taken)
    _unquoted(doc, hits, taken)
    _unquoted_formulas(text, hits, taken)
    _place_drives(doc, hits, taken)
    hits.sort(key=lambda h: (h.start, h.end))
    return hits


def has_function_word(text: str) -> bool:
    """Does ``text`` contain a function word as a token (等 in 等级 is not one)?"""
    from ..segment import lcut

    return any(len(tok) == 1 and tok in _FUNCTION for tok in lcut(text))


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in spans)


def _quote_list(text: str, quotes: list[Quote], i: int) -> list[int]:
    """Indices of quotes forming a list with quote ``i`` (adjacent, or joined by 、 or 和,
    an item may carry up to 4 characters after its quote: “626”禁毒)."""
    group = [i]
    j = i
    while j + 1 < len(quotes):
        gap = text[quotes[j].end:quotes[j + 1].start]
        if gap in ("", "、", "，", "和", "及", "与") or (
                len(gap) <= 5 and re.fullmatch(f"[{CJK}]{{0,4}}[、和]?", gap) and gap.endswith(("、", "和"))) or (
                gap.startswith(("、", "和")) and len(gap) <= 4 and re.fullmatch(f"[、和][{CJK}]{{1,2}}", gap)):
            group.append(j + 1)
            j += 1
        else:
            break
    return group


def _head_after(text: str, pos: int, max_mod: int = 14) -> tuple[int, int, str, str] | None:
    """Find the head noun of the phrase after ``pos``: optional 等/的, a modifier with no
    function word, then a head; the last such head wins (…的平安创建工作格局 → 工作格局).
    Returns (start, head end, head, type)."""
    window = text[pos:pos + max_mod + 6]
    m = re.match(f"(?:等)?(?:的)?([{CJK}0-9+]{{0,{max_mod + 4}}})", window)
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
        mod = run[lead:hm.start()]
        if has_function_word(mod.replace("的", "")) or hm.start() - lead > max_mod:
            break
        best = (pos, pos + hm.start() + len(h), h, t)
    return best


def _quoted(text: str, quotes: list[Quote], hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    used: set[int] = set()
    for i, q in enumerate(quotes):
        if i in used or _overlaps(q.start, q.end, taken):
            continue
        content = q.content.strip()
        if not content or "。" in content or len(content) > 30:
            continue
        group = _quote_list(text, quotes, i)
        last = quotes[group[-1]]
        # a quoted list followed by a number formula: “A、B、C”三大举措
        formula = _formula_after(text, last.end)
        if formula and len(group) == 1 and "、" in content:
            fend = last.end + len(formula)
            head = _head_after(text, fend, 6)
            hend = head[1] if head and head[0] == fend else fend
            parts = [p for p in re.split("[、，]", content) if p]
            count = formula_value(formula)
            hit = NamedHit("Mechanism", formula, q.start, hend, {formula, text[q.start:hend]},
                           formula_count=count, core_span=(last.end, fend))
            if count == len(parts):
                hit.components = parts
            hits.append(hit)
            taken.append((q.start, hend))
            used.add(i)
            continue
        head = None
        # gap text after the last quote (“626”禁毒 …) then 等 + head
        tail_start = last.end
        gm = re.match(f"[{CJK}]{{0,4}}?(?=等)", text[tail_start:tail_start + 5])
        if len(group) > 1 or gm:
            probe = tail_start + (gm.end() if gm else 0)
            head = _head_after(text, probe, 8)
        if head is None:
            head = _head_after(text, last.end)
        if len(group) > 1 and head is None:
            group = [i]
        for k in group:
            used.add(k)
            qk = quotes[k]
            ck = qk.content.strip()
            if not ck or len(ck) > 30:
                continue
            own = ending_type(ck) if not set(ck) & set("是了吗呢吧啊") else None
            if head is not None and (len(group) > 1 or k == group[-1]):
                _, hend, h, t = head
                if t == "-":
                    continue
                # the quote's own ending types it when the head after is weaker (“X工程”建设), but
                # never a formula (“一中心四平台”模式) nor a one-character ending (“打伞破网”行动)
                if own and own[1] != t and own[1] != "Campaign" and len(own[0]) > 1 and not is_formula(ck):
                    t = own[1]
                end = hend if k == group[-1] else qk.end
                if len(group) == 1:
                    full = text[qk.start:hend]
                    aliases = {ck, full, ck + text[qk.end:hend].lstrip("的")}
                else:
                    aliases = {ck}
                    # “626”禁毒: the words stuck to the quote belong to the item
                    nxt = quotes[k + 1].start if k + 1 < len(quotes) and k != group[-1] else None
                    stuck = text[qk.end:nxt] if nxt else ""
                    stuck = stuck.rstrip("、和，")
                    if stuck and len(stuck) <= 4 and re.fullmatch(f"[{CJK}]+", stuck):
                        aliases.add(ck + stuck)
                    aliases.add(ck + h)
                name = ck
                items = [x for x in ck.split("、") if x]
                if t == "Mechanism" and len(group) == 1 and len(items) >= 3 and all(len(x) <= 8 for x in items):
                    hit = NamedHit(t, name, qk.start, end, aliases, components=items, core_span=(qk.start + 1, qk.end - 1))
                elif t == "Mechanism" and (is_formula(ck) or re.fullmatch("[0-9]{2,6}", ck)):
                    hit = NamedHit(t, name, qk.start, end, aliases, formula_count=formula_value(ck), core_span=(qk.start + 1, qk.end - 1))
                else:
                    hit = NamedHit(t, name, qk.start, end, aliases, core_span=(qk.start + 1, qk.end - 1))
                hits.append(hit)
                taken.append((qk.start, end))
                continue
            # no head after: the quote's own ending, or its shape
            if own:
                t = own[1]
                if t == "-":
                    continue
                name = ck
                hits.append(NamedHit(t, name, qk.start, qk.end, {ck}, core_span=(qk.start + 1, qk.end - 1)))
                taken.append((qk.start, qk.end))
                continue
            if is_formula(ck):
                hits.append(NamedHit("Mechanism", ck, qk.start, qk.end, {ck}, formula_count=formula_value(ck),
                                     core_span=(qk.start + 1, qk.end - 1)))
                taken.append((qk.start, qk.end))
                continue
            # a quote that is the object of a campaign verb: 开展“大练兵”; of a mechanism verb: 推出“共享法庭”
            before = text[max(0, qk.start - 4):qk.start]
            if re.search("(推行|推出|探索|首创|创新推出)了?$", before) and 2 <= len(ck) <= 10 and "、" not in ck:
                hits.append(NamedHit("Mechanism", ck, qk.start, qk.end, {ck}, core_span=(qk.start + 1, qk.end - 1)))
                taken.append((qk.start, qk.end))
                continue
            if re.search("(开展|举行|举办|发起)了?$", before) and 2 <= len(ck) <= 10 and "、" not in ck:
                hits.append(NamedHit("Campaign", ck, qk.start, qk.end, {ck}, core_span=(qk.start + 1, qk.end - 1)))
                taken.append((qk.start, qk.end))


def _documents(text: str, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    last_doc: dict[str, NamedHit] = {}
    for m in re.finditer(r"《([^《》\n]{1,60})》", text):
        s, e = m.span()
        if _overlaps(s, e, [(a, b) for a, b in taken if not (s <= a and b <= e)]):
            continue
        name = m.group(1).strip()
        after_any = re.match(f"[{CJK}]{{0,6}}?(栏目|专栏|节目|杂志|报道|活动|竞赛|比赛)", text[e:e + 12])
        if after_any and after_any.group(1) in ("栏目", "专栏", "节目", "杂志", "报道"):
            continue
        if after_any and after_any.group(1) in ("活动", "竞赛", "比赛"):
            end = e + after_any.end()
            hits.append(NamedHit("Campaign", name, s, end, {name, text[s:end]}, core_span=(s + 1, e - 1)))
            taken.append((s, end))
            continue
        # 《决定》 after 《关于…的决定》 is the same document
        short = next((d for k, d in last_doc.items() if k != name and k.endswith(name) and len(name) <= 4), None)
        if short is not None:
            hits.append(NamedHit("Document", short.name, s, e, {name}, core_span=(s + 1, e - 1)))
            taken.append((s, e))
            continue
        hit = NamedHit("Document", name, s, e, {name}, core_span=(s + 1, e - 1))
        hits.append(hit)
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
    """The pattern of an unquoted name, a lookahead for its heads, and how far before its head
    a match can start (for :func:`finditer_near`)."""
    verbs = sorted({v for t in ("Campaign", "Program", "Mechanism") for v in _triggers()[t]}, key=len, reverse=True)
    heads = [h for h, t in _heads() if t in ("Campaign", "Program", "Mechanism")]
    head_alt = "|".join(re.escape(h) for h in heads)
    left = "(?:" + "|".join(re.escape(v) for v in verbs) + ")了?|[，。；：、（\n]|的|及|^"
    pattern = re.compile(f"(?:{left})(?P<name>[{CJK}、]{{2,16}}?)(?P<head>{head_alt})")
    return pattern, re.compile(f"(?={head_alt})"), len(verbs[0]) + 1 + 16


# heads that make a name only right after a trigger verb (开展…行动, 建立…机制); the
# others may follow a clause boundary too (，网格化服务管理平台)
_STRONG_HEADS = {"专项斗争", "专项行动", "专项整治行动", "专项整治", "专项治理", "攻势", "会战", "攻坚战", "工程", "平台",
                 "提质扩容工程", "培养工程", "体系", "工作体系", "综合防控体系", "宣传月", "宣传周"}
_NEVER_UNQUOTED = {"宣传", "创建", "网", "计划", "项目", "任务", "举措", "原则", "战略", "理念", "思路", "发展思路",
                   "经验", "办法", "竞赛", "大练兵", "大走访", "大排查", "品牌创建", "品牌建设"}
_VERB_ONLY = {"格局", "新格局", "工作格局"}  # 打造…新格局: only right after a verb


@lru_cache(maxsize=1)
def _name_verbs() -> tuple[frozenset[str], tuple[str, ...]]:
    """The trigger verbs of campaigns, programs and mechanisms; those of two characters or more."""
    verbs = frozenset(v for t in ("Campaign", "Program", "Mechanism") for v in _triggers()[t])
    return verbs, tuple(v for v in verbs if len(v) >= 2)


def _after_last_verb(name: str) -> int:
    """Offset in ``name`` just after its last trigger verb token (0 if none)."""
    from ..segment import token_spans

    verbs, long_verbs = _name_verbs()
    cut = 0
    spans = token_spans(name, 0, len(name))
    for k, (a, b) in enumerate(spans):
        tok = name[a:b]
        # a verb token, or a verb written as two tokens (创新性 推行)
        if (tok in verbs or tok.endswith(long_verbs)) and b < len(name):
            cut = b  # 研究部署 ends with a trigger verb
        elif k + 1 < len(spans) and name[a:spans[k + 1][1]] in verbs and spans[k + 1][1] < len(name):
            cut = spans[k + 1][1]
    return cut


def _unquoted(doc: Doc, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    text = doc.text
    pattern, heads, reach = _unquoted_re()
    for m in finditer_near(pattern, text, heads, 2, reach):
        ns, he = m.start("name"), m.end("head")
        name, head = m.group("name"), m.group("head")
        t = head_type(head)[1]
        inner = [(a, b) for a, b in taken if ns <= a and b < he]
        if head in _NEVER_UNQUOTED or _overlaps(ns, he, [x for x in taken if x not in inner]):
            continue
        left = text[m.start():ns]
        after_verb = bool(left) and left not in "，。；：、（\n的及"
        # the name runs from the last boundary inside it
        for sep in ("的", "及"):
            k = name.rfind(sep)
            if k >= 0:
                name = name[k + 1:]
                after_verb = False
        cut = _after_last_verb(name)
        if cut:
            name = name[cut:]
            after_verb = True
        name = name.lstrip("了、")
        ns = he - len(head) - len(name)
        if not after_verb and head not in _STRONG_HEADS or (head in _VERB_ONLY and not after_verb):
            continue
        if len(name) < (2 if after_verb else 3) or has_function_word(name):
            continue
        if t == "Program" and not after_verb and left == "的":
            continue
        if "、" in name:
            parts = name.split("、")
            if not (len(parts[0]) <= 4 or all(len(p) <= 4 for p in parts[1:])) or any(len(p) < 2 for p in parts):
                continue
        if t == "Program" and head == "系统" and len(name) < 4:
            continue
        if name in _GENERIC_CORES or re.fullmatch("[一二三四五六七八九十两]+[项个大类条]", name):
            continue
        if name.startswith(("各", "全体", "相关", "有关", "其他", "这", "一系列", "系列")):
            continue
        if re.fullmatch("[一二三四五六七八九十两]+[种个项批支道条]", name):
            continue
        if t == "Campaign" and "、" in name:
            name = name.rsplit("、", 1)[1]  # 扫黑除恶、三级巡防、打盗抢专项斗争: the head is the last item's
            ns = he - len(head) - len(name)
        full = name + head
        core = strip_prefix(full)
        hit = NamedHit(t, core, ns, he, {full, core})
        if t == "Campaign" and head in ("专项斗争", "专项行动", "专项整治行动", "专项整治", "攻势", "会战"):
            hit.aliases.add(name)
        hits.append(hit)
        taken.append((ns, he))


def _quoted_heads(text: str, quotes: list[Quote], hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    """A name whose head alone is quoted: 打造共建共治共享社会治理“新格局”."""
    for q in quotes:
        ht = head_type(q.content)
        if ht is None or ht[0] != q.content or ht[1] != "Mechanism" or _overlaps(q.start, q.end, taken):
            continue
        m = re.search(f"(?:打造|形成|构建|建立|推进|完善)([{CJK}]{{2,14}})$", text[max(0, q.start - 20):q.start])
        if not m:
            continue
        name = m.group(1)
        s = q.start - len(name)
        full = name + q.content
        hits.append(NamedHit("Mechanism", full, s, q.end, {full, text[s:q.end], name + q.content.lstrip("新")}))
        taken.append((s, q.end))


_RESULT_FORMULA = re.compile("(?<![一二三四五六七八九十])(?:[一二三四五六七八九十][降零升减增保控防治清打]){3,}")  # 三降五零六升
_PAIR_FORMULA = re.compile(r"一[一-龥]一(?![个次年度天步点滴心意样])[一-龥]{1,2}(?=[，。、；,）)]|$)")  # 一村一警


def _unquoted_formulas(text: str, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    for pattern in (_RESULT_FORMULA, _PAIR_FORMULA):
        for m in pattern.finditer(text):
            s, e = m.span()
            f = m.group(0)
            if not _overlaps(s, e, taken) and is_formula(f):
                hits.append(NamedHit("Mechanism", f, s, e, {f}, formula_count=formula_value(f)))
                taken.append((s, e))
    for m in re.finditer(r"(?<![0-9.])[0-9]{1,2}(?:\+[0-9]{1,2})*\+[xXＸN](?![0-9A-Za-z])", text):
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


def _place_drives(doc: Doc, hits: list[NamedHit], taken: list[tuple[int, int]]) -> None:
    """平安X / 法治X (+建设) with X the report's place: a county-wide drive."""
    from ..gazetteer import short_name

    ctx = doc.ctx
    names = set()
    for p in (ctx.county, ctx.prefecture, ctx.province):
        if p is not None:
            names |= {p.name, short_name(p.name, p.level)}
    if not names:
        return
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    for m in re.finditer(f"(平安|法治)({alt})(建设)?", doc.text):
        s, e = m.span()
        if _overlaps(s, e, taken):
            continue
        core = m.group(1) + m.group(2)
        hits.append(NamedHit("Campaign", core, s, e, {core, m.group(0), core + "建设"}))
        taken.append((s, e))
