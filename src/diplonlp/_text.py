"""Text helpers every dimension shares: word boundaries, Arabic clitics, lookup keys.

One place for the small decisions that must agree everywhere:

* what counts as a word boundary in a pattern (:data:`NOT_WORD_BEFORE` ...);
* which Arabic proclitics may be glued to a word (:data:`CLITICS`: و ف ب ل, at
  most two, "وبالرئيس", "فلأردوغان") and how a pattern or a word index accepts
  them (:func:`clitic_prefix`, :func:`clitic_heads`);
* the *lookup key* of a matched phrase (:func:`key`): its letters without
  spaces, because the normaliser deletes ZWNJ ("رئیس‌جمهور" meets "رئیس جمهور"
  and "رئیسجمهور"), so a lexicon is indexed both spaced and joined
  (:func:`with_joined_keys`);
* how a lexicon entry is normalised (:func:`lexeme`): through the same
  normaliser as the text, with runs of spaces squashed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

import regex

from diplonlp.model import Language
from diplonlp.normalize import normalize_lexeme

V = TypeVar("V")

#: Nothing word-like (letter, mark, digit) right before / after.
NOT_WORD_BEFORE = r"(?<![\p{L}\p{M}\p{N}])"
NOT_WORD_AFTER = r"(?![\p{L}\p{M}\p{N}])"
#: No letter (or mark) right before / after; digits may touch.
NOT_LETTER_BEFORE = r"(?<![\p{L}\p{M}])"
NOT_LETTER_AFTER = r"(?![\p{L}\p{M}])"

#: Arabic proclitics: wa- "and", fa- "so", bi- "with/by", li- "to/for".
CLITICS = "وفبل"
#: Before a number also ka- "as" ("كـ500 دولار").
NUMBER_CLITICS = CLITICS + "ك"
#: At most this many proclitics stand before a word ("وبـ", "فلـ").
MOST_CLITICS = 2
#: The Arabic definite article.
ARTICLE = "ال"


def clitic_prefix(language: Language, *, letters: str = CLITICS, name: str | None = None,
                  lazy: bool = False) -> str:
    """A regex fragment for the proclitics a word may carry: up to
    :data:`MOST_CLITICS` of ``letters`` in Arabic, nothing in Persian. With
    ``name`` the fragment is a named group (empty in Persian)."""
    body = "" if language != "ar" else f"[{letters}]{{0,{MOST_CLITICS}}}" + ("?" if lazy else "")
    return f"(?P<{name}>{body})" if name else (f"(?:{body})" if body else "")


def clitic_combinations(letters: str = CLITICS) -> list[str]:
    """Every run of proclitics a word may carry, shortest first ("", "و", "وب" ...)."""
    out = [""]
    for _ in range(MOST_CLITICS):
        out += [c + x for x in out if len(x) == len(out[-1]) for c in letters]
    return sorted(set(out), key=lambda s: (len(s), s))


#: What a word may carry before a lexicon entry, as (letters to strip, letters
#: to put back): "للهند" is ل + "الهند".
Head = tuple[str, str]


def clitic_heads(language: Language, *, article: bool = False) -> tuple[Head, ...]:
    """The heads a word index tries, no head first: in Arabic the proclitics
    and, with ``article``, the definite article after them ("والهند" -> "هند",
    "للهند" -> "هند")."""
    if language != "ar":
        return (("", ""),)
    combos = clitic_combinations()
    heads: set[Head] = {(c, "") for c in combos}
    if article:
        heads |= {(c + ARTICLE, "") for c in combos}
        heads |= {(c + "ل", ARTICLE) for c in combos if c.endswith("ل")}
    return tuple(sorted(heads, key=lambda h: (len(h[0]) > 0, len(h[0]), h)))


def strip_clitics(word: str, language: Language) -> list[str]:
    """``word`` and what is left of it without each run of proclitics it may carry."""
    if language != "ar":
        return [word]
    return [word[len(c):] for c in clitic_combinations()
            if word.startswith(c) and len(word) > len(c) + 1]


def key(text: str) -> str:
    """The lookup key of matched text: without spaces (see :func:`with_joined_keys`)."""
    return "".join(text.split())


def squash(text: str) -> str:
    """Runs of white space as one space, no space at either end."""
    return " ".join(text.split())


def lexeme(word: str, language: Language) -> str:
    """A lexicon entry as the text will show it: normalised, spaces squashed. A
    ZWNJ inside an entry ("رئیس‌جمهور") becomes a space, which patterns and
    :func:`with_joined_keys` let match a space or nothing."""
    return squash(normalize_lexeme(word.replace("\u200c", " "), language))


def lexeme_forms(word: str, language: Language) -> tuple[str, ...]:
    """:func:`lexeme`, and for an entry with a ZWNJ also the form the text
    shows once the normaliser has deleted it ("بردی‌محمداف" -> "بردیمحمداف"),
    for lookups that go word by word."""
    spaced = lexeme(word, language)
    if "\u200c" not in word:
        return (spaced,)
    joined = squash(normalize_lexeme(word, language))
    return (spaced,) if joined == spaced else (spaced, joined)


def lexemes(words: Iterable[str], language: Language) -> frozenset[str]:
    """Normalised lookup keys (see :func:`key`) of ``words``."""
    return frozenset(key(lexeme(w, language)) for w in words)


def with_joined_keys(mapping: dict[str, V]) -> dict[str, V]:
    """The mapping plus every multi-word key written without its spaces.

    Patterns let a space inside a lexicon entry match no space at all (the
    normaliser deletes ZWNJ: "رئیس‌جمهور"), so lookups of what they matched
    must find "رییسجمهور" as well as "رییس جمهور"."""
    out = dict(mapping)
    for k, value in mapping.items():
        if " " in k:
            out.setdefault(k.replace(" ", ""), value)
    return out


def alternation(words: Iterable[str], *, space: str = r"\s*+") -> str:
    r"""One regex alternation of literal words that tries the longest first. A
    space inside a word matches ``space`` (by default any run of spaces or
    none, since the normaliser deletes ZWNJ: "رئیس‌جمهور" and "رئیس جمهور"
    meet; possessive, so a long run of spaces is never scanned twice).

    Many words are written as a trie (their shared beginnings factored out,
    "رئیس(?:\s*+جمهور|\s*+مجلس)"), so that trying the alternation costs the
    length of the word found, not the number of words: at each branching the
    branch holding the longest word comes first and a word that ends there
    last, which keeps "longest first"."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    if len(unique) < 8:
        return "|".join(regex.escape(w).replace(r"\ ", space) for w in unique)
    trie: dict[str, Any] = {}
    for w in unique:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(trie, space, {})


