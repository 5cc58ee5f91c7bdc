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
from typing import Any, Literal

import regex
from attrs import field, frozen

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
from diplonlp.leaders.gazetteer import Gazetteer, NameKind, kept_on_disk_for_default
from diplonlp.leaders.variants import skeleton, word_skeleton
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
    #: the office within the role ("interior", "crown_prince", "speaker")
    office: str | None = None
    #: "سابق", "پیشین": a former holder is meant
    former: bool = False
    #: where the country comes from: the title's own words, "story" (این کشور,
    #: البلاد: the story's country), "outlet" (کشورمان: the outlet's country)
    country_from: Literal["text", "story", "outlet"] | None = None
    #: the title names where it is held ("سفیر چین در تاجیکستان", "المندوب لدى الأمم المتحدة")
    hosted: bool = False


@frozen
class TitleWord:
    """What a title word means: its role and office, whether it needs a country
    (or a name) beside it, and a country of its own ("مجلس شورای اسلامی")."""

    role: Role
    office: str | None = None
    needs_country: bool = False
    country: str | None = None


@frozen
class Grammar:
    #: spellings of several words -> (person key, kind), looked up word by word
    names: PhraseIndex[tuple[str, NameKind]]
    #: one-word spellings (surnames alone), compared more strictly
    words: PhraseIndex[tuple[str, NameKind]]
    #: the one-word spellings as listed: a variant of one ("پومپئو" for "پمپئو")
    #: counts only once its person is introduced
    word_spellings: frozenset[str]
    titles: regex.Pattern[str]
    title_starts: WordStarts
    role_of: Mapping[str, TitleWord]
    portfolios: Mapping[str, str]
    bodies: Mapping[tuple[str, str], TitleWord]
    countries: Mapping[str, str]
    country_words: Mapping[str, str]
    organizations: Mapping[str, str]
    #: honorific -> a person key, or the office it stands for
    honorifics: Mapping[str, str | TitleWord]
    generic: frozenset[str]
    #: countries whose president heads the government (Iran), and the title
    #: words that then mean head of government
    president_hog: frozenset[str]
    president_words: frozenset[str]
    envoy_places: frozenset[str]
    #: places an envoy may be posted to (normalised, joined keys too)
    places: Mapping[str, str]
    #: provinces and cities (a governor's), normalised, joined keys too
    cities: Mapping[str, str]
    #: modifiers that mean a former holder ("سابق"), not an acting or designate one
    former_words: frozenset[str] = frozenset()
    #: person -> the country whose stories an honorific of theirs needs ("رهبر
    #: ملت" is Tajikistan's leader in a Tajik story, nobody's in another)
    honorific_countries: Mapping[str, str] = field(factory=dict)


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
                out[_genitive(spaced)] = code
    return with_joined_keys(out)


def _genitive(spaced: str) -> str:
    """Arabic "ل" + a word: "للأمم المتحدة" is ل + "الأمم المتحدة"."""
    return "ل" + spaced[1:] if spaced.startswith("ال") else "ل" + spaced


def _word(entry: Mapping[str, Any]) -> TitleWord:
    return TitleWord(entry["role"], entry.get("office"), bool(entry.get("needs_country")),
                     entry.get("country"))


@functools.lru_cache(maxsize=2)
def role_words(language: Language) -> dict[str, TitleWord]:
    """Normalised role word -> what it means; Arabic adds the genitive with ل."""
    role_of: dict[str, TitleWord] = {}
    for entry in load_json("leaders", "titles.json")["roles"][language]:
        meaning = _word(entry)
        for w in entry["words"]:
            spaced = lexeme(w, language)
            role_of.setdefault(spaced, meaning)
            if language == "ar" and spaced.startswith("ال"):
                role_of.setdefault(_genitive(spaced), meaning)
    return with_joined_keys(role_of)


@functools.lru_cache(maxsize=1)
def tracked_roles() -> frozenset[str]:
    """Roles whose title alone is a mention even with no office (see ``roles.json``)."""
    return frozenset(load_json("leaders", "roles.json")["tracked_roles"]["roles"])


