"""Honors: titles and awards, and who received them.

A report names an honor
- after an award verb (被评为 / 荣获 / 获评 / 被授予 / 被命名为 / 创成 / 夺得 / 荣立 / 列入 /
  被确定为 …): one title or a list of them (获评A、B、C等称号; 命名为“A”和首批“B”), quoted or not;
- as a quoted title that modifies its holder (全国“星级司法所”Y司法所, “X”——Y);
- as a title counted among people (涌现出2名全国优秀法官、1名“全国三八红旗手”);
- as a title striven for (创建“X式派出所”活动): an honor nobody received yet;
- as a ranking (“…百佳县市”出炉，X荣登榜位), or as items chosen by 评选.

An unquoted title must look like one: a quality (先进, 优秀, 示范, 最美 …) and the kind of holder
or award it ends with (单位, 集体, 派出所, 民警, 三等功 …), from ``honor_words.txt``. A level
written unquoted before a title is part of its name (全省先进单位); before a quoted one it is
an alias (全国“文明接待室”: 文明接待室); a batch (首批) and a year (2023年度) never are.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import load_table
from .doc import CJK, Doc

# verbs that give a title; the first group also takes a quoted name of any shape
_STRONG = "被评为|被评选为|评为|获评为|获评|荣获|荣膺|被授予|授予|被命名为|命名为|被表彰为|表彰为|夺得|摘得|捧得|荣登|荣立|荣记|创成|当选为|当选"
# these also name plans, years and lists (列为“头号任务”, 确定为“建设年”): the title must look like one
_WEAK = "成功创建|创建成为|被确定为|确定为|被列为|列为|被列入|列入|入选为|入选|跻身|获得了|获得|获(?![奖悉取批准得])|保持了|保持"
_STRIVE = "争创|创建|争当|争做"  # a title striven for: nobody holds it yet
# (记 gives a merit only: 被公安部记集体一等功一次)
_TRIGGER = re.compile(f"({_STRONG}|{_WEAK}|{_STRIVE}|记(?=(?:个人|集体)?[一二三]等功))")
_STRONG_SET = frozenset(_STRONG.split("|"))
_STRIVE_SET = frozenset(_STRIVE.split("|"))
_SUFFIX = re.compile("(?:等)?(?:荣誉称号|称号|荣誉)")
_YEAR = re.compile("(?:(?:19|20)[0-9]{2}年度?|连续[0-9一二三四五六七八九十两]+年|[0-9]{4}年(?:、[0-9]{4}年)*)")


@dataclass
class HonorHit:
    name: str
    start: int
    end: int
    aliases: set[str]
    trigger_start: int
    awardee_end: int | None = None  # where the award verb is (None: the text names no award)
    holder: tuple[int, int] | None = None  # the holder a modifying title is written right before
    awarded: bool = True  # False for a title striven for or only counted


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for row in load_table("honor_words.txt"):
        if len(row) >= 2:
            out[row[0]] = tuple(sorted(row[1].split(), key=len, reverse=True))
    return out


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    w = _words()
    alt = lambda *classes: "|".join(sorted({x for c in classes for x in w.get(c, ())}, key=len, reverse=True))
    head = re.compile(f"(?:{alt('unit', 'person', 'award')})$")
    quality = re.compile(f"(?:{alt('quality', 'award')}|[{CJK}]式)")
    level = re.compile(f"(?:{alt('level')})")
    batch = re.compile(f"(?:{alt('batch')})")
    person = re.compile(f"(?:{alt('person')})$")
    return head, quality, level, batch, person


@lru_cache(maxsize=1)
def _ending_words() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The words of :func:`_patterns`' ``head`` and ``person`` (which end a title), for
    :func:`_ends_in`: a name's ending is compared with them, not searched for at each character;
    each by its last character (a name is compared only with the words that end as it does)."""
    w = _words()
    heads = {x for c in ("unit", "person", "award") for x in w.get(c, ())}
    return _by_last(heads), _by_last(w.get("person", ()))


def _by_last(words) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for x in words:
        out.setdefault(x[-1], []).append(x)
    return {c: tuple(v) for c, v in out.items()}


