"""Who a sentence is about: the body or place at the head of its clauses.

Statistics (破获案件23起) and honors (被评为…) are claims about a subject the text names
at the head of a clause (县公安局破获…, 全县共…, 检察机关批捕…), or leaves to the report
(its headline body, its protagonist, a section's subtitle). One :class:`SubjectFinder` per
report answers for every position, in linear time overall.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from itertools import accumulate
from operator import itemgetter

from ..segment import lcut
from .doc import Doc, finditer_around, finditer_from
from .statistics import _DATELINE, _PERIOD

_SEPS = re.compile("[，；：]|—+")  # 破折号 (——) opens a clause too: …的脚步——全镇2.5万人
_DASHES = re.compile("—+")
# what may stand before a clause's subject: time words, connectives, the source of a figure
_SUBJECT_LEAD = re.compile("(?:其中|同时|目前|当前|此外|另外|据统计|据悉|据了解|近年来|近日|日前|年初|年底|以来|全年|一年来|"
                           "截至目前|与此同时|为此|对此|首先|其次|最后|此前|随后|继|该|本|连续[0-9一二三四五六七八九十两]+年|"
                           "[0-9]{4}年|[0-9]{1,2}日|至|到|-|—|【[^】\n]{1,20}】|" + _DATELINE.pattern + "|[，、“\\s])*")
# a clause on a whole unit (全县…): the unit's own figure
_WHOLE_UNIT = re.compile("(?:全|该|我|本)(县|市|区|旗|州|盟|省|镇|乡)(?![委政长域份级])")
_WHOLE = re.compile(_WHOLE_UNIT.pattern + "|(县|市|区|旗|州|盟|省|镇|乡)级?层面")  # 省级层面整合…: the province as a whole
# (_WHOLE_UNIT alone reads a text without 层面, most: _WHOLE's second branch starts at every 县 and 市)
# a report's words for its own unit (我县, 本市, 全县), and the level each names
_SELF = re.compile("(?:我|本|全)(县|市|区|旗|州|盟|省)(?![委政长域份级])")
SELF_LEVELS = {"县": "county", "区": "county", "旗": "county", "市": "prefecture", "州": "prefecture",
               "盟": "prefecture", "省": "province"}
# a body's words for itself (我院, 本局, 全院干警): the report's own body whose name ends so
# (written to open on one character class, which the engine skips ahead on: 我院, 本局 in group 1, 全院 in 2)
_SELF_BODY = re.compile("[我本全](?:(?<=[我本])(院|局|庭|队)|(?<=全)(院|庭|队))")
# bodies a report names by their kind alone (检察机关批捕…, 慈利公安): its own place's body
GENERIC_BODIES = {"公安机关": "公安局", "警方": "公安局", "公安": "公安局", "检察机关": "检察院", "审判机关": "法院",
                  "司法行政机关": "司法局", "检察": "检察院", "法院": "法院"}
_GENERIC = re.compile("公安机关|检察机关|审判机关|司法行政机关|警方")
# a place's party committee and government named together speak for the place (县委、县政府)
_LEADERSHIP = re.compile("(?:[县市区旗州盟省]委|人民政府|政府)$")
_LEADERSHIP_PAIR = re.compile("[、和及与]?[县市区旗州盟省]?(?:委|人民政府|政府)(?![^，。；、]{0,2}委)")
# 经X(会议)研究/批准/决定: X is who acts, though a preposition governs it
_DECIDED = re.compile("[^，。；]{0,4}?(?:研究|决定|批准|同意|审议|审定)")
# a body in a time clause (自X组建以来，…) is not the subject of what follows
_SINCE = re.compile("[^，。；]{0,10}?以来")
# a place whose figures a clause says were achieved (实现X乡矛盾纠纷化解率95.6%): their owner
_ACHIEVED = re.compile("(?:[，、\\s]|其中|同时)*(?:实现|确保|保持|推动|促进|助推|使|让)(?:了)?")
# how many sentences a paragraph's opening body carries to
_CARRIED = 1
# …a body's own start that a clause dates from (X成立以来): its deeds after it, unless 自 governs it
_SET_UP_SINCE = re.compile("(?:成立|组建|建成|设立|挂牌|运行|投用|启用)以来$")
_SINCE_FROM = re.compile("(?:自|从)[^，。；]*$")
# a body that is what was built or set up (X综治中心已建成，…), not who acts
_BUILT = re.compile("(?:已经?|正式|全面|顺利)?(?:建成|落成|挂牌成立|挂牌|揭牌|投用|投入使用|启用)(?:运行|使用)?(?=[，。；、并])")
# a body whose official a designation clause names (以县长为组长、政法委书记为副组长的专班;
# 政法委书记为直接责任人): the body names a post, it does not act
_DESIGNATED = re.compile("(?:常务)?副?(?:书记|部长|局长|院长|检察长|庭长|所长|主任|县长|市长|区长|镇长|乡长|队长|站长)"
                         "(?:为|任|担任)(?:第一|直接|主要|总|常务)?(?:责任人|副?组长|成员|召集人|负责人|副?指挥长|副?主任)")
# a body in a clause that only gives its role (X启动行动，区委政法委具体统筹，推进…): the
# sentence's subject goes on
_ROLE = re.compile("(?:具体|负责|统一|全面)?(?:统筹|牵头|协调|督导|指导|主抓|把关)(?:协调|推进|调度|实施)?(?=[，；])")
# the words a speaker says for the body he speaks for (我们, 全局, 我所): see spoken_for
_WE = re.compile("我们(镇|乡|村|社区)?(?![县市区])|[我本全](局|所|院|庭|队)")
_WE_LEVELS = {"镇": "township", "乡": "township", "村": "village", "社区": "village"}
# a township's or village's own leading body speaks for the place (某镇党委书记X说，“我们镇…”)
_LOCAL_LEADERSHIP = re.compile("(?:党委|人民政府|政府|党支部|党总支|村民委员会|居民委员会)$")
# a body named only to introduce its speaker (县公安局副局长X介绍，…)
_SPEAKER = re.compile("[^，。；：“]{0,14}?(?:介绍|说|表示|指出|透露|强调|谈到|告诉)")
# what follows a body that is no subject: any of the above (one pattern, tried once per body)
_NOT_ACTING = re.compile("|".join(f"(?:{p.pattern})" for p in (_SPEAKER, _SINCE, _BUILT, _DESIGNATED, _ROLE)))
# a body's kind or home alone at a clause's head (中心今年受理…, 村里建起…): the one named last
_KIND_WORDS = ("中心", "派出所", "司法所", "人民法庭", "法庭", "检察室", "调委会", "工作站", "服务站", "指挥部")
_HOMES = ("所", "院", "局", "村", "镇", "乡", "社区")
# (the lookahead of the words' first characters passes over the rest of the text at once)
_KIND_REF = re.compile(f"(?=[{''.join(sorted({w[0] for w in _KIND_WORDS + _HOMES}))}])"
                       f"(?:(?<=[，。；：\n“])|^)(?:({'|'.join(_KIND_WORDS)})|({'|'.join(_HOMES)})里)")
_LEVEL_OF_HOME = {"村": ("village",), "社区": ("village",), "镇": ("township",), "乡": ("township",),
                  "所": (), "院": (), "局": ()}
_KIND_AFTER = re.compile("公安|检察|法院")  # 慈利公安: a place, then a kind of body
_THIS_IS = re.compile("(?:这|这些|以上)(?:就)?是")  # 这是X交出的成绩单
# what the two say of an empty lead (most heads open their clause): read once, not per head
_EMPTY_LEAD = (_THIS_IS.fullmatch("") is not None, _SUBJECT_LEAD.fullmatch("") is not None)


def self_references(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where a report speaks of its own unit (我县, 本县, 全县), by level word: the unit an
    anonymised report (one that names no place it is about) is about. A level counts when the
    text says 我X or 本X of it, or when it is the only level so spoken of (全县 alone)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    own: set[str] = set()
    for m in _SELF.finditer(text):
        spans.setdefault(m.group(1), []).append(m.span())
        if m.group(0)[0] in "我本":
            own.add(m.group(1))
    if len(spans) == 1:
        return spans
    return {w: v for w, v in spans.items() if w in own}


def _repeated_lines(text: str) -> list[tuple[int, int]]:
    """Spans of lines a text repeats (page junk: a neighbouring article's headline printed
    twice or three times), every copy, including a copy that runs on into the next line's
    text; in order."""
    lines = text.split("\n")
    # (most texts repeat no line and glue no copy on: nothing to place; asked first of all the
    # lines at once, in C: no line repeated, none the start of the next)
    if len(set(lines)) == len(lines) and not any(map(str.startswith, lines[1:], lines)):
        return []
    long = [line for line in lines if len(line) >= 6]
    if len(set(long)) == len(long) and not any(b.startswith(a) and len(b) > len(a) for a, b in zip(lines, lines[1:])
                                               if len(a) >= 6):
        return []
    spans: dict[str, list[tuple[int, int]]] = {}
    out = []
    pos, prev = 0, ""
    for line in lines:
        if len(prev) >= 6 and line.startswith(prev) and len(line) > len(prev):
            out.append((pos, pos + len(prev)))  # the copy glued to what follows it
        if len(line) >= 6:
            spans.setdefault(line, []).append((pos, pos + len(line)))
        pos += len(line) + 1
        prev = line
    for copies in spans.values():
        if len(copies) > 1:
            out.extend(copies)
    return sorted(set(out))


# where a body's kind may open a clause (_KIND_REF's look-behind), before one of the kinds' first
# characters: _KIND_REF, which opens on a look-ahead, is tried only there, not at every character
# (looked ahead at as _KIND_REF's words themselves: only where one stands is _KIND_REF tried)
_KIND_MARK = re.compile(f"[，。；：\n“](?=[{''.join(sorted({w[0] for w in _KIND_WORDS + _HOMES}))}])"
                        f"(?={'|'.join(_KIND_WORDS)}|(?:{'|'.join(_HOMES)})里)")


def _kind_words(text: str) -> list[tuple[int, int, str, bool]]:
    """The clauses opening on a body's kind alone or on 所里, 村里 … (see
    :meth:`SubjectFinder._kind_references`): (start, end, the kind or home, is it a home)."""
    out = []
    at = _KIND_REF.match(text, 0)  # (the text's start: the look-behind's other branch)
    for m in ([at] if at else []) + [_KIND_REF.match(text, a.end()) for a in _KIND_MARK.finditer(text)]:
        if m is None:
            continue
        word = m.group(1) or m.group(2)
        if m.group(1) and len(word) not in accumulate(map(len, lcut(text[m.start(1):m.start(1) + 8]))):
            continue  # 中心城区, 派出所长: the kind opens a longer word (司法所 cut 司法 / 所 is whole)
        out.append((m.start(), m.end(), word, m.group(2) is not None))
    return out


def self_body_matches(doc: Doc) -> list[re.Match]:
    """``_SELF_BODY``'s matches in the report (我院, 本局, 全院 …), found once for the finders and
    for :func:`~graph.extract.actors._collective_doers`."""
    found = doc.memo.get(_SELF_BODY)
    if found is None:
        found = doc.memo[_SELF_BODY] = list(finditer_from(_SELF_BODY, doc.text, "我本全"))
    return found


class _TextMarks:
    """What a :class:`SubjectFinder` reads of the text alone, found once per report (a report's
    finder is made twice: for its protagonist, then for its figures and honors) and kept in the
    doc's memo: the clause separators, the words for a body's or unit's own self, the clauses
    opening on a kind of body, the repeated lines, the full sentences' starts; and, as they are
    asked, what follows a mention's end and the lead before a head."""

    def __init__(self, doc: Doc):
        text = self.text = doc.text
        # where _SEPS matches start: the clause marks the report's other rules read too, and the
        # dashes' (found apart: the marks are found once per report)
        self.seps = sorted(doc.clause_marks + _dash_starts(text))
        self.self_bodies = [(m.start(), m.end(), m.group(1), m.group(2)) for m in self_body_matches(doc)]
        self.wholes = [(m.start(), m.end(), m.start(1), m.group(1) or m.group(2))
                       for m in (_WHOLE.finditer(text) if "层面" in text else finditer_from(_WHOLE_UNIT, text, "全该我本"))]
        # (every match holds 机关 or 警方 up to four characters after its start: 司法行政机关)
        self.generic = [(m.start(), m.end(), m.group(0)) for m in finditer_around(_GENERIC, text, ("机关", "警方"), 0, 4)]
        self.kind_words = _kind_words(text)
        self.repeated = _repeated_lines(text)
        self.repeated_starts = [a for a, _ in self.repeated]
        spans = doc.sentences
        # (a text with no ； has no sentence that ends on one: every sentence is a full one)
        self.full_starts = [a for i, (a, _) in enumerate(spans) if i == 0 or text[spans[i - 1][1] - 1] != "；"] \
            if "；" in text else [a for a, _ in spans]
        self._not_acting: dict[int, bool] = {}
        self._leads: dict[int, str] = {}
        self._reads: dict[int, tuple[str, bool, bool]] = {}

    def not_acting(self, e: int) -> bool:
        """Does what follows a mention ending at ``e`` say it does not act (_NOT_ACTING)?"""
        na = self._not_acting.get(e)
        if na is None:
            na = self._not_acting[e] = _NOT_ACTING.match(self.text, e) is not None
        return na

    def set_up_since(self, e: int) -> int | None:
        """Where, from ``e``, a time clause dating from a setting up (成立以来) has its verb, or None."""
        since = _SINCE.match(self.text, e)
        up = _SET_UP_SINCE.search(since.group(0)) if since else None
        return up.start() if up else None

    def lead(self, s: int, clause_start: Callable[[int], int]) -> str:
        """What stands between the start of the clause at ``s`` and ``s`` (periods left out; "…"
        when it is too long to be a lead)."""
        lead = self._leads.get(s)
        if lead is None:
            cs = clause_start(s)
            # a head stands within a few words of its clause's start (a long lead is not all time
            # words); most open their clause, with no lead to read
            if s == cs:
                lead = ""
            else:
                lead = _PERIOD.sub("", self.text[cs:s]) if s - cs <= 40 else "…"
            self._leads[s] = lead
        return lead

    def lead_reads(self, s: int, clause_start: Callable[[int], int]) -> tuple[str, bool, bool]:
        """The :meth:`lead` before ``s``, and whether it reads as 这是 (_THIS_IS) and as what may
        stand before a subject (_SUBJECT_LEAD): read once for both of the report's finders."""
        reads = self._reads.get(s)
        if reads is None:
            lead = self.lead(s, clause_start)
            if lead:
                reads = (lead, _THIS_IS.fullmatch(lead) is not None, _SUBJECT_LEAD.fullmatch(lead) is not None)
            else:
                reads = (lead, _EMPTY_LEAD[0], _EMPTY_LEAD[1])
            self._reads[s] = reads
        return reads


