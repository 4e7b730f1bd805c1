"""Which library reads web pages and newspaper PDFs best: measured on the test corpus's pages
(tests/formats/mixed, laid out like Chinese government, 政法 and newspaper sites and pages;
tests/formats/plain holds what a careful reader takes from each).

    python benchmarks/readers.py             # both tables (Markdown)
    python benchmarks/readers.py --only html

Web pages — per candidate: the share of the article's paragraphs found whole; lines of the
page's furniture let through (any line that is not part of the article: menus, 当前位置,
来源/责任编辑 lines, share bars, 上一篇/下一篇, hot-news and related-news titles); pages whose
headline is in the text; milliseconds per page.

PDFs — per candidate: the share of the report's sentences found whole and in order (a
sentence cut by a column break, or run into the next column's line, is lost), the share of
characters kept, milliseconds per page. Candidates that are not installed are skipped
(``pip install readability-lxml goose3 boilerpy3 justext pdfplumber`` for all of them).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "formats"
sys.path.insert(0, str(CORPUS))
sys.path.insert(0, str(ROOT))

FURNITURE = ["首页", "当前位置", "您现在的位置", "您的位置", "分享到", "上一篇", "下一篇", "责任编辑", "版权所有", "浏览次数",
             "打印本页", "关闭窗口", "热点排行", "相关新闻", "相关链接", "推荐阅读", "24小时热闻", "本版新闻", "版面导航",
             "往期回顾", "微信扫一扫", "阅读原文", "网站标识码", "ICP", "点击数", "字体", "违法和不良信息", "编辑：", "审核：",
             "来源：", "作者：", "主办", "返回", "通知公告", "网友评论"]


def _flat(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def _t2s(s: str) -> str:
    from graph.script import t2s

    return t2s(s)


def _plain(rid: str) -> list[str]:
    return [x.strip() for x in (CORPUS / "plain" / f"{rid}.txt").read_text(encoding="utf-8").splitlines() if x.strip()]


# ------------------------------------------------------------------ web pages

def html_candidates() -> dict:
    out = {}
    try:
        import trafilatura

        out["trafilatura"] = lambda h: trafilatura.extract(h, include_comments=False, include_tables=True) or ""
        out["trafilatura (no tables)"] = lambda h: trafilatura.extract(h, include_comments=False, include_tables=False) or ""
        out["trafilatura (favor_precision)"] = lambda h: trafilatura.extract(h, include_comments=False, favor_precision=True) or ""
    except ImportError:
        pass
    try:
        from readability import Document

        def readability(h):
            import lxml.html

            return lxml.html.fromstring(Document(h).summary()).text_content()
        out["readability-lxml"] = readability
        out["readability-lxml, one line per block"] = lambda h: _blocks(Document(h).summary())
    except ImportError:
        pass
    try:
        from goose3 import Goose
        from goose3.text import StopWordsChinese

        g = Goose({"stopwords_class": StopWordsChinese, "use_meta_language": False, "target_language": "zh"})
        out["goose3 (Chinese stop words)"] = lambda h: g.extract(raw_html=h).cleaned_text
    except ImportError:
        pass
    try:
        from boilerpy3 import extractors

        ex = extractors.ArticleExtractor(raise_on_failure=False)
        out["boilerpy3 (ArticleExtractor)"] = lambda h: ex.get_content(h) or ""
    except ImportError:
        pass
    try:
        import justext

        # jusText has no Chinese stop list: with none, it judges by link density and length only
        out["jusText (no stop list)"] = lambda h: "\n".join(
            p.text for p in justext.justext(h.encode("utf-8"), frozenset(), length_low=10, length_high=30,
                                            stopwords_low=0, stopwords_high=0) if not p.is_boilerplate)
    except ImportError:
        pass
    return out


def _blocks(html: str) -> str:
    """The text of an HTML fragment, a line per paragraph-like element."""
    import lxml.html

    tree = lxml.html.fromstring(html)
    return "\n".join(e.text_content().strip() for e in tree.iter("p", "h1", "h2", "h3", "li", "td", "section", "div")
                     if e.text_content().strip() and not e.xpath(".//p|.//div|.//li|.//td|.//section"))


def web_pages() -> list[tuple[str, str]]:
    from graph.readers.html import decode_page

    pages = []
    for p in sorted((CORPUS / "mixed").iterdir()):
        if p.suffix in (".html", ".htm", ".mhtml"):
            pages.append((p.stem, decode_page(p.read_bytes(), str(p), mhtml=p.suffix == ".mhtml")))
    return pages


def bench_html() -> str:
    from graph.readers.html import read_html

    pages = web_pages()
    cands = html_candidates()
    cands["govkg reader (readability-lxml, furniture lines dropped)"] = lambda h: read_html(h).text
    rows = []
    for name, fn in cands.items():
        found = total = leaks = titles = 0
        t0 = time.perf_counter()
        outs = []
        for rid, html in pages:
            try:
                outs.append((rid, fn(html) or ""))
            except Exception:  # noqa: BLE001  (a candidate that fails on a page scores nothing there)
                outs.append((rid, ""))
        ms = (time.perf_counter() - t0) / len(pages) * 1000
        for rid, text in outs:
            flat = _flat(text)
            lines = _plain(rid)
            body = lines[1:]
            total += len(body)
            found += sum(_flat(b) in flat for b in body)
            titles += _flat(lines[0]) in flat
            gold = _flat(_t2s("".join(lines)))
            leaks += sum(1 for x in text.splitlines() if _flat(x) and _flat(_t2s(x)) not in gold)
        rows.append((name, found / total, leaks, titles, ms))
    expected = json.loads((CORPUS / "dates.json").read_text(encoding="utf-8"))
    expected.update({"h05_pinghu": "2021-12-30"})  # what the page says (the manifest corrects it)
    from htmldate import find_date

    ours = sum(read_html(h).meta.date == expected[rid] for rid, h in pages)
    theirs = sum(find_date(h, original_date=True, outputformat="%Y-%m-%d") == expected[rid] for rid, h in pages)
    lines = [f"Web pages: {len(pages)} pages in 10 layouts (tests/formats/mixed)", "",
             f"Dates right: govkg reader {ours}/{len(pages)} (its 发布时间 line, date meta tags, the date above the headline, "
             f"then htmldate); htmldate alone {theirs}/{len(pages)}.", "",
             "| reader | paragraphs found whole | furniture lines let through | headline in the text | ms per page |",
             "|---|---|---|---|---|"]
    for name, rec, leaks, titles, ms in rows:
        lines.append(f"| {name} | {rec:.1%} | {leaks} | {titles}/{len(pages)} | {ms:.1f} |")
    return "\n".join(lines)


# ------------------------------------------------------------------ PDFs

def pdf_candidates() -> dict:
    out = {}
    try:
        import pdfplumber

        def plumber(path):
            with pdfplumber.open(path) as pdf:
                return "\n".join(p.extract_text() or "" for p in pdf.pages)

        def plumber_layout(path):
            from pdfminer.high_level import extract_text
            from pdfminer.layout import LAParams

            return extract_text(path, laparams=LAParams(boxes_flow=0.5))
        out["pdfplumber extract_text"] = plumber
        out["pdfminer.six with layout analysis (LAParams)"] = plumber_layout
    except ImportError:
        pass
    try:
        import pypdfium2 as pdfium

        def pdfium_text(path):
            doc = pdfium.PdfDocument(path)
            try:
                return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
            finally:
                doc.close()
        out["pypdfium2 get_text_range (drawing order)"] = pdfium_text
    except ImportError:
        pass
    from graph.readers.pdf import read_pdf

    out["govkg reader (pypdfium2 characters, columns by XY-cut)"] = lambda path: read_pdf(Path(path).read_bytes(), path).text
    return out


def _sentences(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        out += [s for s in re.split(r"(?<=[。！？；])", line) if len(s) >= 4]
    return out


def bench_pdf() -> str:
    pdfs = sorted((CORPUS / "mixed").glob("*.pdf"))
    rows = []
    for name, fn in pdf_candidates().items():
        whole = total = kept = chars = 0
        t0 = time.perf_counter()
        outs = []
        pages = 0
        for p in pdfs:
            try:
                outs.append((p.stem, fn(str(p))))
            except Exception:  # noqa: BLE001
                outs.append((p.stem, ""))
            import pypdfium2 as pdfium

            pages += len(pdfium.PdfDocument(str(p)))
        ms = (time.perf_counter() - t0) / pages * 1000
        for rid, text in outs:
            flat = _flat(text)
            sents = _sentences(_plain(rid))
            total += len(sents)
            pos = 0
            for s in sents:  # whole, and after the one before
                k = flat.find(_flat(s), pos)
                if k >= 0:
                    whole += 1
                    pos = k
            gold = _flat("".join(_plain(rid)))
            chars += len(gold)
            kept += sum(min(gold.count(c), flat.count(c)) for c in set(gold))
        rows.append((name, whole / total, kept / chars, ms))
    lines = [f"PDFs: {len(pdfs)} newspaper pages in columns (tests/formats/mixed/*.pdf, laid out by Chromium, Noto CJK embedded)", "",
             "| reader | sentences whole and in order | characters kept | ms per page |", "|---|---|---|---|"]
    for name, s, c, ms in rows:
        lines.append(f"| {name} | {s:.1%} | {c:.1%} | {ms:.0f} |")
    return "\n".join(lines)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", choices=["html", "pdf"])
    a = ap.parse_args(argv)
    import logging

    logging.disable(logging.WARNING)  # pdfminer and goose3 warn per glyph and per page
    if a.only in (None, "html"):
        print(bench_html(), end="\n\n")
    if a.only in (None, "pdf"):
        print(bench_pdf())


if __name__ == "__main__":
    main()
