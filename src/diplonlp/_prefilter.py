"""Finding where a big alternation can start, without trying it everywhere.

A pattern built from hundreds of words (names, titles, months) is costly to
try at every character. :class:`WordStarts` keeps the first characters of
every entry (spaces removed, since the normaliser may have joined words) and
yields the start of each word of a text that could begin one, also behind
Arabic clitics; the caller then tries the full pattern only there. The scan is
one C-level regex pass plus a set lookup per word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Generic, TypeVar

import regex

from diplonlp._text import Head
from diplonlp.normalize import NormalizedText

V = TypeVar("V")


_WORD = regex.compile(r"[\p{L}\p{M}]+")
#: words remembered per filter (a memo across documents, bounded so that memory
#: stays flat over millions of articles); beyond it, words are checked afresh
_MEMO_LIMIT = 20_000


class WordIndex:
    """The words of one text: (start, word) in order, the distinct words, and
    where each stands. Built once per document (see :func:`word_index`) and
    shared by every filter that reads the document; nothing of it is kept at
    module level."""

    __slots__ = ("_distinct", "_positions", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[tuple[int, str]] = [(m.start(), m.group()) for m in _WORD.finditer(text)]
        self._distinct: set[str] | None = None
        self._positions: dict[str, list[int]] | None = None

    @property
    def distinct(self) -> set[str]:
        if self._distinct is None:
            self._distinct = {word for _pos, word in self.words}
        return self._distinct

    @property
    def positions(self) -> dict[str, list[int]]:
        """word -> the indexes in :attr:`words` where it stands."""
        if self._positions is None:
            found: dict[str, list[int]] = {}
            for i, (_pos, word) in enumerate(self.words):
                found.setdefault(word, []).append(i)
            self._positions = found
        return self._positions


Indexed = WordIndex | str


def index_of(text: Indexed) -> WordIndex:
    """``text``'s word index (a string gets a fresh one)."""
    return text if isinstance(text, WordIndex) else WordIndex(text)


def word_index(normalized: NormalizedText) -> WordIndex:
    """The word index of a document's normalised text, built once and kept on
    the document (every extractor of one parse shares it)."""
    found = normalized.memo.get("words")
    if not isinstance(found, WordIndex):
        found = normalized.memo["words"] = WordIndex(normalized.text)
    return found


class WordStarts:
    """The words of a text that may begin one of ``entries``: a word that
    begins with an entry's first word ("رییسجمهور" for "رییس جمهور", the
    normaliser having joined them), or that is the beginning of an entry with
    its spaces removed ("دبیر" of "دبیرکل", a word the text split); entries
    shorter than ``width`` letters are looked for as word beginnings. With
    ``clitics``, also behind one or two of those letters ("والرئيس")."""

    def __init__(self, entries: Iterable[str], *, clitics: str = "", width: int = 3) -> None:
        self.width = width
        self.clitics = clitics
        #: first words of the entries (at least ``width`` letters)
        self.firsts: set[str] = set()
        #: every beginning (at least ``width`` letters) of an entry, spaces removed
        self.beginnings: set[str] = set()
        self.short: set[str] = set()
        #: first words shorter than ``width`` of entries written in several words
        self.heads: set[str] = set()
        self._yes: set[str] = set()
        self._no: set[str] = set()
        for entry in entries:
            first = entry.split(" ", 1)[0]
            if " " in entry and len(first) < width:
                self.heads.add(first)
            if len(first) >= width:
                self.firsts.add(first)
            joined = entry.replace(" ", "")
            if len(joined) >= width:
                self.beginnings.update(joined[:n] for n in range(width, len(joined) + 1))
            elif joined:
                self.short.add(joined)
        self._lengths = sorted({len(f) for f in self.firsts})

    def _fits(self, word: str) -> bool:
        if word in self.beginnings or word in self.heads:
            return True
        firsts = self.firsts
        for n in self._lengths:
            if n > len(word):
                break
            if word[:n] in firsts:
                return True
        return bool(self.short) and any(word.startswith(s) for s in self.short)

    def _could_begin(self, word: str) -> bool:
        if self._fits(word):
            return True
        if self.clitics:
            for cut in (1, 2):
                head = word[:cut]
                if len(word) > cut and all(c in self.clitics for c in head):
                    rest = word[cut:]
                    if self._fits(rest) or (rest.startswith("ل") and self._fits("ا" + rest)):
                        return True
        return False

    def starts(self, text: Indexed) -> list[int]:
        """Start offsets of the words that may begin an entry. The text's
        distinct words are split into known hits and misses with set
        operations; only words never seen before are checked in Python."""
        index = index_of(text)
        distinct = index.distinct
        yes, no = self._yes, self._no
        unknown = distinct - yes - no
        if unknown:
            check = self._could_begin
            room = len(yes) + len(no) < _MEMO_LIMIT
            fresh = {w for w in unknown if check(w)}
            if room:
                yes |= fresh
                no |= unknown - fresh
            hits = (distinct & yes) | fresh
        else:
            hits = distinct & yes
        if not hits:
            return []
        where = index.positions
        words = index.words
        return [words[i][0] for i in sorted(i for w in hits for i in where[w])]


