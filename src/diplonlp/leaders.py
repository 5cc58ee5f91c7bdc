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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import regex
from attrs import field, frozen

from diplonlp._prefilter import (
    Head,
    PhraseIndex,
    WordStarts,
    alternation,
    matches,
    with_joined_keys,
)
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

    @property
    def where(self) -> str | None:
        """The country or, for an organisation's office, the organisation."""
        return self.country or self.organization

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
            if (role is None or t.role == role) and (country is None or t.where == country)
        ]
        if not terms:
            return None
        if day is not None:
            active = [t for t in terms if t.active(day)]
            if active:  # a king who is also prime minister is named as king
                return min(active, key=lambda t: _ROLE_RANK.get(t.role, len(_ROLE_RANK)))
        return max(terms, key=lambda t: t.start or dt.date.min)


#: Which of several offices held at once a person is named by.
_ROLE_RANK = {role: i for i, role in enumerate((
    "head_of_state", "organization_head", "head_of_government", "deputy_head_of_state",
    "foreign_minister", "deputy_head_of_government",
))}


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
            if any(t.role == role and t.where == country and t.active(day) for t in p.terms)
        ]


def _offices(people: Iterable[Person]) -> dict[tuple[str, str | None], tuple[Person, ...]]:
    index: dict[tuple[str, str | None], list[Person]] = {}
    for person in people:
        for term in person.terms:
            holders = index.setdefault((term.role, term.where), [])
            if person not in holders:
                holders.append(person)
    return {k: tuple(v) for k, v in index.items()}


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer.from_data(load_json("leaders", "gazetteer.json"))


_alt = alternation


@frozen
class _Grammar:
    #: spelling -> (person key, kind), looked up word by word (PhraseIndex), so
    #: the cost does not grow with the gazetteer
    names: PhraseIndex[tuple[str, str]]
    titles: regex.Pattern[str]
    title_starts: WordStarts
    role_of: Mapping[str, tuple[Role, bool]]
    countries: Mapping[str, str]
    organizations: Mapping[str, str]
    honorifics: Mapping[str, str]
    generic: frozenset[str]
    president_hog: frozenset[str]


#: what may stand between the words of one name, on one line: spaces (or
#: nothing: the normaliser deletes ZWNJ), a hyphen ("ژان-ایو"), an initial's
#: period ("اس. ام.")
_NAME_GAP = regex.compile(r"[^\S\n]*-?[^\S\n]*|\.[^\S\n]*")
#: Arabic clitics a name may carry: و ف ب ل, one or two ("وبوتين", "للرئيس" is a title)
_NAME_HEADS: dict[Language, tuple[Head, ...]] = {
    "fa": (("", ""),),
    "ar": (("", ""), *((c, "") for c in "وفبل"),
           *((a + b, "") for a in "وفبل" for b in "وفبل")),
}


def _squash(text: str) -> str:
    return " ".join(text.split())


def _key(text: str) -> str:
    """The lookup form of matched text: without spaces (see with_joined_keys)."""
    return "".join(text.split())


@functools.lru_cache(maxsize=2)
def _organizations(language: Language) -> dict[str, str]:
    """Normalised organisation name -> code; Arabic adds the genitive with ل."""
    out: dict[str, str] = {}
    for code, forms in load_json("leaders", "organizations.json").items():
        if code.startswith("_"):
            continue
        for form in forms[language]:
            key = _squash(normalize_lexeme(form, language))
            out[key] = code
            if language == "ar":
                out["ل" + key[1:] if key.startswith("ال") else "ل" + key] = code
    return with_joined_keys(out)


