"""Write the diffusion test corpus: short county reports, their gold files and the adoption gold.

    python tests/diffusion/make_corpus.py     # rewrites reports/, gold/ and adoption.csv here

The texts are our own, in the style of county 政法 news briefs: a dateline the report-date
finder reads, the county named on its own, and one or two sentences on a campaign, program or
mechanism the county (or its public-security bureau, or its political-legal committee) takes
up, in the written forms reports use (扫黑除恶专项斗争 / “扫黑除恶”专项斗争 / 扫黑除恶专项行动,
“枫桥经验” / 新时代“枫桥经验”, 雪亮工程 / “雪亮工程”建设 …). 34 counties in three provinces
(湖南, 浙江, 江西), 2016–2021. Who adopted what, first, is the table ``ADOPTIONS`` below, written
by hand; later reports repeat some adoptions (a county is counted once), one report has no
date (its county adopted in a year nobody knows), and "5544" names two different mechanisms
in two pairs of places, told apart by their parts.

The generated files are committed; this script documents how they were written and keeps them
consistent with each other (gold from the same table as the text).
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

COUNTIES = {  # county: (prefecture, province)
    "澧县": ("常德市", "湖南省"), "临澧县": ("常德市", "湖南省"), "石门县": ("常德市", "湖南省"),
    "桃源县": ("常德市", "湖南省"), "汉寿县": ("常德市", "湖南省"), "安乡县": ("常德市", "湖南省"),
    "鼎城区": ("常德市", "湖南省"), "桑植县": ("张家界市", "湖南省"), "茶陵县": ("株洲市", "湖南省"),
    "炎陵县": ("株洲市", "湖南省"), "湘阴县": ("岳阳市", "湖南省"), "岳阳县": ("岳阳市", "湖南省"),
    "诸暨市": ("绍兴市", "浙江省"), "嵊州市": ("绍兴市", "浙江省"), "新昌县": ("绍兴市", "浙江省"),
    "义乌市": ("金华市", "浙江省"), "东阳市": ("金华市", "浙江省"), "浦江县": ("金华市", "浙江省"),
    "兰溪市": ("金华市", "浙江省"), "武义县": ("金华市", "浙江省"), "永康市": ("金华市", "浙江省"),
    "磐安县": ("金华市", "浙江省"), "桐庐县": ("杭州市", "浙江省"), "建德市": ("杭州市", "浙江省"),
    "修水县": ("九江市", "江西省"), "武宁县": ("九江市", "江西省"), "永修县": ("九江市", "江西省"),
    "德安县": ("九江市", "江西省"), "瑞昌市": ("九江市", "江西省"), "都昌县": ("九江市", "江西省"),
    "铜鼓县": ("宜春市", "江西省"), "宜丰县": ("宜春市", "江西省"), "奉新县": ("宜春市", "江西省"),
    "靖安县": ("宜春市", "江西省"),
}

# item: (type, canonical name, relation field, forms). A form: (sentence with {a} for the actor
# and {n} for a number, the surface forms of the name in it, its parts, statistic or None)
ITEMS = {
    "枫桥经验": ("Mechanism", "枫桥经验", "adopted_by", [
        ("{a}坚持和发展新时代“枫桥经验”，推动矛盾纠纷就地化解。", ["“枫桥经验”"], [], None),
        ("{a}创新发展“枫桥经验”，化解矛盾纠纷{n}件。", ["“枫桥经验”"], [], ("化解矛盾纠纷", "件")),
        ("{a}深入践行新时代“枫桥经验”，矛盾纠纷调处成功率达{n}%。", ["“枫桥经验”"], [], ("矛盾纠纷调处成功率", "%")),
    ]),
    "雪亮工程": ("Program", "雪亮工程", "implemented_by", [
        ("{a}全面推进“雪亮工程”建设，新建高清监控探头{n}个。", ["“雪亮工程”"], [], ("新建高清监控探头", "个")),
        ("{a}加快推进雪亮工程，实现重点区域视频监控全覆盖。", ["雪亮工程"], [], None),
        ("{a}把“雪亮工程”列为年度重点民生实事。", ["“雪亮工程”"], [], None),
        ("{a}大力推进“雪亮工程”，建成视频监控点位{n}个。", ["“雪亮工程”"], [], ("建成视频监控点位", "个")),
    ]),
    "扫黑除恶": ("Campaign", "扫黑除恶专项斗争", "conducted_by", [
        ("{a}深入开展扫黑除恶专项斗争，打掉涉恶团伙{n}个。", ["扫黑除恶专项斗争"], [], ("打掉涉恶团伙", "个")),
        ("{a}扎实推进“扫黑除恶”专项斗争，破获涉恶案件{n}起。", ["“扫黑除恶”专项斗争"], [], ("破获涉恶案件", "起")),
        ("{a}部署开展扫黑除恶专项行动，抓获涉恶人员{n}名。", ["扫黑除恶专项行动"], [], ("抓获涉恶人员", "名")),
    ]),
    "三治融合": ("Mechanism", "三治融合", "adopted_by", [
        ("{a}推行自治、法治、德治“三治融合”，提升基层治理水平。", ["“三治融合”"], ["自治", "法治", "德治"], None),
        ("{a}构建“三治融合”体系，即自治、法治、德治。", ["“三治融合”体系"], ["自治", "法治", "德治"], None),
        ("{a}深化“三治融合”基层治理模式，即自治、法治、德治。", ["“三治融合”基层治理模式"], ["自治", "法治", "德治"], None),
    ]),
    "一村一辅警": ("Mechanism", "一村一辅警", "adopted_by", [
        ("{a}全面推行“一村一辅警”，实现行政村辅警全覆盖。", ["“一村一辅警”"], [], None),
        ("{a}推行“一村一辅警”工作机制，全县行政村实现辅警全覆盖。", ["“一村一辅警”工作机制"], [], None),
    ]),
    # one name, two mechanisms: A in 义乌市 and 东阳市, B in 修水县 (and in the seeds' 平江县)
    "5544A": ("Mechanism", "5544", "adopted_by", [
        ("{a}创新推行“5544”工作模式，即五级联动、五项制度、四个平台、四类人员。", ["“5544”工作模式"],
         ["五级联动", "五项制度", "四个平台", "四类人员"], None),
        ("{a}推行“5544”工作法，即五级联动、五项制度、四个平台、四类人员。", ["“5544”工作法"],
         ["五级联动", "五项制度", "四个平台", "四类人员"], None),
    ]),
    "5544B": ("Mechanism", "5544", "adopted_by", [
        ("{a}探索“5544”工作法，即五个协作、五个片区、四项权力、四支队伍。", ["“5544”工作法"],
         ["五个协作", "五个片区", "四项权力", "四支队伍"], None),
        ("{a}持续深化“5544”工作模式，基层治理水平不断提升。", ["“5544”工作模式"], [], None),
    ]),
}

# the reports, by hand: (date or None, county, actor — "" the county, "公安局" or "委政法委" —,
# [(item, form, number)]); the first report of a county and item is its adoption
REPORTS = [
    ("2016-03-14", "诸暨市", "委政法委", [("枫桥经验", 0, 0)]),
    ("2016-05-20", "澧县", "", [("雪亮工程", 0, 320)]),
    ("2016-09-08", "石门县", "", [("一村一辅警", 0, 0)]),
    ("2016-11-02", "都昌县", "", []),
    ("2017-02-16", "嵊州市", "", [("枫桥经验", 1, 86)]),
    ("2017-04-11", "新昌县", "", [("枫桥经验", 0, 0)]),
    ("2017-06-23", "浦江县", "委政法委", [("枫桥经验", 2, 97)]),
    ("2017-03-09", "临澧县", "公安局", [("雪亮工程", 3, 450)]),
    ("2017-07-19", "石门县", "", [("雪亮工程", 1, 0)]),
    ("2017-08-30", "义乌市", "公安局", [("雪亮工程", 0, 1280)]),
    ("2017-10-12", "磐安县", "", [("三治融合", 1, 0)]),
    ("2017-05-05", "澧县", "", [("一村一辅警", 1, 0)]),
    ("2017-09-27", "桃源县", "委政法委", [("一村一辅警", 0, 0)]),
    ("2018-01-22", "义乌市", "", [("枫桥经验", 1, 210)]),
    ("2018-03-15", "东阳市", "", [("枫桥经验", 0, 0), ("三治融合", 0, 0)]),
    ("2018-04-18", "桐庐县", "委政法委", [("枫桥经验", 2, 96)]),
    ("2018-02-27", "诸暨市", "", [("枫桥经验", 1, 1350)]),
    ("2018-05-09", "桃源县", "", [("雪亮工程", 2, 0)]),
    ("2018-06-14", "汉寿县", "公安局", [("雪亮工程", 3, 610)]),
    ("2018-07-03", "安乡县", "", [("雪亮工程", 1, 0)]),
    ("2018-08-21", "永修县", "", [("雪亮工程", 0, 540)]),
    ("2018-02-08", "武义县", "公安局", [("扫黑除恶", 0, 4)]),
    ("2018-03-26", "永康市", "公安局", [("扫黑除恶", 1, 17)]),
    ("2018-04-02", "炎陵县", "", [("扫黑除恶", 0, 3)]),
    ("2018-05-30", "岳阳县", "公安局", [("扫黑除恶", 2, 26)]),
    ("2018-06-25", "靖安县", "", [("扫黑除恶", 1, 9)]),
    ("2018-09-13", "鼎城区", "公安局", [("扫黑除恶", 0, 5)]),
    ("2018-10-16", "兰溪市", "", [("三治融合", 2, 0)]),
    ("2018-11-06", "临澧县", "委政法委", [("一村一辅警", 1, 0)]),
    ("2018-12-04", "石门县", "", [("一村一辅警", 0, 0)]),
    ("2018-07-24", "义乌市", "", [("5544A", 0, 0)]),
    ("2019-01-15", "修水县", "", [("枫桥经验", 0, 0)]),
    ("2019-03-07", "武宁县", "委政法委", [("枫桥经验", 1, 64)]),
    ("2019-04-19", "瑞昌市", "", [("枫桥经验", 2, 98)]),
    ("2019-05-28", "兰溪市", "委政法委", [("枫桥经验", 0, 0)]),
    ("2019-06-12", "德安县", "", [("雪亮工程", 1, 0)]),
    ("2019-07-09", "都昌县", "公安局", [("雪亮工程", 3, 380)]),
    ("2019-08-15", "桐庐县", "", [("雪亮工程", 2, 0)]),
    ("2019-09-03", "建德市", "", [("雪亮工程", 0, 700)]),
    ("2019-02-20", "澧县", "", [("雪亮工程", 1, 0)]),
    ("2019-03-28", "桑植县", "公安局", [("扫黑除恶", 1, 11)]),
    ("2019-04-30", "新昌县", "", [("扫黑除恶", 0, 2)]),
    ("2019-05-16", "修水县", "公安局", [("扫黑除恶", 2, 33)]),
    ("2019-06-27", "武义县", "公安局", [("扫黑除恶", 1, 8)]),
    ("2019-10-10", "永康市", "", [("三治融合", 0, 0)]),
    ("2019-11-19", "汉寿县", "委政法委", [("一村一辅警", 1, 0)]),
    ("2019-08-08", "东阳市", "", [("5544A", 1, 0)]),
    ("2019-09-24", "修水县", "", [("5544B", 0, 0)]),
    ("2020-03-12", "澧县", "委政法委", [("枫桥经验", 1, 73)]),
    ("2020-04-22", "石门县", "", [("枫桥经验", 0, 0)]),
    ("2020-05-19", "铜鼓县", "", [("枫桥经验", 2, 95)]),
    ("2020-06-30", "诸暨市", "委政法委", [("枫桥经验", 2, 99)]),
    ("2020-07-14", "宜丰县", "公安局", [("雪亮工程", 0, 260)]),
    ("2020-08-26", "奉新县", "", [("雪亮工程", 1, 0)]),
    ("2020-09-17", "德安县", "", [("三治融合", 1, 0)]),
    ("2020-10-28", "桃源县", "", []),
    ("2021-03-02", "修水县", "", [("5544B", 1, 0)]),
    ("2021-04-13", "茶陵县", "", [("枫桥经验", 0, 0)]),
    ("2021-05-25", "湘阴县", "委政法委", [("枫桥经验", 1, 52)]),
    ("2021-06-08", "永修县", "", [("雪亮工程", 2, 0)]),
    ("2021-09-16", "靖安县", "", []),
    (None, "安乡县", "", [("一村一辅警", 0, 0)]),
]

OPENERS = ["政法工作简讯", "平安建设动态", "基层治理观察", "综治工作一线"]
CLOSERS = ["下一步，将持续巩固工作成效。", "相关工作将持续推进。", ""]


def actor_name(county: str, actor: str) -> str:
    return county + actor


def write() -> None:
    reports, gold_dir = HERE / "reports", HERE / "gold"
    reports.mkdir(exist_ok=True)
    gold_dir.mkdir(exist_ok=True)
    for old in [*reports.glob("*.txt"), *gold_dir.glob("*.json")]:
        old.unlink()
    first: dict[tuple[str, str], tuple[str | None, str]] = {}
    for i, (date, county, actor, events) in enumerate(sorted(REPORTS, key=lambda r: (r[0] or "9999", r[1])), 1):
        rid = f"d{i:02d}_{date[:4] if date else 'nodate'}"
        pref, prov = COUNTIES[county]
        who = actor_name(county, actor)
        lines = []
        if date:
            y, m, d = date.split("-")
            lines.append(f"{int(y)}年{int(m)}月{int(d)}日")
        lines.append(f"{county}{OPENERS[i % len(OPENERS)]}")
        body = []
        entities = [
            {"type": "Place", "name": prov, "aliases": [], "level": "province", "implied": True},
            {"type": "Place", "name": pref, "aliases": [], "level": "prefecture", "within": prov, "implied": True},
            {"type": "Place", "name": county, "aliases": [], "level": "county", "within": pref},
        ]
        if actor:
            entities.append({"type": "Agency", "name": who, "aliases": [], "jurisdiction": county})
        statistics = []
        for item, form, n in events:
            etype, name, field, forms = ITEMS[item]
            sentence, surfaces, parts, stat = forms[form]
            text = sentence.format(a=who, n=n)
            body.append(text)
            e = {"type": etype, "name": name, "aliases": sorted(set(surfaces) - {name}), field: [who]}
            if parts:
                e["components"] = parts
            entities.append(e)
            if stat:
                indicator, unit = stat
                clause = text[len(who):].split("，", 1)[1].rstrip("。")
                statistics.append({"subject": who, "indicator": indicator, "value": n, "unit": unit,
                                   "qualifier": None, "period": None, "quote": clause})
            key = (county, item)
            if key not in first or (first[key][0] is None and date):
                first[key] = (date, rid)
        if not events:
            body.append(f"今年以来，{county}持续深化平安建设，群众安全感不断提升。")
        body.append(CLOSERS[i % len(CLOSERS)])
        lines.append("".join(body))
        (reports / f"{rid}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        gold = {"report": rid, "focus": [county], "entities": entities, "statistics": statistics}
        (gold_dir / f"{rid}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    with (HERE / "adoption.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["county", "province", "entity", "part", "first_year", "first_report"])
        for (county, item), (date, rid) in sorted(first.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            etype, name, _, forms = ITEMS[item]
            part = next((p[2][0] for p in forms if p[2]), "") if item.startswith("5544") else ""
            w.writerow([county, COUNTIES[county][1], name, part, date[:4] if date else "", rid])


if __name__ == "__main__":
    write()
