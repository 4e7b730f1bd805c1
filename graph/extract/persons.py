"""Officials: a chain of (body, title) right before a name (慈利县公安局党委书记、局长屈辉说),
or a caption: a name alone on a line with its posts on the lines after it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import load_set
from .agencies import AgencyHit
from .doc import Doc

# what an official does right after being named: 马国华主持召开…, 张三出席…
_NEXT_VERBS = {"主持", "出席", "表示", "指出", "强调", "介绍", "要求", "带队", "调研", "讲话", "参加", "督导", "检查",
               "看望", "慰问", "部署", "宣布", "致辞", "一行", "带头", "率队", "同志", "说道", "认为", "签署", "共同"}
_AFTER_NAME = set("说，。、；：（(在带同舍等和与表指强介要也是一率到对作为接出于向")


@dataclass
class PersonHit:
    name: str
    start: int
    end: int
    posts: list[tuple[str, AgencyHit | None]] = field(default_factory=list)
    evidence: tuple[int, int] | None = None  # the caption lines, when the posts come from a caption


@lru_cache(maxsize=1)
def _titles() -> tuple[str, ...]:
    return tuple(sorted(load_set("posts.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return load_set("surnames.txt")


def _name_at(text: str, s: int) -> int | None:
    """End of a personal name starting at ``s``, or None. jieba's person tag decides the
    length where it sees one; else a name is two or three characters before a boundary."""
    from ..segment import pos_tags

    two = text[s:s + 2]
    sur = two if two in _surnames() else text[s:s + 1]
    if sur not in _surnames():
        return None
    from ..segment import is_word

    tags = pos_tags(text[s:s + len(sur) + 3])
    if tags and tags[0][1] == "nr" and len(sur) < len(tags[0][0]) <= len(sur) + 2 and tags[0][0].startswith(sur):
        end = s + len(tags[0][0])
        # 黄伟共同签署: the name's last character starts the next word
        if end - s == len(sur) + 2 and is_word(text[end - 1:end + 1]) and not is_word(text[s + len(sur):end]):
            end -= 1
        return end
    if text[s + len(sur) + 2:s + len(sur) + 4] in _NEXT_VERBS:
        return s + len(sur) + 2
    if text[s + len(sur) + 1:s + len(sur) + 3] in _NEXT_VERBS:
        return s + len(sur) + 1
    for length in (len(sur) + 2, len(sur) + 1):
        cand = text[s:s + length]
        if len(cand) < length or not all("\u4e00" <= c <= "\u9fff" for c in cand):
            continue
        if cand[-1] in _AFTER_NAME:
            continue
        after = text[s + length:s + length + 1]
        if after == "" or after in _AFTER_NAME or text[s + length:s + length + 2] == "同志":
            return s + length
    return None


def _title_at_end(text: str, end: int) -> tuple[int, str] | None:
    for t in _titles():
        if text.endswith(t, 0, end):
            return end - len(t), t
    return None


def _chain_before(text: str, pos: int, agencies: list[AgencyHit]) -> list[tuple[str, AgencyHit | None]]:
    """(title, body) pairs written right before ``pos``, nearest last."""
    by_end = {a.end: a for a in agencies}
    posts: list[tuple[str, AgencyHit | None]] = []
    while True:
        t = _title_at_end(text, pos)
        body = None
        if t is None:
            # 省公安厅长: the body's last character doubles as the title's first
            if text[pos - 1:pos] == "长" and (pos - 1) in by_end:
                body = by_end[pos - 1]
                posts.append((body.name[-1] + "长", body))
                pos = body.start
            else:
                break
        else:
            ts, title = t
            body = by_end.get(ts)
            if body is None and (ts + 1) in by_end and by_end[ts + 1].name.endswith(title[0]):
                body = by_end[ts + 1]  # 公安厅长: 厅 belongs to both
            posts.append((title, body))
            pos = body.start if body else ts
        if text[pos - 1:pos] == "、":
            pos -= 1
            continue
        break
    posts.reverse()
    # a title without its own body belongs to the body named before it
    last = None
    out = []
    for title, body in posts:
        body = body or last
        out.append((title, body))
        last = body
    return [p for p in out if p[1] is not None]


def find_persons(doc: Doc, agencies: list[AgencyHit]) -> list[PersonHit]:
    text = doc.text
    out: list[PersonHit] = []
    title_alt = "|".join(re.escape(t) for t in _titles())
    for m in re.finditer(f"(?:{title_alt}|(?<=[厅局院所])长)", text):
        s = m.end()
        e = _name_at(text, s)
        if e is None:
            continue
        posts = _chain_before(text, s, agencies)
        if not posts:
            continue
        out.append(PersonHit(text[s:e], s, e, posts))
    out.extend(_captions(doc, agencies))
    return out


def _captions(doc: Doc, agencies: list[AgencyHit]) -> list[PersonHit]:
    """林涛 / 攸县委副书记 / 政法委书记: a name on its own line, posts on the next lines."""
    text = doc.text
    out = []
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line.strip()))
        pos += len(line) + 1
    for i, (s, e, line) in enumerate(lines):
        if not 2 <= len(line) <= 4 or _name_at(text, s) != e:
            continue
        posts: list[tuple[str, AgencyHit | None]] = []
        last = e
        for s2, e2, line2 in lines[i + 1:i + 4]:
            chain = _chain_before(text, e2, agencies)
            if not chain or chain[0][1] is None or chain[0][1].start != s2:
                break
            posts.extend(chain)
            last = e2
        if posts:
            out.append(PersonHit(line, s, e, posts, evidence=(s, last)))
    return out
