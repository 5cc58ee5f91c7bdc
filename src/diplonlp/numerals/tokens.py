"""Number tokens: digit runs and number words of a normalised text.

A token is one digit run (with its grouping and decimal conventions) or one
number word with the Arabic proclitics glued to it; :mod:`.builder` joins
tokens into numbers.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation

import regex
from attrs import frozen

from diplonlp._prefilter import WordIndex, WordStarts, digit_starts, matches, merged
from diplonlp._text import NOT_WORD_AFTER, NOT_WORD_BEFORE, NUMBER_CLITICS, clitic_prefix
from diplonlp.model import Language
from diplonlp.numerals.lexicon import SCALE_KINDS, Kind, number_words, ordinal_heads_re

_CLITICS = NUMBER_CLITICS
#: a digit run longer than this is no number
MOST_DIGITS = 64
_FA_ORDINAL_SUFFIX = regex.compile(r"(?:امین|مین|ام|م)(?![\p{L}])")


@frozen
class Token:
    start: int
    end: int
    kind: Kind
    value: Decimal
    raw: str
    clitic: str = ""
    ambiguous: bool = False
    #: digits only: "1.500" / "1/5" style forms that change meaning before a scale
    alt_before_scale: Decimal | None = None
    #: other readings of the same word (Arabic عشرة: 10, or the tail of 13-19)
    others: tuple[tuple[Kind, Decimal, bool, str], ...] = ()




_DIGITS = r"""
    (?P<skip>
        \+\d{1,3}(?:[ -]?\d{2,4}){2,5}              # phone with country code
      | \(?0\d{2,3}\)?[ -]\d{3,4}[ -]?\d{3,4}          # local phone
      | 0\d{7,}                                        # zero-led identifier
      | \d{1,2}:\d{2}(?::\d{2})?                       # time
    )
  | (?P<dotk>\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?)          # 1.500.000 (,5)
  | (?P<datelike>\d+(?:[/.\-]\d+){2,})                 # 26.01.2022, 1401/05/12
  | (?P<commalong>\d{1,3},\d{4,})(?![\d,.٬٫])           # 3,14159: a decimal comma
  | (?P<grouped>\d{1,3}(?:[,٬]\d{3})+(?:[.٫]\d+)?)     # 12,500.5 / ۱۲٬۵۰۰
  | (?P<reh>\d+ر\d+)                                   # 4ر546 = 546.4
  | (?P<commadec>\d+,\d{1,2})(?!\d)                    # 220,74
  | (?P<slash>\d+/\d+)                                 # 1/5 (decimal only before a scale)
  | (?P<plain>\d+(?:[.٫]\d+)?)
"""


@functools.lru_cache(maxsize=2)
def _token_re(language: Language) -> regex.Pattern[str]:
    words = sorted(number_words(language), key=len, reverse=True)
    alternation = "|".join(regex.escape(w) for w in words)
    clitic = clitic_prefix(language, letters=_CLITICS, name="clitic", lazy=True)
    pattern = (
        rf"(?P<num>{_DIGITS})"
        rf"|{NOT_WORD_BEFORE}{clitic}(?P<word>{alternation}){NOT_WORD_AFTER}"
    )
    return regex.compile(pattern, regex.VERBOSE)


def _dec(text: str) -> Decimal:
    return Decimal(text.replace("٫", "."))


def _digit_token(m: regex.Match[str]) -> Token | None:
    """A digits token, or None for runs that are not cardinals."""
    if m.group("skip") or m.group("datelike"):
        return None
    raw = m.group("num")
    if len(raw) > MOST_DIGITS:
        return None  # an identifier, a hash: no cardinal is written with so many digits
    start, end = m.span("num")
    alt: Decimal | None = None
    try:
        if m.group("dotk"):
            head, _, dec = raw.partition(",")
            value = Decimal(head.replace(".", "") + ("." + dec if dec else ""))
        elif m.group("grouped"):
            value = _dec(raw.replace(",", "").replace("٬", ""))
        elif m.group("reh"):
            left, right = raw.split("ر")
            value = Decimal(f"{right}.{left}")
        elif m.group("commadec") or m.group("commalong"):
            value = Decimal(raw.replace(",", "."))
        elif m.group("slash"):
            left, right = raw.split("/")
            value = Decimal(left)  # only as a decimal before a scale; see alt
            alt = Decimal(f"{left}.{right}")
            return Token(start, end, "digits", value, raw, alt_before_scale=alt)
        else:
            value = _dec(raw)
            head, sep, tail = raw.partition(".")
            if sep and len(tail) == 3 and len(head) <= 3 and head != "0":
                # 715.000: thousands separator; a decimal point before a scale word
                alt = value
                value = Decimal(head + tail)
    except InvalidOperation:  # pragma: no cover - the pattern only admits digits
        return None
    return Token(start, end, "digits", value, raw, alt_before_scale=alt)


def _digits_context_ok(text: str, start: int, end: int, language: Language) -> tuple[bool, int]:
    """Check what is glued to a digit run; returns (ok, start) where start may
    move left over a minus sign."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if after and (("a" <= after.lower() <= "z") or after == "_" or after.isdigit()):
        return False, start  # glued to Latin letters, or a run longer than was read
    if before and (("a" <= before.lower() <= "z") or before == "_"):
        return False, start
    if before in "-‐" and start >= 2 and (text[start - 2].isalpha() or text[start - 2] in "_"):
        return False, start  # COVID-19, F-16, کاسا-۱۰۰۰
    if before in ".٫/" and start >= 2 and text[start - 2].isdigit():
        return False, start
    if after in ".٫,/" and end + 1 < len(text) and text[end + 1].isdigit():
        return False, start  # part of a longer run the pattern refused
    if language == "fa" and _FA_ORDINAL_SUFFIX.match(text, end, end + 8):
        return False, start  # ۲۰مین, ۵ام: ordinals
    if before.isalpha():
        # letters glued in front: Arabic clitics are fine (بـ600 -> ب600), the
        # article ال is an ordinal (الـ30), anything else is part of a word.
        i = start
        while i > 0 and text[i - 1].isalpha():
            i -= 1
        glued = text[i:start]
        if language == "ar" and len(glued) <= 2 and all(c in _CLITICS for c in glued):
            return True, start
        return False, start
    if before in "-−" and (start < 2 or not text[start - 2].isdigit()):
        prev = text[start - 2] if start >= 2 else " "
        if prev.isspace() or prev in "(":
            j = start - 2
            while j >= 0 and text[j] == " ":
                j -= 1
            if j < 0 or not text[j].isdigit():
                return True, start - 1
    return True, start


