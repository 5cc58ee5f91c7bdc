"""Spelling variants of names, generated rather than listed by hand.

News spells one name many ways. The normaliser already folds what is a
matter of script (ي/ی/ى, ك/ک, ة/ه, the hamza seats of alef, marks, ZWNJ);
what is left is transliteration, folded here into a *skeleton* that the
gazetteer's spellings and the text's words are both reduced to:

* a foreign g written ج, غ or گ ("جوتيريش" / "غوتيريش" / "گوترش"), and
  once a title has pinned the person, ك or ق as well ("لاكارد");
* doubled letters written once ("مکرون" / "ماکرون" keep their alef, but
  "ترامپ" / "ترامّپ", "بوتّين");
* in Persian, a long vowel و or ی written or not inside a word ("پوتین" /
  "پوتن", "جورج" / "جرج", "پومپئو" / "پمپئو"); Arabic only in long words
  ("غوتيريش" / "غوتيرش"), since short ones are told apart by them (سعد /
  سعيد, سلمان / سليمان);
* words joined or split ("عبدالعزیز" / "عبد العزیز", "امامعلی" / "امام علی",
  "بنكيران" / "بن كيران") and hyphens: names are compared by their letters
  alone;
* the divine name written with its long vowel ("عبد الإلاه" / "عبد الإله").

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
_LOOSE_G_LETTERS = str.maketrans({"غ": "ج", "گ": "ج", "ي": "ی", "ك": "ج", "ک": "ج", "ق": "ج",
                                  "ى": "ی"})
_DOUBLE = regex.compile(r"(\p{L})\1+")


def _first_of_run(m: regex.Match[str]) -> str:
    return m.group(1)


def _undouble(word: str) -> str:
    """A run of one letter written once ("الله" stays: no letter is doubled
    there once folded; "مکّه" → the shadda is gone already)."""
    return _DOUBLE.sub(_first_of_run, word)
_MEDIAL_VOWEL = regex.compile(r"[وی]")  # applied to a word's inner letters
_NOT_LETTER = regex.compile(r"[^\p{L}]+")
_ALL_VOWELS = regex.compile(r"[اویي]")


#: an Arabic word of a name drops its long vowels only from this length on:
#: foreign names vary ("غوتيريش" / "غوتيرش"), short Arabic ones are told
#: apart by them (سعد / سعيد, سلمان / سليمان)
ARABIC_VOWELS_FROM = 7
#: ... and not in the parts of a compound, which news writes joined or split
#: ("عبدالعزيز" / "عبد العزيز", Maghrebi "بنكيران" / "بن كيران"), nor after
#: the article: both ways must fold alike
_ARABIC_COMPOUND_HEADS = ("عبد", "ابو", "ال", "بن")
_ARABIC_COMPOUND_TAILS = ("الله", "الدین", "الدین")

#: a one-word name is compared by its skeleton only when that keeps at least
#: this many letters; shorter ones would meet common words ("بایار" is not
#: "بار", "کوویند" is not "کند"), so they are compared letter for letter
SHORT_SKELETON_FROM = 4


@functools.lru_cache(maxsize=65_536)
def skeleton(word: str, language: Language) -> str:
    """The skeleton of one normalised word of a name of several words (see the
    module docstring)."""
    folded = _NOT_LETTER.sub("", word).translate(_G_LETTERS)
    if language == "ar" and folded.endswith("الالاه"):
        folded = folded[:-2] + "ه"  # "عبد الإلاه" is "عبد الإله"
    if _drops_vowels(folded, language):
        folded = folded[0] + _MEDIAL_VOWEL.sub("", folded[1:-1]) + folded[-1]
    return _undouble(folded)


def _drops_vowels(word: str, language: Language) -> bool:
    """Whether a word's inner long vowels are left out of its skeleton."""
    if language == "fa":
        return len(word) >= 4
    return (len(word) >= ARABIC_VOWELS_FROM and not word.startswith(_ARABIC_COMPOUND_HEADS)
            and not word.endswith(_ARABIC_COMPOUND_TAILS))


@functools.lru_cache(maxsize=65_536)
def consonants(word: str) -> str:
    """A word's letters without its inner long vowels (ا و ی ي), g-letters
    folded, with ك and ق among them (the Maghrebi and Gulf press write a
    foreign g so: "لاكارد", "قوتيريش"): the loosest comparison, for a word
    already pinned to one person ("غوتيرش" and "غوتيريش" once a title says
    whose name it is)."""
    folded = _NOT_LETTER.sub("", word).translate(_LOOSE_G_LETTERS)
    if len(folded) > 2:
        folded = folded[0] + _ALL_VOWELS.sub("", folded[1:-1]) + folded[-1]
    return _undouble(folded)


@functools.lru_cache(maxsize=65_536)
def word_skeleton(word: str, language: Language) -> str:
    """The skeleton of a one-word name (a surname alone), when it keeps at
    least :data:`SHORT_SKELETON_FROM` letters; else the word's letters."""
    letters = _NOT_LETTER.sub("", word)
    folded = skeleton(letters, language)
    if len(folded) >= SHORT_SKELETON_FROM:
        return folded
    return _undouble(letters.translate(_G_LETTERS))


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
        for form in list(forms):
            if _drops_vowels(form.translate(_G_LETTERS), language):
                forms.add(form[0] + _MEDIAL_VOWEL.sub("", form[1:-1].translate(_G_LETTERS))
                          + form[-1])
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


__all__ = ["SHORT_SKELETON_FROM", "consonants", "skeleton", "spelling_variants", "word_skeleton"]
