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
    years = [int(d.value) for d in dates if not d.relative and d.value and len(d.value) == 4
             and d.value.isdigit()]
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


Interval = tuple[dt.date, dt.date]


def span_of(calendar: Calendar, year: int, month: int | None = None,
            day: int | None = None) -> Interval | None:
    """The first and last Gregorian day of a year, month or day of ``calendar``."""
    if day is not None:
        assert month is not None
        date = to_gregorian(calendar, year, month, day)
        return None if date is None else (date, date)
    if month is not None:
        first = to_gregorian(calendar, year, month, 1)
        nxt = (to_gregorian(calendar, year + 1, 1, 1) if month == 12
               else to_gregorian(calendar, year, month + 1, 1))
    else:
        first = to_gregorian(calendar, year, 1, 1)
        nxt = to_gregorian(calendar, year + 1, 1, 1)
    if first is None:
        return None
    if nxt is None:  # the end of what the calendar library covers
        return None
    return first, nxt - dt.timedelta(days=1)


def _relative(c: Candidate, anchor: dt.date) -> tuple[str, Interval] | None:
    """Value and interval of a relative date from the anchor."""
    assert c.unit is not None
    if c.unit in ("month", "year") and c.calendar != "gregorian":
        written = from_gregorian(c.calendar, anchor)
        if written is None:
            return None
        year, month = written[0], written[1]
        if c.unit == "year":
            span = span_of(c.calendar, year + c.offset)
        else:
            total = year * 12 + month - 1 + c.offset
            span = span_of(c.calendar, total // 12, total % 12 + 1)
        if span is None:
            return None
        return iso(span[0], "year" if c.unit == "year" else "month"), span
    if c.unit == "month":
        first = add_months(anchor, c.offset)
        span = None if first is None else span_of("gregorian", first.year, first.month)
        return None if first is None or span is None else (iso(first, "month"), span)
    if c.unit == "year":
        year = anchor.year + c.offset
        span = span_of("gregorian", year) if 1 <= year <= 9998 else None
        return None if span is None else (f"{year:04d}", span)
    day = add_days(anchor, c.offset * (7 if c.unit == "week" else 1))
    return None if day is None else (iso(day, "day"), (day, day))


def _weekday_day(c: Candidate, anchor: dt.date) -> dt.date | None:
    assert c.weekday is not None
    back = (anchor.weekday() - c.weekday) % 7  # days since the latest such day
    ahead = (c.weekday - anchor.weekday()) % 7 or 7
    if c.direction == "nearest":
        delta = -back
    elif c.direction == "last":
        delta = -(back or 7)  # "last Monday" said on a Monday is a week ago
    elif c.direction == "before_last":
        delta = -(back or 7) - 7
    elif c.direction == "next":
        delta = ahead
    elif c.direction == "after_next":
        delta = ahead + 7
    else:  # "this", "next_week", "last_week": the day in the anchor's week, or the
        # week after or before it; weeks start on the language's first day (offset)
        start = c.offset if c.direction != "this" else 5
        delta = -((anchor.weekday() - start) % 7) + (c.weekday - start) % 7
        delta += {"next_week": 7, "last_week": -7}.get(c.direction, 0)
    return add_days(anchor, delta)


def _nth_in(calendar: Calendar, year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    """The ``nth`` ``weekday`` of a month (-1: the last)."""
    span = span_of(calendar, year, month)
    if span is None:
        return None
    first_day, last_day = span
    if nth > 0:
        day = first_day + dt.timedelta(days=(weekday - first_day.weekday()) % 7 + 7 * (nth - 1))
        return day if day <= last_day else None
    return last_day - dt.timedelta(days=(last_day.weekday() - weekday) % 7)


def _nth_weekday_day(c: Candidate, anchor: dt.date) -> dt.date | None:
    """"آخرین جمعه ماه رمضان": the nth weekday of the month meant."""
    assert c.weekday is not None
    if c.month is not None:
        written = from_gregorian(c.calendar, anchor)
        return None if written is None else _nth_in(c.calendar, written[0], c.month,
                                                    c.weekday, c.nth)
    first = add_months(anchor, c.offset)
    return None if first is None else _nth_in("gregorian", first.year, first.month,
                                              c.weekday, c.nth)


def _month_day_of_story(c: Candidate, anchor: dt.date) -> dt.date | None:
    """"الخامس من الشهر المقبل", "۱۵ ماه آینده": that day of the month counted
    from the anchor's, in the candidate's calendar."""
    assert c.day is not None
    written = from_gregorian(c.calendar, anchor)
    if written is None:
        return None
    months = written[0] * 12 + written[1] - 1 + c.offset
    return to_gregorian(c.calendar, months // 12, months % 12 + 1, c.day)


def _year_towards(calendar: Calendar, month: int, day: int, anchor: dt.date,
                  direction: str) -> int | None:
    """The year of (month, day) the way a next/last/this word points from the anchor."""
    written = from_gregorian(calendar, anchor)
    if written is None:
        return None
    year = written[0]
    if direction == "this":
        return year
    for candidate in ((year, year + 1) if direction == "next" else (year, year - 1)):
        date = to_gregorian(calendar, candidate, month, day)
        if date is None:
            continue
        if (direction == "next" and date > anchor) or (direction == "last" and date < anchor):
            return candidate
    return None


def _month_value(c: Candidate, anchor: Anchor | None) -> tuple[str | None, Interval | None]:
    """A month named alone: that month in the anchor's year (or the one a
    next/last word points to), else ``--MM`` (a Jalali or Hijri month: the
    Gregorian month of its first day; a Hijri month with nothing to place it
    in a year: null)."""
    assert c.month is not None
    if anchor is not None and anchor.resolves:
        if c.direction in ("next", "last", "this"):
            year = _year_towards(c.calendar, c.month, 1, anchor.date, c.direction)
        else:
            written = from_gregorian(c.calendar, anchor.date)
            year = written[0] if written is not None else None
        span = None if year is None else span_of(c.calendar, year, c.month)
        return (None, None) if span is None else (iso(span[0], "month"), span)
    if c.calendar == "gregorian":
        return f"--{c.month:02d}", None
    if c.calendar == "hijri" and anchor is None:
        return None, None  # a Hijri month moves through every Gregorian month
    hint = from_gregorian(c.calendar, anchor.date) if anchor is not None else None
    year = hint[0] if hint is not None else {"jalali": 1400, "hijri": 1445}[c.calendar]
    first = to_gregorian(c.calendar, year, c.month, 1)
    return (None if first is None else f"--{first.month:02d}"), None


def _month_day(calendar: Calendar, month: int, day: int, year_hint: int | None) -> str | None:
    """``--MM-DD`` of a year-less date; a Jalali or Hijri day is converted in the
    year the story points to (else a typical year), since its Gregorian day
    moves with the year."""
    if calendar == "gregorian":
        return f"--{month:02d}-{day:02d}" if to_gregorian("gregorian", 2000, month, day) else None
    year = year_hint if year_hint is not None else {"jalali": 1400, "hijri": 1445}[calendar]
    date = to_gregorian(calendar, year, month, day)
    return None if date is None else f"--{date.month:02d}-{date.day:02d}"


#: the years a year-less Jalali or Hijri date written with its weekday is
#: looked for in (the latest that fits wins)
_CLUE_YEARS: dict[Calendar, range] = {"jalali": range(1405, 1369, -1),
                                      "hijri": range(1448, 1409, -1)}


def clue_years(candidates: Sequence[Candidate]) -> dict[Calendar, int]:
    """The year that year-less Jalali or Hijri dates written with their weekday
    point to ("شنبه ۳۰ فروردین" is 1399, when 30 Farvardin fell on a Saturday):
    the latest year in which most of them fall on their weekday. Their
    ``--MM-DD`` values, and those of the story's other year-less dates of that
    calendar, are converted in that year rather than in a typical one."""
    out: dict[Calendar, int] = {}
    for calendar, years in _CLUE_YEARS.items():
        clues = [c for c in candidates if c.kind == "date" and c.calendar == calendar
                 and c.year is None and c.weekday is not None and c.month and c.day]
        if not clues:
            continue
        scores = {}
        for year in years:
            fits = 0
            for c in clues:
                assert c.month is not None
                assert c.day is not None
                date = to_gregorian(calendar, year, c.month, c.day)
                fits += date is not None and date.weekday() == c.weekday
            scores[year] = fits
        best = max(scores.values())
        if best:
            out[calendar] = next(y for y in years if scores[y] == best)
    return out


def resolve(doc: Document, c: Candidate, anchor: Anchor | None,
            year_hints: dict[Calendar, int] | None = None) -> DateMention | None:
    """The mention of candidate ``c``; None for a date that does not exist.
    ``year_hints``: the year of each calendar that year-less dates written
    with their weekday point to (:func:`clue_years`)."""
    value: str | None = None
    interval: Interval | None = None
    resolving = anchor.date if anchor is not None and anchor.resolves else None
    if c.kind == "relative":
        if resolving is not None:
            found = _relative(c, resolving)
            if found is not None:
                value, interval = found
        return doc.mention(DateMention, c.start, c.end, value=value, relative=True,
                           calendar=c.calendar, interval=_isos(interval))
    if c.kind == "month":
        value, interval = _month_value(c, anchor)
        return doc.mention(DateMention, c.start, c.end, value=value, calendar=c.calendar,
                           interval=_isos(interval))
    if c.kind in ("weekday", "nth_weekday", "month_day"):
        named: dt.date | None = None
        if resolving is not None:
            named = (_weekday_day(c, resolving) if c.kind == "weekday"
                     else _nth_weekday_day(c, resolving) if c.kind == "nth_weekday"
                     else _month_day_of_story(c, resolving))
        return doc.mention(DateMention, c.start, c.end,
                           value=None if named is None else iso(named, "day"), relative=True,
                           calendar=c.calendar if c.kind in ("nth_weekday", "month_day")
                           else "gregorian",
                           weekday=c.weekday,
                           interval=None if named is None else _isos((named, named)))
    calendar, year, month, day = c.calendar, c.year, c.month, c.day
    weekday = c.weekday
    if year is None:
        assert month is not None
        assert day is not None
        completed = None
        if anchor is not None and anchor.resolves:
            if c.direction in ("next", "last", "this"):
                completed = _year_towards(calendar, month, day, anchor.date, c.direction)
            else:
                completed = complete_year(calendar, month, day, anchor.date)
            if completed is None:
                return None
        if completed is None:
            hint = (complete_year(calendar, month, day, anchor.date) if anchor
                    else (year_hints or {}).get(calendar))
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
        if c.nth and month is not None:
            # "الاثنين الثاني من نوفمبر" where the 2nd is no Monday: the second Monday
            nth = _nth_in(calendar, year, month, weekday, c.nth)
            if nth is not None:
                return doc.mention(DateMention, c.start, c.end, value=iso(nth, "day"),
                                   relative=True, calendar=calendar, weekday=weekday,
                                   interval=_isos((nth, nth)))
        weekday = None
    precision: Precision = "day" if day is not None else "month" if month is not None else "year"
    return doc.mention(
        DateMention, c.start, c.end, value=iso(date, precision), calendar=calendar,
        original=OriginalDate(year, month, day) if calendar != "gregorian" else None,
        weekday=weekday, interval=_isos(span_of(calendar, year, month, day)),
    )


def _isos(interval: Interval | None) -> tuple[str, str] | None:
    return None if interval is None else (interval[0].isoformat(), interval[1].isoformat())


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
    "clue_years",
    "complete_year",
    "full_date",
    "iso",
    "resolve",
    "story_anchor",
]
