"""What money and percentages share: qualifiers and ranges around numerals.

A *qualifier* is read from the words right before the amount ("تقریباً",
"أكثر من", with Arabic clitics: "بنحو", "وبأكثر من"). A *range* is two
numerals joined by a range word ("۲ تا ۳", "من 100 إلى 200", "بين 5 و7",
"2-3"); its lower end takes the upper end's scale when it has none ("2-3
مليار" is 2 to 3 billion).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal

import regex
from attrs import frozen

from diplonlp._resources import load_json
from diplonlp._text import NOT_LETTER_BEFORE, alternation, clitic_prefix, lexeme
from diplonlp.model import Language, Qualifier
from diplonlp.numerals import Numeral, tidy

_WINDOW = 40
_QUALIFIERS: tuple[Qualifier, ...] = ("approx", "more_than", "less_than", "at_least", "at_most")


def _alternation(words: Sequence[str], language: Language) -> str:
    return alternation((lexeme(w, language) for w in words), space=r"\s++")


@functools.lru_cache(maxsize=2)
def _qualifier_re(language: Language) -> regex.Pattern[str]:
    data = load_json("money", "qualifiers.json")[language]
    groups = "|".join(f"(?P<{q}>{_alternation(data[q], language)})" for q in _QUALIFIERS)
    clitics = clitic_prefix(language)
    return regex.compile(rf"(?:^|{NOT_LETTER_BEFORE}){clitics}(?:{groups})\s*+$")


@functools.lru_cache(maxsize=2)
def _range_res(language: Language) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    data = load_json("money", "qualifiers.json")[language]
    to_words = _alternation([w for w in data["range_to"] if w != "و"], language)
    joiner = regex.compile(rf"\s*+(?:(?P<to>{to_words})|(?P<and>و))\s*+")
    clitics = clitic_prefix(language)
    from_words = _alternation(data["range_from"], language)
    opener = regex.compile(rf"(?:^|{NOT_LETTER_BEFORE}){clitics}(?P<from>{from_words})\s*+$")
    return joiner, opener


def qualifier_before(text: str, pos: int, language: Language) -> tuple[Qualifier, int] | None:
    """The qualifier ending right before ``pos`` and where it starts."""
    start = max(0, pos - _WINDOW)
    m = _qualifier_re(language).search(text[start:pos])
    if m is None:
        return None
    for q in _QUALIFIERS:
        if m.group(q) is not None:
            return q, start + m.start()
    return None  # pragma: no cover


@functools.lru_cache(maxsize=2)
def _alternative_re(language: Language) -> regex.Pattern[str]:
    data = load_json("money", "qualifiers.json")[language]
    words = _alternation(data["alternative"], language)
    even = _alternation(data["alternative_even"], language)
    return regex.compile(rf"\s*+(?:{words})\s++(?:(?:{even})\s++)?")


def alternative_after(
    text: str, numerals: Sequence[Numeral], index: int, language: Language
) -> Numeral | None:
    """The numeral that ``numerals[index]`` is an alternative to ("هشت یا حتی
    دوازده میلیارد یورو", "خمسة أو ستة في المئة"): the next one, joined by
    "or" (and "even", "perhaps"); None if there is none."""
    if index + 1 >= len(numerals):
        return None
    num, nxt = numerals[index], numerals[index + 1]
    if _alternative_re(language).fullmatch(text, num.norm_end, nxt.norm_start) is None:
        return None
    return nxt


@frozen
class Range:
    low: Numeral
    low_value: Decimal


def range_before(
    text: str, numerals: Sequence[Numeral], index: int, language: Language
) -> Range | None:
    """When ``numerals[index]`` is the upper end of a range, its lower end."""
    if index == 0:
        return None
    cur, prev = numerals[index], numerals[index - 1]
    if cur.value < 0 or prev.value < 0:
        return None
    joiner, opener = _range_res(language)
    m = joiner.fullmatch(text, prev.norm_end, cur.norm_start)
    if m is None:
        return None
    if m.group("and") is not None:
        window = text[max(0, prev.norm_start - _WINDOW) : prev.norm_start]
        if not opener.search(window):
            return None  # "2 و 3" alone is two numbers; "بين 2 و3" is a range
    low = prev.value
    if prev.scale is None and cur.scale is not None and low < cur.scale:
        low *= cur.scale
    if low >= cur.value:
        return None
    return Range(prev, low)


@frozen
class Widened:
    """An amount with its range and qualifier applied."""

    value: Decimal
    start: int
    max: Decimal | None
    qualifier: Qualifier


def widen(
    text: str,
    numerals: Sequence[Numeral],
    index: int,
    language: Language,
    *,
    value: Decimal,
    start: int,
    used_until: int,
    factor: Decimal = Decimal(1),
) -> Widened:
    """Apply a range ending at ``numerals[index]`` and the qualifier before it."""
    top = None
    rng = range_before(text, numerals, index, language)
    if rng is not None and rng.low.norm_start >= used_until:
        top = value
        value = rng.low_value * factor
        start = min(start, rng.low.norm_start)
    found = qualifier_before(text, start, language)
    return Widened(tidy(value), start, None if top is None else tidy(top),
                   found[0] if found is not None else "exact")
