"""The date grammar of each language: regex patterns built from the lexicon.

Word-initial patterns are tried only where a word could begin them (a
:class:`~diplonlp._prefilter.WordStarts` per pattern family); every gap
between the parts of a date is a possessive run of spaces, so a long run of
white space is scanned once, never again for each way to split it.
"""

from __future__ import annotations

import functools

import regex
from attrs import frozen

from diplonlp._prefilter import WordStarts
from diplonlp._resources import load_json
from diplonlp._text import (
    CLITICS,
    NOT_LETTER_AFTER,
    NOT_LETTER_BEFORE,
    NOT_WORD_AFTER,
    NOT_WORD_BEFORE,
    alternation,
    clitic_prefix,
    lexeme,
)
from diplonlp.dates.lexicon import (
    counted_words,
    lexicon,
    needs_cue,
    nth_words,
    story_months,
)
from diplonlp.model import Language

_B = NOT_WORD_BEFORE
_E = NOT_WORD_AFTER
_S = r"\s*+"  # any run of spaces, possessive
_S1 = r"\s++"  # at least one space, possessive


@frozen
class Patterns:
    dmy: regex.Pattern[str]
    month_year: regex.Pattern[str]
    numeric: regex.Pattern[str]
    year_cue: regex.Pattern[str]
    year_era: regex.Pattern[str]
    relative: regex.Pattern[str]
    #: Persian "N days ago": unit and direction right after the count
    counted_after: regex.Pattern[str]
    #: Arabic "قبل N أيام": the direction word right before the count ...
    counted_before: regex.Pattern[str]
    #: ... and the unit right after it
    counted_unit: regex.Pattern[str]
    #: Arabic "قبل يومين", "بعد أسبوع": direction and unit, no count
    counted_bare: regex.Pattern[str]
    weekday: regex.Pattern[str]
    time: regex.Pattern[str]
    cue_before: regex.Pattern[str]
    needs_cue_before: regex.Pattern[str] | None
    #: Arabic اليوم after one of these is "nowadays" / "until today"
    not_today_before: regex.Pattern[str] | None
    year_range: regex.Pattern[str]
    #: a counted noun or a currency: the numbers before it are no years
    count_noun: regex.Pattern[str]
    #: Persian "در ۹۶": a two-digit Jalali year after a preposition, before a year end
    short_year: regex.Pattern[str] | None
    #: "1979-1989", "1436 - 1437هـ": two years joined by a dash
    dash_years: regex.Pattern[str]
    #: a weekday with no cue ("امروز (چهارشنبه)", "أمس الجمعة")
    bare_weekday: regex.Pattern[str]
    #: words before a weekday that make it a name ("صلاة الجمعة")
    weekday_name_before: regex.Pattern[str]
    #: a month without a day ("ماه ژوئیه", "في يوليو", "يناير المقبل")
    month_alone: regex.Pattern[str]
    #: a four-digit year after a preposition, nothing word-like after it
    bare_year: regex.Pattern[str]
    #: words after which a date is part of a name ("شارع 26 يوليو")
    name_before: regex.Pattern[str]
    #: "الخميس الأول من الشهر", "آخرین جمعه ماه رمضان"
    nth_weekday: regex.Pattern[str]
    #: "الخامس من الشهر المقبل", "۱۵ ماه آینده"
    story_month_day: regex.Pattern[str]
    #: where each word-initial pattern can start (see diplonlp._prefilter)
    starts: dict[str, WordStarts]
    clitics: str


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return alternation(words) or "(?!)"


@functools.lru_cache(maxsize=2)
def patterns(language: Language) -> Patterns:
    """The compiled date grammar of ``language`` (built once per process, kept
    in the user's cache directory: :mod:`diplonlp._cache`)."""
    from diplonlp._cache import load_or_build

    return load_or_build(f"date-patterns-{language}", lambda: _build_patterns(language))


