"""How extraction's time grows with a report's length: every step should be linear (or n log n).

    python benchmarks/growth.py                          # every family, up to 1M characters (about 15 minutes)
    python benchmarks/growth.py --families corpus quotes --max 262144
    python benchmarks/growth.py --quick                  # small sizes: checks that it runs, not the slopes
    python benchmarks/growth.py --cases                  # the cases issue 15 reported, timed once each

Each family is one report of growing length, most of it a single line (scraped text often has no
line breaks): the shared corpus joined without its line breaks, and texts made to stress one rule
(unclosed quotation marks, one sentence of comma-spliced clauses, a long 、-list of bodies and
places, many quoted names, many figures, document titles, number formulas, officials, bodies acting
together, groups set up under named heads and bodies honored together). For each size it times ``extract_text`` (and
``normalise`` apart) in process CPU time, the best of a few runs; then it fits the growth
exponent, the slope of log(time) over log(length) across the last four doublings (sizes from
a sixteenth of the largest up), prints a Markdown table, and exits 1 when a family's slope
passes ``--limit`` (default 1.25: linear is 1.0, a quadratic step shows as 2.0 once it
dominates; n log n over these sizes stays below 1.15), or a family fails or runs past --budget.

The shared corpus (../shared/corpus/derived/scale_corpus.txt, research use) is read in place and
nothing made from it stays on disk; without it the corpus family is skipped.
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import SCALE, base_text  # noqa: E402

# bodies, places and names the synthetic families rotate through (written for this benchmark)
_BODIES = ("县公安局", "县人民法院", "县人民检察院", "县司法局", "县委政法委", "县信访局", "县妇联", "县综治中心")
_TOWNS = ("东山镇", "西岭乡", "南河街道", "北坪镇", "青石村", "白沙社区", "红旗村", "柳塘乡")
_DIGITS = "零一二三四五六七八九"
_VERBS = ("开展", "推进", "实施", "建立", "创建", "深化")
_KINDS = ("行动", "工程", "机制", "模式", "活动", "平台")


def _numeral(i: int) -> str:
    """i in Chinese digits (一二三…): a distinct name part for each i."""
    return "".join(_DIGITS[int(d)] for d in str(i))


def _fill(unit: Callable[[int], str], n: int) -> str:
    """Units 0, 1, 2 … joined until the text has ``n`` characters (cut there)."""
    parts, size, i = [], 0, 0
    while size < n:
        u = unit(i)
        parts.append(u)
        size += len(u)
        i += 1
    return "".join(parts)[:n]


def corpus(n: int) -> str:
    """Real text on one line: the seeds and the shared scale corpus, line breaks removed."""
    text = base_text(n * 3 / 1_000_000 * 1.2)  # base_text counts 3 bytes a character; 20 % for the breaks
    text = text.replace("\r", "").replace("\n", "")
    while len(text) < n:
        text += text
    return text[:n]


def quotes(n: int) -> str:
    """One sentence of opening quotation marks that never close (县公安局开展“平安…)."""
    return _fill(lambda i: f"{_BODIES[i % 8]}{_VERBS[i % 6]}“平安{_numeral(i)}{_KINDS[i % 6]}", n)


def _clause(i: int) -> str:
    who = _BODIES[i % 8] if i % 3 else _TOWNS[i % 8]
    return f"{who}{_VERBS[i % 6]}专项{_KINDS[i % 6]}{i % 97 + 2}次，"


def clauses(n: int) -> str:
    """One sentence of comma-spliced clauses, each a body or place with a figure."""
    return _fill(_clause, n - 1) + "。"


def lists(n: int) -> str:
    """One sentence listing bodies and places with 、 (县公安局、东山镇、县人民法院、…)."""
    return "全县" + _fill(lambda i: f"{_BODIES[i % 8] if i % 2 else _TOWNS[i % 8]}、", n - 8) + "共同参与。"


def names(n: int) -> str:
    """Many quoted names, each in a short sentence of its own body (县公安局开展“平安一二行动”。);
    a name comes back every 50 sentences, so entities gather many mentions."""
    return _fill(lambda i: f"{_BODIES[i % 8]}{_VERBS[i % 6]}“平安{_numeral(i % 50)}{_KINDS[i % 6]}”，成效明显。", n)


def numbers(n: int) -> str:
    """Many figures on one line (全县破获刑事案件123起，同比下降4.5%。)."""
    def unit(i: int) -> str:
        return (f"{_TOWNS[i % 8]}今年破获刑事案件{i % 900 + 10}起，抓获犯罪嫌疑人{i % 70 + 3}人，"
                f"同比下降{i % 40 + 1}.{i % 10}%，化解矛盾纠纷{i % 300 + 5}件。")
    return _fill(unit, n)


def issue_cases() -> list[tuple[str, str]]:
    """The cases issue 15 measured, as near as they can be made (the issue kept no files): a line
    of 16,000 (and 8,000) unclosed quotation marks, one sentence of 800 (and 400) comma-spliced
    clauses, the 800k-character base corpus as one line and with its line breaks, and the whole
    shared scale corpus (4.8 MB) as one line."""
    def clauses_n(k: int) -> str:
        return "".join(_clause(i) for i in range(k))[:-1] + "。"

    cases = [("8,000 unclosed “", "“" * 8000), ("16,000 unclosed “", "“" * 16000),
             ("one sentence of 400 comma-spliced clauses", clauses_n(400)),
             ("one sentence of 800 comma-spliced clauses", clauses_n(800))]
    if SCALE.exists():
        base = base_text(2.4)  # 800,000 characters: the seeds, then the scale corpus
        cases += [("800k-character corpus with its line breaks", base),
                  ("800k-character corpus as one line", base.replace("\r", "").replace("\n", "")),
                  ("the whole scale corpus (4.8 MB) as one line",
                   SCALE.read_text(encoding="utf-8").replace("\r", "").replace("\n", ""))]
    return cases


def run_cases(budget: float) -> None:
    from graph.build import ReportTimeout, time_limit
    from graph.extract import extract_text

    print(f"## Issue 15's cases (CPU seconds of extract_text, one run; stopped at {budget:g} s)\n")
    print("| case | characters | UTF-8 bytes | seconds |")
    print("|---|---|---|---|")
    for label, text in issue_cases():
        t0 = time.process_time()
        try:
            with time_limit(budget):
                extract_text(text)
            took = f"{time.process_time() - t0:.2f}"
        except ReportTimeout:
            took = f"> {budget:g} (stopped)"
        print(f"| {label} | {len(text):,} | {len(text.encode()):,} | {took} |", flush=True)


def documents(n: int) -> str:
    """Many document titles in one sentence (县委印发《关于一二号工作的意见》，…), every 500th the same."""
    return _fill(lambda i: f"{_BODIES[i % 8][:2]}印发《关于{_numeral(i % 500)}号工作的意见》，", n)


def formulas(n: int) -> str:
    """Many number formulas in one sentence (县公安局推行“三联二防”工作法，…)."""
    return _fill(lambda i: f"{_BODIES[i % 8]}推行“{_numeral(i % 9 + 2)}联{_numeral(i % 7 + 1)}防”工作法，", n)


_SURNAMES, _GIVEN = "王李张刘陈杨赵黄周吴", "伟芳娜敏静丽强磊军洋"


def people(n: int) -> str:
    """Many officials with their posts in one sentence (县公安局局长王伟芳表示，…)."""
    return _fill(lambda i: f"{_BODIES[i % 8]}局长{_SURNAMES[i % 10]}{_GIVEN[i // 10 % 10]}{_GIVEN[i // 100 % 10]}表示，", n)


def joint(n: int) -> str:
    """One sentence of bodies acting together, each clause long enough that no mark stands
    near its named thing, and places referred back to (东山镇会同县公安局、县司法局在全镇各村…开展
    “护航一行动”，该镇推行“联防二机制”，…), in a county the report names first."""
    return "湖南省慈利县" + _fill(lambda i: f"{_TOWNS[i % 8]}会同{_BODIES[i % 8]}、{_BODIES[(i + 3) % 8]}在全镇各村各社区各小区"
                                        f"各网格各单位常态化地深入持续广泛{_VERBS[i % 6]}“护航{_numeral(i % 50)}{_KINDS[i % 6]}”，"
                                        f"该镇推行“联防{_numeral(i % 40)}{_KINDS[(i + 1) % 6]}”，", n - 6)


def appointments(n: int) -> str:
    """One sentence of groups set up under named heads, officials with implied bodies and bodies
    honored together (成立由王伟任组长的…领导小组，副县长李芳、县公安局和县司法局被评为“…”，…), in a
    county the report names first."""
    def unit(i: int) -> str:
        head = f"{_SURNAMES[i % 10]}{_GIVEN[i // 10 % 10]}"
        deputy = f"{_SURNAMES[(i + 3) % 10]}{_GIVEN[i // 7 % 10]}{_GIVEN[i % 10]}"
        return (f"成立由{head}任组长的平安建设工作领导小组，副县长{deputy}、{_BODIES[i % 8]}和"
                f"{_BODIES[(i + 1) % 8]}被评为“平安{_numeral(i % 30)}先进集体”，")
    return "湖南省慈利县" + _fill(unit, n - 6)


FAMILIES: dict[str, Callable[[int], str]] = {"corpus": corpus, "quotes": quotes, "clauses": clauses, "lists": lists,
                                             "names": names, "numbers": numbers, "documents": documents,
                                             "formulas": formulas, "people": people, "joint": joint,
                                             "appointments": appointments}
CORPUS_SIZES = (10_000, 30_000, 100_000, 300_000, 1_000_000)


def sizes(family: str, top: int, bottom: int) -> list[int]:
    if family == "corpus" and top == 1_000_000 and bottom <= 10_000:
        return list(CORPUS_SIZES)
    out = [top]
    while out[-1] // 2 >= bottom:
        out.append(out[-1] // 2)
    return out[::-1]


def cpu(fn: Callable[[str], object], text: str, *, runs: int, budget: float) -> float:
    """The least process CPU time of up to ``runs`` calls of ``fn`` on ``text``: fewer once one
    call takes more than a quarter of ``budget`` seconds. Each run's text differs in its first
    character, so no cache keyed by a report's text answers the second run."""
    best = math.inf
    for k in range(runs):
        run_text = "甲乙丙丁戊己庚辛"[k % 8] + text[1:]
        t0 = time.process_time()
        fn(run_text)
        best = min(best, time.process_time() - t0)
        if best * (k + 2) > budget / 4:
            break
    return best


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(time) over log(length)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(t, 1e-6)) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def measure(family: str, ns: list[int], *, runs: int, budget: float) -> list[tuple[int, float | None, float | None]]:
    """(length, normalise seconds, extract_text seconds) per size; None once a size ran past
    ``budget`` seconds (the larger ones are not tried)."""
    from graph.build import ReportTimeout, time_limit
    from graph.extract import extract_text
    from graph.normalise import normalise

    out: list[tuple[int, float | None, float | None]] = []
    for n in ns:
        text = FAMILIES[family](n)
        norm_s = cpu(normalise, text, runs=runs, budget=budget)
        try:
            with time_limit(budget):
                ext_s = cpu(extract_text, text, runs=runs, budget=budget)
        except ReportTimeout:
            out.append((n, norm_s, None))
            print(f"  {family} {n:,}: extraction ran past {budget:g} s", file=sys.stderr, flush=True)
            break
        except Exception as e:  # noqa: BLE001 — a rule that fails on some length is a finding, not the end of the run
            out.append((n, norm_s, None))
            print(f"  {family} {n:,}: extraction failed: {type(e).__name__}: {e}", file=sys.stderr, flush=True)
            break
        out.append((n, norm_s, ext_s))
        print(f"  {family} {n:,}: normalise {norm_s:.3f} s, extract {ext_s:.3f} s", file=sys.stderr, flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--families", nargs="+", choices=list(FAMILIES), default=list(FAMILIES))
    ap.add_argument("--max", type=int, default=1_000_000, help="largest report, in characters (default: 1,000,000)")
    ap.add_argument("--min", type=int, default=8_000, help="smallest report (default: 8,000; sizes double up to --max)")
    ap.add_argument("--fit", type=int, default=4, help="the slope is fitted over the sizes from --max / 2**fit up (default: 4 doublings)")
    ap.add_argument("--limit", type=float, default=1.25, help="largest slope allowed (default: 1.25)")
    ap.add_argument("--runs", type=int, default=3, help="runs per size, the fastest counts (default: 3)")
    ap.add_argument("--budget", type=float, default=300, help="seconds one extraction may take before the family stops (default: 300)")
    ap.add_argument("--quick", action="store_true", help="4,000 to 32,000 characters, one run each, no limit on the slope")
    ap.add_argument("--cases", action="store_true", help="time the cases issue 15 reported instead (one run each)")
    args = ap.parse_args(argv)
    if args.quick:
        args.min, args.max, args.runs, args.fit, args.limit = 4_000, 32_000, 1, 3, math.inf

    from graph.build import _warm
    from graph.extract import extract_text

    _warm(whole=True)  # the gazetteer, lexicons and all of jieba's dictionary, as a build's worker has them
    extract_text(quotes(2000) + clauses(2000) + names(2000) + numbers(2000) + lists(2000))
    if args.cases:
        run_cases(args.budget)
        return 0
    families = [f for f in args.families if f != "corpus" or SCALE.exists()]
    if len(families) < len(args.families):
        print(f"(no shared corpus at {SCALE}: the corpus family is skipped)\n")
    rows, worst = [], []
    for family in families:
        ns = sizes(family, args.max, args.min)
        got = measure(family, ns, runs=args.runs, budget=args.budget)
        floor = ns[-1] / 2 ** args.fit  # the last --fit doublings: sizes from max / 2**fit up
        fit_n = [(n, e) for n, _, e in got if e is not None and n >= floor]
        fit_norm = [(n, nm) for n, nm, _ in got if nm is not None and n >= floor]
        k = slope(fit_n) if len(fit_n) >= 2 else math.nan
        kn = slope(fit_norm) if len(fit_norm) >= 2 else math.nan
        finished = all(e is not None for _, _, e in got) and len(got) == len(ns)
        ok = finished and k <= args.limit and kn <= args.limit
        if not ok:
            worst.append(family)
        largest = got[-1]
        rows.append([family, f"{ns[0]:,}–{ns[-1]:,}",
                     " ".join("—" if e is None else f"{e:.2f}" for _, _, e in got) + ("" if finished else " (stopped)"),
                     f"{kn:.2f}", f"{k:.2f}", f"{fit_n[0][0]:,}–{fit_n[-1][0]:,}" if fit_n else "—",
                     f"{largest[0] / largest[2] / 1000:.0f}" if largest[2] else "—", "ok" if ok else "SUPERLINEAR"])
    print(f"## Growth of extraction time with one report's length (CPU seconds, best of {args.runs})\n")
    print("| family | characters | extract_text s per size | normalise slope | extract slope | fitted over | k chars/s at largest | verdict |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print(f"\nslope: of log(CPU time) over log(length) across the last {args.fit} doublings; limit {args.limit:g}")
    if worst:
        print(f"superlinear (or stopped at --budget): {', '.join(worst)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
