"""The mentions after a person's introduction: every later occurrence of
their surname ("وقال عباس", "لأردوغان"), the last word of a titled name the
gazetteer does not list ("ميخائيل بوغدانوف" ... "بوغدانوف"), and a courtesy
with their given name ("ورحب د. عصام")."""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Sequence

import regex

from diplonlp._resources import load_json
from diplonlp._text import NOT_WORD_AFTER, NOT_WORD_BEFORE, alternation, clitic_prefix, key, lexeme
from diplonlp.leaders.gazetteer import Gazetteer
from diplonlp.leaders.names import NameReader, name_reader, surnames
from diplonlp.leaders.titles import Hit
from diplonlp.model import Language, LeaderMention, Role
from diplonlp.pipeline import Document


def _covered(starts: list[int], reach: list[int], s: int, e: int) -> bool:
    """Whether a hit (``starts`` in order, ``reach`` the furthest end so far)
    overlaps ``[s, e)``: by bisection, not a scan."""
    before_end = bisect.bisect_left(starts, e)  # the hits that start before e
    return bool(before_end) and reach[before_end - 1] > s


@functools.lru_cache(maxsize=2)
def _not_surnames(language: Language) -> frozenset[str]:
    """Words that end a name but are no surname to find alone: titles inside
    names ("آل الشيخ" ends in "الشيخ")."""
    roles = load_json("leaders", "roles.json")
    return frozenset(key(lexeme(w, language)) for w in roles["titles_inside_names"][language])


@functools.lru_cache(maxsize=64)
def _surname_pattern(words: tuple[str, ...], language: Language) -> regex.Pattern[str]:
    clitic = clitic_prefix(language)
    return regex.compile(
        rf"{NOT_WORD_BEFORE}{clitic}(?P<word>{alternation(words)}){NOT_WORD_AFTER}")


@functools.lru_cache(maxsize=64)
def _courtesy_pattern(courtesy: tuple[str, ...], firsts: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile(
        rf"{NOT_WORD_BEFORE}(?:{alternation(courtesy)})[^\S\n]*+(?P<word>{alternation(firsts)})"
        rf"{NOT_WORD_AFTER}")


def later_mentions(doc: Document, gazetteer: Gazetteer, hits: Sequence[Hit],
                   found: list[tuple[int, int, LeaderMention]],
                   introduced: dict[str, tuple[Role | None, str | None, bool]],
                   ) -> list[LeaderMention]:
    """4. Once a person is introduced (in full, or by a title next to their
    name), every later occurrence of their surname is a mention, whether
    or not the gazetteer lists it as a short name ("وقال عباس", "وأكد
    عون"); so is the last word of a titled name the gazetteer does not list
    ("ميخائيل بوغدانوف" ... "بوغدانوف"). Not where the word stands inside
    another name or right before one ("عباس عراقچی")."""
    text = doc.norm
    language = doc.language
    # a surname that needs support and has none is free: several people
    # share one ("المالكي"), and the one introduced is meant
    taken = sorted((h.start, h.end) for h in hits
                   if not (h.kind == "name" and h.name_kind == "context"
                           and h.person not in introduced))
    taken_starts = [a for a, _b in taken]
    reach = list(itertools.accumulate((b for _a, b in taken), max))  # furthest end so far
    last: dict[str, tuple[LeaderMention, int]] = {}  # surname -> first mention
    known = surnames(gazetteer, language)
    reader = name_reader(language, gazetteer)
    for start, end, m in found:
        words = text[start:end].split()
        if m.name is not None:
            key = next((k for k in introduced if gazetteer.people[k].name == m.name),
                       None)
            candidates = set(known.get(key, ())) if key else set()
            candidates |= {words[-1]} if len(words) > 1 else set()
        elif m.title is not None and len(words) > 1:
            candidates = {words[-1]}  # a titled name the gazetteer does not list
        else:
            continue
        if len(words) > 2 and words[-2] in reader.connectors:
            # "عصام بن سعد بن سعيد" ... "ابن سعيد"
            candidates |= {f"{c} {words[-1]}" for c in ("بن", "ابن")}
        for word in candidates:
            if len(word) >= 3 and word not in reader.stop and word not in reader.courtesy \
                    and word not in _not_surnames(language):
                last.setdefault(word, (m, start))
    out: list[LeaderMention] = _courtesy_given_names(doc, found, taken_starts, reach, reader)
    if not last:
        return out
    pattern = _surname_pattern(tuple(sorted(last)), language)
    for hit in pattern.finditer(text):
        s, e = hit.span("word")
        if _covered(taken_starts, reach, s, e):
            continue  # a hit reaches into the word
        after = text[e:e + 40].split()[:1]
        if after and (reader.is_given(after[0]) or after[0] in last):
            continue  # "عباس عراقچی": another person's given name
        before = text[max(0, s - 40):s].split()[-1:]
        if " " not in hit.group("word") and before and (
                before[0] in reader.connectors or reader.is_given(before[0])):
            continue  # "ابن عباس", "محمد عباس": another person's name
        first, first_start = last[hit.group("word")]
        if first_start >= s and first.name is None:
            continue  # before its introduction only a listed person's surname counts
        out.append(doc.mention(
            LeaderMention, s, e, name=first.name, id=first.id, role=first.role,
            country=first.country, title=None,
        ))
        taken.append((s, e))
    return out

def _courtesy_given_names(doc: Document, found: list[tuple[int, int, LeaderMention]],
                          taken_starts: list[int], reach: list[int], reader: NameReader,
                          ) -> list[LeaderMention]:
    """A courtesy and the given name of a person introduced in full ("ورحب
    د. عصام بالجميع", "وأكد الأمير فيصل"): the given name is a mention of
    that person, when no other person introduced bears it and no lineage
    or surname follows it ("الأمير فيصل بن سلمان" is someone else)."""
    text = doc.norm
    first: dict[str, tuple[LeaderMention, int] | None] = {}
    for start, end, m in found:
        words = text[start:end].split()
        if m.name is None or len(words) < 2 or not reader.is_given(words[0]):
            continue
        seen = first.get(words[0], (m, start))
        # two people of one given name: neither is meant by it alone
        first[words[0]] = None if seen is None or seen[0].name != m.name else seen
    firsts = {w: v for w, v in first.items() if v is not None}
    if not firsts or not reader.courtesy:
        return []
    pattern = _courtesy_pattern(tuple(sorted(reader.courtesy)), tuple(sorted(firsts)))
    out: list[LeaderMention] = []
    for hit in pattern.finditer(text):
        s, e = hit.span("word")
        if _covered(taken_starts, reach, s, e):
            continue  # a name or title found there already
        after = text[e:e + 40].split()[:1]
        if after and (after[0] in reader.connectors or reader.is_given(after[0])):
            continue
        m, introduced_at = firsts[hit.group("word")]
        if introduced_at >= s:
            continue
        out.append(doc.mention(
            LeaderMention, s, e, name=m.name, id=m.id, role=m.role,
            country=m.country, title=None,
        ))
    return out


__all__ = ["later_mentions"]
