"""Statistics: a number with its unit and the words that say what was counted.

Grammar: ``[近|约|超过|突破…] number [万|亿] [余|多|来] unit [以上|左右]`` or ``number %``;
the number in Arabic digits or Chinese numerals (三次, 上千名, 百余名, 两万余); the unit one of
a general class of units (stat_units.txt: counts, compound counts such as 件次 or 个百分点,
measures, money, scores). The indicator is the clause before the number less its subject and
time words (or, when nothing is left, the words after the unit); a bare change (同比下降5%)
keeps the indicator of the count before it; 分别 lists give each number its own item.

Every step looks at a bounded window around its number, and the sentence's periods are read
once, so the work is linear in the length of the text.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import load_set, load_table
from ..normalise import is_cjk
from ..segment import lcut, pos_tags
from .doc import CJK, PAUSE_MARK, Doc
from .numbers import cn_int

# the period a figure covers: dates and months (2021年3月8日, 今年1-9月, 1~5月份), spans
# (2017年至今, 自2017年起, 近5年来, 连续三年), and the present (截至目前, 目前, 日前)
# a verb of spending alone (投入, 安排专项经费) and the clause after the sum that says what for
_SPEND = re.compile("(?:共|累计|先后|再次)?(?:投入|投资|拨付|拨款|下拨|安排|争取|筹集|筹措)(?:了)?(?:专项)?(?:资金|经费)?")
_PURPOSE = re.compile("[，,]([^，。；0-9]{2,24})")
_WITH_WHOM = re.compile("(?:联合|会同|协同|携手|依托|借助|与[^，。；]{2,12}(?:合作|联手|共同))")
_N = "[0-9一二三四五六七八九十两]"
_MONTHS = "[0-9]{1,2}(?:[-—~～至到][0-9]{1,2})?月份?(?:[0-9]{1,2}日)?"
_PERIOD = re.compile(
    f"(?=[截自从到今去上下近连多目日当过{_N[1:-1]}])"  # the characters a period opens with (see _number_re)
    "(截至[^，。；0-9]{0,6}[0-9]{0,4}[^，。；0-9]{0,3}?(?:底|末|月|日|年)(?:底|末)?|截至目前|"
    f"(?:自|从|到)?(?:[0-9]{{4}}年?(?:至|到|-|—)[0-9]{{4}}年|[0-9]{{4}}年(?:{_MONTHS})?(?:至今|以来|起|全年|上半年|下半年|底)?)|"
    f"今年(?:以来|来|上半年|下半年|{_MONTHS})?|(?<![比较与])去年(?:以来)?|{_MONTHS}(?:至今|以来|起|底)?|上半年|下半年|"
    f"(?:近|连续)?{_N}{{1,3}}多?年(?:以)?来|近{_N}{{1,3}}年|连续{_N}{{1,3}}年|过去的?{_N}{{1,3}}年里?|近年来|多年来|连续多年|目前|日前|当日)")
# the words a clause's narrative opens on (a 【section】, 我们, 其中, 此外 …): no part of what is counted
_DISCOURSE = "【[^】\n]{1,12}】|“?(?:我们|他们)(?:镇|乡|村)?(?![村的镇县乡所院局队])|凭借|凭着|其中|同时|目前|此外|另外|另有|而|但|且"
_LEAD = re.compile("^(?:" + _DISCOURSE + "|日前|近日|近期|近年来|共计|总计|合计|共|累计|全年|全县|全区|全市|全镇|全乡|全州|全局|全所|全院|"
                   "已|还|并|均|先后|达|为|有|"
                   "该院|该局|该所|该中心|该委|该县|该区|该市|该镇|该乡|该村|该社区|该街道|[所院局村镇乡]里|社区里|\\s)+")
_TRAIL_WORDS = {"达到", "达", "为", "共", "累计", "已", "分别", "同比", "共计", "总计", "合计", "约", "近", "超过", "逾", "有"}
_TRAIL_TAILS = tuple(_TRAIL_WORDS)
# a clause that only says how a number changed: it keeps the indicator of the count before it
_CHANGE_BY = "(?:同比|环比|比上年同期|比去年同期|比上年|比去年|比同期|较上年同期|较去年同期|较上年|较去年|较同期|与上年同期相比|与上年同期|与去年同期)"
_CHANGE = _CHANGE_BY + "?(?:上升|下降|增长|减少|提升|提高|降低|增加|下滑|回落)了?"
_CHANGE_ONLY = re.compile(_CHANGE)
_CHANGE_TAIL = re.compile(_CHANGE_BY + "(?:上升|下降|增长|减少|提升|提高|降低|增加|下滑|回落)?了?$")
# what a count names when its noun is one of these: a slogan's length, a fixed name (四套班子)
_NOT_COUNTED = re.compile("(?:字|班子|性)")
# a Chinese-numeral count of these is a list heading (建立四项机制), not a claim
_LIST_HEADS = re.compile("(?:机制|制度|措施|举措|原则|要求|目标|理念|指标|能力|意识|作用|体系|格局|模式|经验|做法|方法|"
                         "重点|工作|关系|方面|环节|步|大|个一|字|服务|精准|到位|同步|走在)")
_CN_DIGITS = "一二三四五六七八九十两百千"
_NOT_BEFORE_CN = _CN_DIGITS + "第每之几万亿初周期"  # (a numeral after one of these is no count's start)
# the words a round figure in words opens with (上千名, 数万元, 过亿元 is a hundred million, 近万人)
_ROUND_PRE = "上数几过超逾近"
# bodies and units a clause may open by counting (三个派出所开展…, 五个乡镇完成…)
_BODY_COUNTED = re.compile(f"[{CJK}]{{0,6}}?(?:人民法庭|法庭|派出所|司法所|检察室|警务室|乡镇|街道|社区|行政村|部门|单位|"
                           "工作站|调委会|调解委员会|中心)(?![{CJK}]{0,1}(?:的|之))")
_SUBJECT_ONLY = re.compile("(?:其中|同时|目前|此外|另外|全县|全市|全区|[，、\\s])*")
_ONE_VERBS = re.compile("(?:打掉|破获|侦破|抓获|捣毁|摧毁|铲除|查获|缴获|设有|荣立|荣获|获得|荣记)(?:了)?$")
_TIME_AFTER = re.compile("[月年日季周天]|小时|工作日")
_OWN_SUBJECT = re.compile("[全该本][省市县区州盟旗镇乡村]")  # a clause on a whole unit names its own doer


def _strip_trail(text: str) -> str:
    """Drop trailing linking words as whole tokens (行为 keeps its 为)."""
    if not text.endswith(_TRAIL_TAILS):
        return text  # no linking word ends it (its last word is one of its endings): spare the segmenter
    if text[-3:-1] == "占比":
        return _strip_trail(text[:-1])  # 占比达 (the segmenter reads 占|比达)
    toks = lcut(text)
    while toks and toks[-1] in _TRAIL_WORDS:
        toks.pop()
    return "".join(toks)


@dataclass(slots=True)
class StatHit:
    start: int
    end: int
    value: float
    unit: str
    qualifier: str | None
    indicator: str
    period: str | None
    surface: str
    context: str = ""  # the activity clause the indicator was completed with
    base: str = ""  # the words before the number, before a noun after it was added
    noun: str = ""  # the words after the number (what it counts), where it has them
    verb: str | None = None  # the verbs that open ``base`` (found when a later count needs them)
    owner: tuple[int, int] | None = None  # where the text names whose figure it is, when not at a clause's head
    about_at: int | None = None  # where a figure whose subject this one shares stands (a share of a population)


def _lead_verbs(hit: StatHit) -> str:
    """The verbs that open a count's words (查处 in 查处违纪案件12件), found once."""
    if hit.verb is None:
        known = _verb_words()
        verbs = []
        tags = pos_tags(hit.base)
        for i, (word, tag) in enumerate(tags):
            if not (tag.startswith("v") or word in known):
                break
            # after a verb, a verbal noun (建成|综治中心) or a verb a one-character noun ends
            # (建成|调解室) begins its object
            if verbs and (tag == "vn" or i + 1 < len(tags) and len(tags[i + 1][0]) == 1 and tags[i + 1][1].startswith("n")):
                break
            verbs.append(word)
        hit.verb = "".join(verbs)
    return hit.verb


def _opens_predicate(text: str) -> bool:
    """Does ``text`` open with a verb, adverb or preposition in its first two words (轮流坐班,
    按需进驻), not a noun phrase (全国青年岗位能手)?"""
    return any(tag[:1] in ("v", "d", "p", "c") for _, tag in pos_tags(text[:6])[:2])


def _tail_verbs(text: str) -> str:
    """The verbs that close ``text`` (设有 in 值班室设有)."""
    known = _verb_words()
    verbs: list[str] = []
    for word, tag in reversed(pos_tags(text)):
        if not (tag.startswith("v") or word in known):
            break
        verbs.insert(0, word)
    return "".join(verbs)


def _bare_noun(text: str) -> bool:
    """Is ``text`` a noun phrase alone, with no list mark, verb or preposition (应急发电机)?"""
    if _LIST_OR_BRACKET.search(text):
        return False
    known = _verb_words()  # a verbal noun (综治, 建设) may stand in a noun phrase
    return not any((tag[:1] in ("v", "p") and tag != "vn") or word in known for word, tag in pos_tags(text))


def _has_verb(text: str) -> bool:
    known = _verb_words()
    tags = pos_tags(text)
    # a verb a one-character noun ends is a noun's first word (调解|室, 接待|室): no verb
    return any(((tag.startswith("v") and tag != "vn") or word in known)
               and not (i + 1 < len(tags) and len(tags[i + 1][0]) == 1 and tags[i + 1][1].startswith("n"))
               for i, (word, tag) in enumerate(tags))


@lru_cache(maxsize=1)
def _verb_words() -> frozenset[str]:
    """Verbs jieba's tags miss (落实 is tagged an adjective): the lexicons' predicate verbs."""
    return load_set("predicate_verbs.txt") | load_set("stat_verbs.txt")


