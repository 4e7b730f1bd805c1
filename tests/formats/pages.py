"""Web-page layouts of Chinese government, 政法 and newspaper sites, for the test corpus.

Each layout is a function of the article (title, paragraphs) and its page facts (date,
site, URL) that returns the page's HTML. The furniture around the article is what such sites
carry: column menus, 当前位置 trails, 来源/责任编辑/发布时间 lines, share bars, 上一篇/下一篇,
hot-news lists and footers. Its links name other counties' agencies and campaigns on purpose:
none of that may become an entity of the report. Written for govkg's tests; no site's text.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

# names the furniture carries: each would be an entity if it leaked into the article text
TRAPS = ["望城区公安局开展“清朗2021”专项行动", "宁乡市召开“雪亮工程”建设推进会", "浏阳市司法局推行“法润万家”工作机制",
         "韶山市人民法院开展“执行攻坚”行动", "株洲市石峰区建立“红枫调解室”", "衡东县委政法委部署“平安三湘”创建"]


@dataclass(frozen=True)
class Page:
    title: str
    paragraphs: list[str]
    date: str  # ISO date
    site: str  # the publishing site or paper
    url: str
    author: str = "县委政法委"

    @property
    def ymd(self) -> tuple[int, int, int]:
        y, m, d = (int(x) for x in self.date.split("-"))
        return y, m, d


def _ps(page: Page, indent: str = "", wrap: str = "<p>{}</p>") -> str:
    return "\n".join(indent + wrap.format(escape(p)) for p in page.paragraphs)


def _links(prefix: str, items: list[str]) -> str:
    return "\n".join(f'{prefix}<li><a href="/art/{i + 101}.html" target="_blank">{escape(t)}</a></li>' for i, t in enumerate(items))


def gov_portal(p: Page) -> str:
    """A county government portal on a TRS-style CMS: PubDate meta, 发布时间 line, 【字体】 bar."""
    y, m, d = p.ymd
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{escape(p.title)}_{escape(p.site)}</title>
<meta name="SiteName" content="{escape(p.site)}">
<meta name="ArticleTitle" content="{escape(p.title)}">
<meta name="PubDate" content="{y}-{m:02d}-{d:02d} 09:30">
<meta name="ContentSource" content="{escape(p.author)}">
<link rel="canonical" href="{p.url}" />
<script type="text/javascript" src="/js/jquery.min.js"></script>
</head><body>
<div class="top"><div class="wrap"><span>欢迎访问{escape(p.site)}！</span><a href="/">无障碍浏览</a> | <a href="/">长者模式</a> | <a href="/">English</a></div></div>
<div class="header"><img src="/images/logo.png" alt="{escape(p.site)}"/></div>
<div class="nav"><ul>
  <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li>
  <li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxq/">走进县情</a></li><li><a href="/pajs/">平安建设</a></li>
</ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xwzx/">新闻中心</a> &gt; <a href="/xwzx/bmdt/">部门动态</a></div>
<div class="content">
  <div class="title"><h1>{escape(p.title)}</h1></div>
  <div class="info">发布时间：{y}-{m:02d}-{d:02d} 09:30&nbsp;&nbsp;来源：{escape(p.author)}&nbsp;&nbsp;浏览次数：<span id="hits">1024</span>&nbsp;&nbsp;【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
  <div class="TRS_Editor" id="zoom">
{_ps(p, "    ", '<p style="text-indent:2em;">{}</p>')}
  </div>
  <div class="share">分享到：<a class="wx">微信</a><a class="wb">微博</a><a class="qq">QQ空间</a></div>
  <div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
  <div class="pre-next">
    <p>上一篇：<a href="/art/99.html">{escape(TRAPS[0])}</a></p>
    <p>下一篇：<a href="/art/100.html">{escape(TRAPS[1])}</a></p>
  </div>
</div>
<div class="footer"><p>主办：县人民政府办公室　承办：县大数据中心</p><p>网站标识码：4301240001　湘ICP备05001234号　湘公网安备 43012402000123号</p><p>版权所有 © {escape(p.site)}</p></div>
</body></html>
"""


