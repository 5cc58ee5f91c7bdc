"""Number words of Persian and Arabic (``data/numbers/words.json``), normalised."""

from __future__ import annotations

import functools
from decimal import Context, Decimal, localcontext
from typing import Literal

import regex

from diplonlp._resources import load_json
from diplonlp._text import NOT_LETTER_BEFORE, alternation, lexeme
from diplonlp.model import Language

Kind = Literal[
    "digits", "unit", "teen", "ten", "hundred", "scale", "plural_scale", "dual_scale",
    "fraction", "teen_tail", "point", "negative", "denominator", "ratio",
]
SCALE_KINDS = frozenset({"scale", "plural_scale", "dual_scale"})

#: (kind, value, ambiguous) readings of a word
Reading = tuple[Kind, Decimal, bool]


@functools.lru_cache(maxsize=2)
def number_words(language: Language) -> dict[str, tuple[Reading, ...]]:
    """Normalised number word -> its readings (Arabic عشرة is 10 or the tail of 13-19)."""
    data = load_json("numbers", "words.json")[language]
    lex: dict[str, list[Reading]] = {}
    for entry in data.values():
        for word in entry["words"]:
            lex.setdefault(lexeme(word, language), []).append(
                (entry["kind"], _value(entry["value"]), bool(entry.get("ambiguous")))
            )
    return {k: tuple(v) for k, v in lex.items()}


def _value(written: str) -> Decimal:
    """A lexicon value: a decimal, or a ratio ("1/3") to 28 digits."""
    if "/" not in written:
        return Decimal(written)
    top, bottom = written.split("/")
    with localcontext(Context(prec=28)):
        return Decimal(top) / Decimal(bottom)


@functools.lru_cache(maxsize=2)
def ordinal_heads_re(language: Language) -> regex.Pattern[str] | None:
    """Arabic ordinal heads ("الحادية"): the teen after one is an ordinal."""
    words = load_json("numbers", "words.json").get("ordinal_heads", {}).get(language, [])
    if not words:
        return None
    alt = alternation(lexeme(w, language) for w in words)
    return regex.compile(rf"{NOT_LETTER_BEFORE}(?:ال)?(?:{alt})\s++$")


__all__ = ["SCALE_KINDS", "Kind", "Reading", "number_words", "ordinal_heads_re"]
