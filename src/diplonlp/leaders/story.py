"""What a story is about: its country and its date.

*The story's country* (for titles with no country: "رئیس جمهور", "رئيس
الحكومة", "ولي العهد", and for "این کشور", "البلاد", "المملكة"): the country of
the dateline city when the story opens with one ("الرباط (ومع) –", "تهران -
ایرنا -"), else the country the story names most (names, adjectives,
cities), else none. *The outlet's country* ("کشورمان", "بلادنا") is the
country of the news agency the story credits, else the story's country.

*The story's date*: the one anchor of the article (reference date,
published date, the story's own latest full date or year: see
:func:`diplonlp.dates.story_anchor`). An undated story is placed by the
people it names: the years in which most of them were in office (a
stronger signal than none at all), and a title then resolves to the holder
of the middle of that span.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence

from attrs import frozen

from diplonlp.dates import to_gregorian
from diplonlp.leaders.gazetteer import Gazetteer, role_rank
from diplonlp.model import Calendar

#: the years an undated story may fall in
_FIRST_YEAR = 1900


@frozen
class Story:
    country: str | None
    outlet_country: str | None
    day: dt.date | None
    #: the day comes from the people the story names, not from a date it writes
    estimated: bool = False
    #: the latest year the story writes, when it writes no full date: the
    #: estimated day is not earlier
    earliest: int | None = None


#: a year-less date written with its weekday: (calendar, month, day, weekday)
Clue = tuple[Calendar, int, int, int]


def estimate_day(people: Iterable[str], gazetteer: Gazetteer, tracked: frozenset[str], *,
                 not_before: int | None = None, clues: Sequence[Clue] = (),
                 titled: Mapping[str, Collection[tuple[str, str | None]]] | None = None,
                 ) -> dt.date | None:
    """When an undated story was told: the years in which most of ``people``
    held a tracked office, not before the year ``not_before`` (the latest year
    the story writes); among them, a day on which every year-less date written
    with its weekday ("روز شنبه ۳۰ فروردین") falls on that weekday (the latest
    such day), else the middle of the latest run of such years. None when
    nothing places the story.

    ``titled`` maps a person to the (role, office) of the titles the story
    writes beside the name: such a person places the story in the terms of
    those offices ("وزير الاتصال مصطفى الخلفي" in 2012-2017, not in his
    later office), when the gazetteer has one."""
    last = gazetteer.as_of.year
    rank = role_rank()
    terms = []
    for key in set(people):
        person = gazetteer.people.get(key)
        if person is None:
            continue
        # the person's first-rank office only: news that names Nouri al-Maliki
        # is mostly about the prime minister, not the later vice president
        held = [t for t in person.terms if t.role in tracked]
        written = (titled or {}).get(key, ())
        as_written = [t for t in held if any(
            t.role == role and office in (None, t.office) for role, office in written)]
        if as_written:
            held = as_written
        top = min((rank.get(t.role, len(rank)) for t in held), default=0)
        spans = [(t.start or dt.date(_FIRST_YEAR, 1, 1), t.end or gazetteer.as_of)
                 for t in held if rank.get(t.role, len(rank)) == top]
        if spans:
            terms.append(spans)
    first = _FIRST_YEAR if not_before is None else max(_FIRST_YEAR, min(not_before, last))
    years = range(first, last + 1)
    # each person's years in office, as a set of years (1 July inside a term)
    in_office = [{y for s, e in spans for y in range(max(first, s.year), min(last, e.year) + 1)
                  if s <= dt.date(y, 7, 1) < e} for spans in terms]
    scores = dict.fromkeys(years, 0)
    for held_years in in_office:
        for y in held_years:
            scores[y] += 1
    best = max(scores.values(), default=0)
    if best == 0 and not_before is None:
        return None
    good = [y for y in years if scores[y] == best]
    days = _clue_days(clues, good)
    if days:
        return max(days)
    # the latest run of consecutive best years, its middle
    run_end = good[-1]
    run_start = run_end
    while run_start - 1 in scores and scores[run_start - 1] == best:
        run_start -= 1
    return dt.date((run_start + run_end) // 2, 7, 1)


def _clue_days(clues: Sequence[Clue], years: Sequence[int]) -> list[dt.date]:
    """Days in ``years`` that satisfy every clue (a day on its written weekday)."""
    if not clues:
        return []
    wanted = set(years)
    found: set[dt.date] | None = None
    for calendar, month, day, weekday in clues:
        days = set()
        for year in range(min(years) - 1, max(years) + 1):
            local = {"gregorian": year, "jalali": year - 621, "hijri": round((year - 622) * 1.0307)}
            base = local[calendar]
            for guess in range(base - 1, base + 2):
                date = to_gregorian(calendar, guess, month, day)
                if date is not None and date.year in wanted and date.weekday() == weekday:
                    days.add(date)
        found = days if found is None else {d for d in found if any(
            abs((d - other).days) <= 60 for other in days)}
    return sorted(found or ())


__all__ = ["Story", "estimate_day"]
