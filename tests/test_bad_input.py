from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplonlp
from diplonlp.errors import InvalidOptionError


@pytest.mark.parametrize("value", [b"bytes", None, 42, ["list"], bytearray(b"x")])
def test_non_str_raises_type_error_naming_the_type(value: object) -> None:
    with pytest.raises(TypeError, match=type(value).__name__):
        diplonlp.parse_article(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\t  \n", "\u200c\u200f", "\u00a0"])
def test_empty_text_gives_an_empty_article(text: str) -> None:
    d = diplonlp.parse_article(text).to_dict()
    assert d["published"] is None
    assert all(d[k] == [] for k in ("dates", "money", "percentages", "numbers", "leaders"))


def test_bad_reference_date() -> None:
    with pytest.raises(TypeError, match="str"):
        diplonlp.parse_article("x", reference_date="2023-08-26")  # type: ignore[arg-type]


def test_bad_language() -> None:
    with pytest.raises(InvalidOptionError, match="E401"):
        diplonlp.parse_article("x", language="en")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "\ud800 رئیس جمهور \udfff",  # lone surrogates
        "\x00\x01\x02 سلام \x7f\x85",  # control characters
        "\ufffe\uffff",
        "ﷺ" * 100,
        "\u0651" * 1000,  # marks with no letter
        "۱" * 10_000,
        "٫" * 5000 + "٬" * 5000,
    ],
)
def test_odd_text_does_not_crash(text: str) -> None:
    article = diplonlp.parse_article(text)
    for m in article.mentions():
        assert text[m.start : m.end] == m.text


@pytest.mark.slow
def test_ten_megabytes_parse() -> None:
    base = "امامعلی رحمان رئیس جمهور تاجیکستان روز ۲۰ سپتامبر ۲۰۲۰ در دوشنبه گفت. "
    text = base * (10_000_000 // len(base) + 1)
    article = diplonlp.parse_article(text, reference_date=dt.date(2020, 9, 21))
    for m in article.mentions()[:100]:
        assert text[m.start : m.end] == m.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_str_parses_with_valid_offsets(text: str) -> None:
    article = diplonlp.parse_article(text)
    for m in article.mentions():
        assert text[m.start : m.end] == m.text


WORDS = [
    "۱۲", "٫", "۵", "2", "/", "-", "1.500", "و", "از", "تا", "بین", "میلیون", "میلیارد", "دلار",
    "درصد", "سال", "۱۴۰۱", "مرداد", "سپتامبر", "دوشنبه", "روز", "گذشته", "رئیس جمهور",
    "تاجیکستان", "امامعلی رحمان", "پوتین", "یک", "نیم", "هزار", "صد", "چهار", "،", ".", "\u200c",
    "في", "من", "إلى", "مليون", "ملياري", "دولار", "ريال", "بالمئة", "عام", "2017", "أغسطس",
    "رمضان", "1444هـ", "الاثنين", "يوم", "أمس", "اليوم", "رئيس", "جمهورية", "الروسي", "بوتين",
    "وزير", "الخارجية", "ثلاثة", "عشر", "آلاف", "ونصف", "بنحو", "أكثر", "ما يقرب من", "%", "٪",
    "$", "€", "08:55", "الساعة", "العاشرة", "\u064b", "ـ", "ﻻ", "COVID-19", "+98",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from([" ", "", "  ", "\n"]))
def test_random_word_salad_parses_with_valid_offsets(words: list[str], sep: str) -> None:
    text = sep.join(words)
    for language in ("fa", "ar"):
        article = diplonlp.parse_article(
            text, language=language, reference_date=dt.date(2023, 8, 26)  # type: ignore[arg-type]
        )
        for m in article.mentions():
            assert text[m.start : m.end] == m.text
        article.to_dict()
