"""Web pages saved from government, 政法 and newspaper sites (.html, .htm; .mhtml / .mht web
archives): the article's main text, with its headline as the first line, and the page's
title, date, site and URL.

The main text is readability-lxml's (chosen by measurement against trafilatura, goose3,
boilerpy3 and jusText on pages in the layouts of such sites: benchmarks/readers.py, README
"Reports in other formats"). What it lets through of the page's furniture on short articles —
上一篇/下一篇 links, 来源/编辑 lines, share and reading counters, a phone page's tab bar — is
dropped line by line by :func:`is_furniture`, a list of the phrases such sites print.

The headline is the heading the page's <title> repeats. The date is the page's own 发布时间
line where it has one (:func:`graph.dates.published_date` on the page's whole text), else its
date meta tags, a date above the headline (a digital paper's issue), else htmldate's reading;
the site is og:site_name, a SiteName tag or the <title>'s other part; the URL is the page's
``<link rel="canonical">`` or ``og:url`` (or, for a web archive, the address it was saved from).
"""
from __future__ import annotations

import re

from ..errors import ReadError
from ..model import ReportMeta
from .reading import Reading

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_CHARSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "big5": "big5hkscs",
             "utf8": "utf-8"}
# lines of a page's furniture that readability keeps beside short articles
_FURNITURE = re.compile(
    r"^(?:上一篇|下一篇|上一条|下一条|上一期|下一期|分享到|分享|来源[:：]|信息来源[:：]|稿件来源[:：]|作者[:：]|编辑[:：]|责任编辑|"
    r"（责任编辑|\(责任编辑|审核[:：]|校对[:：]|发布时间[:：]|发布日期[:：]|时间[:：]|日期[:：]|浏览次数|点击数|阅读原文|阅读\s*\d|"
    r"在看\s*\d|微信扫一扫|关注该公众号|预览时标签不可点|推荐阅读|相关新闻|相关阅读|相关链接|热点排行|返回|首页$|"
    r"【?打印本页|【?关闭窗口|当前位置|您现在的位置|您的位置|版权所有|Copyright|网站标识码|.*ICP备|主办[:：]|主办单位|"
    r"本版新闻|版面导航|往期回顾|引题[:：]|视频加载中|网友评论|文明上网|字号|【字体)")
_DATED = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:来源|作者|编辑|$)")
_SHORT_NOISE = re.compile(r"^(?:[☰|｜>»·•\-—]|\S{1,4})$")  # a menu's lone word or symbol
_TIME_ONLY = re.compile(r"^[\d\s:/\-年月日.]+$")


def decode_page(data: bytes, path: str, *, mhtml: bool = False) -> str:
    """A page's HTML as text: the charset its ``<meta>`` declares, else UTF-8, else the
    detected one. A web archive (MHTML) gives its first HTML part."""
    if mhtml:
        return _mhtml_part(data, path)[0]
    m = _META_CHARSET.search(data[:4096])
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if m:
        enc = m.group(1).decode("ascii").lower()
        enc = _CHARSETS.get(enc, enc)
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
    from .text import decode

    return decode(data, path)[0]


def _mhtml_part(data: bytes, path: str) -> tuple[str, str | None]:
    """The HTML part of a web archive and the address it was saved from."""
    import email
    import email.policy

    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    where = msg.get("Snapshot-Content-Location")
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            if charset:
                try:
                    return payload.decode(_CHARSETS.get(charset.lower(), charset)), where or part.get("Content-Location")
                except (LookupError, UnicodeDecodeError):
                    pass
            return decode_page(payload, path), where or part.get("Content-Location")
    raise ReadError(path, "not a web archive with an HTML page in it (no text/html part)")


def is_furniture(line: str) -> bool:
    """Is this line a page's furniture rather than the article's (上一篇：…, 来源：…, 阅读 2356)?"""
    s = line.strip()
    return bool(_FURNITURE.match(s) or _SHORT_NOISE.match(s) or _TIME_ONLY.match(s) or _DATED.match(s)
                or (s.startswith("首页") and len(s) < 40 and not re.search("[，。；！？]", s)))


def read_html(html: str, *, url: str | None = None) -> Reading:
    """The article of one page (its HTML as text), with its metadata; ``url``: where the page
    was saved from, when the page itself does not say."""
    from readability import Document

    tree = _tree(html)
    doc = Document(html)
    title = _title(tree) or (doc.short_title() or "").strip() or None
    lines = [ln for ln in _lines(doc.summary(html_partial=True)) if not is_furniture(ln) and ln != title]
    if not lines:
        return Reading("", "", "text/html", ReportMeta(title=title))
    text = "\n".join(([title] if title else []) + lines) + "\n"
    meta = ReportMeta(title=title, date=_date(tree, html, title), source=_site(tree, title), url=_url(tree) or url)
    return Reading(text, "", "text/html", meta)


_BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
          "blockquote", "pre", "header", "footer", "dd", "dt", "figcaption", "center", "td", "th"}


def _lines(fragment: str) -> list[str]:
    """The text of an HTML fragment, a line per block (paragraph, cell, list item, <br>)."""
    import lxml.html

    tree = lxml.html.fromstring(fragment)
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _BLOCK:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
        elif el.tag == "br":
            el.tail = "\n" + (el.tail or "")
    return [re.sub(r"[ \t\r\f\v\xa0]+", " ", ln).strip() for ln in tree.text_content().split("\n") if ln.strip()]


