"""Percentages: a numeral with درصد / در صد / ٪ / % / بالمئة / في المئة.

The sign may also stand before the number ("%20", as Arabic text often puts
it). Qualifiers and ranges work as for money ("بين 5 و7 في المئة" gives
value 5 and max 7). A percentage is never money.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from diplonlp._amounts import alternative_after, widen
from diplonlp._resources import load_json
from diplonlp._text import NOT_LETTER_AFTER, alternation, lexeme
from diplonlp.model import Language, PercentageMention
from diplonlp.numerals import Numeral
from diplonlp.pipeline import BaseExtractor, Document


@functools.lru_cache(maxsize=2)
def _res(language: Language) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    data = load_json("percentages", "words.json")[language]

    def alt(words: list[str]) -> str:
        return alternation(lexeme(w, language) for w in words)

    after = regex.compile(rf"\s{{0,2}}(?:{alt(data['after'])})(?:ی)?{NOT_LETTER_AFTER}")
    before = regex.compile(rf"(?<!\d)(?:{alt(data['before'])})\s?$")
    return after, before


def find_percentages(doc: Document) -> Iterator[PercentageMention]:
    text = doc.norm
    language = doc.language
    after, before = _res(language)
    numerals = [n for n in doc.get("_numerals") if isinstance(n, Numeral)]
    used_until = -1
    for i, num in enumerate(numerals):
        if num.norm_start < used_until:
            continue
        m = after.match(text, num.norm_end, num.norm_end + 80)
        if m is not None:
            start, end = num.norm_start, m.end()
        else:
            b = before.search(text, max(0, num.norm_start - 2), num.norm_start)
            nxt = alternative_after(text, numerals, i, language) if b is None else None
            if nxt is not None and after.match(text, nxt.norm_end, nxt.norm_end + 80):
                start, end = num.norm_start, num.norm_end  # "سه یا چهار درصد": the first
            elif b is None:
                continue
            else:
                start, end = b.start(), num.norm_end
        w = widen(text, numerals, i, language, value=num.value, start=start,
                  used_until=used_until)
        used_until = end
        yield doc.mention(
            PercentageMention, w.start, end, value=w.value, qualifier=w.qualifier, max=w.max
        )


class PercentageExtractor(BaseExtractor):
    """``percentages``: 18.3 for "۱۸٫۳ درصد"."""

    name = "percentages.v1"
    produces = "percentages"
    requires = ("_numerals",)

    def extract(self, doc: Document) -> Iterator[PercentageMention]:
        return find_percentages(doc)


__all__ = ["PercentageExtractor", "find_percentages"]
