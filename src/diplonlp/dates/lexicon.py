"""The date words of each language (``data/dates/*.json``), normalised once.

Every entry goes through the normaliser (:func:`diplonlp._text.lexeme`), and
every lookup table also holds each multi-word entry written without spaces
(:func:`diplonlp._text.with_joined_keys`), since the normaliser deletes ZWNJ.
"""

from __future__ import annotations

import functools
from typing import Any, Literal

from attrs import frozen

from diplonlp._resources import load_json
from diplonlp._text import key, lexeme, with_joined_keys
from diplonlp.model import Calendar, Language

Unit = Literal["day", "week", "month", "year"]
#: Which day a weekday names: "nearest" (the latest one up to the anchor, the
#: anchor included: a bare "روز دوشنبه"), "last" (strictly before: "الاثنين
#: الماضي"), "next" (strictly after), "this" (in the anchor's week),
#: "before_last" / "after_next" (a week beyond: "السبت قبل الماضي").
Direction = Literal["nearest", "last", "next", "this", "before_last", "after_next",
                    "next_week", "last_week"]


@frozen
class Lexicon:
    """The normalised date words of one language."""

    months: dict[str, tuple[Calendar, int]]
    #: month names that are also common words (Persian می, بهمن ...): need support
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    eras: dict[str, Calendar]
    ordinals: dict[str, int]
    #: relative word -> (unit, offset, calendar of a year or month unit)
    relative: dict[str, tuple[Unit, int, Calendar]]
    year_cues: tuple[str, ...]
    #: words after which a bare four-digit number is a label ("رقم 2023")
    not_years_after: frozenset[str]
    date_cues: tuple[str, ...]
    weekday_before: tuple[str, ...]
    #: the first day of the week (Python weekday): Saturday in Persian, Sunday in Arabic
    week_start: int
    #: word after a weekday -> which one it names
    weekday_after: dict[str, Direction]
    month_cues: tuple[str, ...]
    #: the month cues as lookup keys ("ماه", "شهر")
    month_cue_keys: frozenset[str]
    #: words after a month named alone -> which one they name
    month_relative: dict[str, Direction]


@functools.lru_cache(maxsize=2)
def lexicon(language: Language) -> Lexicon:
    """The date lexicon of ``language`` (built once)."""
    data = load_json("dates", "calendar_words.json")
    months: dict[str, tuple[Calendar, int]] = {}
    ambiguous: set[str] = set()
    for calendar in ("gregorian", "jalali", "hijri"):
        block = data["months"][calendar]
        for month, words in block[language].items():
            for w in words:
                months.setdefault(lexeme(w, language), (calendar, int(month)))
        ambiguous.update(lexeme(w, language) for w in block["ambiguous"][language])
    weekdays = {
        lexeme(w, language): int(day)
        for day, words in data["weekdays"][language].items()
        for w in words
    }
    eras: dict[str, Calendar] = {}
    for calendar, by_lang in data["eras"].items():
        for w in by_lang[language]:
            eras[lexeme(w, language)] = calendar
    rel = load_json("dates", "relative.json")
    ordinals = {
        lexeme(w, language): int(day)
        for day, words in rel["ordinal_days"][language].items()
        for w in words
    }
    relative: dict[str, tuple[Unit, int, Calendar]] = {
        lexeme(w, language): (entry["unit"], int(entry["offset"]),
                              entry.get("calendar", "gregorian"))
        for entry in rel["fixed"][language]
        for w in entry["words"]
    }
    after: dict[str, Direction] = {}
    cues = data["weekday_cues"]
    directions: tuple[tuple[str, Direction], ...] = (
        ("past", "last"), ("future", "next"), ("this", "this"),
        ("before_last", "before_last"), ("after_next", "after_next"),
        ("next_week", "next_week"), ("last_week", "last_week"),
    )
    for name, direction in directions:
        for w in cues["after"][name][language]:
            after[lexeme(w, language)] = direction
    year_cues = load_json("dates", "year_cues.json")[language]
    month_relative: dict[str, Direction] = {}
    for name, direction in directions[:3]:
        kind = {"past": "last", "future": "next"}.get(name, name)
        for w in data["month_alone"][kind][language]:
            month_relative[key(lexeme(w, language))] = direction
    return Lexicon(
        months=with_joined_keys(months),
        ambiguous_months=frozenset(key(w) for w in ambiguous),
        weekdays=with_joined_keys(weekdays),
        eras=with_joined_keys(eras),
        ordinals=with_joined_keys(ordinals),
        relative=with_joined_keys(relative),
        year_cues=tuple(lexeme(w, language) for w in year_cues),
        not_years_after=frozenset(
            key(lexeme(w, language))
            for w in load_json("dates", "year_cues.json")["not_years_after"][language]),
        date_cues=tuple(lexeme(w, language) for w in data["date_cues"][language]),
        weekday_before=tuple(lexeme(w, language) for w in cues["before"][language]),
        weekday_after=with_joined_keys(after),
        week_start=int(data["week_start"][language]),
        month_cues=tuple(lexeme(w, language) for w in data["month_cues"][language]),
        month_cue_keys=frozenset(key(lexeme(w, language)) for w in data["month_cues"][language]),
        month_relative=month_relative,
    )