def read_page(data: bytes, path: str, *, mhtml: bool = False) -> Reading:
    """One saved page's bytes → its :class:`Reading`; a page with no article text is a
    :class:`ReadError`."""
    where = None
    if mhtml:
        html, where = _mhtml_part(data, path)
    else:
        html = decode_page(data, path)
    if not re.search(r"<\s*(?:html|body|p|div|article|h1|table)\b", html[:200_000], re.I):
        raise ReadError(path, "not a web page: no <html>, <body> or paragraph tags in it")
    try:
        reading = read_html(html, url=where)
    except Exception as exc:  # the parser's own failure on a broken file: named, not raised
        raise ReadError(path, f"cannot read this web page: {type(exc).__name__}: {exc}") from exc
    if not reading.text:
        raise ReadError(path, "no article text found in this web page (a page of links only, or a broken file?)")
    enc = _META_CHARSET.search(data[:4096])
    encoding = "utf-8" if mhtml or enc is None else _CHARSETS.get(enc.group(1).decode("ascii").lower(),
                                                                   enc.group(1).decode("ascii").lower())
    return Reading(reading.text, encoding, "multipart/related" if mhtml else "text/html", reading.meta)


def _tree(html: str):
    import lxml.html

    try:
        return lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001  (an empty or unparsable document: no metadata from it)
        return None


_SOURCE = re.compile(r"(?:来源|來源|信息来源|稿件来源)\s*[:：]\s*([^\s\u3000|｜:：]{2,30})")
_TITLE_SEP = re.compile(r"\s*(?:--|_|\||｜|-|–|—)\s*")


def _page_title(tree) -> list[str]:
    """The parts of the page's <title> (headline_site, site--headline)."""
    t = tree.findtext(".//title") if tree is not None else None
    return [x for x in _TITLE_SEP.split(t.strip()) if x] if t else []


def _title(tree) -> str | None:
    """The article's headline: the heading (h1–h3, or an element whose class names a title)
    that the page's <title> repeats, the longest if several; else the one <h1>."""
    if tree is None:
        return None
    parts = _page_title(tree)
    whole = "".join(parts)
    heads = []
    for e in tree.xpath('//h1|//h2|//h3|//*[contains(@class,"tit")][not(self::title)]|//td/b|//td/strong'):
        t = re.sub(r"\s+", " ", e.text_content()).strip()
        if 4 <= len(t) <= 80:
            heads.append(t)
    named = [t for t in heads if t.replace(" ", "") in whole.replace(" ", "")]
    if named:
        return max(named, key=len)
    h1 = [t for t in heads if t in {re.sub(r"\s+", " ", e.text_content()).strip() for e in tree.xpath("//h1")}]
    return h1[0] if len(set(h1)) == 1 else None


def _date(tree, html: str, title: str | None = None) -> str | None:
    """The page's date: its labelled 发布时间 line, its date meta tags, a date heading the page
    above the headline (a digital paper's issue date), else htmldate's reading."""
    from ..dates import parse_date, published_date

    if tree is not None:
        body = tree.find("body")
        text = re.sub(r"[ \t\u3000\xa0]+", " ", (body if body is not None else tree).text_content())
        found = published_date(text, limit=20_000)
        if found:
            return found.date
        for xp in ('//*[@id="publish_time"]', '//meta[@name="PubDate"]/@content', '//meta[@name="publishdate"]/@content',
                   '//meta[@property="article:published_time"]/@content'):
            for v in tree.xpath(xp):
                iso = parse_date(v if isinstance(v, str) else v.text_content())
                if iso:
                    return iso
        head = text[:text.find(title)] if title and title in text else ""
        iso = parse_date(head)
        if iso:
            return iso
    from htmldate import find_date

    try:  # the page's other signs: its URL, time elements, dates in its text
        found = find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001  (htmldate's failure on a strange page: no date, not an error)
        found = None
    # 1 January is what htmldate says when it saw only a year (2019年以来 in the text, a copyright
    # line): on our test pages always wrong, so no date rather than that one
    return None if found and found.endswith("-01-01") else found


def _site(tree, title: str | None = None) -> str | None:
    """The publishing site: og:site_name, a SiteName meta tag, a WeChat account's name, the
    part of the page's <title> that is not the headline, else the page's 来源 line."""
    if tree is not None:
        for xp in ('//meta[@property="og:site_name"]/@content', '//meta[@name="SiteName"]/@content', '//*[@id="js_name"]'):
            for v in tree.xpath(xp):
                s = (v if isinstance(v, str) else v.text_content()).strip()
                if s:
                    return s
    others = [p for p in _page_title(tree) if title and p.replace(" ", "") not in title.replace(" ", "")]
    if title and others and len(others) < len(_page_title(tree)):
        return others[-1]
    body = tree.find("body")
    m = _SOURCE.search((body if body is not None else tree).text_content()[:20_000])
    return m.group(1) if m else None


def _url(tree) -> str | None:
    if tree is not None:
        for xp in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
            for v in tree.xpath(xp):
                if v.strip().startswith(("http://", "https://")):
                    return v.strip()
    return None
