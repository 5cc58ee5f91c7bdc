from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"

#: The fixed "now" of the test suite: tests never depend on today's date.
REFERENCE_DATE = dt.date(2023, 8, 26)


@pytest.fixture
def reference_date() -> dt.date:
    return REFERENCE_DATE


def unescape(value: str) -> str:
    """Turn the \\uXXXX and \\n escapes of the TSV corpora into characters."""
    return value.encode("ascii", "backslashreplace").decode("unicode_escape")


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows
