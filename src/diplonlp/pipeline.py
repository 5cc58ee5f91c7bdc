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
:func:`diplonlp.parse_article` is a thin function over the default pipeline
(:mod:`diplonlp.defaults`, which also loads extractors installed by other
packages under the entry-point group ``diplonlp.extractors`` when asked).

This module is the framework only: it imports no extractor. Each extractor
sees exactly the dimensions it declares in ``requires`` (its Document holds
no other mentions), so the output never depends on the order in which a
valid pipeline lists its extractors.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, runtime_checkable

from attrs import field, frozen

from diplonlp.errors import (
    DuplicateExtractorError,
    MissingRequirementError,
    PipelineError,
    message,
)
from diplonlp.model import DIMENSIONS, Article, DateMention, Language, Mention

if TYPE_CHECKING:
    from diplonlp.normalize import NormalizedText

M = TypeVar("M", bound=Mention)

_SURROGATE = re.compile("[\ud800-\udfff]")

#: The decimal context every parse runs in, whatever the caller's is: exact
#: for any number the extractors accept (at most 64 digits), never rounding.
EXACT = decimal.Context(prec=200, rounding=decimal.ROUND_HALF_EVEN, Emin=-999_999,
                        Emax=999_999, traps=[decimal.InvalidOperation, decimal.Overflow,
                                             decimal.DivisionByZero])


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
        """The article's own date, when the extractor needs ``published`` and an
        earlier one found it."""
        found = self.get("published")
        return found[0] if found and isinstance(found[0], DateMention) else None

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

    >>> pipe = Pipeline([*diplonlp.builtin_extractors(), MyExtractor()])
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

    @property
    def produces(self) -> tuple[str, ...]:
        """Every dimension this pipeline fills, in order."""
        return tuple(dict.fromkeys(e.produces for e in self.extractors))

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
        if _SURROGATE.search(text):
            # not text: a lone surrogate cannot be encoded. Each becomes U+FFFD, one
            # character for one, so offsets are those of the input.
            text = _SURROGATE.sub("\ufffd", text)
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
        text = doc.text  # lone surrogates replaced (see document())
        if not text.strip():
            return Article(text, doc.language)
        with decimal.localcontext(EXACT):
            return self._run(doc)

    def _run(self, doc: Document) -> Article:
        text = doc.text
        found: dict[str, tuple[Mention, ...]] = {}
        for ext in self.extractors:
            # the extractor sees what it declares, nothing else
            seen = {dim: found[dim] for dim in ext.requires if dim in found}
            doc = Document(doc.text, doc.normalized, doc.language, doc.reference_date, seen)
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


__all__ = [
    "BaseExtractor",
    "Document",
    "Extractor",
    "Pipeline",
]
