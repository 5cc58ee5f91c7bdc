"""Finding date candidates in a normalised text.

The scanner reads what is written and nothing more: a relative expression
("روز گذشته", "قبل ثلاثة أيام") or a weekday stays relative, a day and month
without a year stay without one. Resolving them against the story's anchor
is the job of :mod:`diplonlp.dates.resolution`, done once, late.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import Literal

import regex
from attrs import evolve, frozen

from diplonlp._prefilter import WordIndex, digit_starts, matches, merged
from diplonlp._resources import load_json
from diplonlp._text import key, lexeme
from diplonlp.dates.calendars import (
    YEAR_RANGES,
    calendar_of_year,
    expand_year,
    to_gregorian,
)
from diplonlp.dates.lexicon import (
    Direction,
    Unit,
    counted_words,
    future_words,
    lexicon,
    needs_cue,
    not_today_after,
    nowadays_after,
    nth_words,
    story_months,
)
from diplonlp.dates.patterns import patterns
from diplonlp.model import Calendar, Language

#: Counts beyond this ("a million days ago") are not dates.
MOST_COUNT = 9999
#: a bare four-digit number is a year up to this one (plans: "بحلول 2030")
_LATEST_BARE_YEAR = 2035

Kind = Literal["date", "relative", "weekday", "month", "nth_weekday", "month_day"]


@functools.lru_cache(maxsize=2)
def _name_dates(language: Language) -> frozenset[str]:
    words = load_json("dates", "calendar_words.json")["name_dates"][language]
    return frozenset(" ".join(lexeme(w, language).split()) for w in words)


#: range openers with no year word: the years must end a phrase
_BARE_OPENERS = frozenset({"از", "بین", "میان", "من", "بين"})

_NUMBER_BEFORE = regex.compile(r"\d[/.\-]\s*+$")


@frozen
class Candidate:
    """A date as written, in normalised offsets, before resolution.

    ``kind`` is ``"date"`` (calendar, year, month, day as written; year or day
    may be missing), ``"relative"`` (``unit`` and ``offset``: -1 day is
    yesterday), ``"weekday"`` (``weekday`` 0-6 Monday first and
    ``direction``) or ``"month"`` (a month named without a day or year, in
    ``calendar``, with ``direction``: "ژانویه گذشته", "يناير المقبل"). A
    ``"date"`` may carry the ``weekday`` written beside it.
    ``priority`` decides between overlapping candidates (lower wins).
    """

    start: int
    end: int
    priority: int
    kind: Kind
    calendar: Calendar = "gregorian"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: Unit | None = None
    offset: int = 0
    direction: Direction = "nearest"
    #: which weekday of the month (1 the first, -1 the last): "آخرین جمعه ماه رمضان"
    nth: int = 0


def _key(word: str) -> str:
    return key(word)


class Scanner:
    """Date candidates of one normalised text (see :func:`scan`)."""

    def __init__(self, text: str, language: Language,
                 numerals: Sequence[tuple[int, int, int | None, bool]],
                 index: WordIndex | None = None) -> None:
        #: (norm_start, norm_end, integer value or None, has a scale word) of every numeral
        self.numerals = numerals
        self.text = text
        self.index = index or WordIndex(text)
        self.language = language
        self.lex = lexicon(language)
        self.pat = patterns(language)

    def _words(self, name: str, pattern: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
        return matches(pattern, self.text, self.pat.starts[name].starts(self.index))

    def _day_first(self, pattern: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
        starts = merged(
            digit_starts(self.text, self.pat.clitics),
            self.pat.starts["day_words"].starts(self.index),
        )
        return matches(pattern, self.text, starts)

    # --- day, month and year ------------------------------------------------

    def dmy(self) -> Iterator[Candidate]:
        for m in self._day_first(self.pat.dmy):
            yield from self._dmy(m)

    def _dmy(self, m: regex.Match[str]) -> Iterator[Candidate]:
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
        cued = bool(m.group("wd") or m.group("mah")) or self._cue_before(m.start())
        relative = self._relative_after(m.end()) if year is None else None
        if year is None and month_word in lex.ambiguous_months and not cued and relative is None:
            return
        if (year is None and not cued and relative is None
                and " ".join(m.group().split()) in _name_dates(self.language)):
            return  # "دوم خرداد" alone is the name of a movement more often than a day
        if year is None and m.group("oday") is None and m.group("day") and not (1 <= day <= 31):
            return
        if self._in_a_name(m.start()):
            return  # "شارع 26 يوليو", "میدان ۱۵ خرداد"
        end = m.end()
        start = m.start("day") if m.group("day") else m.start("oday") if m.group("oday") else (
            m.start("ghurra")
        )
        if m.group("year") is None:
            end = m.end("month2") if m.group("month2") else m.end("month")
            if m.group("month2") and self.text[end : end + 1] == ")":
                end += 1
            if m.group("mah"):
                end = m.end("mah")
        found = Candidate(start, end, 1, "date", calendar, year, month, day)
        if relative is not None:
            found = evolve(found, end=relative[0], direction=relative[1])
        weekday = self._weekday(m, found)
        if weekday is not None:
            found = evolve(found, start=m.start("wd"), weekday=weekday)
            if m.group("oday") and day <= 5:
                # "الاثنين الثاني من نوفمبر": Monday the 2nd, or the second Monday
                # when the 2nd is no Monday (resolution decides)
                found = evolve(found, nth=day)
        if m.group("day2"):
            yield evolve(found, end=m.end("day"), weekday=None)
            yield evolve(found, start=m.start("day2"), day=int(m.group("day2")))
            return
        yield found

    def _year(self, m: regex.Match[str], calendar: Calendar) -> tuple[int | None, Calendar | None]:
        raw = m.group("year")
        era_cal = self.lex.eras.get(_key(m.group("era"))) if m.group("era") else None
        if raw is None:
            return None, era_cal
        if len(raw) == 2 and calendar != "jalali":
            return None, era_cal
        year = expand_year(int(raw), len(raw), calendar)
        if year is None:
            return None, era_cal
        low, high = YEAR_RANGES[calendar]
        if not low <= year <= high:
            return None, era_cal
        return year, era_cal

    def _weekday(self, m: regex.Match[str], found: Candidate) -> int | None:
        """The weekday written before a date, when it agrees with it (a year-less
        date is checked once the year is known)."""
        if not m.group("wd"):
            return None
        weekday = self.lex.weekdays[_key(m.group("wd"))]
        if found.year is None:
            return weekday
        assert found.month is not None
        assert found.day is not None
        date = to_gregorian(found.calendar, found.year, found.month, found.day)
        if date is None or date.weekday() != weekday:
            return None
        return weekday

    def _cue_before(self, pos: int) -> bool:
        return self.pat.cue_before.search(self.text, max(0, pos - 16), pos) is not None

    def _in_a_name(self, pos: int) -> bool:
        return self.pat.name_before.search(self.text, max(0, pos - 30), pos) is not None

    def _relative_after(self, pos: int) -> tuple[int, Direction] | None:
        """"سابع أكتوبر المقبل", "۲۷ مهر سال جاری": the end and meaning of a
        next/last/this word right after a date."""
        after = _NEXT_WORDS.match(self.text, pos, pos + 30)
        if after is None:
            return None
        words = after.group("w").split()
        for k in (3, 2, 1):
            found = self.lex.month_relative.get("".join(words[:k]))
            if found is not None and len(words) >= k:
                last = words[k - 1]
                return self.text.index(last, after.start("w")) + len(last), found
        return None

    def month_year(self) -> Iterator[Candidate]:
        for m in self._words("month_year", self.pat.month_year):
            calendar, month = self.lex.months[_key(m.group("month"))]
            if m.group("month2") and self.lex.months[_key(m.group("month2"))][1] != month:
                continue
            year, era_cal = self._year(m, calendar)
            if year is None:
                continue
            if era_cal is not None and era_cal != calendar and calendar != "gregorian":
                continue
            yield Candidate(m.start("month"), m.end(), 2, "date", calendar, year, month)

    def months(self) -> Iterator[Candidate]:
        """A month named without a day: "ماه ژوئیه", "في يوليو", "اواخر آبان",
        "يناير المقبل", "مهر امسال" (a cue before it or next/last/this after)."""
        lex = self.lex
        for m in self._words("month_alone", self.pat.month_alone):
            month_word = _key(m.group("month"))
            calendar, month = lex.months[month_word]
            if m.group("month2") and lex.months[_key(m.group("month2"))][1] != month:
                continue
            rel = _key(m.group("mrel")) if m.group("mrel") else None
            if not (m.group("mcue") or m.group("mah") or rel):
                continue
            if month_word in lex.ambiguous_months and not (m.group("mah") or rel or (
                    m.group("mcue") and _key(m.group("mcue")).endswith(tuple(lex.month_cue_keys)))):
                continue  # "در مهر" is "in kindness" as often as "in Mehr"
            if self._in_a_name(m.start()):
                continue
            direction = lex.month_relative.get(rel, "nearest") if rel else "nearest"
            start = m.start("mcue") if m.group("mcue") and _key(m.group("mcue")) in (
                lex.month_cue_keys) else m.start("month")
            yield Candidate(start, m.end(), 6, "month", calendar, month=month,
                            direction=direction)

    def dash_years(self) -> Iterator[Candidate]:
        """"1979-1989", "1436 - 1437هـ", "۱۳۹۰-۱۳۹۲": both years."""
        for m in self.pat.dash_years.finditer(self.text):
            y1, y2 = int(m.group("y1")), int(m.group("y2"))
            if len(m.group("y1")) == 2:  # "سال تحصیلی ۹۹-۱۴۰۰": the century of the second
                if self.language != "fa":
                    continue
                y1 += (y2 // 100) * 100
                if y1 >= y2:
                    y1 -= 100
            era = self.lex.eras.get(_key(m.group("era2"))) if m.group("era2") else None
            calendar = era or calendar_of_year(y1, self.language)
            if calendar is None or (era is None and calendar != calendar_of_year(y2,
                                                                             self.language)):
                continue
            low, high = YEAR_RANGES[calendar]
            if not (low <= y1 < y2 <= high and y2 - y1 <= 100):
                continue
            yield Candidate(m.start("y1"), m.end("y1"), 3, "date", calendar, y1)
            yield Candidate(m.start("y2"), m.end(), 3, "date", calendar, y2)

    def short_years(self) -> Iterator[Candidate]:
        """Persian "در ۹۶ با مشارکت بالا": a two-digit Jalali year after در/از/تا,
        ending a phrase or before a function word."""
        if self.pat.short_year is None:
            return
        scaled = {start for start, _end, _value, has_scale in self.numerals if has_scale}
        for m in self.pat.short_year.finditer(self.text):
            if m.start("year") in scaled:
                continue
            year = expand_year(int(m.group("year")), 2, "jalali")
            if year is not None:
                yield Candidate(m.start("year"), m.end("year"), 3, "date", "jalali", year)

    def bare_years(self) -> Iterator[Candidate]:
        """"في 2012 وفاز", "منذ 1999،", "التشريعية 2016،": a year in 1950 up to a few
        years ahead, after a preposition or a word, ending a phrase."""
        scaled = {start for start, _end, _value, has_scale in self.numerals if has_scale}
        for m in self.pat.bare_year.finditer(self.text):
            if m.start("year") in scaled:
                continue
            year = int(m.group("year"))
            if not 1950 <= year <= _LATEST_BARE_YEAR:
                continue
            before = self.text[max(0, m.start("year") - 3):m.start("year")]
            if not before.strip() or before.rstrip()[-1:].isdigit():
                continue  # a line starting with a number, or a list of numbers
            if _NUMBER_BEFORE.search(before):
                continue  # "31/02/2022": what is left of a date that is no date
            words = self.text[max(0, m.start() - 30):m.start()].split()
            if words and key(words[-1]) in self.lex.not_years_after:
                continue  # "الطائرة رقم 2023": a label
            calendar = calendar_of_year(year, self.language)
            if calendar == "gregorian":
                yield Candidate(m.start("year"), m.end("year"), 3, "date", calendar, year)

    def numeric(self) -> Iterator[Candidate]:
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
            written = self._year_of(year_raw, era)
            if written is None:
                continue
            calendar, year = written
            if to_gregorian(calendar, year, month, day) is None:
                continue
            found = Candidate(m.start("n1"), m.end(), 1, "date", calendar, year, month, day)
            weekday = self._weekday(m, found)
            if weekday is not None:
                found = evolve(found, start=m.start("wd"), weekday=weekday)
            yield found

    def years(self) -> Iterator[Candidate]:
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
        calendar its range implies (see :func:`calendar_of_year`)."""
        if len(raw) == 2:
            if self.language != "fa" or era not in (None, "jalali"):
                return None
            year = expand_year(int(raw), 2, "jalali")
            return None if year is None else ("jalali", year)
        year = int(raw)
        calendar = era or calendar_of_year(year, self.language)
        return None if calendar is None else (calendar, year)

    def _bare_year(self, m: regex.Match[str]) -> Candidate | None:
        era = self.lex.eras.get(_key(m.group("era"))) if m.group("era") else None
        written = self._year_of(m.group("year"), era)
        if written is None:
            return None
        calendar, year = written
        low, high = YEAR_RANGES[calendar]
        if not low <= year <= high:
            return None
        return Candidate(m.start("year"), m.end(), 3, "date", calendar, year)

    def year_ranges(self) -> Iterator[Candidate]:
        """Both ends of "از سال ۱۳۹۸ تا ۱۴۰۰", "من 2018 إلى 2020"."""
        scaled = {start for start, _end, _value, has_scale in self.numerals if has_scale}
        for m in self._words("year_range", self.pat.year_range):
            if m.start("y2") in scaled:
                continue  # "من 2018 إلى 2020 مليون": amounts, not years
            y1, y2 = int(m.group("y1")), int(m.group("y2"))
            calendar = calendar_of_year(y1, self.language)
            if calendar is None or calendar != calendar_of_year(y2, self.language):
                continue
            if not 0 < y2 - y1 <= 100:
                continue
            if (_key(m.group("opener")) in _BARE_OPENERS
                    and self.pat.count_noun.match(self.text, m.end()) is not None):
                continue  # "بین ۱۹۹۰ تا ۲۰۰۰ نیرو", "بين 1400 و1450 ريالا": counts, amounts
            for group, year in (("y1", y1), ("y2", y2)):
                era = m.group("era" + group[1])
                end = m.end("era" + group[1]) if era else m.end(group)
                yield Candidate(m.start(group), end, 3, "date", calendar, year)

    # --- relative dates and weekdays ------------------------------------------

    def relative(self, *, current_periods: bool = False) -> Iterator[Candidate]:
        doubtful, _before, _not_before = needs_cue(self.language)
        for m in self._words("relative", self.pat.relative):
            word = _key(m.group("rel"))
            unit, offset, calendar = self.lex.relative[word]
            if offset == 0 and unit != "day" and not current_periods:
                continue  # امسال, هذا العام: the article's own period, not a date
            if word in doubtful and not self._today(m.start("rel"), m.end("rel")):
                continue
            if unit == "day" and offset == 0 and self._nowadays(m.end("rel")):
                continue  # "امروز جهان با ... روبروست": nowadays
            yield Candidate(m.start("rel"), m.end("rel"), 4, "relative", calendar, unit=unit,
                            offset=offset)
        yield from self._counted()

    @property
    def _since(self) -> frozenset[str]:
        words = load_json("dates", "relative.json")["counted"][self.language].get("since", [])
        return frozenset(_key(lexeme(w, self.language)) for w in words)

    def _counted(self) -> Iterator[Candidate]:
        """"سه روز پیش", "۲ هفته بعد"; "قبل ثلاثة أيام", "بعد 3 أسابيع", "قبل يومين"."""
        pat = self.pat
        text = self.text
        for start, end, value, _scale in self.numerals:
            if value is None or not 0 < value <= MOST_COUNT:
                continue
            if self.language == "fa":
                m = pat.counted_after.match(text, end, end + 40)
                if m is not None:
                    sign = -1 if m.group("past") else 1
                    yield Candidate(start, m.end(), 4, "relative", unit=_unit(m),
                                    offset=sign * value)
                continue
            before = pat.counted_before.search(text, max(0, start - 16), start)
            unit = pat.counted_unit.match(text, end, end + 24)
            if before is not None and unit is not None:
                if (before.group("past") and _key(before.group("past")) in self._since
                        and _unit(unit) in ("month", "year")):
                    continue  # "منذ 18 شهرا": a duration, not a date
                sign = -1 if before.group("past") else 1
                first = before.start("past") if before.group("past") else before.start("future")
                yield Candidate(first, unit.end(), 4, "relative", unit=_unit(unit),
                                offset=sign * value)
        if self.language != "ar":
            return
        duals: frozenset[str] = counted_words(self.language)["duals"]
        for m in self._words("counted", pat.counted_bare):
            unit_name = _unit(m)
            word = _key(m.group(f"u_{unit_name}"))
            count = 2 if word in duals else 1
            sign = -1 if m.group("past") else 1
            first = m.start("past") if m.group("past") else m.start("future")
            yield Candidate(first, m.end(), 4, "relative", unit=unit_name, offset=sign * count)

    def _nowadays(self, end: int) -> bool:
        after = _NEXT_WORDS.match(self.text, end, end + 24)
        if after is None:
            return False
        words = after.group("w").split()
        return any(" ".join(words[:k]) in nowadays_after(self.language) for k in (1, 2))

    def _today(self, start: int, end: int) -> bool:
        """Arabic اليوم is today after a cue of a day ("صباح اليوم", "في اليوم") or
        before a weekday, or when it ends a clause ("أطلق ... اليوم،"); in the
        middle of one it is as often "nowadays" ("تحتل اليوم مكانة رائدة"), and
        after "عالم", "إلى" ... or before "الأخير" ... it is no date."""
        nowadays = self.pat.not_today_before
        if nowadays is not None and nowadays.search(self.text, max(0, start - 24), start):
            return False
        after = _NEXT_WORDS.match(self.text, end, end + 24)
        if after is not None and after.group("w").split()[:1] and (
                after.group("w").split()[0] in not_today_after(self.language)):
            return False  # "في اليوم التالي", "اليوم الوطني": the day, not today
        before = self.pat.needs_cue_before
        if before is not None and before.search(self.text, max(0, start - 24), start):
            return True
        after = _NEXT_WORDS.match(self.text, end, end + 24)
        if after is not None:
            words = after.group("w").split()
            if any(" ".join(words[:k]) in self.lex.weekdays for k in (1, 2)):
                return True
            if words and words[0] in not_today_after(self.language):
                return False
        return _CLAUSE_END.match(self.text, end) is not None

    def nth_weekdays(self) -> Iterator[Candidate]:
        """"الخميس الأول من الشهر", "آخر جمعة من رمضان", "آخرین جمعه ماه رمضان"."""
        nths = nth_words(self.language)
        wd_of = self.lex.weekdays
        for m in self._words("nth_weekday", self.pat.nth_weekday):
            wd = _key(m.group("wd") or m.group("wd2"))
            weekday = wd_of.get(wd, wd_of.get("ال" + wd))
            nth = nths[_key(m.group("nth") or m.group("nth2"))]
            if weekday is None:
                continue
            if m.group("month"):
                calendar, month = self.lex.months[_key(m.group("month"))]
                yield Candidate(m.start(), m.end(), 2, "nth_weekday", calendar, month=month,
                                weekday=weekday, nth=nth)
            else:
                offset = story_months(self.language).get(_key(m.group("smonth") or ""), 0)
                yield Candidate(m.start(), m.end(), 2, "nth_weekday", weekday=weekday, nth=nth,
                                offset=offset)

    def story_month_days(self) -> Iterator[Candidate]:
        """"الخامس من الشهر المقبل", "۱۵ ماه آینده": a day of a month counted
        from the story's."""
        for m in self._day_first(self.pat.story_month_day):
            day = (int(m.group("day")) if m.group("day")
                   else self.lex.ordinals[_key(m.group("oday"))])
            if not 1 <= day <= 31:
                continue
            offset = story_months(self.language)[_key(m.group("smonth"))]
            # a Persian story counts its months in the Jalali calendar: "۱۵ ماه آینده"
            # said on 4 Shahrivar is 15 Mehr
            calendar: Calendar = "jalali" if self.language == "fa" else "gregorian"
            yield Candidate(m.start(), m.end(), 1, "month_day", calendar, day=day,
                            offset=offset)

    def _future(self, start: int, end: int) -> bool:
        """Whether the sentence around [start, end) is in the future tense."""
        sentence = _SENTENCE_BACK.search(self.text, max(0, start - 120), start)
        first = sentence.end() if sentence else max(0, start - 120)
        last = _SENTENCE.search(self.text, end, min(len(self.text), end + 200))
        stop = last.start() if last else min(len(self.text), end + 200)
        words, prefixes = future_words(self.language)
        opening = -1  # where the sentence's first word starts
        for m in _WORD.finditer(self.text, first, stop):
            word = m.group()
            if opening < 0:
                opening = m.start()
            if word in words:
                return True
            if prefixes and word[:1] in _CONJUNCTIONS and word[1:].startswith(prefixes):
                word = word[1:]  # "وسيعود", "فستعقد"
            if (prefixes and word.startswith(prefixes) and len(word) >= 5
                    and not _NOT_FUTURE.match(word) and m.end() <= start
                    and (start - m.end() < 12 or m.start() == opening
                         or self.text[max(first, m.start() - 4):m.start()].rstrip()
                         .endswith(("،", ",")))):
                # "سيعود يوم السبت", "سيعود الوفد إلى الرياض يوم السبت": a verb
                # with the future prefix right before, or opening the sentence
                # or a clause ("...، وسيعود الوفد ...")
                return True
        return False

    def _tensed(self, c: Candidate) -> Candidate:
        if c.direction == "nearest" and self._future(c.start, c.end):
            return evolve(c, direction="next")
        return c

    def bare_weekdays(self) -> Iterator[Candidate]:
        """"امروز (چهارشنبه)", "أمس الجمعة", "الثلاثاء بالرباط": weekdays that
        need no cue (not "صلاة الجمعة": a name)."""
        for m in self._words("bare_weekday", self.pat.bare_weekday):
            if self.pat.weekday_name_before.search(self.text, max(0, m.start() - 20), m.start()):
                continue
            weekday = self.lex.weekdays[_key(m.group("bwd"))]
            after = m.group("after")
            direction = self.lex.weekday_after.get(_key(after), "nearest") if after else "nearest"
            yield self._tensed(Candidate(m.start("bwd"), m.end(), 5, "weekday", weekday=weekday,
                                         direction=direction,
                                         offset=self.lex.week_start))

    def weekdays(self) -> Iterator[Candidate]:
        for m in self._words("weekday", self.pat.weekday):
            word = m.group("bwd") or m.group("bwd2")
            weekday = self.lex.weekdays[_key(word)]
            after = m.group("after") or m.group("after2") or ""
            start = m.start("bwd") if m.group("bwd") else m.start("bwd2")
            end = m.end("after") if m.group("after") else m.end("bwd") if m.group("bwd") else (
                m.end("after2")
            )
            direction = self.lex.weekday_after.get(_key(after), "nearest") if after else "nearest"
            yield self._tensed(Candidate(start, end, 5, "weekday", weekday=weekday,
                                         direction=direction,
                                         offset=self.lex.week_start))