_NOT_LETTER = regex.compile(r"[^\p{L}\p{M}]+")


def letters_only(text: str) -> str:
    """``text`` without spaces, punctuation or digits: the form phrases are indexed by."""
    return _NOT_LETTER.sub("", text)


class PhraseIndex(Generic[V]):
    """Lexicon phrases (names, countries) found word by word, not by a regex
    alternation: an entry is looked up by its letters, and a run of words grows
    only while its letters begin some entry (a set of every entry's prefixes,
    i.e. a trie walked by hashing). The cost per text does not depend on the
    lexicon's size; words may be joined or split differently from the entry
    (the normaliser deletes ZWNJ: "امامعلی رحمان" meets "امام علی رحمان")."""

    def __init__(self, entries: Mapping[str, V], fold: Callable[[str], str] | None = None) -> None:
        """``fold`` maps each word (of an entry and of a text) to the form they are
        compared in (by default the word's letters)."""
        self.fold = fold or letters_only
        self.index: dict[str, V] = {}
        #: the most words any spelling of an entry has: a one-word entry is found
        #: in one word only ("کالابا" is not "کالا با"), others in one word more
        self.entry_words: dict[str, int] = {}
        self.most_words = 1
        for phrase, value in entries.items():
            words = _WORD.findall(phrase)
            key = "".join(self.fold(w) for w in words)
            if not key:
                continue
            self.index.setdefault(key, value)
            self.entry_words[key] = max(self.entry_words.get(key, 0), len(words))
            self.most_words = max(self.most_words, len(words) + 1)
        self.prefixes = frozenset(k[:i] for k in self.index for i in range(1, len(k) + 1))
        #: what the first word of a text may fold to: a one-word entry itself;
        #: a longer entry's first words joined ("امامعلی", "امامعلیرحمان"), or
        #: a beginning of its first word of three letters or more (the text
        #: split it: "امام علی")
        openings: set[str] = set()
        for phrase in entries:
            folded = [f for f in (self.fold(w) for w in _WORD.findall(phrase)) if f]
            if not folded:
                continue
            first = folded[0]
            if len(folded) == 1:  # found in one word only (see _fits)
                openings.add(first)
                continue
            openings.update(first[:i] for i in range(min(3, len(first)), len(first) + 1))
            joined = first
            for f in folded[1:]:
                joined += f
                openings.add(joined)
        self.openings = frozenset(openings)
        #: per set of heads, the words known to begin (or not) some entry: a
        #: memo across documents, bounded like :class:`WordStarts`'
        self._memo: dict[tuple[Head, ...], tuple[set[str], set[str]]] = {}

    def _fits(self, key: str, words: int) -> bool:
        most = self.entry_words[key]
        return words == 1 or (most > 1 and words <= most + 1)

    def candidates(self, index: WordIndex, heads: Iterable[Head]) -> list[int]:
        """Indexes into ``index.words`` of the words that may begin an entry."""
        heads = tuple(heads)
        memo = self._memo.get(heads)
        if memo is None:
            memo = self._memo[heads] = (set(), set())
        yes, no = memo
        distinct = index.distinct
        unknown = distinct - yes - no
        if unknown:
            prefixes = self.openings
            fold = self.fold
            fresh = {
                w for w in unknown
                if any((not strip or (w.startswith(strip) and len(w) > len(strip)))
                       and fold(add + w[len(strip):]) in prefixes for strip, add in heads)
            }
            if len(yes) + len(no) < _MEMO_LIMIT:
                yes |= fresh
                no |= unknown - fresh
            found = (distinct & yes) | fresh
        else:
            found = distinct & yes
        where = index.positions
        return sorted(i for w in found for i in where[w])

    def match_at(
        self, index: WordIndex, i: int, heads: Iterable[Head], gap: regex.Pattern[str]
    ) -> tuple[int, int, V] | None:
        """(start, end, value) of the longest entry starting at word ``i``, tried
        behind each head in turn (the first head that gives one wins); words of
        one entry must be separated by what ``gap`` fully matches."""
        text = index.text
        words = index.words
        pos, word = words[i]
        for strip, add in heads:
            if strip and (len(word) <= len(strip) or not word.startswith(strip)):
                continue
            joined = self.fold(add + word[len(strip):])
            if joined not in self.openings:
                continue
            end = pos + len(word)
            best = (end, self.index[joined]) if joined in self.index else None
            for j in range(i + 1, min(len(words), i + self.most_words)):
                npos, nword = words[j]
                longer = joined + self.fold(nword)
                if longer not in self.prefixes or gap.fullmatch(text, end, npos) is None:
                    break
                joined, end = longer, npos + len(nword)
                if joined in self.index and self._fits(joined, j - i + 1):
                    best = (end, self.index[joined])
            if best is not None:
                return pos + len(strip), best[0], best[1]
        return None

    def find(
        self, text: Indexed, heads: Iterable[Head], gap: regex.Pattern[str]
    ) -> Iterator[tuple[int, int, V]]:
        """Non-overlapping entries in ``text``, leftmost-longest."""
        heads = tuple(heads)
        until = -1
        index = index_of(text)
        words = index.words
        for i in self.candidates(index, heads):
            if words[i][0] < until:
                continue
            found = self.match_at(index, i, heads, gap)
            if found is not None:
                until = found[1]
                yield found


