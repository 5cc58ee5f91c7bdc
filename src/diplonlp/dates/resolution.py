"""Resolving date candidates: the story's anchor, the published date, values.

One anchor serves the whole article (:func:`story_anchor`): the caller's
reference date, else the article's published date (:func:`choose_published`),
else the latest full date the story itself writes. Relative and year-less
dates are resolved against the reference or published date only (the public
contract: without either, a year-less date stays ``--MM-DD`` and a relative
one has no value); the story's own latest date still dates the story for the
other dimensions (leaders) and picks the year that converts a year-less
Jalali or Hijri day into its Gregorian month and day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from attrs import frozen

from diplonlp._text import key
from diplonlp.dates.calendars import (
    add_days,
    add_months,
    from_gregorian,
    to_gregorian,
)
from diplonlp.dates.lexicon import clock_words
from diplonlp.dates.patterns import patterns
from diplonlp.dates.scanner import Candidate
from diplonlp.model import Calendar, DateMention, Language, OriginalDate
from diplonlp.pipeline import Document

Source = Literal["reference", "published", "story"]
Precision = Literal["day", "month", "year"]


@frozen
class Anchor:
    """The date a story is told from, and where it comes from."""

    date: dt.date
    source: Source

    @property
    def resolves(self) -> bool:
        """Whether relative and year-less dates take their value from it (the
        contract: only a reference or published date does)."""
        return self.source != "story"


def full_date(mention: DateMention) -> dt.date | None:
    """The day a non-relative mention names, when it names a whole day."""
    if mention.relative or mention.value is None or len(mention.value) != 10:
        return None
    return dt.date.fromisoformat(mention.value)


def choose_published(text: str, dates: Sequence[DateMention]) -> DateMention | None:
    """The article's own date: a full date followed by a time (a header
    timestamp), else the first full date in the first 400 characters that
    stands at the start of a line or after a dateline mark (| / – - ،)."""
    full = [d for d in dates if full_date(d) is not None]
    for d in full:
        if d.time is not None and d.start < 1000:
            return d
    for d in full:
        if d.start > 400:
            break
        line_start = text.rfind("\n", 0, d.start) + 1
        before = text[line_start : d.start].strip()
        if not before or before.endswith(("|", "/", "–", "-", "،", ",", ":")) or len(before) < 30:
            return d
    return None


def story_anchor(
    reference_date: dt.date | None,
    published: DateMention | None,
    dates: Sequence[DateMention],
) -> Anchor | None:
    """The one anchor of an article: the reference date, else the published
    date, else the latest full date the story writes, else the middle of the
    latest year it writes (None when it writes none)."""
    if reference_date is not None:
        return Anchor(reference_date, "reference")
    day = full_date(published) if published is not None else None
    if day is not None:
        return Anchor(day, "published")
    days = [d for d in map(full_date, dates) if d is not None]
    if days:
        return Anchor(max(days), "story")
    years = [int(d.value) for d in dates if not d.relative and d.value and len(d.value) == 4]
    return Anchor(dt.date(max(years), 7, 1), "story") if years else None


def iso(date: dt.date, precision: Precision) -> str:
    if precision == "day":
        return date.isoformat()
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return f"{date.year:04d}"


def complete_year(calendar: Calendar, month: int, day: int, anchor: dt.date) -> int | None:
    """The year that puts (month, day) nearest the anchor (up to 90 days after)."""
    written = from_gregorian(calendar, anchor)
    if written is None:
        return None
    year = written[0]
    for candidate in (year, year - 1, year + 1):
        date = to_gregorian(calendar, candidate, month, day)
        if date is not None and -275 <= (date - anchor).days <= 90:
            return candidate
    return None


def _relative_value(c: Candidate, anchor: dt.date) -> str | None:
    assert c.unit is not None
    if c.unit == "month":
        month = add_months(anchor, c.offset)
        return None if month is None else iso(month, "month")
    if c.unit == "year":
        year = anchor.year + c.offset
        return f"{year:04d}" if 1 <= year <= 9999 else None
    day = add_days(anchor, c.offset * (7 if c.unit == "week" else 1))
    return None if day is None else iso(day, "day")


def _weekday_value(c: Candidate, anchor: dt.date) -> str | None:
    assert c.weekday is not None
    back = (anchor.weekday() - c.weekday) % 7  # days since the latest such day
    if c.direction == "nearest":
        delta = -back
    elif c.direction == "last":
        delta = -(back or 7)  # "last Monday" said on a Monday is a week ago
    elif c.direction == "next":
        delta = (c.weekday - anchor.weekday()) % 7 or 7
    else:  # "this": the day of the anchor's week, weeks starting on Saturday
        since_saturday = (anchor.weekday() - 5) % 7
        delta = -since_saturday + (c.weekday - 5) % 7
    day = add_days(anchor, delta)
    return None if day is None else iso(day, "day")


def _month_day(calendar: Calendar, month: int, day: int, year_hint: int | None) -> str | None:
    """``--MM-DD`` of a year-less date; a Jalali or Hijri day is converted in the
    year the story points to (else a typical year), since its Gregorian day
    moves with the year."""
    if calendar == "gregorian":
        return f"--{month:02d}-{day:02d}" if to_gregorian("gregorian", 2000, month, day) else None
    year = year_hint if year_hint is not None else {"jalali": 1400, "hijri": 1445}[calendar]
    date = to_gregorian(calendar, year, month, day)
    return None if date is None else f"--{date.month:02d}-{date.day:02d}"


def resolve(doc: Document, c: Candidate, anchor: Anchor | None) -> DateMention | None:
    """The mention of candidate ``c``; None for a date that does not exist."""
    value: str | None = None
    if c.kind == "relative":
        if anchor is not None and anchor.resolves:
            value = _relative_value(c, anchor.date)
        return doc.mention(DateMention, c.start, c.end, value=value, relative=True)
    if c.kind == "weekday":
        if anchor is not None and anchor.resolves:
            value = _weekday_value(c, anchor.date)
        return doc.mention(DateMention, c.start, c.end, value=value, relative=True,
                           weekday=c.weekday)
    calendar, year, month, day = c.calendar, c.year, c.month, c.day
    weekday = c.weekday
    if year is None:
        assert month is not None
        assert day is not None
        completed = None
        if anchor is not None and anchor.resolves:
            completed = complete_year(calendar, month, day, anchor.date)
            if completed is None:
                return None
        if completed is None:
            hint = complete_year(calendar, month, day, anchor.date) if anchor else None
            return doc.mention(
                DateMention, c.start, c.end, value=_month_day(calendar, month, day, hint),
                calendar=calendar, weekday=weekday,
                original=OriginalDate(None, month, day) if calendar != "gregorian" else None,
            )
        year = completed
    date = to_gregorian(calendar, year, 1 if month is None else month, 1 if day is None else day)
    if date is None:
        return None
    if weekday is not None and date.weekday() != weekday:
        weekday = None
    precision: Precision = "day" if day is not None else "month" if month is not None else "year"
    return doc.mention(
        DateMention, c.start, c.end, value=iso(date, precision), calendar=calendar,
        original=OriginalDate(year, month, day) if calendar != "gregorian" else None,
        weekday=weekday,
    )


def attach_time(text: str, language: Language, c: Candidate) -> str | None:
    """"08:55", or a clock time in words ("الساعة العاشرة صباحا" -> "10:00"),
    right after a full date."""
    if c.day is None:
        return None
    m = patterns(language).time.match(text, c.end, c.end + 60)
    if m is None:
        return None
    if m.group("time"):
        return m.group("time")
    hour_words, minute_words, pm = clock_words(language)
    hour = int(m.group("hnum")) if m.group("hnum") else hour_words[key(m.group("hword"))]
    if hour > 24:
        return None
    minutes = minute_words[key(m.group("minutes"))] if m.group("minutes") else 0
    if m.group("half") and key(m.group("half")) in pm and hour < 12:
        hour += 12
    total = (hour * 60 + minutes) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


__all__ = [
    "Anchor",
    "attach_time",
    "choose_published",
    "complete_year",
    "full_date",
    "iso",
    "resolve",
    "story_anchor",
]
