from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import unescape
from diplonlp._resources import load_json
from diplonlp.normalize import CharStep, Normalizer, normalize, normalize_lexeme

#: language, class, input, expected normalised text (\uXXXX escapes allowed)
CASES = [
    line.split("\t")
    for line in (Path(__file__).parent / "cases.tsv").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 60
    assert {c[0] for c in CASES} == {"fa", "ar"}


@pytest.mark.parametrize(("lang", "label", "raw", "expected"), CASES, ids=[c[1] for c in CASES])
def test_normalised_text(lang: str, label: str, raw: str, expected: str) -> None:
    text = unescape(raw)
    norm = normalize(text, lang)  # type: ignore[arg-type]
    assert norm.text == unescape(expected), label


@pytest.mark.parametrize(("lang", "label", "raw", "expected"), CASES, ids=[c[1] for c in CASES])
def test_every_normalised_character_maps_into_the_original(
    lang: str, label: str, raw: str, expected: str
) -> None:
    text = unescape(raw)
    norm = normalize(text, lang)  # type: ignore[arg-type]
    for i in range(len(norm.text)):
        start, end = norm.span_to_original(i, i + 1)
        assert 0 <= start < end <= len(text)
        # the original character(s) normalise to something holding this character
        assert norm.text[i] in normalize(text[start:end], lang).text  # type: ignore[arg-type]
    assert norm.to_original(len(norm.text)) <= len(text)


def test_offsets_of_a_word_after_deleted_characters() -> None:
    text = "رئیس\u200cجمهور تاجیـــکستان گفت"
    norm = normalize(text, "fa")
    i = norm.text.index("تاجیکستان")
    start, end, original = norm.original_slice(i, i + len("تاجیکستان"))
    assert original == "تاجیـــکستان"
    assert text[start:end] == original


def test_span_extends_over_trailing_harakat() -> None:
    text = "بلغ مليارٌ دولارٍ"
    norm = normalize(text, "ar")
    i = norm.text.index("دولار")
    assert norm.original_slice(i, i + 5)[2] == "دولارٍ"
    j = norm.text.index("مليار")
    assert norm.original_slice(j, j + 5)[2] == "مليارٌ"


def test_ligature_is_taken_whole() -> None:
    text = "ﻻ يزال"
    norm = normalize(text, "ar")
    assert norm.text.startswith("لا")
    assert norm.original_slice(0, 1)[2] == "ﻻ"
    assert norm.original_slice(1, 2)[2] == "ﻻ"
    assert norm.original_slice(3, 6)[2] == "يزا"


def test_leading_bidi_mark_not_in_span() -> None:
    text = "\u200f۲۰ سپتامبر"
    norm = normalize(text, "fa")
    assert norm.original_slice(0, 2) == (1, 3, "۲۰")


def test_empty_span() -> None:
    norm = normalize("می\u200cکند", "fa")
    assert norm.span_to_original(2, 2) == (3, 3)


def test_out_of_range_index_raises() -> None:
    norm = normalize("abc", "fa")
    with pytest.raises(IndexError):
        norm.to_original(4)
    with pytest.raises(IndexError):
        norm.span_to_original(2, 1)


def test_lexeme_normalised_like_text() -> None:
    expected = normalize("رییس جمهور", "fa").text.replace(" ", "")
    assert normalize_lexeme("رئیس‌جمهور", "fa") == expected
    assert normalize_lexeme("إمام على", "ar") == "امام علي"


def test_custom_steps() -> None:
    step = CharStep("latin_lower", {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
    drop = CharStep("drop_dash", {ord("-"): ""})
    norm = Normalizer([step, drop])("COVID-19")
    assert norm.text == "covid19"
    assert norm.original_slice(5, 7)[2] == "19"


def _version(v: str) -> tuple[int, ...]:
    return tuple(int(x) for x in v.split("."))


def test_digit_table_matches_unicode() -> None:
    """The digit table we ship is checked against the Unicode data it was built
    from (``unicode_version_checked``); an interpreter with older data (Python
    3.10 has Unicode 13) lacks the newest scripts, a newer one may add some."""
    data = load_json("normalize", "chars.json")
    zeros = set(data["digit_zeros"])
    ours = _version(data["unicode_version_checked"])
    here = _version(unicodedata.unidata_version)
    assigned = {z for z in zeros if unicodedata.category(chr(z)) != "Cn"}
    for zero in assigned:
        assert unicodedata.decimal(chr(zero)) == 0
        assert unicodedata.decimal(chr(zero + 9)) == 9
    known = {
        c
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) == "Nd" and unicodedata.decimal(chr(c)) == 0
    }
    if here <= ours:
        # every zero this interpreter knows is ours, and ours that it does not
        # know are scripts newer than its Unicode data
        assert known == assigned
        assert here == ours or zeros - assigned
    else:  # a newer Unicode may add scripts: ours must still be digits there
        assert zeros <= known


def test_every_unicode_digit_becomes_ascii() -> None:
    zeros = load_json("normalize", "chars.json")["digit_zeros"]
    digits = "".join(chr(z + d) for z in zeros for d in range(10))
    assert normalize(digits, "fa").text == "0123456789" * len(zeros)


# --- properties over any str -------------------------------------------------

LANGS = st.sampled_from(["fa", "ar"])
ANY_TEXT = st.text(max_size=200)
ARABIC_SCRIPT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(["\u200c", "\u200d", "\u200f", " ", "\u00a0", "\n", "1", "."]),
    ),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(ANY_TEXT, ARABIC_SCRIPT), LANGS)
def test_offset_map_is_monotonic_and_in_bounds(text: str, lang: str) -> None:
    norm = normalize(text, lang)  # type: ignore[arg-type]
    previous = 0
    for i in range(len(norm.text) + 1):
        o = norm.to_original(i)
        assert 0 <= o <= len(text)
        assert o >= previous
        previous = o
    assert norm.to_original(len(norm.text)) <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(ANY_TEXT, ARABIC_SCRIPT), LANGS)
def test_normalising_twice_equals_once(text: str, lang: str) -> None:
    once = normalize(text, lang).text  # type: ignore[arg-type]
    assert normalize(once, lang).text == once  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.one_of(ANY_TEXT, ARABIC_SCRIPT), LANGS, st.data())
def test_every_mapped_span_slices_the_original_cleanly(
    text: str, lang: str, data: st.DataObject
) -> None:
    norm = normalize(text, lang)  # type: ignore[arg-type]
    n = len(norm.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    ostart, oend, original = norm.original_slice(start, end)
    assert 0 <= ostart <= oend <= len(text)
    assert text[ostart:oend] == original
    # the original slice normalises to a string that contains the normalised span
    assert norm.text[start:end] in normalize(original, lang).text  # type: ignore[arg-type]
