"""PDFs with a text layer — newspaper pages above all: the text in reading order across columns.

pypdfium2 (PDFium) gives each character with its box and font size (chosen by measurement
against pdfplumber and pdfminer.six's layout analysis on newspaper pages in columns:
benchmarks/readers.py, README "Reports in other formats"). A PDF's drawing order is not its
reading order — page-layout programs draw their frames in any order — so the order is made
here from the boxes:

1. characters → line pieces (one baseline, no gap wider than a character);
2. the body is the lines in the page's commonest font size; headlines, bylines, captions and
   the paper's head and foot lines are the rest;
3. the body's lines are ordered by recursive XY-cut: split at horizontal gaps wider than a line
   space (a band of the page), else at vertical gutters (columns, left to right), recursively;
4. lines join into paragraphs — a paragraph runs on across column breaks until a line starts
   indented — with Chinese characters joined across the line end (no space, no hyphen) and
   Latin words with a space;
5. the text is what stands above the body (headline, byline), the body, then what stands
   beside or below it (captions), page by page; the page's head and foot lines (the paper's
   name, date and page: small type at the page's top or bottom edge) are left out, and the date
   they print becomes the report's (or the year, for a dateline such as 3月15日 in the text).

A page without characters is scanned: OCR is not govkg's to do, so a PDF with no text at all is
a clear error, not an empty report.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from statistics import median

from ..errors import ReadError
from ..model import ReportMeta
from .reading import Reading

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’]")
_OPENS = "“‘（(《〈「『【"
TERMINAL = "。！？!?”’」』…"


@dataclass
class _Char:
    c: str
    x0: float
    x1: float
    top: float  # from the page's top, downwards
    bottom: float
    size: float


@dataclass
class _Line:
    chars: list[_Char]

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)

    @property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.chars)

    @property
    def size(self) -> float:
        return Counter(round(c.size, 1) for c in self.chars).most_common(1)[0][0]

    def text(self) -> str:
        out = []
        for prev, ch in zip([None, *self.chars], self.chars):
            if prev is not None and ch.x0 - prev.x1 > 0.15 * ch.size and not (_CJK.match(prev.c) or _CJK.match(ch.c)):
                out.append(" ")  # a word space between Latin letters or digits
            out.append(ch.c)
        return "".join(out)


def _fold(c: str) -> str:
    """Kangxi radicals and compatibility ideographs, which some PDFs map glyphs to (⽇ for 日),
    as the ideographs they are; every other character as it is."""
    o = ord(c)
    if 0x2E80 <= o <= 0x2FDF or 0xF900 <= o <= 0xFAFF:
        return unicodedata.normalize("NFKC", c)
    return c


def _page_chars(page) -> list[_Char]:
    import pypdfium2.raw as raw

    tp = page.get_textpage()
    height = page.get_height()
    chars = []
    try:
        for i in range(tp.count_chars()):
            if raw.FPDFText_IsGenerated(tp.raw, i) == 1:  # spaces and breaks PDFium adds itself
                continue
            code = raw.FPDFText_GetUnicode(tp.raw, i)
            if code in (0, 0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF:
                continue
            c = _fold(chr(code))
            if c.isspace() or unicodedata.category(c) == "Cc":
                continue
            # the loose box spans the font's ascent to descent: the same height for every glyph of a
            # line, where the tight box of ， or 。 sits low and that of “ high
            left, bottom, right, top = tp.get_charbox(i, loose=True)
            size = raw.FPDFText_GetFontSize(tp.raw, i) or (top - bottom)
            chars.append(_Char(c, left, right, height - top, height - bottom, round(size, 1)))
    finally:
        tp.close()
    return chars


def _lines(chars: list[_Char]) -> list[_Line]:
    """Characters → line pieces: one baseline, split where the gap is wider than a character."""
    rows: list[list[_Char]] = []
    for ch in sorted(chars, key=lambda c: ((c.top + c.bottom) / 2, c.x0)):
        mid = (ch.top + ch.bottom) / 2
        for row in reversed(rows[-8:]):
            rmid = (row[0].top + row[0].bottom) / 2
            if abs(rmid - mid) <= 0.35 * max(ch.size, row[0].size):
                row.append(ch)
                break
        else:
            rows.append([ch])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        piece = [row[0]]
        for prev, ch in zip(row, row[1:]):
            if ch.x0 - prev.x1 > 1.0 * max(ch.size, prev.size):
                lines.append(_Line(piece))
                piece = []
            piece.append(ch)
        lines.append(_Line(piece))
    return lines


def _xy_cut(lines: list, gap_y: float, gap_x: float) -> list[list]:
    """Boxes (characters or lines) in reading order, as blocks: cut at a horizontal gap wider
    than ``gap_y`` (bands, top to bottom), else at a vertical gutter wider than ``gap_x``
    (columns, left to right), recursively. Cut on characters, a gutter is found however
    narrow: no character of any row stands in it."""
    if len(lines) <= 1:
        return [lines] if lines else []
    for axis in ("y", "x"):
        if axis == "y":
            spans = sorted((ln.top, ln.bottom) for ln in lines)
            gap = gap_y
        else:
            spans = sorted((ln.x0, ln.x1) for ln in lines)
            gap = gap_x
        cuts, end = [], spans[0][1]
        for a, b in spans[1:]:
            if a - end > gap:
                cuts.append((end + a) / 2)
            end = max(end, b)
        if cuts:
            groups: list[list[_Line]] = [[] for _ in range(len(cuts) + 1)]
            for ln in lines:
                pos = (ln.top + ln.bottom) / 2 if axis == "y" else (ln.x0 + ln.x1) / 2
                groups[sum(pos > c for c in cuts)].append(ln)
            return [block for g in groups for block in _xy_cut(g, gap_y, gap_x)]
    return [lines]


def _reading_rows(lines: list[_Line]) -> list[_Line]:
    """Lines top to bottom, and pieces of one row left to right."""
    rows: list[list[_Line]] = []
    for ln in sorted(lines, key=lambda ln: ln.top):
        if rows and abs((rows[-1][0].top + rows[-1][0].bottom) / 2 - (ln.top + ln.bottom) / 2) <= 0.35 * ln.size:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    return [ln for row in rows for ln in sorted(row, key=lambda ln: ln.x0)]


def _join(a: str, b: str) -> str:
    """Two pieces of one paragraph across a line end: Chinese runs straight on; Latin words take
    a space, and a word hyphenated at the line end loses its hyphen."""
    if not a or not b:
        return a + b
    if a[-1] == "-" and a[-2:-1].isalpha() and b[0].isalpha() and b[0].islower():
        return a[:-1] + b
    if a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + " " + b
    return a + b


def _paragraphs(blocks: list[list[_Line]], size: float) -> list[str]:
    """Body blocks in reading order → paragraphs: a line indented by a character or more from
    its block's left edge starts one, and so does a line after one that ends a sentence short
    of the block's right edge."""
    paras: list[str] = []
    open_para = False
    for block in blocks:
        left = min(ln.x0 for ln in block)
        right = max(ln.x1 for ln in block)
        prev = None
        for ln in block:
            t = ln.text()
            indented = ln.x0 - left > 1.2 * size
            ended = prev is not None and prev.x1 < right - 1.5 * size and prev.text()[-1:] in TERMINAL + "。；：:"
            if open_para and not indented and not ended:
                paras[-1] = _join(paras[-1], t)
            else:
                paras.append(t)
            open_para = True
            prev = ln
    return paras


