"""Telling Persian from Arabic, from letters and function words.

Persian-only letters (پ چ ژ گ, keheh ک, Farsi yeh ی) and Arabic-only ones
(teh marbuta ة, Arabic kaf ك and yeh ي, alef maksura ى, hamza-seated alefs)
count once each; frequent function words ("است", "را", "که" / "في", "التي",
"الذي") count three times. Only the first 20,000 characters are read, so the
cost does not grow with very long texts. A text with no evidence either way
(empty, Latin-only, numbers only) is reported as Persian.
"""

from __future__ import annotations

import functools
from typing import Any

from diplonlp._resources import load_json
from diplonlp.errors import InvalidOptionError
from diplonlp.model import LANGUAGES, Language

SAMPLE = 20_000


@functools.lru_cache(maxsize=1)
def _word_re() -> Any:
    import regex

    return regex.compile(r"[\p{Arabic}\u200c]+")


@functools.lru_cache(maxsize=1)
def _cues() -> tuple[str, str, frozenset[str], frozenset[str]]:
    data = load_json("language", "cues.json")
    return (
        data["fa_letters"],
        data["ar_letters"],
        frozenset(data["fa_words"]),
        frozenset(data["ar_words"]),
    )


def language_scores(text: str) -> dict[Language, int]:
    """The evidence for each language in (the start of) ``text``."""
    sample = text[:SAMPLE]
    fa_letters, ar_letters, fa_words, ar_words = _cues()
    fa = sum(sample.count(c) for c in fa_letters)
    ar = sum(sample.count(c) for c in ar_letters)
    for word in _word_re().findall(sample):
        if word in fa_words:
            fa += 3
        elif word in ar_words:
            ar += 3
    return {"fa": fa, "ar": ar}


def detect_language(text: str) -> Language:
    """``"fa"`` or ``"ar"``: the language with more evidence (``"fa"`` on a tie)."""
    scores = language_scores(text)
    return "ar" if scores["ar"] > scores["fa"] else "fa"


def check_language(value: object) -> Language:
    """Validate a user-supplied language code."""
    if value not in LANGUAGES:
        raise InvalidOptionError("E401", allowed=", ".join(LANGUAGES), value=value)
    return value
