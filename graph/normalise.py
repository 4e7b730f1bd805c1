"""Normalise newspaper-PDF and web text for extraction, keeping an offset map.

Every character of the normalised text remembers the index of the original
character it came from, so a span found in the normalised text maps back to
exact offsets in the file as read. What it repairs:

- words broken across line breaks (PDF columns), and paragraphs cut by a caption;
- letter-spaced characters (``特 别 是``) and numbers spaced from their units;
- page furniture (责任编辑…, （下转 15 版）) and bylines, set apart from the body;
- ASCII punctuation inside Chinese text, full-width digits and letters;
- traditional script, converted to simplified (the original stays in the file).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
TERMINAL = "。！？；!?;…"
_OPEN_END = "，、：“‘《（(,:"
# page furniture: lines that are not the article
_FURNITURE = re.compile(
    r"(责任编辑|美术编辑|本版编辑|版式设计|校对[:：]|编辑[:：]|^\s*[（(]\s*[下上]转\s*\d+\s*版\s*[）)]|"
    r"^\s*[（(]?\s*[下上]接\s*第?\s*\d+\s*版|^\s*第\s*\d+\s*版|电话[:：]\s*\d|星期[一二三四五六日天].*\d|"
    r"^\s*\d+\s*$|^\s*[-—–_=*]{3,}\s*$)"
)
# bylines: reporters, photographers, editors
_BYLINE = re.compile(
    r"(记者|通讯员|特约|统筹\s*[/／]|^\s*文\s*[/／]|图\s*[/／]|摄影|摄\s*$|^\s*[□■]\s*[\u4e00-\u9fff]{2,4}(\s+[\u4e00-\u9fff]{2,4})*\s*$)"
)
_HEADING_MARK = re.compile(r"^\s*(#{1,6}\s*|[■□★☆●◆◇▲△◎※]\s*)")
_ASCII_PUNCT = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_FULLWIDTH_ALNUM = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_FULLWIDTH_ALNUM.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})
_FULLWIDTH_ALNUM.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_FULLWIDTH_ALNUM.update({"．": ".", "％": "%", "＋": "+", "\u3000": " "})


@dataclass(frozen=True)
class Segment:
    """A stretch of normalised text with its kind: body, heading, caption, byline, furniture."""

    start: int
    end: int
    kind: str


@dataclass
class Normalised:
    original: str
    text: str
    offsets: list[int]  # offsets[i]: index in ``original`` of ``text[i]``
    segments: list[Segment] = field(default_factory=list)
    script: str = "zh-Hans"

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised span [start, end) to the original span covering it."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside normalised text of {len(self.text)}")
        return self.offsets[start], self.offsets[end - 1] + 1

    def anchor(self, start: int, end: int) -> str:
        b, e = self.to_original(start, end)
        return self.original[b:e]

    def kind_at(self, pos: int) -> str:
        for seg in self.segments:
            if seg.start <= pos < seg.end:
                return seg.kind
        return "body"


@dataclass
class _Line:
    start: int  # offset of the first kept char in original
    chars: list[tuple[str, int]]  # (char, original offset) after stripping
    kind: str  # body / heading / byline / furniture / blank
    hard_break: bool = False  # markdown hard break (two trailing spaces)

    @property
    def text(self) -> str:
        return "".join(c for c, _ in self.chars)

    def __len__(self) -> int:
        return len(self.chars)


def is_cjk(ch: str) -> bool:
    return bool(_CJK_RE.match(ch))


_MARKUP = re.compile(
    r"<!--.*?-->|</?[A-Za-z][^<>\n]{0,300}>|&(?:#\d{1,6}|#x[0-9a-fA-F]{1,5}|[A-Za-z]{2,8});"
    r"|(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ ]{1,12}[)）]"
    r"|[\w\-./]{0,80}\.(?:jpe?g|png|gif|webp|bmp|JPE?G|PNG|GIF)\b")
_WIDGET = re.compile(r"^(分享到|打印本页|【打印|【关闭|关闭窗口|扫一扫|上一篇|下一篇|相关新闻|相关阅读|责任编辑|来源：|来源:|"
                     r"首页\s*[|｜>]|当前位置|图片来源|字号|【字体|点击量|浏览次数|返回顶部|版权所有|Copyright)")


def _strip_markup(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Remove HTML tags, inline pinyin (建設(shè)) and image file names; decode entities."""
    import html

    text = "".join(c for c, _ in chars)
    if not _MARKUP.search(text):
        return chars
    out: list[tuple[str, int]] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        out.extend(chars[pos:m.start()])
        tok = m.group(0)
        if tok.startswith("&"):
            dec = html.unescape(tok)
            if dec != tok and len(dec) == 1:
                out.append((" " if dec == "\xa0" else dec, chars[m.start()][1]))
        pos = m.end()
    out.extend(chars[pos:])
    return out


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for raw in re.split(r"(\r\n|\r|\n|\u2028|\u2029)", text):
        if raw in ("\r\n", "\r", "\n", "\u2028", "\u2029"):
            pos += len(raw)
            continue
        chars = _strip_markup([(c, pos + i) for i, c in enumerate(raw)])
        pos += len(raw)
        hard = raw.endswith("  ") and raw.strip() != ""
        # strip white space (and BOM / zero-width) at both ends
        while chars and (chars[0][0].isspace() or chars[0][0] in "\ufeff\u200b"):
            chars.pop(0)
        while chars and (chars[-1][0].isspace() or chars[-1][0] in "\ufeff\u200b"):
            chars.pop()
        line_text = "".join(c for c, _ in chars)
        if not line_text:
            lines.append(_Line(pos, [], "blank"))
            continue
        kind = "body"
        m = _HEADING_MARK.match(line_text)
        if m:
            chars = chars[m.end():]
            kind = "heading"
            line_text = line_text[m.end():]
            if not chars:
                lines.append(_Line(pos, [], "blank"))
                continue
        if _FURNITURE.search(line_text) or _WIDGET.match(line_text):
            kind = "furniture"
        elif lines and line_text == _last_text(lines):
            kind = "furniture"  # a headline repeated by the page template
        elif _BYLINE.search(line_text) and len(line_text) < 60:
            kind = "byline"
        lines.append(_Line(chars[0][1], chars, kind, hard))
    return lines


