"""Country names and adjectives in Persian and Arabic, mapped to ISO 3166-1 alpha-2.

Names come from CLDR through babel (loaded on first use) and from
``data/countries/forms.json``, which adds the forms news uses ("الاتحاد
الروسي", "فدراسیون روسیه") and adjectives (Persian "روسی", Arabic nisbas,
whose feminine and definite forms are derived: طاجيكي -> الطاجيكية).
Everything goes through the normaliser, so spelling variants meet.
"""

from __future__ import annotations

import functools
from collections import Counter

import regex

from diplonlp._prefilter import with_joined_keys
from diplonlp._resources import load_json
from diplonlp.model import Language
from diplonlp.normalize import normalize_lexeme

_SKIP_TERRITORIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "XK"})


def _arabic_nisba_forms(stem: str) -> list[str]:
    return [stem, stem + "ة", "ال" + stem, "ال" + stem + "ة"]


@functools.lru_cache(maxsize=2)
def country_lexicon(language: Language) -> dict[str, str]:
    """Normalised name or adjective -> ISO 3166-1 alpha-2 code."""
    from babel import Locale  # slow to import: only when countries are needed

    lex: dict[str, str] = {}
    for code, name in Locale.parse(language).territories.items():
        if len(code) == 2 and code.isalpha() and code not in _SKIP_TERRITORIES:
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
    cities = load_json("countries", "forms.json")["cities"][language]
    found = {normalize_lexeme(c, language): code for c, code in cities.items()}
    return with_joined_keys({**found, **country_lexicon(language)})


@functools.lru_cache(maxsize=2)
def place_lexicon(language: Language) -> dict[str, str]:
    """Normalised capital or main city -> the ISO 3166-1 alpha-2 code of its country."""
    cities = load_json("countries", "forms.json")["cities"][language]
    return {normalize_lexeme(c, language): code for c, code in cities.items()}


_NOT_LETTER = regex.compile(r"[^\p{L}\p{M}]+")
_GAP = regex.compile(r"[^\S\n]*")


@functools.lru_cache(maxsize=2)
def _evidence_index(language: Language) -> tuple[dict[str, str], frozenset[str], int]:
    """Letters-only name -> code, every prefix of those keys, most words in a name."""
    index: dict[str, str] = {}
    words = 1
    for name, code in _evidence(language).items():
        index.setdefault(_NOT_LETTER.sub("", name), code)
        words = max(words, len(name.split()))
    prefixes = frozenset(k[:i] for k in index for i in range(1, len(k) + 1))
    return index, prefixes, words


@functools.lru_cache(maxsize=2)
def _heads(language: Language) -> tuple[str, ...]:
    """What may stand before a name in one word: Arabic clitics (up to two of
    و ف ب ل), then the article; "لل" is ل + the article."""
    if language != "ar":
        return ("",)
    clitics = [""] + list("وفبل") + [a + b for a in "وفبل" for b in "وفبل"]
    heads = [c + art for c in clitics for art in ("", "ال")]
    heads += [c + "ل" for c in clitics if c.endswith("ل")]
    return tuple(sorted(set(heads), key=lambda h: (len(h) > 0, len(h))))


def count_countries(norm_text: str, language: Language) -> Counter[str]:
    """How often each country is named (or one of its main cities) in a normalised
    text: from each word (behind Arabic clitics and the article), the longest run
    of words spelling a known name, found by walking a prefix set, so the cost
    does not grow with the lexicon."""
    from diplonlp._prefilter import words_of

    index, prefixes, most = _evidence_index(language)
    words = words_of(norm_text)
    found: Counter[str] = Counter()
    heads = _heads(language)
    n = len(words)
    i = 0
    while i < n:
        pos, word = words[i]
        step = 1
        for head in heads:
            if head and (not word.startswith(head) or len(word) <= len(head)):
                continue
            joined = word[len(head):]
            if head.endswith("لل"):
                joined = "ال" + joined  # للهند: ل + الهند
            if joined not in prefixes:
                continue
            end = pos + len(word)
            best = (1, index[joined]) if joined in index else None
            for j in range(i + 1, min(n, i + most)):
                npos, nword = words[j]
                longer = joined + nword
                if longer not in prefixes or _GAP.fullmatch(norm_text, end, npos) is None:
                    break
                joined, end = longer, npos + len(nword)
                if joined in index:
                    best = (j - i + 1, index[joined])
            if best is not None:
                found[best[1]] += 1
                step = best[0]
                break
        i += step
    return found


__all__ = ["count_countries", "country_lexicon", "place_lexicon"]
