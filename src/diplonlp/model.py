"""The domain model: small frozen values, one mention class per dimension.

Every mention carries ``text``, ``start`` and ``end``: ``start``/``end`` are
``str`` indices into the ORIGINAL text given to the parser and ``text`` is that
slice, so ``original[m.start:m.end] == m.text`` always holds.

Amounts and values are :class:`decimal.Decimal`, never floats. The wire format
(``Article.to_dict()`` / ``Article.from_dict()``) lives in :mod:`diplonlp._serialize`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal, TypeVar, get_args

import attrs
from attrs import field, frozen

Language = Literal["fa", "ar"]
Calendar = Literal["gregorian", "jalali", "hijri"]
Qualifier = Literal["exact", "approx", "more_than", "less_than", "at_least", "at_most"]
Role = Literal[
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "minister",
    "deputy_head_of_state",
    "deputy_head_of_government",
    "deputy_minister",
    "ambassador",
    "organization_head",
    "other",
]

#: The allowed values, derived from the Literal types above (one source of truth).
LANGUAGES: tuple[Language, ...] = get_args(Language)
CALENDARS: tuple[Calendar, ...] = get_args(Calendar)
QUALIFIERS: tuple[Qualifier, ...] = get_args(Qualifier)
ROLES: tuple[Role, ...] = get_args(Role)


#: field metadata: left out of ``to_dict()`` when unset (see diplonlp._serialize)
_OMIT = {"diplonlp.omit_if_unset": True}


def _non_negative(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, not {value}")


def _end_after_start(instance: Span, _: attrs.Attribute[int], value: int) -> None:
    if value < instance.start:
        raise ValueError(f"end ({value}) must be >= start ({instance.start})")


def _one_of(allowed: tuple[str, ...]) -> Any:
    return attrs.validators.in_(allowed)


def _optional_one_of(allowed: tuple[str, ...]) -> Any:
    return attrs.validators.optional(attrs.validators.in_(allowed))


def _decimal(value: Decimal | int | str) -> Decimal:
    """Accept ints and decimal strings; refuse floats, which are inexact."""
    if isinstance(value, float):
        raise TypeError("amounts are Decimal, int or str, never float")
    return value if isinstance(value, Decimal) else Decimal(value)


def _optional_pair(value: Any) -> tuple[str, str] | None:
    if value is None:
        return None
    first, last = value
    return (str(first), str(last))


def _optional_decimal(value: Decimal | int | str | None) -> Decimal | None:
    return None if value is None else _decimal(value)


@frozen
class Span:
    """A half-open ``[start, end)`` range of ``str`` indices."""

    start: int = field(validator=_non_negative)
    end: int = field(validator=[_non_negative, _end_after_start])

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end


@frozen
class Mention(Span):
    """Base class of every extracted mention: a span plus its original text."""

    text: str = field(kw_only=True)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@frozen
class OriginalDate:
    """A date as written in its own calendar (any part may be unknown)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None


@frozen
class DateMention(Mention):
    """A date. ``value`` is ISO 8601 Gregorian at the precision the text gives:
    ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``--MM-DD`` or ``--MM``; ``None`` for
    a relative date with nothing to anchor it. ``interval`` is the first and
    the last day the mention covers (ISO dates: a day, a Gregorian month or
    year, a Jalali or Hijri month or year), or ``None`` when its year is not
    known."""

    value: str | None = field(kw_only=True)
    interval: tuple[str, str] | None = field(kw_only=True, default=None,
                                             converter=_optional_pair)
    calendar: Calendar = field(kw_only=True, default="gregorian", validator=_one_of(CALENDARS))
    relative: bool = field(kw_only=True, default=False)
    original: OriginalDate | None = field(kw_only=True, default=None, metadata=_OMIT)
    time: str | None = field(kw_only=True, default=None, metadata=_OMIT)
    weekday: int | None = field(kw_only=True, default=None, metadata=_OMIT)


@frozen
class NumberMention(Mention):
    """A cardinal number."""

    value: Decimal = field(kw_only=True, converter=_decimal)


@frozen
class PercentageMention(Mention):
    """A percentage; ``value`` is the number before the percent word (18.3 for 18.3%)."""

    value: Decimal = field(kw_only=True, converter=_decimal)
    max: Decimal | None = field(kw_only=True, default=None, converter=_optional_decimal,
                                metadata=_OMIT)
    qualifier: Qualifier = field(kw_only=True, default="exact", validator=_one_of(QUALIFIERS))


