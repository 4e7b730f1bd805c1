"""Read a folder of reports: text files (.txt, .md: UTF-8 with or without BOM, UTF-16, or
GB18030/GBK/Big5 detected by charset-normalizer), web pages (.html, .htm, .mhtml), PDFs with a
text layer and Word .docx files — each through its reader in :mod:`graph.readers`."""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from .errors import InputError, ReadError
from .model import Report, ReportMeta
from .readers import MAX_FILE_BYTES, SUFFIXES, read_bytes
from .readers.text import MAX_REPORT_BYTES, decode  # noqa: F401  (decode: part of this module's API)


def report_paths(source: str | Path) -> list[Path]:
    """The report files under ``source`` (a file or a folder), sorted by name."""
    src = Path(source)
    if not src.exists():
        raise InputError(f"{src}: no such file or folder")
    if src.is_file():
        return [src]
    paths = sorted(p for p in src.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("."))
    if not paths:
        raise InputError(f"{src}: no reports in this folder (.txt, .md, .html, .htm, .mhtml, .pdf, .docx)")
    return paths


def report_id(path: str | Path, root: str | Path) -> str:
    """A report's id: its file name without the suffix, with the folders below ``root`` in front
    (2019/0315 for root/2019/0315.txt), so same-named files in different folders stay apart."""
    p = Path(path)
    try:
        rel = p.relative_to(root)
    except ValueError:
        rel = Path(p.name)
    return rel.with_suffix("").as_posix()


def read_report(path: str | Path, rid: str | None = None, meta: ReportMeta | None = None) -> Report:
    """One report file, decoded (a text file) or its text extracted (a web page, PDF or Word
    file); ``rid`` its id (default: the file name without the suffix); ``meta`` what a manifest
    says of it, which wins over what the file says."""
    p = Path(path)
    limit = max(MAX_REPORT_BYTES * 4, MAX_FILE_BYTES.get(p.suffix.lower(), 0))
    try:
        with open(p, "rb") as f:  # (its size from the open file: one system call less than stat, then open)
            size = os.fstat(f.fileno()).st_size
            if size > limit:  # never read a huge file whole just to refuse it
                raise ReadError(str(p), f"too large for one report ({size / 1e6:.0f} MB, the limit is "
                                        f"{(MAX_REPORT_BYTES if limit == MAX_REPORT_BYTES * 4 else limit) / 1e6:.0f} MB): "
                                        "split it into its reports")
            data = f.read()
    except OSError as exc:
        raise ReadError(str(p), f"cannot read: {exc.strerror}") from exc
    r = read_bytes(data, str(p))
    return Report(rid or p.stem, str(p), r.text, r.encoding, r.format, meta.over(r.meta) if meta else r.meta)


def report_files(source: str | Path) -> list[tuple[Path, str]]:
    """(file, report id) of every report under ``source``, in id order (the order a build
    writes them in). Ids are paths below ``source`` without the suffix; where two files would
    share one (01.txt and 01.md), both keep their suffix."""
    src = Path(source)
    paths = report_paths(src)
    root = src.parent if src.is_file() else src
    ids = [report_id(p, root) for p in paths]
    shared = {i for i, n in Counter(ids).items() if n > 1}
    files = [(p, p.relative_to(root).as_posix() if i in shared else i) for p, i in zip(paths, ids)]
    return sorted(files, key=lambda f: (f[1], str(f[0])))


def read_reports(source: str | Path) -> Iterator[Report | ReadError]:
    """Each report in turn, or the ReadError that stopped it (the rest still read)."""
    for p, rid in report_files(source):
        try:
            yield read_report(p, rid)
        except ReadError as err:
            yield err


def links_outside(files: list[tuple[Path, str]],
                  source: str | Path) -> tuple[list[tuple[Path, str]], list[tuple[Path, Path]]]:
    """``files`` (:func:`report_files` of ``source``) split into those that stay inside the
    folder ``source`` and the symbolic links — to a file, or through a linked folder — that lead
    out of it, each with where it leads. A file named as the source is the user's own choice:
    nothing is split off."""
    src = Path(source)
    if not src.is_dir():
        return list(files), []
    root = src.resolve()
    folders: dict[Path, Path | None] = {}  # each folder once: where it leads, if out of the source folder

    def leads_out(p: Path) -> Path | None:
        target = p.resolve()
        return None if target == root or target.is_relative_to(root) else target

    inside, outside = [], []
    for p, rid in files:
        if p.parent not in folders:
            folders[p.parent] = leads_out(p.parent)
        if folders[p.parent] is not None:
            outside.append((p, p.resolve()))
        elif p.is_symlink() and (target := leads_out(p)) is not None:
            outside.append((p, target))
        else:
            inside.append((p, rid))
    return inside, outside
