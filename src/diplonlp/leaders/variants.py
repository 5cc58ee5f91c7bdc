"""Spelling variants of names, generated rather than listed by hand.

News spells one name many ways. The normaliser already folds what is a
matter of script (ي/ی/ى, ك/ک, ة/ه, the hamza seats of alef, marks, ZWNJ);
what is left is transliteration, folded here into a *skeleton* that the
gazetteer's spellings and the text's words are both reduced to:

* a foreign g written ج, غ or گ ("جوتيريش" / "غوتيريش" / "گوترش");
* doubled letters written once ("مکرون" / "ماکرون" keep their alef, but
  "ترامپ" / "ترامّپ", "بوتّين");
* in Persian, a long vowel و or ی written or not inside a word ("پوتین" /
  "پوتن", "جورج" / "جرج", "پومپئو" / "پمپئو"); Arabic only in long words
  ("غوتيريش" / "غوتيرش"), since short ones are told apart by them (سعد /
  سعيد, سلمان / سليمان);
* words joined or split ("عبدالعزیز" / "عبد العزیز", "امامعلی" / "امام علی")
  and hyphens: names are compared by their letters alone.

:func:`spelling_variants` lists the spellings a skeleton stands for (a
bounded sample, for inspection and tests); matching itself compares
skeletons, so it costs nothing per variant.
"""

from __future__ import annotations

import functools
import itertools

import regex

from diplonlp.model import Language

_G_LETTERS = str.maketrans({"غ": "ج", "گ": "ج", "ي": "ی", "ك": "ک", "ى": "ی"})
_DOUBLE = regex.compile(r"(\p{L})\1+")
_MEDIAL_VOWEL = regex.compile(r"[وی]")  # applied to a word's inner letters
_NOT_LETTER = regex.compile(r"[^\p{L}]+")


#: an Arabic word of a name drops its long vowels only from this length on:
#: foreign names vary ("غوتيريش" / "غوتيرش"), short Arabic ones are told
#: apart by them (سعد / سعيد, سلمان / سليمان)
ARABIC_VOWELS_FROM = 7

#: a one-word name drops its Persian long vowels only from this length on:
#: shorter ones would meet common words ("بایار" is not "بار")
SHORT_VOWELS_FROM = 6
#: ... and keeps at least this many letters ("کوویند" is not "کند")
SHORT_SKELETON_FROM = 5


@functools.lru_cache(maxsize=65_536)
def skeleton(word: str, language: Language) -> str:
    """The skeleton of one normalised word of a name of several words (see the
    module docstring)."""
    folded = _NOT_LETTER.sub("", word).translate(_G_LETTERS)
    if len(folded) >= (4 if language == "fa" else ARABIC_VOWELS_FROM):
        folded = folded[0] + _MEDIAL_VOWEL.sub("", folded[1:-1]) + folded[-1]
    return _DOUBLE.sub(r"\1", folded)


@functools.lru_cache(maxsize=65_536)
def word_skeleton(word: str, language: Language) -> str:
    """The skeleton of a one-word name (a surname alone): long vowels are
    dropped only from :data:`SHORT_VOWELS_FROM` letters on."""
    letters = _NOT_LETTER.sub("", word)
    if len(letters) >= SHORT_VOWELS_FROM:
        folded = skeleton(letters, language)
        if len(folded) >= SHORT_SKELETON_FROM:
            return folded
    return _DOUBLE.sub(r"\1", letters.translate(_G_LETTERS))


def spelling_variants(name: str, language: Language, *, most: int = 64) -> list[str]:
    """Spellings of ``name`` (normalised) that meet it: at most ``most`` of them,
    the name itself first."""
    words = name.split()
    options: list[list[str]] = []
    for word in words:
        forms = {word}
        for g in "جغگ":
            table = str.maketrans("جغگ", g * 3)
            forms |= {f.translate(table) for f in list(forms)}
        if language == "fa":
            for form in list(forms):
                inner = form[1:-1]
                forms.add(form[0] + _MEDIAL_VOWEL.sub("", inner) + form[-1] if len(form) > 3
                          else form)
        options.append(sorted(forms, key=lambda f: (f != word, f)))
    out: list[str] = []
    for combo in itertools.product(*options):
        for sep in (" ", ""):
            candidate = sep.join(combo)
            if candidate not in out:
                out.append(candidate)
            if len(out) >= most:
                return out
    return out


__all__ = ["SHORT_VOWELS_FROM", "skeleton", "spelling_variants", "word_skeleton"]