def tokens(
    text: str, language: Language, odd_space: Callable[[int], bool] | None = None,
    index: WordIndex | None = None,
) -> Iterator[Token]:
    """Number tokens (digit runs and number words) of a normalised text.

    ``odd_space(i)`` tells whether the space at normalised index ``i`` was a
    thin or no-break space in the original, which groups digits ("۱۲ ۵۰۰").
    """
    lex = number_words(language)
    skip_until = -1
    clitics = _CLITICS if language == "ar" else ""
    starts = merged(digit_starts(text, clitics), _word_starts(language).starts(index or text))
    for m in matches(_token_re(language), text, starts, window=64):
        if m.start() < skip_until:
            continue
        if m.group("num") is not None:
            tok = _digit_token(m)
            if tok is None:
                continue
            ok, start = _digits_context_ok(text, tok.start, tok.end, language)
            if not ok:
                continue
            if start != tok.start:
                tok = Token(start, tok.end, "digits", -tok.value, text[start : tok.end],
                             alt_before_scale=None)
            if odd_space is not None and tok.raw.isdigit() and len(tok.raw) <= 3:
                tok = _space_grouped(text, tok, odd_space)
                skip_until = tok.end
            yield tok
        else:
            word = m.group("word")
            clitic = m.group("clitic")
            # لست, بست: a short word behind a clitic other than و is another word
            short = bool(clitic) and clitic != "و" and len(word) < 4
            readings = [
                (*r, clitic) for r in lex[word] if not (short and r[0] not in _SHORT_OK)
            ]
            if language == "ar" and not clitic and word.startswith("و") and word[1:] in lex:
                # وأحد normalises to واحد: also read it as و + أحد
                readings += [(*r, "و") for r in lex[word[1:]]]
            if not readings or _after_ordinal(text, m.start(), language):
                continue
            kind, value, ambiguous, clitic = readings[0]
            yield Token(m.start(), m.end(), kind, value, word, clitic, ambiguous,
                         others=tuple(readings[1:]))


def _space_grouped(text: str, tok: Token, odd_space: Callable[[int], bool]) -> Token:
    """Extend "12" over thin- or no-break-space groups of three: "12 500 000"."""
    end, digits = tok.end, tok.raw
    while (
        end + 4 <= len(text) and text[end] == " " and text[end + 1 : end + 4].isdigit()
        and (end + 4 == len(text) or not text[end + 4].isdigit()) and odd_space(end)
    ):
        digits += text[end + 1 : end + 4]
        end += 4
    if end == tok.end:
        return tok
    return Token(tok.start, end, "digits", Decimal(digits), text[tok.start : end])




@functools.lru_cache(maxsize=2)
def _word_starts(language: Language) -> WordStarts:
    return WordStarts(number_words(language), clitics=_CLITICS if language == "ar" else "")


_SHORT_OK = SCALE_KINDS | {"hundred", "fraction", "point", "denominator"}


def _after_ordinal(text: str, pos: int, language: Language) -> bool:
    """Arabic "الحادية عشرة": the teen after an ordinal head is an ordinal."""
    pattern = ordinal_heads_re(language)
    return pattern is not None and pattern.search(text, max(0, pos - 16), pos) is not None



__all__ = ["Token", "tokens"]
