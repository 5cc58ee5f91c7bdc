"""What the raw hits of the leaders stage make together: titles trimmed off
the names they open, deputies' titles dropped, overlaps resolved, and which
title goes with which name (``TITLE NAME``, ``NAME، TITLE``, chained titles
around one name)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import regex
from attrs import evolve, frozen

from diplonlp._resources import load_json
from diplonlp._text import NOT_WORD_AFTER, NOT_WORD_BEFORE, alternation, clitic_prefix, lexeme
from diplonlp.leaders.gazetteer import Gazetteer, Person
from diplonlp.leaders.titles import Hit
from diplonlp.model import Language

_B = NOT_WORD_BEFORE
_E = NOT_WORD_AFTER
_S1 = r"\s++"


@functools.lru_cache(maxsize=2)
def _name_openers(language: Language) -> regex.Pattern[str]:
    words = load_json("leaders", "roles.json")["titles_inside_names"][language]
    return regex.compile(rf"(?:{alternation(lexeme(w, language) for w in words)})"
                         rf"(?:{_S1}(?:{alternation(lexeme(w, language) for w in words)}))*+"
                         rf"{_E}[^\S\n]++")


def trim_titles_off_names(hits: list[Hit], text: str, language: Language) -> list[Hit]:
    """A gazetteer spelling that begins with a title or a courtesy ("الملك
    عبدالله الثاني", "آیت‌الله خامنه‌ای") keeps its person, but its span starts
    after it: the title is the title's (a hit of its own when the grammar reads
    it), the name is what follows."""
    opener = _name_openers(language)
    # a title word that names an office by itself ("الملك"), not a given name
    # that is also a title with a country ("سلطان بن سلمان")
    title_ends = {h.start: h.end for h in hits if h.kind == "title" and not h.needs_neighbour}
    out: list[Hit] = []
    for h in hits:
        if h.kind == "name":
            cut = title_ends.get(h.start)
            m = opener.match(text, h.start, h.end)
            if m is not None:
                cut = max(cut or 0, m.end())
            if cut is not None and h.start < cut < h.end:
                while cut < h.end and text[cut].isspace():
                    cut += 1
                if cut < h.end:
                    h = evolve(h, start=cut)
        out.append(h)
    return out


@functools.lru_cache(maxsize=2)
def _deputy_of(language: Language) -> regex.Pattern[str]:
    words = load_json("leaders", "roles.json")["deputy_of"][language]
    return regex.compile(rf"{_B}{clitic_prefix(language)}"
                         rf"(?:{alternation(lexeme(w, language) for w in words)})"
                         rf"[^\S\n]++$")


def drop_deputies_of(hits: list[Hit], text: str, language: Language) -> list[Hit]:
    """Drops the titles that a deputy word before them makes another office
    ("معاون اول رئیس بانک مرکزی"): the title is not its holder's mention."""
    deputy = _deputy_of(language)
    return [h for h in hits if h.kind not in ("title", "generic")
            or deputy.search(text, max(0, h.start - 30), h.start) is None]


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


_AND_GAP = regex.compile(r"[^\S\n]*+[،,]?[^\S\n]*+و[^\S\n]++")


@functools.lru_cache(maxsize=2)
def link_gap(language: Language) -> regex.Pattern[str]:
    """What may stand between a title and its name: a comma, courtesy words,
    the quotation marks around the name ("وزير الداخلية "فرناندو ..."")."""
    words = load_json("leaders", "roles.json")["between_title_and_name"][language]
    courtesy = alternation(lexeme(w, language) for w in words)
    return regex.compile(
        rf"\s*+[»\"”']?\s*+[،,]?\s*+(?:(?:{courtesy})\s++)*+[«\"“']?[^\S\n]*+")


@frozen
class Links:
    """Which titles go with which names: ``pairs`` maps a title to the name it
    stands by and the name back to that title; ``chained`` maps each further
    title of the same name ("ولي العهد الأمير محمد بن سلمان", "أمير منطقة
    القصيم رئيس مجلس ...") to the name. ``hits`` are the hits, where a listed
    name that a title of another country stands by is read as an unlisted
    name: a namesake ("سخنگوی وزارت امور خارجه ایران عباس موسوی" is not the
    Lebanese Abbas al-Musawi)."""

    pairs: dict[int, int]
    chained: dict[int, int]
    hits: list[Hit]

    def titles_of(self, name: int) -> list[int]:
        """The titles linked to the name at index ``name``, in text order."""
        found = [t for t, n in self.chained.items() if n == name]
        if name in self.pairs:
            found.append(self.pairs[name])
        return sorted(found)


