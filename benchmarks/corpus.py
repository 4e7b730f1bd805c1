"""The benchmarks' text: the shared scale corpus and the seeds, cut into report-sized files.

The shared corpus (../shared/corpus/derived/scale_corpus.txt, research use) is read in place and
never copied into the project; the files made from it live in a temporary folder.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCALE = ROOT.parent / "shared" / "corpus" / "derived" / "scale_corpus.txt"
REPORT_CHARS = 3000  # a county newspaper report


def base_text(mb: float) -> str:
    """About ``mb`` MB of UTF-8 Chinese (3 bytes a character): the seeds, then the scale corpus,
    repeated as needed (repeated pieces are duplicates a build skips: for more text, take
    copies in :func:`make_corpus`)."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    if SCALE.exists():
        text += SCALE.read_text(encoding="utf-8")
    want = int(mb * 1_000_000 / 3)
    while len(text) < want:
        text += text
    return text[:want]


def make_corpus(folder: Path, mb: float = 1.0, copies: float = 1) -> tuple[int, int]:
    """Write ``copies`` × the base corpus of ``mb`` MB into ``folder`` as report-sized files;
    each copy's reports end in a line of their own, so no copy is a duplicate the build would
    skip. A fractional ``copies`` takes that share of the base's files. Returns (files,
    characters)."""
    text = base_text(mb)
    pieces = [text[i:i + REPORT_CHARS] for i in range(0, len(text), REPORT_CHARS)]
    folder.mkdir(parents=True, exist_ok=True)
    files = chars = 0
    whole, part = int(copies), copies - int(copies)
    for k in range(whole + (1 if part else 0)):
        take = pieces if k < whole else pieces[:max(1, int(len(pieces) * part))]
        for i, piece in enumerate(take):
            body = piece + (f"\n第{k}份" if k else "")
            (folder / f"c{k:03d}_r{i:05d}.txt").write_text(body, encoding="utf-8")
            files += 1
            chars += len(body)
    return files, chars


def base_files(mb: float = 1.0) -> int:
    """How many report files one copy of the base corpus makes."""
    return -(-len(base_text(mb)) // REPORT_CHARS)
