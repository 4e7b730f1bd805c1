"""The README's quality table: build the seeds, tests/testset and (where it is) ../shared/realdev,
score each against its gold with ``govkg evaluate``, and print one markdown table, the three
side by side.

    python scripts/quality_table.py [--realdev DIR] [--gold-seeds DIR]

The seeds' gold and the real reports live outside the project (``../shared``): a column whose
gold is absent is left out, and the script says so on stderr.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TYPES = ("Place", "Agency", "Campaign", "Program", "Mechanism", "Person", "Document", "Honor")


def score(reports: Path, gold: Path) -> dict:
    from graph import build
    from graph.evaluate import evaluate
    from graph.outdir import open_graph

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        build(reports, out, view=False)
        return evaluate(open_graph(out), gold, reports=reports)


def rows(s: dict) -> list[tuple[str, str]]:
    e = s["entities"]
    out = [("entity F1 (P / R)", f"**{e['all']['f1']:.3f}** ({e['all']['precision']:.2f} / {e['all']['recall']:.2f})")]
    out += [(f"&nbsp;&nbsp;{t}", f"{e[t]['f1']:.2f}" if e[t]["tp"] + e[t]["fn"] else "–") for t in TYPES]
    r = s["relations"]
    out += [("relations / county roll-up", f"{r['all']['f1']:.3f} / {r['county_rollup']['f1']:.3f}"),
            ("components (mechanisms exact)", f"{s['components']['f1']:.3f} ({s['components']['mechanisms_exact']})"),
            ("posts", f"{s['posts']['f1']:.3f}"),
            ("statistics (subject accuracy)", f"{s['statistics']['f1']:.3f} ({s['statistics'].get('subject_accuracy', 0):.2f})"),
            ("offsets valid / relations with evidence",
             f"{s['provenance']['offsets_valid']:.1f} / {s['provenance']['relations_with_evidence']:.1f}"),
            ("gold entities split into several nodes", str(s["resolution"]["split_into_several_nodes"]))]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--realdev", type=Path, default=SHARED / "realdev")
    ap.add_argument("--gold-seeds", type=Path, default=SHARED / "gold")
    args = ap.parse_args(argv)
    sets = [("seeds (5)", ROOT / "seeds", args.gold_seeds),
            ("tests/testset (43, our own writing)", ROOT / "tests" / "testset" / "reports", ROOT / "tests" / "testset" / "gold"),
            ("realdev (55 real reports)", args.realdev / "texts", args.realdev / "gold")]
    columns = []
    for name, reports, gold in sets:
        if not gold.is_dir() or not reports.is_dir():
            print(f"{name}: no gold at {gold}; column left out", file=sys.stderr)
            continue
        columns.append((name, rows(score(reports, gold))))
    if not columns:
        return 1
    print("| measure | " + " | ".join(n for n, _ in columns) + " |")
    print("|---|" + "---|" * len(columns))
    for i, (label, _) in enumerate(columns[0][1]):
        print(f"| {label} | " + " | ".join(c[i][1] for _, c in columns) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
