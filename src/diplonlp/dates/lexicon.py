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
#: الماضي"), "next" (strictly after), "this" (in the anchor's week).
Direction = Literal["nearest", "last", "next", "this"]


@frozen
class Lexicon:
    """The normalised date words of one language."""

    months: dict[str, tuple[Calendar, int]]
    #: month names that are also common words (Persian می, بهمن ...): need support
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    eras: dict[str, Calendar]
    ordinals: dict[str, int]
    relative: dict[str, tuple[Unit, int]]
    year_cues: tuple[str, ...]
    date_cues: tuple[str, ...]
    weekday_before: tuple[str, ...]
    #: word after a weekday -> which one it names
    weekday_after: dict[str, Direction]
    month_cues: tuple[str, ...]


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
    relative: dict[str, tuple[Unit, int]] = {
        lexeme(w, language): (entry["unit"], int(entry["offset"]))
        for entry in rel["fixed"][language]
        for w in entry["words"]
    }
    after: dict[str, Direction] = {}
    cues = data["weekday_cues"]
    directions: tuple[tuple[str, Direction], ...] = (
        ("past", "last"), ("future", "next"), ("this", "this"),
    )
    for name, direction in directions:
        for w in cues["after"][name][language]:
            after[lexeme(w, language)] = direction
    year_cues = load_json("dates", "year_cues.json")[language]
    return Lexicon(
        months=with_joined_keys(months),
        ambiguous_months=frozenset(key(w) for w in ambiguous),
        weekdays=with_joined_keys(weekdays),
        eras=with_joined_keys(eras),
        ordinals=with_joined_keys(ordinals),
        relative=with_joined_keys(relative),
        year_cues=tuple(lexeme(w, language) for w in year_cues),
        date_cues=tuple(lexeme(w, language) for w in data["date_cues"][language]),
        weekday_before=tuple(lexeme(w, language) for w in cues["before"][language]),
        weekday_after=with_joined_keys(after),
        month_cues=tuple(lexeme(w, language) for w in data["month_cues"][language]),
    )


@functools.lru_cache(maxsize=2)
def needs_cue(language: Language) -> tuple[frozenset[str], tuple[str, ...]]:
    """Relative words that count only with a cue ("اليوم" is often "nowadays"),
    and the cue words that may stand before them."""
    data = load_json("dates", "relative.json").get("needs_cue", {}).get(language, {})
    words = frozenset(key(lexeme(w, language)) for w in data.get("words", []))
    return words, tuple(lexeme(w, language) for w in data.get("before", []))


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
]