def _longest(node: dict[str, Any], memo: dict[int, int]) -> int:
    """The length of the longest word below ``node`` (remembered per node)."""
    found = memo.get(id(node))
    if found is None:
        found = max((1 + _longest(child, memo) if ch else 0) for ch, child in node.items())
        memo[id(node)] = found
    return found


def _trie_pattern(node: dict[str, Any], space: str, memo: dict[int, int]) -> str:
    """The alternation below one trie node (which is not a word end alone)."""
    branches = sorted(((ch, child) for ch, child in node.items() if ch),
                      key=lambda kv: (-_longest(kv[1], memo), kv[0]))
    parts = []
    for ch, child in branches:
        head = space if ch == " " else regex.escape(ch)
        tail = _trie_pattern(child, space, memo) if any(child) else ""
        if tail:
            tail = tail if _single(child) else f"(?:{tail})"
        parts.append(head + tail)
    body = "|".join(parts)
    if "" in node:  # a word may end here: after every longer one
        return f"(?:{body})?" if body else ""
    return body


def _single(node: dict[str, Any]) -> bool:
    """Whether a node's pattern is one branch (needs no group of its own)."""
    keys = list(node)
    return len(keys) == 1 and keys[0] != ""


__all__ = [
    "ARTICLE",
    "CLITICS",
    "MOST_CLITICS",
    "NOT_LETTER_AFTER",
    "NOT_LETTER_BEFORE",
    "NOT_WORD_AFTER",
    "NOT_WORD_BEFORE",
    "NUMBER_CLITICS",
    "Head",
    "alternation",
    "clitic_combinations",
    "clitic_heads",
    "clitic_prefix",
    "key",
    "lexeme",
    "lexemes",
    "squash",
    "strip_clitics",
    "with_joined_keys",
]