def matches(
    pattern: regex.Pattern[str], text: str, starts: Iterable[int], *, window: int = 200
) -> Iterator[regex.Match[str]]:
    """Non-overlapping matches of ``pattern`` tried only at ``starts``."""
    until = -1
    for pos in starts:
        if pos < until:
            continue
        m = pattern.match(text, pos, min(len(text), pos + window))
        if m is not None and m.end() > m.start():
            until = m.end()
            yield m


_DIGITS = regex.compile(r"(?<!\d)\d")


def digit_starts(text: str, clitics: str = "") -> list[int]:
    """Where digit runs start (also the clitic glued before them, "و25", and a
    "+" or "(" right before them)."""
    out: list[int] = []
    for m in _DIGITS.finditer(text):
        pos = m.start()
        back = pos
        while back > 0 and pos - back < 2 and text[back - 1] in clitics:
            back -= 1
        if back != pos and (back == 0 or not text[back - 1].isalpha()):
            out.append(back)
        elif pos > 0 and text[pos - 1] in "+(":
            out.append(pos - 1)  # "+98 21 ...", "(021) ...": phone numbers start before the digit
        out.append(pos)
    return out


def merged(*streams: Iterable[int]) -> list[int]:
    """Sorted union of position lists."""
    return sorted(set().union(*streams))
