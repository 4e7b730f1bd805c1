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
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain
from statistics import median

# (imported here, not in the functions: a relative import costs some 4 µs a call, and
# _joins_word is asked at every line break)
from .script import detect_script, fold_variants, t2s
from .segment import spans_boundary

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
TERMINAL = "。！？；!?;…"
# page furniture: lines that are not the article. Words found anywhere in a line, and shapes a
# whole line starts with (apart: one pattern mixing the two tries every alternative at every
# character, while words alone are found by their first characters)
_FURNITURE = re.compile(
    r"责任编辑|美术编辑|本版编辑|版式设计|校对[:：]|编辑[:：]|电话[:：]\s*\d|星期[一二三四五六日天].*\d")
_FURNITURE_LINE = re.compile(
    r"\s*(?:[（(]\s*[下上]转\s*\d+\s*版\s*[）)]|[（(]?\s*[下上]接\s*第?\s*\d+\s*版|第\s*\d+\s*版|"
    r"\d+\s*$|[-—–_=*]{3,}\s*$)")
# bylines: reporters, photographers, editors — a credit that opens the line (after a dateline
# or a bracket), or a photo credit that ends it; 记者 inside a sentence (向记者介绍) is body text
_BYLINE = re.compile(r"(?:本报讯|本報訊|本报|本報|新华社|新華社)?\s*[（(【\[]?\s*(?:本报|本報)?"
                     r"(?:记者|記者|通讯员|通訊員|特约|特約|实习生|實習生|见习记者|見習記者|统筹\s*[/／]|文\s*[/／]|图\s*[/／]|圖\s*[/／]|摄影|攝影)")
_BYLINE_CLOSE = re.compile(r"[）)】\]]")
_CREDIT_END = re.compile(r"(?:摄|攝|摄影|攝影|报道|報道)\s*[）)】\]]?\s*$")
_BYLINE_LINE = re.compile(r"\s*(?:文\s*[/／]|[□■]\s*[\u4e00-\u9fff]{2,4}(\s+[\u4e00-\u9fff]{2,4})*\s*$)")
# what a line must hold for _FURNITURE, _byline or _BYLINE_LINE to find anything in it (a word of
# each, or its first characters): most lines hold none, and are not searched three times. Every
# branch opens on one character, not a class: then re skips ahead to the branches' first
# characters; one branch opening on a class makes it try every branch at every character.
_CLASS_HINT = re.compile(r"编辑|版式设计|校对|电话|星期|记者|記者|通讯员|通訊員|特约|特約|实习生|實習生|统筹|摄|攝|报道|報道|"
                         r"文\s*[/／]|图\s*[/／]|圖\s*[/／]|□|■")
_HEADING_MARK = re.compile(r"^\s*(#{1,6}\s*|[■□★☆●◆◇▲△◎※]\s*)")
_ASCII_PUNCT = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_FULLWIDTH_ALNUM = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_FULLWIDTH_ALNUM.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})
_FULLWIDTH_ALNUM.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_FULLWIDTH_ALNUM.update({"．": ".", "％": "%", "＋": "+", "\u3000": " "})


@dataclass(frozen=True, init=False)
class Segment:
    """A stretch of normalised text with its kind: body, heading, caption, byline, furniture."""

    start: int
    end: int
    kind: str

    def __init__(self, start: int, end: int, kind: str) -> None:
        # (a frozen dataclass's own __init__ sets each field through object.__setattr__: a
        # microsecond and a half per paragraph; filling the instance's dict costs under half)
        d = self.__dict__
        d["start"], d["end"], d["kind"] = start, end, kind


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


@dataclass(slots=True)
class _Line:
    """One line of the input, its white space stripped: its text and, per character, the
    offset in the original (a string and a list rather than (char, offset) pairs: most of a
    report passes through untouched, as slices)."""

    text: str
    offs: Sequence[int]  # a range where the line kept every character
    kind: str  # body / heading / byline / furniture / blank
    hard_break: bool = False  # markdown hard break (two trailing spaces)

    def __len__(self) -> int:
        return len(self.text)


