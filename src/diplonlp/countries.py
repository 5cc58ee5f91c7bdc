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

from diplonlp._cache import kept_on_disk
from diplonlp._prefilter import Indexed, PhraseIndex, index_of
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
    """Names and adjectives, plus capitals and main cities (evidence only; not
    the cities whose names are common words: "دوشنبه" is Monday)."""
    dateline_only = {normalize_lexeme(w, language)
                     for w in load_json("countries", "forms.json")["dateline_only"][language]}
    places = {k: v for k, v in place_lexicon(language).items() if k not in dateline_only}
    return with_joined_keys({**places, **country_lexicon(language)})


@functools.lru_cache(maxsize=2)
def place_lexicon(language: Language) -> dict[str, str]:
    """Normalised capital or main city -> the ISO 3166-1 alpha-2 code of its country."""
    cities = load_json("countries", "forms.json")["cities"][language]
    return {normalize_lexeme(c, language): code for c, code in cities.items()}


_GAP = regex.compile(r"[^\S\n]*+")  # words of one name: on one line


@functools.lru_cache(maxsize=2)
@kept_on_disk("country-evidence")
def _evidence_index(language: Language) -> PhraseIndex[str]:
    return PhraseIndex(_evidence(language))


def count_countries(norm_text: Indexed, language: Language) -> Counter[str]:
    """How often each country is named (or one of its main cities) in a normalised
    text, also behind Arabic clitics and the article (a :class:`PhraseIndex`
    walk: the cost does not grow with the lexicon)."""
    index = _evidence_index(language)
    heads = clitic_heads(language, article=True)
    return Counter(code for _s, _e, code in index.find(norm_text, heads, _GAP))


_DATELINE = regex.compile(r"\A[^\S\n]*+(?P<city>[\p{L}\p{M}][\p{L}\p{M} ]{1,30}?)[^\S\n]*+"
                          r"(?:[،,(\-–—/:]|\n)")


@functools.lru_cache(maxsize=2)
def _agencies(language: Language) -> PhraseIndex[str]:
    data = load_json("countries", "forms.json")["news_agencies"][language]
    return PhraseIndex(with_joined_keys({" ".join(normalize_lexeme(k, language).split()): v
                                         for k, v in data.items() if not k.startswith("_")}))


def dateline_country(text: str, language: Language) -> str | None:
    """The country of the city a story opens with, before a dateline mark
    ("الرباط (ومع) –", "تهران - ایرنا -", "دوشنبه، 26.01.2022")."""
    for line in text[:160].split("\n")[:3]:
        m = _DATELINE.match(line + "\n")
        if m is None:
            continue
        code = place_lexicon(language).get(" ".join(m.group("city").split()))
        if code is not None:
            return code
    return None


def outlet_country(index: Indexed, language: Language) -> str | None:
    """The country of the first news agency the story credits (ایرنا، واس، ومع)."""
    for _start, _end, code in _agencies(language).find(index, clitic_heads(language), _GAP):
        return code
    return None


def story_country(index: Indexed, language: Language,
                  evidence: Counter[str] | None = None) -> str | None:
    """The country a story is about: its dateline city's, else the one it names
    most (names, adjectives, cities), else (none named, or a tie) the country
    of the agency it credits when that is among the first, else none.
    ``evidence`` adds what else points at a country (the leaders stage counts
    the office-holders the story names in full)."""
    found = dateline_country(index_of(index).text, language)
    if found is not None:
        return found
    counts = count_countries(index, language)
    if evidence:
        counts.update(evidence)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        # none named, or a tie: the outlet's country if it is among the first
        outlet = outlet_country(index, language)
        if outlet is not None and (not ranked or counts[outlet] == ranked[0][1]):
            return outlet
        return None
    return ranked[0][0]


__all__ = [
    "count_countries",
    "country_lexicon",
    "dateline_country",
    "outlet_country",
    "place_lexicon",
    "story_country",
]
