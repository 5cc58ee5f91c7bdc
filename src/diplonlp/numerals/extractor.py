"""The numeral extractors: every cardinal (``_numerals``), and the ones that
stand alone (``numbers``)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from decimal import Decimal

import regex
from attrs import field, frozen

from diplonlp._prefilter import word_index
from diplonlp.model import Language, Mention, NumberMention, Span
from diplonlp.numerals.builder import Builder, Form, gap_kind, with_ratios, with_scale_reading
from diplonlp.numerals.lexicon import number_words
from diplonlp.numerals.tokens import Token, tokens
from diplonlp.pipeline import BaseExtractor, Document

_ODD_SPACES = frozenset("\u2009\u202f\u00a0\u2007")


@frozen
class Numeral(Mention):
    """A cardinal found in the text (scratch dimension ``_numerals``).

    ``norm_start``/``norm_end`` locate it in the normalised text, so that later
    extractors can look at what stands around it.
    """

    value: Decimal = field(kw_only=True)
    norm_start: int = field(kw_only=True)
    norm_end: int = field(kw_only=True)
    form: Form = field(kw_only=True)
    #: the largest scale word in it (1000, 10**6 ...), or None
    scale: Decimal | None = field(kw_only=True, default=None)
    #: a lone ambiguous word (Persian یک, نه; Arabic أحد ...)
    ambiguous: bool = field(kw_only=True, default=False)


def tidy(value: Decimal) -> Decimal:
    """A value without a trailing fractional zero: 2750000, not 2750000.00."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


_REPEATED_SCALE = regex.compile(r"\s++ال(?P<w>[\p{L}]++)")


def _scale_repeated(text: str, end: int, builder: Builder, language: Language) -> int:
    """"مليار وثلاثة أرباع المليار": the scale a fraction is of, repeated after
    it with the article, belongs to the number."""
    if builder.last_kind not in ("fraction", "ratio") or builder.last_scale is None:
        return end
    m = _REPEATED_SCALE.match(text, end)
    if m is None:
        return end
    readings = number_words(language).get(m.group("w"), ())
    if any(kind in ("scale", "plural_scale") and value == builder.last_scale
           for kind, value, _ambiguous in readings):
        return m.end()
    return end


def find_numerals(doc: Document) -> list[Numeral]:
    """Every cardinal number in the document, left to right, not overlapping."""
    text = doc.norm
    language = doc.language
    found: list[Numeral] = []
    chain: list[Token] = []

    def build(toks: list[Token], i: int, stop: int) -> tuple[Builder, int]:
        builder = Builder(language)
        j = i
        while j < stop:
            join = "space" if j == i else (gap_kind(text, toks[j - 1].end, toks[j].start,
                                                      language) or "space")
            if not builder.accept(toks[j], join):
                break
            j += 1
        return builder, j

    def flush() -> None:
        toks = with_scale_reading(with_ratios(chain, text, language), text)
        i = 0
        while i < len(toks):
            builder, j = build(toks, i, len(toks))
            if j == i:  # the token cannot start a number (a bare plural scale)
                i += 1
                continue
            cut = builder.split_before(toks[j]) if j < len(toks) else None
            if cut is not None:  # "دو هزار و دو هزار": end the first number before "و"
                builder, j = build(toks, i, i + cut)
            span = builder.span()
            if span is not None:
                start, end, form, ambiguous = span
                end = _scale_repeated(text, end, builder, language)
                found.append(doc.mention(
                    Numeral, start, end, value=tidy(builder.value), norm_start=start,
                    norm_end=end,
                    form=form, scale=builder.max_scale, ambiguous=ambiguous,
                ))
            i = j
        chain.clear()

    original = doc.text
    to_original = doc.normalized.to_original

    def odd_space(i: int) -> bool:
        return original[to_original(i)] in _ODD_SPACES

    for tok in tokens(text, language, odd_space, word_index(doc.normalized)):
        if tok.kind == "digits" and tok.raw.startswith(("-", "−")) and chain:
            flush()
        if chain and gap_kind(text, chain[-1].end, tok.start, language) is None:
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
    requires = ("_numerals", "dates", "money", "percentages")

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


__all__ = ["NumberExtractor", "Numeral", "NumeralExtractor", "SpanIndex", "find_numerals", "tidy"]
