"""People: officials with their posts, and the other people a report names.

A personal name is taken only where its context says a person stands there:

- after a post title, with or without the body before it (县公安局党委书记、局长X, 派出所所长X,
  人民调解员X, 县委常委、副县长X), the chain of posts giving the person's posts;
- after a noun for a person that is no title (村民X, 专家X);
- before a title or honorific (X总书记, X同志, X所长);
- at the start of a clause before a reporting verb or what officials do (X说, X告诉记者, X主持);
- in a list: joined to one of those (X、Y、Z等; X和Y), or names on both sides of a 、;
- in a byline (记者 X, 通讯员 X, （X 摄）, …电（X）): a person without posts;
- in a caption: a name alone on a line with its posts on the lines after it;
- wherever a name found once is written again.

``X是…TITLE`` and ``他是…TITLE`` give posts to a person named before; ``由X任组长的…领导小组``
and ``…领导小组，由X担任组长`` posts in the body being set up (X may be a post whose one holder
the report names). The name's length after its surname is read from jieba's segmentation (its
HMM joins the characters of an unknown name); a weak context asks more of the name (a word
jieba does not know, or knows as a name). A name inside 《》 is part of a title."""
from __future__ import annotations

import bisect
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from operator import sub

from ..lexicon import load_set
from ..segment import is_word, tokenizer, word_count, word_tag
from ..timing import stage
from .agencies import AgencyHit
from .doc import CJK, Doc, find_all
from .places import PlaceHit

Body = AgencyHit | PlaceHit

# function characters: a name does not end on one of them (张三说 is 张三)
_FUNC = set("说称和及与在等的是了也都就又对向将把被从为于以到去有要会并或而且但则即让给曾已还却才任摄啥吗呢吧么哪作")
# what follows a surname as a form of address, not as a given name: 姚先生, 王师傅
_HONORIFIC = {"先生", "女士", "小姐", "师傅", "同志", "老师", "大爷", "大妈", "阿姨", "大姐", "大哥", "总", "老", "某"}
# last characters of bodies and places, never of a name (某某办, 某某街); a weaker context also
# refuses the ones a rare name ends with (某某村, 某某园)
_NOT_LAST = set("办局委部处科厅室庭司署宫馆厂店楼街")
_NOT_LAST_STRICT = _NOT_LAST | set("院站园路道村港湾岛河湖所会团校社队组")
# single characters that follow a name as a word of their own: never the name's last character
_STOP = _FUNC | set("称指讲问答笑想看听来走拿做写用摄讯电报")
# reporting verbs: a name at a clause start before one of them is a person
_REPORT = ("说道", "说", "表示", "介绍", "指出", "强调", "认为", "告诉", "坦言", "感慨", "回忆", "透露", "解释", "谈到",
           "提到", "补充", "坦承", "笑着说", "激动地说", "感慨地说", "动情地说", "对记者说", "向记者介绍", "告诉记者",
           # what an official does, named at the head of the clause: 张三主持会议, 李四一行抵达
           "主持", "出席", "会见", "会晤", "接见", "看望", "慰问", "视察", "考察", "调研", "率团", "率队", "带队", "宣布",
           "致辞", "讲话", "发言", "签署", "抵达", "一行", "等人", "等同志")
# titles and honorifics written after a name: X总书记, 张三同志, 李四所长您好 (an office title after a
# name only before a break or a greeting: after a body it is the body's post, read elsewhere)
# appointed to a post (任免: 张三任县公安局局长), read like a reporting verb where a title ends the clause
_APPOINTED = ("担任", "兼任", "出任", "升任", "调任", "现任", "，现任", "任")
_CLAUSE_END = re.compile("[，。；\n]")
_AFTER = ("总书记", "同志", "主席", "总理", "委员长", "先生", "女士", "教授", "院士", "博士", "总统", "大使", "将军",
          "一行", "夫妇")
_HONORIFIC_AFTER = frozenset({"同志", "先生", "女士"})  # as sure of the name before them as a title is of the one after
_AFTER_OFFICE = ("书记", "局长", "所长", "院长", "检察长", "庭长", "部长", "主任", "市长", "县长", "区长", "镇长", "乡长",
                 "省长", "厅长", "队长", "警官", "法官", "检察官", "老师", "医生", "律师")
# nouns for people that are not titles (专家, 村民, 中锋 …): such a noun right before a name says
# a person stands there (a person without a post)
_PEOPLE = ("专家", "学者", "教授", "研究员", "作家", "画家", "书法家", "艺术家", "科学家", "企业家", "经济学家", "摄影师",
           "演员", "导演", "歌手", "选手", "运动员", "球员", "教练", "主教练", "中锋", "前锋", "后卫", "门将", "棋手",
           "村民", "居民", "市民", "农民", "牧民", "渔民", "老人", "老汉", "大爷", "大妈", "阿姨", "学生", "研究生",
           "护士", "工人", "职工", "员工", "党员", "老党员", "战士", "军人", "烈士", "英雄", "模范", "当事人",
           "负责人", "创始人", "主持人", "农户", "户主", "网友",
           "总统", "副总统", "首相", "外长", "大臣", "总裁", "会长", "议长", "长官", "国王", "主帅",
           # a place's leaders named without their posts (县领导X、Y出席)
           "省领导", "市领导", "州领导", "县领导", "区领导", "旗领导", "镇领导", "乡领导")
# the bodies a bare title may be written after (派出所所长X): the one body of that kind the report names
_BARE_BODY = re.compile("(?:人民法庭|派出所|司法所|法庭|法院|检察院|公安局|分局|综治中心|中心|工作站|党支部|党总支|党委|"
                        "村委会|居委会|调委会|大队|中队|支队|警务室|站|所)$")
# heads of a government: their title is a post in the people's government, never in the party committee
_GOV_HEAD = re.compile("(?:常务副|副)?(省长|市长|县长|区长|州长|旗长|盟长)$")
# heads of a township: the township itself holds the post (某镇党委副书记、镇长: the township's)
_TOWN_HEAD = re.compile("(?:常务副|副)?(?:镇长|乡长)$")
_DEPUTY = re.compile("^(?:常务副|专职副|执行副|副)")
# the titles one person holds in a body: its head's (局长, 书记, 主任 …)
_HEAD = re.compile("(?:长|书记|主任|政委|教导员|指导员|主席|主委|村支书|嘎查达|苏木达)$")
# the kind of body a title heads, for a title written with no body (检察长X, 大队长X)
_KIND_OF_TITLE = {"检察长": ("检察院",), "院长": ("法院",), "庭长": ("法庭", "法院"), "局长": ("局",),
                  "所长": ("所",), "大队长": ("大队",), "中队长": ("中队",), "支队长": ("支队",),
                  "教导员": ("大队", "派出所"), "站长": ("站",), "厅长": ("厅",), "馆长": ("馆",),
                  # a court invites its special mediators (特邀调解员 of a 法庭 or a 法院)
                  "特邀调解员": ("法庭", "法院")}
_PRESS = {"记者", "通讯员", "编辑", "主编", "总编辑", "社长"}
_BYLINE_ROLE = ("本报记者", "特约记者", "见习记者", "实习记者", "摄影记者", "本报通讯员", "特约通讯员", "通讯员", "实习生", "记者",
                "摄影", "作者", "撰稿", "文", "图", "文/图", "文／图", "图/文", "图／文")
_SENT_BREAK = set("，。；：！？、“”‘’（）()「」《》\n ")
_NAME_LIST_END = frozenset("、，。；")
# titles that are no post in the body named before them in a chain (某镇网格员、律师X: a lawyer
# of no township); the others after a body's title share that body (某村网格员、联户长X)
_NOT_CARRIED = _PRESS | {"律师", "代表", "人大代表", "政协委员", "志愿者", "平安志愿者", "法律明白人", "乡贤",
                         "退休干部", "老干部"}
