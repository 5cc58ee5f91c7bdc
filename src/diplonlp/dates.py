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
* relative dates ("روز گذشته", "أمس", "الأسبوع الماضي", "قبل يومين"), resolved
  against the reference date, else the article's published date;
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
  anchor: at most 90 days after it, otherwise in the year before.

For a Jalali or Hijri date ``value`` is the Gregorian date (of the first day,
for a month or a year), and ``original`` keeps the date as written.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Sequence
from typing import Any

import regex
from attrs import frozen

from diplonlp._prefilter import (
    WordStarts,
    alternation,
    digit_starts,
    matches,
    merged,
    with_joined_keys,
)
from diplonlp._resources import load_json
from diplonlp.model import Calendar, DateMention, Language, OriginalDate
from diplonlp.normalize import normalize_lexeme
from diplonlp.pipeline import BaseExtractor, Document

_B = r"(?<![\p{L}\p{M}\p{N}])"  # nothing word-like before
_E = r"(?![\p{L}\p{M}\p{N}])"  # nothing word-like after


@frozen
class _Lexicon:
    months: dict[str, tuple[Calendar, int]]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    eras: dict[str, Calendar]
    ordinals: dict[str, int]
    relative: dict[str, tuple[str, int]]
    year_cues: tuple[str, ...]
    date_cues: tuple[str, ...]
    weekday_before: tuple[str, ...]
    weekday_after: tuple[str, ...]
    month_cues: tuple[str, ...]


def _n(word: str, language: Language) -> str:
    return " ".join(normalize_lexeme(word, language).split())


@functools.lru_cache(maxsize=2)
def lexicon(language: Language) -> _Lexicon:
    data = load_json("dates", "calendar_words.json")
    months: dict[str, tuple[Calendar, int]] = {}
    ambiguous: set[str] = set()
    for calendar in ("gregorian", "jalali", "hijri"):
        block = data["months"][calendar]
        for month, words in block[language].items():
            for w in words:
                months.setdefault(_n(w, language), (calendar, int(month)))
        ambiguous.update(_n(w, language) for w in block["ambiguous"][language])
    weekdays = {
        _n(w, language): int(day)
        for day, words in data["weekdays"][language].items()
        for w in words
    }
    eras: dict[str, Calendar] = {}
    for calendar, by_lang in data["eras"].items():
        for w in by_lang[language]:
            eras[_n(w, language)] = calendar
    rel = load_json("dates", "relative.json")
    ordinals = {
        _n(w, language): int(day)
        for day, words in rel["ordinal_days"][language].items()
        for w in words
    }
    relative = {
        _n(w, language): (entry["unit"], int(entry["offset"]))
        for entry in rel["fixed"][language]
        for w in entry["words"]
    }
    cues = load_json("dates", "year_cues.json")[language]
    months = with_joined_keys(months)
    weekdays = with_joined_keys(weekdays)
    eras = with_joined_keys(eras)
    ordinals = with_joined_keys(ordinals)
    relative = with_joined_keys(relative)
    return _Lexicon(
        months=months,
        ambiguous_months=frozenset(_key(w) for w in ambiguous),
        weekdays=weekdays,
        eras=eras,
        ordinals=ordinals,
        relative=relative,
        year_cues=tuple(_n(w, language) for w in cues),
        date_cues=tuple(_n(w, language) for w in data["date_cues"][language]),
        weekday_before=tuple(_n(w, language) for w in data["weekday_cues"]["before"][language]),
        weekday_after=tuple(_n(w, language) for w in data["weekday_cues"]["after"][language]),
        month_cues=tuple(_n(w, language) for w in data["month_cues"][language]),
    )


_alt = alternation


@frozen
class _Patterns:
    dmy: regex.Pattern[str]
    month_year: regex.Pattern[str]
    numeric: regex.Pattern[str]
    year_cue: regex.Pattern[str]
    year_era: regex.Pattern[str]
    relative: regex.Pattern[str]
    counted: regex.Pattern[str]
    weekday: regex.Pattern[str]
    time: regex.Pattern[str]
    cue_before: regex.Pattern[str]
    year_range: regex.Pattern[str]
    #: where each word-initial pattern can start (see diplonlp._prefilter)
    starts: dict[str, WordStarts]
    clitics: str


