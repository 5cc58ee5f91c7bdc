"""Country names and adjectives in Persian and Arabic, mapped to ISO 3166-1 alpha-2.

Names come from CLDR (the snapshot in ``data/cldr/names.json``, made by
``tools/build_cldr.py``) and from
``data/countries/forms.json``, which adds the forms news uses ("الاتحاد
الروسي", "فدراسیون روسیه") and adjectives (Persian "روسی", Arabic nisbas,
whose feminine and definite forms are derived: طاجيكي -> الطاجيكية).
Everything goes through the normaliser, so spelling variants meet.
"""

from __future__ import annotations

import functools
from collections import Counter

import regex

from diplonlp._prefilter import Indexed, PhraseIndex
from diplonlp._resources import load_json
from diplonlp._text import clitic_heads, with_joined_keys
from diplonlp.model import Language
from diplonlp.normalize import normalize_lexeme


def _arabic_nisba_forms(stem: str) -> list[str]:
    return [stem, stem + "ة", "ال" + stem, "ال" + stem + "ة"]


@functools.lru_cache(maxsize=2)
def country_lexicon(language: Language) -> dict[str, str]:
    """Normalised name or adjective -> ISO 3166-1 alpha-2 code."""
    lex: dict[str, str] = {}
    for code, name in load_json("cldr", "names.json")["territories"][language].items():
        lex[normalize_lexeme(name, language)] = code
    data = load_json("countries", "forms.json")
    for code, forms in data[language].items():
        for name in forms["names"]:
            lex[normalize_lexeme(name, language)] = code
        for adjective in forms["adjectives"]:
            variants = _arabic_nisba_forms(adjective) if language == "ar" else [adjective]
            for v in variants:
                lex[normalize_lexeme(v, language)] = code
    for word in data["exclude"][language]:
        lex.pop(normalize_lexeme(word, language), None)
    return with_joined_keys(lex)


@functools.lru_cache(maxsize=2)
def _evidence(language: Language) -> dict[str, str]:
    """Names and adjectives, plus capitals and main cities (evidence only)."""
    return with_joined_keys({**place_lexicon(language), **country_lexicon(language)})


@functools.lru_cache(maxsize=2)
def place_lexicon(language: Language) -> dict[str, str]:
    """Normalised capital or main city -> the ISO 3166-1 alpha-2 code of its country."""
    cities = load_json("countries", "forms.json")["cities"][language]
    return {normalize_lexeme(c, language): code for c, code in cities.items()}


_GAP = regex.compile(r"[^\S\n]*+")  # words of one name: on one line


@functools.lru_cache(maxsize=2)
def _evidence_index(language: Language) -> PhraseIndex[str]:
    return PhraseIndex(_evidence(language))


def count_countries(norm_text: Indexed, language: Language) -> Counter[str]:
    """How often each country is named (or one of its main cities) in a normalised
    text, also behind Arabic clitics and the article (a :class:`PhraseIndex`
    walk: the cost does not grow with the lexicon)."""
    index = _evidence_index(language)
    heads = clitic_heads(language, article=True)
    return Counter(code for _s, _e, code in index.find(norm_text, heads, _GAP))


__all__ = ["count_countries", "country_lexicon", "place_lexicon"]