def _pitch(lines: list[_Line], height: float) -> float:
    """The distance from one line to the next of the same column (columns' rows need not align)."""
    ordered = sorted(lines, key=lambda ln: ln.top)
    steps = []
    for i, ln in enumerate(ordered):
        mid = (ln.top + ln.bottom) / 2
        for nxt in ordered[i + 1:i + 60]:
            step = (nxt.top + nxt.bottom) / 2 - mid
            if step > 0.5 * height and min(ln.x1, nxt.x1) - max(ln.x0, nxt.x0) > 0.5 * min(ln.x1 - ln.x0, nxt.x1 - nxt.x0):
                steps.append(step)
                break
    return median(steps) if steps else 2 * height


def _page_text(page) -> tuple[list[str], int, list[str]]:
    """One page's lines of text in reading order, how many characters it has, and its head and
    foot lines (the paper's name, date and page number: small type in the page's top or bottom
    twelfth), which are not part of the text."""
    chars = _page_chars(page)
    if not chars:
        return [], 0, []
    body_size = Counter(c.size for c in chars).most_common(1)[0][0]
    body_chars = [c for c in chars if abs(c.size - body_size) <= 0.08 * body_size]
    rest = _lines([c for c in chars if abs(c.size - body_size) > 0.08 * body_size])
    h = page.get_height()
    edge = [ln for ln in rest if ln.size < 1.3 * body_size and not h / 12 < (ln.top + ln.bottom) / 2 < h * 11 / 12]
    rest = [ln for ln in rest if ln not in edge]
    furniture = [" ".join(_merge_block(_reading_rows(b))) for b in _xy_cut(edge, 0.6 * body_size, 1.5 * body_size)]
    # rows of the body never split: a cut needs a gap wider than the space between two lines
    body_lines = _lines(body_chars)
    height = median(ln.bottom - ln.top for ln in body_lines)
    pitch = _pitch(body_lines, height)
    gap_y = max(pitch - height, 0) + 0.5 * height
    order = [_reading_rows(_lines(block)) for block in _xy_cut(body_chars, gap_y, 0.3 * body_size)]
    paras = _paragraphs(order, body_size)
    top = min(c.top for c in body_chars)
    above = [ln for ln in rest if ln.bottom <= top + 0.5 * body_size]
    after = [ln for ln in rest if ln not in above]
    out = []
    for group in (above, None, after):
        if group is None:
            out += paras
            continue
        for block in _xy_cut(group, 0.6 * body_size, 1.5 * body_size):
            out.append(" ".join(_merge_block(_reading_rows(block))))
    return [x for x in out if x.strip()], len(chars), furniture