_UNITS: tuple[Unit, ...] = ("day", "week", "month", "year")


def _unit(m: regex.Match[str]) -> Unit:
    for unit in _UNITS:
        if m.group(f"u_{unit}"):
            return unit
    raise AssertionError("a counted date without a unit")  # pragma: no cover


_SENTENCE = regex.compile(r"[.!?؟\n]")
#: conjunctions joined to a verb ("وسيعود", "فستعقد")
_CONJUNCTIONS = frozenset("وف")
#: words that begin like a future verb (س + a prefix) but are nouns
_NOT_FUTURE = regex.compile(r"سيا[سر]|سيد|سيطر|ستار|سنو|سنة|سنت|ستة|ستين|سين|سيول|سيف")
_SENTENCE_BACK = regex.compile(r"[.!?؟\n]", flags=regex.REVERSE)
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_CLAUSE_END = regex.compile(r"[^\S\n]{0,3}(?:[.،,:;!?؟)»\]\n]|$)")
_NEXT_WORDS = regex.compile(r"\s{0,8}[،,]?\s{0,8}(?P<w>\S+(?:\s\S+)?)")


def select(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: earlier start first, then higher priority
    (lower number), then longer."""
    found.sort(key=lambda f: (f.start, f.priority, -(f.end - f.start)))
    chosen: list[Candidate] = []
    for f in found:
        if chosen and f.start < chosen[-1].end:
            prev = chosen[-1]
            if f.priority < prev.priority and f.end - f.start > prev.end - prev.start:
                chosen[-1] = f
            continue
        chosen.append(f)
    return chosen


def scan(text: str, language: Language,
         numerals: Sequence[tuple[int, int, int | None, bool]], *,
         current_periods: bool = False, index: WordIndex | None = None) -> list[Candidate]:
    """Every date candidate of a normalised text, not overlapping, in text order.

    ``numerals`` are the text's numbers as (start, end, integer value or None,
    has a scale word): counts of relative dates and amounts that are not years.
    """
    scanner = Scanner(text, language, numerals, index)
    found = [
        *scanner.dmy(), *scanner.numeric(), *scanner.month_year(), *scanner.years(),
        *scanner.year_ranges(), *scanner.dash_years(), *scanner.bare_years(),
        *scanner.short_years(),
        *scanner.relative(current_periods=current_periods), *scanner.weekdays(),
        *scanner.bare_weekdays(), *scanner.months(), *scanner.nth_weekdays(),
        *scanner.story_month_days(),
    ]
    return select(found)


__all__ = ["MOST_COUNT", "Candidate", "Scanner", "scan", "select"]