def _last_text(lines: list[_Line]) -> str:
    for ln in reversed(lines):
        if ln.kind != "blank":
            return ln.text
    return ""


def _ends_open(line: _Line, *, quotes_close: bool = True) -> bool:
    if not line.chars:
        return False
    last = line.chars[-1][0]
    return last not in TERMINAL + "." and not (quotes_close and last in "”’」』）)")


def _starts_continuation(line: _Line) -> bool:
    if not line.chars or line.kind != "body":
        return False
    ch = line.chars[0][0]
    return is_cjk(ch) or ch.isdigit() or ch in "，、。；：”’）)%"


def _paragraphs(lines: list[_Line]) -> tuple[list[list[_Line]], list[_Line]]:
    """Group lines into paragraphs, rejoining words broken by layout. Captions found
    inside a broken paragraph are returned apart."""
    content = [ln for ln in lines if ln.kind == "body"]
    lengths = [len(ln) for ln in content] or [0]
    typical = median(lengths)
    # PDF column text: short, even lines that wrap mid-sentence
    wrapped = typical <= 32 and len(content) >= 3
    paragraphs: list[list[_Line]] = []
    captions: list[_Line] = []
    i = 0
    n = len(lines)
    while i < n:
        ln = lines[i]
        if ln.kind == "blank":
            i += 1
            continue
        if ln.kind != "body" or ln.hard_break:
            paragraphs.append([ln])
            i += 1
            continue
        para = [ln]
        i += 1
        while i < n:
            last = para[-1]
            if not _ends_open(last, quotes_close=not wrapped) or last.hard_break:
                break
            if i < n and lines[i].kind == "body" and _joins_word(last, lines[i]):
                para.append(lines[i])  # 公安\n局: a word runs across the break
                i += 1
                continue
            if wrapped:
                # a column line that ends open continues on the next body line, across
                # blank lines; a short line or a headline with a word space does not
                if len(last) < 8:
                    break
                j = i
                while j < n and lines[j].kind == "blank" and j - i < 3:
                    j += 1
                if j < n and lines[j].kind == "body" and not _LIST_MARK.match(lines[j].text) and not (
                        j > i and (_has_word_space(last) or _LIST_MARK.match(para[0].text))):
                    para.append(lines[j])
                    i = j + 1
                    continue
                break
            # web text: a long open line continues on the next line that closes the broken
            # word or is a long body line; short lines skipped on the way are captions
            if len(last) < 20 and len(para) == 1:
                break
            j, skipped, chosen = i, [], None
            while j < n and len(skipped) <= 2:
                cand = lines[j]
                if cand.kind == "blank":
                    j += 1
                    continue
                if cand.kind != "body" or _LIST_MARK.match(cand.text):
                    break
                tiny_sentence = len(cand) < 12 and not _ends_open(cand)
                if not tiny_sentence and (_joins_word(last, cand) or len(cand) > 40):
                    chosen = j
                    break
                if len(cand) > 40:
                    break
                skipped.append(cand)
                j += 1
            if chosen is not None:
                captions.extend(skipped)
                para.append(lines[chosen])
                i = chosen + 1
                continue
            break
        paragraphs.append(para)
    return paragraphs, captions


_LIST_MARK = re.compile(r"^(\d{1,2}|[一二三四五六七八九十]{1,2})[\s、.．]")


def _has_word_space(line: _Line) -> bool:
    t = line.text
    return any(t[k] == " " and is_cjk(t[k - 1]) and is_cjk(t[k + 1]) and not _letter_spaced(line.chars, k)
               for k in range(1, len(t) - 1))


def _joins_word(last: _Line, nxt: _Line) -> bool:
    """Does a dictionary word run across the break between ``last`` and ``nxt``?"""
    from .segment import spans_boundary

    a, b = last.text[-4:], nxt.text[:4]
    return bool(a and b and is_cjk(a[-1]) and is_cjk(b[0])) and spans_boundary(a, b)


