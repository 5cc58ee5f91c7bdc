"""Every error diplonlp raises, with a stable code, in one catalogue.

The hierarchy::

    DiplonlpError                      (base of everything raised on purpose)
    ├── PipelineError                  (E1xx: a pipeline that cannot run)
    │   ├── DuplicateExtractorError
    │   └── MissingRequirementError
    ├── PluginError                    (E2xx: an entry point that cannot be loaded)
    ├── DataError                      (E3xx: a broken package or user data file)
    └── InvalidOptionError             (E4xx: a bad option value, also a ValueError)

Bad *text* never raises: any ``str`` parses (possibly to an empty Article).
A non-``str`` text raises the built-in :class:`TypeError` (code E001 in its
message), because that is what Python users expect from a wrong type.
"""

from __future__ import annotations

from typing import Final

#: code -> message template. Codes are stable: never reuse or renumber one.
MESSAGES: Final[dict[str, str]] = {
    "E001": "text must be str, not {type}",
    "E002": "reference_date must be a datetime.date, not {type}",
    "E101": "two extractors in one pipeline are named {name!r}",
    "E102": "extractor {name!r} requires {missing} but no earlier extractor produces it",
    "E103": "{obj!r} is not an extractor: it needs 'name', 'produces', 'requires' and 'extract'",
    "E104": "extractor {name!r} produced {obj!r}, which is not a Mention",
    "E105": "parsing the text at position {position} failed: {error}",
    "E106": "a worker process of parse_articles() died: {error} (on spawn platforms, "
            "code that starts workers must sit under `if __name__ == '__main__':`)",
    "E201": "entry point {name!r} in group 'diplonlp.extractors' failed to load: {error}",
    "E202": "entry point {name!r} did not give an extractor (got {obj!r})",
    "E301": "data file {path!r} is invalid: {error}",
    "E401": "language must be one of {allowed}, not {value!r}",
    "E402": "{option} must be {expected}, not {value!r}",
}


def message(code: str, **fields: object) -> str:
    """Format the catalogue message for ``code`` and prefix it with the code."""
    return f"[{code}] " + MESSAGES[code].format(**fields)


class DiplonlpError(Exception):
    """Base class of every error diplonlp raises on purpose."""

    code: str = "E000"

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        super().__init__(message(code, **fields))


class PipelineError(DiplonlpError):
    """A pipeline that cannot run, found when it is built."""


class DuplicateExtractorError(PipelineError):
    """Two extractors share a name."""


class MissingRequirementError(PipelineError):
    """An extractor needs a dimension that no earlier extractor produces."""


class PluginError(DiplonlpError):
    """An extractor registered by entry point could not be loaded."""


class DataError(DiplonlpError):
    """A language-data file (the package's or a user's) is malformed."""


class InvalidOptionError(DiplonlpError, ValueError):
    """An option has a value outside its domain."""


__all__ = [
    "MESSAGES",
    "DataError",
    "DiplonlpError",
    "DuplicateExtractorError",
    "InvalidOptionError",
    "MissingRequirementError",
    "PipelineError",
    "PluginError",
    "message",
]
