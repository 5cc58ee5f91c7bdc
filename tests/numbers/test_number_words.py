"""Round trip: the words we would write for an integer parse back to it."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from numberwords import arabic, persian

from diplonlp import Pipeline
from diplonlp.numerals import find_numerals

PIPE = Pipeline([])
SAMPLE = [
    *sorted(random.Random(20231126).sample(range(10_001, 10**12), 3000)),
    *(10**6, 10**9, 10**12 - 1, 2 * 10**9, 123_456_789_012, 1_000_001, 2_002_002),
]


def _value(text: str, language: str) -> int | None:
    doc = PIPE.document(text, language=language)  # type: ignore[arg-type]
    found = find_numerals(doc)
    if len(found) != 1 or (found[0].start, found[0].end) != (0, len(text)):
        return None
    return int(found[0].value)


@pytest.mark.parametrize(("language", "writer"), [("fa", persian), ("ar", arabic)])
def test_every_integer_to_ten_thousand(language: str, writer: Callable[[int], str]) -> None:
    wrong = [(n, writer(n)) for n in range(10_001) if _value(writer(n), language) != n]
    assert wrong[:5] == []


@pytest.mark.parametrize(("language", "writer"), [("fa", persian), ("ar", arabic)])
def test_sample_to_a_trillion(language: str, writer: Callable[[int], str]) -> None:
    wrong = [(n, writer(n)) for n in SAMPLE if _value(writer(n), language) != n]
    assert wrong[:5] == []


def test_writers_write_what_news_writes() -> None:
    assert persian(2500) == "دو هزار و پانصد"
    assert persian(1_500_000) == "یک میلیون و پانصد هزار"
    assert arabic(25) == "خمسة وعشرون"
    assert arabic(3000) == "ثلاثة آلاف"
    assert arabic(2_000_000_000) == "ملياران"