def _dash_starts(text: str) -> list[int]:
    """Where _DASHES matches start: the first — of each run (found by str.find: the pattern,
    which opens on a repeat, is tried at every character)."""
    out = []
    i = text.find("—")
    while i >= 0:
        if i == 0 or text[i - 1] != "—":
            out.append(i)
        i = text.find("—", i + 1)
    return out


def _text_marks(doc: Doc) -> _TextMarks:
    marks = doc.memo.get(_TextMarks)
    if marks is None:
        marks = doc.memo[_TextMarks] = _TextMarks(doc)
    return marks


def _body_tail(name: str) -> str:
    """The character a body's name ends on, as 我院, 我所, 全局 speak of it (大队: 队)."""
    return "队" if name.endswith("大队") else name[-1]


def spoken_for(doc: Doc, actors: list, attrs_of) -> list[tuple[int, int, tuple[str, str]]]:
    """An official's words for the body he speaks for (我们, 全局, 我所 …), in what he says
    after his body, title and name (县司法局局长X说，今年我们…), or in the quotation his body
    follows (“…我们…”县司法局局长X说): that body; a place's party committee or government
    speaks for the place, a township's or village's official for the township or village (我们镇).
    ``actors``: (start, end, key) of the report's bodies and places."""
    text = doc.text
    marks = _text_marks(doc)
    out = []
    for s, e, k in actors:
        # (_NOT_ACTING holds _SPEAKER: a mention it does not match, cached per end, introduces no speaker)
        if not marks.not_acting(e) or (m := _SPEAKER.match(text, e)) is None:
            continue
        if k[0] == "Place" and attrs_of(k).get("level") not in ("township", "village"):
            continue  # (a county's officials speak for the county, the report's own place anyway)
        if text[s - 1:s] == "”" and (qs := text.rfind("“", max(0, s - 400), s - 1)) >= 0:
            a, b = qs, s - 1  # the quotation before the speaker
        else:
            a, b = m.end(), doc.sentence_at(m.end())[1]
        if k[0] == "Agency" and (place := attrs_of(k).get("jurisdiction")) and (
                _LEADERSHIP.search(k[1]) or _LOCAL_LEADERSHIP.search(k[1])
                and attrs_of(("Place", place)).get("level") in ("township", "village")):
            k = ("Place", place)
        level = attrs_of(k).get("level") if k[0] == "Place" else None
        tail = _body_tail(k[1])
        for w in _WE.finditer(text, a, b):
            if w.group(1) is not None and _WE_LEVELS[w.group(1)] != level:
                continue  # 我们镇 for a township's speaker, 我们村 for a village's
            if w.group(2) is None or (k[0] == "Agency" and w.group(2) == tail):
                out.append((w.start(), w.end(), k))
    return out