def _words(data: Mapping[str, Any], language: Language) -> list[str]:
    return [lexeme(w, language) for w in data.get(language, [])]


@functools.lru_cache(maxsize=8)
@kept_on_disk_for_default("grammar")
def grammar(language: Language, gazetteer: Gazetteer) -> Grammar:
    """The title grammar and name index of ``language`` for ``gazetteer`` (cached)."""
    roles = load_json("leaders", "roles.json")
    data = load_json("leaders", "titles.json")
    role_of = role_words(language)
    generic_words = [lexeme(w, language) for w in roles["generic"][language]]
    generic = frozenset([*generic_words, *(key(w) for w in generic_words)])
    honorifics: dict[str, str | TitleWord] = {}
    honorific_countries = {entry["person"]: entry["story_country"]
                           for entry in data["honorifics"]
                           if entry.get("person") and entry.get("story_country")}
    for entry in data["honorifics"]:
        meaning: str | TitleWord = entry["person"] if entry.get("person") else TitleWord(
            entry["role"], entry.get("office"), False, entry.get("country"))
        for w in entry.get(language, []):
            honorifics.setdefault(lexeme(w, language), meaning)
    honorifics = with_joined_keys(honorifics)
    portfolios: dict[str, str] = {}
    for office, words in data["portfolios"][language].items():
        for w in words:
            portfolios.setdefault(" ".join(lexeme(w, language).replace("،", " ").split()), office)
    bodies: dict[tuple[str, str], TitleWord] = {}
    body_heads: set[str] = set()
    #: (heads, names) of each body: a head reads only its own bodies' names
    body_entries: list[tuple[list[str], list[str]]] = []
    for entry in data["bodies"]:
        meaning = TitleWord(entry.get("role", "other"), entry["office"], False,
                            entry.get("country"))
        heads = _words(entry["heads"], language)
        names = _words(entry["names"], language)
        if language == "ar":
            names += [_genitive(n) for n in names]
        body_heads.update(heads)
        if heads and names:
            body_entries.append((heads, names))
        for head in heads:
            for name in names:
                bodies.setdefault((key(head), key(name)), meaning)
    extra = roles.get("title_countries", {}).get(language, {})
    countries = with_joined_keys({
        **country_lexicon(language),
        **{lexeme(w, language): code for w, code in extra.items()},
    })
    country_words = with_joined_keys({lexeme(w, language): v for w, v in
                                      data["country_words"][language].items()})
    clitic = clitic_prefix(language, name="clitic", lazy=True)
    orgs = organizations(language)
    country_alt = alternation(countries)
    # where an envoy is posted: a country, an organisation, "المملكة", or up to
    # three words checked against the places lexicon (the cities are many: a
    # lookup, not an alternation)
    places = with_joined_keys({**countries, **place_lexicon(language), **orgs, **country_words})
    place_alt = rf"\p{{L}}++(?:{_S1}\p{{L}}++){{0,2}}"
    org_alt = alternation(orgs)
    prefixes = roles["country_prefixes"][language]
    heads_alt = alternation(lexeme(w, language) for w in prefixes["heads"]) or "(?!)"
    qualifiers = alternation(lexeme(w, language) for w in prefixes["qualifiers"])
    qualifier = f"(?:(?:{qualifiers}){_S1})?" if qualifiers else ""
    envoy = alternation(lexeme(w, language) for w in roles["envoy_places"][language])
    modifiers = alternation(w for kind in ("former", "acting", "designate")
                            for w in _words(data["modifiers"][kind], language))

    def modifier(name: str) -> str:
        return rf"(?:{_S1}(?P<{name}>{modifiers}){_E})?" if modifiers else ""

    untracked = alternation(lexeme(w, language)
                            for w in roles["untracked_bodies"][language]) or "(?!)"
    # what a deputy's or minister's title may add about their field: "نائب وزير
    # الصحة للتخطيط والتطوير", "معاون وزیر امور خارجه در امور اقتصادی"
    field = (rf"(?:{_S1}(?:لل\p{{L}}++|لشؤون{_S1}\p{{L}}++|لشئون{_S1}\p{{L}}++)"
             rf"(?:{_S1}وال\p{{L}}++){{0,3}})?" if language == "ar" else
             rf"(?:{_S1}در{_S1}امور{_S1}\p{{L}}++(?:{_S1}و{_S1}\p{{L}}++){{0,2}})?")
    complement = (
        rf"(?:{_S1}(?P<org>{org_alt}){_E}"
        rf"|{_S1}(?:(?:{heads_alt}){_S1}{qualifier})?(?P<country>{country_alt}){_E}"
        rf"|{_S1}(?P<cword>{alternation(country_words) or '(?!)'}){_E}"
        # the body's own name up to a comma: "لحزب الحركة الشعبية، محند العنصر"
        rf"|{_S1}(?P<untracked>{untracked}){_E}"
        rf"(?P<utail>(?:[^\S\n]++[\p{{L}}\p{{M}}]++){{1,5}}(?=[^\S\n]*+[،,]))?)?"
        rf"(?:{_S1}(?:{envoy}){_S1}(?P<country2>{place_alt}){_E})?"
    )
    title_words = list(role_of) + list(generic) + list(honorifics)
    title_alt = _title_alternation(title_words, orgs)
    minister_heads = alternation(_words(data["minister_heads"], language))
    deputy_heads = alternation(_words(data["deputy_minister_heads"], language))
    if language == "fa":
        # "معاون بهداشت وزیر بهداشت": a deputy for one field of the minister's
        deputy_heads += rf"|(?:معاون|معین){_S1}\p{{L}}++{_S1}وزیر"
    portfolio_alt = alternation(portfolios, space=r"[\s،,]*+")  # "صنعت، معدن و تجارت"
    # more portfolios joined by "و" or a comma ("الاقتصاد والتجارة والصناعة"): the
    # office is the first one's
    more = rf"(?:\s*+[،,]?\s*+و\s*+(?:{portfolio_alt}){_E}){{0,3}}"
    governor_heads = alternation(_words(data["governor_heads"], language)) or "(?!)"
    # one branch per body, bodies with longer names first, so that "مجلس الشورى
    # الإسلامي" is tried before "مجلس الشورى" (within a branch, longest first)
    body_alt = "|".join(
        rf"(?P<bhead>{alternation(heads)}){_S1}(?P<body>{alternation(names)}){_E}"
        for heads, names in sorted(body_entries, key=lambda e: (-max(map(len, e[1])),
                                                                 -max(map(len, e[0]))))
    ) or "(?!)"
    titles = regex.compile(
        rf"{_B}{clitic}(?:(?P<dhead>{deputy_heads}){_S1}(?P<dportfolio>{portfolio_alt}){_E}"
        rf"(?P<dmore>{more})"
        rf"|(?P<mhead>{minister_heads}){_S1}(?P<portfolio>{portfolio_alt}){_E}(?P<pmore>{more})"
        rf"|{body_alt}"
        rf"|(?P<ghead>{governor_heads}){_S1}(?P<gplace>\p{{L}}++(?:{_S1}\p{{L}}++){{0,3}})"
        rf"|(?P<role>{title_alt}){_E})"
        + modifier("former") + complement + rf"(?P<field>{field})" + modifier("former2")
    )
    hog = roles["president_is_head_of_government"]
    president_words = set(lexemes(hog["words"][language], language))
    if language == "ar":
        president_words |= {_genitive(w) for w in president_words if w.startswith("ال")}
    spellings = gazetteer.names[language]
    # a name of several words is also stored joined ("امامعلیرحمان"); the phrase
    # index joins the text's words itself, so only true one-word spellings are words
    joined = {k.replace(" ", "") for k in spellings if " " in k}
    # surnames that are ordinary words ("بودن", "ظريف") need their person introduced
    common = lexemes(load_json("leaders", "names.json")[language]["common_words"], language)
    starts = [*title_words, *_words(data["governor_heads"], language),
              *_words(data["minister_heads"], language),
              *_words(data["deputy_minister_heads"], language), *body_heads]
    return Grammar(
        PhraseIndex({k: v for k, v in spellings.items() if " " in k},
                    functools.partial(skeleton, language=language)),
        PhraseIndex({k: ((v[0], "context") if v[1] == "short" and k in common else v)
                     for k, v in spellings.items() if " " not in k and k not in joined},
                    functools.partial(word_skeleton, language=language)),
        frozenset(k for k in spellings if " " not in k and k not in joined),
        titles,
        WordStarts(starts, clitics=CLITICS if language == "ar" else ""),
        role_of, with_joined_keys(portfolios), bodies, countries, country_words, orgs,
        honorifics, generic, frozenset(hog["countries"]), frozenset(president_words),
        lexemes(roles["envoy_places"][language], language),
        places,
        with_joined_keys(dict(place_lexicon(language))),
        frozenset(key(w) for w in _words(data["modifiers"]["former"], language)),
        honorific_countries,
    )


