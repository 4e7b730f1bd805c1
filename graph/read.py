"""Read a folder of reports: .txt and .md files, UTF-8 (with or without BOM), UTF-16 with
BOM, or GB18030/GBK/Big5 detected by charset-normalizer."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from .errors import InputError, ReadError
from .model import Report

SUFFIXES = (".txt", ".md")
MAX_REPORT_BYTES = 20_000_000  # a county report is a few pages; a file this big is a corpus to split


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
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ReadError(path, f"cannot decode as UTF-16 (it starts with a UTF-16 byte-order mark): {exc.reason}") from exc
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is None:
            raise ReadError(path, "binary file (NUL bytes), not a text report")
        return text
    if len(data) > MAX_REPORT_BYTES:
        raise ReadError(path, f"too large for one report ({len(data) / 1e6:.0f} MB, the limit is "
                              f"{MAX_REPORT_BYTES / 1e6:.0f} MB): split it into its reports")
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


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark: NUL bytes on the side of ASCII characters."""
    if len(data) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:4000]
        # Chinese news: CJK characters and punctuation, ASCII; not ÿÿÿ from a binary's bytes
        plausible = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f"
                        or "\uff00" <= c <= "\uffef" or c in "\r\n\t" or " " <= c <= "~")
        cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff")
        if sample and plausible >= 0.95 * len(sample) and cjk >= 0.1 * len(sample):
            return text, enc
    return None


def report_id(path: str | Path, root: str | Path) -> str:
    """A report's id: its file name without the suffix, with the folders below ``root`` in front
    (2019/0315 for root/2019/0315.txt), so same-named files in different folders stay apart."""
    p = Path(path)
    try:
        rel = p.relative_to(root)
    except ValueError:
        rel = Path(p.name)
    return rel.with_suffix("").as_posix()


def read_report(path: str | Path, rid: str | None = None) -> Report:
    """One report file, decoded; ``rid`` its id (default: the file name without the suffix)."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_REPORT_BYTES * 4:  # never read a huge file whole just to refuse it
            raise ReadError(str(p), f"too large for one report ({p.stat().st_size / 1e6:.0f} MB, the limit is "
                                    f"{MAX_REPORT_BYTES / 1e6:.0f} MB): split it into its reports")
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(str(p), f"cannot read: {exc.strerror}") from exc
    text, enc = decode(data, str(p))
    return Report(rid or p.stem, str(p), text, enc)


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