@functools.lru_cache(maxsize=8)
def _grammar(language: Language, gazetteer: Gazetteer) -> _Grammar:
    from diplonlp.countries import country_lexicon, place_lexicon

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
    orgs = _organizations(language)
    country_alt = _alt(countries)
    place_alt = _alt({**countries, **with_joined_keys(place_lexicon(language)), **orgs})
    org_alt = _alt(orgs)
    if language == "fa":
        complement = (
            rf"(?:\s+(?P<org>{org_alt}){_E}"
            rf"|\s+(?:(?:جمهوری|کشور|دولت|پادشاهی)\s+(?:اسلامی\s+|فدرال\s+)?)?(?P<country>{country_alt}){_E}"
            rf"(?:\s+در\s+(?P<country2>{place_alt}){_E})?)?"
        )
    else:
        complement = (
            rf"(?:\s+(?P<org>{org_alt}){_E}"
            rf"|\s+(?:(?:جمهوريه|دوله|مملكه|حكومه|سلطنه|اماره)\s+)?(?P<country>{country_alt}){_E}"
            rf"(?:\s+(?:في|لدى)\s+(?P<country2>{place_alt}){_E})?)?"
        )
    title_words = list(role_of) + list(generic) + list(honorifics)
    ministers = [w for w, (role, _needs) in role_of.items() if role == "minister"]
    portfolios = [_squash(normalize_lexeme(w, language).replace("،", " "))
                  for w in roles.get("portfolios", {}).get(language, [])]
    portfolio_alt = _alt(portfolios, space=r"[\s،,]*")  # "صنعت، معدن و تجارت"
    titles = regex.compile(
        rf"{_B}{clitic}(?:(?P<mrole>{_alt(ministers)})\s+(?P<portfolio>{portfolio_alt}){_E}"
        rf"|(?P<role>{_alt(title_words)}){_E}){complement}"
    )
    hog = roles.get("president_is_head_of_government", {}).get("countries", [])
    clitic_letters = "وفبل" if language == "ar" else ""
    return _Grammar(
        PhraseIndex(gazetteer.names[language]), titles,
        WordStarts(title_words, clitics=clitic_letters),
        role_of, countries, orgs, honorifics, generic, frozenset(hog),
    )


