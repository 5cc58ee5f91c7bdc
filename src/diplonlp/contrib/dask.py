"""Dask integration (``pip install "diplonlp[dask]"``): the pipeline mapped over
a :mod:`dask.bag` or a :mod:`dask.dataframe`, on one machine or a cluster.

::

    import dask.bag as db
    from diplonlp.contrib.dask import parse_bag, parse_dataframe, mentions_frame

    articles = parse_bag(db.read_text("news/*.jsonl").map(json.loads))   # dicts
    series = parse_dataframe(ddf, text_column="body")                     # dicts
    mentions = parse_dataframe(ddf, text_column="body", id_column="url",
                               flatten=True)                              # one row per mention
    mentions.groupby("dimension").size().compute()

Each partition is parsed with a pipeline built once per worker process (the
default one, or the ``pipeline`` given, pickled with the task graph). Results
are the contract's dicts (``{"id": ..., **Article.to_dict()}``, or ``{"id":
..., "error": ...}`` for a record that could not be parsed), or, flattened,
one row per mention with the columns of :data:`MENTION_COLUMNS`.
"""

from __future__ import annotations

import datetime as dt
import functools
import pickle
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, cast

from diplonlp.model import Language

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe

    from diplonlp.pipeline import Pipeline

INSTALL_HINT = 'the Dask integration needs dask: pip install "diplonlp[dask]"'

#: The columns of a flattened mention row, in order. ``value`` holds a date's
#: ISO value, a number's or percentage's value, or a money amount; ``max`` the
#: upper bound of a range; ``person`` a leader's canonical name and
#: ``person_id`` its Wikidata QID.
MENTION_COLUMNS: tuple[str, ...] = (
    "id", "language", "dimension", "text", "start", "end", "value", "max", "calendar",
    "relative", "currency", "qualifier", "unit", "person", "person_id", "role", "country",
    "title",
)
_DIMENSIONS = ("dates", "money", "percentages", "numbers", "leaders")


def _import(name: str) -> Any:
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(INSTALL_HINT) from exc


@functools.lru_cache(maxsize=4)
def _pipeline(blob: bytes | None) -> Pipeline:
    """The pipeline for this worker process, built once per pickled spec."""
    from diplonlp.defaults import default_pipeline

    return pickle.loads(blob) if blob is not None else default_pipeline()


def _parse_partition(
    items: Iterable[Any],
    blob: bytes | None,
    reference_date: dt.date | None,
    language: Language | None,
    text_field: str,
    id_field: str,
) -> list[dict[str, Any]]:
    from diplonlp.batch import parse_articles

    records = [
        item if isinstance(item, (Mapping, tuple)) else {text_field: item, id_field: None}
        for item in items
    ]
    pipe = _pipeline(blob)
    return [
        r.to_dict() for r in parse_articles(
            records, pipeline=pipe, reference_date=reference_date, language=language,
            text_field=text_field, id_field=id_field,
        )
    ]


def parse_bag(
    bag: dask.bag.Bag,
    *,
    reference_date: dt.date | None = None,
    language: Language | None = None,
    pipeline: Pipeline | None = None,
    text_field: str = "text",
    id_field: str = "id",
) -> dask.bag.Bag:
    """A bag of the contract's dicts from a bag of texts or records (``(id,
    text)`` pairs or mappings with ``text_field``/``id_field``)."""
    _import("dask.bag")
    blob = pickle.dumps(pipeline) if pipeline is not None else None
    result: dask.bag.Bag = cast(Any, bag).map_partitions(
        _parse_partition, blob, reference_date, language, text_field, id_field
    )
    return result


def mention_rows(article: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One row per mention of an article dict (``parse_bag``'s items): the
    columns of :data:`MENTION_COLUMNS`."""
    rows = []
    for dimension in _DIMENSIONS:
        for m in article.get(dimension, ()):
            rows.append({
                "id": article.get("id"),
                "language": article.get("language"),
                "dimension": dimension,
                "text": m["text"],
                "start": m["start"],
                "end": m["end"],
                "value": m.get("value", m.get("amount")),
                "max": m.get("max"),
                "calendar": m.get("calendar"),
                "relative": m.get("relative"),
                "currency": m.get("currency"),
                "qualifier": m.get("qualifier"),
                "unit": m.get("unit"),
                "person": m.get("name"),
                "person_id": m.get("id") if dimension == "leaders" else None,
                "role": m.get("role"),
                "country": m.get("country"),
                "title": m.get("title"),
            })
    return rows


def mentions_frame(articles: Iterable[Mapping[str, Any]]) -> Any:
    """A ``pandas.DataFrame`` with one row per mention of ``articles`` (dicts)."""
    pd = _import("pandas")
    rows = [row for a in articles for row in mention_rows(a)]
    frame = pd.DataFrame(rows, columns=list(MENTION_COLUMNS))
    types = dict.fromkeys(MENTION_COLUMNS, "object")
    types["start"] = types["end"] = "int64"
    return frame.astype(types)


def _frame_partition(
    part: Any,
    blob: bytes | None,
    reference_date: dt.date | None,
    language: Language | None,
    text_column: str,
    id_column: str | None,
    flatten: bool,
) -> Any:
    pd = _import("pandas")
    ids = part[id_column] if id_column is not None else part.index
    records = [{"id": _plain(i), "text": t} for i, t in zip(ids, part[text_column], strict=False)]
    dicts = _parse_partition(records, blob, reference_date, language, "text", "id")
    if flatten:
        return mentions_frame(dicts)
    return pd.Series(dicts, index=part.index, dtype="object", name="article")


def _plain(value: Any) -> Any:
    """A NumPy scalar as the Python value (so ids serialise as JSON)."""
    return value.item() if hasattr(value, "item") else value


def parse_dataframe(
    frame: dask.dataframe.DataFrame,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    flatten: bool = False,
    reference_date: dt.date | None = None,
    language: Language | None = None,
    pipeline: Pipeline | None = None,
) -> Any:
    """Parse ``frame[text_column]``.

    Returns a Series of the contract's dicts (``"id"``: the ``id_column``
    value, else the index), aligned with ``frame``; with ``flatten``, a
    DataFrame with one row per mention (:data:`MENTION_COLUMNS`).
    """
    pd = _import("pandas")
    _import("dask.dataframe")
    blob = pickle.dumps(pipeline) if pipeline is not None else None
    if flatten:
        meta: Any = mentions_frame([])
    else:
        meta = pd.Series([], dtype="object", name="article")
    return cast(Any, frame).map_partitions(
        _frame_partition, blob, reference_date, language, text_column, id_column, flatten,
        meta=meta,
    )


__all__ = [
    "INSTALL_HINT",
    "MENTION_COLUMNS",
    "mention_rows",
    "mentions_frame",
    "parse_bag",
    "parse_dataframe",
]
