"""Leaders and officials: names, titles and honorifics resolved to person, role
and country.

Data (``data/leaders/``): ``gazetteer.json`` (people, their spellings in fa
and ar and their time-bounded roles), ``roles.json`` (the title words),
``honorifics.json`` (epithets tied to one person); countries come from
:mod:`diplonlp.countries`.

What is a mention:

* a **name** of a person in the gazetteer, full ("ولادیمیر پوتین") or short
  ("پوتین"); some short names ("رحمان") count only after the person was named
  in full in the same article;
* a **title**: a role word and the country it belongs to ("رئیس جمهور
  تاجیکستان", "رئيس حكومة الاتحاد الروسي", "وزير الخارجية التركي",
  "سفیر چین در تاجیکستان"). A role word that needs a country ("وزیر", Arabic
  "رئيس") and has none is only kept right before a name;
* an **honorific** tied to one person ("رهبر ملت", "زعيم الأمة");
* a **generic** head of state ("رئیس دولت", "زعيم البلاد") only when the
  article names exactly one head of state.

How a title is resolved: to a person the article names who held that office;
else to whoever held it at the article's date (the reference date, else the
published date, else the first full date in the article); else the mention
keeps role and country with ``name`` null. A title right before or after a
name ("امامعلی رحمان، رئیس جمهور تاجیکستان") resolves to that person and is
kept on the name mention as ``title``.

Users extend or replace the gazetteer: ``LeaderExtractor(gazetteer=path or
mapping, extend=True)`` (see docs/leaders.md for the format).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import regex
from attrs import field, frozen

from diplonlp._prefilter import WordStarts, alternation, matches, with_joined_keys
from diplonlp._resources import load_json
from diplonlp.errors import DataError
from diplonlp.model import LANGUAGES, DateMention, Language, LeaderMention, Role
from diplonlp.normalize import normalize_lexeme
from diplonlp.pipeline import BaseExtractor, Document

_B = r"(?<![\p{L}\p{M}\p{N}])"
_E = r"(?![\p{L}\p{M}\p{N}])"


@frozen
class Term:
    role: Role
    country: str | None
    organization: str | None
    start: dt.date | None
    end: dt.date | None

    def active(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@frozen
class Person:
    key: str
    name: str
    qid: str | None
    terms: tuple[Term, ...]

    def term_at(self, day: dt.date | None, role: Role | None = None,
                country: str | None = None) -> Term | None:
        """The person's term at ``day`` (matching role/country when given); without
        a day, the latest one."""
        terms = [
            t for t in self.terms
            if (role is None or t.role == role) and (country is None or t.country == country)
        ]
        if not terms:
            return None
        if day is not None:
            active = [t for t in terms if t.active(day)]
            if active:
                return active[-1]
        return max(terms, key=lambda t: t.start or dt.date.min)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@frozen(eq=False)  # compared and hashed by identity: it keys a pattern cache
class Gazetteer:
    people: Mapping[str, Person]
    #: normalised spelling -> (person key, kind) per language; kind: full, short, context
    names: Mapping[Language, Mapping[str, tuple[str, str]]]
    #: (role, country) -> the people who held that office, for lookups by date
    offices: Mapping[tuple[str, str | None], tuple[Person, ...]] = field(factory=dict)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Gazetteer:
        people: dict[str, Person] = {}
        names: dict[Language, dict[str, tuple[str, str]]] = {"fa": {}, "ar": {}}
        for entry in data.get("people", []):
            try:
                terms = tuple(
                    Term(r["role"], r.get("country"), r.get("organization"),
                         _date(r.get("start")), _date(r.get("end")))
                    for r in entry.get("roles", [])
                )
                person = Person(entry["key"], entry["name"], entry.get("qid"), terms)
            except (KeyError, ValueError, TypeError) as exc:
                raise DataError("E301", path="gazetteer", error=exc) from exc
            people[person.key] = person
            for lang in LANGUAGES:
                language = lang
                for kind, key_name in (("full", "names"), ("short", "short_names"),
                                       ("context", "context_short_names")):
                    for spelling in entry.get(key_name, {}).get(language, []):
                        key = " ".join(normalize_lexeme(spelling, lang).split())
                        names[lang].setdefault(key, (person.key, kind))
                        names[lang].setdefault(_key(key), (person.key, kind))
        return cls(people, names, _offices(people.values()))

    def merged(self, other: Gazetteer) -> Gazetteer:
        people = {**self.people, **other.people}
        names: dict[Language, Mapping[str, tuple[str, str]]] = {
            lang: {**self.names[lang], **other.names[lang]} for lang in LANGUAGES
        }
        return Gazetteer(people, names, _offices(people.values()))

    def holders(self, role: Role, country: str | None, day: dt.date) -> list[Person]:
        """Who held the office at ``day`` (an index lookup, not a scan)."""
        return [
            p for p in self.offices.get((role, country), ())
            if any(t.role == role and t.country == country and t.active(day) for t in p.terms)
        ]


def _offices(people: Iterable[Person]) -> dict[tuple[str, str | None], tuple[Person, ...]]:
    index: dict[tuple[str, str | None], list[Person]] = {}
    for person in people:
        for term in person.terms:
            holders = index.setdefault((term.role, term.country), [])
            if person not in holders:
                holders.append(person)
    return {k: tuple(v) for k, v in index.items()}


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer.from_data(load_json("leaders", "gazetteer.json"))


_alt = alternation


@frozen
class _Grammar:
    names: regex.Pattern[str]
    titles: regex.Pattern[str]
    name_starts: WordStarts
    title_starts: WordStarts
    role_of: Mapping[str, tuple[Role, bool]]
    countries: Mapping[str, str]
    honorifics: Mapping[str, str]
    generic: frozenset[str]
    president_hog: frozenset[str]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _key(text: str) -> str:
    """The lookup form of matched text: without spaces (see with_joined_keys)."""
    return "".join(text.split())


@functools.lru_cache(maxsize=8)
def _grammar(language: Language, gazetteer: Gazetteer) -> _Grammar:
    from diplonlp.countries import country_lexicon

    roles = load_json("leaders", "roles.json")
    role_of: dict[str, tuple[Role, bool]] = {}
    for entry in roles[language]:
        for w in entry["words"]:
            key = _squash(normalize_lexeme(w, language))
            role_of.setdefault(key, (entry["role"], bool(entry.get("needs_country"))))
            if language == "ar" and key.startswith("ال"):
                role_of.setdefault("ل" + key[1:], (entry["role"], bool(entry.get("needs_country"))))
    role_of = with_joined_keys(role_of)
    generic_words = [_squash(normalize_lexeme(w, language)) for w in roles["generic"][language]]
    generic = frozenset([*generic_words, *(w.replace(" ", "") for w in generic_words)])
    honorifics = with_joined_keys({
        _squash(normalize_lexeme(w, language)): key
        for w, key in load_json("leaders", "honorifics.json")[language].items()
    })
    extra = roles.get("title_countries", {}).get(language, {})
    countries = with_joined_keys({
        **country_lexicon(language),
        **{_squash(normalize_lexeme(w, language)): code for w, code in extra.items()},
    })
    clitic = "(?P<clitic>[وفبل]{0,2}?)" if language == "ar" else "(?P<clitic>)"
    names = regex.compile(
        rf"{_B}{clitic}(?P<name>{_alt(gazetteer.names[language])}){_E}"
    )
    country_alt = _alt(countries)
    if language == "fa":
        complement = (
            rf"(?:\s+(?:(?:جمهوری|کشور|دولت|پادشاهی)\s+(?:اسلامی\s+|فدرال\s+)?)?(?P<country>{country_alt}){_E}"
            rf"(?:\s+در\s+(?P<country2>{country_alt}){_E})?)?"
        )
    else:
        complement = (
            rf"(?:\s+(?:(?:جمهوريه|دوله|مملكه|حكومه|سلطنه|اماره)\s+)?(?P<country>{country_alt}){_E}"
            rf"(?:\s+(?:في|لدى)\s+(?P<country2>{country_alt}){_E})?)?"
        )
    title_words = list(role_of) + list(generic) + list(honorifics)
    titles = regex.compile(rf"{_B}{clitic}(?P<role>{_alt(title_words)}){_E}{complement}")
    hog = roles.get("president_is_head_of_government", {}).get("countries", [])
    clitic_letters = "وفبل" if language == "ar" else ""
    return _Grammar(
        names, titles,
        WordStarts(gazetteer.names[language], clitics=clitic_letters),
        WordStarts(title_words, clitics=clitic_letters),
        role_of, countries, honorifics, generic, frozenset(hog),
    )


@frozen
class _Hit:
    start: int  # normalised offsets
    end: int
    kind: str  # name, title, honorific, generic
    person: str | None = None
    role: Role | None = None
    country: str | None = None
    name_kind: str = "full"
    needs_neighbour: bool = False


def _article_date(doc: Document) -> dt.date | None:
    if doc.anchor_date is not None:
        return doc.anchor_date
    for d in doc.get("dates"):
        if isinstance(d, DateMention) and not d.relative and d.value and len(d.value) == 10:
            return dt.date.fromisoformat(d.value)
    for d in doc.get("dates"):
        if isinstance(d, DateMention) and not d.relative and d.value and len(d.value) == 4:
            return dt.date(int(d.value), 7, 1)
    return None


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
        """``gazetteer``: a path to a JSON file, a mapping in the same format, or
        a :class:`Gazetteer`; with ``extend`` it is added to the bundled one
        (its people override bundled people with the same key), else it
        replaces it."""
        if gazetteer is None:
            self.gazetteer = default_gazetteer()
            return
        if isinstance(gazetteer, Gazetteer):
            own = gazetteer
        elif isinstance(gazetteer, Mapping):
            own = Gazetteer.from_data(gazetteer)
        else:
            try:
                data = json.loads(Path(gazetteer).read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise DataError("E301", path=str(gazetteer), error=exc) from exc
            own = Gazetteer.from_data(data)
        self.gazetteer = default_gazetteer().merged(own) if extend else own

    def extract(self, doc: Document) -> Iterator[LeaderMention]:
        grammar = _grammar(doc.language, self.gazetteer)
        hits = sorted(self._hits(doc, grammar), key=lambda h: (h.start, -h.end))
        hits = _drop_overlaps(hits)
        day = _article_date(doc)
        named = {
            h.person for h in hits
            if h.kind == "name" and h.name_kind != "context" and h.person is not None
        }
        # context short names count after the person was named in full or by title
        seen: set[str] = set()
        kept: list[_Hit] = []
        for h in hits:
            if h.kind == "name" and h.name_kind == "context" and h.person not in seen:
                continue
            if h.person:
                seen.add(h.person)
            kept.append(h)
        hits = kept
        links = _link_titles_and_names(doc.norm, hits, doc.language, self.gazetteer)
        heads = {
            h.person for h in hits if h.kind == "name" and h.person is not None
            and (t := self.gazetteer.people[h.person].term_at(day)) is not None
            and t.role == "head_of_state"
        }
        for i, h in enumerate(hits):
            mention = self._resolve(doc, h, hits, links.get(i), day, named, heads)
            if mention is not None:
                yield mention

    def _hits(self, doc: Document, grammar: _Grammar) -> Iterator[_Hit]:
        text = doc.norm
        names = self.gazetteer.names[doc.language]
        for m in matches(grammar.names, text, grammar.name_starts.starts(text)):
            key, kind = names[_key(m.group("name"))]
            yield _Hit(m.start("name"), m.end("name"), "name", person=key, name_kind=kind)
        for m in matches(grammar.titles, text, grammar.title_starts.starts(text)):
            word = _key(m.group("role"))
            start = m.start("role")
            country_word = m.group("country")
            end = m.end()
            country = grammar.countries.get(_key(country_word)) if country_word else None
            if word in grammar.honorifics:
                yield _Hit(start, m.end("role"), "honorific", person=grammar.honorifics[word])
                continue
            if word in grammar.generic and country is None:
                yield _Hit(start, m.end("role"), "generic", role="head_of_state")
                continue
            if word not in grammar.role_of:
                continue
            role = grammar.role_of[word][0]
            if role == "head_of_state" and country in grammar.president_hog and (
                "جمهور" in word or word == "رئيس" or word.endswith("الجمهوريه")
            ):
                role = "head_of_government"
            yield _Hit(
                start, end, "title", role=role, country=country,
                needs_neighbour=country is None,
            )

    def _resolve(
        self,
        doc: Document,
        h: _Hit,
        hits: Sequence[_Hit],
        link: int | None,
        day: dt.date | None,
        named: set[str],
        heads: set[str],
    ) -> LeaderMention | None:
        people = self.gazetteer.people
        title_text: str | None = None
        partner = hits[link] if link is not None else None
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
            return self._mention(doc, h, person, term, title_text)
        if h.kind == "generic":
            if len(heads) != 1:
                return None
            person = people[next(iter(heads))]
            return self._mention(doc, h, person, person.term_at(day, "head_of_state"), None)
        # a title
        assert h.role is not None
        if h.needs_neighbour:
            return None  # "الأمير", "الرئيس" alone: kept only on the name it stands by
        if partner is not None and partner.person is not None and partner.person in people:
            person = people[partner.person]
            term = person.term_at(day, h.role, h.country) or person.term_at(day)
            return self._mention(doc, h, person, term, None, role=h.role, country=h.country)
        if h.role not in _TRACKED_ROLES:
            # "سفیر تاجیکستان" alone: an office the gazetteer does not follow names
            # nobody we could resolve; it is kept only next to a name
            return None
        candidates = [
            people[k] for k in named if k in people
            and any(t.role == h.role and t.country == h.country for t in people[k].terms)
        ]
        if len(candidates) > 1 and day is not None:
            candidates = [
                p for p in candidates
                if any(t.role == h.role and t.country == h.country and t.active(day)
                       for t in p.terms)
            ]
        if len(candidates) != 1 and day is not None and h.role in (
            "head_of_state", "head_of_government", "foreign_minister"
        ):
            candidates = self.gazetteer.holders(h.role, h.country, day)
        if len(candidates) == 1:
            person = candidates[0]
            term = person.term_at(day, h.role, h.country)
            return self._mention(doc, h, person, term, None, role=h.role, country=h.country)
        return self._mention(doc, h, None, None, None, role=h.role, country=h.country)

    def _mention(
        self,
        doc: Document,
        h: _Hit,
        person: Person | None,
        term: Term | None,
        title: str | None,
        *,
        role: Role | None = None,
        country: str | None = None,
    ) -> LeaderMention:
        if role is None:
            role = term.role if term is not None else "other"
        if country is None and term is not None:
            country = term.country
        if h.kind == "title" and title is None:
            title = doc.normalized.original_slice(h.start, h.end)[2]
        return doc.mention(
            LeaderMention, h.start, h.end,
            name=person.name if person else None, id=person.qid if person else None,
            role=role, country=country, title=title,
        )


def _drop_overlaps(hits: list[_Hit]) -> list[_Hit]:
    """Keep the longest of overlapping hits; a name inside a title wins over it
    only when the title is a bare role word (the surname رئیسی is no title)."""
    out: list[_Hit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            prev = out[-1]
            if (h.end - h.start) > (prev.end - prev.start):
                out[-1] = h
            continue
        out.append(h)
    return out


#: Roles the gazetteer follows for every covered country; a title of another
#: role (ambassador, minister, deputy) is a mention only next to a name.
_TRACKED_ROLES = frozenset({"head_of_state", "head_of_government", "foreign_minister",
                            "organization_head"})

@functools.lru_cache(maxsize=2)
def _link_gap(language: Language) -> regex.Pattern[str]:
    words = load_json("leaders", "roles.json")["between_title_and_name"][language]
    courtesy = _alt(_squash(normalize_lexeme(w, language)) for w in words)
    return regex.compile(rf"\s*[،,]?\s*(?:(?:{courtesy})\s+)*")


def _link_titles_and_names(
    text: str, hits: Sequence[_Hit], language: Language, gazetteer: Gazetteer
) -> dict[int, int]:
    """Pairs a title with the name right after it (TITLE NAME, TITLE، الشيخ NAME),
    else right before it (NAME TITLE, NAME، TITLE), when the person held that
    office (or the title names no country)."""
    gap = _link_gap(language)
    links: dict[int, int] = {}

    def fits(title: _Hit, name: _Hit) -> bool:
        person = gazetteer.people.get(name.person or "")
        if person is None or title.country is None:
            return person is not None
        return any(t.country == title.country for t in person.terms)

    for title_first in (True, False):  # TITLE NAME pairs first, then NAME TITLE
        for i in range(len(hits) - 1):
            a, b = hits[i], hits[i + 1]
            if i in links or i + 1 in links or not gap.fullmatch(text, a.end, b.start):
                continue
            title, name = (a, b) if title_first else (b, a)
            if title.kind == "title" and name.kind == "name" and fits(title, name):
                links[i], links[i + 1] = i + 1, i
    return links


__all__ = ["Gazetteer", "LeaderExtractor", "Person", "Term", "default_gazetteer"]
