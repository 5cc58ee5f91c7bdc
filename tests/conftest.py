"""Shared test setup: the fixed "now", and the generic corpus runner.

Every corpus table under tests/ (a ``.tsv`` or ``.jsonl`` file that declares
itself, see ``corpus.py``) is collected as tests, one per case, by the hook
below: each dimension keeps its tables beside its own test module.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import corpus

TESTS = Path(__file__).parent
ROOT = TESTS.parent

def pytest_configure(config: pytest.Config) -> None:
    """The built-data cache (diplonlp._cache) of a test run lives in its own
    temporary directory, inherited by the processes the tests start: a run
    never reads or writes the user's cache."""
    import os
    import tempfile

    if "DIPLONLP_CACHE_DIR" not in os.environ:
        os.environ["DIPLONLP_CACHE_DIR"] = tempfile.mkdtemp(prefix="diplonlp-test-cache-")


#: The fixed "now" of the test suite: tests never depend on today's date.
REFERENCE_DATE = dt.date(2023, 8, 26)


@pytest.fixture
def reference_date() -> dt.date:
    return REFERENCE_DATE


class CorpusFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        for case in corpus.read_table(self.path):
            yield CorpusItem.from_parent(self, name=f"{case.source} {case.id}", case=case)


class CorpusItem(pytest.Item):
    def __init__(self, *, case: corpus.Case, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        corpus.check(self.case)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, self.name

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str:
        if isinstance(excinfo.value, AssertionError):
            return f"{self.case.source}: {self.case.text}\n{excinfo.value}"
        return str(super().repr_failure(excinfo))


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if corpus.is_table(file_path):
        return CorpusFile.from_parent(parent, path=file_path)
    return None