@functools.lru_cache(maxsize=2)
def _patterns(language: Language) -> _Patterns:
    lex = lexicon(language)
    clitic = "(?:[وفبل]{1,2})?" if language == "ar" else ""
    month = _alt(list(lex.months))
    wd = _alt(list(lex.weekdays))
    era = _alt(list(lex.eras))
    ordinal = _alt(list(lex.ordinals))
    month_cue = _alt(list(lex.month_cues))
    year_cue = _alt(list(lex.year_cues))
    pair = rf"(?:\s*[/\\(-]\s*|\s+)(?P<month2>{month}){_E}\)?"
    year = (
        rf"(?:\s*[،,]?\s*(?:(?:{year_cue})\s+)?(?P<year>\d{{4}}|\d{{2}}(?!\d))"
        rf"(?:\s*(?P<era>{era})(?![\p{{L}}\p{{M}}]))?)?"
    )
    weekday = rf"(?:(?P<wd>{wd})\s*[،,]?\s*)?"
    of = r"(?:\s*من)?" if language == "ar" else ""
    ord_of = r"\s+من" if language == "ar" else ""
    dmy = (
        rf"{_B}{clitic}{weekday}"
        rf"(?:(?P<day>\d{{1,2}})(?:\s*(?:و|-|–|تا)\s*(?P<day2>\d{{1,2}}))?(?:\s*ام)?"
        rf"|(?P<oday>{ordinal}){ord_of}|(?P<ghurra>غره))"
        rf"{of}\s*(?:(?:{month_cue})\s+)?(?P<month>{month}){_E}(?:{pair})?{year}"
    )
    month_year = (
        rf"{_B}{clitic}(?:(?:{month_cue})\s+)?(?P<month>{month}){_E}(?:{pair})?"
        rf"\s*[،,]?\s*(?:(?:{year_cue})\s+)?(?P<year>\d{{4}})(?!\d)"
        rf"(?:\s*(?P<era>{era})(?![\p{{L}}\p{{M}}]))?"
    )
    numeric = (
        rf"(?<![\d./-]){clitic}{weekday}(?P<n1>\d{{1,4}})(?P<sep>[/.\-])(?P<n2>\d{{1,2}})"
        rf"(?P=sep)(?P<n3>\d{{4}}|\d{{1,2}})(?![\d]|[./-]\d)"
        rf"(?:\s*(?P<era>{era})(?![\p{{L}}\p{{M}}]))?"
    )
    year_cue_re = (
        rf"{_B}{clitic}(?:{year_cue})\s+(?P<year>\d{{4}}|\d{{2}})(?![\d٫.,/])"
        rf"(?:\s*(?P<era>{era})(?![\p{{L}}\p{{M}}]))?"
    )
    year_era = rf"(?<![\d./-])(?P<year>\d{{4}})\s*(?P<era>{era})(?![\p{{L}}\p{{M}}])"
    relative = rf"{_B}{clitic}(?P<rel>{_alt(list(lex.relative))}){_E}"
    rel_data = load_json("dates", "relative.json")["counted"][language]
    units = {u: [_n(w, language) for w in ws] for u, ws in rel_data["units"].items()}
    unit_alt = "|".join(f"(?P<u_{u}>{_alt(ws)})" for u, ws in units.items())
    from diplonlp.numerals import _lexicon as number_words

    count = rf"(?P<count>\d{{1,3}}|{_alt([w for w in number_words(language) if len(w) > 1])})"
    if language == "ar":
        past = _alt([_n(w, language) for w in rel_data["before_past"]])
        future = _alt([_n(w, language) for w in rel_data["before_future"]])
        counted = (
            rf"{_B}{clitic}(?:(?P<past>{past})|(?P<future>{future}))\s+"
            rf"(?:{count}\s+)?(?:{unit_alt}){_E}(?!\s*\d)"
        )
    else:
        past = _alt([_n(w, language) for w in rel_data["after_past"]])
        future = _alt([_n(w, language) for w in rel_data["after_future"]])
        counted = (
            rf"{_B}{count}\s+(?:{unit_alt})\s+(?:(?P<past>{past})|(?P<future>{future})){_E}"
        )
    before = _alt(list(lex.weekday_before))
    after = _alt(list(lex.weekday_after))
    weekday_re = (
        rf"{_B}{clitic}(?:(?P<cue>{before})\s+(?P<bwd>{wd}){_E}(?:\s+(?P<after>{after}){_E})?"
        rf"|(?P<bwd2>{wd})\s+(?P<after2>{after}){_E})"
    )
    hours = load_json("dates", "calendar_words.json")["hours"]
    hour_words = _alt([_n(w, language) for w in hours["hours"][language]] or ["\x00"])
    minute_words = _alt([_n(w, language) for w in hours["minutes"][language]])
    day_half = _alt([_n(w, language) for w in [*hours["pm"][language], *hours["am"][language]]])
    cue = _alt([_n(w, language) for w in hours["cue"][language]])
    time = regex.compile(
        rf"(?:T|\s*[،,\-–]?\s*(?:{cue})?\s*)(?:(?P<time>\d{{1,2}}:\d{{2}}(?::\d{{2}})?)(?!\d)"
        rf"|(?<=(?:{cue})\s*)(?:(?P<hnum>\d{{1,2}})(?![\d:])|(?P<hword>{hour_words}){_E})"
        rf"(?:\s+(?P<minutes>{minute_words}){_E})?(?:\s+(?P<half>{day_half}){_E})?)"
    )
    cues = _alt(list(lex.date_cues))
    cue_before = regex.compile(rf"(?:^|(?<![\p{{L}}\p{{M}}])){clitic}(?:{cues})\s*$")
    ranges = load_json("dates", "calendar_words.json")["year_ranges"]
    openers = _alt([_n(w, language) for w in ranges["openers"][language]])
    joiners = _alt([_n(w, language) for w in ranges["joiners"][language]])
    year_range = regex.compile(
        rf"{_B}{clitic}(?:{openers})\s*(?P<y1>\d{{4}})(?P<era1>\s*(?:{era})(?![\p{{L}}\p{{M}}]))?"
        rf"\s*(?:{joiners})\s*(?P<y2>\d{{4}})(?!\d)(?P<era2>\s*(?:{era})(?![\p{{L}}\p{{M}}]))?"
    )
    letters = "وفبل" if language == "ar" else ""
    range_words = ranges["openers"][language]
    starts = {
        "day_words": WordStarts([*lex.weekdays, *lex.ordinals, "غره"], clitics=letters),
        "month_year": WordStarts([*lex.months, *lex.month_cues], clitics=letters),
        "year_cue": WordStarts(list(lex.year_cues), clitics=letters),
        "year_range": WordStarts([_n(w, language) for w in range_words], clitics=letters),
        "relative": WordStarts(list(lex.relative), clitics=letters),
        "weekday": WordStarts([*lex.weekday_before, *lex.weekdays], clitics=letters),
    }
    return _Patterns(
        starts=starts,
        clitics=letters,
        year_range=year_range,
        dmy=regex.compile(dmy),
        month_year=regex.compile(month_year),
        numeric=regex.compile(numeric),
        year_cue=regex.compile(year_cue_re),
        year_era=regex.compile(year_era),
        relative=regex.compile(relative),
        counted=regex.compile(counted),
        weekday=regex.compile(weekday_re),
        time=time,
        cue_before=cue_before,
    )


