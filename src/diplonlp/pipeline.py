"""Extractors and the Pipeline that runs them.

An *extractor* is any object with

``name``
    a unique, versioned name (``"numbers.v1"``);
``produces``
    the dimension its mentions go to (``"numbers"``, ``"money"`` ... or a new
    one of your own; a name starting with ``_`` is scratch work that later
    extractors may read but that is not part of the Article);
``requires``
    the dimensions it reads from earlier extractors;
``extract(doc)``
    which returns the mentions it finds in a :class:`Document`.

A :class:`Pipeline` checks when it is built that every requirement is produced
by an earlier extractor, then runs the extractors in order over one
:class:`Document` per text, each seeing what the earlier ones found.
:func:`diplonlp.parse_article` is a thin function over the default pipeline;
extractors installed by other packages under the entry-point group
``diplonlp.extractors`` join the default pipeline after the built-in ones.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, runtime_checkable

from attrs import field, frozen

from diplonlp.errors import (
    DuplicateExtractorError,
    MissingRequirementError,
    PipelineError,
    PluginError,
    message,
)
from diplonlp.model import DIMENSIONS, Article, DateMention, Language, Mention

if TYPE_CHECKING:
    from diplonlp.normalize import NormalizedText

ENTRY_POINT_GROUP = "diplonlp.extractors"

M = TypeVar("M", bound=Mention)


@frozen
class Document:
    """What an extractor sees: the text, its normalised view, the language,
    the reference date and the mentions found by earlier extractors."""

    text: str
    normalized: NormalizedText = field(repr=False)
    language: Language
    reference_date: dt.date | None = None
    mentions: Mapping[str, tuple[Mention, ...]] = field(factory=dict, repr=False)

    @property
    def norm(self) -> str:
        """The normalised text that patterns match on."""
        return self.normalized.text

    def get(self, dimension: str) -> tuple[Mention, ...]:
        """Mentions of ``dimension`` found so far (empty when none)."""
        return self.mentions.get(dimension, ())

    @property
    def published(self) -> DateMention | None:
        """The article's own date, when an earlier extractor found it."""
        found = self.get("published")
        return found[0] if found and isinstance(found[0], DateMention) else None

    @property
    def anchor_date(self) -> dt.date | None:
        """The date that anchors relative dates: the reference date, else the
        published date when it is a full date."""
        if self.reference_date is not None:
            return self.reference_date
        published = self.published
        if published is not None and published.value and len(published.value) == 10:
            return dt.date.fromisoformat(published.value)
        return None

    def mention(self, cls: type[M], start: int, end: int, **fields: Any) -> M:
        """Build a mention of ``cls`` from a span of the NORMALISED text; its
        offsets and ``text`` are those of the original."""
        ostart, oend, text = self.normalized.original_slice(start, end)
        return cls(ostart, oend, text=text, **fields)


@runtime_checkable
class Extractor(Protocol):
    """The protocol every extractor follows (no base class needed): plain class
    attributes satisfy these read-only members."""

    @property
    def name(self) -> str: ...

    @property
    def produces(self) -> str: ...

    @property
    def requires(self) -> tuple[str, ...]: ...

    def extract(self, doc: Document) -> Iterable[Mention]:
        """Return the mentions found in ``doc``."""
        ...


class BaseExtractor:
    """Optional convenience base: subclasses set ``name`` and ``produces``
    (and ``requires`` when they read earlier results) and write ``extract``."""

    name: str = ""
    produces: str = ""
    requires: tuple[str, ...] = ()

    def extract(self, doc: Document) -> Iterable[Mention]:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"


def _check_extractor(obj: object) -> Extractor:
    if (
        isinstance(obj, type)
        or not isinstance(obj, Extractor)
        or not isinstance(getattr(obj, "name", None), str)
    ):
        raise PipelineError("E103", obj=obj)
    return obj


