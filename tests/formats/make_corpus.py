"""Make the mixed-format test corpus (tests/formats): web pages, PDFs and Word files of the
same reports as tests/formats/plain, with the manifest and the expected dates.

    python tests/formats/make_corpus.py            # writes tests/formats/mixed/ and dates.json
    python tests/formats/make_corpus.py --pdfs     # and lays the PDFs out again

The web pages wrap reports of tests/testset in the layouts of tests/formats/pages.py; the
PDFs are newspaper pages of the longer reports in plain/ (p*.txt), laid out in columns by
Chromium's print-to-PDF (fonts-noto-cjk, embedded); the Word files are made with python-docx.
Gold files: gold/ (copied from tests/testset/gold for the web pages and Word files, written by
hand for the PDFs). Run it again only to change the corpus: the files are committed.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from pages import LAYOUTS, Page, mhtml  # noqa: E402

TESTSET = HERE.parent / "testset"
PLAIN, MIXED, GOLD = HERE / "plain", HERE / "mixed", HERE / "gold"

# id, test-set report, headline, layout, date, site, author (the 来源 line), file suffix
WEB = [
    ("h01_meitan", "t01_meitan", None, "gov_portal", "2021-06-03", "湄潭县人民政府", "湄潭县委政法委", ".html"),
    ("h02_renhuai", "t02_renhuai", "仁怀市召开全市政法工作会议", "zhengfa", "2020-12-28", "平安仁怀网", "仁怀市委政法委", ".html"),
    ("h03_shizhu", "t03_shizhu", "石柱土家族自治县扎实推进矛盾纠纷化解工作", "epaper", "2021-03-16", "石柱报", "石柱报", ".htm"),
    ("h04_zhuji", "t04_zhuji", "诸暨市：坚持和发展新时代基层治理经验", "news_portal", "2021-11-22", "诸暨新闻网", "诸暨日报", ".html"),
    ("h05_pinghu", "t05_pinghu", "平湖市公安局多措并举守护平安", "wechat", "2021-12-30", "平安平湖", "平湖市公安局", ".html"),
    ("h06_etuoke", "t07_etuoke", "鄂托克旗召开交通安全整治工作会议", "mobile", "2022-04-12", "鄂托克旗人民政府", "鄂托克旗融媒体中心", ".html"),
    ("h07_fengcheng", "t08_fengcheng", "凤城市检察院获评全国检察机关文明接待室", "procuratorate", "2019-08-09", "凤城市人民检察院", "凤城市人民检察院", ".html"),
    ("h08_lankao", "t09_lankao", "兰考县全面推进平安建设", "table_site", "2022-09-26", "兰考政法网", "兰考县委政法委", ".htm"),
    ("h09_caoxian", "t10_caoxian", "曹县持续保持对违法犯罪的高压态势", "court", "2021-10-15", "曹县人民法院", "曹县人民法院", ".html"),
    ("h10_ruijin", "t11_ruijin", "瑞金市创新基层矛盾纠纷调解方式", "media_center", "2021-12-06", "瑞金融媒", "瑞金市司法局", ".html"),
    ("h11_rongshui", "t12_rongshui", "融水苗族自治县公安局推进科技兴警", "gov_portal", "2020-07-21", "融水苗族自治县人民政府", "县公安局", ".html"),
    ("h12_linxia", "t14_linxia", "临夏县委常委会研究部署平安建设工作", "zhengfa", "2019-04-02", "临夏县政法网", "临夏县委政法委", ".html"),
    ("h13_jinjiang", "t15_jinjiang", "晋江市多元化解涉台纠纷", "epaper", "2021-09-08", "晋江经济报", "晋江经济报", ".html"),
    ("h14_zaoyang", "t17_zaoyang", "枣阳市重拳整治突出治安问题", "news_portal", "2020-05-19", "枣阳新闻网", "枣阳市委政法委", ".html"),
    ("h15_jinzhai", "t18_jinzhai", "金寨县天堂寨镇派出所联调化解矛盾", "wechat", "2022-01-17", "金寨公安", "金寨县公安局", ".html"),
    ("h16_zhengding", "t19_zhengding", "正定县政法各单位建立轻微刑事案件快办协作", "mobile", "2021-05-27", "正定县人民政府", "正定县委政法委", ".html"),
    ("h17_kunshan", "t21_kunshan", "昆山市公安局花桥派出所创新社区警务", "table_site", "2021-08-30", "昆山平安网", "昆山市公安局", ".html"),
    ("h18_boluo", "t23_boluo", "博罗县推进社会治理云平台建设", "court", "2022-03-03", "博罗县人民法院", "博罗县委政法委", ".html"),
    ("h19_kuche", "t24_kuche", "库车市开展走访群众活动", "procuratorate", "2021-07-14", "库车市人民检察院", "库车市委政法委", ".html"),
    ("h20_hailun", "t25_hailun", "海伦市公安局破获一批盗窃案件", "media_center", "2020-11-25", "海伦融媒", "海伦市公安局", ".html"),
    ("h21_tengchong", "t13_tengchong", "騰衝市公安局開展禁毒專項行動", "news_portal", "2021-06-26", "騰衝新聞網", "騰衝市公安局", ".html"),
    ("h22_qionghai", "t28_qionghai", "琼海市博鳌镇调处渔事纠纷", "gov_portal", "2021-04-19", "琼海市人民政府", "博鳌镇人民政府", ".mhtml"),
]
# Word files: id, test-set report, headline, 发布 line in the file (None: the manifest gives the date)
WORD = [
    ("d01_liuyang", "t31_liuyang", "浏阳市政法工作信息（第12期）", "浏阳市委政法委　2021年9月6日"),
    ("d02_fenghuang", "t33_fenghuang", "凤凰县平安建设简报", "凤凰县委政法委办公室　　2022年10月18日印发"),
    ("d03_xuanhan", "t34_xuanhan", "宣汉县社会治理创新情况汇报", None),
]
# the manifest: what a researcher noted for some files (it wins over what the file says)
MANIFEST = [
    {"file": "h05_pinghu.html", "date": "2021-12-31", "source": "平湖市公安局微信公众号", "title": "", "url": "", "county": ""},
    {"file": "d03_xuanhan.docx", "date": "2023-02-20", "source": "宣汉县委政法委", "title": "", "url": "", "county": "宣汉县"},
    {"file": "p03_jiangyong.pdf", "date": "", "source": "永州日报", "title": "", "url": "", "county": ""},
]


def _testset_text(tid: str) -> list[str]:
    text = (TESTSET / "reports" / f"{tid}.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def _gold_copy(tid: str, rid: str) -> None:
    g = json.loads((TESTSET / "gold" / f"{tid}.json").read_text(encoding="utf-8"))
    g["report"] = rid
    (GOLD / f"{rid}.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def make_web(dates: dict) -> None:
    for rid, tid, title, layout, date, site, author, suffix in WEB:
        lines = _testset_text(tid)
        if title is None:
            title, lines = lines[0], lines[1:]
        (PLAIN / f"{rid}.txt").write_text("\n".join([title, *lines]) + "\n", encoding="utf-8")
        _gold_copy(tid, rid)
        url = f"http://www.example.gov.cn/{layout}/{date.replace('-', '')}/{rid}.html"
        page = LAYOUTS[layout](Page(title, lines, date, site, url, author))
        out = MIXED / f"{rid}{suffix}"
        if suffix == ".mhtml":
            out.write_bytes(mhtml(page, url).encode("ascii"))
        elif layout == "table_site":
            out.write_bytes(page.encode("gb18030"))
        elif "騰" in title:  # a page in Big5, as saved from a site in traditional script
            from opencc import OpenCC

            page = OpenCC("s2t").convert(page.replace('charset="utf-8"', 'charset="big5"'))
            out.write_bytes(page.encode("big5", errors="xmlcharrefreplace"))
        else:
            out.write_text(page, encoding="utf-8")
        dates[rid] = date


def make_word(dates: dict) -> None:
    from docx import Document
    from docx.shared import Pt

    for rid, tid, title, issued in WORD:
        lines = _testset_text(tid)
        _gold_copy(tid, rid)
        doc = Document()
        doc.core_properties.title = ""  # what a colleague's file often carries: nothing useful
        doc.add_heading(title, level=1)
        if issued:
            doc.add_paragraph(issued)
        for line in lines:
            para = doc.add_paragraph()
            run = para.add_run(line)
            run.font.size = Pt(14)
        table = doc.add_table(rows=2, cols=2)
        cells = ["报送单位", "县委政法委", "联系电话", "0000-1234567"]
        for (r, c), v in zip([(0, 0), (0, 1), (1, 0), (1, 1)], cells):
            table.cell(r, c).text = v
        doc.add_paragraph("（此件公开发布）")
        doc.save(MIXED / f"{rid}.docx")
        tail = [f"{cells[0]}　{cells[1]}", f"{cells[2]}　{cells[3]}", "（此件公开发布）"]
        (PLAIN / f"{rid}.txt").write_text("\n".join([title, *([issued] if issued else []), *lines, *tail]) + "\n",
                                          encoding="utf-8")
        date = next(m["date"] for m in MANIFEST if m["file"] == f"{rid}.docx") if issued is None else \
            "-".join(f"{int(x):02d}" for x in __import__("re").findall(r"\d+", issued)[:3])
        dates[rid] = date


def make_pdfs(dates: dict, *, again: bool = False) -> None:
    """The PDFs (only those missing, unless ``again``: Chromium writes a new file each time)."""
    from paper_pages import PDF_PAGES, layout_html

    for spec in PDF_PAGES:
        dates[spec.rid] = spec.date
    if not again and all((MIXED / f"{s.rid}.pdf").exists() for s in PDF_PAGES):
        return

    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        raise SystemExit("chromium is needed to lay the PDFs out")
    with tempfile.TemporaryDirectory() as tmp:
        for spec in PDF_PAGES:
            text = (PLAIN / f"{spec.rid}.txt").read_text(encoding="utf-8")
            html = Path(tmp) / f"{spec.rid}.html"
            html.write_text(layout_html(spec, text), encoding="utf-8")
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            f"--print-to-pdf={MIXED / (spec.rid + '.pdf')}", html.as_uri()],
                           check=True, capture_output=True, timeout=120)
            dates[spec.rid] = spec.date


def make_bad() -> None:
    """Files a reader must refuse with a clear one-line error (tests/formats/bad)."""
    import io
    import zipfile

    import pypdfium2 as pdfium
    from pypdf import PdfWriter

    bad = HERE / "bad"
    bad.mkdir(exist_ok=True)
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="secret", owner_password="owner")
    with open(bad / "encrypted.pdf", "wb") as f:
        writer.write(f)
    # a scanned page: a picture of the text, no text layer
    image = pdfium.PdfDocument(MIXED / "p03_jiangyong.pdf")[0].render(scale=0.6).to_pil().convert("L")
    image.save(bad / "scanned.pdf", "PDF", resolution=43.2)
    (bad / "broken.html").write_bytes(b'<html><head><title>\xe5\xb9\xb3\xe5\xae\x89</title></head><body><div class="nav"><a href="/">'
                                      b'\xe9\xa6\x96\xe9\xa1\xb5</a><a href="/a/1.html')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes.txt", "not a Word file")
    (bad / "renamed.docx").write_bytes(buf.getvalue())


def main() -> None:
    MIXED.mkdir(exist_ok=True)
    PLAIN.mkdir(exist_ok=True)
    GOLD.mkdir(exist_ok=True)
    dates: dict[str, str] = {}
    make_web(dates)
    make_word(dates)
    make_pdfs(dates, again="--pdfs" in sys.argv)
    make_bad()
    import csv

    with open(MIXED / "manifest.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["file", "date", "title", "source", "url", "county"])
        w.writeheader()
        w.writerows(MANIFEST)
    for m in MANIFEST:  # the manifest's date wins
        if m["date"]:
            dates[m["file"].rsplit(".", 1)[0]] = m["date"]
    (HERE / "dates.json").write_text(json.dumps(dict(sorted(dates.items())), ensure_ascii=False, indent=1) + "\n",
                                     encoding="utf-8")
    print(f"wrote {len(list(MIXED.iterdir()))} files to {MIXED}")


if __name__ == "__main__":
    main()