def find_hits(text: Indexed, language: Language, g: Grammar) -> Iterator[Hit]:
    """Every name, title, honorific and generic title in a normalised text
    (overlapping; see :func:`drop_overlaps`)."""
    index = index_of(text)
    heads = clitic_heads(language)
    for start, end, (person, kind) in g.names.find(index, heads, NAME_GAP):
        yield Hit(start, end, "name", person=person, name_kind=kind)
    for start, end, (person, kind) in g.words.find(index, heads, NAME_GAP):
        if kind == "short" and index.text[start:end] not in g.word_spellings:
            kind = "context"  # a variant spelling of a surname: only with support
        yield Hit(start, end, "name", person=person, name_kind=kind)
    for m in matches(g.titles, index.text, g.title_starts.starts(index)):
        hit = _title_hit(m, g)
        if hit is not None:
            yield hit


def _title_alternation(words: Sequence[str], orgs: Mapping[str, str]) -> str:
    """The role words as one alternation, where a word that ends with the start
    of an organisation's name ("رئيس المفوضية" before "المفوضية الأوروبية") is
    tried first and gives way when the whole name follows, so that the
    organisation is read as the title's complement."""
    blocked: dict[str, list[str]] = {}
    for w in words:
        parts = w.split()
        for i in range(1, len(parts)):
            tail = " ".join(parts[i:])
            rests = [o[len(tail) + 1:] for o in orgs if o.startswith(tail + " ")]
            if rests:
                blocked.setdefault(w, []).extend(rests)
    plain = alternation(w for w in words if w not in blocked)
    if not blocked:
        return plain
    guarded = "|".join(
        rf"{alternation([w])}(?!{_S1}(?:{alternation(rests)}){_E})"
        for w, rests in sorted(blocked.items(), key=lambda kv: -len(kv[0]))
    )
    return f"{guarded}|{plain}"


