"""Many articles at once: :func:`parse_articles`, in one process or several.

>>> for article in diplonlp.parse_articles(texts, n_process=2):
...     ...
>>> for result in diplonlp.parse_articles(({"id": k, "text": t} for k, t in rows)):
...     result.id, result.article, result.error

Inputs are consumed lazily and results come back in input order. Strings give
:class:`~diplonlp.Article` objects; records (``(id, text)`` pairs or mappings
with a text field) give :class:`Parsed` results, so a record that cannot be
parsed (no text, text that is not a string, a failing extractor) yields an
error for that record and the run goes on.

``(text, context)`` tuples in the spaCy manner need ``as_tuples=True``: each
gives ``(result, context)``, the context passed through untouched. Without it
a pair whose second item is a mapping is refused (it would otherwise be read
as an ``(id, text)`` pair), and a single string given in place of an iterable
is refused rather than parsed one character at a time.

With ``n_process > 1`` the work goes to worker processes started with the
``spawn`` method (the same on every platform, and safe next to threads); each
builds its pipeline once, from the pipeline given (pickled once) or the
default one. At most ``2 * n_process`` batches are in flight, so memory stays
bounded whatever the input's length.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Literal, Union, overload

from attrs import frozen

from diplonlp.defaults import default_pipeline
from diplonlp.errors import InvalidOptionError, PipelineError, message
from diplonlp.model import LANGUAGES, Article, Language
from diplonlp.pipeline import Pipeline

#: A record: ``(id, text)`` or a mapping with the text (and id) fields.
Record = Union[tuple[Any, Any], Mapping[str, Any]]  # noqa: UP007 (a runtime alias on 3.10)


@frozen
class Parsed:
    """The result for one record: its ``id``, and either the ``article`` or the
    ``error`` (one line: what went wrong)."""

    id: Any
    article: Article | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """``{"id": ..., **article.to_dict()}``, or ``{"id": ..., "error": ...}``."""
        if self.article is None:
            return {"id": self.id, "error": self.error}
        return {"id": self.id, **self.article.to_dict()}


# One unit of work: (position, id, text or None, reference date, error so far)
_Item = tuple[int, Any, "str | None", "dt.date | None", "str | None"]
# Its outcome: (position, article or None, error or None)
_Outcome = tuple[int, "Article | None", "str | None"]

_worker_pipeline: Pipeline | None = None  # one per worker process, set by _init_worker


def _init_worker(pipeline: bytes | None, parent: int) -> None:
    global _worker_pipeline
    _worker_pipeline = pickle.loads(pipeline) if pipeline is not None else default_pipeline()
    import threading

    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (SIGKILL leaves it no time to stop its
    pool) would wait for work forever: it exits instead."""
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _parse_items(
    pipeline: Pipeline, items: list[_Item], language: Language | None
) -> list[_Outcome]:
    out: list[_Outcome] = []
    for pos, _id, text, ref, error in items:
        if error is not None or text is None:
            out.append((pos, None, error))
            continue
        try:
            out.append((pos, pipeline.parse(text, reference_date=ref, language=language), None))
        except Exception as exc:  # one bad record must not end the run
            out.append((pos, None, f"{type(exc).__name__}: {exc}"))
    return out


def _worker_batch(items: list[_Item], language: Language | None) -> list[_Outcome]:
    assert _worker_pipeline is not None
    return _parse_items(_worker_pipeline, items, language)


