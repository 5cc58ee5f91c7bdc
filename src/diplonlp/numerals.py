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

Words: units, teens, tens and hundreds, scale words (singular, Arabic plural
and dual, the dual in construct: ``ملياري دولار`` is 2 billion), spaced
hundreds (``چهار صد``, ``أربعة مئة`` are 400), Dari ``دو صد``, fractions
after a count (``یک و نیم میلیارد``) or after the scale (``مليار ونصف``),
mixed forms (``۲ هزار``, ``3.5 مليون``) and Arabic clitics glued to the
number (``بـ600``, ``وملياري``). The parts of a number must come in
descending order (``بیست و پنج``; Arabic also ``خمسة وعشرون``), so two
separate numbers joined by "و" stay two numbers.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from typing import Literal

import regex
from attrs import field, frozen

from diplonlp._prefilter import WordStarts, digit_starts, matches, merged
from diplonlp._resources import load_json
from diplonlp.model import Language, Mention, NumberMention, Span
from diplonlp.normalize import normalize_lexeme
from diplonlp.pipeline import BaseExtractor, Document

Kind = Literal[
    "digits", "unit", "teen", "ten", "hundred", "scale", "plural_scale", "dual_scale",
    "fraction", "teen_tail",
]
SCALE_KINDS = frozenset({"scale", "plural_scale", "dual_scale"})
_CLITICS = "وفبلك"
_ODD_SPACES = frozenset("\u2009\u202f\u00a0\u2007")
_ZERO = Decimal(0)
_FA_ORDINAL_SUFFIX = regex.compile(r"(?:امین|مین|ام|م)(?![\p{L}])")


@frozen
class Numeral(Mention):
    """A cardinal found in the text (scratch dimension ``_numerals``).

    ``norm_start``/``norm_end`` locate it in the normalised text, so that later
    extractors can look at what stands around it.
    """

    value: Decimal = field(kw_only=True)
    norm_start: int = field(kw_only=True)
    norm_end: int = field(kw_only=True)
    #: "digits", "words" or "mixed"
    form: str = field(kw_only=True)
    #: the largest scale word in it (1000, 10**6 ...), or None
    scale: Decimal | None = field(kw_only=True, default=None)
    #: a lone ambiguous word (Persian یک, نه; Arabic أحد ...)
    ambiguous: bool = field(kw_only=True, default=False)


@frozen
class _Token:
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


@functools.lru_cache(maxsize=2)
def _lexicon(language: Language) -> dict[str, tuple[tuple[Kind, Decimal, bool], ...]]:
    data = load_json("numbers", "words.json")[language]
    lex: dict[str, list[tuple[Kind, Decimal, bool]]] = {}
    for entry in data.values():
        for word in entry["words"]:
            key = normalize_lexeme(word, language)
            lex.setdefault(key, []).append(
                (entry["kind"], Decimal(entry["value"]), bool(entry.get("ambiguous")))
            )
    return {k: tuple(v) for k, v in lex.items()}


_DIGITS = r"""
    (?P<skip>
        \+\d{1,3}(?:[ -]?\d{2,4}){2,5}              # phone with country code
      | \(?0\d{2,3}\)?[ -]\d{3,4}[ -]?\d{3,4}          # local phone
      | 0\d{7,}                                        # zero-led identifier
      | \d{1,2}:\d{2}(?::\d{2})?                       # time
    )
  | (?P<dotk>\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?)          # 1.500.000 (,5)
  | (?P<datelike>\d+(?:[/.\-]\d+){2,})                 # 26.01.2022, 1401/05/12
  | (?P<grouped>\d{1,3}(?:[,٬]\d{3})+(?:[.٫]\d+)?)     # 12,500.5 / ۱۲٬۵۰۰
  | (?P<reh>\d+ر\d+)                                   # 4ر546 = 546.4
  | (?P<commadec>\d+,\d{1,2})(?!\d)                    # 220,74
  | (?P<slash>\d+/\d+)                                 # 1/5 (decimal only before a scale)
  | (?P<plain>\d+(?:[.٫]\d+)?)
"""


@functools.lru_cache(maxsize=2)
def _token_re(language: Language) -> regex.Pattern[str]:
    words = sorted(_lexicon(language), key=len, reverse=True)
    alternation = "|".join(regex.escape(w) for w in words)
    clitic = f"(?P<clitic>[{_CLITICS}]{{0,2}}?)" if language == "ar" else "(?P<clitic>)"
    pattern = (
        rf"(?P<num>{_DIGITS})"
        rf"|(?<![\p{{L}}\p{{M}}\p{{N}}]){clitic}(?P<word>{alternation})(?![\p{{L}}\p{{M}}\p{{N}}])"
    )
    return regex.compile(pattern, regex.VERBOSE)