def _governor_hit(m: regex.Match[str], g: Grammar) -> Hit | None:
    """"استاندار خراسان رضوی", "محافظ الجيزة": a governor of a place the places
    lexicon knows (its longest run of words), in that place's country."""
    place = m.group("gplace")
    words = list(regex.finditer(r"\p{L}++", place))
    for n in range(len(words), 0, -1):
        code = g.cities.get(key(place[:words[n - 1].end()]))
        if code is not None:
            return Hit(m.start("ghead"), m.start("gplace") + words[n - 1].end(), "title",
                       role="other", country=code, office="governor", country_from="text")
    return None


def _place_end(m: regex.Match[str], places: Mapping[str, str]) -> int | None:
    """Where the place that begins the words of ``country2`` ends ("دوشنبه روز"
    begins with one), or None."""
    words = list(regex.finditer(r"\p{L}++", m.group("country2")))
    for n in range(len(words), 0, -1):
        if key(m.group("country2")[:words[n - 1].end()]) in places:
            return m.start("country2") + words[n - 1].end()
    return None


def _portfolio_key(text: str) -> str:
    """The key of a matched portfolio: "صنعت، معدن و تجارت" as "صنعتمعدنوتجارت"."""
    return key(text.replace("،", " ").replace(",", " "))


def _title_hit(m: regex.Match[str], g: Grammar) -> Hit | None:
    if m.group("ghead"):
        return _governor_hit(m, g)
    if m.group("dportfolio"):
        group = "dhead"
        meaning: TitleWord | None = TitleWord("deputy_minister",
                                              g.portfolios[_portfolio_key(m.group("dportfolio"))])
    elif m.group("portfolio"):
        group = "mhead"
        meaning = TitleWord("minister", g.portfolios[_portfolio_key(m.group("portfolio"))])
    elif m.group("body"):
        group = "bhead"
        meaning = g.bodies.get((key(m.group("bhead")), key(m.group("body"))))
    else:
        group = "role"
        meaning = None
    start = m.start(group)
    word = key(m.group(group))
    end = m.end()
    former = any(m.group(group_name) and key(m.group(group_name)) in g.former_words
                 for group_name in ("former", "former2"))
    hosted = False
    at_org = False  # posted to an organisation: a permanent representative
    if m.group("country2"):
        # the words after "در", "لدى" are a place only as far as the lexicon says;
        # only an envoy's title keeps the place ("نخست وزیر روسیه در مسکو": where
        # he is, not whose prime minister)
        place_end = _place_end(m, g.places)
        hosted = place_end is not None
        envoy = meaning is None and word in g.role_of and g.role_of[word].role == "ambassador"
        at_org = envoy and place_end is not None and key(
            m.string[m.start("country2"):place_end]) in g.organizations
        end = place_end if hosted and envoy and place_end is not None else max(
            m.end(x) for x in ("role", "body", "portfolio", "pmore", "dportfolio", "dmore",
                               "former", "country", "cword", "org", "untracked", "utail")
            if m.group(x))
    country = g.countries.get(key(m.group("country"))) if m.group("country") else None
    country_from: Literal["text", "story", "outlet"] | None = "text" if country else None
    if m.group("cword"):
        found = g.country_words[key(m.group("cword"))]
        if found == "story" or found == "outlet":
            country_from = "outlet" if found == "outlet" else "story"
        else:
            country, country_from = found, "text"
    if meaning is None and group == "role":
        if word in g.honorifics:
            honorific = g.honorifics[word]
            if isinstance(honorific, str):
                return Hit(start, m.end("role"), "honorific", person=honorific,
                           country=g.honorific_countries.get(honorific))
            meaning = honorific
        elif word in g.generic and country is None:
            return Hit(start, m.end("role"), "generic", role="head_of_state")
        elif word in g.role_of:
            meaning = g.role_of[word]
    if meaning is None:
        return None
    if m.group("untracked"):
        # "الأمين العام لحزب ...": an office we do not follow; kept as a title
        # with no role, so that the name beside it is not read as a leader
        return Hit(start, m.end(), "title")
    role: Role = meaning.role
    if country is None and meaning.country is not None:
        country, country_from = meaning.country, "text"
    if m.group("org"):
        if role not in ("organization_head", "head_of_state"):
            return None  # "معاون دبیرکل سازمان ملل": an office we do not follow
        return Hit(start, end, "title", role="organization_head",
                   country=g.organizations[key(m.group("org"))], org=True,
                   office=meaning.office, former=former, country_from="text")
    if role == "head_of_state" and country in g.president_hog and word in g.president_words:
        role = "head_of_government"
    bare = meaning.needs_country and country is None and country_from is None
    office = meaning.office or ("permanent_representative" if at_org else None)
    return Hit(start, end, "title", role=role, country=country, office=office,
               needs_neighbour=bare, bare=bare, former=former, country_from=country_from,
               hosted=hosted)


__all__ = [
    "NAME_GAP",
    "Grammar",
    "Hit",
    "HitKind",
    "find_hits",
    "grammar",
    "organizations",
    "role_words",
    "tracked_roles",
]