def _merge_block(block: list[_Line]) -> list[str]:
    """A headline's, caption's or byline's lines as one piece of text (a caption runs over
    several lines of its box)."""
    text, prev = "", None
    for ln in block:
        if prev is None:
            text = ln.text()
        elif abs((prev.top + prev.bottom) / 2 - (ln.top + ln.bottom) / 2) <= 0.35 * ln.size:
            text += " " + ln.text()  # pieces of one row: 益阳日报　2023年8月21日　第03版
        else:
            text = _join(text, ln.text())
        prev = ln
    return [text]


def read_pdf(data: bytes, path: str) -> Reading:
    """A PDF's text in reading order; an encrypted, damaged or scanned PDF is a ReadError."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise ReadError(path, "encrypted PDF: it cannot be read without its password (save an unlocked copy)") from exc
        raise ReadError(path, f"not a readable PDF (damaged, or not a PDF): {msg}") from exc
    try:
        pages, heads, scanned, total = [], [], 0, len(doc)
        for i in range(total):
            page = doc[i]
            try:
                lines, n, furniture = _page_text(page)
            finally:
                page.close()
            if n == 0:
                scanned += 1
            pages.append(lines)
            heads += furniture
        title = (doc.get_metadata_dict().get("Title") or "").strip() or None
    finally:
        doc.close()
    if scanned == total:
        raise ReadError(path, f"no text layer ({'a scanned page' if total == 1 else f'{total} scanned pages'}, "
                              "pictures of text): OCR is not govkg's to do — run OCR first (e.g. ocrmypdf) and build the result")
    text = "\n".join(line for lines in pages for line in lines) + "\n"
    return Reading(text, "", "application/pdf", ReportMeta(title=title if title and not title.endswith((".html", ".pdf")) else None,
                                                           date=_head_date(heads)))


def _head_date(heads: list[str]) -> str | None:
    """The date the pages' head lines print (2023年8月21日 星期一, 发布时间：2024-01-08), or the
    year of the issue (2022年第6期), which gives a dateline (3月15日) its year."""
    from ..dates import context_year, parse_date

    head = "\n".join(heads)
    iso = parse_date(head)
    if iso:
        return iso
    year = context_year(head)
    return f"{year:04d}" if year else None
