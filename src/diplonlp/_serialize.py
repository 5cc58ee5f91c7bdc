"""The wire format: ``Article`` <-> the plain dict of the public contract.

This is the only module that knows the JSON shape; cattrs does the walking.
Decimals become plain decimal strings (``"1500000000"``, never ``"1.5E+9"``);
optional extras (``max``, ``unit``, ``time`` ...) are left out when unset.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from diplonlp.model import (
    DIMENSIONS,
    Article,
    DateMention,
    Mention,
    MoneyMention,
    PercentageMention,
)

#: Fields left out of the dict when they hold their default (None).
_OMIT_WHEN_UNSET: Mapping[type[Mention], tuple[str, ...]] = {
    DateMention: ("original", "time", "weekday"),
    MoneyMention: ("max", "unit"),
    PercentageMention: ("max",),
}


def decimal_to_str(value: Decimal) -> str:
    """Exact plain decimal string: no exponent, no trailing zeros."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


@functools.lru_cache(maxsize=1)
def converter() -> cattrs.Converter:
    conv = cattrs.Converter()
    conv.register_unstructure_hook(Decimal, decimal_to_str)
    conv.register_structure_hook(Decimal, lambda v, _: Decimal(str(v)))
    for cls, omitted in _OMIT_WHEN_UNSET.items():
        overrides: dict[str, Any] = {name: override(omit_if_default=True) for name in omitted}
        conv.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, conv, **overrides))
        conv.register_structure_hook(cls, make_dict_structure_fn(cls, conv))
    return conv


def mention_to_dict(mention: Mention) -> dict[str, Any]:
    """One mention as a dict, ``text``, ``start`` and ``end`` first."""
    raw: dict[str, Any] = converter().unstructure(mention, type(mention))
    return {"text": raw.pop("text"), "start": raw.pop("start"), "end": raw.pop("end"), **raw}


def article_to_dict(article: Article) -> dict[str, Any]:
    out: dict[str, Any] = {
        "language": article.language,
        "published": mention_to_dict(article.published) if article.published else None,
    }
    for dim in DIMENSIONS:
        out[dim] = [mention_to_dict(m) for m in getattr(article, dim)]
    for dim, mentions in article.extras.items():
        out[dim] = [mention_to_dict(m) for m in mentions]
    return out


def article_from_dict(
    data: Mapping[str, Any], *, text: str, extra_types: Mapping[str, type[Mention]]
) -> Article:
    conv = converter()
    published = data.get("published")
    kwargs: dict[str, Any] = {
        dim: tuple(conv.structure(m, cls) for m in data.get(dim) or ())
        for dim, cls in DIMENSIONS.items()
    }
    extras = {
        dim: tuple(conv.structure(m, cls) for m in data.get(dim) or ())
        for dim, cls in extra_types.items()
        if dim in data
    }
    return Article(
        text,
        data["language"],
        published=conv.structure(published, DateMention) if published else None,
        extras=extras,
        **kwargs,
    )