def zhengfa(p: Page) -> str:
    """A 政法/长安网 site: a column menu naming campaigns, 时间 in Chinese form, related news."""
    y, m, d = p.ymd
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(p.title)}-{escape(p.site)}</title>
<meta name="keywords" content="平安建设,扫黑除恶,政法队伍">
<meta name="description" content="{escape(p.paragraphs[0][:60])}">
</head><body>
<header><div class="logo">{escape(p.site)}</div>
<nav><a href="/">首页</a><a href="/zfyw/">政法要闻</a><a href="/pajs/">平安建设</a><a href="/shce/">扫黑除恶</a><a href="/dwjs/">队伍建设</a><a href="/fzjs/">法治建设</a><a href="/jcdt/">基层动态</a></nav>
<form class="search"><input type="text" placeholder="请输入关键字"><button>搜索</button></form></header>
<div class="crumb">您现在的位置：<a href="/">首页</a> » <a href="/jcdt/">基层动态</a> » 正文</div>
<main><article>
<h2 class="art-title">{escape(p.title)}</h2>
<div class="art-meta">来源：{escape(p.author)}　　作者：本网通讯员　　时间：{y}年{m:02d}月{d:02d}日</div>
<div class="art-body">
{_ps(p)}
</div>
<p class="editor">（责任编辑：周敏）</p>
</article>
<aside><h3>相关新闻</h3><ul>
{_links("  ", TRAPS[2:5])}
</ul></aside></main>
<footer>主办单位：县委政法委员会 · 技术支持：县融媒体中心<br>Copyright © {y} All Rights Reserved</footer>
</body></html>
"""


def epaper(p: Page) -> str:
    """A county paper's digital edition (数字报): 版面导航, 上一期/下一期, the date in the page head."""
    y, m, d = p.ymd
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{escape(p.site)}数字报-{escape(p.title)}</title></head>
<body><table width="1000" align="center"><tr><td class="paper-head">
<span class="date">{y}年{m:02d}月{d:02d}日</span>　<a href="#">上一期</a>　<a href="#">下一期</a>　<a href="#">往期回顾</a>
</td></tr>
<tr><td class="bm-nav">版面导航：<a href="#">第01版：要闻</a> <a href="#">第02版：综合新闻</a> <a href="#">第03版：平安法治</a> <a href="#">第04版：副刊</a></td></tr>
<tr><td class="article">
<div class="yt">引题：坚持和发展新时代“枫桥经验”</div>
<h1>{escape(p.title)}</h1>
<div class="author">本报记者　李晓燕　通讯员　王刚</div>
<div id="ozoom" class="article-content">
{_ps(p, "", "<P>　　{}</P>")}
</div>
<div class="bm-list">本版新闻：<ul>
{_links("", TRAPS[3:6])}
</ul></div>
<div class="copy">{escape(p.site)}　版权所有　未经授权不得转载</div>
</td></tr></table></body></html>
"""


def news_portal(p: Page) -> str:
    """A city news portal: Open Graph and article:published_time, share bar, hot-news ranking."""
    y, m, d = p.ymd
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>{escape(p.title)} - {escape(p.site)}</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{escape(p.title)}">
<meta property="og:site_name" content="{escape(p.site)}">
<meta property="og:url" content="{p.url}">
<meta property="article:published_time" content="{y}-{m:02d}-{d:02d}T10:15:00+08:00">
</head><body>
<div class="topbar"><a href="/">首页</a> <a href="/news/">时政</a> <a href="/society/">社会</a> <a href="/fazhi/">法治</a> <a href="/video/">视频</a> <a href="/login">登录</a></div>
<div class="main"><div class="left">
<h1 class="article-title">{escape(p.title)}</h1>
<div class="article-info"><span class="source">来源：{escape(p.site)}</span> <span class="time">{y}-{m:02d}-{d:02d} 10:15</span> <span class="author">编辑：陈思</span></div>
<div class="article-content">
{_ps(p)}
</div>
<div class="share-bar">分享：<span>微信</span><span>朋友圈</span><span>微博</span><span>复制链接</span></div>
<div class="comment">网友评论（0）<textarea placeholder="文明上网，理性发言"></textarea></div>
</div>
<div class="right"><h3>热点排行</h3><ol>
{_links("", TRAPS[0:4])}
</ol></div></div>
<div class="foot">违法和不良信息举报电话：12377　互联网新闻信息服务许可证</div>
</body></html>
"""


