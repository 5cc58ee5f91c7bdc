"""The leaders extractor: hits, then unlisted names, links, resolution."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from diplonlp._prefilter import WordIndex, word_index
from diplonlp.countries import outlet_country, story_country
from diplonlp.dates import story_anchor
from diplonlp.dates.resolution import full_date
from diplonlp.leaders.gazetteer import Gazetteer, default_gazetteer
from diplonlp.leaders.links import (
    Links,
    drop_deputies_of,
    drop_overlaps,
    link_titles_and_names,
    trim_titles_off_names,
)
from diplonlp.leaders.names import inside_a_proper_name, name_reader
from diplonlp.leaders.resolution import Resolver, a_bound, may_stand_alone
from diplonlp.leaders.story import Story, estimate_day
from diplonlp.leaders.titles import Hit, find_hits, grammar
from diplonlp.leaders.unlisted import read_unlisted_names
from diplonlp.model import ROLES, DateMention, LeaderMention
from diplonlp.pipeline import BaseExtractor, Document


def story_of(doc: Document, index: WordIndex, hits: list[Hit], gazetteer: Gazetteer,
             links: Links | None = None) -> Story:
    """The story's country and date: the one anchor of the article
    (:func:`diplonlp.dates.story_anchor`: reference date, published date, the
    story's latest full date or year), else an estimate from the people it
    names (in the offices of the titles ``links`` puts beside their names)."""
    dates = [d for d in doc.get("dates")
             if isinstance(d, DateMention) and not a_bound(doc.text, d.start)]
    anchor = story_anchor(doc.reference_date, doc.published, dates)
    if anchor is not None and anchor.source == "story" and anchor.date > gazetteer.as_of:
        anchor = None  # a horizon ("رؤية 2030"), not the story's date
    evidence: Counter[str] = Counter()
    for h in hits:
        person = gazetteer.people.get(h.person or "")
        if h.kind == "name" and h.name_kind == "full" and person is not None:
            places = {t.country for t in person.terms if t.country}
            if len(places) == 1:  # someone who held office in one country only
                evidence[places.pop()] += 3
        elif h.kind == "title" and h.country and h.country_from == "text" and not h.org:
            evidence[h.country] += 1  # "المجلس الأعلى للحسابات" is Morocco's
    country = story_country(index, doc.language, evidence)
    outlet = outlet_country(index, doc.language)
    if anchor is not None and (anchor.source != "story" or any(map(full_date, dates))):
        return Story(country, outlet, anchor.date)  # a date the story writes in full
    named = [h.person for h in hits if h.kind == "name" and h.person and (
        h.name_kind == "full" or (h.name_kind == "short"
                                  and may_stand_alone(gazetteer.people[h.person])))]
    clues = [(d.calendar, d.original.month, d.original.day, d.weekday) for d in dates
             if d.weekday is not None and d.original is not None and d.original.year is None
             and d.original.month is not None and d.original.day is not None]
    clues += [(d.calendar, int(d.value[2:4]), int(d.value[5:7]), d.weekday) for d in dates
              if d.weekday is not None and d.original is None and d.value
              and d.value.startswith("--") and len(d.value) == 7]
    not_before = anchor.date.year if anchor is not None else None
    titled: dict[str, set[tuple[str, str | None]]] = {}
    if links is not None:
        for i, h in enumerate(links.hits):
            if h.kind == "name" and h.person:
                for t in links.titles_of(i):
                    title = links.hits[t]
                    if title.kind == "title" and title.role and not title.former:
                        titled.setdefault(h.person, set()).add((title.role, title.office))
    # any office a named person held dates the story, a deputy's as well as a king's
    day = estimate_day(named, gazetteer, frozenset(ROLES), not_before=not_before, clues=clues,
                       titled=titled)
    return Story(country, outlet, day, estimated=day is not None, earliest=not_before)


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

    def extract(self, doc: Document) -> list[LeaderMention]:
        g = grammar(doc.language, self.gazetteer)
        index = word_index(doc.normalized)
        found = [h for h in find_hits(index, doc.language, g)
                 if not inside_a_proper_name(doc.norm, h.start, doc.language)]
        found = trim_titles_off_names(found, doc.norm, doc.language)
        hits = drop_overlaps(sorted(found, key=lambda h: (h.start, -h.end)))
        hits = drop_deputies_of(hits, doc.norm, doc.language)
        hits = read_unlisted_names(
            doc.norm, hits, name_reader(doc.language, self.gazetteer), self.gazetteer,
            lambda s, e: doc.normalized.original_slice(s, e)[2],
        )
        reader = name_reader(doc.language, self.gazetteer)
        links = link_titles_and_names(doc.norm, hits, doc.language, self.gazetteer,
                                      lambda pos: reader.governed(doc.norm, pos))
        story = story_of(doc, index, hits, self.gazetteer, links)
        return Resolver(doc, self.gazetteer, links.hits, links, story).mentions()


__all__ = ["LeaderExtractor", "story_of"]
