"""Coverage-guided fuzzing of parse_article with atheris (an optional dev tool).

    pip install atheris
    python tools/fuzz_atheris.py -atheris_runs=200000       # or -max_total_time=600

Each input is decoded as UTF-8 (invalid bytes replaced, so surrogates and any
code point can appear) and parsed in both languages with and without a
reference date; the checks are those of tests/test_fuzz.py: no exception,
offsets into the original text, ISO date values, finite decimals, and the
JSON round trip.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import atheris  # type: ignore[import-not-found]

with atheris.instrument_imports():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import diplonlp
    from test_fuzz import _check  # the same checks as the hypothesis suite


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    text = provider.ConsumeUnicode(4096)
    ordinal = provider.ConsumeIntInRange(1, dt.date.max.toordinal())
    ref = dt.date.fromordinal(ordinal) if provider.ConsumeBool() else None
    for language in ("fa", "ar"):
        clean = diplonlp.parse_article(text, language=language).text  # surrogates replaced
        _check(clean, language, ref)


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