def wechat(p: Page) -> str:
    """A WeChat public-account article saved from a browser: rich_media markup, publish_time, js_content."""
    y, m, d = p.ymd
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{escape(p.title)}</title>
<meta property="og:title" content="{escape(p.title)}">
<meta property="og:url" content="{p.url}">
<script>var ct = "0"; var msg_title = "{escape(p.title)}";</script>
</head><body id="activity-detail" class="zh_CN">
<div class="rich_media"><div class="rich_media_inner">
<h1 class="rich_media_title" id="activity-name">{escape(p.title)}</h1>
<div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_text">{escape(p.author)}</span>
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a id="js_name">{escape(p.site)}</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">{y}-{m:02d}-{d:02d} 18:00</em>
</div>
<div class="rich_media_content" id="js_content">
{_ps(p, "", '<section><p><span style="font-size:15px;">{}</span></p></section>')}
<section><p><span style="color:#888;">来源：{escape(p.author)}</span></p></section>
<section><p><span style="color:#888;">编辑：刘洋　审核：张伟</span></p></section>
</div>
<div class="rich_media_tool"><a id="js_view_source">阅读原文</a> <span>阅读 2356</span> <span>在看 18</span></div>
<div class="qr_code_pc"><p>微信扫一扫<br>关注该公众号</p></div>
<div class="rich_media_area_extra">预览时标签不可点</div>
</div></div></body></html>
"""


def mobile(p: Page) -> str:
    """A phone page of a county site: back button, date and source in one short line, tab bar."""
    y, m, d = p.ymd
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(p.title)}</title><link rel="canonical" href="{p.url}"></head>
<body><div class="m-head"><a class="back" href="javascript:history.back()">返回</a><span>{escape(p.site)}</span><a class="menu">☰</a></div>
<div class="m-article"><h2>{escape(p.title)}</h2>
<p class="m-info">{y}/{m}/{d}　来源：{escape(p.author)}</p>
{_ps(p)}
</div>
<div class="m-more"><p>推荐阅读</p>
{_links("", TRAPS[4:6]).replace("<li>", "<div>").replace("</li>", "</div>")}
</div>
<div class="m-tab"><a>首页</a><a>政务</a><a>服务</a><a>我的</a></div>
</body></html>
"""


