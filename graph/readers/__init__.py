"""Readers: one per kind of report file, each turning the file's bytes into the text a report's
offsets index and what the file says of itself (title, date, source, URL).

- text (.txt, .md): the file as decoded, byte for byte — :mod:`graph.readers.text`;
- web pages (.html, .htm, and .mhtml / .mht web archives): the article's main text (readability-lxml),
  with the headline on the first line, and the page's title, date, site and URL —
  :mod:`graph.readers.html`;
- PDFs with a text layer: the text in reading order across columns, headline first and
  captions after the body (pypdfium2's characters, columns found by XY-cut) —
  :mod:`graph.readers.pdf`;
- Word .docx: paragraphs and table rows in document order (python-docx) — :mod:`graph.readers.docx`.

The libraries are imported when a file of their kind is first read. Every problem is a
:class:`~graph.errors.ReadError` naming the file (an encrypted or scanned PDF, a broken page, a
renamed zip), so one bad file never stops a build.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import ReadError
from .reading import Reading
from .text import MAX_REPORT_BYTES, decode

FORMATS = {".txt": "text/plain", ".md": "text/markdown", ".html": "text/html", ".htm": "text/html",
           ".mhtml": "multipart/related", ".mht": "multipart/related", ".pdf": "application/pdf",
           ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
SUFFIXES = tuple(FORMATS)
TEXT_SUFFIXES = (".txt", ".md")
# files bigger than text ones: a newspaper page's PDF carries its pictures and fonts
MAX_FILE_BYTES = {".pdf": 300_000_000, ".docx": 100_000_000, ".mhtml": 100_000_000, ".mht": 100_000_000}


def read_bytes(data: bytes, path: str) -> Reading:
    """Read one report file's bytes by its suffix; raises :class:`ReadError` naming ``path``."""
    suffix = Path(path).suffix.lower()
    fmt = FORMATS.get(suffix, "text/plain")
    if suffix not in FORMATS or suffix in TEXT_SUFFIXES:
        text, enc = decode(data, path)
        return Reading(text, enc, fmt)
    if not data.strip():
        raise ReadError(path, "empty file")
    if suffix in (".html", ".htm", ".mhtml", ".mht"):
        from .html import read_page

        reading = read_page(data, path, mhtml=suffix in (".mhtml", ".mht"))
    elif suffix == ".pdf":
        from .pdf import read_pdf

        reading = read_pdf(data, path)
    else:
        from .docx import read_docx

        reading = read_docx(data, path)
    if len(reading.text.encode("utf-8")) > MAX_REPORT_BYTES:
        raise ReadError(path, f"too much text for one report (over {MAX_REPORT_BYTES / 1e6:.0f} MB): split it into its reports")
    return reading
