"""Amounts of money: a numeral with a currency, qualifier and range.

The currency comes after the number ("۱٫۵ میلیارد دالر", "ملياري دولار",
"۲ میلیارد دلاری" as an adjective) or before it as a symbol or ISO code
("$1.5", "€20", "USD 500"). The lexicon is CLDR's currency names in fa and ar
(singular and plural, from the snapshot in ``data/cldr/names.json``) plus
``data/money/currencies.json``. A number inside a date is never an amount.

Resolution rules:

* a unit that always means one currency gives it (دلار/دولار: USD; تومان: IRR
  with the amount times ten and ``unit="toman"``);
* an ambiguous unit (ریال/ريال، دينار، درهم، لیر/ليرة، روپیه، منات، سوم) takes the
  currency of the one candidate country the article names most; on a tie, or
  when the article names none of them, ``currency`` is ``None``;
* a sub-unit alone ("۵۰ سنت") or after a main unit ("۲۱ دلار و ۵۶ سنت") is
  converted into the main unit; after a main unit it belongs to that unit's
  currency ("۲۰ یورو و ۵۰ سنت" is 20.50 EUR).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

import regex
from attrs import evolve, frozen

from diplonlp._amounts import alternative_after, widen
from diplonlp._cache import kept_on_disk
from diplonlp._prefilter import word_index
from diplonlp._resources import load_json
from diplonlp._text import NOT_LETTER_AFTER, alternation, with_joined_keys
from diplonlp.countries import count_countries, dateline_country, outlet_country
from diplonlp.model import Language, MoneyMention
from diplonlp.normalize import normalize_lexeme
from diplonlp.numerals import Numeral, SpanIndex
from diplonlp.pipeline import BaseExtractor, Document


@frozen
class _Unit:
    code: str | None
    candidates: tuple[tuple[str, str], ...] = ()
    factor: Decimal = Decimal(1)
    unit: str | None = None
    #: a sub-unit: the currencies it divides (سنت: USD, EUR ...), the first by default
    subunit_of: tuple[str, ...] = ()
    #: a sub-unit's part of each currency it divides, when they differ (فلس: a
    #: thousandth of the Kuwaiti dinar, a hundredth of the UAE dirham)
    parts: tuple[tuple[str, Decimal], ...] = ()
    #: the word counts only as written, marks included ("شِکِل", not "شکل")
    as_written: frozenset[str] = frozenset()
    #: its adjective after a number is no money ("بمب ۲ هزار پوندی")
    no_adjective: bool = False

    def part_of(self, currency: str) -> Decimal:
        return dict(self.parts).get(currency, self.factor)


@functools.lru_cache(maxsize=2)
def currency_lexicon(language: Language) -> dict[str, _Unit]:
    """Normalised currency word -> what it means."""
    lex: dict[str, _Unit] = {}
    for word, code in _cldr_names(language).items():
        lex[normalize_lexeme(word, language)] = _Unit(code)
    data = load_json("money", "currencies.json")
    for entry in data["units"]:
        unit = _Unit(
            entry.get("code"),
            tuple(sorted(entry.get("candidates", {}).items())),
            Decimal(entry.get("factor", "1")),
            entry.get("unit"),
        )
        for word in entry[language]:
            lex[normalize_lexeme(word, language)] = unit
    for word in data["no_adjective"][language]:
        key_ = normalize_lexeme(word, language)
        if key_ in lex:
            lex[key_] = evolve(lex[key_], no_adjective=True)
    for written, code in data["as_written"][language].items():
        key_ = normalize_lexeme(written, language)
        if key_ not in lex:
            lex[key_] = _Unit(code, as_written=frozenset([written]))
        elif lex[key_].as_written:
            lex[key_] = evolve(lex[key_], as_written=lex[key_].as_written | {written})
    for sub in data["subunits"]:
        parts = tuple((code, Decimal(f)) for code, f in sub.get("parts", {}).items())
        for word in sub[language]:
            lex[normalize_lexeme(word, language)] = _Unit(
                sub["of"][0], factor=Decimal(sub["factor"]), subunit_of=tuple(sub["of"]),
                parts=parts,
            )
    return with_joined_keys(lex)


def _cldr_names(language: Language) -> dict[str, str]:
    """CLDR display names (singular and plural) of the currencies in use."""
    names: dict[str, str] = {}
    for code, forms in load_json("cldr", "names.json")["currencies"][language].items():
        for name in forms:
            names[name] = code
    return names


@functools.lru_cache(maxsize=2)
@kept_on_disk("currency-words")
def _after_re(language: Language) -> regex.Pattern[str]:
    words = alternation(currency_lexicon(language), space=r"\s++")
    symbols = _symbol_alternation()
    suffix = "(?:یی|ای|ی)?" if language == "fa" else "(?:ا)?"
    return regex.compile(
        rf"\s{{0,3}}(?:(?:ال)?(?P<word>{words})(?P<adj>{suffix}){NOT_LETTER_AFTER}"
        rf"|(?P<sym>{symbols})|(?P<iso>[A-Z]{{3}})(?![A-Za-z]))"
    )


@functools.lru_cache(maxsize=1)
def _symbols() -> dict[str, str | None]:
    symbols: dict[str, str | None] = load_json("money", "currencies.json")["symbols"]
    return symbols


def _symbol_alternation() -> str:
    return "|".join(regex.escape(s) for s in sorted(_symbols(), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    return frozenset(load_json("cldr", "names.json")["currency_codes"])


@functools.lru_cache(maxsize=1)
def _before_re() -> regex.Pattern[str]:
    return regex.compile(
        rf"(?:(?P<sym>{_symbol_alternation()})|(?<![A-Za-z])(?P<iso>[A-Z]{{3}}))\s?-?$"
    )


_LATIN_SCALES = {
    "thousand": Decimal(10**3), "million": Decimal(10**6), "mn": Decimal(10**6),
    "m": Decimal(10**6), "billion": Decimal(10**9), "bn": Decimal(10**9),
    "trillion": Decimal(10**12),
}
_LATIN_SCALE = regex.compile(r"\s?(thousand|million|mn|m|billion|bn|trillion)\b", regex.IGNORECASE)


class _Resolver:
    """Resolves ambiguous units from the story (once per doc): the dateline's
    country when it uses the unit, else the candidate country the story names
    most, else the country of the news agency it credits; else the unit's
    default (``None`` for most)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._counts: Counter[str] | None = None
        self._dateline: str | None = None

    def code(self, unit: _Unit) -> str | None:
        if not unit.candidates:
            return unit.code
        candidates = dict(unit.candidates)
        index = word_index(self.doc.normalized)
        if self._counts is None:
            self._counts = count_countries(index, self.doc.language)
            self._dateline = dateline_country(self.doc.norm, self.doc.language)
        if self._dateline in candidates:
            return candidates[self._dateline]
        scores = sorted(((self._counts.get(country, 0), code) for country, code in
                         unit.candidates), reverse=True)
        best, code = scores[0]
        if best > 0 and (len(scores) == 1 or scores[1][0] < best):
            return code
        outlet = outlet_country(index, self.doc.language)
        if outlet in candidates:
            return candidates[outlet]
        return unit.code


