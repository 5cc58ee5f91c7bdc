"""The default pipeline: the built-in extractors, and plugins when asked.

The framework (:mod:`diplonlp.pipeline`) knows only the extractor protocol;
this module wires the built-in extractors in their order and loads the
extractors that other packages register under the entry-point group
``diplonlp.extractors``. Plugins run only when the caller asks for them
(``plugins=True`` here, ``--plugins`` on the command line): installing a
package never changes what :func:`diplonlp.parse_article` returns.
"""

from __future__ import annotations

import functools
from typing import Any

from diplonlp.dates import DateExtractor, PublishedDateExtractor
from diplonlp.errors import PluginError
from diplonlp.leaders import LeaderExtractor
from diplonlp.money import MoneyExtractor
from diplonlp.numerals import NumberExtractor, NumeralExtractor
from diplonlp.percentages import PercentageExtractor
from diplonlp.pipeline import Extractor, Pipeline

ENTRY_POINT_GROUP = "diplonlp.extractors"


def builtin_extractors() -> tuple[Extractor, ...]:
    """Fresh instances of the built-in extractors, in pipeline order."""
    return (
        NumeralExtractor(),
        DateExtractor(),
        PublishedDateExtractor(),
        PercentageExtractor(),
        MoneyExtractor(),
        NumberExtractor(),
        LeaderExtractor(),
    )


def _plugin_entry_points() -> tuple[Any, ...]:
    from importlib.metadata import entry_points

    return tuple(sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name))


def load_plugins() -> list[Extractor]:
    """Instances of the extractors registered under ``diplonlp.extractors``.

    An entry point may name an extractor class or factory (called with no
    arguments) or an extractor instance. A plugin that fails to load raises
    :class:`~diplonlp.errors.PluginError` naming it.
    """
    plugins: list[Extractor] = []
    for ep in _plugin_entry_points():
        try:
            obj = ep.load()
        except Exception as exc:  # any import-time failure of a third-party plugin
            raise PluginError("E201", name=ep.name, error=exc) from exc
        if isinstance(obj, type) or (not isinstance(obj, Extractor) and callable(obj)):
            try:
                obj = obj()
            except Exception as exc:
                raise PluginError("E201", name=ep.name, error=exc) from exc
        if isinstance(obj, type) or not isinstance(obj, Extractor):
            raise PluginError("E202", name=ep.name, obj=obj)
        plugins.append(obj)
    return plugins


def default_pipeline(*, plugins: bool = False) -> Pipeline:
    """The built-in extractors, then (with ``plugins``) the installed plugins;
    built once per process for each value of ``plugins``."""
    return _default_pipeline(bool(plugins))


@functools.lru_cache(maxsize=2)
def _default_pipeline(plugins: bool) -> Pipeline:
    found = list(builtin_extractors())
    if plugins:
        found.extend(load_plugins())
    return Pipeline(found)


__all__ = ["ENTRY_POINT_GROUP", "builtin_extractors", "default_pipeline", "load_plugins"]