def _elliptical(text: str, before: str, noun: str, unit: str, near: StatHit | None, clause_start: int,
                cs: int, opener: StatHit | None = None) -> tuple[str, str, str, str | None] | None:
    """The words of a count that leaves them out and borrows them from the count before it,
    as (indicator, base, noun, verbs), or None:

    - 审结刑事案件420件，同比上升4.2%: a bare change keeps the words of the count it changes;
    - 审结案件420件，结案率97.5%: a bare rate is the rate of that count;
    - 12个部门常驻办公，5个轮流坐班: a bare count of the same unit counts the same noun;
    - 查处违纪案件12件，群众身边问题8件，共计20件, 部署6项行动、24项工作: a list item without
      a verb takes the verbs of the count that opened the list."""
    if near is None:
        return None
    near_base = near.base or near.indicator
    if before and _STEP.fullmatch(before) and near.unit == unit and text[clause_start - 1:clause_start] == "，":
        return near.indicator, near.base, near.noun, near.verb  # 从…的40%，到…的50%，再到现在的60%
    if _CHANGE_ONLY.fullmatch(before):
        # (纠错率11.1%，较上年提高2.3个百分点: points are the rate's change, not its count's)
        prev_ind = _CHANGE_TAIL.sub("", near.indicator if unit == "个百分点" and near.unit == "%" else near_base)
        return prev_ind + before, prev_ind, "", near.verb
    if unit == "%" and _SHARE_BARE.fullmatch(before) and near.unit != "%" and near.end <= clause_start:
        what = near.noun or near_base  # 劳资纠纷167件，占20.4%: that count's share of the whole
        return what + "占比", what, "", near.verb
    if unit == "个百分点" and _COMPARED.fullmatch(before) and near.unit == "%":
        return near_base + before, near_base, "", near.verb  # 成功率98.2%，高于全市平均水平3.1个百分点
    if near.unit == unit and text[clause_start - 1:clause_start] in "，、" and _LEVEL_NOUN.fullmatch(before):
        lm = _LEVEL_HEAD.match(near_base)
        if lm and lm.end() < len(near_base):  # 乡镇综治中心建设率100%，村（社区）95%: the same rate, another level
            return before + near_base[lm.end():], before + near_base[lm.end():], "", near.verb
    if _BARE_RATE.fullmatch(before) and near.unit != "元" and not near_base.endswith("率"):
        return near_base + before, near_base, "", near.verb
    if near.unit != unit or near.end > clause_start:
        return None
    raw = text[clause_start:cs].strip()
    if not before and near.noun and not _DIGIT.search(raw) and text[clause_start - 1:clause_start] == "，" \
            and (not noun or _opens_predicate(noun)):
        return near.noun + noun, near.base, near.noun, near.verb
    if not before and noun and text[clause_start - 1:clause_start] == "、":
        verb = _lead_verbs(opener or near)  # 部署开展6项行动、24项具体工作: one verb for both
        if verb:
            return verb + noun, verb, noun, verb
    if _TOTAL.fullmatch(text[clause_start:clause_start + 2].rstrip("0123456789")) and not before:
        verb = _lead_verbs(opener or near)
        return (verb + "共计", verb, "", verb) if verb else None
    if before and not noun and near.base and not _has_verb(before):
        verb = _lead_verbs(near)
        if verb:
            return verb + before, verb + before, "", verb
    if before and not noun and _bare_verb(before):
        obj = _object_of(near)  # 受理信访事项300件，办结290件: what was settled is what was received
        if obj and before in obj and (verb := _lead_verbs(near)):
            return verb + before, verb + before, "", verb  # 查处酒驾醉驾行为217起，其中醉驾43起: a kind of it
        if obj:
            return before + obj, before + obj, "", before
    return None


# a level of government or of the units under it (乡镇, 村（社区）, 县级): a list of one figure per level
_LEVEL_NOUN = re.compile("(?:乡镇级|县级|市级|区级|乡级|镇级|村级|乡镇|行政村|街道|社区|县|市|区|乡|镇|村)(?:[（(][^）)]{1,6}[）)])?")
_LEVEL_HEAD = re.compile(_LEVEL_NOUN.pattern + "(?![城域内里直属委政])")  # (not 县城区: a part of the county)
_SHARE_BARE = re.compile("(?:约|大约|分别)?占(?:比)?(?:达|为|约)?")
# a clause that only compares a rate with another (高于全市平均水平)
_COMPARED = re.compile("(?:分别)?(?:高于|低于|超过|超出|领先|落后于?)[^，。；0-9]{0,14}")
# a clause that only moves a figure on in time (再到现在的60%): the figure before's words
_STEP = re.compile("(?:再|又|而|后来|然后)?(?:到|至|升至|升到|增至|降至|达到)(?:现在|目前|如今|当前|今天|现今|眼下)?的?")
_STEP_LEAD = re.compile("(?:已|共|均|成功|累计|先后|当场)+")


def _bare_verb(text: str) -> bool:
    """Is ``text`` a verb alone, with at most an adverb before it (化解, 已办结, 调解成功), so
    the count names the deed and leaves its object to the count before?"""
    core = _STEP_LEAD.sub("", text)
    if not core or len(core) > 4:
        return False
    if core in _verb_words():
        return True
    tags = pos_tags(core)
    return tags[0][1] == "v" and all(t[:1] in ("v", "a", "d") for _, t in tags)


@lru_cache(maxsize=1)
def _verb_re() -> re.Pattern:
    return re.compile("|".join(sorted(_verb_words(), key=len, reverse=True)))


def _object_of(hit: StatHit) -> str:
    """The object of a count's deed (矛盾纠纷 in 全县共排查矛盾纠纷), or ''."""
    if hit.noun:
        obj = hit.noun
    else:
        base = hit.base or ""
        last = None
        for last in _verb_re().finditer(base):
            pass
        if last is None:
            return ""
        obj = base[last.end():].lstrip("了出")  # (排查出隐患: 出 completes the verb)
    if not _CJK2.search(obj) or _LIST_OR_BRACKET.search(obj) or _verb_re().search(obj):
        return ""
    return obj


@lru_cache(maxsize=1)
def units() -> dict[str, str]:
    """Every unit word → its class (count, compound, measure, money, score)."""
    out: dict[str, str] = {}
    for row in load_table("stat_units.txt"):
        if len(row) >= 2:
            for u in row[1].split():
                out[u] = row[0]
    return out


