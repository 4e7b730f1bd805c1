"""Dates: a report's own date and the periods its figures and relations name, on sentences
written for these tests (graph/dates.py is a pure function of the text)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, SHARED
from graph.dates import Interval, find_period, parse_date, parse_given, period_interval, report_date


@pytest.mark.parametrize("text, iso", [
    ("发布时间：2021-6-3 09:30", "2021-06-03"),
    ("2021/06/03", "2021-06-03"),
    ("2021.6.3", "2021-06-03"),
    ("二〇二一年六月三日", "2021-06-03"),
    ("２０２１年１２月３０日", "2021-12-30"),
    ("2021年2月30日", None),  # no such day
    ("电话:22593799", None),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_parse_given_takes_partial_dates():
    assert parse_given("2021") == "2021" and parse_given("2021-05") == "2021-05"
    assert parse_given("2021年5月18日") == "2021-05-18"
    assert parse_given("2021-13") is None and parse_given("五月") is None


@pytest.mark.parametrize("text, iso, how", [
    # a page's labelled line
    ("平湖市公安局开展专项行动\n发布时间：2026-01-08 10:20　来源：市公安局\n全市刑事发案下降。", "2026-01-08", "published"),
    ("鄂托克旗召开会议\n發佈時間：2022-04-12\n旗公安局開展行動。", "2022-04-12", "published"),
    # a newspaper's head: the date with its weekday
    ("益阳日报 2023年8月21日 星期一 第03版\n安化县织密平安防控网", "2023-08-21", "masthead"),
    # a dateline: the year from the head, or from a full date in the opening
    ("南漳政法 2022年第6期\n本报讯（记者 张华）3月15日，南漳县召开全县政法工作会议。", "2022-03-15", "dateline"),
    ("新华社长沙9月19日电 县公安局2018年9月17日召开会议。", "2018-09-19", "dateline"),
    # a full date opening the report
    ("2019年5月18日，江永县委政法委召开会议。", "2019-05-18", "text"),
])
def test_report_date(text, iso, how):
    found = report_date(text)
    assert found is not None and (found.date, found.how) == (iso, how)


def test_report_date_given_wins_and_a_partial_one_gives_the_year():
    text = "本报讯（记者 李明）5月18日，县公安局开展“净网”专项行动。"
    assert report_date(text) is None  # a dateline without a year: no date
    assert report_date(text, "2021").date == "2021-05-18"  # a manifest's year
    assert report_date(text, "2020-01-02") == ("2020-01-02", "given", -1, -1)


def test_a_date_deep_in_the_text_or_a_plan_is_not_the_reports():
    text = "县公安局持续推进扫黑除恶。" * 30 + "2018年1月23日，省公安厅召开会议。"
    assert report_date(text) is None


@pytest.mark.parametrize("sentence, words", [
    ("今年以来，全县共排查化解矛盾纠纷1865起", "今年以来"),
    ("2017年至今新建高清电子监控点2881个", "2017年至今"),
    ("截至8月底，破获涉恶案件23起", "截至8月底"),
    ("去年，全县刑事案件下降12%", "去年"),
    ("1至10月，全县刑事案件立案数同比下降18.7%", "1至10月"),
    ("“十三五”以来，全县建成综治中心32个", "“十三五”以来"),
    ("到2025年底前建成综治中心", None),  # a target, not a period the figures cover
    ("县公安局推行“一村一警”", None),
])
def test_find_period(sentence, words):
    assert find_period(sentence) == words


@pytest.mark.parametrize("words, interval", [
    ("今年以来", Interval("2021", "2021-09-06")),
    ("2017年至今", Interval("2017", "2021-09-06")),
    ("截至8月", Interval(None, "2021-08-31")),
    ("截至今年8月底", Interval(None, "2021-08-31")),
    ("去年", Interval("2020", "2020")),
    ("截至去年底", Interval(None, "2020-12-31")),
    ("1至10月", Interval("2021-01-01", "2021-10-31")),
    ("上半年", Interval("2021-01-01", "2021-06-30")),
    ("2019年5月", Interval("2019-05-01", "2019-05-31")),
    ("2022年10月18日", Interval("2022-10-18", "2022-10-18")),
    ("2016年以来", Interval("2016", "2021-09-06")),
    ("“十三五”以来", Interval("2016", "2021-09-06")),
    ("近年来", None),
])
def test_period_interval(words, interval):
    assert period_interval(words, "2021-09-06") == interval


def test_periods_that_need_the_reports_date():
    assert period_interval("今年以来", None) is None
    assert period_interval("2017年至今", None) == Interval("2017", None)  # the start stands on its own


def test_dates_on_the_seeds():
    """The seeds: one states its date (a newspaper head), and it is found; the others state none."""
    found = {p.stem[:3]: report_date(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))}
    assert found["001"] is not None and found["001"].date == "2021-11-24"
    assert [k for k, v in found.items() if v is not None] == ["001"]


@pytest.mark.skipif(not (SHARED / "realdev" / "texts").is_dir(), reason="../shared/realdev is not here")
def test_dates_on_realdev_are_found_where_the_text_states_one():
    """README "Dates": of the real excerpts whose opening states their date in full, all but
    one are dated (that one's date stands after a long caption); none is dated wrongly by a
    date deep in its text."""
    texts = sorted((SHARED / "realdev" / "texts").glob("*.txt"))
    found = {p.stem: report_date(p.read_text(encoding="utf-8")) for p in texts}
    dated = [k for k, v in found.items() if v is not None]
    assert len(dated) >= 12
    assert all(v.how in ("published", "masthead", "dateline", "text", "given") for v in found.values() if v)


def test_a_month_or_day_in_mixed_numerals_is_read_not_a_crash():
    # OCR and mixed typing leave Arabic digits beside Chinese numerals: 1十2月 is December,
    # 1十7月 no month at all; neither may stop the report (it raised KeyError)
    from graph.dates import find_period, period_interval, report_date

    assert period_interval("2023年1十2月") == period_interval("2023年12月")
    assert period_interval("2023年1十7月12日") is None
    assert report_date("2023年1十7月12日 某县讯") is None
    assert report_date("2023年1十2月12日 某县讯").date == "2023-12-12"
    assert find_period("截至2023年十二月底，全县共调解纠纷100件。") is not None


def test_numbers_in_dates_read_as_before():
    from graph.dates import _int

    assert [_int(x) for x in ("2021", "２０２１", "二〇二一", "十", "十八", "二十", "三十一", "1十7", "十十")] == \
        [2021, 2021, 2021, 10, 18, 20, 31, 17, 0]
