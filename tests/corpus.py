"""One generic runner for every corpus table under tests/ (TSV and JSONL).

A table declares what it holds in ``#%`` lines at its top:

    #% dimension: dates
    #% columns: lang ref text surface value calendar relative
    #% none: money            (optional: dimensions that must stay empty)

TSV rows follow those columns (tab-separated; trailing columns may be left
out; ``-`` is null; ``\\n`` and ``\\uXXXX`` escapes are read). Consecutive rows
with the same ``lang``, ``ref`` and ``text`` are one case: the article parsed
from ``text`` must hold exactly those mentions of the dimension, each at the
span of its ``surface`` in the text. A row whose surface is ``-`` says the
text yields no mention of the dimension at all (a must-not-match row).

JSONL tables hold one case per line: ``{"lang", "ref", "text", <dimension>:
[[surface, field, ...], ...]}`` for one or several dimensions, the fields of
each dimension named by a first line ``{"columns": {<dimension>: [...]}}``.

Field columns name the mention's attributes (``value``, ``amount``,
``currency``, ``qualifier``, ``max``, ``name``, ``role``, ``country``,
``title``, ``calendar``, ``relative``, ``interval`` ...). Decimals compare by
value; ``relative`` is ``r`` for a relative date; an ``interval`` is written
``first..last``. Offsets are always checked:
``text[m.start:m.end] == m.text`` and the span is the surface's.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import regex
from attrs import frozen

import diplonlp

#: columns that locate a case rather than describe a mention
CASE_COLUMNS = ("lang", "ref", "text")
NULL = "-"


def unescape(value: str) -> str:
    """Turn the \\uXXXX and \\n escapes of the TSV corpora into characters."""
    return value.encode("ascii", "backslashreplace").decode("unicode_escape")


@frozen
class Case:
    """One text and what must be found in it."""

    source: str  # "path:line"
    lang: str
    ref: dt.date | None
    text: str
    #: dimension -> expected mentions as {column: cell}; an empty list: none at all
    expected: Mapping[str, Sequence[Mapping[str, str | None]]]

    @property
    def id(self) -> str:
        return self.text[:50].replace("\n", " ")


def _cell(value: str | None) -> str | None:
    return None if value is None or value == NULL else unescape(value)


def _directives(lines: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lines:
        if line.startswith("#%"):
            name, _, value = line[2:].partition(":")
            out[name.strip()] = value.strip()
    return out


def read_tsv(path: Path) -> list[Case]:
    lines = path.read_text(encoding="utf-8").splitlines()
    head = _directives(lines)
    if "dimension" not in head or "columns" not in head:
        raise ValueError(f"{path}: a corpus table needs '#% dimension:' and '#% columns:' lines")
    dimension = head["dimension"]
    columns = head["columns"].split()
    empty = {d: [] for d in head.get("none", "").split()}
    cases: list[Case] = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) > len(columns):
            raise ValueError(f"{path}:{lineno}: {len(cells)} cells for {len(columns)} columns")
        row = dict(zip(columns, cells, strict=False))
        lang, text = row["lang"], unescape(row["text"])
        ref_cell = row.get("ref", NULL)
        ref = None if ref_cell in (NULL, "") else dt.date.fromisoformat(ref_cell)
        mention = {c: _cell(row.get(c)) for c in columns if c not in CASE_COLUMNS}
        last = cases[-1] if cases else None
        if last is not None and (last.lang, last.ref, last.text) == (lang, ref, text):
            rows = list(last.expected[dimension])
            if mention["surface"] is not None:
                rows.append(mention)
            cases[-1] = Case(last.source, lang, ref, text, {**empty, dimension: rows})
            continue
        rows = [mention] if mention["surface"] is not None else []
        cases.append(Case(f"{path.name}:{lineno}", lang, ref, text, {**empty, dimension: rows}))
    return cases


def read_jsonl(path: Path) -> list[Case]:
    cases: list[Case] = []
    columns: dict[str, list[str]] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        data = json.loads(line)
        if "columns" in data:
            columns = data["columns"]
            continue
        expected = {}
        for dimension, names in columns.items():
            if dimension in data:
                expected[dimension] = [
                    {c: (None if v is None else str(v))
                     for c, v in zip(names, row, strict=True)}
                    for row in data[dimension]
                ]
        ref = dt.date.fromisoformat(data["ref"]) if data.get("ref") else None
        cases.append(Case(f"{path.name}:{lineno}", data["lang"], ref, data["text"], expected))
    if not columns:
        raise ValueError(f"{path}: a JSONL corpus needs a first line {{'columns': ...}}")
    return cases


def read_table(path: Path) -> list[Case]:
    return read_jsonl(path) if path.suffix == ".jsonl" else read_tsv(path)


def is_table(path: Path) -> bool:
    """Whether ``path`` is a corpus table (it declares itself in its first lines)."""
    if path.suffix not in (".tsv", ".jsonl"):
        return False
    with path.open(encoding="utf-8") as fh:
        head = fh.read(2000)
    return "#% dimension:" in head or head.lstrip().startswith('{"columns"')


# --- checking ---------------------------------------------------------------

_BEFORE = r"(?:(?<![\p{L}\p{M}\p{N}])|(?<=(?<![\p{L}\p{M}])[وفبلك]{1,2}))"


def locate(text: str, surfaces: Sequence[str]) -> list[tuple[int, int]]:
    """The span of each surface: longest first, each the first whole-word
    occurrence (Arabic proclitics may stand before it) not inside a span
    already taken."""
    spans: dict[int, tuple[int, int]] = {}
    taken: list[tuple[int, int]] = []
    for i in sorted(range(len(surfaces)), key=lambda k: -len(surfaces[k])):
        surface = surfaces[i]
        before = r"(?<![\p{N}])" if surface[0].isdigit() else _BEFORE
        after = r"(?![\p{N}])" if surface[-1].isdigit() else r"(?![\p{L}\p{M}\p{N}])"
        pattern = regex.compile(before + regex.escape(surface) + after)
        for m in pattern.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                taken.append(m.span())
                spans[i] = m.span()
                break
        else:
            raise AssertionError(f"surface {surface!r} is not in the text")
    return [spans[i] for i in range(len(surfaces))]


def _same(column: str, want: str | None, got: Any) -> bool:
    if column == "relative":
        return bool(got) == (want == "r")
    if want is None:
        return got is None
    if isinstance(got, Decimal):
        try:
            return got == Decimal(want)
        except InvalidOperation:
            return False
    if isinstance(got, tuple):  # an interval: "first..last"
        return "..".join(map(str, got)) == want
    return str(got) == want


def parse(case: Case) -> diplonlp.Article:
    article = diplonlp.parse_article(case.text, language=case.lang,  # type: ignore[arg-type]
                                     reference_date=case.ref)
    for m in article.mentions():
        assert case.text[m.start : m.end] == m.text, m
    return article


def check(case: Case) -> None:
    """Assert that the article holds exactly the expected mentions."""
    article = parse(case)
    problems: list[str] = []
    for dimension, rows in case.expected.items():
        found = list(getattr(article, dimension))
        spans = locate(case.text, [str(r["surface"]) for r in rows])
        wanted = sorted(zip(spans, rows, strict=True), key=lambda x: x[0])
        got = {(m.start, m.end): m for m in found}
        for span, row in wanted:
            m = got.pop(span, None)
            if m is None:
                near = [x.text for x in found if x.start < span[1] and span[0] < x.end]
                problems.append(f"{dimension}: missed {row['surface']!r} (found {near})")
                continue
            for column, want in row.items():
                if column == "surface":
                    continue
                value = getattr(m, column)
                if not _same(column, want, value):
                    problems.append(f"{dimension}: {row['surface']!r} {column}={value!r}, "
                                    f"want {want!r}")
        for m in got.values():
            problems.append(f"{dimension}: unexpected {m!r}")
    assert not problems, "\n".join(problems)


def tables(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and is_table(path):
            yield path


__all__ = ["Case", "check", "is_table", "locate", "parse", "read_table", "tables", "unescape"]
