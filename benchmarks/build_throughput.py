"""Build throughput against plain jieba.lcut, and the speed-up of -j N, on the same text.

    python benchmarks/build_throughput.py [--mb 1] [--jobs 1 2]

The text: the shared scale corpus (../shared/corpus/derived/scale_corpus.txt, research use, read
in place and never copied into the project) and the seed reports, cut into report-sized files
of about 3,000 characters. Prints characters per second per core for jieba.lcut and for
`govkg build` (extraction, and the whole build), their ratio, each -j run's time and whether its
output is byte-identical to -j 1.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCALE = ROOT.parent / "shared" / "corpus" / "derived" / "scale_corpus.txt"


def make_corpus(folder: Path, mb: float) -> int:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    if SCALE.exists():
        text += SCALE.read_text(encoding="utf-8")
    want = int(mb * 1_000_000 / 3)  # about 3 bytes a Chinese character
    while len(text) < want:
        text += text
    text = text[:want]
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for i in range(0, len(text), 3000):
        (folder / f"r{i // 3000:06d}.txt").write_text(text[i:i + 3000], encoding="utf-8")
        n += 1
    return len(text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()

    import jieba

    from graph import build
    from graph.build import extract_all

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        chars = make_corpus(src, args.mb)
        texts = [p.read_text(encoding="utf-8") for p in sorted(src.glob("*.txt"))]
        jieba.lcut("预热")
        t0 = time.perf_counter()
        for t in texts:
            jieba.lcut(t)
        jieba_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        extract_all(src, jobs=1)
        extract_s = time.perf_counter() - t0
        print(f"corpus: {len(texts)} reports, {chars:,} characters")
        print(f"jieba.lcut          {chars / jieba_s / 1000:8.0f}k chars/s")
        print(f"govkg extraction    {chars / extract_s / 1000:8.0f}k chars/s   ratio {jieba_s / extract_s:.2f}× jieba.lcut")
        first = None
        for j in args.jobs:
            out = Path(tmp) / f"out{j}"
            t0 = time.perf_counter()
            build(src, out, jobs=j, view=False)
            s = time.perf_counter() - t0
            same = "" if first is None else ("identical to -j 1" if (out / "graph.trig").read_bytes() == first else "DIFFERENT")
            first = first or (out / "graph.trig").read_bytes()
            print(f"govkg build -j {j}    {s:8.1f} s   {chars / s / 1000:6.0f}k chars/s   {same}", flush=True)
        # incremental: one report changed, the rest reused from the previous build's cache
        out = Path(tmp) / f"out{args.jobs[0]}"
        one = sorted(src.glob("*.txt"))[0]
        one.write_text(one.read_text(encoding="utf-8") + "县公安局开展专项行动。", encoding="utf-8")
        t0 = time.perf_counter()
        res = build(src, out, jobs=1, view=False)
        inc = time.perf_counter() - t0
        t0 = time.perf_counter()
        build(src, Path(tmp) / "clean", jobs=1, view=False, incremental=False)
        clean = time.perf_counter() - t0
        same = (out / "graph.trig").read_bytes() == (Path(tmp) / "clean" / "graph.trig").read_bytes()
        print(f"rebuild, 1 of {len(texts)} changed: {inc:.1f} s ({res.reused} reused) against a clean build's {clean:.1f} s: "
              f"{clean / inc:.1f}× faster, {'identical' if same else 'DIFFERENT'} output")


if __name__ == "__main__":
    main()