def _same_office_holder(first: Hit, other: Hit, fits: Callable[[Hit], bool | None]) -> bool:
    """Whether ``other`` is a further title of the name ``first`` is linked to:
    a title of the same kind (of an organisation or not) whose country, if it
    names one, is the first title's and one the person held an office in."""
    if other.kind != "title" or other.org != first.org:
        return False
    if other.country is None:
        return True
    if first.country is not None and other.country != first.country:
        return False
    return bool(fits(other))


def link_titles_and_names(
    text: str, hits: Sequence[Hit], language: Language, gazetteer: Gazetteer,
    governed: Callable[[int], bool] = lambda _pos: False,
) -> Links:
    """Pairs a title with the name right after it (TITLE NAME, TITLE، الشيخ NAME),
    else right before it (NAME TITLE, NAME، TITLE), when the person held an
    office in the title's country (or the title names no country); then
    chains the titles and honorifics written next to a linked title. A title
    governed by a word before it ("سخنگوی رئیس جمهور روسیه دیمیتری پسکوف") is
    not the name's title."""
    gap = link_gap(language)
    pairs: dict[int, int] = {}
    out = list(hits)

    def person_of(name: Hit) -> Person | None:
        return gazetteer.people.get(name.person or "")

    def fits(title: Hit, name: Hit) -> bool | None:
        """True: the title fits the person; None: the person is a namesake."""
        if name.name_kind == "unlisted":
            return True
        person = person_of(name)
        if person is None:
            return False
        if title.country is None:
            # a surname alone needs the title's own office ("وزیر صنعت خطاب به"
            # is no Khattab); a full name is the person whatever the title
            return name.name_kind == "full" or title.bare or any(
                t.role == title.role and (title.office is None or t.office is None
                                          or t.office.split(":")[0] == title.office)
                for t in person.terms)
        if any(t.where == title.country for t in person.terms):
            return True
        return None if name.name_kind == "full" and not title.bare else False

    def near(a: Hit, b: Hit) -> bool:
        return gap.fullmatch(text, a.end, b.start) is not None

    for title_first in (True, False):  # TITLE NAME pairs first, then NAME TITLE
        for i in range(len(out) - 1):
            a, b = out[i], out[i + 1]
            if i in pairs or i + 1 in pairs or not near(a, b):
                continue
            t, n = (i, i + 1) if title_first else (i + 1, i)
            title, name = out[t], out[n]
            if title.kind != "title" or name.kind != "name":
                continue
            if title_first and governed(title.start):
                continue
            fit = fits(title, name)
            if fit is None and title_first:
                out[n] = Hit(name.start, name.end, "name", name_kind="unlisted")
            elif not fit:
                continue
            pairs[t], pairs[n] = n, t
    def chain_near(a: Hit, b: Hit) -> bool:
        # "وزیر اتحاد کره جنوبی و رئیس شورای امنیت ملی این کشور": "و" between
        # two titles of one name
        return near(a, b) or _AND_GAP.fullmatch(text, a.end, b.start) is not None

    chained: dict[int, int] = {}
    for t, n in list(pairs.items()):
        if out[t].kind != "title" or out[n].kind != "name":
            continue
        first = out[t]
        # outwards from the title, then on the name's other side
        # ("الأمير سعود بن نايف، أمير المنطقة الشرقية")
        for step, j in ((-1 if t < n else 1, t + (-1 if t < n else 1)),
                        (1 if t < n else -1, n + (1 if t < n else -1))):
            while 0 <= j < len(out) and j not in pairs and j not in chained:
                other = out[j]
                left, right = (other, out[j - step]) if step < 0 else (out[j - step], other)
                if not chain_near(left, right):
                    break
                if not _same_office_holder(first, other, functools.partial(fits, name=out[n])):
                    break
                chained[j] = n
                j += step
    return Links(pairs, chained, out)



__all__ = [
    "Links",
    "drop_deputies_of",
    "drop_overlaps",
    "link_gap",
    "link_titles_and_names",
    "trim_titles_off_names",
]