def find_money(doc: Document) -> Iterator[MoneyMention]:
    text = doc.norm
    language = doc.language
    numerals = [n for n in doc.get("_numerals") if isinstance(n, Numeral)]
    taken = {(m.start, m.end) for m in doc.get("percentages")}
    dates = SpanIndex(doc.get("dates"))
    lex = currency_lexicon(language)
    after = _after_re(language)
    resolver = _Resolver(doc)
    used_until = -1
    for i, num in enumerate(numerals):
        if num.norm_start < used_until or (num.start, num.end) in taken:
            continue
        if dates.overlaps(num.start, num.end):
            continue  # "سال ۲۰۲۰", "15 رمضان": a number inside a date
        factor = Decimal(1)
        unit_name: str | None = None
        m = after.match(text, num.norm_end, num.norm_end + 80)
        if m is not None and m.group("iso") and m.group("iso") not in _iso_codes():
            m = None
        if m is not None:
            unit = _unit_of(m, lex)
            if unit is None or (unit.no_adjective and m.group("adj")):
                continue  # "بمب ۲ هزار پوندی": a weight
            if unit.as_written and _written(doc, m) not in unit.as_written:
                continue  # "۵۰ شکل": shapes, not shekels
            if _a_year(text, num):
                continue  # "در ۲۰۲۳ یورو به پایین‌ترین سطح رسید": the year, then the euro
            if _neither(text, num):
                continue  # "نه دلار و نه یورو": neither ... nor
            factor = unit.factor
            currency = resolver.code(unit)
            unit_name = unit.unit
            start, end = num.norm_start, m.end()
            amount = num.value * factor
            if not unit.subunit_of:
                amount, end = _add_subunit(text, end, numerals, i, currency, lex, amount)
        else:
            before = _before_re().search(text, max(0, num.norm_start - 6), num.norm_start)
            if before is None:
                carried = _carried(doc, numerals, i, after, lex, resolver)
                if carried is not None:  # "هشت یا حتی دوازده میلیارد یورو": the first
                    amount, currency, unit_name = carried
                    w = widen(text, numerals, i, language, value=amount,
                              start=num.norm_start, used_until=used_until)
                    used_until = num.norm_end
                    yield doc.mention(MoneyMention, w.start, num.norm_end, amount=w.value,
                                      currency=currency, qualifier=w.qualifier, unit=unit_name)
                continue
            if before.group("iso"):
                if before.group("iso") not in _iso_codes():
                    continue
                currency = before.group("iso")
            else:
                currency = _symbols().get(before.group("sym"))
            start, end = before.start(), num.norm_end
            amount = num.value
            scale = _LATIN_SCALE.match(text, end, end + 16)
            if scale is not None:  # "$1.5 billion", "USD 500 million"
                amount *= _LATIN_SCALES[scale.group(1).lower()]
                end = scale.end()
        w = widen(text, numerals, i, language, value=amount, start=start,
                  used_until=used_until, factor=factor)
        used_until = end
        yield doc.mention(
            MoneyMention, w.start, end, amount=w.value, currency=currency,
            qualifier=w.qualifier, unit=unit_name, max=w.max,
        )


