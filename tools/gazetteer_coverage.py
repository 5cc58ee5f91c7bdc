"""Prints how much of 2000-today the gazetteer covers, per country and office.

    python tools/gazetteer_coverage.py

For each country of issue 5's list: the share of (year, office) pairs, for
head of state, head of government and foreign minister on 1 July of each year
since 2000, that have a holder. Offices that do not exist (the US or
Turkmenistan have no head of government apart from the president, Turkey none
since 2018, Syria none since 2025) count as gaps here.
"""

from __future__ import annotations

import datetime as dt

from diplonlp.leaders import default_gazetteer

COUNTRIES = [
    "TJ", "KZ", "UZ", "KG", "TM", "AF", "IR", "PK", "IN", "CN", "RU", "TR", "AZ", "AM", "GE",
    "BY", "UA", "MN", "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA",
    "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE", "US", "GB", "FR", "DE", "JP",
]
ORGANIZATIONS = ["UN", "CSTO", "SCO", "CIS", "EU", "NATO", "OIC", "ARAB_LEAGUE", "GCC"]
OFFICES = ("head_of_state", "head_of_government", "foreign_minister")


def main() -> None:
    g = default_gazetteer()
    years = range(2000, dt.date.today().year + 1)
    print(f"{len(g.people)} people")
    for country in COUNTRIES:
        cells = [bool(g.holders(o, country, dt.date(y, 7, 1))) for y in years for o in OFFICES]
        missing = [f"{o.split('_')[-1]}:{y}" for y in years for o in OFFICES
                   if not g.holders(o, country, dt.date(y, 7, 1))]
        print(f"{country}  {sum(cells) / len(cells):4.0%}  missing: {', '.join(missing[:8])}"
              + (" ..." if len(missing) > 8 else ""))
    for org in ORGANIZATIONS:
        cells = [bool(g.holders("organization_head", org, dt.date(y, 7, 1))) for y in years]
        print(f"{org}  {sum(cells) / len(cells):4.0%}")


if __name__ == "__main__":
    main()
