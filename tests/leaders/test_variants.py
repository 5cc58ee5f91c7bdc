"""Spelling variants of names: what the skeleton folds together, what it keeps
apart, and that folding adds no false name on the passages that must yield none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplonlp._prefilter import PhraseIndex, word_index
from diplonlp._text import clitic_heads
from diplonlp.leaders import default_gazetteer
from diplonlp.leaders.titles import NAME_GAP, grammar
from diplonlp.leaders.variants import consonants, skeleton, spelling_variants, word_skeleton
from diplonlp.normalize import normalize

HERE = Path(__file__).parent


def _phrase(text: str, language: str) -> str:
    return "".join(skeleton(w, language) for w in normalize(text, language).text.split())  # type: ignore[arg-type]


@pytest.mark.parametrize(("language", "a", "b"), [
    ("fa", "ولادیمیر پوتین", "ولادیمیر پوتن"),       # a long vowel written or not
    ("fa", "جورج بوش", "جرج بوش"),
    ("fa", "مایک پمپئو", "مایک پومپئو"),
    ("fa", "امامعلی رحمان", "امام علی رحمان"),        # joined or split
    ("ar", "أنطونيو غوتيريش", "أنطونيو جوتيريش"),    # a foreign g as غ or ج
    ("ar", "أنطونيو غوتيريش", "انطونيو غوتيريش"),    # hamza seats
    ("ar", "عبد العزيز بن سلمان", "عبدالعزيز بن سلمان"),
    ("ar", "فولوديمير زيلينسكي", "فولوديمير زيلنسكي"),  # a long vowel in a long word
])
def test_variants_meet(language: str, a: str, b: str) -> None:
    assert _phrase(a, language) == _phrase(b, language)


@pytest.mark.parametrize(("language", "a", "b"), [
    ("ar", "سعد الحريري", "سعيد الحريري"),      # short Arabic names keep their vowels
    ("ar", "عمر سلمان", "عمر سليمان"),
])
def test_variants_stay_apart(language: str, a: str, b: str) -> None:
    assert _phrase(a, language) != _phrase(b, language)


def test_one_word_names_are_compared_strictly() -> None:
    # a surname alone drops vowels only when enough letters are left
    assert word_skeleton("کوویند", "fa") != word_skeleton("کند", "fa")
    assert word_skeleton("بایار", "fa") != word_skeleton("بار", "fa")
    assert word_skeleton("پومپیو", "fa") == word_skeleton("پمپیو", "fa")
    # the loosest form is for a word a title already ties to one person
    assert consonants("غوتيرش") == consonants("غوتيريش")


def test_spelling_variants_lists_what_the_skeleton_meets() -> None:
    putin = spelling_variants("ولادیمیر پوتین", "fa")
    assert putin[0] == "ولادیمیر پوتین"
    assert {"ولادیمیرپوتین", "ولادیمیر پتن"} <= set(putin)
    guterres = spelling_variants("انطونیو غوتیریش", "ar", most=200)
    assert {"انطونیو جوتیریش", "انطونیو گوتیریش"} <= set(guterres)
    skeletons = {"".join(skeleton(w, "ar") for w in v.split()) for v in guterres}
    assert len({s for s in skeletons if len(s) > 10}) <= 4  # a few forms, not a blow-up
    for variant in putin:
        assert _phrase(variant, "fa") == _phrase("ولادیمیر پوتین", "fa")


def _negative_passages() -> list[tuple[str, str]]:
    out = []
    for name in ("passages.jsonl", "news.jsonl"):
        for line in (HERE / name).read_text(encoding="utf-8").splitlines()[1:]:
            case = json.loads(line)
            if case.get("leaders") == []:
                out.append((case["lang"], case["text"]))
    return out


def test_folding_adds_no_name_on_the_negative_passages() -> None:
    """Every passage that must yield no leader has no name hit either way: the
    folded index finds no more names than the letter-for-letter one (zero)."""
    passages = _negative_passages()
    assert len(passages) >= 15
    g = default_gazetteer()
    for language, text in passages:
        grammar_ = grammar(language, g)  # type: ignore[arg-type]
        spellings = g.names[language]
        exact = PhraseIndex({k: v for k, v in spellings.items() if " " in k})
        index = word_index(normalize(text, language))  # type: ignore[arg-type]
        heads = clitic_heads(language)  # type: ignore[arg-type]
        folded_hits = list(grammar_.names.find(index, heads, NAME_GAP))
        exact_hits = list(exact.find(index, heads, NAME_GAP))
        assert len(folded_hits) == len(exact_hits), text