@frozen
class _Hit:
    start: int  # normalised offsets
    end: int
    kind: str  # name, title, honorific, generic
    person: str | None = None
    role: Role | None = None
    country: str | None = None
    name_kind: str = "full"  # full, short, context, or unlisted (a name read by _NameReader)
    needs_neighbour: bool = False
    org: bool = False  # ``country`` holds an organisation code (UN, NATO)
    bare: bool = False  # a role word that names an office only with a country ("وزیر")


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
        hits = _read_unlisted_names(
            doc.norm, kept, _name_reader(doc.language, self.gazetteer),
            lambda s, e: doc.normalized.original_slice(s, e)[2],
        )
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
        for start, end, (key, kind) in grammar.names.find(
            text, _NAME_HEADS[doc.language], _NAME_GAP
        ):
            yield _Hit(start, end, "name", person=key, name_kind=kind)
        for m in matches(grammar.titles, text, grammar.title_starts.starts(text)):
            portfolio = m.group("portfolio")
            group = "mrole" if portfolio else "role"
            word = _key(m.group(group))
            start = m.start(group)
            country_word = m.group("country")
            org_word = m.group("org")
            end = m.end()
            if m.group("country2") and (
                word not in grammar.role_of or grammar.role_of[word][0] != "ambassador"
            ):
                end = m.end("country")  # "نخست وزیر روسیه در مسکو": where, not whose
            country = grammar.countries.get(_key(country_word)) if country_word else None
            if word in grammar.honorifics:
                yield _Hit(start, m.end("role"), "honorific", person=grammar.honorifics[word])
                continue
            if word in grammar.generic and country is None:
                yield _Hit(start, m.end("role"), "generic", role="head_of_state")
                continue
            if word not in grammar.role_of:
                continue
            role, needs_country = grammar.role_of[word]
            if org_word:
                if role not in ("organization_head", "head_of_state"):
                    continue  # "معاون دبیرکل سازمان ملل": an office we do not follow
                yield _Hit(start, end, "title", role="organization_head",
                           country=grammar.organizations[_key(org_word)], org=True)
                continue
            if role == "head_of_state" and country in grammar.president_hog and (
                "جمهور" in word or word.endswith("الجمهوريه")
                or word in ("رئيس", "الرئيس", "لرئيس", "رئيسه", "الرئيسه")
            ):
                role = "head_of_government"
            yield _Hit(
                start, end, "title", role=role, country=country,
                needs_neighbour=country is None, bare=needs_country and country is None,
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
        if h.kind == "name" and h.person is None:
            # a titled person the gazetteer does not list: role and country from
            # the title, unless the title's holder at the date bears this surname
            if partner is None or partner.kind != "title":
                return None
            title_text = doc.normalized.original_slice(partner.start, partner.end)[2]
            holder = self._holder_named(doc, h, partner, day)
            if holder is not None:
                term = holder.term_at(day, partner.role, partner.country)
                return self._mention(doc, h, holder, term, title_text)
            return self._mention(doc, h, None, None, title_text,
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
        if partner is not None and partner.kind == "name" and partner.person is None:
            holder = self._holder_named(doc, partner, h, day)
            term = holder.term_at(day, h.role, h.country) if holder else None
            return self._mention(doc, h, holder, term, None, role=h.role, country=h.country)
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
            and any(t.role == h.role and t.where == h.country for t in people[k].terms)
        ]
        if len(candidates) > 1 and day is not None:
            candidates = [
                p for p in candidates
                if any(t.role == h.role and t.where == h.country and t.active(day)
                       for t in p.terms)
            ]
        if len(candidates) != 1 and day is not None and h.role in _TRACKED_ROLES:
            candidates = self.gazetteer.holders(h.role, h.country, day)
        if len(candidates) == 1:
            person = candidates[0]
            term = person.term_at(day, h.role, h.country)
            return self._mention(doc, h, person, term, None, role=h.role, country=h.country)
        return self._mention(doc, h, None, None, None, role=h.role, country=h.country)

    def _holder_named(
        self, doc: Document, name: _Hit, title: _Hit, day: dt.date | None
    ) -> Person | None:
        """The office-holder at ``day`` when the unlisted written name ends in one
        of their surnames (a spelling the gazetteer lacks: "امام علی رحمان")."""
        if day is None or title.role not in _TRACKED_ROLES or title.country is None:
            return None
        holders = self.gazetteer.holders(title.role, title.country, day)
        if len(holders) != 1:
            return None
        last = doc.norm[name.start:name.end].split()[-1]
        surnames = _surnames(self.gazetteer, doc.language).get(holders[0].key, frozenset())
        return holders[0] if last in surnames else None

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
        if h.org or role == "organization_head":
            country = None  # the contract: organisations have no country
        elif country is None and term is not None:
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
        if name.name_kind == "unlisted":
            return True
        person = gazetteer.people.get(name.person or "")
        if person is None or title.country is None:
            return person is not None
        return any(t.where == title.country for t in person.terms)

    for title_first in (True, False):  # TITLE NAME pairs first, then NAME TITLE
        for i in range(len(hits) - 1):
            a, b = hits[i], hits[i + 1]
            if i in links or i + 1 in links or not gap.fullmatch(text, a.end, b.start):
                continue
            title, name = (a, b) if title_first else (b, a)
            if title.kind == "title" and name.kind == "name" and fits(title, name):
                links[i], links[i + 1] = i + 1, i
    return links


# --- names the gazetteer does not list -------------------------------------

_TOKEN = regex.compile(r"[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*")
_SPACE = regex.compile(r"[^\S\n]+")


@frozen
class _NameReader:
    """Reads the written name of a titled person the gazetteer does not list:
    given names, then connector + word pairs (بن سلمان، آل نهيان), then at most
    one surname (Arabic may add a nisba: محمد شياع السوداني). Evidence for a
    name is a known given name first; a stop word, role or country word ends it."""

    language: Language
    given: frozenset[str]
    prefixes: frozenset[str]  # عبد، ابو: a given name written in two words
    suffixes: frozenset[str]  # الله، الدین
    connectors: frozenset[str]
    stop: frozenset[str]  # function words, verbs, role words
    weak: frozenset[str]  # country and calendar words: no name after a connector
    as_written: frozenset[str]
    complement_of: frozenset[str]
    verb_prefixes: tuple[str, ...]
    gap: regex.Pattern[str]

    def _stop(self, word: str, *, strong: bool = False) -> bool:
        if word in self.stop or (not strong and word in self.weak):
            return True
        if self.language == "ar":
            if word[:1] in ("و", "ف") and word[1:] in self.stop:
                return True
            return word.startswith(("بال", "لل", "وال", "فال", "كال"))
        return word.startswith(self.verb_prefixes) and not word.startswith("میر")

    def _surname(self, word: str) -> bool:
        return len(word) > 1 and not self._stop(word)

    def is_given(self, word: str) -> bool:
        """A listed given name, or one joined with الدین/الله or after عبد."""
        if word in self.given:
            return True
        return len(word) > 5 and (
            word.endswith(tuple(self.suffixes)) or word.startswith("عبد")
        ) and not word.startswith("ال")

    def parse(self, words: Sequence[str]) -> int:
        """How many of ``words`` (from the first) make a name; 0 if none."""
        n = len(words)
        if n == 0 or (self._stop(words[0]) and words[0] not in self.given):
            return 0
        if self.is_given(words[0]):
            i = 1
        elif words[0] in self.prefixes and n > 1 and not self._stop(words[1]):
            i = 2
        else:
            return 0
        given = 1
        while i < n and given < 4:
            if words[i] in self.suffixes:
                i += 1
            elif self.is_given(words[i]) and words[i] not in self.stop:
                i += 1
                given += 1
            else:
                break
        while (i + 1 < n and words[i] in self.connectors
               and not self._stop(words[i + 1], strong=True)):
            i += 2
        if i < n and words[i] not in self.connectors and self._surname(words[i]):
            i += 1
            while (i + 1 < n and words[i] in self.connectors
                   and not self._stop(words[i + 1], strong=True)):
                i += 2
            if (self.language == "ar" and i < n and not words[i - 1].startswith("ال")
                    and words[i].startswith("ال") and words[i].endswith("ي")
                    and self._surname(words[i])):
                i += 1
        return i

    def words(self, text: str, start: int, end: int) -> list[regex.Match[str]]:
        """The words of ``text[start:end]`` up to the first break (punctuation,
        a newline): a name is written in one run of words."""
        out: list[regex.Match[str]] = []
        lead = _SPACE.match(text, start, end)
        pos = lead.end() if lead else start
        while pos < end:
            m = _TOKEN.match(text, pos, end)
            if m is None:
                break
            out.append(m)
            sp = _SPACE.match(text, m.end(), end)
            if sp is None:
                break
            pos = sp.end()
        return out

    def governed(self, text: str, pos: int) -> bool:
        """Whether the title at ``pos`` is the complement of a word before it
        ("المتحدث باسم الرئيس", "سخنگوی رئیس جمهور")."""
        end = pos
        while end > 0 and text[end - 1] in " \t\u00a0":
            end -= 1
        m = _BACK_TOKEN.search(text, max(0, end - 40), end)
        if m is None:
            return False
        word = m.group()
        if self.language == "ar" and word[:1] in ("و", "ف") and word[1:] in self.complement_of:
            return True
        return word in self.complement_of

    def _first_ok(self, word: regex.Match[str], original: Callable[[int, int], str]) -> bool:
        if not self.as_written:
            return True
        return _MARKS.sub("", original(word.start(), word.end())) not in self.as_written

    def after(
        self, text: str, pos: int, limit: int, original: Callable[[int, int], str]
    ) -> tuple[int, int] | None:
        """The name right after a title ending at ``pos`` (TITLE، السيد NAME)."""
        gap = self.gap.match(text, pos, limit)
        start = gap.end() if gap else pos
        if start == pos and pos < limit and not text[pos].isspace():
            return None
        words = self.words(text, start, limit)[:8]
        if not words or not self._first_ok(words[0], original):
            return None
        k = self.parse([w.group() for w in words])
        return (words[0].start(), words[k - 1].end()) if k else None

    def before(
        self, text: str, pos: int, limit: int, original: Callable[[int, int], str]
    ) -> tuple[int, int] | None:
        """The name right before a title starting at ``pos`` (NAME، TITLE)."""
        end = pos
        while end > limit and text[end - 1] in " \t\u00a0":
            end -= 1
        if end > limit and text[end - 1] in "،,":
            end -= 1
            while end > limit and text[end - 1] in " \t\u00a0":
                end -= 1
        if end == pos or end <= limit:
            return None
        # the run of words ending at `end`, read backwards up to 8 words
        start = end
        for _ in range(8):
            m = _BACK_TOKEN.search(text, limit, start)
            if m is None or m.end() != start:
                break
            start = m.start()
            sp = start
            while sp > limit and text[sp - 1] in " \t\u00a0":
                sp -= 1
            if sp == start:
                break
            start = sp
        words = self.words(text, start, end)
        if not words or words[-1].end() != end:
            return None
        tokens = [w.group() for w in words]
        for i in range(len(tokens)):
            if self.parse(tokens[i:]) == len(tokens) - i and self._first_ok(words[i], original):
                return words[i].start(), end
        return None


_MARKS = regex.compile(r"\p{M}+")
_BACK_TOKEN = regex.compile(r"[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*$", flags=regex.REVERSE)


@functools.lru_cache(maxsize=8)
def _name_reader(language: Language, gazetteer: Gazetteer) -> _NameReader:
    from diplonlp.countries import country_lexicon

    data = load_json("leaders", "names.json")[language]
    roles = load_json("leaders", "roles.json")

    def norm(words: Iterable[str]) -> frozenset[str]:
        return frozenset(_key(normalize_lexeme(w, language)) for w in words)

    role_words = {
        w for entry in roles[language] for phrase in entry["words"]
        for w in normalize_lexeme(phrase, language).split()
    }
    countries = country_lexicon(language)
    country_words = {w for name in countries for w in name.split()}
    single_countries = {name for name in countries if " " not in name}
    calendar = load_json("dates", "calendar_words.json")
    calendar_words: set[str] = set()

    def collect(node: Any) -> None:
        if isinstance(node, str):
            calendar_words.update(normalize_lexeme(node, language).split())
        elif isinstance(node, list):
            for x in node:
                collect(x)
        elif isinstance(node, dict):
            for k, v in node.items():
                if k == language or k not in ("fa", "ar", "_about", "_"):
                    collect(v)

    collect(calendar)
    given = norm(data["given"])
    stop = norm(data["stop"]) | frozenset(role_words)
    weak = (frozenset(country_words) | frozenset(calendar_words)) - given
    return _NameReader(
        language, given - frozenset(role_words) - frozenset(single_countries),
        norm(w for w in data["given_parts"] if w in ("عبد", "ابو", "أبو", "امام")),
        norm(w for w in data["given_parts"] if w not in ("عبد", "ابو", "أبو", "امام")),
        norm(data["connectors"]), stop, weak, frozenset(data["stop_as_written"]),
        norm(data["complement_of"]),
        tuple(data["verb_prefixes"]), _link_gap(language),
    )


@functools.lru_cache(maxsize=8)
def _surnames(gazetteer: Gazetteer, language: Language) -> Mapping[str, frozenset[str]]:
    """The last word of every spelling of every person, by person key."""
    out: dict[str, set[str]] = {}
    for spelling, (key, kind) in gazetteer.names[language].items():
        if " " in spelling:
            out.setdefault(key, set()).add(spelling.split()[-1])
        elif kind != "full":  # a short name; a one-word full key is a joined full name
            out.setdefault(key, set()).add(spelling)
    return {k: frozenset(v) for k, v in out.items()}


def _read_unlisted_names(
    text: str, hits: list[_Hit], reader: _NameReader, original: Callable[[int, int], str]
) -> list[_Hit]:
    """Widens a short name by the given names written before it ("عبدالفتاح
    سیسی"), then reads the names of titled people the gazetteer does not list,
    right after a title, else right before it."""
    out: list[_Hit] = []
    for h in hits:
        if h.kind == "name":
            # a short name may follow up to three given names ("عبدالفتاح سیسی"),
            # a full one one more ("محمد شهباز شريف")
            most = 1 if h.name_kind == "full" else 3
            limit = out[-1].end if out else 0
            words = reader.words(text, limit, h.start)
            tokens = [w.group() for w in words]
            if words and words[-1].end() < h.start and not text[words[-1].end():h.start].strip():
                for j in range(max(0, len(tokens) - most), len(tokens)):
                    if tokens[j] in reader.given and all(
                        t in reader.given or t in reader.suffixes for t in tokens[j:]
                    ):
                        h = _Hit(words[j].start(), h.end, "name", person=h.person,
                                 name_kind="full" if h.name_kind == "context" else h.name_kind)
                        break
        out.append(h)
    result: list[_Hit] = []
    for i, h in enumerate(out):
        result.append(h)
        if h.kind != "title" or h.bare or reader.governed(text, h.start):
            continue
        nxt = out[i + 1].start if i + 1 < len(out) else len(text)
        prev = result[-2].end if len(result) > 1 else 0
        if i + 1 < len(out) and out[i + 1].kind == "name" and not text[h.end:nxt].strip(" \t،,"):
            continue  # a listed name follows
        span = reader.after(text, h.end, nxt, original)
        if span is not None:
            result.append(_Hit(span[0], span[1], "name", name_kind="unlisted"))
            continue
        if len(result) > 1 and result[-2].kind == "name" and not text[prev:h.start].strip(" \t،,"):
            continue  # a name stands right before
        if h.needs_neighbour:
            continue
        span = reader.before(text, h.start, prev, original)
        if span is not None:
            result.insert(len(result) - 1, _Hit(span[0], span[1], "name", name_kind="unlisted"))
    return result


__all__ = ["Gazetteer", "LeaderExtractor", "Person", "Term", "default_gazetteer"]