def table_site(p: Page) -> str:
    """An older site laid out in tables, in GB2312: 日期 in a cell, 【打印本页】【关闭窗口】."""
    y, m, d = p.ymd
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{escape(p.site)}--{escape(p.title)}</title></head>
<body topmargin="0"><table width="980" border="0" cellpadding="0" cellspacing="0" align="center">
<tr><td colspan="2"><img src="images/banner.jpg" width="980" height="120"></td></tr>
<tr><td colspan="2" class="menu"><a href="index.asp">网站首页</a>｜<a href="news.asp">工作动态</a>｜<a href="news.asp?c=2">综治维稳</a>｜<a href="news.asp?c=3">平安创建</a>｜<a href="news.asp?c=4">法治宣传</a>｜<a href="msg.asp">在线留言</a></td></tr>
<tr><td width="220" valign="top" class="left"><table><tr><td class="lt">通知公告</td></tr>
<tr><td>· <a href="#">{escape(TRAPS[5])}</a></td></tr><tr><td>· <a href="#">{escape(TRAPS[2])}</a></td></tr></table></td>
<td valign="top"><table width="100%">
<tr><td class="pos">您的位置：首页 &gt;&gt; 工作动态</td></tr>
<tr><td align="center" class="tit"><b>{escape(p.title)}</b></td></tr>
<tr><td align="center" class="inf">作者：{escape(p.author)}　日期：{y}-{m}-{d}　点击数：367</td></tr>
<tr><td class="con">
{_ps(p, "", "<p>&nbsp;&nbsp;&nbsp;&nbsp;{}</p>")}
</td></tr>
<tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
</table></td></tr>
<tr><td colspan="2" align="center" class="foot">版权所有：县委政法委　地址：县城人民路88号　电话：0731-8888XXXX</td></tr>
</table></body></html>
"""


def court(p: Page) -> str:
    """A court's site: 当前位置 with >>, 作者 and a seconds-precise 发布时间, 相关链接 to other courts."""
    y, m, d = p.ymd
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(p.title)}</title>
<meta name="publishdate" content="{y}-{m:02d}-{d:02d}">
</head><body>
<div id="top">{escape(p.site)}　<a href="/">诉讼服务</a>　<a href="/">审判执行</a>　<a href="/">法院新闻</a>　<a href="/">司法公开</a></div>
<div class="dqwz">当前位置：首页&gt;&gt;法院新闻</div>
<div class="detail"><div class="d-title">{escape(p.title)}</div>
<div class="d-msg">作者：{escape(p.author)}　发布时间：{y}-{m:02d}-{d:02d} 09:12:34　<a href="javascript:print()">打印</a></div>
<div class="d-text">
{_ps(p)}
</div></div>
<div class="xglj">相关链接：<a href="#">{escape(TRAPS[3])}</a>　<a href="#">{escape(TRAPS[0])}</a></div>
<div class="bottom">地址：县城法院路1号　邮编：410000</div>
</body></html>
"""


def procuratorate(p: Page) -> str:
    """A procuratorate's site: 检察要闻 column, 发布日期 in Chinese form, 责任编辑 line."""
    y, m, d = p.ymd
    return f"""<!DOCTYPE html><html><head><meta charset="UTF-8"><title>{escape(p.title)}_{escape(p.site)}</title></head>
<body><div class="header"><h1 class="site">{escape(p.site)}</h1>
<ul class="menu"><li>首页</li><li>检察要闻</li><li>检务公开</li><li>案件信息</li><li>检察文化</li><li>12309</li></ul></div>
<div class="location">当前位置：<a href="/">首页</a> - <a href="/jcyw/">检察要闻</a></div>
<div class="article"><h3>{escape(p.title)}</h3>
<div class="source">发布日期：{y}年{m}月{d}日　信息来源：{escape(p.author)}</div>
<div class="text">
{_ps(p)}
</div>
<div class="zrbj">责任编辑：孙丽</div>
<div class="fenxiang">分享到：<a>微信</a> <a>新浪微博</a></div>
<div class="prev">上一篇：<a href="#">{escape(TRAPS[4])}</a></div>
<div class="next">下一篇：<a href="#">{escape(TRAPS[1])}</a></div>
</div></body></html>
"""


def media_center(p: Page) -> str:
    """A county 融媒体中心 page: a video box, the date after 编辑/审核, JSON-LD, a 24-hour list."""
    y, m, d = p.ymd
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(p.title)}｜{escape(p.site)}</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{escape(p.title)}","datePublished":"{y}-{m:02d}-{d:02d}T10:25:18+08:00","url":"{p.url}"}}</script>
</head><body>
<div class="channel"><a>首页</a><a>本地</a><a>政务</a><a>民生</a><a>直播</a></div>
<div class="news"><h1>{escape(p.title)}</h1>
<div class="video"><video src="/v/1.mp4" poster="/v/1.jpg"></video><p>视频加载中…</p></div>
{_ps(p)}
<p class="ed">编辑：黄蕾　审核：彭勇　{y}-{m:02d}-{d:02d} 10:25:18</p>
</div>
<div class="hot24"><h4>24小时热闻</h4><ul>
{_links("", TRAPS[1:3])}
</ul></div></body></html>
"""


LAYOUTS = {f.__name__: f for f in (gov_portal, zhengfa, epaper, news_portal, wechat, mobile, table_site, court,
                                   procuratorate, media_center)}


def mhtml(html: str, url: str) -> str:
    """The page saved as a single-file web archive (MHTML: one quoted-printable HTML part)."""
    import quopri

    body = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    return ("From: <Saved by Blink>\r\nSnapshot-Content-Location: " + url + "\r\nSubject: page\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--x1"\r\n\r\n'
            "------MultipartBoundary--x1\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\nContent-Location: " + url + "\r\n\r\n" + body.replace("\n", "\r\n")
            + "\r\n------MultipartBoundary--x1\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            "Content-Location: cid:css-1@mhtml.blink\r\n\r\nbody { margin: 0 }\r\n------MultipartBoundary--x1--\r\n")