def _dec(text: str) -> Decimal:
    return Decimal(text.replace("٫", "."))


def _digit_token(m: regex.Match[str]) -> _Token | None:
    """A digits token, or None for runs that are not cardinals."""
    if m.group("skip") or m.group("datelike"):
        return None
    raw = m.group("num")
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
        elif m.group("commadec"):
            value = Decimal(raw.replace(",", "."))
        elif m.group("slash"):
            left, right = raw.split("/")
            value = Decimal(left)  # only as a decimal before a scale; see alt
            alt = Decimal(f"{left}.{right}")
            return _Token(start, end, "digits", value, raw, alt_before_scale=alt)
        else:
            value = _dec(raw)
            head, sep, tail = raw.partition(".")
            if sep and len(tail) == 3 and len(head) <= 3 and head != "0":
                # 715.000: thousands separator; a decimal point before a scale word
                alt = value
                value = Decimal(head + tail)
    except InvalidOperation:  # pragma: no cover - the pattern only admits digits
        return None
    return _Token(start, end, "digits", value, raw, alt_before_scale=alt)


def _digits_context_ok(text: str, start: int, end: int, language: Language) -> tuple[bool, int]:
    """Check what is glued to a digit run; returns (ok, start) where start may
    move left over a minus sign."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if after and (("a" <= after.lower() <= "z") or after == "_"):
        return False, start
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
    text: str, language: Language, odd_space: Callable[[int], bool] | None = None
) -> Iterator[_Token]:
    """Number tokens (digit runs and number words) of a normalised text.

    ``odd_space(i)`` tells whether the space at normalised index ``i`` was a
    thin or no-break space in the original, which groups digits ("۱۲ ۵۰۰").
    """
    lex = _lexicon(language)
    skip_until = -1
    clitics = _CLITICS if language == "ar" else ""
    starts = merged(digit_starts(text, clitics), _word_starts(language).starts(text))
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
                tok = _Token(start, tok.end, "digits", -tok.value, text[start : tok.end],
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
            yield _Token(m.start(), m.end(), kind, value, word, clitic, ambiguous,
                         others=tuple(readings[1:]))


def _space_grouped(text: str, tok: _Token, odd_space: Callable[[int], bool]) -> _Token:
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
    return _Token(tok.start, end, "digits", Decimal(digits), text[tok.start : end])


@functools.lru_cache(maxsize=2)
def _word_starts(language: Language) -> WordStarts:
    return WordStarts(_lexicon(language), clitics=_CLITICS if language == "ar" else "")


_SHORT_OK = SCALE_KINDS | {"hundred", "fraction"}


@functools.lru_cache(maxsize=2)
def _ordinal_re(language: Language) -> regex.Pattern[str] | None:
    words = load_json("numbers", "words.json").get("ordinal_heads", {}).get(language, [])
    if not words:
        return None
    alternation = "|".join(regex.escape(normalize_lexeme(w, language)) for w in words)
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:ال)?(?:{alternation})\s+$")


def _after_ordinal(text: str, pos: int, language: Language) -> bool:
    """Arabic "الحادية عشرة": the teen after an ordinal head is an ordinal."""
    pattern = _ordinal_re(language)
    return pattern is not None and pattern.search(text, max(0, pos - 16), pos) is not None


def _gap_kind(text: str, end: int, start: int, language: Language) -> str | None:
    """How two tokens are joined: "space", "conj" (و) or None (not joined)."""
    gap = text[end:start]
    if len(gap) > 8:
        return None
    stripped = gap.strip()
    if not stripped:
        return "space" if gap else "none"
    if stripped == "و":
        return "conj"
    return None


class _Builder:
    """Accumulates the value of one number, token by token."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.tokens: list[_Token] = []
        self.total = _ZERO
        self.current = _ZERO
        self.limit: Decimal | None = None  # an added part must be below this
        self.last_kind: Kind | None = None
        self.last_scale: Decimal | None = None
        self.max_scale: Decimal | None = None
        self.fraction_used = False
        self.arabic_unit_first = False

    @property
    def value(self) -> Decimal:
        return self.total + self.current

    def _apply_scale(self, scale: Decimal) -> None:
        count = self.current if self.current else Decimal(1)
        if self.last_scale is not None and scale > self.last_scale:
            self.total = (self.total + count) * scale if self.current else self.total * scale
        else:
            self.total += count * scale
        self.current = _ZERO
        self.last_scale = scale
        self.max_scale = scale if self.max_scale is None else max(self.max_scale, scale)
        self.limit = scale
        self.arabic_unit_first = False

    def accept(self, tok: _Token, join: str) -> bool:
        """Take the token (trying each of its readings); False leaves the state as it was."""
        if self._accept(tok, join):
            return True
        for kind, value, ambiguous, clitic in tok.others:
            alt = _Token(tok.start, tok.end, kind, value, tok.raw, clitic, ambiguous)
            if self._accept(alt, join):
                return True
        return False

    def _accept(self, tok: _Token, join: str) -> bool:
        kind = tok.kind
        first = not self.tokens
        conj = join == "conj" or (tok.clitic.startswith("و") and not first)
        if not first and join == "none" and kind != "digits" and not tok.clitic:
            return False
        if not first and tok.clitic and not tok.clitic.startswith("و"):
            return False  # بـ / لـ start a new phrase
        if kind == "digits":
            if first:
                self.current = tok.value
                self.limit = Decimal(1)
            elif conj and self.last_kind in SCALE_KINDS and self.last_scale is not None:
                if not (tok.value < self.last_scale) or tok.value < 0:
                    return False
                self.current = tok.value
                self.limit = Decimal(1)
            else:
                return False
        elif kind in ("unit", "teen", "ten", "hundred"):
            v = tok.value
            if first:
                self.current = v
                self.limit = _place(kind)
            elif (
                kind == "hundred" and v == 100 and not conj
                and self.last_kind == "unit" and 0 < self.current < 10 and self.total == 0
            ):
                self.current *= 100  # چهار صد, أربعة مئة, Dari دو صد
                self.limit = Decimal(100)
            elif (
                self.language == "ar" and kind == "ten" and conj and self.last_kind == "unit"
                and 0 < self.current % 10 < 10 and not self.arabic_unit_first
                and (self.limit or 0) <= 1 and self.current < 10 + (self.current // 100) * 100
            ):
                self.current += v  # خمسة وعشرون
                self.arabic_unit_first = True
                self.limit = Decimal(1)
            elif conj and self.limit is not None and v < self.limit and v > 0:
                self.current += v
                self.limit = _place(kind)
            else:
                return False
        elif kind == "teen_tail":
            if self.last_kind == "unit" and not conj and 0 < self.current % 100 < 10:
                self.current += 10  # ثلاثة عشر
                self.limit = Decimal(1)
            else:
                return False
        elif kind == "scale":
            if conj:
                # "یک میلیون و هزار": a new group whose count of one is not written
                if not (
                    self.current == 0 and self.last_kind in SCALE_KINDS
                    and self.last_scale is not None and tok.value < self.last_scale
                ):
                    return False
                self.current = Decimal(1)
            if not first and self.current == 0 and self.last_kind not in SCALE_KINDS:
                return False
            if self.last_scale is not None and self.current == 0 and tok.value <= self.last_scale:
                return False
            if self.last_kind == "fraction" and self.current == 0:
                return False
            self._apply_scale(tok.value)
        elif kind == "plural_scale":
            if conj or self.current <= 0 or first:
                return False
            self._apply_scale(tok.value)
        elif kind == "dual_scale":
            new_group = (
                self.current == 0 and self.last_kind in SCALE_KINDS
                and self.last_scale is not None and tok.value < self.last_scale
            )
            if conj and not new_group:
                return False
            if first or (conj and new_group):
                self.current = Decimal(2)
                self._apply_scale(tok.value)
            elif self.current > 0 and tok.raw.endswith("ا"):
                self._apply_scale(tok.value)  # عشرين ألفا: accusative singular after a count
            else:
                return False
        elif kind == "fraction":
            if first:
                self.current = tok.value
                self.limit = _ZERO
            elif self.fraction_used or not conj:
                return False
            elif self.last_kind in SCALE_KINDS and self.last_scale is not None:
                self.total += tok.value * self.last_scale  # مليار ونصف
                self.limit = _ZERO
            elif self.current > 0 and self.current == self.current.to_integral_value():
                self.current += tok.value  # یک و نیم
                self.limit = _ZERO
            else:
                return False
            self.fraction_used = True
        else:  # pragma: no cover
            return False
        self.tokens.append(tok)
        self.last_kind = kind
        return True

    def numeral(self, doc: Document) -> Numeral | None:
        toks = self.tokens
        if not toks:
            return None
        forms = {"digits" if t.kind == "digits" else "words" for t in toks}
        form = forms.pop() if len(forms) == 1 else "mixed"
        start = toks[0].start + len(toks[0].clitic)
        if toks[0].kind == "digits":
            start = toks[0].start
        end = toks[-1].end
        # a lone ambiguous word, or a lone fraction ("نصف الأعضاء"), counts only
        # as part of money or a percentage
        ambiguous = len(toks) == 1 and (toks[0].ambiguous or toks[0].kind == "fraction")
        return doc.mention(
            Numeral, start, end, value=self.value, norm_start=start, norm_end=end,
            form=form, scale=self.max_scale, ambiguous=ambiguous,
        )


def _place(kind: str) -> Decimal:
    return {"unit": Decimal(1), "teen": Decimal(1), "ten": Decimal(10)}.get(kind, Decimal(100))


def _with_scale_reading(toks: Sequence[_Token], text: str) -> list[_Token]:
    """Digits right before a scale word take their decimal reading (1.500 مليار)."""
    out = list(toks)
    for i, tok in enumerate(out[:-1]):
        nxt = out[i + 1]
        if (
            tok.kind == "digits" and tok.alt_before_scale is not None
            and nxt.kind in SCALE_KINDS and not nxt.clitic
            and text[tok.end : nxt.start].strip() == ""
        ):
            out[i] = _Token(tok.start, tok.end, "digits", tok.alt_before_scale, tok.raw)
    return out


def find_numerals(doc: Document) -> list[Numeral]:
    """Every cardinal number in the document, left to right, not overlapping."""
    text = doc.norm
    language = doc.language
    found: list[Numeral] = []
    chain: list[_Token] = []

    def flush() -> None:
        toks = _with_scale_reading(chain, text)
        i = 0
        while i < len(toks):
            builder = _Builder(language)
            j = i
            while j < len(toks):
                join = "space" if j == i else (_gap_kind(text, toks[j - 1].end, toks[j].start,
                                                          language) or "space")
                if not builder.accept(toks[j], join):
                    break
                j += 1
            if j == i:  # the token cannot start a number (a bare plural scale)
                i += 1
                continue
            numeral = builder.numeral(doc)
            if numeral is not None:
                found.append(numeral)
            i = j
        chain.clear()

    original = doc.text
    to_original = doc.normalized.to_original

    def odd_space(i: int) -> bool:
        return original[to_original(i)] in _ODD_SPACES

    for tok in tokens(text, language, odd_space):
        if tok.kind == "digits" and tok.raw.startswith(("-", "−")) and chain:
            flush()
        if chain and _gap_kind(text, chain[-1].end, tok.start, language) is None:
            flush()
        chain.append(tok)
    flush()
    return found


class NumeralExtractor(BaseExtractor):
    """Every cardinal (scratch dimension ``_numerals``; see :class:`NumberExtractor`)."""

    name = "numerals.v1"
    produces = "_numerals"

    def extract(self, doc: Document) -> list[Numeral]:
        return find_numerals(doc)


class NumberExtractor(BaseExtractor):
    """``numbers``: the cardinals that are not inside a date, money or percentage,
    nor a lone ambiguous word (Persian یک as an article)."""

    name = "numbers.v1"
    produces = "numbers"
    requires = ("_numerals", "money", "percentages")

    def extract(self, doc: Document) -> Iterator[NumberMention]:
        taken = SpanIndex(m for dim in ("dates", "money", "percentages") for m in doc.get(dim))
        for numeral in doc.get("_numerals"):
            assert isinstance(numeral, Numeral)
            if numeral.ambiguous or taken.overlaps(numeral.start, numeral.end):
                continue
            yield NumberMention(numeral.start, numeral.end, text=numeral.text, value=numeral.value)


class SpanIndex:
    """Answers "does [start, end) overlap any of these spans?" in O(log n)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        merged: list[list[int]] = []
        for s in sorted(spans, key=lambda x: (x.start, x.end)):
            if merged and s.start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], s.end)
            else:
                merged.append([s.start, s.end])
        self._starts = [m[0] for m in merged]
        self._ends = [m[1] for m in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and self._ends[i] > start and end > self._starts[i]:
            return True
        i += 1
        return i < len(self._starts) and self._starts[i] < end


__all__ = [
    "NumberExtractor", "Numeral", "NumeralExtractor", "SpanIndex", "find_numerals", "tokens",
]
