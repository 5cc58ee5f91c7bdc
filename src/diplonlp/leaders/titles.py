"""Finding names, titles and honorifics: the raw hits of the leaders stage.

A *name* is a spelling in the gazetteer, found word by word
(:class:`~diplonlp._prefilter.PhraseIndex`: the cost does not grow with the
gazetteer). A *title* is a role word (``data/leaders/roles.json``) with the
country or organisation it belongs to ("رئیس جمهور تاجیکستان", "وزير
الخارجية التركي", "الأمين العام لجامعة الدول العربية"); an *honorific* is an
epithet tied to one person ("رهبر ملت"); a *generic* title names the story's
own head of state ("رئیس دولت").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from typing import Literal

import regex
from attrs import frozen

from diplonlp._prefilter import Indexed, PhraseIndex, WordStarts, index_of, matches
from diplonlp._resources import load_json
from diplonlp._text import (
    CLITICS,
    NOT_WORD_AFTER,
    NOT_WORD_BEFORE,
    alternation,
    clitic_heads,
    clitic_prefix,
    key,
    lexeme,
    lexemes,
    with_joined_keys,
)
from diplonlp.countries import country_lexicon, place_lexicon
from diplonlp.leaders.gazetteer import Gazetteer, NameKind
from diplonlp.model import Language, Role

HitKind = Literal["name", "title", "honorific", "generic"]
#: how a name hit was found: as a gazetteer spelling, or read after a title
HitNameKind = Literal["full", "short", "context", "unlisted"]

_B = NOT_WORD_BEFORE
_E = NOT_WORD_AFTER
_S1 = r"\s++"

#: what may stand between the words of one name, on one line: spaces (or
#: nothing: the normaliser deletes ZWNJ), a hyphen ("ژان-ایو"), an initial's
#: period ("اس. ام."); possessive, so a long run of spaces is read once
NAME_GAP = regex.compile(r"[^\S\n]*+-?[^\S\n]*+|\.[^\S\n]*+")


@frozen
class Hit:
    start: int  # normalised offsets
    end: int
    kind: HitKind
    person: str | None = None
    role: Role | None = None
    country: str | None = None
    name_kind: HitNameKind = "full"
    #: a title with no country: kept only on the name it stands by
    needs_neighbour: bool = False
    #: ``country`` holds an organisation code (UN, NATO)
    org: bool = False
    #: a role word that names an office only with a country ("وزیر")
    bare: bool = False


@frozen
class Grammar:
    #: spelling -> (person key, kind), looked up word by word
    names: PhraseIndex[tuple[str, NameKind]]
    titles: regex.Pattern[str]
    title_starts: WordStarts
    role_of: Mapping[str, tuple[Role, bool]]
    countries: Mapping[str, str]
    organizations: Mapping[str, str]
    honorifics: Mapping[str, str]
    generic: frozenset[str]
    #: countries whose president heads the government (Iran), and the title
    #: words that then mean head of government
    president_hog: frozenset[str]
    president_words: frozenset[str]
    envoy_places: frozenset[str]


@functools.lru_cache(maxsize=2)
def organizations(language: Language) -> dict[str, str]:
    """Normalised organisation name -> code; Arabic adds the genitive with ل."""
    out: dict[str, str] = {}
    for code, forms in load_json("leaders", "organizations.json").items():
        if code.startswith("_"):
            continue
        for form in forms[language]:
            spaced = lexeme(form, language)
            out[spaced] = code
            if language == "ar":
                out["ل" + spaced[1:] if spaced.startswith("ال") else "ل" + spaced] = code
    return with_joined_keys(out)


@functools.lru_cache(maxsize=2)
def role_words(language: Language) -> dict[str, tuple[Role, bool]]:
    """Normalised role word -> (role, needs a country); Arabic adds the genitive with ل."""
    role_of: dict[str, tuple[Role, bool]] = {}
    for entry in load_json("leaders", "roles.json")[language]:
        for w in entry["words"]:
            spaced = lexeme(w, language)
            value = (entry["role"], bool(entry.get("needs_country")))
            role_of.setdefault(spaced, value)
            if language == "ar" and spaced.startswith("ال"):
                role_of.setdefault("ل" + spaced[1:], value)
    return with_joined_keys(role_of)


@functools.lru_cache(maxsize=1)
def tracked_roles() -> frozenset[str]:
    """Roles whose title alone is a mention (see ``roles.json``)."""
    return frozenset(load_json("leaders", "roles.json")["tracked_roles"]["roles"])


@functools.lru_cache(maxsize=8)
def grammar(language: Language, gazetteer: Gazetteer) -> Grammar:
    """The title grammar and name index of ``language`` for ``gazetteer`` (cached)."""
    roles = load_json("leaders", "roles.json")
    role_of = role_words(language)
    generic_words = [lexeme(w, language) for w in roles["generic"][language]]
    generic = frozenset([*generic_words, *(key(w) for w in generic_words)])
    honorifics = with_joined_keys({
        lexeme(w, language): person
        for w, person in load_json("leaders", "honorifics.json")[language].items()
    })
    extra = roles.get("title_countries", {}).get(language, {})
    countries = with_joined_keys({
        **country_lexicon(language),
        **{lexeme(w, language): code for w, code in extra.items()},
    })
    clitic = clitic_prefix(language, name="clitic", lazy=True)
    orgs = organizations(language)
    country_alt = alternation(countries)
    place_alt = alternation({**countries, **with_joined_keys(place_lexicon(language)), **orgs})
    org_alt = alternation(orgs)
    prefixes = roles["country_prefixes"][language]
    heads = alternation(lexeme(w, language) for w in prefixes["heads"]) or "(?!)"
    qualifiers = alternation(lexeme(w, language) for w in prefixes["qualifiers"])
    qualifier = f"(?:(?:{qualifiers}){_S1})?" if qualifiers else ""
    envoy = alternation(lexeme(w, language) for w in roles["envoy_places"][language])
    complement = (
        rf"(?:{_S1}(?P<org>{org_alt}){_E}"
        rf"|{_S1}(?:(?:{heads}){_S1}{qualifier})?(?P<country>{country_alt}){_E}"
        rf"(?:{_S1}(?:{envoy}){_S1}(?P<country2>{place_alt}){_E})?)?"
    )
    title_words = list(role_of) + list(generic) + list(honorifics)
    ministers = [w for w, (role, _needs) in role_of.items() if role == "minister"]
    portfolios = [lexeme(w, language).replace("،", " ")
                  for w in roles.get("portfolios", {}).get(language, [])]
    portfolio_alt = alternation([" ".join(p.split()) for p in portfolios],
                                space=r"[\s،,]*+")  # "صنعت، معدن و تجارت"
    titles = regex.compile(
        rf"{_B}{clitic}(?:(?P<mrole>{alternation(ministers)}){_S1}(?P<portfolio>{portfolio_alt}){_E}"
        rf"|(?P<role>{alternation(title_words)}){_E}){complement}"
    )
    hog = roles["president_is_head_of_government"]
    president_words = set(lexemes(hog["words"][language], language))
    if language == "ar":
        president_words |= {"ل" + w[1:] for w in president_words if w.startswith("ال")}
    return Grammar(
        PhraseIndex(gazetteer.names[language]), titles,
        WordStarts(title_words, clitics=CLITICS if language == "ar" else ""),
        role_of, countries, orgs, honorifics, generic, frozenset(hog["countries"]),
        frozenset(president_words), lexemes(roles["envoy_places"][language], language),
    )


def find_hits(text: Indexed, language: Language, g: Grammar) -> Iterator[Hit]:
    """Every name, title, honorific and generic title in a normalised text
    (overlapping; see :func:`drop_overlaps`)."""
    index = index_of(text)
    for start, end, (person, kind) in g.names.find(index, clitic_heads(language), NAME_GAP):
        yield Hit(start, end, "name", person=person, name_kind=kind)
    for m in matches(g.titles, index.text, g.title_starts.starts(index)):
        portfolio = m.group("portfolio")
        group = "mrole" if portfolio else "role"
        word = key(m.group(group))
        start = m.start(group)
        country_word = m.group("country")
        org_word = m.group("org")
        end = m.end()
        if m.group("country2") and (word not in g.role_of or g.role_of[word][0] != "ambassador"):
            end = m.end("country")  # "نخست وزیر روسیه در مسکو": where, not whose
        country = g.countries.get(key(country_word)) if country_word else None
        if word in g.honorifics:
            yield Hit(start, m.end("role"), "honorific", person=g.honorifics[word])
            continue
        if word in g.generic and country is None:
            yield Hit(start, m.end("role"), "generic", role="head_of_state")
            continue
        if word not in g.role_of:
            continue
        role, needs_country = g.role_of[word]
        if org_word:
            if role not in ("organization_head", "head_of_state"):
                continue  # "معاون دبیرکل سازمان ملل": an office we do not follow
            yield Hit(start, end, "title", role="organization_head",
                      country=g.organizations[key(org_word)], org=True)
            continue
        if role == "head_of_state" and country in g.president_hog and word in g.president_words:
            role = "head_of_government"
        yield Hit(start, end, "title", role=role, country=country,
                  needs_neighbour=country is None, bare=needs_country and country is None)


def drop_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits (sorted by start, longest first)."""
    out: list[Hit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            prev = out[-1]
            if (h.end - h.start) > (prev.end - prev.start):
                out[-1] = h
            continue
        out.append(h)
    return out


@functools.lru_cache(maxsize=2)
def link_gap(language: Language) -> regex.Pattern[str]:
    """What may stand between a title and its name: a comma, courtesy words."""
    words = load_json("leaders", "roles.json")["between_title_and_name"][language]
    courtesy = alternation(lexeme(w, language) for w in words)
    return regex.compile(rf"\s*+[،,]?\s*+(?:(?:{courtesy})\s++)*+")


def link_titles_and_names(
    text: str, hits: Sequence[Hit], language: Language, gazetteer: Gazetteer
) -> dict[int, int]:
    """Pairs a title with the name right after it (TITLE NAME, TITLE، الشيخ NAME),
    else right before it (NAME TITLE, NAME، TITLE), when the person held that
    office (or the title names no country)."""
    gap = link_gap(language)
    links: dict[int, int] = {}

    def fits(title: Hit, name: Hit) -> bool:
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


__all__ = [
    "NAME_GAP",
    "Grammar",
    "Hit",
    "HitKind",
    "drop_overlaps",
    "find_hits",
    "grammar",
    "link_gap",
    "link_titles_and_names",
    "organizations",
    "role_words",
    "tracked_roles",
]
