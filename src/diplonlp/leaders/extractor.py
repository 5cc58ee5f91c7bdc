"""The leaders extractor: hits, then unlisted names, links, resolution."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from diplonlp._prefilter import word_index
from diplonlp.dates import story_anchor
from diplonlp.leaders.gazetteer import Gazetteer, default_gazetteer
from diplonlp.leaders.names import name_reader, read_unlisted_names
from diplonlp.leaders.resolution import Resolver
from diplonlp.leaders.titles import (
    Hit,
    drop_overlaps,
    find_hits,
    grammar,
    link_titles_and_names,
)
from diplonlp.model import DateMention, LeaderMention
from diplonlp.pipeline import BaseExtractor, Document


def story_date(doc: Document) -> dt.date | None:
    """The day the story is told from: the one anchor of the article
    (:func:`diplonlp.dates.story_anchor`: reference date, published date, the
    story's latest full date or year)."""
    dates = [d for d in doc.get("dates") if isinstance(d, DateMention)]
    anchor = story_anchor(doc.reference_date, doc.published, dates)
    return anchor.date if anchor is not None else None


class LeaderExtractor(BaseExtractor):
    """``leaders``: office-holders by name, title, honorific or both."""

    name = "leaders.v1"
    produces = "leaders"
    requires = ("dates", "published")

    def __init__(
        self,
        *,
        gazetteer: str | Path | Mapping[str, Any] | Gazetteer | None = None,
        extend: bool = True,
    ) -> None:
        """``gazetteer``: a :class:`Gazetteer` (see :meth:`Gazetteer.from_path`
        and :meth:`Gazetteer.from_mapping`), or a path or mapping read with
        those; with ``extend`` it is added to the bundled one (its people
        override bundled people with the same key), else it replaces it."""
        if gazetteer is None:
            self.gazetteer = default_gazetteer()
            return
        if isinstance(gazetteer, Gazetteer):
            own = gazetteer
        elif isinstance(gazetteer, Mapping):
            own = Gazetteer.from_mapping(gazetteer)
        else:
            own = Gazetteer.from_path(gazetteer)
        self.gazetteer = default_gazetteer().merged(own) if extend else own

    def extract(self, doc: Document) -> Iterator[LeaderMention]:
        g = grammar(doc.language, self.gazetteer)
        hits = drop_overlaps(sorted(find_hits(word_index(doc.normalized), doc.language, g),
                                    key=lambda h: (h.start, -h.end)))
        # context short names count after the person was named in full or by title
        seen: set[str] = set()
        kept: list[Hit] = []
        for h in hits:
            if h.kind == "name" and h.name_kind == "context" and h.person not in seen:
                continue
            if h.person:
                seen.add(h.person)
            kept.append(h)
        hits = read_unlisted_names(
            doc.norm, kept, name_reader(doc.language, self.gazetteer),
            lambda s, e: doc.normalized.original_slice(s, e)[2],
        )
        links = link_titles_and_names(doc.norm, hits, doc.language, self.gazetteer)
        resolver = Resolver(doc, self.gazetteer, hits, story_date(doc))
        for i, h in enumerate(hits):
            link = links.get(i)
            mention = resolver.resolve(h, hits[link] if link is not None else None)
            if mention is not None:
                yield mention


__all__ = ["LeaderExtractor", "story_date"]
