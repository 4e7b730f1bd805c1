"""Read a folder of reports: .txt and .md files, UTF-8 (with or without BOM), UTF-16 with
BOM, or GB18030/GBK/Big5 detected by charset-normalizer."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .errors import InputError, ReadError
from .model import Report

SUFFIXES = (".txt", ".md")


def report_paths(source: str | Path) -> list[Path]:
    """The report files under ``source`` (a file or a folder), sorted by name."""
    src = Path(source)
    if not src.exists():
        raise InputError(f"{src}: no such file or folder")
    if src.is_file():
        return [src]
    paths = sorted(p for p in src.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("."))
    if not paths:
        raise InputError(f"{src}: no .txt or .md reports in this folder")
    return paths


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode report bytes; returns (text, encoding) or raises ReadError."""
    if not data.strip():
        raise ReadError(path, "empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        raise ReadError(path, "binary file (NUL bytes), not a text report")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "gbk", "big5", "utf_16", "cp1252"]).best()
    if best is None:
        raise ReadError(path, "cannot decode: not UTF-8, UTF-16, GB18030/GBK or Big5 text")
    enc = best.encoding
    if enc in ("gbk", "gb2312"):
        enc = "gb18030"  # a superset: decodes everything GBK does
    try:
        return data.decode(enc), enc
    except (UnicodeDecodeError, LookupError) as exc:
        raise ReadError(path, f"cannot decode as {enc}: {exc}") from exc


def read_report(path: str | Path) -> Report:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(str(p), f"cannot read: {exc.strerror}") from exc
    text, enc = decode(data, str(p))
    return Report(p.stem, str(p), text, enc)


def read_reports(source: str | Path) -> Iterator[Report | ReadError]:
    """Each report in turn, or the ReadError that stopped it (the rest still read)."""
    for p in report_paths(source):
        try:
            yield read_report(p)
        except ReadError as err:
            yield err