def is_cjk(ch: str) -> bool:
    return bool(_CJK_RE.match(ch))


_TAGS_ENTITIES_PINYIN = (
    r"<!--.*?-->|</?[A-Za-z][^<>\n]{0,300}>|&(?:#\d{1,6}|#x[0-9a-fA-F]{1,5}|[A-Za-z]{2,8});"
    r"|(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ ]{1,12}[)）]")
_IMAGE_SUFFIX = r"\.(?:jpe?g|png|gif|webp|bmp|JPE?G|PNG|GIF)\b"
_MARKUP = re.compile(_TAGS_ENTITIES_PINYIN + r"|[\w\-./]{0,80}" + _IMAGE_SUFFIX)
# the same for a line with no image file's suffix, where the file name's branch cannot match but
# tries up to 80 characters at every one (every Chinese character is a \w): a line with a
# bracket is searched many times faster
_MARKUP_NO_FILE = re.compile(_TAGS_ENTITIES_PINYIN)
_IMAGE_SUFFIX_RE = re.compile(_IMAGE_SUFFIX)
# what every kind of markup above contains: most lines have none, and the file-name pattern is
# slow on Chinese text (every character is a \w). (Branches that each open on one character, not
# a class, as in _CLASS_HINT: ten times faster.)
_MARKUP_HINT = re.compile(r"<|&|\(|（|\.(?:jpe?g|png|gif|webp|bmp|JPE?G|PNG|GIF)\b")
_WIDGET_WORDS = (r"分享到|打印本页|【打印|【关闭|关闭窗口|扫一扫|上一篇|下一篇|相关新闻|相关阅读|责任编辑|来源：|来源:|"
                 r"首页\s*[|｜>]|当前位置|图片来源|字号|【字体|点击量|浏览次数|返回顶部|版权所有|Copyright")
_WIDGET = re.compile(r"^(" + _WIDGET_WORDS + "|"
                     r"[^，。；！？>＞»\n]{1,14}(?:\s*[>＞»]\s*[^，。；！？>＞»\n]{1,14}){2,}\s*$)")  # a site's path: 某网 > 新闻 > 地方
# the same without the site's path, for a text with no path separator (nor an entity, which may
# decode to one): the path's branch backtracks through the first 14 characters of every line
_WIDGET_NO_PATH = re.compile(r"^(" + _WIDGET_WORDS + ")")
_PATH_SEPARATORS = ">＞»&"
_EDGE = "\ufeff\u200b"  # stripped at line ends, with white space
# every character str.isspace() takes for white space (none lies past U+3000), and _EDGE: what
# str.strip strips from a line's ends as a loop over isspace() would
_STRIP = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + _EDGE
# the characters a line (its white space stripped) opens on where _HEADING_MARK, _FURNITURE_LINE
# (or a digit) and _WIDGET_NO_PATH can match it: the first characters of their branches (the
# words' split at every "|", also one inside a class: a few characters too many do no harm)
_HEADING_OPENERS = "#■□★☆●◆◇▲△◎※"
_FURNITURE_LINE_OPENERS = "（(下上第-—–_=*"
_WIDGET_OPENERS = frozenset(w[0] for w in _WIDGET_WORDS.split("|") if w)


def _strip_markup(text: str, offs: Sequence[int]) -> tuple[str, Sequence[int]]:
    """Remove HTML tags, inline pinyin (建設(shè)) and image file names; decode entities."""
    markup = _MARKUP if _IMAGE_SUFFIX_RE.search(text) else _MARKUP_NO_FILE
    if not _MARKUP_HINT.search(text) or not markup.search(text):
        return text, offs
    import html

    parts: list[str] = []
    out: list[int] = []
    pos = 0
    for m in markup.finditer(text):
        parts.append(text[pos:m.start()])
        out.extend(offs[pos:m.start()])
        tok = m.group(0)
        if tok.startswith("&"):
            dec = html.unescape(tok)
            if dec != tok and len(dec) == 1:
                parts.append(" " if dec == "\xa0" else dec)
                out.append(offs[m.start()])
        pos = m.end()
    parts.append(text[pos:])
    out.extend(offs[pos:])
    return "".join(parts), out


