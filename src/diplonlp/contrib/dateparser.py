"""Dates written in Latin script, by dateparser (``pip install "diplonlp[dateparser]"``).

Persian and Arabic stories quote dates in English or French: a wire
dateline ("2019-03-03T10:00Z"), a quoted statement ("le 3 mars 2019"), a
document title ("26 January 2022"). The core reads dates in Persian and
Arabic; :class:`LatinDateExtractor` adds these. It wraps the core date
extractor: it runs it, finds the Latin-script dates, lets dateparser read
them, and returns both, a Latin date replacing the shorter core mention it
contains (the core sees "2019" in "le 3 mars 2019")::

    from diplonlp.contrib.dateparser import LatinDateExtractor, latin_dates_pipeline

    pipe = latin_dates_pipeline()          # the default pipeline, Latin dates added
    article = pipe.parse(text)

    # or by hand, in place of the core date extractor:
    from diplonlp import Pipeline, builtin_extractors
    pipe = Pipeline([LatinDateExtractor() if e.produces == "dates" else e
                     for e in builtin_extractors()])

Every later extractor (numbers, money, leaders) then sees the Latin dates, so
"26" and "2022" in "26 January 2022" are not also reported as numbers. Like
every mention, a Latin date points at the original text. Candidates are found
with one bounded pattern built from dateparser's own month names for the
languages asked for (English and French by default: any language dateparser
knows that writes its months in Latin script works); dateparser then reads
each candidate. A date without a year takes it from the reference date or
the article's published date, as the core does, and stays ``--MM-DD``
without one.

dateparser is imported when the extractor is built (it takes about 0.2 s),
never by ``import diplonlp``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import regex
from attrs import evolve

from diplonlp.dates import DateExtractor
from diplonlp.dates.resolution import (
    choose_published,
    complete_year,
    span_of,
    story_anchor,
)
from diplonlp.model import DateMention, Mention
from diplonlp.pipeline import BaseExtractor, Document, Extractor, Pipeline

INSTALL_HINT = 'Latin-script dates need dateparser: pip install "diplonlp[dateparser]"'

_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")

# A quick test before the full pattern: Latin letters or an ISO date at all.
_ANY_LATIN = regex.compile(r"\p{Latin}{3}|\d{4}-\d\d-\d\d[T ]\d")

# Languages that capitalise month names (a lower-case one is another word).
_CAPITALISED = frozenset({"en", "de", "nl", "da", "sv", "nb", "nn", "af"})

_SP = r"[\x20\u00a0\u202f]{1,3}"
_ORD = r"(?:er|re|st|nd|rd|th)"


def _import_dateparser() -> Any:
    try:
        import dateparser.date
        import dateparser.languages.loader
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(INSTALL_HINT) from exc
    return dateparser


def _month_names(dateparser: Any, languages: Sequence[str]) -> tuple[list[str], frozenset[str]]:
    """Month names and abbreviations of ``languages``, from dateparser's data,
    and those that count only capitalised (English writes its months so, and
    "may" and "march" are also common words)."""
    loader = dateparser.languages.loader.default_loader
    names: set[str] = set()
    capital: set[str] = set()
    for lang in languages:
        try:
            info = loader.get_locale(lang).info
        except Exception as exc:
            raise ValueError(f"dateparser knows no language {lang!r}") from exc
        for key in _MONTH_KEYS:
            for name in info.get(key, ()):
                name = name.strip().rstrip(".").lower()
                if len(name) >= 3 and regex.fullmatch(r"[\p{Latin}]+", name):
                    names.add(name)
                    if lang.split("-")[0] in _CAPITALISED:
                        capital.add(name)
    if not names:
        raise ValueError(f"no month names written in Latin script for {list(languages)}")
    # a name that is a month in a language writing months in lower case too counts as is
    lower = names - capital
    return sorted(names, key=lambda n: (-len(n), n)), frozenset(capital - lower)


def _pattern(months: list[str]) -> regex.Pattern[str]:
    month = "(?P<mon>" + "|".join(regex.escape(m) for m in months) + r")\.?"
    day = rf"(?:[12]\d|3[01]|0?[1-9]){_ORD}?"
    year = r"(?:1[6-9]|2\d)\d\d"
    iso = (rf"{year}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
           r"(?:[T\x20](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?"
           r"(?:Z|[+-]\d\d:?\d\d)?)?")
    return regex.compile(
        rf"""(?<![\p{{L}}\p{{N}}])(?:
            (?P<iso>{iso})
          | (?P<dmy>{day}{_SP}(?:de{_SP})?{month}(?:,?{_SP}(?P<y1>{year}))?)
          | (?P<mdy>{month}{_SP}{day}(?!\d)(?:,?{_SP}(?P<y2>{year}))?)
          | (?P<my>{month},?{_SP}(?P<y3>{year}))
        )(?![\p{{L}}\p{{N}}])""",
        regex.VERBOSE | regex.IGNORECASE | regex.V0,
    )


class LatinDateExtractor(BaseExtractor):
    """``dates``: the core's dates and those written in Latin script.

    ``inner``: the date extractor to wrap (default: a fresh
    :class:`~diplonlp.dates.DateExtractor`); ``languages``: dateparser
    language codes whose month names are looked for.
    """

    name = "dateparser.dates.v1"
    produces = "dates"

    def __init__(self, inner: Extractor | None = None, *,
                 languages: Sequence[str] = ("en", "fr")) -> None:
        inner = DateExtractor() if inner is None else inner
        if inner.produces != "dates":
            raise ValueError(f"LatinDateExtractor wraps a date extractor, not {inner.name!r} "
                             f"(which produces {inner.produces!r})")
        if isinstance(languages, str) or not languages:
            raise ValueError("languages is a non-empty sequence of dateparser codes, "
                             "such as ('en', 'fr')")
        self.inner = inner
        self.languages = tuple(languages)
        self.requires = tuple(inner.requires)
        self._build()

    def _build(self) -> None:
        dateparser = _import_dateparser()
        months, self._capital_only = _month_names(dateparser, self.languages)
        self._pattern = _pattern(months)
        self._parser = dateparser.date.DateDataParser(
            languages=list(self.languages),
            settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False},
        )

    # The compiled pattern and dateparser's parser are rebuilt after pickling
    # (a pipeline goes to worker processes pickled).
    def __getstate__(self) -> dict[str, Any]:
        return {"inner": self.inner, "languages": self.languages, "requires": self.requires}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._build()

    def __repr__(self) -> str:
        return f"LatinDateExtractor({self.inner!r}, languages={self.languages!r})"

    def extract(self, doc: Document) -> list[Mention]:
        core = list(self.inner.extract(doc))
        if not _ANY_LATIN.search(doc.norm):
            return core
        latin = self.latin_dates(doc, core)
        if not latin:
            return core
        kept = [m for m in core if not any(_overlap(m, x) for x in latin)]
        return sorted([*kept, *latin], key=lambda m: (m.start, m.end))

    def latin_dates(self, doc: Document, core: Sequence[Mention] = ()) -> list[DateMention]:
        """The Latin-script dates of ``doc``, leaving out any that overlap a
        longer (or equal) mention in ``core``."""
        absolute = [m for m in core if isinstance(m, DateMention)]
        anchor = story_anchor(doc.reference_date, choose_published(doc.text, absolute),
                              absolute)
        base = anchor.date if anchor is not None and anchor.resolves else None
        out: list[DateMention] = []
        for m in self._pattern.finditer(doc.norm):
            mention = self._read(doc, m, base)
            if mention is None:
                continue
            if any(_overlap(mention, c) and c.end - c.start >= mention.end - mention.start
                   for c in core):
                continue
            out.append(mention)
        return out

    def _read(self, doc: Document, m: regex.Match[str], base: dt.date | None
              ) -> DateMention | None:
        span = m.group(0)
        month = m.group("mon")
        if month is not None and month.lower() in self._capital_only and month[0].islower():
            return None  # "we may 5 ..."
        data = self._parser.get_date_data(span)
        when = data.date_obj
        if when is None or data.period not in ("day", "month"):
            return None
        written_year = m.group("y1") or m.group("y2") or m.group("y3")
        has_year = m.group("iso") is not None or written_year is not None
        if written_year is not None and int(written_year) != when.year:
            return None  # dateparser read the span otherwise than the pattern did
        day = when.day if data.period == "day" else None
        time = None
        if m.group("iso") is not None and len(span) > 10:
            time = f"{when.hour:02d}:{when.minute:02d}"
        year: int | None = when.year if has_year else None
        if year is None and base is not None:
            year = complete_year("gregorian", when.month, day or 1, base)
        if year is None:
            value = f"--{when.month:02d}" + (f"-{day:02d}" if day is not None else "")
            interval = None
        else:
            value = f"{year:04d}-{when.month:02d}" + (f"-{day:02d}" if day is not None else "")
            span_days = span_of("gregorian", year, when.month, day)
            interval = (None if span_days is None
                        else (span_days[0].isoformat(), span_days[1].isoformat()))
        mention = doc.mention(DateMention, m.start(), m.end(), value=value, interval=interval,
                              calendar="gregorian")
        return evolve(mention, time=time) if time is not None else mention


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def latin_dates_pipeline(extractors: Iterable[Extractor] | None = None, *,
                         languages: Sequence[str] = ("en", "fr")) -> Pipeline:
    """A pipeline with every date extractor wrapped in a
    :class:`LatinDateExtractor` (default: the built-in extractors)."""
    if extractors is None:
        from diplonlp.defaults import builtin_extractors

        extractors = builtin_extractors()
    return Pipeline([LatinDateExtractor(e, languages=languages) if e.produces == "dates"
                     else e for e in extractors])


__all__ = ["INSTALL_HINT", "LatinDateExtractor", "latin_dates_pipeline"]
