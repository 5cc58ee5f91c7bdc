"""Loading the package's language data, once, from ``diplonlp/data``.

Data files are read with :mod:`importlib.resources` and cached; nothing is
ever written into the installed package.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from diplonlp.errors import DataError


@functools.cache
def load_json(*parts: str) -> Any:
    """Parse ``diplonlp/data/<parts...>`` as JSON (cached for the process)."""
    from importlib import resources  # imported on first use: it is slow to import

    path = resources.files("diplonlp").joinpath("data")
    for part in parts:  # one part at a time: Python 3.10 takes a single argument
        path = path.joinpath(part)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError("E301", path="/".join(parts), error=exc) from exc