_LINE_BREAK = re.compile(r"(\r\n|\r|\n|\u2028|\u2029)")


# the offsets of a text's first characters, as int objects made once: a paragraph's offsets are
# a slice of this list (references copied) rather than a list made of its lines' ranges, whose
# ints each report would make anew (3 million of them in a 10x benchmark build) and free again
_INTS = list(range(1 << 16))


def _listed(offs: Sequence[int]) -> Sequence[int]:
    """``offs`` as a list of :data:`_INTS`' own ints where it is a range they cover."""
    if type(offs) is range and offs.stop <= len(_INTS) and offs.step == 1:
        return _INTS[offs.start:offs.stop]
    return offs


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    last_text = ""  # of the last line that is not blank
    pos = 0
    # each line and the length of the break that ends it (0 after the last)
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        parts = _LINE_BREAK.split(text)  # the lines stand at even places, each followed by its break
        raws, gaps = parts[0::2], [len(b) for b in parts[1::2]]
    else:  # most texts break lines with \n alone: str.split is several times faster
        raws = text.split("\n")
        gaps = [1] * (len(raws) - 1)
    gaps.append(0)
    # where markup may be, and where a word of furniture or a credit: each searched for in the
    # text from the line after the last one found in (no hint crosses a line break, and lines
    # are read in order), so lines with none are not searched one by one
    markup, hint = _next(_MARKUP_HINT, text, 0), _next(_CLASS_HINT, text, 0)
    widget = _WIDGET if any(c in text for c in _PATH_SEPARATORS) else _WIDGET_NO_PATH
    for raw, gap in zip(raws, gaps):
        n = len(raw)
        end = pos + n
        # a line's offsets as a range: sliced as a list is, without a list per line
        if markup < end:  # (markup and hint are never before the line: see above)
            t, offs = _strip_markup(raw, range(pos, end))
            markup = _next(_MARKUP_HINT, text, end)
            hinted = True  # what markup hid may have joined a word
        else:
            t, offs = raw, range(pos, end)
            hinted = hint < end
        if hint < end:
            hint = _next(_CLASS_HINT, text, end)
        pos = end + gap
        hard = raw.endswith("  ") and raw.strip() != ""
        # strip white space (and BOM / zero-width) at both ends
        stripped = t.strip(_STRIP)
        if len(stripped) < len(t):
            b = len(t) - len(t.lstrip(_STRIP))
            t, offs = stripped, offs[b:b + len(stripped)]
        if not t:
            lines.append(_Line("", [], "blank"))
            continue
        kind = "body"
        # (the line opens on no white space: each pattern below is tried only on a line that
        # opens on a character it can start with, which most lines do not)
        m = _HEADING_MARK.match(t) if t[0] in _HEADING_OPENERS else None
        if m:
            t, offs = t[m.end():], offs[m.end():]
            kind = "heading"
            if not t:
                lines.append(_Line("", [], "blank"))
                continue
        c0 = t[0]
        if (hinted and _FURNITURE.search(t)
                or (c0 in _FURNITURE_LINE_OPENERS or c0.isdecimal()) and _FURNITURE_LINE.match(t)
                or (c0 in _WIDGET_OPENERS or widget is _WIDGET) and widget.match(t)):
            kind = "furniture"
        elif t == last_text:
            kind = "furniture"  # a headline repeated by the page template
        elif hinted and len(t) < 60 and (_byline(t) or _BYLINE_LINE.match(t)):
            kind = "byline"
        lines.append(_Line(t, offs, kind, hard))
        last_text = t
    return lines


def _next(pattern: re.Pattern, text: str, pos: int) -> int:
    """Where ``pattern`` is next found in ``text`` from ``pos`` (past the end: nowhere)."""
    m = pattern.search(text, pos)
    return len(text) + 1 if m is None else m.start()


