"""Names of titled people the gazetteer does not list, and listed names
widened by what is written around them: the given names and lineage before a
listed name ("عبدالفتاح سیسی", "عبدالله بن محمد بن إبراهيم آل الشيخ"), other
given names that make it another person ("علیرضا رئیسی"), and the written name
right after or before a title ("وزير الخارجية الموريتاني محمد سالم ولد
مرزوك", "«راس ویلسون»، سفیر ...")."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence

import regex
from attrs import evolve

from diplonlp.leaders.gazetteer import Gazetteer
from diplonlp.leaders.names import NameReader, name_words
from diplonlp.leaders.titles import Hit
from diplonlp.leaders.variants import skeleton
from diplonlp.model import Language

_QUOTE_CLOSED = regex.compile(r"[»\"”'][^\S\n]*+[،,]?+[^\S\n]*+")


def read_unlisted_names(
    text: str, hits: list[Hit], reader: NameReader, gazetteer: Gazetteer,
    original: Callable[[int, int], str],
) -> list[Hit]:
    """Widens a name by the given names written before it when they are the
    person's ("عبدالفتاح سیسی" is the full name); other given names make it
    another person's name ("علیرضا رئیسی" is not Ebrahim Raisi), read as a
    name the gazetteer does not list. Then reads the names of titled people
    the gazetteer does not list, right after a title, else right before it."""
    language = reader.language
    own = name_words(gazetteer, language)
    out: list[Hit] = []
    for h in hits:
        if h.kind == "name" and h.person is not None:
            h = _widened(text, h, out[-1].end if out else 0, reader, own)
            h = _with_lineage(text, h, reader, out_end=len(text), lineaged=_lineaged(
                gazetteer, language, frozenset(reader.connectors)))
        out.append(h)
    result: list[Hit] = []
    covered = 0  # names inside an unlisted name read after a title are dropped
    for i, h in enumerate(out):
        if h.kind == "name" and h.start < covered:
            continue
        result.append(h)
        if h.kind != "title" or h.bare or reader.governed(text, h.start):
            continue
        nxt = out[i + 1].start if i + 1 < len(out) else len(text)
        prev = result[-2].end if len(result) > 1 else 0
        # the name after the title, up to the next title: it may take in listed
        # surnames or given names alone ("خالد سلیمان الجارالله", "فرناندو
        # غراندي-مارلاسكا"), never a full name the gazetteer lists
        span = reader.after(text, h.end, _next_title(out, i + 1, len(text)), original)
        inside: list[Hit] = []
        if span is not None:  # the hits are in order of start: stop past the span
            for j in range(i + 1, len(out)):
                n = out[j]
                if n.start >= span[1]:
                    break
                if n.kind == "name":
                    inside.append(n)
        if span is not None and not any(
                n.name_kind == "full" or n.start < span[0] or n.end > span[1]
                or (n.start, n.end) == span for n in inside):
            covered = span[1]
            result.append(Hit(span[0], span[1], "name", name_kind="unlisted"))
            continue
        if i + 1 < len(out) and out[i + 1].kind == "name" and not text[h.end:nxt].strip(" \t،,"):
            continue  # a listed name follows
        if len(result) > 1 and result[-2].kind == "name" and not text[prev:h.start].strip(" \t،,"):
            continue  # a name stands right before
        if h.needs_neighbour:
            continue
        before = result[-2] if len(result) > 1 else None
        if (before is not None and before.kind == "name"
                and (before.person is None or before.name_kind == "context")
                and _QUOTE_CLOSED.fullmatch(text, before.end, h.start)):
            # an unlisted name, or a surname that needs support, read inside
            # quotation marks ("چانگ" + "دونگ یانگ", "راس" + "ویلسون"): the
            # quoted words are the whole name
            span = reader.before(text, h.start, result[-3].end if len(result) > 2 else 0,
                                 original)
            if span is not None and span[1] == before.end and (
                    span[0] < before.start or (span[0] == before.start and before.person is None)):
                result[-2] = Hit(span[0], span[1], "name", name_kind="unlisted")
            continue
        span = reader.before(text, h.start, prev, original)
        if span is not None:
            result.insert(len(result) - 1, Hit(span[0], span[1], "name", name_kind="unlisted"))
    return result



def _widened(text: str, h: Hit, limit: int, reader: NameReader,
             own: Mapping[str, tuple[str, ...]]) -> Hit:
    """A listed name with the given names and lineage written before it. When
    they make one of the person's full spellings ("عبدالفتاح سیسی", "عبدالله بن
    محمد بن إبراهيم آل الشيخ" for "عبدالله آل الشيخ") the hit is widened to
    them; other given names ("علیرضا رئیسی", "نهيان بن مبارك" before a surname
    that begins with a connector), make it another person's name,
    read as a name the gazetteer does not list."""
    language = reader.language
    words = reader.run_before(text, h.start, limit)[-8:]
    if not words:
        return h
    tokens = [w.group() for w in words]
    written = text[h.start:h.end].split()
    fulls = own.get(h.person or "", ())
    for j in range(len(tokens)):
        if tokens[j] not in reader.given:
            continue
        given, k = [tokens[j]], j + 1
        while k < len(tokens):
            if tokens[k] in reader.given or tokens[k] in reader.suffixes:
                given.append(tokens[k])
                k += 1
            elif tokens[k] in reader.connectors and k + 1 < len(tokens):
                k += 2  # a lineage: "بن محمد بن إبراهيم"
            else:
                break
        # the lineage may go on into the name found ("... إبراهيم آل" + "الشيخ")
        link = [tokens[k]] if k == len(tokens) - 1 and tokens[k] in reader.connectors else []
        if k + len(link) != len(tokens):
            continue
        whole = "".join(skeleton(t, language) for t in [*tokens[j:], *written])
        short = "".join(skeleton(t, language) for t in [*given, *link, *written])
        first = "".join(skeleton(t, language) for t in given)
        if any(whole == f or short == f or f.startswith(first) for f in fulls):
            return Hit(words[j].start(), h.end, "name", person=h.person, name_kind="full")
        return Hit(words[j].start(), h.end, "name", name_kind="unlisted")
    if written and written[0] in reader.connectors and (
            tokens[-1] in reader.any_given
            or (len(tokens) > 1 and tokens[-2] in reader.courtesy
                and reader._name_like(tokens[-1]))):  # "الشيخ نهيان بن مبارك"
        return Hit(words[-1].start(), h.end, "name", name_kind="unlisted")
    return h


def _with_lineage(text: str, h: Hit, reader: NameReader, out_end: int,
                  lineaged: frozenset[str] = frozenset()) -> Hit:
    """A listed name with the rest of its lineage ("فيصل بن مشعل" + "بن سعود بن
    عبدالعزيز"): connector + name pairs right after it belong to the name.
    A person listed by given names alone, none of whose spellings has a
    lineage (``lineaged``: the keys of those with one), is then not meant:
    "عبد الإله بن كيران" is not the regent "عبد الإله"."""
    words = reader.words(text, h.end, min(out_end, h.end + 120))
    if not words or words[0].start() == h.end:
        return h  # no space: the name goes on in a word of its own
    i = 0
    end = h.end
    while (i + 1 < len(words) and i < 8 and words[i].group() in reader.connectors
           and not reader._stop(words[i + 1].group(), strong=True)):
        end = words[i + 1].end()
        i += 2
    if end == h.end:
        return h
    if h.person not in lineaged and not any(
            w in reader.connectors for w in text[h.start:h.end].split()):
        return Hit(h.start, end, "name", name_kind="unlisted")
    return evolve(h, end=end)


@functools.lru_cache(maxsize=8)
def _lineaged(gazetteer: Gazetteer, language: Language,
              connectors: frozenset[str]) -> frozenset[str]:
    """The people one of whose spellings has a lineage ("محمد بن سلمان")."""
    return frozenset(key for spelling, (key, _kind) in gazetteer.names[language].items()
                     if any(w in connectors for w in spelling.split()))


def _next_title(hits: Sequence[Hit], i: int, end: int) -> int:
    """Where the first title at or after index ``i`` begins (else ``end``)."""
    for j in range(i, len(hits)):  # by index: a slice or islice costs i steps first
        if hits[j].kind != "name":
            return hits[j].start
    return end


__all__ = ["read_unlisted_names"]
