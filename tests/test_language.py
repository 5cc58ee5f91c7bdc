"""Telling Persian from Arabic (diplonlp.language), tested directly."""

from __future__ import annotations

import pytest

import diplonlp
from diplonlp.errors import InvalidOptionError
from diplonlp.language import check_language, detect_language, language_scores

PERSIAN = [
    "وزیر امور خارجه ایران روز دوشنبه به دوشنبه سفر کرد.",
    "رئیس جمهور تاجیکستان گفت که همکاری دو کشور گسترش می‌یابد.",
    "حجم مبادلات تجاری به ۱٫۵ میلیارد دلار رسید.",
    "هیئت افغانستان برای گفت‌وگو به کابل بازگشت.",
]
ARABIC = [
    "قال وزير الخارجية السعودي إن المحادثات كانت مثمرة.",
    "أعلنت الحكومة المغربية عن خطة جديدة للطاقة في عام 2030.",
    "بلغ حجم التبادل التجاري 600 مليون دولار خلال العام الماضي.",
    "التقى ولي العهد بالرئيس في الرياض.",
]


@pytest.mark.parametrize("text", PERSIAN)
def test_persian(text: str) -> None:
    assert detect_language(text) == "fa"


@pytest.mark.parametrize("text", ARABIC)
def test_arabic(text: str) -> None:
    assert detect_language(text) == "ar"


@pytest.mark.parametrize("text", ["", "   ", "12345", "Tehran, 26 January 2022"])
def test_no_evidence_is_persian(text: str) -> None:
    assert detect_language(text) == "fa"


def test_scores_count_letters_and_words() -> None:
    scores = language_scores("این است")
    assert scores["fa"] > scores["ar"]
    scores = language_scores("في هذه")
    assert scores["ar"] > scores["fa"]


def test_only_the_start_of_a_long_text_is_read() -> None:
    text = "قال الوزير في المؤتمر " * 2000 + "این است که " * 10_000
    assert detect_language(text) == "ar"


def test_language_option_is_checked() -> None:
    assert check_language("ar") == "ar"
    with pytest.raises(InvalidOptionError, match="E401"):
        check_language("en")
    with pytest.raises(InvalidOptionError):
        diplonlp.parse_article("سلام", language="de")  # type: ignore[arg-type]


# Persian in the older orthography (Arabic yeh and kaf), and short Arabic passages
OLD_PERSIAN = [
    "رئيس جمهور ايران روز دوشنبه گفت كه اين كشور با همسايگان همكاري مي كند.",
    "وزير امور خارجه كشورمان امروز به مسكو رفت و با همتاي روسي خود ديدار كرد.",
    "حجم مبادلات دو كشور به يك ميليارد دلار رسيد.",
    "به گزارش خبرگزاري فارس، نخست وزير عراق نامه اي به پارلمان فرستاد.",
]
SHORT_ARABIC = [
    "بـ600 دولار",
    "ولي العهد السعودي",
    "600 مليون دولار",
    "وصل ولي العهد إلى القاهرة",
    "قال الوزير إن الاتفاق مهم",
]


@pytest.mark.parametrize("text", OLD_PERSIAN)
def test_persian_with_arabic_yeh_and_kaf(text: str) -> None:
    assert detect_language(text) == "fa"


@pytest.mark.parametrize("text", SHORT_ARABIC)
def test_short_arabic_stays_arabic(text: str) -> None:
    assert detect_language(text) == "ar"


def test_old_orthography_is_normalised_as_persian() -> None:
    article = diplonlp.parse_article("حجم مبادلات به ۲۰ درصد و يك ميليارد دلار رسيد كه")
    assert article.language == "fa"
    assert [m.text for m in article.percentages] == ["۲۰ درصد"]
    assert [(m.text, str(m.amount)) for m in article.money] == [("يك ميليارد دلار",
                                                                 "1000000000")]