def _byline(t: str) -> bool:
    """Is the line a credit: one that opens on a reporter's or photographer's credit and says
    little after it (本报讯（记者 王丽）近日，… goes on as body text), or ends on 摄 / 报道?"""
    if _CREDIT_END.search(t):
        return True
    m = _BYLINE.match(t)
    if m is None:
        return False
    close = _BYLINE_CLOSE.search(t, m.end())
    return close is None or len(t) - close.end() < 8


def _ends_open(line: _Line, *, quotes_close: bool = True) -> bool:
    if not line.text:
        return False
    last = line.text[-1]
    return last not in TERMINAL + "." and not (quotes_close and last in "”’」』）)")


def _paragraphs(lines: list[_Line]) -> tuple[list[list[_Line]], list[_Line]]:
    """Group lines into paragraphs, rejoining words broken by layout. Captions found
    inside a broken paragraph are returned apart."""
    content = [ln for ln in lines if ln.kind == "body"]
    lengths = [len(ln.text) for ln in content] or [0]  # (len(ln) is a call of _Line.__len__)
    typical = median(lengths)
    # PDF column text: short, even lines that wrap mid-sentence (most of them about as long as
    # the typical one; a web page's short headings and captions among long paragraphs are not)
    near = max(3, typical / 4)
    even = sum(1 for x in lengths if abs(x - typical) <= near)
    wrapped = typical <= 32 and len(content) >= 3 and even * 2 >= len(content)
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
            if len(para) == 1 and i < n and _DATELINE.match(lines[i].text):
                break  # a dateline opens a paragraph: the line before it is a headline (升级版|本报讯 holds no 版本)
            if i < n and lines[i].kind == "body" and (_joins_word(last, lines[i]) or _runs_on(last, lines[i])):
                para.append(lines[i])  # 公安\n局: a word runs across the break (or a list, a clause, a number)
                i += 1
                continue
            if wrapped:
                # a column line that ends open continues on the next body line, across
                # blank lines; a short line or a headline with a word space does not
                if len(last.text) < 8:
                    break
                j = i
                while j < n and lines[j].kind == "blank" and j - i < 3:
                    j += 1
                if len(para) == 1 and j < n and len(lines[j].text) > 2 * typical + 8 and len(last.text) < typical:
                    break  # a short first line over a paragraph far wider than the column: a headline
                if j < n and lines[j].kind == "body" and not _LIST_MARK.match(lines[j].text) and not (
                        j > i and (_has_word_space(last) or _LIST_MARK.match(para[0].text))):
                    para.append(lines[j])
                    i = j + 1
                    continue
                break
            # web text: a long open line continues on the next line that closes the broken
            # word or is a long body line; short lines skipped on the way are captions
            if len(last.text) < 20 and len(para) == 1:
                break
            if len(para) == 1 and _has_word_space(last):
                break  # a headline: its phrases spaced apart
            j, skipped, chosen = i, [], None
            while j < n and len(skipped) <= 2:
                cand = lines[j]
                if cand.kind == "blank":
                    j += 1
                    continue
                if cand.kind != "body" or _LIST_MARK.match(cand.text):
                    break
                tiny_sentence = len(cand.text) < 12 and not _ends_open(cand)
                if not skipped and _quote_runs_on(last, cand):
                    chosen = j  # “早\n发现、早介入”: a quotation the break cut in two
                    break
                if not tiny_sentence and (_joins_word(last, cand) or len(cand.text) > 40):
                    chosen = j
                    break
                if len(cand.text) > 40:
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


_CAPTION_LABEL = re.compile("(?:图说|图为|图片|图注|摄影)[:：]?")  # a picture's caption (its file's name cut off)