def _ends_in(text: str, words: dict[str, tuple[str, ...]]) -> bool:
    """``re.search("(?:" + "|".join(words) + ")$", text)`` for plain words (by their last
    character: :func:`_by_last`): ``$`` also stands before a line break ending the text."""
    return text.endswith(words.get(text[-1:], ())) or (
        text.endswith("\n") and text[:-1].endswith(words.get(text[-2:-1], ())))


@lru_cache(maxsize=1)
def _lead_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A level and batch opening a title; a level, and a batch, ending the words before one."""
    _, _, level, batch, _ = _patterns()
    return (re.compile(f"(?:{level.pattern})?(?:{batch.pattern})"), re.compile(f"(?:{level.pattern})$"),
            re.compile(f"(?:{batch.pattern})$"))


_NOT_IN_TITLE = re.compile("[0-9，。；：、]")
_QUALIFIER = re.compile(f"[{CJK}]{{2,6}}(?=[“「])")
_RUN_2_10 = re.compile(f"[{CJK}]{{2,10}}")
_RUN_2_26 = re.compile(f"(?:[{CJK}]|（[{CJK}]{{1,8}}）){{2,26}}")  # (…建设（综治工作）先进集体: a bracketed part)
_RUN_4_16 = re.compile(f"[{CJK}]{{4,16}}")
# (tried only where a run of numerals starts, the lookbehind after its first character: a match
# needs the run's end, so a try inside the run would fail as the one at its start did)
_PEOPLE_COUNT = re.compile(f"[0-9一二三四五六七八九十两百](?<![0-9一二三四五六七八九十两百].)[0-9一二三四五六七八九十两百]*"
                           f"(?:名|位|人)(?=[“{CJK}])")
# the patterns the rules use, compiled once (re's own cache of 512 is overrun in a build)
_TITLE_WORD = re.compile("(?:荣誉称号|称号)$")
_TITLE_ENDS = re.compile("(?:等|荣誉|称号|后|之后|以来|的|和|及|并|，|[一二三四五六七八九十两]+次)")
_AND = re.compile("和|及|与")
_ALTERNATIVE = re.compile(f"（[{CJK}]{{1,4}}）(?=$|{_TITLE_ENDS.pattern})")
_LIST_GOES_ON = re.compile("(?:、|和|及|与|以及)")
_MERIT_AWARDED = re.compile("(?:个人|集体)?[一二三]等功(?![一-龥]{0,4}[0-9一二三四五六七八九十两]+[名人个])")
_MERIT_HOLDER = re.compile("^(?:个人|集体)")
_DASH = re.compile("——|—")
_WORK_AFTER = re.compile("创建|活动|行动|工作|建设")
_HONOR_WORD = re.compile("荣誉|称号")
_RANKED = re.compile("[一二三]级|英模|楷模")
_YEAR_OPENING = re.compile(r"^\d{4}年?")
_LISTED_IN = re.compile("(荣登|入选|上榜|获评)")
_LEVEL_END = re.compile("(?:省|市|县|区|自治区|自治州)$")
_ONE_CJK = re.compile(f"[{CJK}]")
_BY_CLAUSE = re.compile("被[^，。；被]{1,14}$")
_COUNT_BEFORE = re.compile(f"[0-9一二三四五六七八九十两百]+(?:个|名|家|位|所|人)[{CJK}]{{0,6}}$")
_SHORT_GAP = re.compile("[^，。；、“”]{0,6}")
_QUOTED_RANKING = re.compile("“([^”]{4,30}(?:百佳|百强|十佳|最佳|先进|示范)[^”]{0,8})”")
_SELECTION = re.compile("评选")


def is_title(name: str, *, quoted: bool = False) -> bool:
    """Does ``name`` read as a title: the kind of holder or award it ends with, and a
    quality or level that makes it one (全省先进单位, 最美派出所, 个人三等功)?"""
    _, quality, level, _, _ = _patterns()
    if not (2 <= len(name) <= 24) or not _ends_in(name, _ending_words()[0]):
        return False
    if _NOT_IN_TITLE.search(name):
        return False
    return bool(quality.search(name) or (quoted and level.match(name)))


def _core_name(name: str) -> str:
    """A quoted title less a batch and the level before it (全国首批X式派出所: X式派出所)."""
    m = _lead_patterns()[0].match(name)
    return name[m.end():] if m and len(name) - m.end() >= 3 else name


def _title_at(text: str, p: int, *, strong: bool, held_at: frozenset[int] | set[int] = frozenset()
              ) -> tuple[int, int, str, set[str], int] | None:
    """The title written at ``p`` after an award verb: (start, end, name, aliases, resume),
    ``resume`` being where a list of titles would go on; ``held_at``: where bodies, places and
    persons start (a title modifying one ends before it)."""
    _, _, level, batch, _ = _patterns()
    q = p
    ym = _YEAR.match(text, q)
    if ym:
        q = ym.end()
    lm = level.match(text, q)
    bm = batch.match(text, lm.end() if lm else q)
    lead_end = bm.end() if bm else (lm.end() if lm else q)
    qual = _QUALIFIER.match(text[lead_end:lead_end + 7])
    if qual and not _TRIGGER.search(qual.group(0)):  # 全国检察机关“文明接待室”: who ranks it, then the title
        lead_end += qual.end()
    if lead_end < len(text) and text[lead_end] in "“「":  # (an award verb may end the text)
        close = text.find("”" if text[lead_end] == "“" else "」", lead_end + 1, lead_end + 30)
        if close < 0:
            return None
        core = text[lead_end + 1:close].strip()
        end = close + 1
        # “星级派出所”达标示范单位: the title goes on after the quote
        tm = _RUN_2_10.match(text[end:end + 10])
        if tm and is_title(tm.group(0)) and not _SUFFIX.fullmatch(tm.group(0)):
            core += tm.group(0)
            end += len(tm.group(0))
        if not core or len(core) > 26 or not (strong or is_title(core, quoted=True)):
            return None
        name = _core_name(_TITLE_WORD.sub("", core) or core)
        aliases = {name, core, text[q:end]}
        if lm:
            aliases.add(lm.group(0) + name)
        sm = _SUFFIX.match(text, end)
        resume = sm.end() if sm else end
        return q, end, name, aliases, resume
    # unquoted: the longest run that ends as a title does, up to a list mark or the clause end
    run = _RUN_2_26.match(text[q:q + 26])
    if not run:
        return None
    run_text = run.group(0)
    j = run_text.find("的")
    while j > 0:
        if q + j + 1 in held_at and is_title(run_text[:j]):
            run_text = run_text[:j + 1]  # 被评为全国先进集体的X司法所: the title ends before its holder
            break
        j = run_text.find("的", j + 1)
    best = None
    for k in range(len(run_text), 1, -1):
        cand = run_text[:k]
        rest = run_text[k:]
        if rest and (alt := _ALTERNATIVE.match(rest)) and is_title(cand):
            best = cand + alt.group(0)  # 全国民主法治示范村（社区）: the title's other holders in brackets
            break
        if (not rest or _TITLE_ENDS.match(rest)) and is_title(cand):
            best = cand
            break
    if best is None:
        return None
    for jm in _AND.finditer(best):
        # 全国法院先进集体和全省优秀法院: two titles, not one
        if is_title(best[:jm.start()]) and is_title(best[jm.end():]):
            best = best[:jm.start()]
            break
    name = best
    if bm and name.startswith(bm.group(0)):
        name = name[len(bm.group(0)):]
    aliases = {name, text[p:q + len(best)]}
    if ym:
        aliases.add(text[q:q + len(best)])
    end = q + len(best)
    if best.endswith("奖") and text.startswith("“", end) and 0 < (close := text.find("”", end + 1, end + 16)) - end - 1 <= 12:
        # 平安建设最高奖“X杯”: the award described, then its own name
        aliases |= {text[end + 1:close], text[q:close + 1]}
        name, end = text[end + 1:close], close + 1
    sm = _SUFFIX.match(text, end)
    resume = sm.end() if sm else end
    return q, end, name, aliases, resume


def find_honors(doc: Doc, taken: list[tuple[int, int]], holders: list[int] = ()) -> list[HonorHit]:
    """Honors of ``doc``; ``taken`` are spans other entities hold (an unquoted title inside
    one is theirs); ``holders`` the sorted starts of the bodies, places and persons that may
    hold a title written right before them."""
    text = doc.text
    out: list[HonorHit] = []
    taken = sorted(taken)
    t_starts = [a for a, _ in taken]

    def inside_taken(pos: int) -> bool:
        i = bisect.bisect_right(t_starts, pos) - 1
        return any(a <= pos < b for a, b in taken[max(0, i - 4):i + 1])

    seen: set[int] = set()
    held_at = set(holders)
    prev: HonorHit | None = None  # the last title an award verb named
    for m in _TRIGGER.finditer(text):
        verb = m.group(1)
        strong = verb in _STRONG_SET
        strive = verb in _STRIVE_SET
        p = m.end()
        nxt = _TRIGGER.match(text, p)  # 授予评为: the second verb is the one that names it
        if nxt:
            p = nxt.end()
        first = True
        # 被A授予“X”、被B评为“Y”: the award clause goes on from the title before it, to the same holder
        at = m.start()
        if prev is not None and _NEXT_AWARD.fullmatch(text, prev.end, at) and ("被" in text[prev.end:at] or verb[0] == "被"):
            at = prev.trigger_start
        while verb != "记":  # (记 a merit only: 记三等功民警2名 counts people)
            got = _title_at(text, p, strong=strong and not strive, held_at=held_at)
            if got is None:
                break
            s, e, name, aliases, resume = got
            if not _claim(text, s, e, seen, inside_taken):
                break
            if _MERIT.fullmatch(name):
                aliases.add(name[2:])  # 个人二等功: 二等功
            prev = HonorHit(name, s, e, aliases, at, at, awarded=not strive)
            out.append(prev)
            first = False
            lm = _LIST_GOES_ON.match(text[resume:resume + 2])
            if lm:
                p = resume + lm.end()
            elif text[resume:resume + 1] in "“「" and text[resume - 1:resume] in "”」":
                p = resume  # “A”“B”等称号: quoted titles side by side
            else:
                break
        if first and verb in ("荣立", "荣记", "记"):
            # 荣立个人二等功一次: a merit of a rank
            mm = _MERIT_AWARDED.match(text[p:p + 12])
            if mm:
                name = mm.group(0)
                out.append(HonorHit(name, p, p + len(name), {name, _MERIT_HOLDER.sub("", name)},
                                    m.start(), m.start()))
    _praised_as(text, out, seen, inside_taken)
    _modifiers(doc, out, seen, held_at)
    _counted(doc, out, seen)
    _rankings(doc, out, inside_taken)
    # a title inside a longer one is part of it (示范单位 in “X”达标示范单位)
    out.sort(key=lambda h: (h.start, -h.end))
    kept: list[HonorHit] = []
    for h in out:
        if kept and h.start < kept[-1].end and h.end <= kept[-1].end:
            continue
        kept.append(h)
    return kept


_MERIT = re.compile("(?:个人|集体)[一二三]等功")
# what joins one award clause to the next of the same holder (…“X”称号、被B评为…)
_NEXT_AWARD = re.compile("(?:等)?(?:荣誉称号|称号|荣誉)?[、，](?:又|还|再|并|也)?(?:被[^，。；、“”]{1,14})?")


def _claim(text: str, s: int, e: int, seen: set[int], inside_taken) -> bool:
    """Take the title at [s, e) unless a title was read there already (its start, or its
    quotation's) or, unquoted, it lies inside another entity's name; marks it read."""
    qpos = max(text.find("“", s, e), text.find("「", s, e))
    if (inside_taken(s) if qpos < 0 else qpos in seen) or s in seen:
        return False
    seen.add(s)
    if qpos >= 0:
        seen.add(qpos)
    return True


# the active voice of 被表彰为: the awarder praises the holder as the title (某委表彰某局为…)
_PRAISED_AS = re.compile(f"(?:表彰|授予|命名)(?!为)[{CJK}]{{2,24}}?为")


def _praised_as(text: str, out: list[HonorHit], seen: set[int], inside_taken) -> None:
    """某委表彰某局为全省先进集体: the title after 为, its holder right before 为 (the trigger is
    put there, so the holder is read as for 某局被评为)."""
    for m in _PRAISED_AS.finditer(text):
        got = _title_at(text, m.end(), strong=True)
        if got is None:
            continue
        s, e, name, aliases, _ = got
        if not _claim(text, s, e, seen, inside_taken):
            continue
        out.append(HonorHit(name, s, e, aliases, m.end() - 1, m.end() - 1))


def _modifiers(doc: Doc, out: list[HonorHit], seen: set[int], holders: set[int]) -> None:
    """A quoted title that needs no verb: after a level or a batch (全国“X”, 首批“X”), or
    right before its holder (“X”——Y司法所)."""
    text = doc.text
    level = _patterns()[2]
    _, level_end, batch_end = _lead_patterns()
    for qt in doc.quotes:
        if qt.start in seen or qt.start - 1 in seen:
            continue
        core = qt.content.strip()
        if not is_title(core, quoted=True):
            continue
        before = text[max(0, qt.start - 4):qt.start]
        lm = level_end.search(before)
        bm = batch_end.search(before)
        after = text[qt.end:qt.end + 3]
        dash = _DASH.match(after)
        held = (qt.end + (dash.end() if dash else 0)) in holders
        # a title by its own shape (“全省一级公安派出所”), not a drive named after one (“平安村”创建)
        shaped = is_title(core) and bool(level.match(core)) and not _WORK_AFTER.match(after)
        if not (lm or bm or held or shaped or _HONOR_WORD.match(after)):
            continue
        s, end = qt.start, qt.end
        name = _core_name(core)
        aliases = {core, name}
        tm = _RUN_2_10.match(text[end:end + 10])
        if tm and is_title(tm.group(0)):  # “星级派出所”达标示范单位: the title goes on
            name += tm.group(0)
            aliases = {name, core + tm.group(0)}
            end += len(tm.group(0))
        if lm:
            s -= len(lm.group(0))
            aliases |= {lm.group(0) + name, text[s:end]}
        if bm:
            aliases.add(text[qt.start - len(bm.group(0)):end])
        holder = None
        if held and end == qt.end:
            h_start = qt.end + (dash.end() if dash else 0)
            holder = (h_start, h_start)
        seen.add(qt.start)
        # X派出所这块“全省一级公安派出所”的牌子: held by the subject of its clause
        out.append(HonorHit(name, s, end, aliases, s, None, holder=holder, awarded=bool(holder or lm or bm or shaped)))


def _counted(doc: Doc, out: list[HonorHit], seen: set[int]) -> None:
    """Titles counted among people (涌现出2名全国优秀法官、1名“全国三八红旗手”): honors
    whose holders the text does not name."""
    text = doc.text
    person = _ending_words()[1]
    for m in _PEOPLE_COUNT.finditer(text):
        p = m.end()
        if p in seen or p + 1 in seen:
            continue
        if text[p] == "“":
            close = text.find("”", p, p + 26)
            if close < 0:
                continue
            name, end = text[p + 1:close], close + 1
        else:
            run = _RUN_4_16.match(text[p:p + 16])
            if not run:
                continue
            name = next((run.group(0)[:k] for k in range(len(run.group(0)), 3, -1)
                         if _ends_in(run.group(0)[:k], person) and is_title(run.group(0)[:k])), None)
            if name is None:
                continue
            end = p + len(name)
        _, _, level, _, _ = _patterns()
        ranked = level.match(name) or text[p] == "“" or _RANKED.search(name)
        if not (_ends_in(name, person) and is_title(name, quoted=True) and ranked):
            continue
        seen.add(p)
        out.append(HonorHit(name, p, end, {name, text[p:end]}, m.start(), None, awarded=False))


def _rankings(doc: Doc, out: list[HonorHit], inside_taken) -> None:
    text = doc.text
    covered = sorted((h.start, h.end) for h in out)
    c_starts = [a for a, _ in covered]

    def inside_honor(pos: int) -> bool:
        i = bisect.bisect_right(c_starts, pos) - 1
        return any(a <= pos < b for a, b in covered[max(0, i - 4):i + 1])

    # quoted rankings: “2021中国最具安全感百佳县市”出炉，攸县荣登榜位
    for m in _QUOTED_RANKING.finditer(text):
        s, e = m.span()
        if inside_honor(s + 1) or inside_taken(s):
            continue
        name = _YEAR_OPENING.sub("", m.group(1)).strip()
        follow = _LISTED_IN.search(text[e:e + 20])
        if follow is None:
            continue
        out.append(HonorHit(name, s, e, {name, m.group(1)}, e + follow.start(), e + follow.start()))
    # 评选“平安家庭”2万余户、平安单位24个 …: each item chosen is an honor
    item = re.compile(f"(“?([{CJK}]{{2,10}})”?)\\s*[0-9]+(?:\\.[0-9]+)?[万亿]?[余多]?[个户家人名所]、?")
    starts = {h.start for h in out}
    for m in _SELECTION.finditer(text):
        pos = m.end()
        while True:
            im = item.match(text, pos)
            if im is None:
                break
            name = im.group(2)
            if im.start(1) not in starts:
                out.append(HonorHit(name, im.start(1), im.end(1), {name, im.group(1)}, m.start(), None, awarded=False))
            pos = im.end()


# the kinds of unit inside a body (控告申诉检察部, 立案庭, 禁毒大队)
_SUB_UNIT = re.compile("(?:部|室|科|处|庭|所|队|股|中心|站|办|组|委员会)$")
# people named by their role between a body and an award verb
_ROLE = re.compile("民警|干警|辅警|警察|法官|检察官|所长|局长|书记|主任|干部|队员|调解员|网格员|村民|群众|志愿者|律师")
# what may stand before an award verb without naming a holder: years, adverbs, 被
_NAMED_BEFORE = re.compile("(?:(?:19|20)[0-9]{2}年度?|[0-9]{1,2}月份?|连续|先后|又|再次|再度|曾|均|也|都|还|并|已经|已|成功|"
                           "相继|分别|首次|多次|荣|被|今年|去年|近年来|此外|同时|其中|[0-9一二三四五六七八九十两]+[年次届]|年|至|到|-|—|、|，|\\s)*")


def awardee(doc: Doc, hit: HonorHit, recipients: list[tuple[int, int, tuple[str, str]]], starts: list[int],
            subject_of, name_of=None) -> tuple[str, str] | None:
    """Who received ``hit`` (see :func:`_awardee`); never the place a title is named after
    (湖南省…示范县 is not the province's: the province gives it)."""
    who = _awardee(doc, hit, recipients, starts, subject_of)
    if who is not None and not _fits(hit.name, who[0]):
        return None
    if who is not None and who[0] == "Place" and name_of is not None:
        place = name_of(who)
        if place and (hit.name.startswith(place) or hit.name.startswith(_LEVEL_END.sub("", place))):
            return None
    return who


def respectively(doc: Doc, hits: list[HonorHit], hit: HonorHit, holders: list) -> list:
    """The holders of ``hit`` among ``holders`` listed together: all of them, or, where 分别 pairs
    as many holders with as many titles of one award verb (A、B分别荣获X、Y), the one in its place."""
    t = hit.trigger_start
    if len(holders) < 2 or hit.awardee_end is None or doc.text[max(0, t - 2):t] != "分别":
        return holders
    titles = sorted((h.start, id(h)) for h in hits if h.trigger_start == t and h.awardee_end is not None)
    if len(titles) != len(holders):
        return holders
    return [holders[titles.index((hit.start, id(hit)))]]


_PLACE_TITLE = re.compile("(?:县|市|区|县城|城市|乡镇|镇|乡|村|社区|街道|县市)$")
_BODY_TITLE = re.compile("(?:派出所|法庭|检察院|法院|司法所|检察室|警务室|接待室|调解室|中队|大队|支队|窗口|局|所|庭|院|站)$")


def _fits(title: str, kind: str) -> bool:
    """Can a holder of this kind (Place, Agency, Person) hold this title? A place title (平安县,
    示范社区) goes to a place, a body's (星级派出所) to a body, a person's to a person or a body."""
    if _PLACE_TITLE.search(title):
        return kind == "Place"
    if _BODY_TITLE.search(title):
        return kind == "Agency"
    if _ends_in(title, _ending_words()[1]):
        return kind in ("Person", "Agency")
    return True


# a verb's title that modifies its holder: 荣获“X”称号的Y, 被评为X的Y
_HELD_AFTER = re.compile("(?:光荣称号|荣誉称号|称号|荣誉|殊荣)?的")


def _starts_at(starts: list[int], pos: int) -> bool:
    """Does a recipient start at ``pos`` (``starts`` sorted)?"""
    i = bisect.bisect_left(starts, pos)
    return i < len(starts) and starts[i] == pos


def _awardee(doc: Doc, hit: HonorHit, recipients: list[tuple[int, int, tuple[str, str]]], starts: list[int],
             subject_of) -> tuple[str, str] | None:
    """Who received ``hit``: the holder a modifying title stands before; else the body, place
    or person right before its verb (李春生舍己救人被评为; not the awarder in 被公安部评为);
    else the subject of its sentence (``subject_of``, a :class:`SubjectFinder`)."""
    text = doc.text
    holder_at = hit.holder[0] if hit.holder is not None else None
    if holder_at is None and hit.awardee_end is not None:
        m = _HELD_AFTER.match(text, hit.end)  # 荣获“X”称号的Y派出所: the holder the clause modifies
        if m and _starts_at(starts, m.end()):
            holder_at = m.end()
    if holder_at is not None:
        # the holder with its places written out (湖南省湘西州…X司法所): the last unit of that run
        i = bisect.bisect_left(starts, holder_at)
        j, last = i, None
        while j < len(starts) and (last is None and starts[j] == holder_at or last is not None and starts[j] <= last[1]):
            if last is None or recipients[j][1] > last[1]:
                last = recipients[j]
            j += 1
        if last is not None:
            if last[2][0] != "Place" or not _ONE_CJK.match(text[last[1]:last[1] + 1]):
                return last[2]
            return None  # …公安局X派出所 that the text names past its places: not found
    if not hit.awarded:
        return None
    t0 = hit.trigger_start
    ss, _ = doc.sentence_at(t0)
    if hit.awardee_end is None:  # a title written as a modifier: the body heading its clause holds it
        cs = max(ss, max(text.rfind(c, max(ss, t0 - 60), t0) for c in "，；：") + 1)
        head = subject_of.head_at(t0)
        if head is not None and head[0] >= cs and head[2] is not None and head[2][0] == "Agency":
            return head[2]
        return None
    lo = max(ss, t0 - 16)
    bm = _BY_CLAUSE.search(text[lo:t0])
    if bm:  # 被公安部评为: the body between 被 and the verb gave it
        t0 = lo + bm.start()
    if _COUNT_BEFORE.search(text[max(ss, t0 - 10):t0]):
        return None  # 13个单位荣获…: holders counted, not named
    i = bisect.bisect_left(starts, max(ss, t0 - 40))
    best, best_end = None, t0
    while i < len(starts) and starts[i] < t0:
        s, e, k = recipients[i]
        if e <= t0 and _SHORT_GAP.fullmatch(text[e:t0]):
            best, best_end = k, e
        i += 1
    if best is not None:
        if best[0] != "Person" and _ROLE.search(text[max(ss, t0 - 8):t0]):
            return None  # 县公安局社区民警X被授予: the person after the body holds it
        if best[0] == "Agency" and _SUB_UNIT.search(_NAMED_BEFORE.sub("", text[best_end:t0])):
            return None  # X检察院控申科被评为: a unit of X the text does not resolve holds it
        if best[0] == "Place" and _NAMED_BEFORE.sub("", text[best_end:t0]):
            return None  # X县妇联被评为: a body named after the place holds it, not the place
        return best
    # no holder before the verb: its clause must name nobody else (…，X社区被评为) and then
    # the subject of the sentence holds it, or of the report when the sentence names none
    cs = max(ss, max(text.rfind(c, max(ss, t0 - 60), t0) for c in "，；：") + 1)
    at = subject_of.head_at(t0)
    if at is not None and at[0] >= cs:
        if _SUB_UNIT.search(_NAMED_BEFORE.sub("", text[at[1]:t0])):
            return None  # X检察院控告申诉检察部被评为: a unit of X the text does not resolve holds it
        return subject_of.head(t0)  # 全县…工作被评为: the subject its clause names
    if _NAMED_BEFORE.sub("", text[cs:t0]):
        return None
    head = subject_of.head(t0)
    if head is not None:
        return head
    if t0 - ss > 60 or _NAMED_BEFORE.sub("", text[ss:t0]):
        return None  # the sentence opens on a holder the text does not resolve (老X退休前荣获…)
    return subject_of(t0)  # the body its paragraph opens on (X所位于…。近年来，先后获得…), else the report's
