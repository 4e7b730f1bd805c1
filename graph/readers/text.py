"""Plain-text reports (.txt, .md): UTF-8 with or without BOM, UTF-16 with or without BOM, or
GB18030/GBK/Big5 detected by charset-normalizer."""
from __future__ import annotations

from ..errors import ReadError

MAX_REPORT_BYTES = 20_000_000  # a county report is a few pages; a file this big is a corpus to split


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
