"""Newspaper pages for the test corpus's PDFs: a report of plain/ laid out in columns, with a
headline across them, a caption inside them, the paper's head and foot lines, as HTML for
Chromium to print. Some pages place their blocks absolutely in an order other than the
reading order (as page-layout programs write their frames), so a reader that follows the
PDF's drawing order gets the columns wrong."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

SERIF, SANS = '"Noto Serif CJK SC", serif', '"Noto Sans CJK SC", sans-serif'


@dataclass(frozen=True)
class Spec:
    rid: str
    date: str  # the date the corpus expects for the report
    kind: str  # flow3 | scrambled4 | photo3 | web2 | twopage
    head: str  # the paper's head line
    foot: str = "责任编辑：李文　美术编辑：王芳　校对：张丽"


PDF_PAGES = [
    Spec("p01_anhua", "2023-08-21", "flow3", "益阳日报　　2023年8月21日　星期一　　第03版：平安法治"),
    Spec("p02_nanzhang", "2022-03-15", "scrambled4", "南漳政法　　2022年第6期　　内部资料"),
    Spec("p03_jiangyong", "2019-05-18", "photo3", "平安永州　　第5版"),
    Spec("p04_deqing", "2024-01-08", "web2", "德清新闻网　　发布时间：2024-01-08 10:20　　来源：德清县委政法委", foot="第1页 共1页"),
    Spec("p05_binyang", "2020-12-01", "twopage", "南宁日报　　2020年12月1日　星期二　　第A3版：县域新闻"),
]


def parts(text: str) -> tuple[str, str | None, str | None, list[str], str | None]:
    """(headline, subtitle, byline, paragraphs, caption) of a plain report of this corpus."""
    lines = [x for x in text.splitlines() if x.strip()]
    title, rest = lines[0], lines[1:]
    sub = rest.pop(0) if rest and rest[0].startswith("——") else None
    byline = rest.pop(0) if rest and rest[0].startswith(("本报记者", "记者", "通讯员")) else None
    caption = rest.pop() if rest and rest[-1].startswith("图为") else None
    return title, sub, byline, rest, caption


CSS = f"""
@page {{ size: A4; margin: 14mm; }}
body {{ font-family: {SERIF}; font-size: 11.5pt; line-height: 1.55; margin: 0; }}
.head {{ font-family: {SANS}; font-size: 9pt; border-bottom: 2.5px double #000; padding-bottom: 1.5mm; margin-bottom: 4mm; }}
.foot {{ font-family: {SANS}; font-size: 8pt; border-top: 1px solid #000; padding-top: 1mm; position: fixed; bottom: 0;
         left: 0; right: 0; }}
h1 {{ font-family: {SANS}; font-size: 24pt; text-align: center; margin: 2mm 0 1mm; column-span: all; }}
.sub {{ font-size: 13pt; text-align: center; column-span: all; margin-bottom: 1mm; }}
.byline {{ font-family: {SANS}; font-size: 9.5pt; text-align: center; column-span: all; margin-bottom: 3mm; }}
p {{ text-indent: 2em; margin: 0; text-align: justify; }}
.cap {{ font-family: {SANS}; font-size: 8.5pt; line-height: 1.35; border: 0.6pt solid #666; padding: 1.5mm; margin: 2mm 0;
        break-inside: avoid; }}
.photo {{ background: #bbb; height: 38mm; }}
"""


def _paras(paras: list[str]) -> str:
    return "\n".join(f"<p>{escape(p)}</p>" for p in paras)


def _top(spec: Spec, title: str, sub: str | None, byline: str | None) -> str:
    return (f"<h1>{escape(title)}</h1>" + (f'<div class="sub">{escape(sub)}</div>' if sub else "")
            + (f'<div class="byline">{escape(byline)}</div>' if byline else ""))


def layout_html(spec: Spec, text: str) -> str:
    title, sub, byline, paras, caption = parts(text)
    cap = f'<div class="cap">{escape(caption)}</div>' if caption else ""
    head = f'<div class="head">{escape(spec.head)}</div>'
    foot = f'<div class="foot">{escape(spec.foot)}</div>'
    css = CSS
    if spec.kind == "flow3":  # three flowing columns; the caption box in the middle of the second
        half = len(paras) // 2
        body = (f'<div style="column-count:3; column-gap:7mm; column-rule: 0.5pt solid #999;">{_top(spec, title, sub, byline)}'
                f"{_paras(paras[:half])}{cap}{_paras(paras[half:])}</div>")
    elif spec.kind == "scrambled4":  # four frames cut mid-sentence, drawn in the order 3, headline, 1, 4, caption, 2
        flat = "\n".join(paras)
        n = len(flat)
        cuts = [0, n * 27 // 100, n * 53 // 100, n * 78 // 100, n]
        cols = [flat[cuts[i]:cuts[i + 1]] for i in range(4)]
        w = 42.5

        def frame(i: int, extra: str = "") -> str:
            paras_i = cols[i].split("\n")
            html = "".join((f'<p style="text-indent:{0 if (k == 0 and i and not cols[i].startswith(chr(10))) else 2}em">'
                            f"{escape(p)}</p>") for k, p in enumerate(paras_i) if p)
            return f'<div style="position:absolute; top:34mm; left:{i * (w + 2.5)}mm; width:{w}mm;">{html}{extra}</div>'

        body = ('<div style="position:relative; height:240mm;">' + frame(2)
                + f'<div style="position:absolute; top:0; left:0; width:180mm;">{_top(spec, title, sub, byline)}</div>'
                + frame(0) + frame(3, cap) + frame(1) + "</div>")
    elif spec.kind == "photo3":  # a photo across two columns with its caption, then three columns
        body = (f"{_top(spec, title, sub, byline)}"
                f'<div style="width:118mm"><div class="photo"></div>{cap}</div>'
                f'<div style="column-count:3; column-gap:6mm;">{_paras(paras)}</div>')
    elif spec.kind == "web2":  # a web page printed to PDF: two columns under the headline
        body = f'<div style="column-count:2; column-gap:9mm;">{_top(spec, title, sub, byline)}{_paras(paras)}{cap}</div>'
    elif spec.kind == "twopage":  # A5, two columns, running onto a second page with its own head line
        css = CSS.replace("size: A4", "size: A5").replace("font-size: 11.5pt", "font-size: 12.5pt")
        half = (len(paras) + 1) // 2
        body = (f'<div style="column-count:2; column-gap:6mm; height:150mm; column-fill:auto;">{_top(spec, title, sub, byline)}'
                f"{_paras(paras[:half])}</div>"
                f'<div style="break-before: page;"></div>{head}'
                f'<div style="column-count:2; column-gap:6mm;">{_paras(paras[half:])}{cap}</div>')
    else:
        raise ValueError(spec.kind)
    return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>{css}</style></head>
<body>{head}{body}{foot}</body></html>"""
