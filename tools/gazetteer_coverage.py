"""How much of each office's time the bundled gazetteer covers.

    python tools/gazetteer_coverage.py            # the summary and the gaps
    python tools/gazetteer_coverage.py --markdown # the tables of docs/leaders.md

The cabinets of the countries our outlets write most about are listed whole
(every portfolio): for those, the share of the years from each portfolio's
first listed holder in which a holder is known.

An *office-year* is one office of one country on 1 July of one year; it is
covered when the gazetteer knows who held it that day. The scope is issue
13's: heads of state and government and foreign ministers of every UN member
from 1990; for the core countries also the ministers of defence, interior,
finance or economy, oil or energy and trade, the speaker of parliament and
the central-bank governor from 2000; heads of state and government of the
countries with a long history in the news from their start year.

Offices that do not exist count as gaps (the United States has no head of
government apart from its president): read the figures as a floor. With
``--reference wikidata_heads.csv`` (iso3, role, person_label, person_qid,
start, end) a head of state's or government's office-year counts only when
that table names a holder on the day, i.e. when the office existed (a
president who also heads the government fills the head of state's only).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from diplonlp.leaders import default_gazetteer
from diplonlp.leaders.gazetteer import Gazetteer
from diplonlp.model import Role

HERE = Path(__file__).parent
UN_MEMBERS = [code for line in (HERE / "un_members.txt").read_text(encoding="utf-8").splitlines()
              if not line.startswith("#") for code in line.split()]
CORE = [
    "IR", "AF", "TJ", "KZ", "KG", "UZ", "TM", "PK", "TR", "RU", "CN", "US", "GB", "FR", "DE",
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA",
    "SA", "SO", "SD", "SY", "TN", "AE", "YE",
]
#: role, offices that count (any one of them) -> label
CORE_OFFICES: list[tuple[Role, tuple[str, ...], str]] = [
    ("minister", ("defence",), "defence"),
    ("minister", ("interior",), "interior"),
    ("minister", ("finance", "economy"), "finance"),
    ("minister", ("oil", "energy"), "oil/energy"),
    ("minister", ("trade", "industry", "foreign_trade"), "trade"),
    ("other", ("speaker",), "speaker"),
    ("other", ("central_bank",), "central bank"),
]
#: countries whose whole cabinet is listed (every portfolio, not only CORE_OFFICES)
CABINETS = ["IR", "AF", "TJ", "SA", "MA", "EG", "PS", "US", "GB", "FR", "DE", "RU", "TR",
            "KR", "JP", "PK"]
#: offices that are no one portfolio
_NOT_PORTFOLIOS = {"other", "state"}
HISTORY = {"IR": 1925, "SA": 1932, "EG": 1952, "IQ": 1945, "SY": 1945, "KW": 1961,
           "QA": 1971, "BH": 1971, "AE": 1971, "OM": 1945, "AF": 1945, "US": 1945, "RU": 1945}
TOP: tuple[Role, ...] = ("head_of_state", "head_of_government", "foreign_minister")


def existing(path: Path | None) -> set[tuple[str, str, int]] | None:
    """(alpha-2, role, year) on whose 1 July the reference table names a holder."""
    if path is None:
        return None
    import csv

    from babel.core import get_global  # dev extra: CLDR maps alpha-3 to alpha-2

    aliases = get_global("territory_aliases")
    who: dict[tuple[str, str, int], set[str]] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            found = aliases.get(row["iso3"], [])
            code = found[0] if len(found) == 1 else None
            try:  # the table has flaws (its README): rows without usable dates are skipped
                start = dt.date.fromisoformat(row["start"][:10])
                end = dt.date.fromisoformat(row["end"][:10]) if row["end"] else dt.date.max
            except ValueError:
                continue
            if code is None:
                continue
            for year in range(max(start.year, 1900), min(end.year, 2100) + 1):
                if start <= dt.date(year, 7, 1) < end:
                    who.setdefault((code, row["role"], year), set()).add(row["person_qid"])
    # one person heading state and government is the head of state (the contract)
    return {k for k, people in who.items() if k[1] != "head_of_government"
            or not people <= who.get((k[0], "head_of_state", k[2]), set())}


def counted(ref: set[tuple[str, str, int]] | None, country: str, role: str,
            year: int) -> bool:
    """Whether an office-year is in scope: always without a reference table;
    with one, a head's office only in years it existed."""
    return ref is None or role not in TOP[:2] or (country, role, year) in ref