def _count_verbs() -> str:
    """The count verbs as one alternation, longest first."""
    return "|".join(sorted(load_set("stat_verbs.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _count_verb_object_re() -> re.Pattern:
    """A count verb and its object (2–10 characters, no 了 of a verb of its own) ending the text
    before a number."""
    return re.compile(f"(?:{_count_verbs()})了?[^\\s{_CN_DIGITS}零万亿了，。；：、（）()“”0-9]{{2,10}}$")


@lru_cache(maxsize=1)
def _count_verb_reach() -> int:
    """How far before the end of a text a match of _count_verb_re may start: the character
    before, the longest verb, 了 or 出 (a search from there finds what one from the start finds)."""
    return 1 + max(map(len, load_set("stat_verbs.txt"))) + 1


@lru_cache(maxsize=1)
def _count_verb_re() -> re.Pattern:
    """A count verb ending the text before a number (打掉, 举办了, 派出), and the word before it."""
    return re.compile(f"(.?)(?:{_count_verbs()})(?:了|出)?$")


@lru_cache(maxsize=1)
def _number_re() -> re.Pattern:
    """A number, its multiplier, qualifiers and unit. The match opens on the number's first
    character, which it reads before anything else (see below): the digits or numerals after
    it are the groups ``num_rest`` and ``cn_rest``."""
    by_length = sorted(units(), key=len, reverse=True)
    # (the lookahead of the units' first characters spares the engine trying the units one by
    # one where none starts: after each digit of a year or a date)
    firsts = re.escape("".join(sorted({u[0] for u in by_length} | {"件"})))
    # (the one-character units as one class, after the longer ones: one test, not one per unit)
    longer = [re.escape(u) for u in by_length if len(u) > 1]
    single = "".join(re.escape(u) for u in by_length if len(u) == 1)
    unit_alt = f"(?=[{firsts}])(?:" + "|".join(["件[(（]人[)）]次", *longer, f"[{single}]"]) + ")"
    cn = f"[{_CN_DIGITS}]"
    mult2 = "(?:(?<=[余多])[万亿])?"  # 20余万条: the multiplier after the qualifier
    # The pattern opens on the class of the characters a number may open with, which it
    # consumes: the engine then skips at C speed to the next of them (a pattern opening on a
    # lookahead or a group is tried at every character of the text, a third slower); what the
    # first character was is then looked behind at. The branches are those of
    # ``(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|(?<![0-9])[0-9]+(?:\.[0-9]+)?)``
    # and ``(?P<cn>半(?=个?小时)|[上数几](?=[万亿])|[过超逾近](?=[万亿](?:元|人|余|多))|
    # (?:[上数几](?=[十百千]))?[numerals]{1,5}(?:[万亿]零?[numerals]{1,5})?(?=…unit))``, tried in
    # the same order, less their first character. A plain run of digits opens at its first
    # digit (where a number tried at the digit before fails, it fails from this one too: the
    # look behind only spares the engine the trying; so do the lookahead of the comma of a
    # number in thousands and the look behind of a first character that is no digit).
    rx = re.compile(
        f"[0-9{_CN_DIGITS}半上数几过超逾近]"
        "(?:(?<=[0-9])(?P<num_rest>(?=[0-9]{0,2},)[0-9]{0,2}(?:,[0-9]{3})+(?![0-9])(?:\\.[0-9]+)?|(?<![0-9][0-9])[0-9]*(?:\\.[0-9]+)?)"
        "|(?<![0-9])(?P<cn_rest>(?<=半)(?=个?小时)|(?<=[上数几])(?=[万亿])|(?<=[过超逾近])(?=[万亿](?:元|人|余|多))"
        f"|(?<=[上数几])(?=[十百千]){cn}{{1,5}}(?:[万亿]零?{cn}{{1,5}})?(?=(?:万|亿)?(?:余|多|来)?{mult2}(?:{unit_alt}))"
        f"|(?<={cn})(?:{cn}|零(?={cn})){{0,6}}(?:[万亿]零?{cn}{{1,5}})?(?=(?:万|亿)?(?:余|多|来)?{mult2}(?:{unit_alt}))))"
        f"(?P<mult>万|亿)?(?P<post>余|多|来)?(?P<mult2>{mult2})?(?:(?P<pct>%|％)|(?P<unit>{unit_alt})|(?<=[万亿余多])(?=[，。；、,）)\\s]|$)|(?<=万)(?=[{CJK}]{{1,6}}人|(?:各族|城乡)?(?:群众|居民|人民群众)))"
        "(?P<post2>以上|左右|余|以下)?")
    # (find_statistics reads the groups by m.groups(): these, in this order)
    assert list(rx.groupindex) == ["num_rest", "cn_rest", "mult", "post", "mult2", "pct", "unit", "post2"] == \
        sorted(rx.groupindex, key=rx.groupindex.get) and rx.groups == 8
    return rx


_NORM = re.compile(f"每[个名位户村人家所镇乡][{CJK}]{{1,6}}[均都]?(?:有|配备|配|明确|确定|落实|安排|选派|派驻|设置|设立)")
# a standard (按每1名网格员联系50户的标准, 以1小时折算3分的比例): its figure is 50 or 3, its 1 says per what
_STANDARD_BEFORE = re.compile("按照?[^，。；：按]{0,22}$")
_STANDARD_AFTER = re.compile("[^，。；：]{0,24}?(?:标准|比例)(?![^，。；：]{0,6}(?:达|为|是))")
_PRE_WORDS = ("近", "约", "超过", "逾", "超", "突破", "至少", "不少于")
_PRE = re.compile(f"(?:{'|'.join(_PRE_WORDS)})$")
_PRE_ENDS = frozenset(w[-1] for w in _PRE_WORDS)  # (no qualifier before a number that none of these ends)
_RANGE = re.compile("(?P<lo>[0-9]+(?:\\.[0-9]+)?)(?:至|到|~|～|-|—)$")
_RANGE_ENDS = frozenset("至到~～-—\n")  # what a text _RANGE finds in ends on ($ passes a last line break)
_STOP_AFTER = "，。；、：（()！？\n“”"
_CLAUSE_STOP = "，；：。"
# a number with 万 or 亿 and no unit: the unit its indicator implies
_IMPLIED_UNIT = (("元", re.compile("(?:金额|资金|经费|标的|投入|投资|收入|产值|价值|罚款|罚金|费用?|款项?|资产)$")),
                 ("人", re.compile("(?:人口|人数|群众|居民|常住人口|户籍人口)$")))


# people counted by ten thousands with no unit word (17万德格人世代居住…, 120万城乡居民): a place's
# people (人 not opening 人民币, 人次, 人员 …), or the people named
_PEOPLE = re.compile(f"(?:[{CJK}]{{1,6}}?人员?(?![民次均口数])|((?:各族|城乡)?(?:群众|居民|人民群众)))")
_LIVING = re.compile("居住|生活|聚居|繁衍|安居|世代")  # (17万德格人世代居住: the place's population)
# a count told in an image (3块硬邦邦的“骨头”): a reduplicated adjective before a quoted noun
_METAPHOR = re.compile(f"[{CJK}]([{CJK}])\\1的?[“‘\"]")
_REST = re.compile("[^，。；：！？\n]*")
_ROUND_FIGURE = re.compile(f"[{_ROUND_PRE}][十百千万亿]")  # (追回赃款几万元: a figure, though no claim)
# the little patterns read around each number
_LIST_OR_BRACKET = re.compile("[、，（(]")
_BARE_RATE = re.compile(f"[{CJK}]{{0,2}}率")
_DIGIT = re.compile("[0-9]")
_FORMULA_GLOSS = re.compile("[“\"]?[0-9A-Za-z一二三四五六七八九十]{1,3}[”\"]?(?:即|是指|指|就是|代表)")
_ORDINAL = re.compile("(?:位居|位列|居|列)?第[0-9一二三四五六七八九十]+(?:名|位)?")
_TOTAL = re.compile("共计|合计|总计|共")
_ITEM_MARK = re.compile("[，、；：]")
_RUN_ON = re.compile("(?:等|连续|累计|共计|先后|共|合计|总计)$")
_LIST_END = re.compile(f"、[{CJK}]{{1,8}}、[{CJK}]{{1,8}}$")
_TWO_CJK = re.compile(f"[{CJK}]{{2}}")
# what lies between a count and the next item of its list, a noun and no verb of its own
_NEXT_ITEM = re.compile(f"(?:、|，其中)[{CJK}]{{1,10}}")
_ITEM_END = "，。；、"
_CN_PLACES = re.compile("[十百千万亿]")
_CJK_CHAR = re.compile(f"[{CJK}]")


def _plain_class() -> str:
    """The class of the Chinese characters (CJK's ranges) less the numerals, as ranges: one test
    a character (a lookahead of the numerals before each character of a run costs three)."""
    out = []
    holes = sorted(ord(c) for c in _CN_DIGITS)
    for first, last in re.findall("(.)-(.)", CJK):
        lo, hi = ord(first), ord(last)
        for h in holes:
            if lo <= h <= hi:
                if lo < h:
                    out.append((lo, h - 1))
                lo = h + 1
        if lo <= hi:
            out.append((lo, hi))
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in out)


_PLAIN_RUN = re.compile(f"[{_plain_class()}]*")  # Chinese characters other than numerals
# two and three Chinese characters anywhere (a search for them, not a list of every one)
_CJK2 = re.compile(f"[{CJK}][^{CJK}]*[{CJK}]")
_CJK3 = re.compile(f"[{CJK}][^{CJK}]*[{CJK}][^{CJK}]*[{CJK}]")
_BRACKETS = re.compile("[(（)）]")
_NOUN_OPEN = re.compile(f"[{CJK}“]")
_WITHIN = re.compile("^以?内")
_AND_END = re.compile("[和及与]$")
_SHARE = re.compile("(?:约|大约)?占(?:全|总|比|到)")
# a clause that is only a place or its whole (全镇, 该县, 石门县) before a count of people
_POPULATION = re.compile(f"(?:全|该|本)?[{CJK}]{{0,10}}(?:省|市|州|盟|县|区|旗|镇|乡|村|社区|街道)(?:共有|共|有)?")
_NEXT_CLAUSE = re.compile("[，,]([^，。；0-9]{2,16})(?=[，。；]|$)")
# a clause that only says who speaks (…所长吴某告诉记者，今年以来…): no activity for the count after it
_SAYS = re.compile("(?:告诉记者|向记者介绍|介绍说?|表示|指出|透露|坦言|说|称|据悉|据了解|据统计|记者了解到|记者获悉|记者从[^，]{2,16}获悉)$")


def _count_at(text: str, pos: int) -> bool:
    """Does a count in Chinese numerals start at ``pos`` (一台, 两名)? Its noun is its own."""
    if text[pos] not in _CN_DIGITS:
        return False
    m = _number_re().match(text, pos)
    return bool(m and m.group("cn_rest") is not None and m.group("unit"))


def _clause_text(text: str, lo: int, pos: int) -> str:
    """The text of the comma-clause before ``pos`` (at most 40 characters back)."""
    bound = max(lo, pos - 40)
    stop = max(text.rfind("，", bound, pos), text.rfind("；", bound, pos), text.rfind("：", bound, pos),
               text.rfind("。", bound, pos))  # the marks of _CLAUSE_STOP
    return text[max(bound, stop + 1):pos]


_CLAUSE_MARKS = re.compile(f"[{_CLAUSE_STOP}(（)）、—]")  # every character _clause_start stops to look at


def _clause_start(text: str, lo: int, pos: int) -> int:
    """Where the clause that ends at ``pos`` begins: after the last ，；：。 or an unclosed
    bracket or a dash (——; one — joins a range: 2019—2021年); a 、 stops it only when the item
    before it holds a number of its own (平安单位24个、平安校园5个), so an object list stays
    whole (破获盗窃、诈骗案件76起); a closed bracket (村(社区)) is passed over."""
    cs = pos
    lo = max(lo, pos - 80)
    item_has_digit = False
    while cs > lo:
        # pass over the characters that are no mark at once (the window read backwards)
        mark = _CLAUSE_MARKS.search(text[lo:cs][::-1])
        if mark is None:
            return lo
        cs -= mark.start()
        ch = text[cs - 1]
        if ch in _CLAUSE_STOP or ch in "(（" or text.startswith("——", cs - 2):
            break
        if ch in ")）":
            opener = text.rfind("(" if ch == ")" else "（", max(lo, cs - 20), cs - 1)
            if opener < 0:
                break
            cs = opener
            continue
        if ch == "、":
            j = cs - 1
            while j > lo and text[j - 1] not in _CLAUSE_STOP + "、(（":
                if text[j - 1].isdigit():
                    item_has_digit = True
                    break
                j -= 1
            if item_has_digit:
                break
        cs -= 1
    return cs


def _broken_line_start(text: str, sent_s: int) -> int:
    """Where the sentence at ``sent_s`` really starts: the line before, when a PDF's hard break
    cut a sentence there (a long line with a comma that ends on a character, 查处违法\n案件8起)."""
    if sent_s < 9 or text[sent_s - 1] != "\n":
        return sent_s
    line_s = text.rfind("\n", max(0, sent_s - 200), sent_s - 1) + 1
    line = text[line_s:sent_s - 1]
    if len(line) >= 20 and "，" in line and _CJK_CHAR.match(line[-1]):
        return line_s
    if text[sent_s:sent_s + 1].isdigit() and len(line) >= 8 and _count_verb_object_re().search(line[-14:]):
        return line_s  # 共破获电信诈骗案件\n47起: a count verb and its object, the figure on the next line
    return sent_s


def _accept_duration(text: str, e: int, value: float, unit: str) -> bool:
    """A duration is a figure where its clause ends on it (每周驻村6小时) or it bounds an act
    (10分钟内出发, 半个小时才到); not a regime (24小时值班, 24小时内办结)."""
    after = text[e:e + 2]
    if unit.endswith("小时") and value in (24, 48, 72):
        return False
    return not after or after[0] in "，。；、" or after[0] in "才就" or after.startswith(("内", "以内"))


def _closing_count(text: str, lo: int, s: int, e: int) -> bool:
    """Do a count verb and its object, after ``lo``, run up to a count (``s``–``e``) that closes
    its clause (破获刑事案件三十二起，)?"""
    return (e >= len(text) or text[e] in _ITEM_END) and _count_verb_object_re().search(text, lo, s) is not None


def _one_after_noun(text: str, lo: int, s: int, e: int, unit: str | None) -> bool:
    """Is 一 a count closing its clause after its noun (新增无人机一台。), not an article? (Not
    一起, which there is mostly "together".)"""
    return unit != "起" and _closing_count(text, lo, s, e)


def _accept_chinese(text: str, s: int, e: int, cn: str, unit: str | None, post: str | None, sent_s: int,
                    prev: "StatHit | None" = None) -> bool:
    """Is a count written in Chinese numerals a claim? Approximate counts (上千名, 百余名, 数千起)
    always are; otherwise a count verb (打掉一个, 举办两场), 等 (等七个), 连续 / 累计 (连续三次),
    or a list (A、B、C三场) must come right before it, or 一次 must close a clause after its
    deed (荣立二等功一次). Never a list heading (建立四项机制) nor 一批."""
    unit = unit or ""
    after = text[e:e + 4]
    if cn[0] in _ROUND_PRE or post:
        return True
    if cn == "一" and not (_ONE_VERBS.search(text, max(sent_s, s - 6), s) or unit == "次"
                          or (prev is not None and prev.unit == unit)
                          or _one_after_noun(text, max(sent_s, s - 12), s, e, unit)):
        return False  # the commonest case by far: 一 as an article
    if prev is not None and prev.unit == unit and 0 <= s - prev.end <= 20 \
            and not PAUSE_MARK.search(text[prev.end:s]):
        return True  # 一台发电机一台卫星电话: the next item of a run of counts
    if prev is not None and (e >= len(text) or text[e] in _ITEM_END) and _NEXT_ITEM.fullmatch(text, prev.end, s):
        return True  # 综治中心十二个、警务室三十个 / 调解员五百名，其中专职二百名: the next item, its noun before it
    if _LIST_HEADS.match(after) or unit in ("批", "种", "些"):
        return False
    # what makes it a count (the first of these tests that holds decides; none: not a count) …
    before = text[max(sent_s, s - 12):s]
    if _RUN_ON.search(before):
        counted = True
    elif vm := _count_verb_re().search(before, max(0, len(before) - _count_verb_reach())):
        # 一 is mostly an article (建立了一支队伍); it counts only what was struck, seized or won
        counted = cn != "一" or (bool(_ONE_VERBS.search(before)) and vm.group(1) not in ("每", "又", "再", "这", "那", "某"))
    elif cn != "一" and _LIST_END.search(before):
        counted = True
    elif _closing_count(text, max(sent_s, s - 12), s, e):
        counted = True  # 破获刑事案件三十二起，: a count verb, its object, and the count closing the clause
    elif cn != "一" and _SUBJECT_ONLY.fullmatch(_clause_text(text, sent_s, s)) and _BODY_COUNTED.match(text, e):
        counted = True  # 三个派出所开展…: a count of bodies that opens its clause
    elif cn == "一" and unit == "次" and (e >= len(text) or text[e] in "，。；、"):  # (no 每 in its clause: see below)
        counted = bool(_TWO_CJK.search(text, _clause_start(text, sent_s, s), s))
    else:
        counted = False
    if not counted:
        return False
    # … unless its clause says how often or spells a formula out (tested only for what would
    # count: most numerals are articles and headings, and fail the tests above)
    # (the clause lies in the 80 characters before the number, its 40 last ones in the 40: each
    # is cut out only where what is looked for in it is written there at all)
    if text.find("每", max(sent_s, s - 80), s) >= 0 and "每" in text[_clause_start(text, sent_s, s):s]:
        return False  # 每半月召开一次: how often, not how many
    near = text[max(sent_s, s - 40):s]
    if ("即" in near or "指" in near or "是" in near or "代" in near) \
            and _FORMULA_GLOSS.match(_clause_text(text, sent_s, s)):
        return False  # “2”即甲、乙两支队伍: a formula's part spelled out, not a count
    return True


# a clause that only says "at the meeting" (会上) and the meetings a text names before it
_AT_EVENT = re.compile("(?:在|于)?(?:会上|会议上|会中|大会上|活动中|活动现场|现场)")
_EVENT = re.compile("([^，。；、：\\s“”—]{2,20}?(?:会议|大会|座谈会|交流会|推进会|部署会|调度会|培训会|现场会|联席会|分析会|"
                    "研判会|观摩会|恳谈会|听证会|评议会|推介会|发布会|动员会|例会|论坛|研讨会|报告会|宣讲会|表彰会|总结会))"
                    "(?![^，。；]{0,2}(?:上|中))")
_EVENT_HOST = re.compile("^.*(?:召开|举行|举办|参加|出席|主持|组织)了?")  # 永顺县召开…会: the meeting alone
# a count's noun that a relative clause makes part of a body or an event (部门参与的联席会议)
_RELATIVE = re.compile(f"([{CJK}]{{1,8}}?)(参与|参加|组成|构成|出席|入驻|进驻|加入|签约|联动|共建)的"
                       f"([{CJK}“”]{{2,12}}?)(?=[每已共均于在将也正到来]|本月|今年|近日|日前|昨|$)")
# the words of a rate before its figure (按1分折算0.8元的比例: 按1分折算)
_RATE_BEFORE = re.compile("按照?每?([0-9]+(?:\\.[0-9]+)?)([^0-9，。；]{1,3}?)(兑换|折算|折合|奖励|补贴|计|换算|抵扣|抵)$")
# 其 as the object of an order (要求其退还, 责令其整改) and the firms a sentence names after a preposition
_PRONOUN_OBJ = re.compile("(?:责令|要求|督促|帮助|指导|责成|命令)其")
_FIRM = re.compile(f"(?:向|对|与|责令|要求|督促|将|给|为|帮助)([{CJK}]{{2,16}}?(?:有限责任公司|股份有限公司|有限公司|公司|合作社|工厂|厂))")
# a gang struck in a clause before a count (捣毁一个“拎包”团伙，刑拘嫌疑人9人)
_GANG_WORD = re.compile("团伙|犯罪集团|犯罪组织|窝点")
_GANG = re.compile("(?:打掉|摧毁|端掉|捣毁|打垮|铲除|打掉了|摧毁了|端掉了)(?:一个|这个|该|此)?([^，。；]{2,30}?(?:团伙|犯罪集团|犯罪组织|窝点))(?=[，；])")
# a clause that sets a place up (建成禁毒宣教展馆, 设立了“阿妈调解”工作室): the place a count after it is of
_FACILITY_KINDS = "基地|中心|工作室|调解室|服务站|工作站|驿站|平台|窗口|法庭|服务队|志愿队|调解队|巡逻队|馆|厅|站|室|所"
_FACILITY = re.compile(f"(?:建成|建立|建起|设立|成立|打造|组建|开设|开通|启用|挂牌)(?:了|起)?"
                       f"([^，。；0-9]{{2,16}}?(?:{_FACILITY_KINDS}))$")
_FACILITY_END = re.compile(f"(?:{_FACILITY_KINDS})$")
_FACILITY_ENDS = frozenset(k[-1] for k in _FACILITY_KINDS.split("|"))
_SPEECH_END = ("，", "；", "，\n", "；\n")  # (a comma or semicolon at the end, or before a last line break)


def _is_speech(content: str) -> bool:
    """Does a quotation hold a stop, or end on a comma or semicolon (the pattern
    ``[。！？]|[，；]$``; not a slogan's comma: “归还土地，万人签名”)? By str tests: a report's
    every quotation is asked, and a pattern of two branches is tried at every character."""
    return "。" in content or "！" in content or "？" in content or content.endswith(_SPEECH_END)
# a clause that only says since or during what (开展专项斗争以来, 活动期间): the time of the count after it
# a clause that only says under what, as what or for what (在…支持下, 随着…推进, 为提升…): no deed
_CIRCUMSTANCE = re.compile("(?:在[^，。；]{2,30}(?:下|之下)$|随着|为了|为(?:进一步|切实|更好|有效|全面|确保|推动|加强|提升|解决|破解|保障|营造)"
                           "|针对|经过|按照|根据|围绕)")
_SINCE_CLAUSE = re.compile("(?:以来|期间|之际|以后|之后)$")


def find_statistics(doc: Doc, subjects: list[tuple[int, int]] = (), names: list[tuple[int, int]] = ()) -> list[StatHit]:
    """Statistics of ``doc``; ``subjects`` are the spans of agency and place mentions,
    dropped from the front of an indicator; a number inside one of ``names`` (a named
    formula, campaign or honor) is part of that name, not a claim."""
    text = doc.text
    out: list[StatHit] = []
    # (a quotation with a clause mark in it is speech, whose figures are claims: “我们走访群众2万余户，…”)
    quoted = [(q.start, q.end) for q in doc.quotes if not _is_speech(q.content)]
    quoted += names
    quoted.sort()
    q_starts = [a for a, _ in quoted]
    q_reach = []  # the furthest end among the spans starting at or before each one
    for _, b in quoted:
        q_reach.append(max(b, q_reach[-1]) if q_reach else b)
    sentences = doc.sentences
    last_period: dict[int, str] = {}
    prev_after_end = -1
    treated_next = -1  # where a list of counts that 对 governs goes on
    prev_ran_in = False  # the previous number's noun ran up to this number
    period_scan = (-1, 0, None)  # (sentence start, scanned up to, longest period so far)
    subj = sorted(subjects)
    subj_starts = [a for a, _ in subj]
    unit_class = units()
    line_start: dict[int, int] = {}  # sentence start → where it really starts (see _broken_line_start)
    for m in _number_re().finditer(text):
        # (its groups read once, in the pattern's order: m.group(name) looks each name up)
        num_rest, cn_rest, g_mult, g_post, g_mult2, g_pct, g_unit, g_post2 = m.groups()
        mult = g_mult or g_mult2  # (20万余条 or 20余万条)
        if not (g_unit or g_pct or mult):
            continue  # a bare number (a year, a code): nothing counted
        s, e = m.span()
        # the number, in digits or in numerals: its first character, the match's, and the rest
        g_num = None if num_rest is None else text[s:s + 1 + len(num_rest)]
        g_cn = None if cn_rest is None else text[s:s + 1 + len(cn_rest)]
        # a qualifier before the number (近5000个, 超过3成), read here rather than by the pattern,
        # which would otherwise try it at every character
        pre_m = _PRE.search(text, max(0, s - 3), s) if s and text[s - 1] in _PRE_ENDS else None
        pre = pre_m.group(0) if pre_m else None
        if pre_m:
            s = pre_m.start()
        num_start = m.start()  # (the match opens on the number)
        prev = text[num_start - 1] if num_start > 0 else ""
        if g_num:
            if prev and (prev.isdigit() or prev in ".第+-每" or (prev.isascii() and prev.isalpha())):
                continue
        elif (prev and prev in _NOT_BEFORE_CN) or text[num_start:num_start + 2] in ("一一", "一个个"):
            continue
        elif g_cn == "一" and g_unit != "次" and not mult and not _ONE_VERBS.search(text, max(0, s - 6), s) \
                and not (out and 0 <= s - out[-1].end <= 20 and out[-1].unit == g_unit) \
                and not _one_after_noun(text, max(0, s - 12), s, m.end(), g_unit):
            continue  # 一 as an article, the commonest case by far: rejected before any other work
        i = bisect.bisect_right(q_starts, s) - 1
        if i >= 0 and q_reach[i] > e and any(a <= s and e < b for a, b in quoted[max(0, i - 8):i + 1]):
            continue  # “10个严禁” names something, 3支队伍 a formula's part: they claim no number
        unit = "%" if g_pct else g_unit
        after = text[e:e + 1]
        si = doc.sentence_index(s)  # (its index too: the sentence's periods are kept by it)
        sent_s, sent_e = sentences[si] if si >= 0 else (0, 0)
        people = None
        if unit is None and g_num and mult == "万" and after and after not in "，。；、,） )\n":
            pm = _PEOPLE.match(text, e)
            if pm is None:
                continue
            # 17万德格人世代居住…, 120万城乡居民: a place's people counted in ten thousands
            unit, people = "人", pm.group(1) or ("人口" if _LIVING.match(text, pm.end()) else pm.group(0))
        elif unit is None:
            # 执行到位金额3.5亿, 常住人口28.6万: a large number whose indicator implies its unit
            if not g_num or not mult or (after and after not in "，。；、,） )\n"):
                continue
            head = text[_clause_start(text, sent_s, s):s]
            unit = next((u for u, rx in _IMPLIED_UNIT if rx.search(_strip_trail(head) if head else "")), None)
            if unit is None:
                continue
        unit = _BRACKETS.sub("", unit)
        if unit == "人" and text.startswith("民币", e):
            unit, e = "元", e + 2  # 5万人民币: money, not people
            after = text[e:e + 1]
        if unit_class.get(unit) == "count" and unit not in ("人", "万人") and _TIME_AFTER.match(text, e):
            continue  # 3个月, 24小时 …
        if unit in ("组", "队", "社") and prev and (prev in "村屯" or text[num_start - 2:num_start] == "社区") \
                and text[num_start - 2:num_start - 1] not in "全该本各每":
            continue  # 新村村3组村民: a village's group, an address, no count
        if _NOT_COUNTED.match(text, e) and unit in ("个", "套", "次"):
            continue  # 6个字, 4套班子, 一次性
        if _METAPHOR.match(text, e):
            continue  # 3块硬邦邦的“骨头”: a figure of speech, not a count
        if unit == "分" and ((after and after in "钟之") or (prev and prev in "时点")):
            continue  # 5分钟, 3分之1, 8时30分
        if g_post2 in ("以上", "以下") and e < len(text) and _CJK_CHAR.match(text[e]) and text[e] != "的":
            continue  # 10万元以上经济案件: a threshold that qualifies a noun (not 80%以上的村)
        if g_num and text.find("每", max(sent_s, s - 40), s) >= 0 and _NORM.search(_clause_text(text, sent_s, s)):
            continue  # 每个小区均配备2名调解员、1名法律顾问: a norm for each unit, not a count
        if g_num == "1" and _STANDARD_BEFORE.search(text, max(sent_s, s - 24), s) and _STANDARD_AFTER.match(text, e):
            continue  # 按照每30户配备1名网格员的标准: the one a standard's figure is per
        if g_num:
            value = float(g_num.replace(",", ""))  # 1,234: thousands marked as in tables
            if unit == "年度" and 1900 <= value <= 2100:
                continue  # 2023年度: a year
        elif g_cn == "半":
            value = 0.5  # 半个小时
        else:
            near_prev = out[-1] if out and out[-1].start >= sent_s else None
            if unit_class.get(unit) != "duration" and not _accept_chinese(text, s, e, g_cn + (mult or ""), g_unit, g_post,
                                                                          sent_s, near_prev):
                continue
            digits = g_cn.lstrip(_ROUND_PRE)
            if len(digits) > 1 and not _CN_PLACES.search(digits):
                continue  # 三四家, 两三条: a range told by neighbouring numerals, no one figure
            value = float(cn_int(digits) or 0) if digits else 1.0
            if not value:
                continue
        if unit_class.get(unit) == "duration" and not _accept_duration(text, e, value, unit):
            continue
        for m_ in (g_mult, g_mult2):  # (8.9万多亿元: both)
            if m_:
                value *= 10_000 if m_ == "万" else 100_000_000
        if unit in ("万元", "亿元"):  # money in yuan: 515万元 is 5150000 元
            value *= 10_000 if unit == "万元" else 100_000_000
            unit = "元"
        elif unit == "万人":
            value *= 10_000
            unit = "人"
        elif unit == "个小时":
            unit = "小时"
        if not value.is_integer():
            value = round(value, 6)  # (a whole number is its own rounding: round() is slow)
        cn_pre = g_cn[0] if g_cn and g_cn[0] in _ROUND_PRE else None
        if cn_pre in ("数", "几") and unit == "元":
            continue  # 假币面额共计数十万元: a sum told only by its order, no figure
        qualifier = pre or cn_pre or g_post or g_post2
        qualifier = {"多": "余", "超": "超过"}.get(qualifier, qualifier)
        same_sentence = bool(out) and out[-1].start >= sent_s
        # the clause before the number …
        if sent_s not in line_start:  # (where the sentence really starts: read once for its numbers)
            line_start[sent_s] = _broken_line_start(text, sent_s)
        cs = _clause_start(text, line_start[sent_s], s)
        after_noun_before = same_sentence and prev_ran_in  # the previous count's noun ran up to this one
        if after_noun_before:
            cs = max(cs, out[-1].end)  # 为15户困难家庭发放慰问金30000元: the noun between both
        elif prev_after_end <= s:
            cs = max(cs, prev_after_end)
        clause_start = cs  # before any subject is skipped
        rng = _RANGE.search(text[max(cs, s - 8):s]) if text[s - 1:s] in _RANGE_ENDS else None
        # … and, when the number counts the noun after it (新增了2881个高清探头), that noun
        ae = e
        while True:
            # (a run of characters that are no numeral, mark or digit is passed at once)
            ae = _PLAIN_RUN.match(text, ae, min(len(text), e + 24)).end()
            if not (ae < len(text) and ae - e < 24 and not text[ae].isdigit()
                    and not (text[ae] in _CN_DIGITS and _count_at(text, ae))):
                break
            ch = text[ae]
            if ch == "“":  # 1名“全国青年岗位能手”, 打掉一个“砂霸”团伙: a quoted name in the noun
                close = text.find("”", ae, e + 24)
                if close < 0:
                    break
                ae = close + 1
                continue
            if ch in _STOP_AFTER and not (ae > e and ch in "、（()）" and ae + 1 < len(text) and not text[ae + 1].isdigit()):
                break
            ae += 1
        after_text = text[e:ae].lstrip("的") if ae > e and _NOUN_OPEN.match(text[e]) else ""
        after_text = after_text.replace("“", "").replace("”", "")
        if unit == "人" and after_text.startswith("口"):
            after_text = "人口"  # 54万人口中: the number is of people, the noun their whole
        if unit_class.get(unit) == "duration" and _WITHIN.match(after_text):
            qualifier = qualifier or "内"
            after_text = _WITHIN.sub("", after_text, count=1)
        ran_in = bool(after_text) and ae < len(text) and (text[ae].isdigit() or _count_at(text, ae))
        prev_after_end = ae if after_text else e
        prev_ran_in = ran_in or (ae == e and text[e:e + 1].isdigit())
        period = _period_before(text, sent_s, s, period_scan)
        period_scan = (sent_s, s, period)
        if period is None:
            period = last_period.get(si - 1)
            if period and "\n" in text[max(0, sent_s - 1):sent_s]:
                period = None  # a period carries on only within the paragraph
        if period:
            last_period[si] = period
        cs = _past_actors(text, cs, s, subj, subj_starts)
        before = _drop_periods((text[cs:s - len(rng.group(0))] if rng else text[cs:s]).replace("\n", ""))
        before = _LEAD.sub("", before)
        before = _strip_trail(before).strip(" ，、")
        if before.startswith("“") and "”" not in before:
            before = before[1:]  # “过去一年，我们走访…: the mark opens the speech, not a name
        if before.endswith("的") and not before.endswith("目的"):
            before = before[:-1]  # 从2017年的40%: the 的 joins a time to the figure, it names nothing
        if ran_in:
            after_text = _AND_END.sub("", after_text)  # 18个中心区域和273个…: the and joins the next count
        has_prev = clause_start > sent_s and text[clause_start - 1] == "，"
        # the clause before (from the sentence's start when no comma opens it: no context from another sentence)
        pcs = max(sent_s, text.rfind("，", max(sent_s, clause_start - 80), clause_start - 1) + 1) if has_prev else -1
        # the count before, when it stands in this clause or the one right before it
        near = out[-1] if same_sentence and out[-1].end <= clause_start and len(
            _ITEM_MARK.findall(text[out[-1].end:clause_start])) <= 1 else None
        opener = None
        if near is not None:
            for back in range(len(out) - 1, max(-1, len(out) - 20), -1):
                if out[back].start < sent_s or out[back].unit != unit:
                    break
                opener = out[back]
        if after_noun_before and after_text and out[-1].end < s and s != treated_next \
                and _bare_noun(text[out[-1].end:s]):
            # 设有一台发电机一台卫星电话: the noun between is the first count's; this one has its own
            verb = _tail_verbs(out[-1].base) or _lead_verbs(out[-1])
            out.append(StatHit(s, e, value, unit, qualifier, verb + after_text, period, text[s:e], "", verb,
                               after_text, verb))
            prev_ran_in = ran_in
            continue
        hit = _elliptical(text, before, after_text, unit, near, clause_start, cs, opener) if s != treated_next else None
        if hit is not None:
            indicator, base, noun, verb = hit
            out.append(StatHit(s, e, value, unit, qualifier, indicator, period, text[s:e], "", base, noun, verb))
            prev_ran_in = ran_in
            continue
        if near is None and clause_start > sent_s and _CHANGE_ONLY.fullmatch(before) and text[clause_start - 1] in "、，":
            # 考评位列全市第7、较上年上升5位: a change with no count before it changes the item before it
            item_s = max(text.rfind(c, max(sent_s, clause_start - 30), clause_start - 1) for c in "，、；：")
            item_s = _past_actors(text, max(sent_s, item_s + 1), clause_start - 1, subj, subj_starts)
            item = _ORDINAL.sub("", _PERIOD.sub("", text[item_s:clause_start - 1]))
            if _CJK2.search(item) and not _DIGIT.search(item):
                before = item + before
        base = before
        if same_sentence and _SHARE.match(before) and out[-1].end <= s:
            before = (out[-1].base or out[-1].indicator) + before  # 面积…、约占全省20%: a share of it
        # a short indicator takes the activity named in the clause before it, when that clause
        # claims no number itself (…数据排查，排查信息42万多条，发现问题144条)
        context = ""
        spend = unit == "元" and not after_text and _SPEND.fullmatch(before)
        if spend:
            # 投入515万元，为基层配置运兵车…: money is named by what it was spent on, after it
            pm = _PURPOSE.match(text, ae)
            if pm and _WITH_WHOM.match(pm.group(1)):
                pm = _PURPOSE.match(text, pm.end())  # 投入50万元，联合县电视台，开办专栏: what for, not with whom
            if pm and re.search(f"[{CJK}]{{2}}", pm.group(1)):
                after_text = re.sub("^(?:用于|用来|专门用于)", "", pm.group(1))
        # (not when the number opens its clause and the words after it say what was done:
        # …，3名民警荣立个人二等功)
        done_after = not before and after_text and _has_verb(after_text)
        # (nor when the clause says what was done and the noun follows the number, 共提供了19份报告, or
        # opens on a whole unit that does it, …机制，全县划分网格856个: asked last, it segments)
        if has_prev and len(before) <= 4 and not (spend and after_text) and not done_after \
                and not (before and (after_text or _OWN_SUBJECT.match(text, clause_start)) and _has_verb(before)):
            prev_clause = text[_past_actors(text, max(pcs, sent_s), clause_start - 1, subj, subj_starts):clause_start - 1]
            counted = _DIGIT.search(prev_clause) or (out and out[-1].start >= pcs) or _ROUND_FIGURE.search(prev_clause)
            if prev_clause and not counted and len(prev_clause) <= 24 and not _SAYS.search(prev_clause) \
                    and not _SINCE_CLAUSE.search(prev_clause) \
                    and not _CIRCUMSTANCE.match(prev_clause):  # 开展X以来，破获案件12起: a time, not the deed
                context = _LEAD.sub("", _drop_periods(prev_clause))
                if context.startswith("“") and "”" not in context:
                    context = context[1:]  # (the mark that opens a speech)
            elif out and out[-1].context and out[-1].start >= pcs:
                context = out[-1].context
            elif out and out[-1].start >= pcs and out[-1].end == clause_start - 1 - len(out[-1].noun) \
                    and _FACILITY_END.search(out[-1].noun) and before and _bare_noun(before):
                # 建成9个禁毒工作站，服务对象514人: the people of the places just counted
                context = out[-1].noun
        elif has_prev and before and not done_after and text[clause_start - 2:clause_start - 1] in _FACILITY_ENDS \
                and not _OWN_SUBJECT.match(text, clause_start):
            # 建成禁毒宣教展馆，接待学生40余批: what the place just set up did (its own words; not
            # …建立综治中心，全市建成综治中心286个, a clause with a subject of its own)
            fm = _FACILITY.search(text, max(pcs, sent_s), clause_start - 1)
            if fm and not (out and out[-1].start >= pcs) and _opens_predicate(before):
                context = fm.group(1)
        event_owner = None
        # (every match of _AT_EVENT ends on 上, 中 or 场: the clause's last character is looked at first)
        if has_prev and text[clause_start - 2:clause_start - 1] in "上中场" \
                and _AT_EVENT.fullmatch(text, max(pcs, sent_s), clause_start - 1):
            # 会上，6家单位作了发言: at the meeting the sentences before named
            ev = None
            for ev in _EVENT.finditer(text, max(0, sent_s - 300), sent_s):
                pass
            if ev:
                context = _PERIOD.sub("", _EVENT_HOST.sub("", ev.group(1)))
                event_owner = (doc.sentence_at(ev.start())[0], ev.end())  # who held it, or whose it is
        if not context and has_prev and _GANG_WORD.search(text, max(sent_s, clause_start - 60), clause_start):
            # 捣毁一个盗窃团伙，侦破案件13起，刑拘嫌疑人9人: the figures of the gang just struck
            seg_s = max(sent_s, text.rfind("；", sent_s, clause_start) + 1)
            gang = None
            for gang in _GANG.finditer(text, seg_s, clause_start):
                pass
            if gang and not _GANG_WORD.search(before + after_text):
                context = gang.group(1).replace("“", "").replace("”", "")
        pm = _PRONOUN_OBJ.search(before) if "其" in before else None
        if pm:
            # 对某粮油公司立案调查，要求其退还价款: 其 is the firm the sentence named
            firm = None
            for firm in _FIRM.finditer(text, max(sent_s, s - 300), cs):
                pass
            if firm:
                before = before[:pm.end() - 1] + firm.group(1) + before[pm.end():]
        treated = None
        tb = _TREATED_BEFORE.search(before) if after_text else None
        if after_text and (tb or s == treated_next):
            treated = _TREATED_AFTER.fullmatch(after_text)
            if treated is None and len(after_text) <= 12 and not _has_verb(after_text):
                treated = _TREATED_LATER.match(text, ae)
        if treated:
            # 对17个乡镇进行督查: what was counted is who underwent the act (接受督查的乡镇), not the act;
            # 对13个乡镇、108个村进行考核: the act closes a list of counts
            noun = treated.group(1) if treated.re is _TREATED_AFTER else after_text
            noun = _TREATED_ADVERB.sub("", noun) or noun  # 对25所高校共组织清查: 共 is the act's
            noun = (tb.group(1) if tb else "") + noun  # 对新招录的14名司法助理: 新招录司法助理
            before = context = ""
            after_text = noun
            act = _TREATED_EXCEPT.sub("", treated.group(3))  # 除对10家企业进行表彰外
            indicator = ("受到" if treated.group(2) in ("给予", "予以") else "接受") + act + "的" + noun
            if treated.re is _TREATED_LATER:
                treated_next = ae + (not text[ae].isdigit())  # the next item of the list, right after the mark
        else:
            indicator = context + before + after_text
        if not before and not after_text and unit == "人" and _POPULATION.fullmatch(text, clause_start, s) and (
                e == len(text) or text[e] in "，。；"):
            indicator = "人口"  # 全镇2.5万人，…: a place's people, counted with nothing else said
        elif not _CJK3.search(indicator):  # (two Chinese characters at most)
            # 投入515万元，为基层配置…: a bare verb reads on into the next clause
            nm = _NEXT_CLAUSE.match(text[ae:ae + 18])
            if nm and _CJK_CHAR.match(nm.group(1)):
                indicator += nm.group(1)
            elif out and out[-1].end >= s - 1:
                indicator = out[-1].indicator
        rel = _RELATIVE.match(after_text) if "的" in after_text and (not before or before[-1] in "由有") else None
        if rel:
            # 12个部门参与的联席会议, 由15个成员单位组成的专班: the units counted are those that take part
            indicator = rel.group(2) + rel.group(3) + "的" + rel.group(1)
        rate = _RATE_BEFORE.search(before) if after_text[:2] in ("标准", "比例") else None
        if rate:
            # 凭借96分志愿积分，按照1分折算0.8元的比例: the rate of the points just counted
            # (志愿积分折算标准（每1分折算）), or of what is named before it (巡逻时间按1小时折合3分的比例)
            num, per, verb = rate.groups()
            topic = before[:rate.start()] or next(
                (h.noun or h.base for h in reversed(out) if h.start >= sent_s and h.unit == per), "")
            indicator = f"{topic}{verb}{after_text[:2]}（每{num}{per}{verb}）"
        if people:
            indicator = people
        elif unit == "%" and not before and out and out[-1].indicator.endswith("人口") and out[-1].end >= clause_start - 1:
            # 全镇2.5万人，40%常年在外务工: a share of the people just counted
            rest = _REST.match(text, e).group(0)
            if _CJK2.search(rest):
                indicator = rest[1:] + "占比" if rest[0] in "为是" else rest + "人口比例"
        if not indicator:
            continue
        if out and out[-1].end == s:
            # 3件12人, 4类23项工作, 62件75人次: two counts of one deed
            if unit == "人" and out[-1].unit in ("件", "起", "次", "场", "期", "批", "批次"):
                indicator = out[-1].indicator + "人数"
            elif after_text:
                indicator = (out[-1].base or out[-1].indicator) + after_text
                out[-1].indicator += after_text
        if rng and not pre:
            lo = float(rng.group("lo"))
            rs = s - len(rng.group(0))
            out.append(StatHit(rs, e, lo, unit, "下限", indicator, period, text[rs:e], context, base, after_text))
            qualifier = "上限"
        share_of = None
        if unit == "%" and (indicator.endswith("人口比例") or after_text.startswith("人口")):
            # 60%人口外流: a share of the people of the place whose population the text gave
            share_of = next((h.start for h in reversed(out) if h.unit == "人" and h.indicator.endswith("人口")), None)
        out.append(StatHit(s, e, value, unit, qualifier, indicator, period, text[s:e], context, base, after_text,
                           owner=event_owner, about_at=share_of))
    out.extend(_fractions(doc, out))
    out.extend(_zeros(doc, subj, subj_starts))
    out.sort(key=lambda h: h.start)
    _ranges(text, out, subj, subj_starts)
    _distribute(text, out, subjects)
    _shared_predicate(text, out)
    _neighbours(text, out)
    _dispatched(text, out)
    return out


_SENT_VERB = re.compile("(?:派出|选派|抽调|派驻|下派|选调|抽派|组织|安排|派遣|抽组)了?$")
_SENT_TO = re.compile(f"([{CJK}]{{1,8}}?)(?:到|赴|前往|深入|进驻|下沉到?)")
_SENT_FOR = re.compile("[^，。；]{0,30}?((?:开展|参与|参加|进行|从事|协助|帮助|负责|担任|驻村|蹲点|指导|帮扶|提供)[^，。；、0-9]{1,16})")


def _dispatched(text: str, stats: list[StatHit]) -> None:
    """选派12名律师到3个社区提供普法服务: a count of people sent somewhere is named by what
    they were sent to do, not where (选派律师提供普法服务)."""
    for st in stats:
        if not st.noun or not st.base:
            continue
        vm = _SENT_VERB.search(st.base)
        tm = _SENT_TO.match(text, st.end) if vm else None
        if tm is None:
            continue
        fm = _SENT_FOR.match(text, tm.end())
        if fm:
            st.indicator = vm.group(0) + tm.group(1) + fm.group(1)


_BORDER_VERB = "(?:相邻|接壤|交界|毗邻|接边|相连|搭界|相接)"
_BORDER_ONE = re.compile(f"([{CJK}]{{1,6}}?)与([^，。；、]{{2,16}}?)({_BORDER_VERB})")
_BORDER_OPEN = re.compile(f"([{CJK}]{{1,6}}?)与([^，。；、]{{2,16}}?)")
_BORDER_CLOSE = re.compile(f"([{CJK}]{{1,6}}?)({_BORDER_VERB})")
_BORDER_OWNER = re.compile("[^，。；：\n]{0,12}$")
_BORDER_LEAD = re.compile("^(?:" + _DISCOURSE + "|\\s)+")
_SENTENCE_END = re.compile("[。！？\n]")


def _neighbours(text: str, stats: list[StatHit]) -> None:
    """霍城县3个乡与哈萨克斯坦交界, 该县4个乡与鹤峰县5个镇接壤: a count of the units on a border
    is of the units bordering the other side (与哈萨克斯坦交界的乡); the count across it, of the units
    bordering the first place (与该县接壤的镇; a later clause's, of the place named before)."""
    owner, owner_end = "", -1
    for i, st in enumerate(stats):
        if text.find("与", st.end, st.end + 8) < 0:
            continue
        m = _BORDER_ONE.match(text, st.end, st.end + 30)
        if m and not _DIGIT.search(m.group(0)):
            st.indicator = f"与{m.group(2)}{m.group(3)}的{m.group(1)}"
            continue
        nxt = stats[i + 1] if i + 1 < len(stats) else None
        if nxt is None or not _BORDER_OPEN.fullmatch(text, st.end, nxt.start):
            continue
        c = _BORDER_CLOSE.match(text, nxt.end, nxt.end + 10)
        if c is None:
            continue
        m = _BORDER_OPEN.fullmatch(text, st.end, nxt.start)
        own = _BORDER_LEAD.sub("", _PERIOD.sub("", _BORDER_OWNER.search(text, 0, st.start).group(0))).strip()
        if own:
            owner = own
        elif _SENTENCE_END.search(text, owner_end, st.start):
            owner = ""  # a place named in another sentence owns no border here
        owner_end = nxt.end
        st.indicator = f"与{m.group(2)}{c.group(2)}的{m.group(1)}"
        nxt.owner = m.span(2)  # the units across the border are the other place's
        nxt.indicator = f"与{owner}{c.group(2)}的{c.group(1)}" if owner else f"{c.group(2)}的{c.group(1)}"


# a count that is the object of 对 (对17个乡镇进行督查, 对3名辅警给予通报批评): its noun, then the act
_TREATED_BEFORE = re.compile("(?<![针面相应核比绝反])对(?:全[县市区省州盟旗镇乡]|辖区内?|全|各|所有|该|本[县市区])?"
                             f"((?:新|新招录|新入职|新任|新提拔|新录用|新进|重点|在押|社区矫正)?)的?$")
_TREATED_LATER = re.compile(f"[、，和及与]?()[^。；对]{{0,40}}?(进行|开展|实施|组织开展|给予|予以)了?([{CJK}“”]{{2,14}})(?=[，。；]|$)")
_TREATED_ADVERB = re.compile("(?:共|均|都|已|全部|分别|先后|逐一)+$")
_TREATED_EXCEPT = re.compile("(?:之|以)?外$")
_TREATED_AFTER = re.compile(f"([^，。；]{{1,14}}?)(进行|开展|实施|组织开展|组织|给予|予以)了?([{CJK}“”]{{2,14}})")


_NOT_ONE_NOUN = re.compile("[，、]|全部|均|都|共")  # (a count's noun that runs into a list or a predicate)
_ALL_DONE = re.compile(f"^(.+?)(?:全部|均已|均|都已|都|已全部|已|共计|共)([{CJK}]{{2,8}})$")


_DATELINE = re.compile("本报讯(?:[（(][^（()）\n]{1,20}[）)])?")  # a news item's opening credit
_HEADING = re.compile("【[^】\n]{1,12}】")  # 【成绩单】德格县全年…: a section's tag before the actor
_BORDER_AT = re.compile("(?:相邻|接壤|交界|毗邻|接边|相连|搭界|相接)")  # 与X县交界的乡镇: X names the border, it does not act
_JOINED = frozenset({"联合", "会同", "协同", "携手", "与", "和", "及", "同"})  # one actor with another


def _past_actors(text: str, cs: int, s: int, subj: list[tuple[int, int]], subj_starts: list[int]) -> int:
    """Where the clause from ``cs`` goes on after the actors that open it (with a period before
    them, or joined: 县妇联联合县司法局发放资料… → 发放资料…), up to ``s``; an indicator names
    the deed, not who did it."""
    k = bisect.bisect_left(subj_starts, cs)
    while k < len(subj) and subj[k][0] < s:
        a, b = subj[k]
        if b <= s:
            lead = text[cs:a].strip("，、 ")
            if not lead or _PERIOD.fullmatch(lead) or (lead in _JOINED and not _BORDER_AT.match(text, b)) \
                    or _DATELINE.fullmatch(lead) or _HEADING.fullmatch(lead):
                cs = max(cs, b)
        k += 1
    return cs


def _shared_predicate(text: str, stats: list[StatHit]) -> None:
    """9个乡镇调解室、132个村调解室全部建成投用: the predicate closing a list of counted nouns
    is every item's (乡镇调解室建成投用, 村调解室建成投用); its object too, when a count of its
    own stands right after it (18个中心区域和273个村共安装了800个探头: 中心区域安装了探头)."""
    i = 0
    while i < len(stats):
        j = i
        # a run: each count's noun then one list mark, up to the next count
        while j + 1 < len(stats) and stats[j].noun and stats[j + 1].start - stats[j].end <= len(stats[j].noun) + 2 \
                and text[stats[j + 1].start - 1] in "，、和及与" and len(stats[j].noun) <= 12 \
                and not _NOT_ONE_NOUN.search(stats[j].noun):
            j += 1
        m = _ALL_DONE.match(stats[j].noun) if j > i else None
        if m:
            pred = m.group(2)
            obj = stats[j + 1] if j + 1 < len(stats) else None
            if obj is not None and obj.noun and text[stats[j].end:obj.start].endswith(pred) \
                    and not _verb_re().search(obj.noun):
                pred += obj.noun
            for st in stats[i:j]:
                st.indicator = st.noun + pred
            stats[j].indicator = m.group(1) + pred
        elif j == i and i + 1 < len(stats):
            _paired_predicate(text, stats[i], stats[i + 1])
        i = j + 1


def _paired_predicate(text: str, a: StatHit, b: StatHit) -> None:
    """同3个街道9个社区签订共建协议: a count whose noun runs straight into the next count shares
    the predicate that closes the next one's noun (街道签订共建协议, 社区签订共建协议)."""
    between = text[a.end:b.start]
    if not a.noun or between != a.noun or len(between) > 8 or not _CJK_CHAR.match(between) \
            or _verb_re().search(between) or not b.noun:
        return
    vm = _verb_re().search(b.noun)
    if vm is None or vm.start() == 0 or len(b.noun) - vm.start() < 3:
        return
    pred = b.noun[vm.start():]
    a.indicator = a.noun + pred
    b.indicator = b.noun[:vm.start()] + pred


# a character every match of _PERIOD holds (截至…, …年…, …月…, 目前 / 日前, 当日)
_PERIOD_CUE = re.compile("[年月截前日]")


def _drop_periods(text: str) -> str:
    """``_PERIOD.sub("", text)``, where ``text`` holds a character every period holds (most
    clauses hold none: the pattern is not tried at each of their characters)."""
    return _PERIOD.sub("", text) if _PERIOD_CUE.search(text) else text


def _period_before(text: str, sent_s: int, pos: int, scan: tuple) -> str | None:
    """The longest period word between the sentence start and ``pos``, reading on from where
    the previous number of the same sentence stopped (so a long sentence is read once)."""
    start, upto, best = scan
    if start != sent_s:
        upto, best = sent_s, None
    lo = max(sent_s, upto - 16)
    if _PERIOD_CUE.search(text, lo, pos) is None:
        return best  # (most stretches between numbers name no period: the cheap test first)
    for pm in _PERIOD.finditer(text, lo, pos):
        if pm.start() < upto and pm.end() <= upto:
            continue
        if best is None or len(pm.group(0)) > len(best):
            best = pm.group(0)
    return best


# (the lookahead: see _number_re)
_FRACTION = re.compile("(?=[一二三四五六七八九十百])(?:(?P<den>[一二三四五六七八九十百]+)分之(?P<num>[一二三四五六七八九十]+)|"
                       "(?<![一二三四五六七八九十])(?P<cheng>[一二三四五六七八九十])成(?=[，。；、以左]|$)|(?P<half>一半))")
_FRACTION_PRE = re.compile("(?:近|约|超过)$")
# (each opening on its last character, the one before looked behind at: a scan for one character
# is far quicker than one for a class of them, or for two)
_CHENG = re.compile("成(?<=[一二三四五六七八九十]成)")
_FEN_ZHI = re.compile("之(?<=分之)")
_YI_BAN = re.compile("半(?<=一半)")


def _first_fraction(text: str) -> int | None:
    """Where the first share in words may start, or None: every one holds 分之, 一半 or a
    numeral before 成, and opens at most at the run of numerals before it (三十分之一). (A
    scan from there finds what one over the whole text would, without trying _FRACTION at
    every character before it.)"""
    # (each cue found by its rarer last character: the first character before it)
    cues = [m.start() - 1 for m in (_FEN_ZHI.search(text), _YI_BAN.search(text), _CHENG.search(text)) if m]
    if not cues:
        return None
    at = min(cues)
    while at > 0 and text[at - 1] in "一二三四五六七八九十百":
        at -= 1
    return at


def _fractions(doc: Doc, have: list[StatHit]) -> list[StatHit]:
    """五分之一 → 20 %, 三成 → 30 %, 一半 → 50 %: shares written in words."""
    text = doc.text
    out = []
    starts = [h.start for h in have]
    at = _first_fraction(text)
    for m in _FRACTION.finditer(text, at) if at is not None else ():
        s, e = m.span()
        j = bisect.bisect_right(starts, s) - 1
        if j >= 0 and have[j].start <= s < have[j].end:
            continue
        if m.group("half"):
            if not re.search("占[^，。；]{0,8}的?$", text[max(0, s - 10):s]):
                continue  # 一半 is a share only after 占
            value = 50.0
        elif m.group("cheng"):
            value = (cn_int(m.group("cheng")) or 0) * 10.0
        else:
            den, num = cn_int(m.group("den")), cn_int(m.group("num"))
            if not den or num is None or num > den:
                continue
            value = round(100.0 * num / den, 2)
        pm = _FRACTION_PRE.search(text, max(0, s - 2), s)
        qualifier = pm.group(0) if pm else None
        if text[e:e + 2] == "以上":
            qualifier, e = "以上", e + 2
        cs = s
        while cs > 0 and s - cs < 40 and text[cs - 1] not in "，。；：、\n":
            cs -= 1
        indicator = _strip_trail(_LEAD.sub("", _drop_periods(text[cs:pm.start() if pm else s]))).strip()
        if _SHARE.match(indicator) and j >= 0:
            k = j
            while k >= 0 and have[k].end > s:
                k -= 1
            if k >= 0 and have[k].start >= cs - 30:  # 耕地面积45万亩、约占全市三分之一: a share of it
                indicator = (have[k].base or have[k].indicator) + indicator
        if len(indicator) < 2:
            # 近三分之一的劳动力外出务工: the share of the noun after it
            am = re.match(f"[{CJK}]{{2,16}}", text[e:e + 16])
            if not am:
                continue
            indicator = am.group(0) + "占比"
        out.append(StatHit(s, e, value, "%", qualifier, indicator, None, text[s:e]))
    return out


# a count said to be none (命案发案数为零, 发生数为0): what was counted ends on 数 or 量
# (数 or 量 is matched, not looked behind at, one pattern for each: a pattern opening on one
# character is tried only where it stands, and found by a far quicker scan than one opening on a
# class; the words start at the group ``said``. No match holds a 数 or 量 after its first.)
_ZERO = tuple(re.compile(c + "(?P<said>(?:为|是|均为|仍为|保持为?|降为|降至)(?:0|零)(?![0-9.％%])(?=[，。；、）)！]|$))")
              for c in "数量")


def _zeros(doc: Doc, subj: list[tuple[int, int]], subj_starts: list[int]) -> list[StatHit]:
    """命案发案数为零 → 0: a count that came to nothing (no unit: none of anything is written)."""
    text = doc.text
    out = []
    for m in sorted((m for rx in _ZERO for m in rx.finditer(text)), key=lambda m: m.start()):
        s = m.start("said")
        sent_s, _ = doc.sentence_at(s)
        cs = _past_actors(text, _clause_start(text, sent_s, s), s, subj, subj_starts)
        indicator = _LEAD.sub("", _PERIOD.sub("", text[cs:s].replace("\n", ""))).strip(" ，、")
        if not _CJK2.search(indicator):
            continue
        period = _period_before(text, sent_s, s, (-1, 0, None))
        out.append(StatHit(m.end() - 1, m.end(), 0.0, "", None, indicator, period, text[m.end() - 1:m.end()]))
    return out


def _ranges(text: str, stats: list[StatHit], subj: list[tuple[int, int]], subj_starts: list[int]) -> None:
    """从76.4%到90.1%，群众满意度稳步上升, 信访总量由2020年的1560件下降到2023年的820件: both
    ends of the range have the same words, written before them or in the clause after."""
    for a, b in zip(stats, stats[1:]):
        if a.unit != b.unit or not _RANGE_STEP.fullmatch(text, a.end, b.start) \
                or not _RANGE_FROM.search(text, max(0, a.start - 10), a.start):
            continue
        own = _RANGE_FROM_END.sub("", a.base)
        if own:  # 命案破案率从90%到100%: what both ends measure is written before them
            a.indicator = b.indicator = own
            continue
        nm = _RANGE_NEXT.match(text, b.end)
        after = ""
        if nm:  # (less the place that opens it: 全县盗窃案件发案数, 德格县盗窃案件发案数)
            after = _LEAD.sub("", _RANGE_TREND.sub("", text[_past_actors(text, nm.start(1), nm.end(1), subj, subj_starts):nm.end(1)]))
        if _CJK2.search(after):  # 从12起下降到3起，命案发案数连续4年下降
            a.indicator = b.indicator = after
        else:
            b.indicator = re.sub("^[到至]", "", b.indicator)
            if not _CJK3.search(a.indicator):
                a.indicator = b.indicator


# a range: 从|由 [year 的] low [falls|rises] 到|至 [year 的] high
_RANGE_FROM = re.compile("[从由](?:[0-9]{4}年(?:底|末)?)?的?$")
_RANGE_FROM_END = re.compile("[从由]$")
_RANGE_STEP = re.compile("(?:下降|上升|增加|减少|提升|提高|降低|增长|攀升|回落|跃升|降|升|增)?(?:到|至)"
                         "(?:[0-9]{4}年(?:底|末)?)?的?")
_RANGE_NEXT = re.compile("[，,]([^，。；0-9]{2,16})")
_RANGE_TREND = re.compile("(?:连续|持续|逐年)$")  # (a trend word a digit cut off: 连续4年下降)


_RESPECTIVELY = re.compile(f"([{CJK}“”、]+?)((?:同比)?分别(?:上升|下降|增长|减少|提高|为|达|是)?)$")
_LIST_LEAD = re.compile("^[^、]{0,12}?(?:集中在|集中于|分布在|分布于|涉及|包括)")
_LIST_TAIL = re.compile("等?(领域|方面|类型|类|行业|部门|单位|地区|乡镇|环节)?$")


def _distribute(text: str, stats: list[StatHit], subjects=()) -> None:
    """A、B、C同比分别上升x%、y%和z%: give each number its own item; the items may stand in
    the clause before (涉及A、B、C等方面，分别占总数的x%、y%、z%)."""
    i = 0
    while i < len(stats):
        run = [stats[i]]
        while i + len(run) < len(stats) and text[run[-1].end:stats[i + len(run)].start] in ("、", "和", "及"):
            run.append(stats[i + len(run)])
        if len(run) >= 2:
            head = text[max(0, run[0].start - 60):run[0].start]
            clause = head.split("，")[-1].split("；")[-1]
            m = _RESPECTIVELY.search(clause)
            if m:
                first_at = run[0].start - len(clause) + m.start(1)
                cut = max((b for a, b in subjects if a == first_at), default=first_at)
                items = [x for x in text[cut:run[0].start - len(m.group(2))].split("、") if x]
                if len(items) == len(run):
                    verb = m.group(2).replace("分别", "")
                    for st, item in zip(run, items):
                        st.indicator = item + verb
            elif not _distribute_owners(text, run, subjects):
                _distribute_back(text, run, text[max(0, run[0].start - 160):run[0].start])
        i += len(run)


_OWNERS_JOINED = ("、", "和", "与", "及")


def _distribute_owners(text: str, run: list[StatHit], subjects) -> bool:
    """县法院、县检察院分别受理案件356件、128件: the bodies or places listed before 分别 each own
    one number, in order, and the words between 分别 and the numbers are what each counts."""
    at = text.rfind("分别", max(0, run[0].start - 14), run[0].start)
    what = text[at + 2:run[0].start] if at >= 0 else ""
    if not what or not all(is_cjk(c) for c in what):
        return False
    start_of = {b: a for a, b in subjects}
    owners: list[tuple[int, int]] = []
    end = at
    while end in start_of:
        owners.append((start_of[end], end))
        end = start_of[end]
        sep = next((j for j in _OWNERS_JOINED if text.startswith(j, end - len(j))), None)
        if sep is None:
            break
        end -= len(sep)
    if len(owners) != len(run):
        return False
    for st, owner in zip(run, reversed(owners)):
        st.indicator, st.owner = what, owner
    return True


def _distribute_back(text: str, run: list[StatHit], head: str) -> None:
    """分别 opens the clause of the numbers; the list it distributes over ends the clause before."""
    clause = re.split("[，；。\n]", head)[-1]
    m = re.match("(?:同比)?分别(.*)$", clause)
    if not m:
        return
    rest = re.sub("的$", "", m.group(1))
    parts = re.split("[，；。\n]", head[:len(head) - len(clause)].rstrip("，"))
    if not parts:
        return
    items = parts[-1].split("、")
    if len(items) != len(run):
        return
    items[0] = _LIST_LEAD.sub("", items[0])
    tail = _LIST_TAIL.search(items[-1])
    noun = tail.group(1) or "" if tail else ""
    items[-1] = items[-1][:tail.start()] if tail else items[-1]
    if not all(items):
        return
    for st, item in zip(run, items):
        st.indicator = item + noun + rest