def _build_patterns(language: Language) -> Patterns:
    lex = lexicon(language)
    clitic = clitic_prefix(language)
    month = _alt(list(lex.months))
    wd = _alt(list(lex.weekdays))
    era = _alt(list(lex.eras))
    ordinal = _alt(list(lex.ordinals))
    month_cue = _alt(lex.month_cues)
    year_cue = _alt(lex.year_cues)
    era_after = rf"(?:{_S}(?P<era>{era}){NOT_LETTER_AFTER})?"
    pair = rf"(?:{_S}[/\\(-]{_S}|{_S1})(?P<month2>{month}){_E}\)?"
    # "مهر ماه", "تیرماه": the month word after the name tells it is a month
    mah = rf"(?P<mah>{_S}(?:{month_cue}){_E})?" if language == "fa" else "(?P<mah>)"
    # the end of a month name: a word boundary, or a joined "ماه" ("تیرماه")
    month_end = rf"(?:{_E}|(?=(?:{month_cue}){_E}))" if language == "fa" else _E
    year = (
        rf"(?:{_S}[،,]?{_S}(?:(?:{year_cue}){_S1})?(?P<year>\d{{4}}|\d{{2}}(?!\d))"
        rf"{era_after})?"
    )
    weekday = rf"(?:(?P<wd>{wd}){_S}[،,]?{_S})?"
    of = rf"(?:{_S}من)?" if language == "ar" else ""
    ord_of = rf"(?:{_S1}من)?" if language == "ar" else ""  # "السابع من أكتوبر", "سابع أكتوبر"
    day_joiners = _alt([lexeme(w, language) for w in (
        ["و", "-", "–", "تا", "الی"] if language == "fa" else ["و", "-", "–", "إلى", "حتى"])])
    dmy = (
        rf"{_B}{clitic}{weekday}"
        rf"(?:(?P<day>\d{{1,2}})(?:{_S}(?:{day_joiners}){_S}(?P<day2>\d{{1,2}}))?(?:{_S}ام)?"
        rf"|(?P<oday>{ordinal}){ord_of}|(?P<ghurra>غره))"
        rf"{of}{_S}(?:(?:{month_cue}){_S1})?(?P<month>{month})(?:{pair}|{month_end}){mah}{year}"
    )
    month_year = (
        rf"{_B}{clitic}(?:(?:{month_cue}){_S1})?(?P<month>{month})(?:{pair}|{month_end}){mah}"
        rf"{_S}[،,]?{_S}(?:(?:{year_cue}){_S1})?(?P<year>\d{{4}})(?!\d){era_after}"
    )
    numeric = (
        rf"(?<![\d./-]){clitic}{weekday}(?P<n1>\d{{1,4}})(?P<sep>[/.\-])(?P<n2>\d{{1,2}})"
        rf"(?P=sep)(?P<n3>\d{{4}}|\d{{1,2}})(?![\d]|[./-]\d){era_after}"
    )
    # a year may end a sentence ("سنة 2011."), not continue a number ("2011.5")
    year_cue_re = (
        rf"{_B}{clitic}(?:{year_cue}){_S1}(?P<year>\d{{4}}|\d{{2}})(?!\d|[٫.,/]\d){era_after}"
    )
    year_era = rf"(?<![\d./-])(?P<year>\d{{4}}){_S}(?P<era>{era}){NOT_LETTER_AFTER}"
    relative = rf"{_B}{clitic}(?P<rel>{_alt(list(lex.relative))}){_E}"

    counted = counted_words(language)
    unit_alt = "|".join(f"(?P<u_{u}>{_alt(ws)})" for u, ws in counted["units"].items())
    direction = (
        rf"(?:(?P<past>{_alt(counted['before_past'])})"
        rf"|(?P<future>{_alt(counted['before_future'])}))"
    )
    counted_after = (
        rf"{_S1}(?:{unit_alt}){_S1}(?:(?P<past>{_alt(counted['after_past'])})"
        rf"|(?P<future>{_alt(counted['after_future'])})){_E}"
    )
    counted_before = rf"{_B}{clitic}{direction}{_S1}$"
    counted_unit = rf"{_S1}(?:{unit_alt}){_E}(?!{_S}\d)"
    counted_bare = rf"{_B}{clitic}{direction}{_S1}(?:{unit_alt}){_E}(?!{_S}\d)"

    before = _alt(lex.weekday_before)
    after = _alt(list(lex.weekday_after))
    weekday_re = (
        rf"{_B}{clitic}(?:(?P<cue>{before}){_S1}(?P<bwd>{wd}){_E}(?:{_S1}(?P<after>{after}){_E})?"
        rf"|(?P<bwd2>{wd}){_S1}(?P<after2>{after}){_E})"
    )
    hours = load_json("dates", "calendar_words.json")["hours"]
    hour_words = [lexeme(w, language) for w in hours["hours"][language]]
    minute_words = [lexeme(w, language) for w in hours["minutes"][language]]
    day_half = _alt([lexeme(w, language) for w in [*hours["pm"][language],
                                                    *hours["am"][language]]])
    cue = _alt([lexeme(w, language) for w in hours["cue"][language]])
    time = regex.compile(
        rf"(?:T|{_S}[،,\-–]?{_S}(?:{cue})?{_S})(?:(?P<time>\d{{1,2}}:\d{{2}}(?::\d{{2}})?)(?!\d)"
        rf"|(?<=(?:{cue})\s{{0,3}})(?:(?P<hnum>\d{{1,2}})(?![\d:])"
        rf"|(?P<hword>{_alt(hour_words)}){_E})"
        rf"(?:{_S1}(?P<minutes>{_alt(minute_words)}){_E})?"
        rf"(?:{_S1}(?P<half>{day_half}){_E})?)"
    )
    cues = _alt(lex.date_cues)
    cue_before = regex.compile(rf"(?:^|{NOT_LETTER_BEFORE}){clitic}(?:{cues}){_S}$")
    _words, needs_before, not_before = needs_cue(language)
    needs_cue_before = (
        regex.compile(rf"{NOT_LETTER_BEFORE}(?:{_alt(needs_before)}){_S}$")
        if needs_before else None
    )
    not_today_before = (
        regex.compile(rf"{NOT_LETTER_BEFORE}{clitic}(?:{_alt(not_before)}){_S}$")
        if not_before else None
    )
    words = load_json("dates", "calendar_words.json")
    bare = words["weekday_bare"]
    bare_wd = _alt([lexeme(w, language) for w in bare[language]])
    bare_weekday = regex.compile(
        rf"{_B}{clitic}(?P<bwd>{bare_wd}){_E}(?:{_S1}(?P<after>{after}){_E})?"
    )
    weekday_name_before = regex.compile(
        rf"{NOT_LETTER_BEFORE}"
        rf"(?:{_alt([lexeme(w, language) for w in bare['not_after'][language]])})"
        rf"{_S}$"
    )
    alone = words["month_alone"]
    alone_before = _alt([lexeme(w, language) for w in alone["before"][language]])
    rel_words = [lexeme(w, language) for kind in ("last", "next", "this")
                 for w in alone[kind][language]]
    month_alone = regex.compile(
        rf"{_B}{clitic}(?:(?P<mcue>{alone_before}){_S1})?(?P<month>{month})(?:{pair}|{month_end}){mah}"
        rf"(?:{_S1}(?P<mrel>{_alt(rel_words)}){_E})?"
    )
    preps = _alt([lexeme(w, language) for w in (
        ["در", "از", "تا", "طی", "پیش از", "پس از", "قبل از", "بعد از"] if language == "fa"
        else ["في", "منذ", "حتى", "قبل", "بعد", "خلال", "عام", "سنة"])])
    # a phrase ends after the year: punctuation, the end, or "and" + more
    phrase_end = rf"(?={_S}(?:[.،,:;!?؟)»\]\n]|$|و{_S}\p{{L}}))"
    bare_year = regex.compile(
        rf"{_B}{clitic}(?:(?:{preps}){_S1})?(?P<year>(?:19|20)\d\d)(?![\d٫.,/]\d|\d)"
        rf"{phrase_end}"
    )
    dash_years = regex.compile(
        rf"(?<![\d./-])(?P<y1>\d{{4}}|\d{{2}}(?=[-–]\d{{4}})){_S}[-–]{_S}(?P<y2>\d{{4}})"
        rf"(?![\d]|[./-]\d)"
        rf"(?P<era2>{_S}(?:{era}){NOT_LETTER_AFTER})?"
    )
    ranges = load_json("dates", "calendar_words.json")["year_ranges"]
    range_words = [lexeme(w, language) for w in ranges["openers"][language]]
    openers = _alt(range_words)
    joiners = _alt([lexeme(w, language) for w in ranges["joiners"][language]])
    year_range = regex.compile(
        rf"{_B}{clitic}(?P<opener>{openers}){_S}(?P<y1>\d{{4}})(?P<era1>{_S}(?:{era}){NOT_LETTER_AFTER})?"
        rf"{_S}(?:{joiners}){_S}(?P<y2>\d{{4}})(?!\d)(?P<era2>{_S}(?:{era}){NOT_LETTER_AFTER})?"
    )
    nouns = _alt([lexeme(w, language) for w in load_json("dates", "calendar_words.json")
                  ["count_nouns"][language]])
    count_noun = regex.compile(rf"{_S1}(?:{nouns}){_E}")
    ends = _alt([lexeme(w, language) for w in ["با", "به", "از", "و", "که", "در", "تا", "را",
                                               "بود", "شد", "است", "برای", "هم", "نیز"]])
    short_year = regex.compile(
        rf"{_B}(?:در|از|تا){_S1}(?P<year>\d{{2}})(?![\d٫.,/]\d|\d)(?={_S}(?:[.،,:;!?؟)»\]\n]|$"
        rf"|(?:{ends}){_E}))"
    ) if language == "fa" else None
    nth = _alt(list(nth_words(language)))
    smonths = _alt(list(story_months(language)))
    wd_any = _alt([*lex.weekdays, *[w[2:] for w in lex.weekdays if w.startswith("ال")]])
    if language == "fa":
        nth_weekday = (
            rf"{_B}(?P<nth>{nth}){_S1}(?P<wd>{wd_any}){_E}{_S1}(?:ماه{_S1})?"
            rf"(?:(?P<month>{month}){_E}|(?P<smonth>{smonths}){_E})"
        )
    else:
        nth_weekday = (
            rf"{_B}{clitic}(?:(?P<nth>{nth}){_S1}(?P<wd>{wd_any})|(?P<wd2>{wd_any}){_S1}"
            rf"(?P<nth2>{nth})){_E}{_S1}(?:من|في){_S1}(?:شهر{_S1})?"
            rf"(?:(?P<month>{month}){_E}|(?P<smonth>{smonths}){_E}|(?P<thismonth>الشهر){_E})"
        )
    story_month_day = (
        rf"{_B}{clitic}(?:(?P<day>\d{{1,2}})|(?P<oday>{ordinal})){_S}(?:من{_S1})?"
        rf"(?P<smonth>{smonths}){_E}"
    )
    letters = CLITICS if language == "ar" else ""
    starts = {
        "nth_weekday": WordStarts([*nth_words(language), *lex.weekdays], clitics=letters),
        "bare_weekday": WordStarts([lexeme(w, language) for w in bare[language]],
                                   clitics=letters),
        "month_alone": WordStarts([*lex.months, *[lexeme(w, language)
                                                  for w in alone["before"][language]]],
                                  clitics=letters),
        "bare_year": WordStarts([lexeme(w, language) for w in (
            ["در", "از", "تا", "طی", "پیش", "پس", "قبل", "بعد"] if language == "fa"
            else ["في", "منذ", "حتى", "قبل", "بعد", "خلال", "عام", "سنة"])], clitics=letters),
        "day_words": WordStarts([*lex.weekdays, *lex.ordinals, "غره"], clitics=letters),
        "month_year": WordStarts([*lex.months, *lex.month_cues], clitics=letters),
        "year_cue": WordStarts(list(lex.year_cues), clitics=letters),
        "year_range": WordStarts(range_words, clitics=letters),
        "relative": WordStarts(list(lex.relative), clitics=letters),
        "weekday": WordStarts([*lex.weekday_before, *lex.weekdays], clitics=letters),
        "counted": WordStarts([*counted["before_past"], *counted["before_future"]],
                              clitics=letters),
    }
    return Patterns(
        starts=starts,
        clitics=letters,
        year_range=year_range,
        count_noun=count_noun,
        short_year=short_year,
        dmy=regex.compile(dmy),
        month_year=regex.compile(month_year),
        numeric=regex.compile(numeric),
        year_cue=regex.compile(year_cue_re),
        year_era=regex.compile(year_era),
        relative=regex.compile(relative),
        counted_after=regex.compile(counted_after),
        counted_before=regex.compile(counted_before),
        counted_unit=regex.compile(counted_unit),
        counted_bare=regex.compile(counted_bare),
        weekday=regex.compile(weekday_re),
        time=time,
        cue_before=cue_before,
        needs_cue_before=needs_cue_before,
        not_today_before=not_today_before,
        dash_years=dash_years,
        bare_weekday=bare_weekday,
        weekday_name_before=weekday_name_before,
        month_alone=month_alone,
        bare_year=bare_year,
        nth_weekday=regex.compile(nth_weekday),
        story_month_day=regex.compile(story_month_day),
        name_before=regex.compile(
            rf"{NOT_LETTER_BEFORE}{clitic}(?:"
            rf"{_alt([lexeme(w, language) for w in words['proper_name_heads'][language]])})"
            rf"{_S}$"
        ),
    )


__all__ = ["Patterns", "patterns"]
