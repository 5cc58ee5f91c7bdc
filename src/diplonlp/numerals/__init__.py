"""Cardinal numbers written in digits, in words, or both, in Persian and Arabic.

:class:`NumeralExtractor` finds every cardinal in the normalised text and
puts it in the scratch dimension ``_numerals`` (money and percentages build on
it); :class:`NumberExtractor` later lists, under ``numbers``, the ones that are
not part of a date, an amount of money or a percentage.

Digits (after the normaliser has made every script ASCII):

* grouping with ``,`` or ``٬`` (``12,500``), with ``.`` when there are two or
  more groups of three (``1.500.000``), and with a thin or no-break space
  between groups of three (``12 500``);
* decimals with ``.`` or ``٫``; a comma followed by one or two digits is a
  decimal comma (``220,74``); the Persian slash decimal (``۱/۵``) only right
  before a scale word (``۱/۵ میلیارد``); the wire-service ``ر`` decimal, whose
  parts are written swapped (``4ر546`` is 546.4);
* **dot with exactly three digits after it** (``715.000``) is a thousands
  separator, except right before a scale word, where it is a decimal point
  (``1.500 مليار`` is 1.5 billion);
* not numbers: digits glued to Latin letters or joined to a word by a hyphen
  (``COVID-19``, ``F-16``, ``کاسا-۱۰۰۰``), ordinals (``۲۰مین``, ``الـ30``),
  date-like and time-like runs (``26.01.2022``, ``08:55``: the date extractor
  reads those), phone numbers and zero-led identifiers.

Layout: :mod:`.lexicon` (number words), :mod:`.tokens` (digit runs and
words), :mod:`.builder` (the grammar joining tokens), :mod:`.extractor`.

Words: units, teens, tens and hundreds, scale words (singular, Arabic plural
and dual, the dual in construct: ``ملياري دولار`` is 2 billion), spaced
hundreds (``چهار صد``, ``أربعة مئة`` are 400), Dari ``دو صد``, fractions
after a count (``یک و نیم میلیارد``) or after the scale (``مليار ونصف``),
mixed forms (``۲ هزار``, ``3.5 مليون``) and Arabic clitics glued to the
number (``بـ600``, ``وملياري``). The parts of a number must come in
descending order (``بیست و پنج``; Arabic also ``خمسة وعشرون``), so two
separate numbers joined by "و" stay two numbers.
"""

from diplonlp.numerals.extractor import (
    NumberExtractor,
    Numeral,
    NumeralExtractor,
    SpanIndex,
    find_numerals,
    tidy,
)
from diplonlp.numerals.lexicon import number_words
from diplonlp.numerals.tokens import tokens

__all__ = [
    "NumberExtractor",
    "Numeral",
    "NumeralExtractor",
    "SpanIndex",
    "find_numerals",
    "number_words",
    "tidy",
    "tokens",
]
