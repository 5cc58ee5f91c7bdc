"""Resolving hits to people, roles and countries.

A name resolves to its person and the term they held on the story's date; a
title to a person the story names who held that office, else to whoever held
it on the story's date (the anchor of :func:`diplonlp.dates.story_anchor`),
else it keeps role and country with ``name`` null. A title next to a name
resolves to that person and stays on the name's mention as ``title``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from diplonlp.leaders.gazetteer import Gazetteer, Person, Term
from diplonlp.leaders.names import surnames
from diplonlp.leaders.titles import Hit, tracked_roles
from diplonlp.model import LeaderMention, Role
from diplonlp.pipeline import Document


class Resolver:
    """Resolves the hits of one document."""

    def __init__(self, doc: Document, gazetteer: Gazetteer, hits: Sequence[Hit],
                 day: dt.date | None) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.day = day
        self.tracked = tracked_roles()
        #: people the story names (not by a context-only short name)
        self.named = {
            h.person for h in hits
            if h.kind == "name" and h.name_kind != "context" and h.person is not None
        }
        #: heads of state the story names, for generic titles ("رئیس دولت")
        self.heads = {
            h.person for h in hits if h.kind == "name" and h.person is not None
            and (t := gazetteer.people[h.person].term_at(day)) is not None
            and t.role == "head_of_state"
        }

    def resolve(self, h: Hit, partner: Hit | None) -> LeaderMention | None:
        """The mention of hit ``h`` (``partner``: the title or name linked to it)."""
        doc, day, named, heads, tracked = self.doc, self.day, self.named, self.heads, self.tracked
        people = self.gazetteer.people
        title_text: str | None = None
        if h.kind == "name" and h.person is None:
            # a titled person the gazetteer does not list: role and country from
            # the title, unless the title's holder at the date bears this surname
            if partner is None or partner.kind != "title":
                return None
            title_text = doc.normalized.original_slice(partner.start, partner.end)[2]
            holder = self._holder_named(h, partner)
            if holder is not None:
                term = holder.term_at(day, partner.role, partner.country)
                return self._mention(h, holder, term, title_text)
            return self._mention(h, None, None, title_text,
                                 role=partner.role, country=partner.country)
        if h.kind == "name" or h.kind == "honorific":
            assert h.person is not None
            if h.person not in people:
                return None
            person = people[h.person]
            role_hint = (
                partner.role
                if partner is not None and partner.kind == "title" and not partner.needs_neighbour
                else None
            )
            country_hint = partner.country if partner is not None else None
            term = person.term_at(day, role_hint, country_hint) or person.term_at(day)
            if partner is not None and partner.kind == "title":
                title_text = doc.normalized.original_slice(partner.start, partner.end)[2]
            return self._mention(h, person, term, title_text)
        if h.kind == "generic":
            if len(heads) != 1:
                return None
            person = people[next(iter(heads))]
            return self._mention(h, person, person.term_at(day, "head_of_state"), None)
        # a title
        assert h.role is not None
        if h.needs_neighbour:
            return None  # "الأمير", "الرئيس" alone: kept only on the name it stands by
        if partner is not None and partner.kind == "name" and partner.person is None:
            holder = self._holder_named(partner, h)
            term = holder.term_at(day, h.role, h.country) if holder else None
            return self._mention(h, holder, term, None, role=h.role, country=h.country)
        if partner is not None and partner.person is not None and partner.person in people:
            person = people[partner.person]
            term = person.term_at(day, h.role, h.country) or person.term_at(day)
            return self._mention(h, person, term, None, role=h.role, country=h.country)
        if h.role not in tracked:
            # "سفیر تاجیکستان" alone: an office the gazetteer does not follow names
            # nobody we could resolve; it is kept only next to a name
            return None
        candidates = [
            people[k] for k in named if k in people
            and any(t.role == h.role and t.where == h.country for t in people[k].terms)
        ]
        if len(candidates) > 1 and day is not None:
            candidates = [
                p for p in candidates
                if any(t.role == h.role and t.where == h.country and t.active(day)
                       for t in p.terms)
            ]
        if len(candidates) != 1 and day is not None and h.role in tracked:
            candidates = self.gazetteer.holders(h.role, h.country, day)
        if len(candidates) == 1:
            person = candidates[0]
            term = person.term_at(day, h.role, h.country)
            return self._mention(h, person, term, None, role=h.role, country=h.country)
        return self._mention(h, None, None, None, role=h.role, country=h.country)

    def _holder_named(self, name: Hit, title: Hit) -> Person | None:
        """The office-holder at ``day`` when the unlisted written name ends in one
        of their surnames (a spelling the gazetteer lacks: "امام علی رحمان")."""
        doc, day = self.doc, self.day
        if day is None or title.role not in self.tracked or title.country is None:
            return None
        holders = self.gazetteer.holders(title.role, title.country, day)
        if len(holders) != 1:
            return None
        last = doc.norm[name.start:name.end].split()[-1]
        known = surnames(self.gazetteer, doc.language).get(holders[0].key, frozenset())
        return holders[0] if last in known else None

    def _mention(
        self,
        h: Hit,
        person: Person | None,
        term: Term | None,
        title: str | None,
        *,
        role: Role | None = None,
        country: str | None = None,
    ) -> LeaderMention:
        if role is None:
            role = term.role if term is not None else "other"
        if h.org or role == "organization_head":
            country = None  # the contract: organisations have no country
        elif country is None and term is not None:
            country = term.country
        if h.kind == "title" and title is None:
            title = self.doc.normalized.original_slice(h.start, h.end)[2]
        return self.doc.mention(
            LeaderMention, h.start, h.end,
            name=person.name if person else None, id=person.qid if person else None,
            role=role, country=country, title=title,
        )


__all__ = ["Resolver"]
