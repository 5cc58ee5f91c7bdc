"""The same forms embedded in running wire-style text, offsets checked."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
import regex

import diplonlp
from conftest import DATA

PASSAGES = [
    json.loads(line)
    for line in (DATA / "passages" / "passages.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def _span(text: str, surface: str, seen: dict[str, int]) -> tuple[int, int]:
    """The next whole-word occurrence of ``surface``."""
    before = r"(?<![\p{N}])" if surface[0].isdigit() else r"(?<![\p{L}\p{N}])"
    pattern = regex.compile(rf"{before}{regex.escape(surface)}(?![\p{{L}}\p{{N}}])")
    m = pattern.search(text, seen.get(surface, 0))
    assert m is not None, surface
    seen[surface] = m.start() + 1
    return m.start(), m.end()


@pytest.mark.parametrize("case", PASSAGES, ids=[p["text"][:30] for p in PASSAGES])
def test_passage(case: dict[str, Any]) -> None:
    text = case["text"]
    ref = dt.date.fromisoformat(case["ref"]) if case["ref"] else None
    article = diplonlp.parse_article(text, language=case["lang"], reference_date=ref)
    for m in article.mentions():
        assert text[m.start : m.end] == m.text
    seen: dict[str, int] = {}
    want_dates = [(*_span(text, s, seen), v) for s, v in case["dates"]]
    assert [(d.start, d.end, d.value) for d in article.dates] == sorted(want_dates)
    seen = {}
    want_money = [
        (*_span(text, s, seen), Decimal(a), c, q) for s, a, c, q in case["money"]
    ]
    got_money = [(m.start, m.end, m.amount, m.currency, m.qualifier) for m in article.money]
    assert got_money == sorted(want_money)
    seen = {}
    want_pct = [(*_span(text, s, seen), Decimal(v)) for s, v in case["percentages"]]
    assert [(p.start, p.end, p.value) for p in article.percentages] == sorted(want_pct)
    seen = {}
    want_num = [(*_span(text, s, seen), Decimal(v)) for s, v in case["numbers"]]
    assert [(n.start, n.end, n.value) for n in article.numbers] == sorted(want_num)