def held(g: Gazetteer, role: Role, country: str, year: int,
         offices: Iterable[str] | None = None) -> bool:
    day = dt.date(year, 7, 1)
    if offices is None:
        return bool(g.holders(role, country, day))
    return any(g.holders(role, country, day, office) for office in offices)


def cabinet(g: Gazetteer, country: str, years: range) -> tuple[int, list[bool]]:
    """The portfolios of ``country``'s ministers the gazetteer knows from
    ``years[0]``, and for each portfolio the years from the first one it
    names a holder in: whether it names one (the gaps inside known ministries;
    a ministry merged away or abolished counts as a gap, so this is a floor)."""
    first: dict[str, int] = {}
    for person in g.people.values():
        for t in person.terms:
            if (t.role == "minister" and t.where == country and t.office
                    and t.office not in _NOT_PORTFOLIOS):
                start = max(years[0], t.start.year if t.start else years[0])
                if (t.end is None or t.end.year >= years[0]) and start <= years[-1]:
                    first[t.office] = min(first.get(t.office, start), start)
    cells = [held(g, "minister", country, y, (office,))
             for office, since in first.items() for y in years if y >= since]
    return len(first), cells


def share(cells: list[bool]) -> float:
    return sum(cells) / len(cells) if cells else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print the docs tables")
    parser.add_argument("--reference", type=Path, help="wikidata_heads.csv: offices that existed")
    args = parser.parse_args()
    ref = existing(args.reference)
    g = default_gazetteer()
    last = g.as_of.year
    top_years = range(1990, last + 1)
    core_years = range(2000, last + 1)

    top = {(c, r): [held(g, r, c, y) for y in top_years if counted(ref, c, r, y)]
           for c in UN_MEMBERS for r in TOP}
    core = {(c, label): [held(g, role, c, y, offices) for y in core_years]
            for c in CORE for role, offices, label in CORE_OFFICES}
    history = {(c, r): [held(g, r, c, y) for y in range(start, last + 1)
                        if counted(ref, c, r, y)]
               for c, start in HISTORY.items() for r in TOP[:2]}

    all_top = [v for cells in top.values() for v in cells]
    all_core = [v for cells in core.values() for v in cells]
    all_history = [v for cells in history.values() for v in cells]
    if args.markdown:
        print(f"Gazetteer as of {g.as_of}: {len(g.people):,} people"
              + (" (head offices counted in the years they existed)" if ref else "") + ".\n")
        print("| scope | office-years | covered |")
        print("|---|---:|---:|")
        print(f"| heads of state and government, foreign ministers of the 193 UN members, "
              f"1990-{last} | {len(all_top):,} | {share(all_top):.1%} |")
        print(f"| seven ministries and offices of the {len(CORE)} core countries, 2000-{last} "
              f"| {len(all_core):,} | {share(all_core):.1%} |")
        print(f"| heads of state and government back to the start year of "
              f"{len(HISTORY)} countries | {len(all_history):,} | {share(all_history):.1%} |")
        print("\nPer role, UN members 1990-today:\n")
        print("| role | covered |")
        print("|---|---:|")
        for r in TOP:
            cells = [v for (_c, rr), row in top.items() if rr == r for v in row]
            print(f"| {r} | {share(cells):.1%} |")
        print(f"\nCore countries, {core_years[0]}-{last}:\n")
        labels = [label for _r, _o, label in CORE_OFFICES]
        print("| country | " + " | ".join(labels) + " |")
        print("|---|" + "---:|" * len(labels))
        for c in CORE:
            print(f"| {c} | " + " | ".join(f"{share(core[c, label]):.0%}" for label in labels)
                  + " |")
        print(f"\nWhole cabinets, {core_years[0]}-{last} (portfolios with a listed holder; "
              "the years of each portfolio from its first listed holder that name one):\n")
        print("| country | portfolios | portfolio-years | covered |")
        print("|---|---:|---:|---:|")
        for c in CABINETS:
            count, cells = cabinet(g, c, core_years)
            print(f"| {c} | {count} | {len(cells):,} | {share(cells):.0%} |")
        return
    print(f"{len(g.people)} people, as of {g.as_of}")
    print(f"UN members, heads and foreign ministers 1990-{last}: {share(all_top):.1%}")
    print(f"core countries, seven offices 2000-{last}: {share(all_core):.1%}")
    print(f"history: {share(all_history):.1%}")
    gaps = sorted(((share(cells), c, r) for (c, r), cells in top.items()), key=lambda t: t[0])
    print("least covered (country, role, share):")
    for value, c, r in gaps[:30]:
        print(f"  {c} {r} {value:.0%}")


if __name__ == "__main__":
    main()