def _item(
    pos: int,
    obj: Any,
    reference_date: dt.date | None,
    text_field: str,
    id_field: str,
    date_field: str | None,
    nested: bool = False,
) -> tuple[bool, _Item]:
    """(is a record, work item) for one input object."""
    if isinstance(obj, str):
        return False, (pos, None, obj, reference_date, None)
    if isinstance(obj, tuple) and len(obj) == 2:
        rid, text = obj
        if isinstance(text, Mapping) and not nested:
            raise TypeError(
                f"item {pos} is a (text, context) pair; pass as_tuples=True to get "
                f"(result, context) back, or give (id, text) pairs or mappings"
            )
        if not isinstance(text, str):
            return True, (pos, rid, None, None, f"text is {type(text).__name__}, not str")
        return True, (pos, rid, text, reference_date, None)
    if isinstance(obj, Mapping):
        rid = obj.get(id_field, pos)
        if text_field not in obj:
            return True, (pos, rid, None, None, f"no {text_field!r} field")
        text = obj[text_field]
        if not isinstance(text, str):
            return True, (pos, rid, None, None,
                          f"{text_field!r} is {type(text).__name__}, not str")
        ref = reference_date
        if date_field is not None and obj.get(date_field):
            value = obj[date_field]
            try:
                ref = (value if isinstance(value, dt.date)
                       else dt.date.fromisoformat(str(value)[:10]))
            except ValueError:
                return True, (pos, rid, None, None, f"{date_field!r} is not a date: {value!r}")
        return True, (pos, rid, text, ref, None)
    raise TypeError(
        f"parse_articles() takes strings, (id, text) pairs or mappings, not "
        f"{type(obj).__name__} (item {pos})"
    )


@overload
def parse_articles(
    texts: Iterable[str],
    *,
    n_process: int = ...,
    batch_size: int = ...,
    reference_date: dt.date | None = ...,
    language: Language | None = ...,
    pipeline: Pipeline | None = ...,
    text_field: str = ...,
    id_field: str = ...,
    date_field: str | None = ...,
    as_tuples: Literal[False] = ...,
) -> Iterator[Article]: ...


@overload
def parse_articles(
    texts: Iterable[Record],
    *,
    n_process: int = ...,
    batch_size: int = ...,
    reference_date: dt.date | None = ...,
    language: Language | None = ...,
    pipeline: Pipeline | None = ...,
    text_field: str = ...,
    id_field: str = ...,
    date_field: str | None = ...,
    as_tuples: Literal[False] = ...,
) -> Iterator[Parsed]: ...


@overload
def parse_articles(
    texts: Iterable[tuple[Any, Any]],
    *,
    n_process: int = ...,
    batch_size: int = ...,
    reference_date: dt.date | None = ...,
    language: Language | None = ...,
    pipeline: Pipeline | None = ...,
    text_field: str = ...,
    id_field: str = ...,
    date_field: str | None = ...,
    as_tuples: Literal[True],
) -> Iterator[tuple[Any, Any]]: ...


def parse_articles(
    texts: Iterable[Any],
    *,
    n_process: int = 1,
    batch_size: int = 32,
    reference_date: dt.date | None = None,
    language: Language | None = None,
    pipeline: Pipeline | None = None,
    text_field: str = "text",
    id_field: str = "id",
    date_field: str | None = None,
    as_tuples: bool = False,
) -> Iterator[Any]:
    """Parse many articles; results come back in input order.

    ``texts``: strings (each gives an :class:`Article`) or records, ``(id,
    text)`` pairs or mappings with ``text_field`` and, optionally, ``id_field``
    (default: the record's position) and ``date_field`` (an ISO date used as
    that record's reference date); each record gives a :class:`Parsed`.
    ``n_process``: worker processes (1: this process; -1: one per CPU).
    ``batch_size``: articles sent to a worker at a time. ``reference_date``,
    ``language``: as for :func:`diplonlp.parse_article`. ``pipeline``: a
    :class:`Pipeline` to use instead of the default one (it must pickle when
    ``n_process > 1``). ``as_tuples``: the items are ``(text or record,
    context)`` pairs and each result comes back as ``(result, context)``.

    Raises :class:`TypeError` when ``texts`` is a single string, bytes or
    mapping rather than an iterable of them, or when an item is of no accepted
    kind.
    """
    if isinstance(texts, (str, bytes, bytearray, Mapping)):
        raise TypeError(
            f"parse_articles() takes an iterable of texts or records, not one "
            f"{type(texts).__name__}; use parse_article() for a single text, or wrap it "
            f"in a list"
        )
    if not isinstance(as_tuples, bool):
        raise InvalidOptionError("E402", option="as_tuples", expected="a bool",
                                 value=as_tuples)
    if not isinstance(n_process, int) or isinstance(n_process, bool) or (
        n_process < 1 and n_process != -1
    ):
        raise InvalidOptionError("E402", option="n_process", expected="an int >= 1 or -1",
                                 value=n_process)
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise InvalidOptionError("E402", option="batch_size", expected="an int >= 1",
                                 value=batch_size)
    if reference_date is not None and not isinstance(reference_date, dt.date):
        raise TypeError(message("E002", type=type(reference_date).__name__))
    if language is not None and language not in LANGUAGES:
        raise InvalidOptionError("E401", allowed=", ".join(LANGUAGES), value=language)
    if n_process == -1:
        n_process = os.cpu_count() or 1
    if as_tuples:
        return _with_contexts(texts, functools.partial(
            _run, n_process=n_process, batch_size=batch_size, reference_date=reference_date,
            language=language, pipeline=pipeline, text_field=text_field, id_field=id_field,
            date_field=date_field, nested=True))
    return _run(texts, n_process, batch_size, reference_date, language, pipeline,
                text_field, id_field, date_field)


