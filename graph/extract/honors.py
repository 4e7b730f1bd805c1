"""Honors: titles given by 被评为 / 获评 / 荣获 / 荣膺 / 列为 …, and awards chosen by 评选."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .doc import CJK, Doc

_TRIGGER = re.compile("(被评为|被命名为|被授予|获评|荣获|荣膺|被列为|列为|评为|成功创建|创建成为|保持了|获得了?)")
_LEVEL = "(?:全国|全省|全市|省级|市级|县级|国家级|全国检察机关|全国公安机关|[省市]级)"
_HONOR_END = re.compile("(单位|集体|个人|乡镇|社区|村|镇|乡|街道|县|市|城市|区|称号|先进|模范|标兵|好人|组织|示范点|示范区|荣誉|之星|卫士)$")


@dataclass
class HonorHit:
    name: str
    start: int
    end: int
    aliases: set[str]
    trigger_start: int
    awardee_end: int | None = None  # where the awardee's name must end (the trigger's subject)


def find_honors(doc: Doc, taken: list[tuple[int, int]]) -> list[HonorHit]:
    text = doc.text
    out: list[HonorHit] = []
    for m in _TRIGGER.finditer(text):
        p = m.end()
        qm = re.match(f"({_LEVEL})?“([^”]{{2,24}})”(荣誉称号|称号)?", text[p:p + 40])
        if qm:
            name = qm.group(2).strip()
            end = p + qm.end()
            aliases = {name, text[p:end]}
            if qm.group(1):
                aliases.add(qm.group(1) + name)
        else:
            um = re.match(f"[{CJK}]{{3,16}}", text[p:p + 16])
            if not um or not _HONOR_END.search(um.group(0)):
                continue
            name = um.group(0)
            end = p + um.end()
            aliases = {name}
        if any(a <= p < b for a, b in taken) and not qm:
            continue
        out.append(HonorHit(name, p, end, aliases, m.start(), m.start()))
    # quoted rankings: “2021中国最具安全感百佳县市”出炉，攸县荣登榜位
    for m in re.finditer("“([^”]{4,30}(?:百佳|百强|十佳|最佳|先进|示范)[^”]{0,8})”", text):
        s, e = m.span()
        if any(h.start <= s + 1 < h.end for h in out) or any(a <= s < b for a, b in taken):
            continue
        name = re.sub(r"^\d{4}年?", "", m.group(1)).strip()
        follow = re.search("(荣登|入选|上榜|获评)", text[e:e + 20])
        if follow is None:
            continue
        out.append(HonorHit(name, s, e, {name, m.group(1)}, e + follow.start(), None))
    # 评选“平安家庭”2万余户、平安单位24个 …: each item chosen is an honor
    item = re.compile(f"(“?([{CJK}]{{2,10}})”?)\\s*[0-9]+(?:\\.[0-9]+)?[万亿]?[余多]?[个户家人名所]、?")
    for m in re.finditer("评选", text):
        pos = m.end()
        while True:
            im = item.match(text, pos)
            if im is None:
                break
            name = im.group(2)
            out.append(HonorHit(name, im.start(1), im.end(1), {name, im.group(1)}, m.start(), None))
            pos = im.end()
    return out