def _carried(
    doc: Document, numerals: list[Numeral], index: int, after: regex.Pattern[str],
    lex: dict[str, _Unit], resolver: _Resolver,
) -> tuple[Decimal, str | None, str | None] | None:
    """"هشت یا حتی دوازده میلیارد یورو", "عشرة أو خمسة عشر مليون دولار": a
    number with no unit of its own, joined by "or" to an amount, is an amount
    too: the other's scale (when it has none) and currency carry over."""
    text = doc.norm
    nxt = alternative_after(text, numerals, index, doc.language)
    if nxt is None:
        return None
    num = numerals[index]
    m = after.match(text, nxt.norm_end, nxt.norm_end + 80)
    if m is None or m.group("word") is None:
        return None
    unit = _unit_of(m, lex)
    if unit is None or unit.subunit_of:
        return None
    value = num.value
    if num.scale is None and nxt.scale is not None and value < nxt.scale:
        value *= nxt.scale
    return value * unit.factor, resolver.code(unit), unit.unit


def _written(doc: Document, m: regex.Match[str]) -> str:
    """The currency word as the original text writes it, marks included."""
    return doc.normalized.original_slice(m.start("word"), m.end("word"))[2].strip()


_YEAR_BEFORE = regex.compile(r"(?:^|[^\p{L}])(?:در|في|فی|سال|عام)\s++$")
_NEITHER = regex.compile(r"نه\s++\S++\s++و\s*+نه\s")
_NOR = regex.compile(r"(?:^|\s)نه\s++\S++\s++و\s*+$")


def _a_year(text: str, num: Numeral) -> bool:
    """A four-digit number of the years news is about right after "در"/"في": a
    year, whatever follows ("در ۲۰۲۳ یورو ...")."""
    return (num.form == "digits" and num.scale is None and 1950 <= num.value <= 2035
            and num.value == num.value.to_integral_value()
            and _YEAR_BEFORE.search(text, max(0, num.norm_start - 12), num.norm_start) is not None)


def _neither(text: str, num: Numeral) -> bool:
    """Persian "نه X و نه Y" is "neither X nor Y", not nine."""
    return num.ambiguous and (
        _NEITHER.match(text, num.norm_start) is not None
        or _NOR.search(text, max(0, num.norm_start - 40), num.norm_start) is not None)


def _unit_of(m: regex.Match[str], lex: dict[str, _Unit]) -> _Unit | None:
    if m.group("word") is not None:
        word = m.group("word")
        return lex.get(" ".join(word.split())) or lex.get("".join(word.split()))
    if m.group("sym") is not None:
        return _Unit(_symbols().get(m.group("sym")))
    return _Unit(m.group("iso"))


def _add_subunit(
    text: str,
    end: int,
    numerals: list[Numeral],
    index: int,
    currency: str | None,
    lex: dict[str, _Unit],
    amount: Decimal,
) -> tuple[Decimal, int]:
    """"۲۱ دلار و ۵۶ سنت": add the cents to the dollars, when the sub-unit
    divides the main unit's currency."""
    if index + 1 >= len(numerals):
        return amount, end
    nxt = numerals[index + 1]
    if text[end : nxt.norm_start].strip() != "و":
        return amount, end
    m = _after_re_for_subunits(text, nxt.norm_end, lex)
    if m is None:
        return amount, end
    sub = lex[m[0]]
    if currency is None or currency not in sub.subunit_of:
        return amount, end
    return amount + nxt.value * sub.part_of(currency), m[1]


_SUBUNIT_WORDS = regex.compile(r"\s{0,3}(?P<w>[\p{L}\p{M}]+(?:\s[\p{L}\p{M}]+)?)")


def _after_re_for_subunits(text: str, pos: int, lex: dict[str, _Unit]) -> tuple[str, int] | None:
    m = _SUBUNIT_WORDS.match(text, pos, pos + 40)
    if m is None:
        return None
    words = m.group("w").split()
    for k in (2, 1):
        cand = " ".join(words[:k])
        if len(words) >= k and cand in lex and lex[cand].subunit_of:
            return cand, pos + m.group(0).index(words[0]) + len(cand)
    return None


class MoneyExtractor(BaseExtractor):
    """``money``: amounts with currency, qualifier and range."""

    name = "money.v1"
    produces = "money"
    requires = ("_numerals", "percentages", "dates")

    def extract(self, doc: Document) -> Iterator[MoneyMention]:
        return find_money(doc)


__all__ = ["MoneyExtractor", "currency_lexicon", "find_money"]
