"""Telling Persian from Arabic, from letters and function words.

Letters that only one language writes count for it (Persian پ چ ژ گ, Arabic
ة إ أ ؤ) and function words count more ("است", "را", "که" / "في", "التي",
"الذي"). Words are compared after folding Arabic yeh and kaf into the Persian
letters, so Persian written with Arabic ي and ك (older archives, many wire
feeds) still shows "که", "این", "می" and is read as Persian; the Arabic yeh and
kaf themselves are no evidence. Only the first 20,000 characters are read,
so the cost does not grow with very long texts. A text with no evidence
either way (empty, Latin-only, numbers only) is reported as Persian.
"""

from __future__ import annotations

import functools
from typing import Any

from diplonlp._resources import load_json
from diplonlp.errors import InvalidOptionError
from diplonlp.model import LANGUAGES, Language

SAMPLE = 20_000
_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})


@functools.lru_cache(maxsize=1)
def _word_re() -> Any:
    import regex

    return regex.compile(r"[\p{Arabic}]+")


@functools.lru_cache(maxsize=1)
def _cues() -> dict[Language, tuple[str, str, frozenset[str]]]:
    data = load_json("language", "cues.json")
    return {
        lang: (data[lang]["strong_letters"], data[lang]["weak_letters"],
               frozenset(w.translate(_FOLD) for w in data[lang]["words"]))
        for lang in LANGUAGES
    }


@functools.lru_cache(maxsize=1)
def _weights() -> tuple[int, int]:
    data = load_json("language", "cues.json")
    return int(data["letter_weight"]), int(data["word_weight"])


def language_scores(text: str) -> dict[Language, int]:
    """The evidence for each language in (the start of) ``text``."""
    sample = text[:SAMPLE]
    letter_weight, word_weight = _weights()
    cues = _cues()
    scores: dict[Language, int] = {}
    for lang, (strong, weak, _words) in cues.items():
        scores[lang] = (letter_weight * sum(sample.count(c) for c in strong)
                        + sum(sample.count(c) for c in weak))
    fa_words, ar_words = cues["fa"][2], cues["ar"][2]
    for word in _word_re().findall(sample.replace("\u200c", " ").translate(_FOLD)):
        if word in fa_words:
            scores["fa"] += word_weight
        elif word in ar_words:
            scores["ar"] += word_weight
    return scores


def detect_language(text: str) -> Language:
    """``"fa"`` or ``"ar"``: the language with more evidence (``"fa"`` on a tie)."""
    scores = language_scores(text)
    return "ar" if scores["ar"] > scores["fa"] else "fa"


def check_language(value: object) -> Language:
    """Validate a user-supplied language code."""
    if value not in LANGUAGES:
        raise InvalidOptionError("E401", allowed=", ".join(LANGUAGES), value=value)
    return value