def _with_contexts(
    texts: Iterable[Any], run: Callable[[Iterable[Any]], Iterator[Any]],
) -> Iterator[tuple[Any, Any]]:
    """``(payload, context)`` in, ``(result, context)`` out, in order: the
    contexts wait in a queue (results come back in input order) and never go
    to the workers."""
    contexts: deque[Any] = deque()

    def payloads() -> Iterator[Any]:
        for pos, obj in enumerate(texts):
            if not (isinstance(obj, tuple) and len(obj) == 2):
                raise TypeError(
                    f"with as_tuples=True each item is a (text, context) pair, not "
                    f"{type(obj).__name__} (item {pos})"
                )
            contexts.append(obj[1])
            yield obj[0]

    for result in run(payloads()):
        yield result, contexts.popleft()


def _run(
    texts: Iterable[Any],
    n_process: int,
    batch_size: int,
    reference_date: dt.date | None,
    language: Language | None,
    pipeline: Pipeline | None,
    text_field: str,
    id_field: str,
    date_field: str | None,
    nested: bool = False,
) -> Iterator[Any]:
    def batches() -> Iterator[tuple[list[bool], list[_Item]]]:
        kinds: list[bool] = []
        items: list[_Item] = []
        for pos, obj in enumerate(texts):
            is_record, item = _item(pos, obj, reference_date, text_field, id_field, date_field,
                                    nested)
            kinds.append(is_record)
            items.append(item)
            if len(items) == batch_size:
                yield kinds, items
                kinds, items = [], []
        if items:
            yield kinds, items

    def results(kinds: list[bool], items: list[_Item], outcomes: list[_Outcome]) -> Iterator[Any]:
        for is_record, item, (_pos, article, error) in zip(kinds, items, outcomes, strict=False):
            if is_record:
                yield Parsed(item[1], article, error)
            elif error is not None:
                # a plain string has no id to hang an error on: the failure is the caller's
                raise PipelineError("E105", position=item[0], error=error)
            else:
                yield article

    if n_process == 1:
        pipe = pipeline or default_pipeline()
        for kinds, items in batches():
            yield from results(kinds, items, _parse_items(pipe, items, language))
        return

    import multiprocessing as mp
    from concurrent.futures.process import BrokenProcessPool

    blob = pickle.dumps(pipeline) if pipeline is not None else None
    ctx = mp.get_context("spawn")
    with ProcessPoolExecutor(n_process, mp_context=ctx, initializer=_init_worker,
                             initargs=(blob, os.getpid())) as pool:
        pending: deque[tuple[list[bool], list[_Item], Future[list[_Outcome]]]] = deque()

        def collect() -> list[_Outcome]:
            try:
                return pending[0][2].result()
            except BrokenProcessPool as exc:
                raise PipelineError("E106", error=exc) from exc

        for kinds, items in batches():
            pending.append((kinds, items, pool.submit(_worker_batch, items, language)))
            if len(pending) >= 2 * n_process:
                outcomes = collect()
                k, i, _ = pending.popleft()
                yield from results(k, i, outcomes)
        while pending:
            outcomes = collect()
            k, i, _ = pending.popleft()
            yield from results(k, i, outcomes)


__all__ = ["Parsed", "Record", "parse_articles"]
