"""Word .docx files (python-docx): the paragraphs and table rows in document order, one a line;
the file's core title where it has one."""
from __future__ import annotations

import io
import zipfile

from ..errors import ReadError
from ..model import ReportMeta
from .reading import Reading


def read_docx(data: bytes, path: str) -> Reading:
    """A .docx file's text; a file that is not one (a renamed zip, an old .doc) is a ReadError."""
    if not data.startswith(b"PK"):
        hint = " (an old Word .doc? save it as .docx)" if data.startswith(b"\xd0\xcf\x11\xe0") else ""
        raise ReadError(path, f"not a Word .docx file: it is not a zip package{hint}")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if "word/document.xml" not in z.namelist():
                raise ReadError(path, "not a Word .docx file: a zip archive without word/document.xml (a renamed zip?)")
    except zipfile.BadZipFile as exc:
        raise ReadError(path, f"not a Word .docx file: a broken zip package ({exc})") from exc
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx's own failure on a damaged package: named, not raised
        raise ReadError(path, f"cannot read this Word file: {type(exc).__name__}: {exc}") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text.strip())
        elif isinstance(block, Table):
            for row in block.rows:
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells))  # merged cells repeat
                lines.append("　".join(c for c in cells if c))
    text = "\n".join(ln for ln in lines if ln)
    if not text.strip():
        raise ReadError(path, "no text in this Word file")
    title = (document.core_properties.title or "").strip() or None
    return Reading(text + "\n", "", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                   ReportMeta(title=title))