class Pipeline:
    """Runs extractors in order over a document.

    >>> pipe = Pipeline([*Pipeline.default(), MyExtractor()])
    >>> article = pipe.parse(text, reference_date=datetime.date(2023, 8, 26))
    """

    def __init__(self, extractors: Iterable[Extractor]) -> None:
        self.extractors: tuple[Extractor, ...] = tuple(_check_extractor(e) for e in extractors)
        seen: set[str] = set()
        produced: set[str] = set()
        for ext in self.extractors:
            if ext.name in seen:
                raise DuplicateExtractorError("E101", name=ext.name)
            seen.add(ext.name)
            missing = [r for r in ext.requires if r not in produced]
            if missing:
                raise MissingRequirementError("E102", name=ext.name, missing=", ".join(missing))
            produced.add(ext.produces)

    @classmethod
    def default(cls, *, plugins: bool = True) -> Pipeline:
        """The built-in extractors, then (with ``plugins``) the installed ones."""
        found = list(builtin_extractors())
        if plugins:
            found.extend(load_plugins())
        return cls(found)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(e.name for e in self.extractors)

    def __iter__(self) -> Iterator[Extractor]:
        return iter(self.extractors)

    def __len__(self) -> int:
        return len(self.extractors)

    def __repr__(self) -> str:
        return f"Pipeline({list(self.names)!r})"

    def document(
        self,
        text: str,
        *,
        reference_date: dt.date | None = None,
        language: Language | None = None,
    ) -> Document:
        """The :class:`Document` this pipeline would start from (validated input)."""
        from diplonlp.language import check_language, detect_language
        from diplonlp.normalize import normalizer_for

        if not isinstance(text, str):
            raise TypeError(message("E001", type=type(text).__name__))
        if reference_date is not None:
            if not isinstance(reference_date, dt.date):
                raise TypeError(message("E002", type=type(reference_date).__name__))
            if isinstance(reference_date, dt.datetime):
                reference_date = reference_date.date()
        lang = detect_language(text) if language is None else check_language(language)
        return Document(text, normalizer_for(lang)(text), lang, reference_date)

    def parse(
        self,
        text: str,
        *,
        reference_date: dt.date | None = None,
        language: Language | None = None,
    ) -> Article:
        """Parse one article. See :func:`diplonlp.parse_article`."""
        doc = self.document(text, reference_date=reference_date, language=language)
        if not text.strip():
            return Article(text, doc.language)
        found: dict[str, tuple[Mention, ...]] = {}
        for ext in self.extractors:
            doc = Document(doc.text, doc.normalized, doc.language, doc.reference_date, found)
            new = tuple(ext.extract(doc))
            for m in new:
                _check_mention(ext, m, text)
            found = {**found, ext.produces: found.get(ext.produces, ()) + new}
        return _assemble(text, doc.language, found)


def _check_mention(ext: Extractor, m: object, text: str) -> None:
    if not isinstance(m, Mention):
        raise PipelineError("E104", name=ext.name, obj=m)
    if m.end > len(text) or text[m.start : m.end] != m.text:
        raise PipelineError("E104", name=ext.name, obj=m)


def _assemble(text: str, language: Language, found: Mapping[str, Sequence[Mention]]) -> Article:
    published = found.get("published", ())
    known = {dim: tuple(found.get(dim, ())) for dim in DIMENSIONS}
    extras = {
        dim: tuple(ms)
        for dim, ms in found.items()
        if dim not in DIMENSIONS and dim != "published" and not dim.startswith("_")
    }
    return Article(
        text,
        language,
        published=published[0] if published and isinstance(published[0], DateMention) else None,
        extras=extras,
        **known,
    )


def builtin_extractors() -> tuple[Extractor, ...]:
    """Fresh instances of the built-in extractors, in pipeline order."""
    from diplonlp.dates import DateExtractor, PublishedDateExtractor
    from diplonlp.leaders import LeaderExtractor
    from diplonlp.money import MoneyExtractor
    from diplonlp.numerals import NumberExtractor, NumeralExtractor
    from diplonlp.percentages import PercentageExtractor

    return (
        NumeralExtractor(),
        DateExtractor(),
        PublishedDateExtractor(),
        PercentageExtractor(),
        MoneyExtractor(),
        NumberExtractor(),
        LeaderExtractor(),
    )


@functools.lru_cache(maxsize=1)
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


@functools.lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The default pipeline, built once per process."""
    return Pipeline.default()


__all__ = [
    "ENTRY_POINT_GROUP",
    "BaseExtractor",
    "Document",
    "Extractor",
    "Pipeline",
    "builtin_extractors",
    "default_pipeline",
    "load_plugins",
]