@functools.lru_cache(maxsize=2)
def needs_cue(language: Language) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """Relative words that are not always a date ("اليوم" is also "nowadays"),
    the cue words that make them one, and the words after which they are none."""
    data = load_json("dates", "relative.json").get("needs_cue", {}).get(language, {})
    words = frozenset(key(lexeme(w, language)) for w in data.get("words", []))
    return (words, tuple(lexeme(w, language) for w in data.get("before", [])),
            tuple(lexeme(w, language) for w in data.get("not_before", [])))


@functools.lru_cache(maxsize=2)
def future_words(language: Language) -> tuple[frozenset[str], tuple[str, ...]]:
    """Words of the future tense, and (Arabic) the verb prefixes that make one."""
    data = load_json("dates", "relative.json")["future_tense"]
    return (frozenset(key(lexeme(w, language)) for w in data[language]),
            tuple(lexeme(w, language) for w in data.get(f"{language}_prefixes", [])))


@functools.lru_cache(maxsize=2)
def nth_words(language: Language) -> dict[str, int]:
    """"اولین", "الأول", "آخر" -> 1, 1, -1: which weekday of a month."""
    data = load_json("dates", "calendar_words.json")["nth_weekday"][language]
    return with_joined_keys({lexeme(w, language): int(n) for n, ws in data.items()
                             for w in ws})


@functools.lru_cache(maxsize=2)
def story_months(language: Language) -> dict[str, int]:
    """"الشهر المقبل", "ماه آینده" -> 1: a month counted from the story's."""
    data = load_json("dates", "calendar_words.json")["month_of_story"][language]
    return with_joined_keys({lexeme(w, language): int(n) for n, ws in data.items()
                             for w in ws})


@functools.lru_cache(maxsize=2)
@functools.lru_cache(maxsize=2)
def nowadays_after(language: Language) -> frozenset[str]:
    """Words after which "today" means "nowadays" (``relative.json``)."""
    words = load_json("dates", "relative.json").get("nowadays_after", {}).get(language, [])
    return frozenset(" ".join(lexeme(w, language).split()) for w in words)


def not_today_after(language: Language) -> frozenset[str]:
    """Words after اليوم that make it "the day" ("اليوم الأخير"), not today."""
    data = load_json("dates", "relative.json").get("needs_cue", {}).get(language, {})
    return frozenset(key(lexeme(w, language)) for w in data.get("not_after", []))


@functools.lru_cache(maxsize=2)
def counted_words(language: Language) -> dict[str, Any]:
    """The words of counted relative dates ("سه روز پیش", "قبل ثلاثة أيام"):
    units by unit name, words before or after meaning past or future, and the
    dual units that carry their own count of two ("قبل يومين")."""
    data = load_json("dates", "relative.json")["counted"][language]
    out: dict[str, Any] = {
        "units": {u: [lexeme(w, language) for w in ws] for u, ws in data["units"].items()},
        "duals": frozenset(key(lexeme(w, language)) for w in data.get("duals", [])),
    }
    for side in ("before_past", "before_future", "after_past", "after_future"):
        out[side] = [lexeme(w, language) for w in data.get(side, [])]
    return out


@functools.lru_cache(maxsize=2)
def clock_words(language: Language) -> tuple[dict[str, int], dict[str, int], frozenset[str]]:
    """Hour words, minute words and afternoon words of clock times in words."""
    hours = load_json("dates", "calendar_words.json")["hours"]
    return (
        {key(lexeme(w, language)): h for w, h in hours["hours"][language].items()},
        {key(lexeme(w, language)): v for w, v in hours["minutes"][language].items()},
        frozenset(key(lexeme(w, language)) for w in hours["pm"][language]),
    )


@functools.lru_cache(maxsize=2)
def calendar_words(language: Language) -> frozenset[str]:
    """Every single word of the calendar vocabulary (months, weekdays, eras,
    cues, clock words): other dimensions use it to tell names from dates."""
    words: set[str] = set()

    def collect(node: Any) -> None:
        if isinstance(node, str):
            words.update(lexeme(node, language).split())
        elif isinstance(node, list):
            for x in node:
                collect(x)
        elif isinstance(node, dict):
            for k, v in node.items():
                if k == language or k not in ("fa", "ar", "_about", "_"):
                    collect(v)

    collect(load_json("dates", "calendar_words.json"))
    return frozenset(words)


__all__ = [
    "Direction",
    "Lexicon",
    "Unit",
    "calendar_words",
    "clock_words",
    "counted_words",
    "lexicon",
    "needs_cue",
    "nowadays_after",
]