# a unit's name the grammar did not read, after a 、 in a chain and before a title (、执行指挥中心主任,
# 镇党委书记、人大主席)
_UNREAD_UNIT = re.compile(f"、(?:[{CJK}]{{2,8}}(?:中心|办公室|室|组|队|站|部|科|股|处)|[{CJK}]{{0,6}}(?:人大|政协|委员会))$")
# a former post written before a title: 退休教师X teaches in no body the chain names
_FORMER = ("退休", "离休", "离任")


@dataclass
class PersonHit:
    name: str
    start: int
    end: int
    posts: list[tuple[str, Body | None]] = field(default_factory=list)
    evidence: tuple[int, int] | None = None  # where the posts are read, when not the name's sentence


@lru_cache(maxsize=1)
def _titles() -> tuple[str, ...]:
    return tuple(sorted(load_set("posts.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _title_set() -> frozenset[str]:
    """The titles, to ask whether a word is one (a set: asked of a tuple, each question reads it all)."""
    return frozenset(_titles())


@lru_cache(maxsize=1)
def _title_forms() -> tuple[frozenset[str], tuple[int, ...], dict[str, tuple[int, ...]]]:
    """Every written form of every title, its deputy and grade prefixes included (副局长,
    二级警长), the lengths they come in (longest first), and by their last two characters the
    lengths of the forms ending so (longest first)."""
    grades = ("", "一级", "二级", "三级", "四级", "高级", "首席", "特邀", "专职", "兼职", "驻村", "驻站", "驻所")
    deputies = ("", "常务副", "专职副", "执行副", "副")
    forms = frozenset(g + d + t for g in grades for d in deputies for t in _titles())
    by_end: dict[str, set[int]] = {}
    for f in forms:
        by_end.setdefault(f[-2:], set()).add(len(f))
    return (forms, tuple(sorted({len(f) for f in forms}, reverse=True)),
            {e: tuple(sorted(ns, reverse=True)) for e, ns in by_end.items()})


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return load_set("surnames.txt")


@lru_cache(maxsize=1)
def _surname_firsts() -> frozenset[str]:
    return frozenset(n[0] for n in _surnames())


@lru_cache(maxsize=4096)
def _hmm_words(text: str) -> tuple[str, ...]:
    """jieba's words with its HMM, which joins the characters of an unknown name into one word."""
    with stage("segment"):
        return tuple(tokenizer().lcut(text, HMM=True))


def _tag(word: str) -> str | None:
    """jieba's dictionary tag of ``word``, None for a word it does not know."""
    return word_tag(word)


def _given_name(word: str, strict: bool) -> bool:
    """Can ``word``, written after a surname jieba left alone, be the given name? Not a title
    (和|县长), not a function or frequent word (某|群众, 某|今年); given names that are rare
    words pass (王|光明, 周|立新). ``strict``: only words jieba does not know, or knows as names."""
    if len(word) == 1:
        return True
    tag = _tag(word)
    if tag is None or tag.startswith("nr"):
        return True
    if strict or word in _title_set() or tag[0] in "pcurf":
        return False
    freq = word_count(word)
    return freq < 5000 and not (tag[0] in "dvtm" and freq >= 500)


def _function_word(word: str) -> bool:
    """Is ``word`` a preposition, conjunction, adverb, pronoun or particle first (由, 和, 向)?"""
    return (_tag(word) or "nr")[0] in "pcdru"


@lru_cache(maxsize=16384)
def _common_word(word: str) -> bool:
    """Is ``word`` (two characters or more) an everyday word of jieba's dictionary (安全, 金融;
    not 江泽, which it knows twice)?"""
    if len(word) < 2 or word_count(word) < 100:
        return False
    return not (_tag(word) or "nr").startswith("nr")


def _adverbial(word: str) -> bool:
    """Is ``word`` an everyday adverb, time word, preposition or conjunction (共同, 上月), which
    a name's last character and the next one would make (某某共同签署)?"""
    if not _common_word(word):
        return False
    tag = _tag(word)
    return tag is None or tag[0] in "dtfpc"


def _common(word: str) -> bool:
    """Is ``word`` an everyday word rather than a given name (群众, 马上, 全力; not 光辉, 国庆)?"""
    tag = _tag(word)
    if tag is None or tag.startswith("nr"):
        return False
    return tag[0] in "vdpcurf" or word_count(word) >= 1000


_RUN = re.compile(f"[{CJK}]+")
_RUN_TAIL = re.compile(f"[{CJK}]*\\Z")  # (searched up to a position: the run of characters ending there)
_MINORITY = re.compile(f"[{CJK}]{{1,6}}(?=·[{CJK}])")
_DOT_NAME = re.compile(f"(?:^|(?<=[，。；：！？\n]))([{CJK}]{{2,6}})·(?=[{CJK}])", re.M)  # at a clause's start


def name_end(text: str, s: int, *, strict: bool = False, titled: bool = False, vouched: bool = False) -> int | None:
    """End of a personal name starting at ``s``, or None: a surname, then one or two
    characters as jieba's segmentation of what follows reads them (龙光明|立即, 王丽|及,
    王|光明|看来). ``strict``: the name must read as one unknown or personal-name word (for
    contexts weaker than a title before it). ``titled``: a title stands right before, so a
    surname that is also a function word (任, 何) or that starts a rare word (方志|红) may
    open a name. ``vouched``: only the first of those (a name listed right before: 张三、何丽)."""
    sur = _surnames()
    n = 2 if text[s:s + 2] in sur else (1 if text[s:s + 1] in sur else 0)
    if not n:
        return None
    run = _RUN.match(text, s, s + 6)  # a name of up to four characters and what follows it
    if run is None or run.end() - s <= n or (_common_word(text[s:s + n + 1])
                                              and not (titled and _tag(text[s:s + n + 1]) == "ns")):
        return None  # (安全, 高度, 干部: an everyday word starts here, not a name; after a title 吴国|强 may)
    w = run.group(0)
    toks = _hmm_words(w)
    t0 = toks[0]
    function_surname = _function_word(w[:n])  # 由, 于, 和, 向, 任 are words first
    if titled and len(t0) == n + 1 and not (_tag(t0) or "nr").startswith("nr") and (not _common_word(t0) or _tag(t0) == "ns") \
            and len(toks) > 1 and toks[1][0] not in _STOP and (len(toks[1]) == 1 or len(toks[1]) == 2 and toks[1][1] in _STOP) \
            and len(w) >= n + 2:
        toks = (w[:n], w[n:n + 2]) + tuple(_hmm_words(w[n + 2:])) if len(w) > n + 2 else (w[:n], w[n:n + 2])
        t0 = toks[0]  # 方志|红, 吴国|强 after a title: a rare word or a place's name the name's characters make
    if len(t0) > n:
        tag = _tag(t0)
        if function_surname and len(t0) == n + 1 and tag is None and not (titled or vouched):
            return None  # 由此: the HMM's guess is not enough for a surname that is a word first
        if len(t0) > n + 2:
            if tag is None and w[n + 2] in _FUNC:
                k = n + 2  # 田志华任: 任 starts what follows
            elif len(t0) <= 4 and (tag or "").startswith("nr"):
                return s + len(t0)
            else:
                return None
        elif tag is not None and not tag.startswith("nr") and not (titled and tag == "ns" and (
                _acts_next(t0, n, toks) or len(t0) == n + 2 and word_count(t0) < 20)):
            return None  # an everyday word: 全力, 马上, 高度 (所长马建国说: a rare place word after a title is a name)
        elif tag is not None and len(t0) == n + 1 and word_count(t0) >= (500 if strict else 1000) and not (
                titled and _acts_next(t0, n, toks)):
            return None  # an everyday word jieba also lists as a name: 明白, 文明, 荣誉 (局长向东表示: a name)
        else:
            k = len(t0)
        rest = toks[1:]
        if titled and k == n + 1 and tag is None and rest and len(rest[0]) == 2 and not is_word(rest[0]) \
                and is_word(w[k + 1:k + 3]) and not _function_word(w[k + 1:k + 3]):
            k += 1  # 房国|强救|起落 after a title: 强 ends the name, 救起 is what follows
            rest = ()
        elif titled and k == n + 1 and tag is None and rest and len(rest[0]) == 2 and rest[0][1] == "说" \
                and text[s + k + 2:s + k + 3] in ("，", "。", "；", "：", ":", "“", ""):
            k += 1  # 陈建|明说，: the name is 陈建明, and he says
            rest = ()
    else:
        if len(t0) < n or len(toks) < 2 or (function_surname and not ((titled or vouched) and _given_name(toks[1], False)
                                                                         and len(toks[1]) == 2 and (len(toks) == 2 or len(toks[2]) > 1))):
            return None  # 由|村, 向|群众: a function word, not a surname (县委书记任|海波: a title vouches)
        t1 = toks[1]
        if titled and len(t1) == 3 and (_tag(t1) or "nr").startswith("nr") and (len(toks) == 2 or len(toks[2]) > 1):
            return s + n + 3  # 白|乌力吉 after a title: a surname and a transcribed given name
        if len(t1) > 2 or (len(t1) == 1 and (strict or t1 in _FUNC)) or not _given_name(t1, strict):
            return None
        k = n + len(t1)
        rest = toks[2:]
    if k == n + 2 and (w[k - 1] in _FUNC or w[k - 1:k + 1] == "图为" or _adverbial(w[k - 1:k + 1])):
        k -= 1  # 李敏为: 为 starts what follows; 某某图为: a photo's caption; 某某|上月, 某某|共同: a word
    elif k == n + 1 and not strict and rest and len(rest[0]) == 1 and rest[0] not in _STOP and (
            len(rest) == 1 or len(rest[1]) > 1 or rest[1] in _FUNC):
        k += 1  # 石林|辉|介绍: a lone character between a name and what follows is the name's
    if k == n + 1 and w[k - 1] in _FUNC:
        return None  # 于是, 高呢: a surname character and a particle
    if "某" in w[:k + 1] or w[:k] in _title_set() or w[n:k] in _HONORIFIC or w[n:k] in _title_forms()[0] or \
            w[k - 1] in (_NOT_LAST_STRICT if strict else _NOT_LAST):
        return None  # 陈某, 张某某: names withheld; 王先生, 李院长: a surname and a form of address; 某某街, 某某办
    if strict and function_surname and k == n + 2:
        return None  # 那么多: a function word where a surname would be
    return s + k


_PLACE_SUFFIX = frozenset("省市县区州盟旗镇乡村街路")
_ORDINAL_TERM = re.compile("第[一二三四五六七八九十百0-9]+任$")  # (第三任 before a title: asked where 任 ends the text)


def _acts_next(word: str, n: int, toks: tuple[str, ...]) -> bool:
    """After a title, is ``word`` — a surname and one character that jieba knows as a word or a
    place (向东, 高山, 江南) — the official's name? Only where a mark or what the official does
    follows it (局长江南出席…, 局长向东，…), not a unit word or a noun (江南|区, 黄河|沿线,
    交警荣誉|面前)."""
    if len(word) != n + 1:
        return False
    if len(toks) == 1:
        return True  # a mark or the text's end right after it
    nxt = toks[1]
    tags = (_tag(nxt) or "", _tag(nxt[:2]) or "")  # 出席会议 (an idiom to jieba): its first word
    return nxt[:1] not in _PLACE_SUFFIX and any(t.startswith("v") and not t.startswith("vn") for t in tags)


def _name_after_title(text: str, s: int) -> int | None:
    """A name right after a title: Han (surname first) or a transliterated minority name (·)."""
    m = _MINORITY.match(text, s)
    if m is None:
        e = name_end(text, s, titled=True)
        t = _transcribed_name(text, s)
        if t is not None and (e is None or t - s >= 4 and t > e):
            return t  # 巴特尔朝鲁, 敖登格日勒: a transcription longer than a surname and its given name
        if e is not None and text[s] in _surnames() and (g := _transcribed_name(text, s + 1)) is not None \
                and g > e and 3 <= g - s - 1 <= 5:
            return g  # 韩|乌力吉, 刘|苏和巴特尔: a surname and a transcribed given name of three to five
        return e
    # 买买提·吐尔逊: parts joined by ·; the last one ends where an everyday word or a
    # function character begins (买买提·吐尔逊|赶到, 艾尼·买买提|近日)
    e = m.end()
    while text[e:e + 1] == "·" and (run := _RUN.match(text, e + 1, e + 9)) is not None:
        if text[run.end():run.end() + 1] == "·":
            e = run.end()
            continue
        e = run.start() + 1
        # a function character that also writes transcriptions (阿不都拉, 艾则孜) goes on the name
        # when transcription characters follow it and no verb's particle ends them (…提都来了)
        while e < run.end() and (text[e] not in _FUNC or _transcribed_on(text, e, run.end())) and not _everyday(text, e):
            e += 1
        if e + 1 == run.end() and text[e] in _transcription_chars() and text[e + 1:e + 2] in _NAME_LIST_END:
            e += 1  # 热合曼·阿不都、…: a transcription's last character that also writes a function word, before a break
    return e


def _transcribed_on(text: str, i: int, end: int) -> bool:
    chars = _transcription_chars()
    if text[i] not in chars:
        return False
    j = i + 1
    while j < end and text[j] in chars:
        j += 1
    return j > i + 1 and text[j:j + 1] not in ("了", "过", "着")


@lru_cache(maxsize=1)
def _transcription_chars() -> frozenset[str]:
    return load_set("name_transcription_chars.txt")


def _transcribed_name(text: str, s: int) -> int | None:
    """A minority name written without a surname or a ·, right after a title (旗委书记巴特尔表示):
    two to six characters of transcriptions, up to a break, a reporting verb or (for three
    characters or more) a verb of two (嘎查达额尔敦毕力格带领), that hold no everyday word (a
    place's name may: 扎西平措 holds 西平)."""
    chars = _transcription_chars()
    e = s
    while e < len(text) and e - s < 6 and text[e] in chars:
        e += 1
    for end in range(e, s + 1, -1):
        nxt = text[end:end + 1]
        if 2 <= end - s <= 6 and (nxt in _SENT_BREAK or nxt in ("", "等") or text.startswith(_REPORT, end)
                                  or end - s >= 3 and _verb_at(text, end)) \
                and not any(_common_word(w := text[i:j]) and _tag(w) != "ns"
                            for i in range(s, end) for j in range(i + 2, end + 1)):
            return end
    return None


def _verb_at(text: str, i: int) -> bool:
    """Does a verb, an adverb or a time word of two characters (not a verbal noun) start at
    ``i`` (带领, 走访, 经常, 每天)?"""
    tag = _tag(text[i:i + 2]) if is_word(text[i:i + 2]) else None
    return tag is not None and tag.startswith(("v", "d", "t")) and tag != "vn"


def _everyday(text: str, i: int) -> bool:
    """Does an everyday word (not a name) of two or more characters start at ``i``?"""
    for k in (4, 3, 2):
        word = text[i:i + k]
        if len(word) == k and is_word(word):
            tag = _tag(word) or ""
            if not tag.startswith(("nr", "ns", "nz")):
                return True
    return False


def _whole_word(text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` whole words of its sentence: no word ending inside it that began
    before it (辖区|长期 holds no 区长; 法院院长 holds 院长), none running on past its end
    (总部|长官 holds no 部长)?"""
    lo = max(0, s - 4)
    if not _word_across(text, range(lo, s), s + 1, e) and not _word_across(text, range(s + 1, e), e + 1, e + 3):
        return True  # no word of the dictionary crosses either edge
    pos = lo
    for w in _hmm_words(text[lo:e + 2]):
        end = pos + len(w)
        if pos < s < end < e or pos < e < end:
            return False
        pos = end
    return True


def _word_across(text: str, starts: range, lo: int, hi: int) -> bool:
    """Is some ``text[j:k]``, ``j`` in ``starts`` and ``lo <= k < hi``, a word of the dictionary?
    (is_word's own question, asked without a call per slice; jieba's dictionary holds every
    prefix of its words, so past a piece it does not hold no longer one is a word.)"""
    freq = tokenizer().FREQ
    for j in starts:
        for k in range(lo, hi):
            n = freq.get(text[j:k])
            if n is None:
                break
            if n > 0:
                return True
    return False


def _name_before(text: str, end: int, *, titled: bool = False) -> int | None:
    """Start of a personal name ending exactly at ``end`` (学习|张三|同志), read as whole words:
    the last word before ``end``, or a surname and the word after it. ``titled``: an honorific
    or a title follows, which vouches for a name as a title before it does (吴国|华同志)."""
    if text[end - 1:end] in _NOT_LAST_STRICT:
        return None  # 公安局|局长, 办公室|主任: a body, not a name, ends here
    lo = max(0, end - 6)
    rs = _RUN_TAIL.search(text, lo, end).start()  # where the run of characters before ``end`` starts (at most six back)
    sur = _surnames()
    if end - rs < 2:
        return None
    for j in range(max(rs, end - 4), end - 1):
        if text[j] in sur or text[j:j + 2] in sur:
            break
    else:
        return None  # no surname where a name would start
    words = _hmm_words(text[rs:end])
    starts = []
    pos = end
    for w in reversed(words[-2:]):
        pos -= len(w)
        starts.append(pos)
    for s in starts:
        if 2 <= end - s <= 4 and (text[s] in sur or text[s:s + 2] in sur) and text[s - 1:s] != "·" \
                and (s > lo or not _RUN.match(text[s - 1:s] or " ")) and (
                    name_end(text, s, strict=True) == end or titled and not _function_word(text[s])
                    and name_end(text, s, titled=True) == end):  # (和|溥杰先生, 向|学昭女士: a word first)
            return s
    return None


# ---------------------------------------------------------------- chains of posts

def _title_at_end(text: str, end: int, by_end: dict | None = None) -> tuple[int, str] | None:
    """The title written right before ``end``: the one a body's name ends right before (镇党委|书记
    when 镇党委 is a body, else 镇|党委书记), else the longest."""
    forms, _, by_end2 = _title_forms()
    lengths = by_end2.get(text[end - 2:end])
    if lengths is None:
        return None
    longest = None
    for n in lengths:  # (longest first)
        if n <= end and text[end - n:end] in forms:
            st = end - n
            if by_end and st in by_end:
                return st, text[st:end]
            if longest is None:
                longest = st
                if not by_end:
                    break  # (no body to end before: the longest)
    return None if longest is None else (longest, text[longest:end])


_THAT_ONE = re.compile(f"该([{CJK}]{{1,2}})$")  # (该所, 该村 before a title)


class _Bodies:
    """The agencies and places of a report, by where they end, for reading posts."""

    def __init__(self, text: str, agencies: list[AgencyHit], places: list[PlaceHit], doc: Doc):
        self.text = text
        self.doc = doc
        self.agencies = sorted(agencies, key=lambda a: a.start)
        self.by_end: dict[int, AgencyHit] = {}
        for a in self.agencies:
            if a.end not in self.by_end or a.start < self.by_end[a.end].start:
                self.by_end[a.end] = a
        self.all_places = sorted(places, key=lambda p: p.start)
        self._place_starts = [p.start for p in self.all_places]
        self._agency_starts = [a.start for a in self.agencies]
        self._governments: dict[str, AgencyHit] | None = None
        self.places: dict[int, PlaceHit] = {}
        # is a place inside an agency's name: the furthest end of the agencies starting at or before it
        a_starts = [a.start for a in self.agencies]
        a_reach = list(accumulate((a.end for a in self.agencies), max))
        for p in places:
            # a township's or village's own officials: 某镇镇长, 某村网格员
            if p.place.level in ("township", "village") and not (
                    (i := bisect_right(a_starts, p.start)) > 0 and a_reach[i - 1] >= p.end):
                self.places[p.end] = p

    def bare(self, pos: int) -> tuple[Body | None, int] | None:
        """The body a bare word ending at ``pos`` names (派出所所长, 该所所长, 该村网格员), with
        the word's start: the one agency of the report whose name ends that way, or for 该X
        the nearest agency (or for 该村, 该镇 the nearest village or township) before it."""
        text = self.text
        m = _THAT_ONE.search(text[max(0, pos - 3):pos])
        if m:
            ws = pos - len(m.group(0))
            head = m.group(1)
            prior: list[Body] = [a for a in self.agencies if a.end <= ws and a.name.endswith(head)]
            if head in ("村", "镇", "乡", "社区", "嘎查", "街道"):
                prior = [p for p in self.all_places if p.end <= ws and p.place.name.endswith(head)
                         and p.place.level in ("township", "village")]
            return (prior[-1] if prior else None), ws
        m = _BARE_BODY.search(text, max(0, pos - 4), pos)
        if m is None:
            return None
        # the words before the title since the last break, where they end one agency's name:
        # 某某派出所 for 某县公安局某某派出所 named elsewhere in the report
        ws = pos - len(m.group(0))
        while ws > max(0, pos - 12) and _RUN.match(text[ws - 1]):
            ws -= 1
        tail = text[ws:pos]
        if ws < m.start() and (ws == 0 or not _RUN.match(text[ws - 1])):
            found = {a.name: a for a in self.agencies if a.name.endswith(tail) or tail in a.aliases}
            if len(found) == 1:
                return next(iter(found.values())), ws
        ws = m.start()
        if ws > 0 and text[ws - 1] not in _SENT_BREAK and text[ws - 1] not in "、兼":
            return None  # part of a longer name the grammar did not read
        found = {a.name: a for a in self.agencies if a.name.endswith(m.group(0)) and a.end <= pos}
        return (next(iter(found.values())) if len(found) == 1 else None), ws

    def government(self, jurisdiction) -> AgencyHit | None:
        """The people's government of a place, where the report names it; else the government
        its head's title implies (副县长: the county's people's government), a body with no
        mention (start -1)."""
        if jurisdiction is None:
            return None
        if self._governments is None:  # each place's first people's government, found once
            self._governments = {}
            for a in self.agencies:
                if a.jurisdiction is not None and a.name.endswith("人民政府"):
                    self._governments.setdefault(a.jurisdiction.id, a)
        if jurisdiction.id in self._governments:
            return self._governments[jurisdiction.id]
        return AgencyHit(-1, -1, jurisdiction.name + "人民政府", "", "gov", jurisdiction)

    def of_kind(self, title: str, pos: int) -> AgencyHit | None:
        """The body a title written with no body names (检察长X说, 大队长X介绍): the nearest agency
        of its kind named before ``pos`` in the report."""
        kinds = _KIND_OF_TITLE.get(_DEPUTY.sub("", title))
        if not kinds:
            return None
        lo = bisect.bisect_left(self._agency_starts, pos - 600)
        hi = bisect.bisect_left(self._agency_starts, pos)
        prior = [a for a in self.agencies[lo:hi] if a.end <= pos and a.name.endswith(kinds)]
        return max(prior, key=lambda a: (a.end, -a.start)) if prior else None

    def township(self, hit: Body | None, pos: int) -> PlaceHit | None:
        """The township a 镇长 heads: the place of the body before the title in the chain
        (某镇党委副书记、镇长), else the nearest township named before."""
        if isinstance(hit, AgencyHit) and hit.jurisdiction is not None:
            found = [p for p in self.all_places[bisect.bisect_left(self._place_starts, hit.start):
                                                bisect.bisect_right(self._place_starts, pos)]
                     if p.place.id == hit.jurisdiction.id]
            if found:
                return found[-1]
        found = [p for p in self.all_places[bisect.bisect_left(self._place_starts, pos - 300):
                                            bisect.bisect_left(self._place_starts, pos)]
                 if p.place.level == "township" and p.end <= pos]
        return found[-1] if found else None


def _chain_before(pos: int, bodies: _Bodies) -> tuple[list[tuple[str, Body | None]], int]:
    """(title, body) pairs written right before ``pos``, in text order, and where the chain
    starts: 县委常委、副县长, 公安局党委书记、局长, 局长兼政委, 派出所第三任所长."""
    text = bodies.text
    by_end = bodies.by_end
    chain: list[tuple[str, Body | None]] = []
    unnamed: set[int] = set()
    while True:
        t = _title_at_end(text, pos, by_end)
        if t is None:
            # 省公安厅长: the body's last character doubles as the title's first
            if text[pos - 1:pos] == "长" and (pos - 1) in by_end:
                body = by_end[pos - 1]
                chain.append((body.name[-1] + "长", body))
                pos = body.start
            else:
                break
        else:
            ts, title = t
            bs = ts
            ordinal = _ORDINAL_TERM.search(text[max(0, ts - 6):ts]) if text.endswith(("任", "任\n"), 0, ts) else None
            if ordinal:
                bs = ts - len(ordinal.group(0))
            body: Body | None = by_end.get(bs)
            if body is None and (bs + 1) in by_end and by_end[bs + 1].name.endswith(title[0]):
                body = by_end[bs + 1]  # 公安厅长: 厅 belongs to both
            if body is not None:
                pos = body.start
            elif bs in bodies.places and title not in _PRESS:
                body = bodies.places[bs]  # 某镇镇长, 某村网格员
                pos = body.start
            elif (bare := bodies.bare(bs)) is not None:
                body, pos = bare
                if body is None:
                    unnamed.add(len(chain))  # 调委会主任: a body written that is none found, not the one before
            elif (unread := _UNREAD_UNIT.search(text, max(0, ts - 10), ts)) is not None:
                pos = unread.start() + 1  # 执行局副局长、执行指挥中心主任X: a unit no agency answers; the chain runs on
                unnamed.add(len(chain))
            elif text[max(0, ts - 2):ts] in _FORMER:
                pos = ts - 2  # 人民调解员、退休教师X: the former post is none, the chain runs on
                title = ""
            else:
                pos = ts
            if title:
                chain.append((title, body))
        if text[pos - 1:pos] in ("、", "兼"):
            pos -= 1
            continue
        if chain and text[pos - 1:pos] == "，" and _title_at_end(text, pos - 1, by_end) is not None:
            pos -= 1  # 县委常委、政法委书记，县公安局局长X: one person's posts, a comma between bodies
            continue
        break
    chain.reverse()
    # a title without a body of its own belongs to the body named before it (公安局党委书记、局长),
    # except a government head's (市委常委、副市长: the city's people's government)
    out: list[tuple[str, Body | None]] = []
    last: Body | None = None
    for i, (title, body) in enumerate(chain):
        if len(chain) - 1 - i in unnamed and last is not None:
            out.append((title, None))
            continue
        if body is None or (body is last and _TOWN_HEAD.search(title)):
            gov = _GOV_HEAD.search(title)
            if gov:
                juris = next((b.jurisdiction for _, b in chain if isinstance(b, AgencyHit) and b.jurisdiction), None)
                body = bodies.government(juris or bodies.doc.ctx.level_place(gov.group(1)[0]))
            elif _TOWN_HEAD.search(title):
                body = bodies.township(last, pos)
            elif isinstance(last, AgencyHit) or (last is not None and title not in _NOT_CARRIED):
                body = last  # 公安局党委书记、局长; 某村网格员、联户长 (the village's)
            elif last is None and (pos == 0 or text[pos - 1] in _SENT_BREAK):
                body = bodies.of_kind(title, pos)  # 检察长X说: the body of its kind named before
        out.append((title, body))
        if body is not None:
            last = body
    return out, pos


# ---------------------------------------------------------------- finding people

def find_persons(doc: Doc, agencies: list[AgencyHit], places: list[PlaceHit] | None = None) -> list[PersonHit]:
    text = doc.text
    places = places or []
    bodies = _Bodies(text, agencies, places, doc)
    out: list[PersonHit] = []
    # what is taken: 1 by an agency or a person, 2 by a place
    taken = bytearray(len(text))
    for p in places:
        taken[p.start:p.end] = b"\2" * (p.end - p.start)
    for a in agencies:
        taken[a.start:a.end] = b"\1" * (a.end - a.start)

    def free(s: int, e: int, *, weak: bool = False) -> bool:
        """No agency, no person found already (and, for a weak context, no place) overlaps."""
        span = taken[s:e]
        return not any(span) if weak else 1 not in span

    def add(hits) -> None:
        for h in hits:
            out.append(h)
            taken[h.start:h.end] = b"\1" * (h.end - h.start)

    # a name after a title, with the chain of posts before it; 省公安厅长X
    titled_by_end: dict[int, PersonHit] = {}
    title_ends = _title_forms()[2]
    for s in _name_starts(text):
        fused = text[s - 1] == "长" and (s - 1) in bodies.by_end  # 公安厅|长: 厅 is the body's and the title's
        if not fused and text[s - 2:s] not in title_ends:
            continue  # (no title ends here: most places a title's last character stands before a surname's)
        t = _title_at_end(text, s, bodies.by_end)
        if t is None and not fused:
            continue
        e = _name_after_title(text, s)
        if e is not None and free(s, e) and (fused or _whole_word(text, t[0], s)):
            chain, cs = _chain_before(s, bodies)
            chain = _carried_over(text, chain, cs, titled_by_end)
            hit = PersonHit(text[s:e], s, e, [(t, b) for t, b in chain if b is not None])
            add([hit])
            titled_by_end[e] = hit
            add(_sharing(text, hit, free))
    # a name before a title or honorific: 张三同志, 李四所长
    for m in _AFTER_RE.finditer(text):
        s = _name_before(text, m.start(), titled=m.group(0) in _HONORIFIC_AFTER)
        if s is None and m.group(0) in _AFTER_OFFICE:  # 县委李明书记说: the body's end is the name's start
            s = next((b for b in range(m.start() - 4, m.start() - 1) if b in bodies.by_end
                      and name_end(text, b, titled=True) == m.start()), None)
        if s is not None and free(s, m.start(), weak=True):
            body = bodies.by_end.get(s)  # 县司法局王建平局长介绍: the office is the body's written before the name
            post = [(m.group(0), body)] if body is not None and _heads(m.group(0), body.name) else []
            add([PersonHit(text[s:m.start()], s, m.start(), post)])
    # a name opening a clause before a reporting verb: 张三说, 李四告诉记者
    for m in _reported(text):
        s = m.start("name")
        verb_end = m.end("verb")
        if m.group("verb") == "说" and text[verb_end:verb_end + 1] not in "，：:“”。！":
            continue  # 说 alone reports speech only before the speech itself
        e = name_end(text, s, strict=True)
        if m.group("verb") in _APPOINTED:
            # 张三任县公安局局长 (任县 may be a word): appointed only where the clause ends on a title
            clause_end = _CLAUSE_END.search(text, verb_end)
            if e == m.end("name") and free(s, e, weak=True) and _title_at_end(text, clause_end.start() if clause_end else len(text)):
                add([PersonHit(text[s:e], s, e)])
        elif e == m.end("name") and free(s, e, weak=True) and not is_word(text[e:verb_end + 1]):
            add([PersonHit(text[s:e], s, e)])
    # a name after a noun for a person: 经济学家X, 村民X, 中锋X
    first = _surname_firsts()
    for m in _PEOPLE_RE.finditer(text):
        s = m.end()
        if text[s:s + 1] not in first and text[s + 1:s + 2] != "·" and not _MINORITY.match(text, s):
            continue
        e = _name_after_title(text, s) if _MINORITY.match(text, s) else name_end(text, s, strict=True)
        if e is not None and free(s, e, weak=True) and _whole_word(text, m.start(), s):
            add([PersonHit(text[s:e], s, e)])
    # a transcribed name joined by · opening its clause (阿依古丽·买买提是…, 去年，玛依拉·艾力带领…):
    # its first part written in transcription characters alone (not 党建·引领, a heading's, nor
    # 在某某·某某, 主角某某·某某: the clause opens on other words)
    chars = _transcription_chars()
    for m in _DOT_NAME.finditer(text) if "·" in text else ():
        s = m.start(1)
        e = _name_after_title(text, s)
        if e is not None and e > m.end() and all(c in chars for c in m.group(1)) and not _common_word(m.group(1)) \
                and free(s, e, weak=True):
            add([PersonHit(text[s:e], s, e)])
    # names listed together: 张三、李四、王五 (a name on each side of a 、, the left one after a break)
    sur = _surnames()
    found_end = {h.end: h.start for h in out}  # 县领导张三、李四、王五参加: a list goes on from a name found
    for m in _list_mark_re().finditer(text):
        i = m.start()
        if text[i + 1:i + 2] not in sur and text[i + 1:i + 3] not in sur:
            continue
        known = i in found_end
        s = found_end[i] if known else next(
            (j for j in (i - 3, i - 2, i - 4) if j >= 0 and (text[j] in sur or text[j:j + 2] in sur)
             and (j == 0 or text[j - 1] == "、" or not _RUN.match(text[j - 1]))), None)
        if s is None or not known and (name_end(text, s, strict=True) != i or not free(s, i, weak=True)):
            continue
        # (a name found before vouches for the next as a title would: 张三、何丽 — 何 is a word first)
        e = name_end(text, i + 1, strict=True, vouched=known)
        if e is not None and (text[e:e + 1] in _SENT_BREAK or text[e:e + 1] in "等和及与" or known and _verb_at(text, e)) \
                and free(i + 1, e, weak=True):
            add(([] if known else [PersonHit(text[s:i], s, i)]) + [PersonHit(text[i + 1:e], i + 1, e)])
            found_end[e] = i + 1
    add(_lists(text, out, free))
    add(h for h in _bylines(text) if free(h.start, h.end, weak=True))
    out.extend(_captions(doc, bodies))
    add(_repeats(text, out, free))
    # a name inside a title in 《》 (a book's, a film's, a document's) is part of that title
    titled = bytearray(len(text))
    for m in _BOOK_TITLE.finditer(text):
        titled[m.start():m.end()] = b"\1" * (m.end() - m.start())
    out = [h for h in out if not titled[h.start]]
    out.sort(key=lambda h: h.start)
    out.extend(_predicates(doc, bodies, out))
    out.extend(_appointed(doc, bodies, out))
    return out


_BOOK_TITLE = re.compile("《[^《》\n]{1,60}》")


@lru_cache(maxsize=1)
def _list_mark_re() -> re.Pattern:
    """A 、 before a surname's first character (where a name of a list may follow it)."""
    return re.compile(f"、(?=[{''.join(sorted(_surname_firsts()))}])")


def _carried_over(text: str, chain: list[tuple[str, Body | None]], cs: int,
                  titled_by_end: dict[int, PersonHit]) -> list[tuple[str, Body | None]]:
    """局长张三、副局长李四 / 局长张三，政委李四: a title written right after the name of an
    official, with no body of its own, is a post in the body of that official's last post
    (where a title of one kind of body, 检察长 or 所长, fits that body)."""
    if not chain or chain[0][1] is not None:
        return chain
    sep = cs if text[cs:cs + 1] == "、" else cs - 1
    prev = titled_by_end.get(sep) if text[sep:sep + 1] in ("、", "，") else None
    body = next((b for _, b in reversed(prev.posts) if isinstance(b, AgencyHit)), None) if prev else None
    if body is None:
        return chain
    out = []
    for title, b in chain:
        if b is None and title not in _NOT_CARRIED and _GOV_HEAD.search(title) is None:
            kinds = _KIND_OF_TITLE.get(_DEPUTY.sub("", title))
            if kinds is None or body.name.endswith(kinds):
                b = body
        out.append((title, b))
    return out


def _sharing(text: str, hit: PersonHit, free) -> list[PersonHit]:
    """副县长张三、李四出席, 民警张三、李四: the names listed right after an official's name,
    with no title of their own, hold the same post where many may hold it (a deputy's, a
    member's, a policeman's; 局长张三、李四: one bureau has one head, the others are people
    without his post)."""
    out: list[PersonHit] = []
    if not hit.posts or (_DEPUTY.search(hit.posts[-1][0]) is None and _HEAD.search(hit.posts[-1][0])):
        return out
    forms, lengths, _ = _title_forms()
    e = hit.end
    while text[e:e + 1] == "、":
        s = e + 1
        if any(text[s:s + n] in forms for n in lengths):
            break  # 局长张三、副局长李四: a title of its own, read as a chain
        e = _name_after_title(text, s)
        if e is None or not free(s, e, weak=True) or (_tag(text[s:e]) or "").startswith("ns"):
            break  # 副部长张三、南非驻华大使: a place
        out.append(PersonHit(text[s:e], s, e, hit.posts[-1:]))
    return out


_APPOINT = re.compile("(?:担任|任|为)")
_BY = re.compile("由")


def _appointed(doc: Doc, bodies: _Bodies, found: list[PersonHit]) -> list[PersonHit]:
    """成立了由张三任组长、李四任副组长的领导小组 / 成立某领导小组，由张三担任组长: posts in
    a body being set up, held by the people named before 任 in its 由… clause."""
    text = doc.text
    by_start = {a.start: a for a in bodies.agencies}
    # each 的 a body follows (found once: a long sentence of 由 is not read to its end for each)
    de_body = sorted(a - 1 for a in by_start if a >= 1 and text[a - 1:a] == "的")
    found_by_end: dict[int, PersonHit] = {}
    for h in found:
        found_by_end.setdefault(h.end, h)
    out = []
    for m in _BY.finditer(text):
        ss, se = doc.sentence_at(m.start())
        # the body: right after the clause's 的 (由…的领导小组), else right before ，由 (领导小组，由…)
        body = None
        i = bisect.bisect_left(de_body, m.end())
        if i < len(de_body) and de_body[i] < se:
            de = de_body[i]
            body = by_start[de + 1]
        end = de if body is not None else se
        if body is None and text[m.start() - 1:m.start()] == "，" and (m.start() - 1) in bodies.by_end:
            body = bodies.by_end[m.start() - 1]
        if body is None:
            continue
        forms, lengths, _ = _title_forms()
        for v in _APPOINT.finditer(text, m.end(), end):
            title = next((text[v.end():v.end() + n] for n in lengths if text[v.end():v.end() + n] in forms), None)
            if title is None:
                continue
            who = found_by_end.get(v.start())
            if who is None and (ns := _name_before(text, v.start())) is not None and text[ns - 1] in "由、，":
                who = PersonHit(text[ns:v.start()], ns, v.start())  # 由张三任主任: a name the clause alone gives
            if who is None:
                # 由区委书记担任组长: the one person the report names in that post
                chain, _ = _chain_before(v.start(), bodies)
                if not chain or chain[-1][1] is None:
                    continue
                held = {(h.name, h.start, h.end) for h in found
                        if any(t == chain[-1][0] and b is not None and b.name == chain[-1][1].name for t, b in h.posts)}
                if len({n for n, _, _ in held}) != 1:
                    continue
                name, hs, he = min(held, key=lambda x: x[1])
                who = PersonHit(name, hs, he)
            out.append(PersonHit(who.name, who.start, who.end, [(title, body)], evidence=(ss, se)))
            # 由张三和李四任副主任 / 由张三、李四任副主任: the names joined before hold it too
            j = who.start
            while (other := _joined_before(text, j, m.end(), found_by_end, bodies)) is not None:
                out.append(PersonHit(other.name, other.start, other.end, [(title, body)], evidence=(ss, se)))
                j = other.start
    return out


def _joined_before(text: str, start: int, lo: int, found_by_end: dict[int, PersonHit],
                   bodies: "_Bodies") -> PersonHit | None:
    """The person found whose name is joined by 和 or 、 to the one at ``start`` (past his own
    chain of posts: 张三和副县长、公安局局长李四), not before ``lo``."""
    _, cs = _chain_before(start, bodies)
    if cs - 1 <= lo or text[cs - 1] not in "和、与及":
        return None
    if cs - 1 in found_by_end:
        return found_by_end[cs - 1]
    ns = _name_before(text, cs - 1)  # 由张三任主任，李四、王五任副主任: the clause vouches for the name
    if ns is not None and ns > lo and text[ns - 1] in "由、，和":
        return PersonHit(text[ns:cs - 1], ns, cs - 1)
    return None


@lru_cache(maxsize=1)
def _name_starts_re() -> re.Pattern:
    """Where a name may follow a title: a title's last character, then a surname's first (or
    any character of a transliterated name written with ·)."""
    first = "".join(sorted(_surname_firsts() | _transcription_chars()))
    last = "".join(sorted({e[-1] for e in _title_forms()[2]}))
    return re.compile(f"[{last}](?:(?=[{first}])|(?=[{CJK}]{{1,6}}·))")


def _name_starts(text: str) -> list[int]:
    return [m.end() for m in _name_starts_re().finditer(text)]


def _repeats(text: str, found: list[PersonHit], free) -> list[PersonHit]:
    """Every other place a found name is written, as a whole word (张三随后来到…): the
    same person, mentioned again."""
    extra = []
    taken_starts: set[int] = set()
    names = {h.name for h in found}
    written = _written_at(text, names)
    for name in names:
        at = written.get(name, [])
        if len(at) < 2:
            continue
        for s in at:
            e = s + len(name)
            if not free(s, e, weak=True) or s in taken_starts:
                continue
            if _RUN.match(text, e) and name_end(text, s) != e:
                continue  # the start of a longer name, or of another word
            extra.append(PersonHit(name, s, e))
            taken_starts.add(s)
    return extra


def _written_at(text: str, names: set[str]) -> dict[str, list[int]]:
    """Where each of ``names`` is written, as ``re.finditer`` finds it (left to right, no two
    overlapping: a name like 阿阿阿), from :func:`~graph.extract.doc.find_all`'s places."""
    out: dict[str, list[int]] = {}
    for name, starts in find_all(text, names).items():
        at = out[name] = []
        for i in starts:
            if not at or at[-1] + len(name) <= i:
                at.append(i)
    return out


def _heads(title: str, body: str) -> bool:
    """Is ``title`` the head's title of a body so named (局长 of a 局, 书记 of a 委 …)?"""
    return title[0] == body[-1] or title == "检察长" and body.endswith("检察院") \
        or title == "书记" and body.endswith(("委", "党支部", "党总支", "党组")) \
        or title == "主任" and body.endswith(("中心", "办", "办公室", "委员会"))


# every branch starts with its literal, so the engine skips ahead on their first characters
_AFTER_RE = re.compile("|".join([*_AFTER, *(f"{t}(?=[，。！？、：；”）\n]|您|你|好|说|表示|介绍)" for t in _AFTER_OFFICE)]))


@lru_cache(maxsize=1)
def _report_re() -> tuple[re.Pattern, re.Pattern]:
    """A name and the reporting verb after it: at the text's start, and after a clause's mark."""
    first = "".join(sorted(_surname_firsts()))
    name_verb = f"(?P<name>[{first}][{CJK}]{{1,3}}?)(?P<verb>{'|'.join(_REPORT + _APPOINTED)})"
    # the mark before the name is matched, not looked behind at: the pattern opens on a
    # character class of marks, which stand far less often than surnames (a match never ends
    # on a mark, so taking one in takes no name from the match after it)
    return re.compile(name_verb), re.compile("[，。；：！？”’\n 、）]" + name_verb)


def _reported(text: str) -> Iterator[re.Match]:
    """Each name opening a clause (at the text's or a line's start, or after ，。；：！？”’、）or a
    space) before a reporting verb, as ``finditer`` finds them (no two overlapping)."""
    at_start, after_mark = _report_re()
    m = at_start.match(text)
    if m is not None:
        yield m
    yield from after_mark.finditer(text, m.end() if m is not None else 0)


_PEOPLE_RE = re.compile("|".join(sorted(_PEOPLE, key=len, reverse=True)))


# what the names of a list share, right after its last one (张三、李四被评为…, 分别获…, 同志)
_LIST_CLOSE = ("被评", "被授予", "被表彰", "被命名", "荣获", "获评", "分别", "同志")


def _lists(text: str, found: list[PersonHit], free) -> list[PersonHit]:
    """Names joined to a found name: 张三、李四、王五等; 张三和李四. Posts are not shared:
    the text does not say whose they are."""
    extra: list[PersonHit] = []
    for hit in found:
        e = hit.end
        while text[e:e + 1] in ("、", "和", "及", "与"):
            s = e + 1
            e2 = name_end(text, s, strict=True)
            if e2 is None or not free(s, e2, weak=True):
                break
            nxt = text[e2:e2 + 1]
            if not (nxt in _SENT_BREAK or nxt in "等和及与" or text.startswith(_REPORT, e2)
                    or text.startswith(_LIST_CLOSE, e2)):
                break
            extra.append(PersonHit(text[s:e2], s, e2))
            e = e2
    return extra


_ROLE = "|".join(re.escape(r) for r in sorted(_BYLINE_ROLE, key=len, reverse=True))
_NAMES = f"(?P<names>[{CJK}]{{2,4}}(?:[ \u3000、][{CJK}]{{2,4}})*)"
_NAMES_SPLIT = re.compile("[ \u3000、]")
_NAMES_END = "(?=[ \u3000]*(?:摄|[）)|｜]|$)|、(?:通讯员|记者))"
# each pattern with the words or marks it needs (cheap to look for first): as words, or as patterns
# that open on one character (a scan for one character is far quicker than one for a class)
_BYLINES = [
    # 记者 王五, （记者 王五）, 通讯员 赵六 钱七: a reporting role, a space or mark, the names
    (re.compile(f"(?:{_ROLE})(?:[ \u3000]*[：:|｜/／][ \u3000□■]*|[ \u3000]+)" + _NAMES + _NAMES_END, re.M),
     ("记者", "通讯员", "实习生", "摄影", "作者", "撰稿", "文/", "文／", "图/", "图／", "文：", "图：", "文|", "文｜")),
    # …电（王五）, 本报讯（王五 赵六）: the names in a dateline's brackets (the mark before the
    # bracket is matched, not looked behind at, so the engine tries only where one stands: no
    # match ends on a bracket, so none takes a mark from the one after it)
    (re.compile("[电讯：:][（(]" + _NAMES + _NAMES_END, re.M),
     (re.compile("（(?<=[电讯：]（)"), re.compile("\\((?<=[电讯:]\\()"))),  # 电（ 讯（ ：（ 电( 讯( :(
    # （王五、通讯员 赵六）: a reporter before a role named in the same brackets (the bracket
    # first, where a sentence or a line starts)
    (re.compile("[（(](?:(?<=^[（(])|(?<=[。！？][（(]))" + _NAMES + "(?=、(?:通讯员|记者|实习生))", re.M),
     (re.compile("、(?:通讯员|记者|实习生)"),)),
    # ■王五 on a line of its own
    (re.compile(f"^[ \u3000]*[□■][ \u3000]*" + _NAMES + "[ \u3000]*$", re.M), ("□", "■")),
    # （王五 摄）, 王五 摄
    (re.compile(f"(?:^|(?<=[（( \u3000]))(?P<names>[{CJK}]{{2,4}})[ \u3000]*摄(?=[ \u3000]*(?:[）)]|$))", re.M),
     (re.compile("摄[ \u3000]*(?:[）)]|$)", re.M),)),
]


def _cued(text: str, marks: tuple[str, ...] | tuple[re.Pattern, ...]) -> bool:
    """Does ``text`` hold one of the words or marks a byline's pattern needs (every match of the
    pattern holds one)? Many words are looked for as one pattern (one scan of the text, not one
    for each); two, as plain words (str's own search is the quicker there)."""
    if isinstance(marks[0], re.Pattern):
        return any(p.search(text) is not None for p in marks)
    if len(marks) <= 2:
        return any(k in text for k in marks)
    return _cue_re(marks).search(text) is not None


@lru_cache(maxsize=None)  # (one per pattern of _BYLINES)
def _cue_re(marks: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, marks)))


def _bylines(text: str) -> list[PersonHit]:
    """Reporters and photographers: 记者 X, 通讯员 X Y, （X 摄）, 新华社…电（X）. People
    without posts: the byline names no body they hold a post in."""
    out = []
    seen = set()
    for rx, marks in _BYLINES:
        if not _cued(text, marks):
            continue  # none of the words or marks the pattern needs
        for m in rx.finditer(text):
            pos = m.start("names")
            for part in _NAMES_SPLIT.split(m.group("names")):
                s, e = pos, pos + len(part)
                pos = e + 1
                if part.endswith("摄"):  # 王五摄: the photographer's credit, written without a space
                    part, e = part[:-1], e - 1
                if (s, e) in seen or not _byline_name(part):
                    continue
                seen.add((s, e))
                out.append(PersonHit(part, s, e))
    return out


def _byline_name(name: str) -> bool:
    """A whole personal name, as a byline writes it: a surname and one to two characters (two
    to three after a double surname), not a word of the dictionary other than a name."""
    sur = 2 if name[:2] in _surnames() else (1 if name[:1] in _surnames() else 0)
    if not sur or not 1 <= len(name) - sur <= 2 or "某" in name:
        return False
    tag = _tag(name)
    return tag is None or tag.startswith("nr")


def _captions(doc: Doc, bodies: _Bodies) -> list[PersonHit]:
    """林涛 / 攸县委副书记 / 政法委书记: a name on its own line, posts on the next lines."""
    text = doc.text
    out = []
    bounds = [-1, *doc.line_breaks, len(text)]  # each line from one's + 1 to the next
    # (a line of five characters or more holds no name alone: a space before one is no surname,
    # and a name ends on its last character, before a space after it; the lines of two to four
    # characters picked out of the lines' lengths, taken at once)
    for i in [i for i, n in enumerate(map(sub, bounds[1:], bounds)) if 3 <= n <= 5]:
        s, e = bounds[i] + 1, bounds[i + 1]
        line = text[s:e].strip()
        if not 2 <= len(line) <= 4 or name_end(text, s) != e:
            continue
        posts: list[tuple[str, Body | None]] = []
        last = e
        for j in range(i + 1, min(i + 4, len(bounds) - 1)):
            s2, e2 = bounds[j] + 1, bounds[j + 1]
            chain, cs = _chain_before(e2, bodies)
            if not chain or chain[0][1] is None or cs != s2:
                break
            posts.extend(p for p in chain if p[1] is not None)
            last = e2
        if posts:
            out.append(PersonHit(line, s, e, posts, evidence=(s, last)))
    return out


def _subject_before(text: str, lo: int, hi: int, bodies: _Bodies) -> PersonHit | None:
    """The last name opening a clause between ``lo`` and ``hi`` (近日，张三来到…), for a
    他是… that follows it with no other person named."""
    taken = [(a.start, a.end) for a in bodies.agencies] + [(p.start, p.end) for p in bodies.all_places]
    who = None
    for m in re.finditer("(?:^|(?<=[，。；：！？”]))", text[lo:hi], re.M):
        s = lo + m.start()
        e = name_end(text, s, strict=True)
        if e is not None and e <= hi and not any(s < b and a < e for a, b in taken):
            who = PersonHit(text[s:e], s, e)
    return who


# (each alternative opens on its verb's first character, the look-behind of 为 after it: the engine
# tries the pattern only where one of those characters stands)
_PREDICATE = re.compile(f"(?:是|{'|'.join(v + '(?!命|务|何|期)' for v in _APPOINTED)}|为(?<=[{CJK}]为)(?=[{CJK}]))"
                        f"(?P<rest>[{CJK}]{{2,30}})(?=[，。；\n]|$)", re.M)
# 为 makes a predicate of posts only after the one an appointment names (任命张三为…)
_NAMED_TO = re.compile(f"(?:任命|提名|推荐|选举|推选)[{CJK}]{{2,6}}$")


@lru_cache(maxsize=1)
def _title_last_chars() -> frozenset[str]:
    """The last characters of the titles' written forms, and 长 (省公安厅长: a body's and a title's)."""
    return frozenset(e[-1] for e in _title_forms()[2]) | {"长"}


@lru_cache(maxsize=1)
def _titled_clause_end_re() -> re.Pattern:
    """A clause's end (，。；or a line break) right after a title's last character."""
    # (the mark first, the character before it looked behind at: the engine skips ahead to the marks)
    return re.compile(f"[，。；\n](?<=[{''.join(sorted(_title_last_chars()))}][，。；\n])")


def _predicate_matches(text: str) -> Iterator[re.Match]:
    """The matches of ``_PREDICATE.finditer(text)`` whose clause ends on a title's last character
    (the others name no post). A match runs on from its verb to the end of the verb's run of
    characters, right before a clause's end: so each such end has at most one, the leftmost
    verb of the last 32 characters of its run that reads, and the pattern is searched for in
    those alone (past the matches of earlier clauses there), from the ends a title's last character stands before (most clauses end
    otherwise: the whole text is not read, nor each of its 是, 为 and 任 tried)."""
    ends = [m.start() for m in _titled_clause_end_re().finditer(text)]
    if text[-1:] in _title_last_chars():
        ends.append(len(text))
    for end in ends:
        m = _PREDICATE.search(text, max(0, end - 32), end + 1)
        while m is not None and m.end() < end:  # (a match of an earlier clause in those characters)
            m = _PREDICATE.search(text, m.end(), end + 1)
        if m is not None:
            yield m


def _predicates(doc: Doc, bodies: _Bodies, found: list[PersonHit]) -> list[PersonHit]:
    """张三是某县公安局局长 / 他是某县县委书记 / 张三任某县公安局局长: posts of a person already
    named, read from a predicate whose chain of posts runs from 是 (or 任) to the clause's end."""
    text = doc.text
    out = []
    place_spans = None  # (made for the first predicate that ends on a title: most texts have none)
    for m in _predicate_matches(text):
        end = m.end()
        if _title_at_end(text, end) is None and not (text[end - 1:end] == "长" and end - 1 in bodies.by_end):
            continue  # the clause does not end on a title (asked first: the cheaper question)
        if text[m.start():m.start() + 1] == "为" and not _NAMED_TO.search(text, max(0, m.start() - 10), m.start()):
            continue
        he = text[m.start() - 1:m.start()] in ("他", "她")
        start, rest = m.start() - he, m.start("rest")
        chain, cs = _chain_before(end, bodies)
        posts = [(t, b) for t, b in chain if b is not None]
        if not posts:
            continue
        # nothing but places between 是 and the chain (他是某省某县县委书记)
        if place_spans is None:
            place_spans = {p.start: p.end for p in bodies.all_places}
        pos = rest
        while pos < cs and pos in place_spans:
            pos = place_spans[pos]
        if pos != cs:
            continue
        if he:
            para = text.rfind("\n", 0, start) + 1
            prior = [h for h in found if para <= h.start and h.end <= start]
            if prior:
                who = prior[-1]
            elif (who := _subject_before(text, para, start, bodies)) is None:
                continue
            else:
                out.append(who)
        else:
            # 张三任…, 张三同志任…, 任命张三（同志）为…: the person right before the verb
            who = next((h for h in found if h.end == start or text[h.end:start] == "同志"), None)
            if who is None:
                continue
        out.append(PersonHit(who.name, who.start, who.end, posts, evidence=doc.sentence_at(start)))
    return out