def skipped_is_cont(line: _Line) -> bool:
    """A line that begins with punctuation or a unit continues a sentence: never a caption."""
    return bool(line.chars) and line.chars[0][0] in "，、。；：”’）)%"


def _has_continuation_after(lines: list[_Line], j: int) -> bool:
    n = len(lines)
    seen = 0
    while j < n and seen <= 3:
        ln = lines[j]
        if ln.kind == "blank":
            j += 1
            continue
        if ln.kind != "body":
            return False
        if len(ln) > 40 or (ln.chars and ln.chars[-1][0] not in TERMINAL and len(ln) > 20):
            return True
        seen += 1
        j += 1
    return False


_SPECIAL = re.compile("[\\s" + re.escape("".join(_ASCII_PUNCT) + "".join(_FULLWIDTH_ALNUM)) + "]")


def _clean_chars(chars: list[tuple[str, int]], keep_word_spaces: bool) -> list[tuple[str, int]]:
    """Drop layout spaces, fix punctuation and full-width forms, keeping offsets."""
    out: list[tuple[str, int]] = []
    n = len(chars)
    pos = 0
    # only spaces, ASCII punctuation and full-width forms need a look: the runs between them
    # (most of a Chinese text) are copied as they are
    for k in [m.start() for m in _SPECIAL.finditer("".join(c for c, _ in chars))]:
        out.extend(chars[pos:k])
        pos = k + 1
        c, off = chars[k]
        c = _FULLWIDTH_ALNUM.get(c, c)
        if c.isspace():
            prev = out[-1][0] if out else ""
            nxt = ""
            for c2, _ in chars[k + 1:]:
                c2 = _FULLWIDTH_ALNUM.get(c2, c2)
                if not c2.isspace():
                    nxt = c2
                    break
            if not prev or not nxt:
                continue
            if prev == " ":
                continue
            ascii_words = prev.isascii() and prev.isalnum() and nxt.isascii() and nxt.isalnum()
            if ascii_words:
                out.append((" ", off))
                continue
            if keep_word_spaces and is_cjk(prev) and is_cjk(nxt) and not _letter_spaced(chars, k):
                out.append((" ", off))  # a heading's word separator
                continue
            continue  # layout space between Chinese characters, digits and punctuation
        if c in _ASCII_PUNCT:
            prev = out[-1][0] if out else ""
            nxt = chars[k + 1][0] if k + 1 < n else ""
            if c in "()" and not (is_cjk(prev) or is_cjk(nxt)):
                out.append((c, off))
                continue
            if c in ",:;" and prev.isdigit() and nxt.isdigit():
                out.append((c, off))  # 1,000 or 10:30
                continue
            c = _ASCII_PUNCT[c]
        out.append((c, off))
    out.extend(chars[pos:])
    return out


def _letter_spaced(chars: list[tuple[str, int]], k: int) -> bool:
    """Is the space at ``k`` one of a run like ``公 安 部`` (single characters spaced out)?"""
    def single(at: int, step: int) -> bool:
        # the character next to the space stands alone between spaces (or line ends)
        j = at + step
        if not 0 <= j < len(chars) or chars[j][0].isspace():
            return False
        jj = j + step
        return not 0 <= jj < len(chars) or chars[jj][0].isspace()
    return single(k, -1) or single(k, 1)


def _to_simplified(chars: list[tuple[str, int]]) -> tuple[list[tuple[str, int]], bool]:
    from .script import t2s

    text = "".join(c for c, _ in chars)
    conv = t2s(text)
    if conv == text:
        return chars, False
    if len(conv) == len(text):
        return [(c2, off) for c2, (_, off) in zip(conv, chars)], True
    # a phrase rule changed the length: convert character by character instead
    return [(t2s(c)[:1] or c, off) for c, off in chars], True


def normalise(text: str) -> Normalised:
    """Normalise ``text`` (a report as read) for extraction."""
    from .script import detect_script

    lines = _split_lines(text)
    paragraphs, captions = _paragraphs(lines)
    script = detect_script(text)
    out_chars: list[tuple[str, int]] = []
    segments: list[Segment] = []

    def emit(chars: list[tuple[str, int]], kind: str) -> None:
        if not chars:
            return
        if out_chars:
            out_chars.append(("\n", chars[0][1]))
        start = len(out_chars)
        out_chars.extend(chars)
        segments.append(Segment(start, len(out_chars), kind))

    def para_chars(para: list[_Line]) -> list[tuple[str, int]]:
        chars: list[tuple[str, int]] = []
        for ln in para:
            chars.extend(ln.chars)
        return chars

    ordered = [(p, p[0].kind) for p in paragraphs] + [([c], "caption") for c in captions]
    for para, kind in ordered:
        chars = _clean_chars(para_chars(para), keep_word_spaces=kind != "body" or len(para) == 1)
        if script == "zh-Hant":
            chars, _ = _to_simplified(chars)
        emit(chars, kind)
    return Normalised(
        original=text,
        text="".join(c for c, _ in out_chars),
        offsets=[o for _, o in out_chars],
        segments=segments,
        script=script,
    )