@frozen
class MoneyMention(Mention):
    """An amount of money. ``currency`` is an ISO 4217 code or ``None``; a range
    keeps its lower bound in ``amount`` and its upper bound in ``max``; ``unit``
    keeps a unit that was converted (``"toman"``)."""

    amount: Decimal = field(kw_only=True, converter=_decimal)
    currency: str | None = field(kw_only=True, default=None)
    qualifier: Qualifier = field(kw_only=True, default="exact", validator=_one_of(QUALIFIERS))
    max: Decimal | None = field(kw_only=True, default=None, converter=_optional_decimal,
                                metadata=_OMIT)
    unit: str | None = field(kw_only=True, default=None, metadata=_OMIT)


@frozen
class LeaderMention(Mention):
    """An office-holder named, titled, or both."""

    name: str | None = field(kw_only=True, default=None)
    id: str | None = field(kw_only=True, default=None)
    role: Role = field(kw_only=True, default="other", validator=_one_of(ROLES))
    country: str | None = field(kw_only=True, default=None)
    title: str | None = field(kw_only=True, default=None)


M = TypeVar("M", bound=Mention)

#: The dimensions of the public contract, in ``to_dict()`` order, with their class.
DIMENSIONS: Mapping[str, type[Mention]] = {
    "dates": DateMention,
    "money": MoneyMention,
    "percentages": PercentageMention,
    "numbers": NumberMention,
    "leaders": LeaderMention,
}


def _sorted_mentions(value: Any) -> tuple[Any, ...]:
    return tuple(sorted(value, key=lambda m: (m.start, m.end)))


def _sorted_extras(value: Mapping[str, Any]) -> Mapping[str, tuple[Mention, ...]]:
    return {k: _sorted_mentions(v) for k, v in value.items()}


@frozen
class Article:
    """The result of parsing one article. ``text`` is the original text."""

    text: str = field(repr=False)
    language: Language = field(validator=_one_of(LANGUAGES))
    published: DateMention | None = None
    dates: tuple[DateMention, ...] = field(default=(), converter=_sorted_mentions)
    money: tuple[MoneyMention, ...] = field(default=(), converter=_sorted_mentions)
    percentages: tuple[PercentageMention, ...] = field(default=(), converter=_sorted_mentions)
    numbers: tuple[NumberMention, ...] = field(default=(), converter=_sorted_mentions)
    leaders: tuple[LeaderMention, ...] = field(default=(), converter=_sorted_mentions)
    #: Mentions of dimensions added by user extractors, by dimension name.
    extras: Mapping[str, tuple[Mention, ...]] = field(factory=dict, converter=_sorted_extras)

    def mentions(self) -> tuple[Mention, ...]:
        """Every mention of every dimension, in text order."""
        found: list[Mention] = [*self.dates, *self.money, *self.percentages]
        found += [*self.numbers, *self.leaders]
        for extra in self.extras.values():
            found.extend(extra)
        return _sorted_mentions(found)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of the public contract (``text`` itself is left out)."""
        from diplonlp._serialize import article_to_dict

        return article_to_dict(self, DIMENSIONS)

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        *,
        text: str = "",
        extra_types: Mapping[str, type[Mention]] | None = None,
    ) -> Article:
        """Rebuild an Article from :meth:`to_dict` output.

        ``text`` is the original text (``to_dict`` leaves it out). Extra
        dimensions are rebuilt only when their class is given in ``extra_types``;
        others are dropped.
        """
        from diplonlp._serialize import article_from_dict

        return article_from_dict(cls, data, text=text, dimensions=DIMENSIONS,
                                 published_type=DateMention, extra_types=extra_types or {})


__all__ = [
    "CALENDARS",
    "DIMENSIONS",
    "LANGUAGES",
    "QUALIFIERS",
    "ROLES",
    "Article",
    "Calendar",
    "DateMention",
    "Language",
    "LeaderMention",
    "Mention",
    "MoneyMention",
    "NumberMention",
    "OriginalDate",
    "PercentageMention",
    "Qualifier",
    "Role",
    "Span",
]
