"""Resolving hits to people, roles and countries, and choosing the mentions.

The rules, in order:

1. A title next to a name (either order) and the name are one mention: the
   name's span, the title in ``title``; the person is then *introduced*.
2. A title alone takes its country from its own words, else from "این کشور",
   "البلاد" (the story's country) or "کشورمان" (the outlet's), else, when the
   title names an office by itself ("رئيس الحكومة", "ولي العهد", "وزير
   الداخلية"), from the story's country. It resolves to a person the story
   names who held that office (a former one for "سابق"), else to whoever held
   it on the story's date; the person is then introduced. It is a mention
   when its role and country (or organisation) are known.
3. A full name is a mention (and introduces its person) unless the story is
   dated and the person held no office then and no title introduces them
   (a former office-holder named in passing).
4. A surname alone is a mention when its person is introduced anywhere in
   the story (before or after it), or when it may stand alone: a head of
   state or government or a foreign minister of a country news names by
   surname alone (``roles.json`` → ``short_names_alone``), in office on the
   story's date; never when another given name stands before it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Sequence

import regex
from attrs import evolve

from diplonlp._resources import load_json
from diplonlp.leaders.gazetteer import Gazetteer, Person, Term, related_offices
from diplonlp.leaders.links import Links
from diplonlp.leaders.names import name_words, surnames
from diplonlp.leaders.references import later_mentions
from diplonlp.leaders.story import Story
from diplonlp.leaders.titles import Hit, tracked_roles
from diplonlp.leaders.variants import consonants, skeleton
from diplonlp.model import DateMention, Language, LeaderMention, Role
from diplonlp.pipeline import Document


@functools.lru_cache(maxsize=1)
def _alone_policy() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("leaders", "roles.json")["short_names_alone"]
    return frozenset(data["roles"]), frozenset(data["where"])


@functools.lru_cache(maxsize=1)
def _monarchies() -> dict[str, tuple[dt.date, dt.date]]:
    data = load_json("leaders", "roles.json")["monarchies"]
    return {code: (dt.date.fromisoformat(span[0]) if span[0] else dt.date.min,
                   dt.date.fromisoformat(span[1]) if span[1] else dt.date.max)
            for code, span in data.items() if not code.startswith("_")}


def is_monarchy(country: str, day: dt.date | None) -> bool:
    span = _monarchies().get(country)
    if span is None:
        return False
    return day is None or span[0] <= day < span[1]


@functools.lru_cache(maxsize=1)
def _president_heads_government() -> frozenset[str]:
    return frozenset(load_json("leaders", "roles.json")["president_is_head_of_government"]
                     ["countries"])


def for_country(h: Hit, where: str | None) -> Hit:
    """The title's role once its country is known: a president's title in a
    country whose president heads the government (Iran) is that role."""
    if (h.role == "head_of_state" and h.office == "president"
            and where in _president_heads_government()):
        return evolve(h, role="head_of_government")
    return h


@functools.lru_cache(maxsize=2)
def _default_country(language: Language) -> str | None:
    found: str | None = load_json("leaders", "roles.json")["default_country"][language]
    return found


_SENTENCE_ENDS = (".", "!", "?", "؟", "\n", "؛")
#: how many dates on each side of a title may be its sentence's date
_NEAREST_DATES = 4
_SENTENCE_END = regex.compile("[" + regex.escape("".join(_SENTENCE_ENDS)) + "]")
#: a date after one of these is the start or end of a span ("منذ سنة 1999",
#: "مابين سالهای 1990 تا 2000"), not the time of the event or the story
SINCE = _SINCE = regex.compile(r"(?<![\p{L}])(?:منذ|از|من|مابين|ما بين|بين|بعد|قبل|تا|حتى|إلى|الى)"
                       r"(?:[^\S\n]++(?:سنة|عام|العام|سال|سالهای|سالهاي|سال‌های))?[^\S\n]*+$")

#: offices whose holders are leaders only when the gazetteer lists them
#: (spokespeople: ANNOTATION.md follows the offices, not who speaks for them)
_NAMED_ONLY = frozenset({"spokesperson"})


def may_stand_alone(person: Person) -> bool:
    roles, where = _alone_policy()
    return any(t.role in roles and t.where in where for t in person.terms)


class Resolver:
    """Resolves the hits of one document and chooses its mentions."""

    def __init__(self, doc: Document, gazetteer: Gazetteer, hits: Sequence[Hit],
                 links: Links, story: Story) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.hits = hits
        self.links = links
        self.story = story
        self.day = story.day
        self.tracked = tracked_roles()
        people = gazetteer.people
        #: people the story names in full
        self._sentence_index: tuple[list[int], list[DateMention], list[int]] | None = None
        self.named: set[str] = {h.person for h in hits if h.kind == "name"
                                and h.name_kind == "full" and h.person is not None
                                and h.person in people}
        if story.estimated and self.day is not None:
            self.day = self.coherent_day(self.day)
        #: heads of state the story names, for generic titles ("رئیس دولت")
        self.heads = {
            key for key in self.named
            if (t := people[key].term_at(self.day)) is not None and t.role == "head_of_state"
        }

    def coherent_day(self, guess: dt.date) -> dt.date:
        """A day on which the story holds together best, when its date is only
        estimated: between the latest year it writes (or ``guess``'s year) and
        ``guess``, the first of a month on which the most of its titles alone
        have one holder and the most people it names in full are in office
        ("ولي العهد" and "ولي ولي العهد" in a story that writes 2017: before 21
        June 2017, when both offices were filled). Ties go to the day nearest
        the guess; the guess stays unless another day does better."""
        titles = [h for h in self.hits if h.kind == "title" and h.role is not None
                  and not h.needs_neighbour and not h.former]
        if not titles:
            return guess

        def score(day: dt.date) -> int:
            self.day = day
            found = 0
            for h in titles:
                where = self.title_country(h)
                role = for_country(h, where).role
                if where is not None and role is not None and len(
                        self.gazetteer.holders(role, where, day, h.office)) == 1:
                    found += 1
            return found + sum(1 for key in self.named
                               if self.gazetteer.people[key].term_at(day, active=True))

        first = min(self.story.earliest or guess.year, guess.year)
        days = [dt.date(year, month, 1) for year in range(first, guess.year + 1)
                for month in range(1, 13)]
        best = max(days, key=lambda d: (score(d), d == dt.date(guess.year, 7, 1),
                                        -abs((d - guess).days)))
        self.day = guess
        return best if score(best) > score(guess) else guess

    # --- titles -------------------------------------------------------------------

    def title_country(self, h: Hit) -> str | None:
        story = self.story
        default = _default_country(self.doc.language)
        if h.country_from == "story":
            where = story.country or story.outlet_country  # "این کشور": one the story names
        elif h.country_from == "outlet":  # "کشورمان": the outlet's, never the story's
            where = story.outlet_country or default or story.country
        elif h.country is not None:
            return h.country
        elif not h.needs_neighbour and not h.bare:
            # a title with its country implied: the story's
            where = story.country or story.outlet_country or default
        else:
            return None
        if where is not None and h.office in ("president", "monarch") and (
            (h.office == "monarch") != is_monarchy(where, self.day)
        ):
            return None  # "الرئيس" in a Saudi story, "جلالة الملك" in an Egyptian one
        return where

    def _fits(self, t: Term, role: Role, where: str | None, office: str | None,
              related: bool = True) -> bool:
        if t.role != role or t.where != where:
            return False
        # a person the story names may hold a related office ("وزیر صنعت" and
        # Iran's minister of industry, mine and trade)
        return (office is None or t.office is None or t.office == office
                or (related and t.office in related_offices().get(office, ())))

    def _sentences(self) -> tuple[list[int], list[DateMention], list[int]]:
        """Where the text's sentences end, and its dates in order of start."""
        if self._sentence_index is None:
            text = self.doc.text
            ends = [m.start() for m in _SENTENCE_END.finditer(text)]
            dates = sorted((d for d in self.doc.get("dates") if isinstance(d, DateMention)),
                           key=lambda d: d.start)
            self._sentence_index = (ends, dates, [d.start for d in dates])
        return self._sentence_index

    def sentence_day(self, h: Hit) -> dt.date | None:
        """The day of the date written in the title's own sentence ("نخست وزیر
        ژاپن در سال ۲۰۱۸", "خلال عام 2010"): the event's time, which may be
        long before the story's. A year or month stands for its middle day;
        relative dates are the story's time, not the event's."""
        text = self.doc.text
        start, end = self.doc.normalized.span_to_original(h.start, h.end)
        ends, dates, date_starts = self._sentences()
        # the sentence around the title: by bisection, one text scan per article
        k = bisect.bisect_left(ends, start)
        left = ends[k - 1] + 1 if k else 0
        j = bisect.bisect_left(ends, end)
        right = ends[j] if j < len(ends) else len(text)
        best: tuple[int, dt.date] | None = None
        lo = bisect.bisect_left(date_starts, left)
        hi = bisect.bisect_left(date_starts, right)
        here = bisect.bisect_left(date_starts, start, lo, hi)
        # the nearest dates on either side of the title, a few of them: a
        # sentence that runs on for pages (no full stop) is not searched whole
        for d in [*dates[max(lo, here - _NEAREST_DATES):here],
                  *dates[here:min(hi, here + _NEAREST_DATES)]]:
            if (d.relative or d.interval is None
                    or _SINCE.search(text, max(0, d.start - 24), d.start)):
                continue  # "منذ سنة 1999", "از سال ۱۳۹۰": a start, not the event
            first, last = (dt.date.fromisoformat(x) for x in d.interval)
            if first > (self.day or self.gazetteer.as_of):
                continue  # a plan ("رؤية 2030"), not when the title's holder acted
            distance = min(abs(d.start - end), abs(start - d.end))
            if best is None or distance < best[0]:
                best = (distance, first + (last - first) / 2)
        return best[1] if best else None

    def title_holder(self, h: Hit, where: str | None) -> Person | None:
        """The person a title alone stands for."""
        assert h.role is not None
        people = self.gazetteer.people
        day = (None if h.former else self.sentence_day(h)) or self.day
        candidates = []
        # a named holder of a related office ("وزير الاتصال" for "وزير الثقافة")
        # only when nobody held the title's own office that day
        related = day is None or h.former or not self.gazetteer.holders(
            h.role, where, day, h.office)
        for named in self.named:
            person = people[named]
            terms = [t for t in person.terms
                     if self._fits(t, h.role, where, h.office, related)]
            if not terms:
                continue
            if h.former:
                ended = day is None or any(t.end is not None and t.end <= day for t in terms)
                if ended and (day is None or not any(t.active(day) for t in terms)):
                    candidates.append(person)
            elif day is None or any(t.active(day) for t in terms):
                candidates.append(person)
        if len(candidates) == 1:
            return candidates[0]
        if h.former or day is None:
            return None
        if h.office in _NAMED_ONLY or (h.role == "ambassador" and h.office is None):
            # "سفیر آمریکا در آذربایجان": one of the country's many envoys, and
            # the gazetteer does not say where each served; "سخنگوی وزارت امور
            # خارجه" is not the government's spokesperson: only a named one
            return None
        holders = self.gazetteer.holders(h.role, where, day, h.office)
        if len(holders) > 1:
            holders = [p for p in holders if p.key in self.named] or holders
        return holders[0] if len(holders) == 1 else None

    def _holder_named(self, name: Hit, title: Hit, where: str | None) -> Person | None:
        """The office-holder when a written name the gazetteer lacks is theirs:
        it ends in one of their surnames, spelt alike ("امام علی رحمان",
        "أنطونيو غوتيرش" for "غوتيريش"), or holds one of their full names
        ("عبدالعزيز بن سعود بن نايف بن عبدالعزيز")."""
        day = self.sentence_day(title) or self.day
        if day is None or title.role is None:
            return None
        if where is not None:
            holders = self.gazetteer.holders(title.role, where, day, title.office)
        else:  # the title's country only implied: the name tells which holder
            holders = [p for country in self.gazetteer.countries_of(title.role)
                       for p in self.gazetteer.holders(title.role, country, day, title.office)]
        language = self.doc.language
        words = self.doc.norm[name.start:name.end].split()
        written = "".join(skeleton(w, language) for w in words)
        found = [p for p in holders if self._written_is(p, words, written)]
        return found[0] if len(found) == 1 and (where is not None or len(words) > 1) else None

    def _written_is(self, person: Person, words: list[str], written: str) -> bool:
        language = self.doc.language
        known = surnames(self.gazetteer, language).get(person.key, frozenset())
        if consonants(words[-1]) in {consonants(w) for w in known}:
            return True
        fulls = name_words(self.gazetteer, language).get(person.key, ())
        # compared without long vowels: "عبد العزيز" split and "عبدالعزيز" joined
        # keep different vowels in their skeletons
        loose = consonants(written)
        return any(len(f) > 5 and consonants(f) in loose for f in fulls)

    # --- the mentions -------------------------------------------------------------

    def mentions(self) -> list[LeaderMention]:
        hits, people, day = self.hits, self.gazetteer.people, self.day
        out: list[LeaderMention] = []
        #: person -> the (role, country) a title gave them, for their other mentions
        #: (None: no title gave one; the person's own term tells)
        introduced: dict[str, tuple[Role | None, str | None, bool]] = {}
        decided: dict[int, LeaderMention | None] = {}
        #: people the story names by an office we do not follow (a party's head)
        untracked: set[str] = set()
        # 1. titles: linked ones give their name its person and role; alone ones resolve
        for i, h in enumerate(hits):
            if i in self.links.chained:
                decided[i] = None  # a further title of a linked name
                continue
            if h.kind != "title":
                continue
            partner = self.links.pairs.get(i)
            if h.role is None:
                decided[i] = None  # "الأمين العام لحزب ...": not a leader's office
                if partner is not None:
                    decided[partner] = None
                    untracked.add(hits[partner].person or "")
                continue
            if partner is not None:
                name = hits[partner]
                chain = [hits[t] for t in self.links.titles_of(partner)]
                # the titles on the linked title's side of the name
                side = [t for t in chain if (t.start < name.start) == (h.start < name.start)]
                title_text = self.doc.normalized.original_slice(
                    min(t.start for t in side), max(t.end for t in side))[2]
                # the title that says most: one with its country or office
                h = next((t for t in chain if t.kind == "title" and t.role is not None
                          and not t.bare), h)
                where = self.title_country(h)
                h = for_country(h, where)
                person = people.get(name.person or "")
                if person is None and name.name_kind == "unlisted":
                    person = self._holder_named(name, h, where)
                    if person is None and h.country_from != "text" and not h.org:
                        person = self._holder_named(name, h, None)
                        if person is not None:  # the name told whose office it is
                            term = person.term_at(self.day, h.role)
                            where = term.where if term else where
                decided[i] = None
                if person is None and h.office in _NAMED_ONLY:
                    decided[partner] = None
                    continue
                if where is None and not h.org:
                    # "الأمير", "وزير" with no country: the title stays on the name,
                    # the role and country come from the person's own term
                    if person is None:
                        # "معاون وزیر امور خارجه محسن قمی" in a story of no known
                        # country: the office is clear, the country is not
                        decided[partner] = (None if h.bare or h.role is None else
                                            self._mention(name, None, h.role, None, False,
                                                          title_text))
                        continue
                    term = person.term_at(self.day)
                    if term is None:
                        decided[partner] = None
                        continue
                    introduced[person.key] = (term.role, term.where,
                                              term.organization is not None)
                    decided[partner] = self._mention(name, person, term.role, term.where,
                                                     term.organization is not None, title_text)
                    continue
                role: Role | None = h.role
                assert role is not None  # titles with no role were skipped above
                if person is not None and h.country_from != "text" and not h.org:
                    # "ولي العهد" with the country only implied: the person's own term
                    term = (person.term_at(self.day, h.role) or person.term_at(self.day))
                    if term is not None and term.organization is None:
                        role, where = term.role, term.where
                if person is not None:
                    introduced[person.key] = (role, where, h.org)
                decided[partner] = self._mention(name, person, role, where, h.org, title_text)
                continue
            where = self.title_country(h)
            h = for_country(h, where)
            if h.needs_neighbour or where is None:
                decided[i] = None
                continue
            holder = self.title_holder(h, where)
            if holder is None and h.office in _NAMED_ONLY:
                decided[i] = None  # "سخنگوی کرملین": a leader only as a known person
                continue
            if holder is None and h.role == "ambassador" and not h.hosted:
                decided[i] = None  # "سفیر تاجیکستان" alone: which of its envoys, unsaid
                continue
            if holder is not None:
                introduced.setdefault(holder.key, (h.role, where, h.org))
            elif h.role not in self.tracked and not h.office and h.country_from != "text":
                decided[i] = None  # "سفیر این کشور": whose office, the words do not say
                continue
            assert h.role is not None
            decided[i] = self._mention(h, holder, h.role, where, h.org, None)
        # 2. names the story gives in full introduce their person
        dated = day is not None and not self.story.estimated
        for i, h in enumerate(hits):
            if i in decided or h.kind != "name" or h.person not in people:
                continue
            person = people[h.person or ""]
            if h.name_kind == "full" and person.key not in untracked and (
                    not dated or person.term_at(day, active=True)):
                introduced.setdefault(person.key, (None, None, False))
        # 3. the other hits
        for i, h in enumerate(hits):
            if i in decided:
                continue
            if h.kind == "generic":
                if len(self.heads) == 1:
                    person = people[next(iter(self.heads))]
                    term = person.term_at(day, "head_of_state")
                    decided[i] = self._mention(h, person, "head_of_state",
                                               term.country if term else None, False, None)
                continue
            if h.kind == "honorific":
                person = people.get(h.person or "")
                if person is not None and h.country is not None and (
                        person.key not in self.named
                        and h.country not in (self.story.country, self.story.outlet_country)):
                    continue  # "رهبر ملت" outside a Tajik story names nobody sure
                if person is not None:
                    term = person.term_at(day)
                    decided[i] = self._mention(h, person, term.role if term else "other",
                                               term.where if term else None,
                                               term is not None and term.organization is not None,
                                               None)
                continue
            if h.kind != "name" or h.person not in people:
                continue
            person = people[h.person or ""]
            if person.key not in introduced:
                if h.name_kind in ("full", "context") or person.key in untracked:
                    continue
                if not may_stand_alone(person):
                    continue
                if day is not None and person.term_at(day, active=True) is None:
                    continue
            given, where, org = introduced.get(person.key, (None, None, False))
            if given is None:
                term = person.term_at(day) if day is not None else person.term_at(None)
                if term is None:
                    continue
                given, where, org = term.role, term.where, term.organization is not None
            decided[i] = self._mention(h, person, given, where, org, None)
        spans: list[tuple[int, int, LeaderMention]] = []
        for i in range(len(hits)):
            found = decided.get(i)
            if found is not None:
                out.append(found)
                if hits[i].kind == "name":
                    spans.append((hits[i].start, hits[i].end, found))
        out.extend(later_mentions(self.doc, self.gazetteer, self.hits, spans, introduced))
        return sorted(out, key=lambda m: m.start)

    def _mention(self, h: Hit, person: Person | None, role: Role, where: str | None,
                 org: bool, title: str | None) -> LeaderMention:
        country = None if (org or role == "organization_head") else where
        if h.kind == "title" and title is None:
            title = self.doc.normalized.original_slice(h.start, h.end)[2]
        return self.doc.mention(
            LeaderMention, h.start, h.end,
            name=person.name if person else None, id=person.qid if person else None,
            role=role, country=country, title=title,
        )


def a_bound(text: str, start: int) -> bool:
    """Whether the date at ``start`` of ``text`` bounds a span (see :data:`SINCE`)."""
    return SINCE.search(text, max(0, start - 24), start) is not None


__all__ = ["SINCE", "Resolver", "a_bound", "may_stand_alone"]
