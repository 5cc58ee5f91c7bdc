"""The wire format: ``Article`` <-> the plain dict of the public contract.

This is the only module that knows the JSON shape; cattrs does the walking.
Decimals become plain decimal strings (``"1500000000"``, never ``"1.5E+9"``);
optional extras (``max``, ``unit``, ``time`` ...), the fields the model marks
with :data:`OMIT_IF_UNSET`, are left out when unset. The module knows the
model only through what :mod:`diplonlp.model` passes it (no import back).
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

if TYPE_CHECKING:
    from diplonlp.model import Article, DateMention, Mention

#: attrs field metadata: leave the field out of the dict when it holds its default
OMIT_IF_UNSET = "diplonlp.omit_if_unset"


#: normalize() rounds to the context's precision: use an exact one, never the caller's
_EXACT = decimal.Context(prec=200, Emin=-999_999, Emax=999_999)


def decimal_to_str(value: Decimal) -> str:
    """Exact plain decimal string: no exponent, no trailing zeros."""
    text = format(value.normalize(_EXACT), "f")
    return "0" if text in ("-0", "") else text


def _omitted(cls: type) -> tuple[str, ...]:
    if not attrs.has(cls):
        return ()
    return tuple(f.name for f in attrs.fields(cls) if f.metadata.get(OMIT_IF_UNSET))


@functools.lru_cache(maxsize=1)
def converter() -> cattrs.Converter:
    conv = cattrs.Converter()
    conv.register_unstructure_hook(Decimal, decimal_to_str)
    conv.register_structure_hook(Decimal, lambda v, _: Decimal(str(v)))
    # pairs ("interval") are JSON arrays
    conv.register_unstructure_hook_func(lambda t: t is tuple or getattr(t, "__origin__", None)
                                        is tuple, lambda v: [conv.unstructure(x) for x in v])

    def unstructure(cls: type) -> Any:
        overrides: dict[str, Any] = {n: override(omit_if_default=True) for n in _omitted(cls)}
        return make_dict_unstructure_fn(cls, conv, **overrides)

    def structure(cls: type) -> Any:
        return make_dict_structure_fn(cls, conv)

    conv.register_unstructure_hook_factory(lambda t: bool(_omitted(t)), unstructure)
    conv.register_structure_hook_factory(lambda t: bool(_omitted(t)), structure)
    return conv


def mention_to_dict(mention: Mention) -> dict[str, Any]:
    """One mention as a dict, ``text``, ``start`` and ``end`` first."""
    raw: dict[str, Any] = converter().unstructure(mention, type(mention))
    return {"text": raw.pop("text"), "start": raw.pop("start"), "end": raw.pop("end"), **raw}


def article_to_dict(article: Article, dimensions: Mapping[str, type[Mention]]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "language": article.language,
        "published": mention_to_dict(article.published) if article.published else None,
    }
    for dim in dimensions:
        out[dim] = [mention_to_dict(m) for m in getattr(article, dim)]
    for dim, mentions in article.extras.items():
        out[dim] = [mention_to_dict(m) for m in mentions]
    return out


def article_from_dict(
    cls: type[Article],
    data: Mapping[str, Any],
    *,
    text: str,
    dimensions: Mapping[str, type[Mention]],
    published_type: type[DateMention],
    extra_types: Mapping[str, type[Mention]],
) -> Article:
    conv = converter()
    published = data.get("published")
    kwargs: dict[str, Any] = {
        dim: tuple(conv.structure(m, mention_cls) for m in data.get(dim) or ())
        for dim, mention_cls in dimensions.items()
    }
    extras = {
        dim: tuple(conv.structure(m, mention_cls) for m in data.get(dim) or ())
        for dim, mention_cls in extra_types.items()
        if dim in data
    }
    return cls(
        text,
        data["language"],
        published=conv.structure(published, published_type) if published else None,
        extras=extras,
        **kwargs,
    )
