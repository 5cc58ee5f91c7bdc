"""The date extractors: ``dates`` (every date mention) and ``published``."""

from __future__ import annotations

from attrs import evolve

from diplonlp._prefilter import word_index
from diplonlp.dates.resolution import (
    attach_time,
    choose_published,
    clue_years,
    resolve,
    story_anchor,
)
from diplonlp.dates.scanner import Candidate, scan
from diplonlp.model import DateMention
from diplonlp.numerals import Numeral
from diplonlp.pipeline import BaseExtractor, Document


def _numerals(doc: Document) -> list[tuple[int, int, int | None, bool]]:
    out: list[tuple[int, int, int | None, bool]] = []
    for n in doc.get("_numerals"):
        if isinstance(n, Numeral):
            whole = int(n.value) if n.value == n.value.to_integral_value() else None
            out.append((n.norm_start, n.norm_end, whole, n.scale is not None))
    return out


def find_dates(doc: Document, *, current_periods: bool = False) -> list[DateMention]:
    """Every date in the document: candidates from the scanner, the full dates
    resolved first, then the anchor chosen from them, then the rest resolved
    against it (see :mod:`diplonlp.dates.resolution`)."""
    candidates = scan(doc.norm, doc.language, _numerals(doc), current_periods=current_periods,
                      index=word_index(doc.normalized))
    resolved: dict[int, DateMention] = {}
    for i, c in enumerate(candidates):
        if c.kind != "date" or c.year is None:
            continue
        m = resolve(doc, c, None)
        if m is None:
            continue  # an impossible date
        time = attach_time(doc.norm, doc.language, c)
        resolved[i] = evolve(m, time=time) if time is not None else m
    absolute = list(resolved.values())
    anchor = story_anchor(doc.reference_date, choose_published(doc.text, absolute), absolute)
    hints = clue_years(candidates) if anchor is None else {}
    out: list[DateMention] = []
    for i, c in enumerate(candidates):
        if i in resolved:
            out.append(resolved[i])
        elif not _written_full(c):
            m = resolve(doc, c, anchor, hints)
            if m is not None:
                out.append(m)
    return out


def _written_full(c: Candidate) -> bool:
    return c.kind == "date" and c.year is not None


class DateExtractor(BaseExtractor):
    """``dates``: every date mention, absolute and relative."""

    name = "dates.v1"
    produces = "dates"
    requires = ("_numerals",)

    def __init__(self, *, current_periods: bool = False) -> None:
        #: also report "امسال", "هذا العام", "this month" as dates
        self.current_periods = current_periods

    def extract(self, doc: Document) -> list[DateMention]:
        return find_dates(doc, current_periods=self.current_periods)


class PublishedDateExtractor(BaseExtractor):
    """``published``: the dateline or header date (see :func:`choose_published`)."""

    name = "published.v1"
    produces = "published"
    requires = ("dates",)

    def extract(self, doc: Document) -> list[DateMention]:
        dates = [d for d in doc.get("dates") if isinstance(d, DateMention)]
        found = choose_published(doc.text, dates)
        return [found] if found is not None else []


__all__ = ["DateExtractor", "PublishedDateExtractor", "find_dates"]
