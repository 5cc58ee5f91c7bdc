"""Country names and adjectives (diplonlp.countries), tested directly."""

from __future__ import annotations

import pytest

from diplonlp.countries import count_countries, country_lexicon, place_lexicon
from diplonlp.normalize import normalize


@pytest.mark.parametrize(
    ("language", "word", "code"),
    [
        ("fa", "ایران", "IR"), ("fa", "تاجیکستان", "TJ"), ("fa", "روسیه", "RU"),
        ("fa", "آمریکا", "US"), ("fa", "روسی", "RU"), ("fa", "فدراسیون روسیه", "RU"),
        ("ar", "السعودية", "SA"), ("ar", "المغرب", "MA"), ("ar", "الكويت", "KW"),
        ("ar", "الاتحاد الروسي", "RU"), ("ar", "المغربية", "MA"), ("ar", "الطاجيكي", "TJ"),
    ],
)
def test_names_and_adjectives(language: str, word: str, code: str) -> None:
    norm = normalize(word, language).text  # type: ignore[arg-type]
    assert country_lexicon(language)[norm] == code  # type: ignore[arg-type]


def test_cities_are_evidence_not_country_words() -> None:
    assert place_lexicon("fa")[normalize("تهران", "fa").text] == "IR"
    assert normalize("تهران", "fa").text not in country_lexicon("fa")


@pytest.mark.parametrize(
    ("language", "text", "counts"),
    [
        ("fa", "سفر رئیس جمهور ایران به تاجیکستان و دیدار با مقامات تاجیکستان",
         {"IR": 1, "TJ": 2}),
        ("ar", "وصل وفد من المغرب إلى الرياض، وقال الوزير المغربي وللمغرب", {"MA": 3, "SA": 1}),
        ("ar", "بالكويت والسعودية", {"KW": 1, "SA": 1}),
        ("fa", "دیداری بی‌نام در شهری دور", {}),
    ],
)
def test_count_countries(language: str, text: str, counts: dict[str, int]) -> None:
    norm = normalize(text, language).text  # type: ignore[arg-type]
    assert dict(count_countries(norm, language)) == counts  # type: ignore[arg-type]