def _runs_on(last: _Line, nxt: _Line) -> bool:
    """Does ``last`` break off what ``nxt`` goes on with: a list left open (…乡、 | 龙塘镇…), or a
    number whose qualifier or unit opens the next line (1200 | 余人次)? (Not a line that ends on
    a comma: lines of fragments end so, each its own.)"""
    t, u = last.text, nxt.text
    return bool(t) and bool(u) and not _LIST_MARK.match(u) and not _CAPTION_LABEL.match(t) and (
        t[-1] == "、" or t[-1].isdigit() and u[0] in "余多万亿%％")


_LIST_MARK = re.compile(r"^(\d{1,2}|[一二三四五六七八九十]{1,2})[\s、.．]")
_DATELINE = re.compile(r"^(?:本报讯|本報訊|本报记者|本報記者|新华社|新華社|[（(](?:记者|通讯员|記者|通訊員))")


def _has_word_space(line: _Line) -> bool:
    t = line.text
    return any(t[k] == " " and is_cjk(t[k - 1]) and is_cjk(t[k + 1]) and not _letter_spaced(t, k)
               for k in range(1, len(t) - 1))


def _quote_runs_on(last: _Line, nxt: _Line) -> bool:
    """Does a quotation left open at the end of ``last`` close early on ``nxt`` (a PDF line
    break inside a quoted name)?"""
    tail = last.text[-30:]
    if tail.rfind("“") <= tail.rfind("”"):
        return False
    close, reopen = nxt.text.find("”"), nxt.text.find("“")
    return 0 <= close <= 30 and (reopen < 0 or close < reopen)


def _joins_word(last: _Line, nxt: _Line) -> bool:
    """Does a dictionary word run across the break between ``last`` and ``nxt``?"""
    a, b = last.text[-4:], nxt.text[:4]
    return bool(a and b and is_cjk(a[-1]) and is_cjk(b[0])) and spans_boundary(a, b)


# characters no XML document (RDF/XML, SPARQL XML results, GraphML, GEXF) can hold, DEL and the
# C1 controls, lone surrogates and the BMP's noncharacters (U+FFFE, U+FFFF: rapper refuses them in
# Turtle): left out of the normalised text, so no name, label or quote carries them (a regex class)
UNWRITABLE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
_UNWRITABLE_RE = re.compile(f"[{UNWRITABLE}]")
# the characters str.isspace() (and re's \s) takes for white space, as a regex class: a class of
# characters and ranges alone is one table lookup per character, while \s in it is a test of
# its own (_SPECIAL is searched in every paragraph)
_WHITE_SPACE = "\t-\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SPECIAL = re.compile("[" + _WHITE_SPACE + UNWRITABLE + re.escape("".join(_ASCII_PUNCT) + "".join(_FULLWIDTH_ALNUM)) + "]")


def _clean_chars(text: str, offs: Sequence[int], keep_word_spaces: bool) -> tuple[str, Sequence[int]]:
    """Drop layout spaces, fix punctuation and full-width forms, keeping offsets."""
    first = _SPECIAL.search(text)
    if first is None:
        return text, offs  # most paragraphs: nothing to fix
    parts: list[str] = []
    out: list[int] = []
    last = ""  # the last character kept
    n = len(text)
    pos = 0
    # only spaces, ASCII punctuation and full-width forms need a look: the runs between them
    # (most of a Chinese text) are copied as they are
    for m in _SPECIAL.finditer(text, first.start()):
        k = m.start()
        if pos < k:
            parts.append(text[pos:k])
            out.extend(offs[pos:k])
            last = text[k - 1]
        pos = k + 1
        c, off = _FULLWIDTH_ALNUM.get(text[k], text[k]), offs[k]
        if not c.isspace() and _UNWRITABLE_RE.match(c):
            continue  # a control character or noncharacter: garbage, never part of a name
        if c.isspace():
            prev = last
            j = k + 1
            while j < n and _FULLWIDTH_ALNUM.get(text[j], text[j]).isspace():
                j += 1
            nxt = _FULLWIDTH_ALNUM.get(text[j], text[j]) if j < n else ""
            if not prev or not nxt:
                continue
            if prev == " ":
                continue
            ascii_words = prev.isascii() and prev.isalnum() and nxt.isascii() and nxt.isalnum() and not (
                prev.isdigit() and nxt.isdigit() and _letter_spaced(text, k))  # 1 2 3 起: a number's digits spaced out
            if ascii_words or (keep_word_spaces and is_cjk(prev) and is_cjk(nxt) and not _letter_spaced(text, k)):
                # words of Latin script, or a heading's word separator
                parts.append(" ")
                out.append(off)
                last = " "
            continue  # else a layout space between Chinese characters, digits and punctuation
        if c in _ASCII_PUNCT:
            prev = last
            nxt = text[k + 1] if k + 1 < n else ""
            if c in "()" and not (is_cjk(prev) or is_cjk(nxt)):
                pass
            elif c in ",:;" and prev.isdigit() and nxt.isdigit():
                pass  # 1,000 or 10:30
            else:
                c = _ASCII_PUNCT[c]
        parts.append(c)
        out.append(off)
        last = c
    if pos < n:
        parts.append(text[pos:])
        out.extend(offs[pos:])
    return "".join(parts), out


