"""Numbers, money and percentages: the corpus tables beside this module are run
by the generic runner (tests/corpus.py); here, their size and coverage."""

from __future__ import annotations

from pathlib import Path

from corpus import read_table

HERE = Path(__file__).parent


def test_corpus_size() -> None:
    cases = [c for name in ("numbers.tsv", "money.tsv", "percentages.tsv")
             for c in read_table(HERE / name)]
    rows = sum(max(1, len(rows)) for c in cases for rows in c.expected.values())
    assert rows >= 240
    assert {c.lang for c in cases} == {"fa", "ar"}
