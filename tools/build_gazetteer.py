"""Writes src/diplonlp/data/leaders/gazetteer.json from the tables in tools/gazetteer/.

The tables are the hand-maintained source (one line per person, one file per
region); the JSON is what the package reads; a test fails when they drift apart.

    python tools/build_gazetteer.py            # write the JSON
    python tools/build_gazetteer.py --check    # validate the tables only

Fields, separated by ``|``::

    key | English name | QID or - | fa names ; ... | ar names ; ... |
    short fa ; ... | short ar ; ... | roles

``roles`` is a comma-separated list of ``role[/office]@WHERE:start..end``:
``role`` is one of the contract's roles, ``office`` an office key from
``src/diplonlp/data/leaders/offices.json`` (``minister/interior``,
``other/speaker``, ``deputy_head_of_state/crown_prince``), ``WHERE`` an ISO
3166-1 alpha-2 code or an organisation code (``UN``, ``ARAB_LEAGUE`` ...), dates
``YYYY-MM-DD`` (an empty end: still in office). A ``?`` after a date marks it
unsure. A ``*`` after a short name: it counts only with support in the story
(the person named in full, or a title). The same key on several lines (in one
file or several) is one person: names and roles are merged; the English name
and the QID must agree.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLES = Path(__file__).with_name("gazetteer")
DATA = ROOT / "src" / "diplonlp" / "data" / "leaders"
OUT = DATA / "gazetteer.json"

ROLES = {
    "head_of_state", "head_of_government", "foreign_minister", "minister",
    "deputy_head_of_state", "deputy_head_of_government", "deputy_minister", "ambassador",
    "organization_head", "other",
}
SHORT_CONTEXT = "*"  # a short name that counts only with support in the story
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\??$")
_KEY = re.compile(r"^[a-z0-9_]+$")
_QID = re.compile(r"^Q\d+$")
_LATIN = re.compile(r"[A-Za-z]")


class TableError(ValueError):
    pass


def _known() -> tuple[set[str], set[str], dict[str, set[str]]]:
    """Organisation codes, ISO country codes, and office keys per role."""
    orgs = {k for k in json.loads((DATA / "organizations.json").read_text("utf-8"))
            if not k.startswith("_")}
    from babel import Locale  # a tool-time dependency (the dev extra)

    countries = {c for c in Locale("en").territories if len(c) == 2 and c.isalpha()}
    offices_path = DATA / "offices.json"
    offices: dict[str, set[str]] = {}
    if offices_path.exists():
        for role, keys in json.loads(offices_path.read_text("utf-8"))["offices"].items():
            offices[role] = set(keys)
    return orgs, countries, offices


def parse_roles(field: str, where_ok: tuple[set[str], set[str], dict[str, set[str]]],
                ) -> list[dict[str, object]]:
    orgs, countries, offices = where_ok
    roles: list[dict[str, object]] = []
    for item in field.split(","):
        item = item.strip()
        if not item:
            continue
        head, at, rest = item.partition("@")
        where, colon, span = rest.partition(":")
        start, dots, end = span.partition("..")
        if not (at and colon and dots):
            raise TableError(f"role {item!r}: expected role[/office]@WHERE:start..end")
        role, _, office = head.partition("/")
        if role not in ROLES:
            raise TableError(f"role {item!r}: unknown role {role!r}")
        if office and offices and office.split(":")[0] not in offices.get(role, set()):
            raise TableError(f"role {item!r}: unknown office {office!r} for {role}")
        if not _DATE.match(start) or (end and not _DATE.match(end)):
            raise TableError(f"role {item!r}: dates must be YYYY-MM-DD (a '?' may follow)")
        try:
            first = dt.date.fromisoformat(start.rstrip("?"))
            last = dt.date.fromisoformat(end.rstrip("?")) if end else None
        except ValueError as exc:
            raise TableError(f"role {item!r}: {exc}") from None
        if last is not None and last < first:
            raise TableError(f"role {item!r}: ends before it starts")
        entry: dict[str, object] = {"role": role}
        if office:
            entry["office"] = office
        if where in orgs:
            entry["organization"] = where
        elif len(where) == 2 and where.isupper() and (not countries or where in countries):
            entry["country"] = where
        else:
            raise TableError(f"role {item!r}: {where!r} is neither an ISO code nor an organisation")
        entry["start"] = start.rstrip("?")
        entry["end"] = end.rstrip("?") or None
        unsure = [k for k, v in (("start", start), ("end", end)) if v.endswith("?")]
        if unsure:
            entry["unsure"] = unsure
        roles.append(entry)
    if not roles:
        raise TableError("a person needs at least one role")
    return roles


def names(field: str) -> list[str]:
    out = [n.strip() for n in field.split(";") if n.strip() and n.strip() != "-"]
    for n in out:
        if _LATIN.search(n):
            raise TableError(f"name {n!r}: Latin letters in a Persian/Arabic name")
    return out


def _merge(into: list[str], more: list[str]) -> None:
    for x in more:
        if x not in into:
            into.append(x)


def read_tables(paths: list[Path] | None = None) -> list[dict[str, object]]:
    """Every person of every table, merged by key, in first-seen order."""
    known = _known()
    people: dict[str, dict[str, object]] = {}
    errors: list[str] = []
    for path in paths if paths is not None else sorted(TABLES.glob("*.txt")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            where = f"{path.name}:{lineno}"
            parts = [p.strip() for p in line.split("|")]
            try:
                if len(parts) != 8:
                    raise TableError(f"{len(parts)} fields, expected 8")
                key, name, qid, fa, ar, sfa, sar, roles = parts
                if not _KEY.match(key):
                    raise TableError(f"key {key!r}: lower-case letters, digits and _ only")
                if qid != "-" and not _QID.match(qid):
                    raise TableError(f"QID {qid!r}")
                person = {
                    "key": key,
                    "name": name,
                    "qid": None if qid == "-" else qid,
                    "names": {"fa": names(fa), "ar": names(ar)},
                    "short_names": {
                        "fa": [n for n in names(sfa) if not n.endswith(SHORT_CONTEXT)],
                        "ar": [n for n in names(sar) if not n.endswith(SHORT_CONTEXT)],
                    },
                    "context_short_names": {
                        "fa": [n.rstrip(SHORT_CONTEXT) for n in names(sfa)
                               if n.endswith(SHORT_CONTEXT)],
                        "ar": [n.rstrip(SHORT_CONTEXT) for n in names(sar)
                               if n.endswith(SHORT_CONTEXT)],
                    },
                    "roles": parse_roles(roles, known),
                }
                if not person["names"]["fa"] and not person["names"]["ar"]:  # type: ignore[index]
                    raise TableError("no name in either language")
            except TableError as exc:
                errors.append(f"{where}: {exc}")
                continue
            old = people.get(key)
            if old is None:
                people[key] = person
                continue
            if old["name"] != name:
                errors.append(f"{where}: key {key!r} is {old['name']!r} elsewhere, not {name!r}")
                continue
            if person["qid"] and old["qid"] and person["qid"] != old["qid"]:
                errors.append(f"{where}: key {key!r} has QID {old['qid']} elsewhere")
                continue
            old["qid"] = old["qid"] or person["qid"]
            for field in ("names", "short_names", "context_short_names"):
                for lang in ("fa", "ar"):
                    _merge(old[field][lang], person[field][lang])  # type: ignore[index]
            for role in person["roles"]:  # type: ignore[attr-defined]
                if role not in old["roles"]:  # type: ignore[operator]
                    old["roles"].append(role)  # type: ignore[attr-defined]
    if errors:
        raise TableError("\n".join(errors))
    return list(people.values())


#: the day the tables were last checked: terms with no end are open on it
AS_OF = "2026-12-01"


def build() -> dict[str, object]:
    return {
        "_about": (
            "Office-holders. Generated by tools/build_gazetteer.py from the tables in "
            "tools/gazetteer/; edit the tables, not this file. qid is null where we are "
            "not sure of the Wikidata ID; 'unsure' on a role lists dates we are not sure "
            "of; 'office' names the office within a role (minister/interior). "
            "context_short_names count only with support in the story (the person named "
            "in full, or a title beside them)."
        ),
        "as_of": AS_OF,
        "people": read_tables(),
    }


def render() -> str:
    """The JSON text: one person per line, so that diffs stay readable."""
    data = build()
    people = data["people"]
    assert isinstance(people, list)
    lines = [json.dumps(p, ensure_ascii=False, separators=(",", ":")) for p in people]
    about = json.dumps(data["_about"], ensure_ascii=False)
    return ('{"_about": ' + about + ',\n"as_of": "' + AS_OF + '",\n"people": [\n'
            + ",\n".join(lines) + "\n]}\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="validate the tables, write nothing")
    ap.add_argument("files", nargs="*", type=Path, help="only these tables (with --check)")
    args = ap.parse_args(argv)
    try:
        if args.check:
            people = read_tables(args.files or None)
            print(f"ok: {len(people)} people")
            return 0
        text = render()
    except TableError as exc:
        print(exc, file=sys.stderr)
        return 1
    OUT.write_text(text, encoding="utf-8")
    print(f"{len(json.loads(text)['people'])} people -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
