"""Calendar arithmetic: Jalali (jdatetime) and Umm al-Qura Hijri (hijridate) to
Gregorian and back, and which calendar a written year belongs to."""

from __future__ import annotations

import datetime as dt

from diplonlp.model import Calendar, Language

#: The years accepted for each calendar (a written year outside is no date).
YEAR_RANGES: dict[Calendar, tuple[int, int]] = {
    "gregorian": (1800, 2200),
    "jalali": (1250, 1500),
    "hijri": (1343, 1500),
}


def to_gregorian(calendar: Calendar, year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of a date in ``calendar``; None when it does not exist
    (or lies outside what the calendar library covers)."""
    try:
        if calendar == "gregorian":
            return dt.date(year, month, day)
        if calendar == "jalali":
            import jdatetime

            if not 1 <= month <= 12 or not 1 <= day <= 31:
                return None
            result: dt.date = jdatetime.date(year, month, day).togregorian()
            return result
        from hijridate import Hijri

        hijri: dt.date = Hijri(year, month, day).to_gregorian()
        return dt.date(hijri.year, hijri.month, hijri.day)
    except (ValueError, OverflowError):
        return None


def from_gregorian(calendar: Calendar, date: dt.date) -> tuple[int, int, int] | None:
    """(year, month, day) of ``date`` in ``calendar``; None outside the range
    the calendar library covers (Umm al-Qura: 1343-1500 AH)."""
    try:
        if calendar == "gregorian":
            return date.year, date.month, date.day
        if calendar == "jalali":
            import jdatetime

            j = jdatetime.date.fromgregorian(date=date)
            return j.year, j.month, j.day
        from hijridate import Gregorian

        h = Gregorian(date.year, date.month, date.day).to_hijri()
        return h.year, h.month, h.day
    except (ValueError, OverflowError):
        return None


def expand_year(year: int, digits: int, calendar: Calendar) -> int | None:
    """A written year in full: two-digit years only in the Jalali calendar
    (``۹۸`` is 1398, ``۰۲`` is 1402)."""
    if digits == 4:
        return year
    if calendar == "jalali":
        return 1300 + year if year >= 40 else 1400 + year
    return None


def calendar_of_year(year: int, language: Language) -> Calendar | None:
    """The calendar a bare four-digit year is in: 1850-2100 Gregorian, 1300-1499
    Jalali in Persian text, 1343-1500 Hijri in Arabic text."""
    if 1850 <= year <= 2100:
        return "gregorian"
    if language == "fa" and 1300 <= year <= 1499:
        return "jalali"
    if language == "ar" and 1343 <= year <= 1500:
        return "hijri"
    return None


def add_months(date: dt.date, months: int) -> dt.date | None:
    """The first day of the month ``months`` after ``date``'s; None beyond year 1-9999."""
    total = date.year * 12 + date.month - 1 + months
    year = total // 12
    if not 1 <= year <= 9999:
        return None
    return dt.date(year, total % 12 + 1, 1)


def add_days(date: dt.date, days: int) -> dt.date | None:
    """``date`` plus ``days``; None beyond year 1-9999."""
    try:
        return date + dt.timedelta(days=days)
    except OverflowError:
        return None


__all__ = [
    "YEAR_RANGES",
    "add_days",
    "add_months",
    "calendar_of_year",
    "expand_year",
    "from_gregorian",
    "to_gregorian",
]
