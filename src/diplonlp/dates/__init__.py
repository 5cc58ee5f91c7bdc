"""Dates in the Gregorian, Jalali and lunar Hijri calendars.

What is recognised (words in ``data/dates/*.json``, all run through the
normaliser):

* day + month name (+ year, era marker, weekday): "18 سپتامبر 2020",
  "۱۲ مرداد ۱۴۰۱", "الأحد 25 أيلول 2022", "15 رمضان 1437هـ", paired names
  ("آب/أغسطس", "أبريل نيسان"), ordinal days ("هشتم اردیبهشت", "الحادي والعشرين
  من شهر رمضان") and coordinated days ("يومي 17 و18 أبريل": two dates);
* month + year ("سپتامبر 2020", "فروردین ۱۴۰۱"), a year after a cue ("سال ۲۰۱۷",
  "عام 2017", "سال ۹۴") or with an era marker ("2016م", "1437هـ");
* numeric dates in any digits: d/m/y, d.m.y, d-m-y, y/m/d, y-m-d and the
  two-digit Jalali year ("2/4/86"). A day above 12 decides the order,
  otherwise the day comes first;
* relative dates ("روز گذشته", "أمس", "الأسبوع الماضي", "قبل يومين", "سه روز
  پیش"), resolved against the reference date, else the article's published
  date (see :func:`~diplonlp.dates.resolution.story_anchor`);
* a bare weekday only with a cue ("روز دوشنبه", "يوم الاثنين", "دوشنبه گذشته");
* times next to a date are kept on the mention (``time``), not in its span.

How ambiguity is resolved:

* the calendar comes from the month name, else an era marker, else the
  year: 1300-1499 is Jalali in Persian text and Hijri (1300-1500) in Arabic;
* month words that are also common words (Persian می, مه, Afghan zodiac
  months, بهمن, آذر, رجب ...) count only with a year, or with a date cue or
  weekday before the day;
* a weekday written next to a date is checked: when it does not fall on that
  date (Khovar's "دوشنبه، 26.01.2022" names the city Dushanbe; 26 January 2022
  was a Wednesday) it is left out of the mention;
* impossible dates (30 February, 31 Esfand) give no mention;
* a day and month without a year take the year that puts them nearest the
  anchor: at most 90 days after it, otherwise in the year before; without a
  reference or published date they stay ``--MM-DD`` (a Jalali or Hijri day
  converted in the year the story points to).

For a Jalali or Hijri date ``value`` is the Gregorian date (of the first day,
for a month or a year), and ``original`` keeps the date as written.

Layout: :mod:`.lexicon` (the words, from ``data/dates/``), :mod:`.patterns`
(the grammar), :mod:`.calendars` (Jalali and Hijri arithmetic),
:mod:`.scanner` (candidates as written, unresolved), :mod:`.resolution` (the
story's anchor, the published date, values), :mod:`.extractor`.
"""

from diplonlp.dates.calendars import from_gregorian, to_gregorian
from diplonlp.dates.extractor import DateExtractor, PublishedDateExtractor, find_dates
from diplonlp.dates.lexicon import calendar_words, lexicon
from diplonlp.dates.resolution import Anchor, choose_published, story_anchor

__all__ = [
    "Anchor",
    "DateExtractor",
    "PublishedDateExtractor",
    "calendar_words",
    "choose_published",
    "find_dates",
    "from_gregorian",
    "lexicon",
    "story_anchor",
    "to_gregorian",
]
