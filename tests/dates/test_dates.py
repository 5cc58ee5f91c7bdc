"""Dates: calendar round trips and behaviour beyond the corpus table (dates.tsv, run by
the generic runner in tests/corpus.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jdatetime
import pytest
from hijridate import Hijri

import diplonlp
from corpus import read_table
from diplonlp.dates import from_gregorian, to_gregorian

HERE = Path(__file__).parent


def test_corpus_size() -> None:
    cases = read_table(HERE / "dates.tsv")
    assert sum(max(1, len(c.expected["dates"])) for c in cases) >= 220
    assert {c.lang for c in cases} == {"fa", "ar"}


def test_original_calendar_is_kept() -> None:
    article = diplonlp.parse_article("تهران، ۱۲ مرداد ۱۴۰۱", language="fa")
    date = article.dates[0]
    assert date.original is not None
    assert (date.original.year, date.original.month, date.original.day) == (1401, 5, 12)
    assert article.to_dict()["dates"][0]["original"] == {"year": 1401, "month": 5, "day": 12}


def test_time_kept_on_the_mention() -> None:
    text = "دیدار کرد 18 سپتامبر 2020 ، 08:55\n\nمتن خبر"
    article = diplonlp.parse_article(text)
    assert article.dates[0].time == "08:55"
    assert article.published is not None
    assert article.published.value == "2020-09-18"


def test_published_anchors_relative_dates() -> None:
    text = "دوشنبه، 26.01.2022 /خاور/. وزیر خارجه روز گذشته گفت"
    article = diplonlp.parse_article(text)
    assert article.published is not None
    assert article.published.value == "2022-01-26"
    assert [d.value for d in article.dates] == ["2022-01-26", "2022-01-25"]
    assert article.dates[0].weekday is None  # 26 January 2022 was a Wednesday: Dushanbe


def test_consistent_weekday_is_kept() -> None:
    article = diplonlp.parse_article("الاثنين 20 سبتمبر 2021", language="ar")
    assert article.dates[0].weekday == 0


def test_current_periods_option() -> None:
    from diplonlp.dates import DateExtractor
    from diplonlp.numerals import NumeralExtractor

    pipe = diplonlp.Pipeline([NumeralExtractor(), DateExtractor(current_periods=True)])
    article = pipe.parse("في هذا العام", language="ar", reference_date=dt.date(2023, 8, 26))
    assert [(d.text, d.value) for d in article.dates] == [("هذا العام", "2023")]


def test_every_jalali_day_1300_to_1450() -> None:
    day = jdatetime.date(1300, 1, 1)
    end = jdatetime.date(1451, 1, 1)
    while day < end:
        g = day.togregorian()
        assert to_gregorian("jalali", day.year, day.month, day.day) == g
        assert from_gregorian("jalali", g) == (day.year, day.month, day.day)
        day += jdatetime.timedelta(days=1)


def test_every_hijri_day_1350_to_1500() -> None:
    g = Hijri(1350, 1, 1).to_gregorian()
    last = Hijri(1500, 12, Hijri(1500, 12, 1).month_length()).to_gregorian()
    one = dt.timedelta(days=1)
    current = dt.date(g.year, g.month, g.day)
    stop = dt.date(last.year, last.month, last.day)
    while current <= stop:
        y, m, d = from_gregorian("hijri", current)
        assert to_gregorian("hijri", y, m, d) == current
        current += one


@pytest.mark.parametrize("year", [1300, 1350, 1399, 1400, 1403, 1450])
def test_jalali_dates_in_text_for_a_whole_year(year: int) -> None:
    months = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
              "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
    lines, expected = [], []
    day = jdatetime.date(year, 1, 1)
    while day.year == year:
        lines.append(f"{day.day} {months[day.month - 1]} {year}")
        expected.append(day.togregorian().isoformat())
        day += jdatetime.timedelta(days=1)
    article = diplonlp.parse_article("\n".join(lines), language="fa")
    assert [d.value for d in article.dates] == expected


@pytest.mark.parametrize("year", [1350, 1420, 1444, 1445, 1500])
def test_hijri_dates_in_text_for_a_whole_year(year: int) -> None:
    months = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
              "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]
    lines, expected = [], []
    for month in range(1, 13):
        for d in range(1, Hijri(year, month, 1).month_length() + 1):
            lines.append(f"{d} {months[month - 1]} {year}هـ")
            expected.append(Hijri(year, month, d).to_gregorian().isoformat())
    article = diplonlp.parse_article("\n".join(lines), language="ar")
    assert [d.value for d in article.dates] == expected


@pytest.mark.parametrize(
    ("text", "lang", "time"),
    [
        ("في 25 أغسطس 2023 الساعة العاشرة صباحا", "ar", "10:00"),
        ("في 25 أغسطس 2023 الساعة الثامنة والنصف مساء", "ar", "20:30"),
        ("25 أغسطس 2023 الساعة 3", "ar", "03:00"),
        ("۲۰ سپتامبر ۲۰۲۰ ساعت ۱۰ صبح", "fa", "10:00"),
        ("۲۰ سپتامبر ۲۰۲۰ ساعت ۴ و نیم بعدازظهر", "fa", "16:30"),
        ("2023-08-25T10:00", "ar", "10:00"),
        ("۲۰ سپتامبر ۲۰۲۰ ساعت ۹۹", "fa", None),
    ],
)
def test_times_next_to_dates(text: str, lang: str, time: str | None) -> None:
    article = diplonlp.parse_article(text, language=lang)  # type: ignore[arg-type]
    assert article.dates[0].time == time
    assert article.dates[0].text in text