# --- calendar arithmetic (jdatetime and hijridate) ----------------------------


def to_gregorian(calendar: Calendar, year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of a date in ``calendar``; None when it does not exist."""
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


def from_gregorian(calendar: Calendar, date: dt.date) -> tuple[int, int, int]:
    if calendar == "gregorian":
        return date.year, date.month, date.day
    if calendar == "jalali":
        import jdatetime

        j = jdatetime.date.fromgregorian(date=date)
        return j.year, j.month, j.day
    from hijridate import Gregorian

    h = Gregorian(date.year, date.month, date.day).to_hijri()
    return h.year, h.month, h.day


_YEAR_RANGES: dict[Calendar, tuple[int, int]] = {
    "gregorian": (1800, 2200),
    "jalali": (1250, 1500),
    "hijri": (1343, 1500),
}


def _expand_year(year: int, digits: int, calendar: Calendar) -> int | None:
    if digits == 4:
        return year
    if calendar == "jalali":
        return 1300 + year if year >= 40 else 1400 + year
    return None


def _calendar_of_year(year: int, language: Language) -> Calendar | None:
    if 1850 <= year <= 2100:
        return "gregorian"
    if language == "fa" and 1300 <= year <= 1499:
        return "jalali"
    if language == "ar" and 1343 <= year <= 1500:
        return "hijri"
    return None


@frozen
class _Found:
    start: int
    end: int
    priority: int
    fields: dict[str, Any]


class _Scanner:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.norm
        self.language = doc.language
        self.lex = lexicon(doc.language)
        self.pat = _patterns(doc.language)

    # each finder yields candidate spans with the fields of a DateMention

    def _words(self, name: str, pattern: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
        return matches(pattern, self.text, self.pat.starts[name].starts(self.text))

    def _day_first(self, pattern: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
        starts = merged(
            digit_starts(self.text, self.pat.clitics),
            self.pat.starts["day_words"].starts(self.text),
        )
        return matches(pattern, self.text, starts)

    def dmy(self) -> Iterator[_Found]:
        for m in self._day_first(self.pat.dmy):
            yield from self._dmy(m)

    def _dmy(self, m: regex.Match[str]) -> Iterator[_Found]:
        lex = self.lex
        month_word = _key(m.group("month"))
        calendar, month = lex.months[month_word]
        if m.group("month2"):
            month2 = lex.months[_key(m.group("month2"))][1]
            if month2 != month:  # "آب/أغسطس" must agree
                return
        if m.group("day"):
            day = int(m.group("day"))
        elif m.group("oday"):
            day = lex.ordinals[_key(m.group("oday"))]
        else:
            day = 1
        year, era_cal = self._year(m, calendar)
        if m.group("year") and year is None:
            return
        if era_cal is not None and era_cal != calendar and calendar != "gregorian":
            return
        if (
            year is None and month_word in lex.ambiguous_months
            and not m.group("wd") and not self._cue_before(m.start())
        ):
            return
        if year is None and m.group("oday") is None and m.group("day") and not (1 <= day <= 31):
            return
        end = m.end()
        start = m.start("day") if m.group("day") else m.start("oday") if m.group("oday") else (
            m.start("ghurra")
        )
        if m.group("year") is None:
            end = m.end("month2") if m.group("month2") else m.end("month")
            if m.group("month2") and self.text[end : end + 1] == ")":
                end += 1
        fields = {"calendar": calendar, "year": year, "month": month, "day": day}
        wd_fields = self._weekday(m, fields)
        if wd_fields is not None:
            start = m.start("wd")
            fields["weekday"] = wd_fields
        if m.group("day2"):
            day2 = int(m.group("day2"))
            first = dict(fields, day=day)
            first.pop("weekday", None)
            yield _Found(start, m.end("day"), 1, first)
            yield _Found(m.start("day2"), end, 1, dict(fields, day=day2))
            return
        yield _Found(start, end, 1, fields)

    def _year(self, m: regex.Match[str], calendar: Calendar) -> tuple[int | None, Calendar | None]:
        raw = m.group("year")
        era_cal = self.lex.eras.get(_key(m.group("era"))) if m.group("era") else None
        if raw is None:
            return None, era_cal
        if len(raw) == 2 and calendar != "jalali":
            return None, era_cal
        year = _expand_year(int(raw), len(raw), calendar)
        if year is None:
            return None, era_cal
        low, high = _YEAR_RANGES[calendar]
        if not low <= year <= high:
            return None, era_cal
        return year, era_cal

    def _weekday(self, m: regex.Match[str], fields: dict[str, Any]) -> int | None:
        if not m.group("wd"):
            return None
        weekday = self.lex.weekdays[_key(m.group("wd"))]
        if fields.get("year") is None:
            return weekday  # checked once the year is completed from the anchor
        date = to_gregorian(fields["calendar"], fields["year"], fields["month"], fields["day"])
        if date is None or date.weekday() != weekday:
            return None
        return weekday

    def _cue_before(self, pos: int) -> bool:
        return self.pat.cue_before.search(self.text, max(0, pos - 16), pos) is not None

    def month_year(self) -> Iterator[_Found]:
        for m in self._words("month_year", self.pat.month_year):
            month_word = _key(m.group("month"))
            calendar, month = self.lex.months[month_word]
            if m.group("month2") and self.lex.months[_key(m.group("month2"))][1] != month:
                continue
            year, era_cal = self._year(m, calendar)
            if year is None:
                continue
            if era_cal is not None and era_cal != calendar and calendar != "gregorian":
                continue
            fields = {"calendar": calendar, "year": year, "month": month, "day": None}
            yield _Found(m.start("month"), m.end(), 2, fields)

    def numeric(self) -> Iterator[_Found]:
        for m in self._day_first(self.pat.numeric):
            n1, n2, n3 = m.group("n1"), m.group("n2"), m.group("n3")
            era = self.lex.eras.get(_key(m.group("era"))) if m.group("era") else None
            if len(n1) == 4:
                year_raw, month, day = n1, int(n2), int(n3)
                if len(n3) > 2:
                    continue
            elif len(n1) <= 2 and len(n3) in (2, 4):
                year_raw = n3
                a, b = int(n1), int(n2)
                day, month = (b, a) if a <= 12 < b else (a, b)
            else:
                continue
            found = self._year_of(year_raw, era)
            if found is None:
                continue
            calendar, year = found
            if to_gregorian(calendar, year, month, day) is None:
                continue
            fields: dict[str, Any] = {
                "calendar": calendar, "year": year, "month": month, "day": day,
            }
            start = m.start("n1")
            wd = self._weekday(m, fields)
            if wd is not None:
                start = m.start("wd")
                fields["weekday"] = wd
            yield _Found(start, m.end(), 1, fields)

    def years(self) -> Iterator[_Found]:
        for m in self._words("year_cue", self.pat.year_cue):
            found = self._bare_year(m)
            if found is not None:
                yield found
        for m in self.pat.year_era.finditer(self.text):
            found = self._bare_year(m)
            if found is not None:
                yield found

    def _year_of(self, raw: str, era: Calendar | None) -> tuple[Calendar, int] | None:
        """Calendar and full year of a written year: a two-digit year is Jalali
        (Persian text only); a four-digit one takes the era marker, else the
        calendar its range implies (see _calendar_of_year)."""
        if len(raw) == 2:
            if self.language != "fa" or era not in (None, "jalali"):
                return None
            year = _expand_year(int(raw), 2, "jalali")
            return None if year is None else ("jalali", year)
        year = int(raw)
        calendar = era or _calendar_of_year(year, self.language)
        return None if calendar is None else (calendar, year)

    def _bare_year(self, m: regex.Match[str]) -> _Found | None:
        era = self.lex.eras.get(_key(m.group("era"))) if m.group("era") else None
        found = self._year_of(m.group("year"), era)
        if found is None:
            return None
        calendar, year = found
        low, high = _YEAR_RANGES[calendar]
        if not low <= year <= high:
            return None
        fields = {"calendar": calendar, "year": year, "month": None, "day": None}
        return _Found(m.start("year"), m.end(), 3, fields)

    def year_ranges(self) -> Iterator[_Found]:
        """Both ends of "از سال ۱۳۹۸ تا ۱۴۰۰", "من 2018 إلى 2020"."""
        from diplonlp.numerals import Numeral

        scaled = {
            n.norm_start for n in self.doc.get("_numerals")
            if isinstance(n, Numeral) and n.scale is not None
        }
        for m in self._words("year_range", self.pat.year_range):
            if m.start("y2") in scaled:
                continue  # "من 2018 إلى 2020 مليون": amounts, not years
            y1, y2 = int(m.group("y1")), int(m.group("y2"))
            calendar = _calendar_of_year(y1, self.language)
            if calendar is None or calendar != _calendar_of_year(y2, self.language):
                continue
            if not 0 < y2 - y1 <= 100:
                continue
            for group, year in (("y1", y1), ("y2", y2)):
                era = m.group("era" + group[1])
                end = m.end("era" + group[1]) if era else m.end(group)
                fields = {"calendar": calendar, "year": year, "month": None, "day": None}
                yield _Found(m.start(group), end, 3, fields)

    def relative(self, *, current_periods: bool = False) -> Iterator[_Found]:
        cued = _needs_cue(self.language)
        for m in self._words("relative", self.pat.relative):
            word = _key(m.group("rel"))
            unit, offset = self.lex.relative[word]
            if offset == 0 and unit != "day" and not current_periods:
                continue  # امسال, هذا العام: the article's own period, not a date
            if word in cued[0] and not self._cued(m.start("rel"), m.end("rel"), cued[1]):
                continue
            yield _Found(m.start("rel"), m.end("rel"), 4, {"relative": (unit, offset)})
        for m in self.pat.counted.finditer(self.text):
            unit = next(u for u in ("day", "week", "month", "year") if m.group(f"u_{u}"))
            word = _key(m.group(f"u_{unit}"))
            if m.group("count"):
                count = _count_value(m.group("count"), self.language)
                if count is None:
                    continue
            else:
                count = 2 if word.endswith(("ين", "ان")) else 1
            sign = -1 if m.group("past") else 1
            start = m.start()
            if self.language == "ar":
                start = m.start("past") if m.group("past") else m.start("future")
            yield _Found(start, m.end(), 4, {"relative": (unit, sign * count)})

    def _cued(self, start: int, end: int, before: regex.Pattern[str] | None) -> bool:
        if before is not None and before.search(self.text, max(0, start - 24), start):
            return True
        after = _NEXT_WORDS.match(self.text, end, end + 24)
        if after is None:
            return False
        words = after.group("w").split()
        return any(" ".join(words[:k]) in self.lex.weekdays for k in (1, 2))

    def weekdays(self) -> Iterator[_Found]:
        for m in self._words("weekday", self.pat.weekday):
            word = m.group("bwd") or m.group("bwd2")
            weekday = self.lex.weekdays[_key(word)]
            after = m.group("after") or m.group("after2") or ""
            start = m.start("bwd") if m.group("bwd") else m.start("bwd2")
            end = m.end("after") if m.group("after") else m.end("bwd") if m.group("bwd") else (
                m.end("after2")
            )
            direction = 1 if _key(after) in _FUTURE_WORDS else -1
            yield _Found(start, end, 5, {"weekday_relative": (weekday, direction)})


_NEXT_WORDS = regex.compile(r"\s*[،,]?\s*(?P<w>\S+(?:\s\S+)?)")
_FUTURE_WORDS = frozenset({"اینده", "المقبل", "القادم", "هفتهاینده"})


@functools.lru_cache(maxsize=2)
def _needs_cue(language: Language) -> tuple[frozenset[str], regex.Pattern[str] | None]:
    data = load_json("dates", "relative.json").get("needs_cue", {}).get(language, {})
    words = frozenset(_key(_n(w, language)) for w in data.get("words", []))
    before = [_n(w, language) for w in data.get("before", [])]
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{_alt(before)})\s*$") if before else None
    return words, pattern


def _key(word: str) -> str:
    """The lookup form of matched text: without spaces (see with_joined_keys)."""
    return "".join(word.split())


def _count_value(word: str, language: Language) -> int | None:
    if word.isdigit():
        return int(word)
    from diplonlp.numerals import _lexicon as number_words

    readings = number_words(language).get(word.replace(" ", ""))
    if not readings:
        return None
    value = readings[0][1]
    return int(value) if value == value.to_integral_value() and value > 0 else None


def _select(found: list[_Found]) -> list[_Found]:
    """Non-overlapping candidates: earlier start first, then higher priority
    (lower number), then longer."""
    found.sort(key=lambda f: (f.start, f.priority, -(f.end - f.start)))
    chosen: list[_Found] = []
    for f in found:
        if chosen and f.start < chosen[-1].end:
            prev = chosen[-1]
            if f.priority < prev.priority and f.end - f.start > prev.end - prev.start:
                chosen[-1] = f
            continue
        chosen.append(f)
    return chosen


def _iso(date: dt.date, precision: str) -> str:
    if precision == "day":
        return date.isoformat()
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return f"{date.year:04d}"


def _add_months(date: dt.date, months: int) -> dt.date:
    total = date.year * 12 + date.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


def _complete_year(calendar: Calendar, month: int, day: int, anchor: dt.date) -> int | None:
    """The year that puts (month, day) nearest the anchor (up to 90 days after)."""
    year = from_gregorian(calendar, anchor)[0]
    for candidate in (year, year - 1, year + 1):
        date = to_gregorian(calendar, candidate, month, day)
        if date is not None and -275 <= (date - anchor).days <= 90:
            return candidate
    return None


def _mention(doc: Document, f: _Found, anchor: dt.date | None) -> DateMention | None:
    fields = f.fields
    if "relative" in fields:
        unit, offset = fields["relative"]
        value = None
        if anchor is not None:
            if unit == "day":
                value = _iso(anchor + dt.timedelta(days=offset), "day")
            elif unit == "week":
                value = _iso(anchor + dt.timedelta(days=7 * offset), "day")
            elif unit == "month":
                value = _iso(_add_months(anchor, offset), "month")
            else:
                value = f"{anchor.year + offset:04d}"
        return doc.mention(DateMention, f.start, f.end, value=value, relative=True)
    if "weekday_relative" in fields:
        weekday, direction = fields["weekday_relative"]
        value = None
        if anchor is not None:
            delta = (weekday - anchor.weekday()) % 7
            if direction < 0:
                delta = delta - 7 if delta else 0
            elif delta == 0:
                delta = 7  # "شنبه آینده" said on a Saturday is next week's
            value = _iso(anchor + dt.timedelta(days=delta), "day")
        return doc.mention(
            DateMention, f.start, f.end, value=value, relative=True, weekday=weekday
        )
    calendar: Calendar = fields["calendar"]
    year, month, day = fields["year"], fields["month"], fields["day"]
    original = OriginalDate(year, month, day)
    weekday = fields.get("weekday")
    if year is None:
        if anchor is None:
            if calendar != "gregorian" or to_gregorian("gregorian", 2000, month, day) is None:
                value = None
            else:
                value = f"--{month:02d}-{day:02d}"
            return doc.mention(
                DateMention, f.start, f.end, value=value, calendar=calendar,
                original=original if calendar != "gregorian" else None, weekday=weekday,
            )
        year = _complete_year(calendar, month, day, anchor)
        if year is None:
            return None
        original = OriginalDate(year, month, day)
    date = to_gregorian(
        calendar, year, 1 if month is None else month, 1 if day is None else day
    )
    if date is None:
        return None
    if weekday is not None and date.weekday() != weekday:
        weekday = None
    precision = "day" if day is not None else "month" if month is not None else "year"
    value = _iso(date, precision)
    return doc.mention(
        DateMention, f.start, f.end, value=value, calendar=calendar,
        original=original if calendar != "gregorian" else None, weekday=weekday,
    )


@functools.lru_cache(maxsize=2)
def _clock_words(language: Language) -> tuple[dict[str, int], dict[str, int], frozenset[str]]:
    hours = load_json("dates", "calendar_words.json")["hours"]
    return (
        {_key(_n(w, language)): h for w, h in hours["hours"][language].items()},
        {_key(_n(w, language)): v for w, v in hours["minutes"][language].items()},
        frozenset(_key(_n(w, language)) for w in hours["pm"][language]),
    )


def _attach_time(doc: Document, f: _Found) -> str | None:
    """"08:55", or a clock time in words ("الساعة العاشرة صباحا" -> "10:00")."""
    if f.fields.get("day") is None:
        return None
    m = _patterns(doc.language).time.match(doc.norm, f.end, f.end + 60)
    if m is None:
        return None
    if m.group("time"):
        return m.group("time")
    hour_words, minute_words, pm = _clock_words(doc.language)
    hour = int(m.group("hnum")) if m.group("hnum") else hour_words[_key(m.group("hword"))]
    if hour > 24:
        return None
    minutes = minute_words[_key(m.group("minutes"))] if m.group("minutes") else 0
    if m.group("half") and _key(m.group("half")) in pm and hour < 12:
        hour += 12
    if not 0 <= hour <= 24:
        return None
    total = (hour * 60 + minutes) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


def choose_published(doc: Document, dates: Sequence[DateMention]) -> DateMention | None:
    """The article's own date: a full date followed by a time (a header
    timestamp), else the first full date in the first 400 characters that
    stands at the start of a line or after a dateline mark (| / – - ،)."""
    full = [d for d in dates if not d.relative and d.value and len(d.value) == 10]
    for d in full:
        if d.time is not None and d.start < 1000:
            return d
    text = doc.text
    for d in full:
        if d.start > 400:
            break
        line_start = text.rfind("\n", 0, d.start) + 1
        before = text[line_start : d.start].strip()
        if not before or before.endswith(("|", "/", "–", "-", "،", ",", ":")) or len(before) < 30:
            return d
    return None


def find_dates(doc: Document, *, current_periods: bool = False) -> list[DateMention]:
    """Every date in the document (see the module docstring for the rules)."""
    scanner = _Scanner(doc)
    found = [
        *scanner.dmy(), *scanner.numeric(), *scanner.month_year(), *scanner.years(),
        *scanner.year_ranges(),
        *scanner.relative(current_periods=current_periods), *scanner.weekdays(),
    ]
    chosen = _select(found)
    absolute: list[tuple[_Found, DateMention]] = []
    for f in chosen:
        if "relative" in f.fields or "weekday_relative" in f.fields or f.fields["year"] is None:
            continue
        m = _mention(doc, f, None)
        if m is not None:
            time = _attach_time(doc, f)
            if time is not None:
                m = DateMention(m.start, m.end, text=m.text, value=m.value, calendar=m.calendar,
                                relative=False, original=m.original, time=time,
                                weekday=m.weekday)
            absolute.append((f, m))
    anchor = doc.reference_date
    if anchor is None:
        published = choose_published(doc, [m for _, m in absolute])
        if published is not None and published.value is not None:
            anchor = dt.date.fromisoformat(published.value)
    out: list[DateMention] = []
    done = {id(f): m for f, m in absolute}
    for f in chosen:
        if id(f) in done:
            out.append(done[id(f)])
            continue
        if (
            "relative" not in f.fields and "weekday_relative" not in f.fields
            and f.fields["year"] is not None
        ):
            continue  # an impossible date
        m = _mention(doc, f, anchor)
        if m is not None:
            out.append(m)
    return out


class DateExtractor(BaseExtractor):
    """``dates``: every date mention, absolute and relative."""

    name = "dates.v1"
    produces = "dates"
    requires = ()

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
        found = choose_published(doc, dates)
        return [found] if found is not None else []


__all__ = [
    "DateExtractor",
    "PublishedDateExtractor",
    "choose_published",
    "find_dates",
    "from_gregorian",
    "lexicon",
    "to_gregorian",
]