# a pair of ASCII double quotes around Chinese words, as web pages and some converters write
# them: made the Chinese quotes every rule reads (one character for one, so offsets hold)
_ASCII_QUOTED = re.compile('"([^"\\n]{1,60})"')


def _curly_quotes(text: str) -> str:
    """ASCII double quotes paired within a paragraph, around words with a Chinese character,
    as “ ”; an odd number of them is left alone (no telling which one opens)."""
    if '"' not in text or text.count('"') % 2:
        return text
    return _ASCII_QUOTED.sub(lambda m: f"“{m.group(1)}”" if _CJK_RE.search(m.group(1)) else m.group(0), text)


def _letter_spaced(text: str, k: int) -> bool:
    """Is the space at ``k`` one of a run like ``公 安 部`` (single characters spaced out)?"""
    def single(at: int, step: int) -> bool:
        # the character next to the space stands alone between spaces (or line ends)
        j = at + step
        if not 0 <= j < len(text) or text[j].isspace():
            return False
        jj = j + step
        return not 0 <= jj < len(text) or text[jj].isspace()
    return single(k, -1) or single(k, 1)


def _to_simplified(text: str, offs: Sequence[int]) -> tuple[str, Sequence[int]]:
    conv = t2s(text)
    if conv == text or len(conv) == len(text):
        return conv, offs
    # a phrase rule changed the length: convert character by character instead
    return "".join(t2s(c)[:1] or c for c in text), offs


def normalise(text: str, *, paragraphs: bool = False) -> Normalised:
    """Normalise ``text`` (a report as read) for extraction. ``paragraphs``: every line of the
    text is a whole paragraph (text a reader took from a web page, PDF or Word file), never a
    piece of one broken by the layout."""
    lines = _split_lines(text)
    if paragraphs:
        for ln in lines:
            ln.hard_break = True
    paragraphs, captions = _paragraphs(lines)
    script = detect_script(text)
    parts: list[str] = []
    offsets: list[int] = []
    segments: list[Segment] = []
    ordered = [(p, p[0].kind) for p in paragraphs] + [([c], "caption") for c in captions]
    for para, kind in ordered:
        if len(para) > 1:
            t = "".join([ln.text for ln in para])
            offs = list(chain.from_iterable([_listed(ln.offs) for ln in para]))
        else:
            t, offs = para[0].text, _listed(para[0].offs)
        t, offs = _clean_chars(t, offs, keep_word_spaces=kind != "body" or len(para) == 1)
        t = _curly_quotes(t)
        if script == "zh-Hant":
            t, offs = _to_simplified(t, offs)
        if not t:
            continue
        if offsets:
            parts.append("\n")
            offsets.append(offs[0])
        start = len(offsets)
        parts.append(t)
        offsets.extend(offs)
        segments.append(Segment(start, len(offsets), kind))
    # variants fold character for character: once over the whole text, as over each paragraph
    return Normalised(original=text, text=fold_variants("".join(parts)), offsets=offsets, segments=segments,
                      script=script)
