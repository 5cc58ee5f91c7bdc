"""Table-driven tests for numbers, money and percentages (tests/data/numbers/)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest

import diplonlp
from conftest import DATA, read_tsv
from diplonlp.model import Article

ROOT = DATA / "numbers"


def _grouped(name: str) -> list[tuple[str, str, list[list[str]]]]:
    groups: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    for row in read_tsv(ROOT / name):
        groups[(row[0], row[1])].append(row[2:])
    return [(lang, text, rows) for (lang, text), rows in groups.items()]


def _parse(lang: str, text: str) -> Article:
    article = diplonlp.parse_article(text, language=lang)  # type: ignore[arg-type]
    for m in article.mentions():
        assert text[m.start : m.end] == m.text
    return article


def _expected_offsets(text: str, surface: str) -> tuple[int, int]:
    start = text.index(surface)
    return start, start + len(surface)


NUMBER_CASES = _grouped("numbers.tsv")
MONEY_CASES = _grouped("money.tsv")
PERCENT_CASES = _grouped("percentages.tsv")


def test_corpus_size() -> None:
    rows = sum(len(r) for _, _, r in NUMBER_CASES + MONEY_CASES + PERCENT_CASES)
    assert rows >= 240
    langs = {lang for lang, _, _ in NUMBER_CASES + MONEY_CASES + PERCENT_CASES}
    assert langs == {"fa", "ar"}


@pytest.mark.parametrize(
    ("lang", "text", "rows"), NUMBER_CASES, ids=[t for _, t, _ in NUMBER_CASES]
)
def test_numbers(lang: str, text: str, rows: list[list[str]]) -> None:
    found = [(m.start, m.end, m.text, m.value) for m in _parse(lang, text).numbers]
    if rows[0][0] == "-":
        assert found == []
        return
    expected = [(*_expected_offsets(text, s), s, Decimal(v)) for s, v, *_ in rows]
    assert found == sorted(expected)


@pytest.mark.parametrize(("lang", "text", "rows"), MONEY_CASES, ids=[t for _, t, _ in MONEY_CASES])
def test_money(lang: str, text: str, rows: list[list[str]]) -> None:
    found = [
        (m.start, m.end, m.text, m.amount, m.currency, m.qualifier, m.max)
        for m in _parse(lang, text).money
    ]
    if rows[0][0] == "-":
        assert found == []
        return
    expected = []
    for s, amount, currency, qualifier, *rest in rows:
        top = Decimal(rest[0]) if rest else None
        cur = None if currency == "-" else currency
        expected.append((*_expected_offsets(text, s), s, Decimal(amount), cur, qualifier, top))
    assert found == sorted(expected)


@pytest.mark.parametrize(
    ("lang", "text", "rows"), PERCENT_CASES, ids=[t for _, t, _ in PERCENT_CASES]
)
def test_percentages(lang: str, text: str, rows: list[list[str]]) -> None:
    article = _parse(lang, text)
    found = [(m.start, m.end, m.text, m.value, m.qualifier, m.max) for m in article.percentages]
    if rows[0][0] == "-":
        assert found == []
        return
    expected = []
    for s, value, qualifier, *rest in rows:
        top = Decimal(rest[0]) if rest else None
        expected.append((*_expected_offsets(text, s), s, Decimal(value), qualifier, top))
    assert found == sorted(expected)
    assert article.money == ()  # a percentage is never money