class SubjectFinder:
    """Who a report's figures and honors are about, asked position by position.

    The subject is the acting body, place or person the text names: the last one at the
    head of a clause (after time words, a 【section title】 or a dash) before the position in
    its sentence, not one that only introduces a speaker (县公安局副局长X介绍，…), sits in a
    time clause (自X组建以来), was built (X已建成), names a post (政法委书记为直接责任人) or
    only gives its role (X具体统筹，…); 经X会议研究 makes X the actor; a clause on a whole
    unit (全县…, 该镇…, 省级层面…) is that unit's; a body speaking of itself (我院, 全院) is
    the report's own body; a body named by its kind (检察机关, 慈利公安) is the report's own
    body of that kind; 县委、县政府 together are the county; 实现X乡…率 makes the place the
    owner; a figure list followed by 这是X交出的成绩单 is X's. A sentence that names none
    belongs to the body its paragraph opened on in the sentence before, else to the section's
    subtitle body, else to the report's subject: ``default``, or, when that is a place or
    unknown, the report's protagonist (see :meth:`_protagonist`). A headline repeated as page
    junk heads nothing. Built once per report; each question costs a bisection, so the work
    stays linear in the length of the text."""

    def __init__(self, doc: Doc, actors: list[tuple[int, int, tuple[str, str]]], governed: set,
                 default: tuple[str, str] | None, whole: dict[str, tuple[str, str]] | None = None,
                 bodies: dict[str, tuple[str, str]] | None = None,
                 attrs_of: Callable[[tuple[str, str]], dict] | None = None, county: str | None = None):
        self.doc = doc
        text = doc.text
        marks = _text_marks(doc)
        self.seps = marks.seps
        whole = whole or {}
        bodies = bodies or {}
        given = attrs_of or (lambda k: {})
        asked: dict = {}

        def attrs_of(k: tuple[str, str]) -> dict:  # (a report's few keys are asked of again and again: once each)
            attrs = asked.get(k)
            if attrs is None:
                attrs = asked[k] = given(k)
            return attrs

        local = (lambda k: county is not None and attrs_of(k).get("jurisdiction") == county)
        # a body of the county or of one of its townships (a township's station in a station's feature)
        within = (lambda k: local(k) or (county is not None and attrs_of(
            ("Place", attrs_of(k).get("jurisdiction"))).get("parent") == county))
        found: list[tuple[int, int, tuple[str, str] | None]] = []
        townships: list[tuple[int, tuple[str, str]]] = []
        body_ends = {e for _, e, k in actors if k[0] == "Agency"}
        for s, e, k in actors:
            if k[0] == "Place" and attrs_of(k).get("level") == "township":
                townships.append((s, k))
            if marks.not_acting(e) and not ((up := marks.set_up_since(e)) is not None and e + up in body_ends
                                            and not _SINCE_FROM.search(text, max(0, s - 12), s)):
                continue  # (X所成立以来，共调处…: the body is the topic of what follows, unless 自 makes it a time)
            if (s, e) in governed:
                if not (text[s - 1:s] == "经" and _DECIDED.match(text, e)):
                    continue
                s -= 1  # 经X局务会研究，…罚款8000元: X decided it
            if k[0] == "Place":  # 慈利公安: the place's body of that kind
                bm = _KIND_AFTER.match(text, e, e + 2)
                if bm:
                    k = bodies.get(GENERIC_BODIES[bm.group(0)]) or k
            elif _LEADERSHIP.search(k[1]) and _LEADERSHIP_PAIR.match(text, e) and attrs_of(k).get("jurisdiction"):
                k = ("Place", attrs_of(k)["jurisdiction"])  # 县委、县政府: the county itself
            found.append((s, e, k))
        own_body = self._own_body(actors, attrs_of, local)
        speaker = None
        for ms, me, g1, g2 in marks.self_bodies:
            k = own_body.get(g1 or g2)
            if k is not None:
                found.append((ms, me, k))
                speaker = speaker or (k if g1 else None)
        found.extend(spoken_for(doc, actors, attrs_of))
        town_starts = [s for s, _ in townships]
        self.wholes: list[tuple[int, int, tuple[str, str]]] = []
        body_starts = {s for s, _, k in actors if k[0] == "Agency"}
        for ms, me, start1, level in marks.wholes:
            if start1 in body_starts:
                continue  # 该县公安局, 本县法院: the body, not the whole county
            if level in "镇乡":  # 全镇, 该乡: the township named last before it
                j = bisect.bisect_left(town_starts, ms) - 1
                k = townships[j][1] if j >= 0 else None
            else:
                k = whole.get(level)
            if k is not None:
                found.append((ms, me, k))
                self.wholes.append((ms, me, k))
        self.whole_starts = [s for s, _, _ in self.wholes]
        for ms, me, word in marks.generic:
            found.append((ms, me, bodies.get(GENERIC_BODIES[word])))
        kind_refs = self._kind_references(text, actors, attrs_of, marks.kind_words)
        found.extend(kind_refs)
        kind_at = {s for s, _, _ in kind_refs}  # a back-reference makes no body the report's protagonist
        # by start, the longer first (as key (start, -end), stable): two stable sorts on C keys
        found.sort(key=itemgetter(1), reverse=True)
        found.sort(key=itemgetter(0))
        found = self._joined(found)
        heads: list[tuple[int, int, tuple[str, str] | None]] = []
        last_end = -1
        for s, e, k in found:
            if s < last_end:
                continue  # inside a head already taken (金寨县公安局 in 金寨县公安局X派出所)
            lead, this_is, subject_lead = marks.lead_reads(s, self._clause_start)
            if this_is and k is not None:
                # 破案率96%，追赃率80%。这是X交出的成绩单: the figures before name their subject after them
                ps, _ = doc.sentence_at(max(0, doc.sentence_at(s)[0] - 1))
                heads.append((ps, ps, k))
                last_end = e
                continue
            if heads and s == last_end and k is not None:
                heads[-1] = (s, e, k)  # 湄潭县永兴镇: the more specific unit speaks for both
                last_end = e
            elif subject_lead or (k is not None and k[0] == "Place" and _ACHIEVED.fullmatch(lead)):
                heads.append((s, e, k))
                last_end = e
        heads.sort(key=itemgetter(0))
        repeated = marks.repeated
        if repeated:  # a headline repeated as page junk (a neighbouring article's) heads nothing
            starts = marks.repeated_starts
            heads = [h for h in heads if not ((j := bisect.bisect_right(starts, h[0]) - 1) >= 0
                                              and h[1] <= repeated[j][1])]
        self.heads = heads
        self.starts = [s for s, _, _ in heads]
        self.place = default if default is not None and default[0] == "Place" else None
        self.default = default
        if default is None or self.place is not None:
            # a report in which a body speaks of itself (我院…) is that body's
            self.default = speaker or self._protagonist([h for h in heads if h[0] not in kind_at], local, within) or default
        # a line that is nothing but a body's name heads the section below it (a feature's
        # subtitle 某县综治中心): the section's figures are that body's
        self.sections = [(s, k) for s, e, k in found if k is not None and k[0] == "Agency"
                         and (s == 0 or text[s - 1] == "\n") and (e == len(text) or text[e] == "\n")]
        self.section_starts = [s for s, _ in self.sections]
        self.full_starts = marks.full_starts

    @staticmethod
    def _kind_references(text: str, actors: list, attrs_of,
                         words: list | None = None) -> list[tuple[int, int, tuple[str, str]]]:
        """A clause opening on a body's kind alone (中心受理…, “派出所接警…) or on 所里, 村里,
        镇里 speaks of the last body or place of that kind named before it. ``words``: those
        clause openings, as :func:`_kind_words` finds them (found here when not given)."""
        out = []
        starts = [s for s, _, _ in actors]
        for ms, me, word, home in (_kind_words(text) if words is None else words):
            i = bisect.bisect_left(starts, ms) - 1
            for s, e, k in actors[max(0, i - 40):i + 1][::-1]:
                if e > ms:
                    continue
                if home:
                    level = attrs_of(k).get("level") if k[0] == "Place" else None
                    fits = level in _LEVEL_OF_HOME[word] if k[0] == "Place" else (
                        word in "所院局" and k[1].endswith(word))
                else:
                    fits = k[0] == "Agency" and k[1].endswith(word)
                if fits:
                    out.append((ms, me, k))
                    break
        return out

    @staticmethod
    def _own_body(actors: list, attrs_of, local) -> dict[str, tuple[str, str]]:
        """The body 我院 / 本局 / 全庭 … stands for, by the last character of its name: the
        report's own (local, not a unit of another) body ending so that it names most."""
        counts: dict[tuple[str, str], int] = {}
        for _, _, k in actors:
            if k[0] == "Agency" and local(k) and not attrs_of(k).get("parent"):
                counts[k] = counts.get(k, 0) + 1
        out: dict[str, tuple[str, str]] = {}
        for k, n in sorted(counts.items(), key=lambda t: -t[1]):
            out.setdefault(_body_tail(k[1]), k)
        return out

    @staticmethod
    def _joined(found: list) -> list:
        """A place written right before a body's name (湖南省凤凰县人民法院): one mention."""
        out: list = []
        for s, e, k in found:
            if out and out[-1][1] == s and out[-1][2] is not None and out[-1][2][0] == "Place" and k is not None:
                out[-1] = (out[-1][0], e, k)
            else:
                out.append((s, e, k))
        return out

    def _protagonist(self, heads: list, local, within) -> tuple[str, str] | None:
        """What a report is about: the agency of its county or of one of the county's townships
        that heads most clauses (at least two, and no fewer than the report's place); else the
        unit that heads more clauses than the report's place (我省…全省… in a province's report that names one county); else an
        agency heading one of its first sentences (某县检察院以…开展…)."""
        counts: dict = {}
        for _, _, k in heads:
            if k is not None:
                counts[k] = counts.get(k, 0) + 1
        own = counts.get(self.place, 0)
        agencies = [(n, k) for k, n in counts.items()
                    if k[0] == "Agency" and (within(k) or self.place is None)]
        if agencies:
            n, k = max(agencies, key=lambda t: t[0])
            if n >= 2 and n >= own:
                return k
        units = [(n, k) for k, n in counts.items() if k[0] != "Person"]
        if units and self.place is not None:
            n, k = max(units, key=lambda t: t[0])
            if n >= 2 and n > own:
                return k
        opening = [span for span in self.doc.sentences if span[1] - span[0] >= 20][:3]
        limit = opening[-1][1] if opening else 0
        for s, _, k in heads:
            if s >= limit:
                break
            if k is not None and k[0] == "Agency" and (local(k) or self.place is None):
                return k
        return None

    def _clause_start(self, pos: int) -> int:
        ss, _ = self.doc.sentence_at(pos)
        j = bisect.bisect_left(self.seps, pos) - 1
        return max(ss, self.seps[j] + 1) if j >= 0 else ss

    def head_at(self, pos: int) -> tuple[int, int, tuple[str, str] | None] | None:
        """The last clause head of the sentence before ``pos`` (start, end, key), or None."""
        ss, _ = self.doc.sentence_at(pos)
        i = bisect.bisect_left(self.starts, pos) - 1
        if i >= 0 and self.heads[i][0] >= ss and self.heads[i][1] <= pos:
            return self.heads[i]
        return None

    def head(self, pos: int) -> tuple[str, str] | None:
        """The subject the sentence names before ``pos``, or None."""
        at = self.head_at(pos)
        j = bisect.bisect_left(self.whole_starts, pos) - 1
        if j >= 0 and self.wholes[j][0] >= self._clause_start(pos) and (at is None or at[0] <= self.wholes[j][0]) \
                and self.doc.text[self.wholes[j][0] - 1:self.wholes[j][0]] in "—-：:":
            return self.wholes[j][2]  # …——全镇1.8万人: a whole unit in the figure's own clause
        if at is None:
            return None
        # a body named by its kind that the report never names in full: its place
        return at[2] or self.place or self.default

    def carried(self, pos: int) -> tuple[str, str] | None:
        """The body a paragraph opens on, which the next sentences that name no subject go on
        about (X检察院未检部严格落实…。今年以来，开展讲座200余次); a paragraph opening on
        several bodies acting together (A、B直接指挥) opens on none."""
        ps = self.doc.text.rfind("\n", 0, pos) + 1
        i = bisect.bisect_left(self.starts, ps)
        if i == len(self.heads) or self.heads[i][0] >= pos or self.heads[i][2] is None:
            return None
        s, e, k = self.heads[i]
        sentences = self.full_starts  # a sentence of items split by ；(对A…；对B…。) is one
        if k[0] == "Agency" and self.doc.sentence_at(s)[0] <= ps and self.doc.text[e:e + 1] not in "、和与及同" \
                and bisect.bisect_right(sentences, pos) - bisect.bisect_right(sentences, s) <= _CARRIED:
            return k
        return None

    def __call__(self, pos: int) -> tuple[str, str] | None:
        head = self.head(pos) or self.carried(pos)
        if head is not None:
            return head
        j = bisect.bisect_left(self.section_starts, pos) - 1
        if j >= 0:
            return self.sections[j][1]
        return self.default
