"""Script normalisation with an offset map back to the original text.

The original text is never changed. :func:`normalize` returns a
:class:`NormalizedText`: the normalised string (what extractors match on) and
a map from every normalised index to the original one, so that a span found
in the normalised text is reported in original coordinates.

The normaliser is a list of small named :class:`CharStep` s, each a
character-to-string map (one character may become none, one or several). The
steps compose into one translation table, compiled once per language and
cached, so normalising costs one :meth:`str.translate` plus one scan for the
characters that change the length. What the default steps do:

``delete_marks``
    harakat and other Arabic marks (pyarabic's ``TASHKEEL`` and the rest of the
    mark ranges), tatweel, zero-width characters (ZWNJ, ZWJ, ZWSP, BOM, soft
    hyphen) and bidi controls. Deleting ZWNJ makes the correctly written
    "می‌کند" and the stripped "میکند" the same string.
``unify_spaces``
    NBSP, thin and other odd spaces, control characters and lone surrogates
    become a plain space; line/paragraph separators a newline.
``fold_presentation_forms``
    Arabic presentation forms (U+FB50-FDFF, U+FE70-FEFC) to their NFKC letters
    ("ﻻ" -> "لا").
``map_digits``
    the digits of every script (Persian ۰-۹, Arabic-Indic ٠-٩ and all other
    Unicode decimal digits) to ASCII. The Arabic decimal and thousands
    separators (U+066B ٫, U+066C ٬) are kept as they are, so they stay
    recognisable as separators.
``fold_letters``
    alef forms (أ إ آ ٱ -> ا), heh forms and teh marbuta (ة -> ه); then per
    language: Persian folds Arabic yeh/alef maksura/yeh with hamza to ی, kaf to
    ک and waw with hamza to و; Arabic folds Persian yeh and alef maksura to ي
    and keheh to ك.

Lexicons and patterns go through the same normaliser as the text, so they
match whatever spelling the text uses.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

import regex
from attrs import field, frozen

from diplonlp._resources import load_json
from diplonlp.model import Language

_CharMap = Mapping[int, str]


@frozen
class CharStep:
    """One named normalisation step: a map from code point to replacement."""

    name: str
    mapping: _CharMap = field(repr=False)


def _codepoints(entries: Iterable[str | Sequence[str]]) -> Iterable[int]:
    for entry in entries:
        if isinstance(entry, str):
            yield int(entry, 16)
        else:
            first, last = entry
            yield from range(int(first, 16), int(last, 16) + 1)


def _table_data() -> dict[str, object]:
    data: dict[str, object] = load_json("normalize", "chars.json")
    return data


def _deletions() -> frozenset[int]:
    import pyarabic.araby as araby  # only needed while the tables are built

    data = _table_data()
    groups: Mapping[str, list[str | list[str]]] = data["delete"]  # type: ignore[assignment]
    cps = {ord(c) for c in araby.TASHKEEL} | {ord(araby.TATWEEL)}
    for entries in groups.values():
        cps.update(_codepoints(entries))
    return frozenset(cps)


#: Characters that are dropped and belong to the letter before them; a span
#: ending on that letter is extended over them in the original text.
@functools.lru_cache(maxsize=1)
def _attached_marks() -> frozenset[int]:
    import pyarabic.araby as araby

    data = _table_data()
    marks = {ord(c) for c in araby.TASHKEEL} | {ord(araby.TATWEEL)}
    groups: Mapping[str, list[str | list[str]]] = data["delete"]  # type: ignore[assignment]
    marks.update(_codepoints(groups["arabic marks beyond pyarabic's TASHKEEL"]))
    return frozenset(marks)


def default_steps(language: Language) -> tuple[CharStep, ...]:
    """The default normalisation steps for ``language``, in order."""
    data = _table_data()
    delete = dict.fromkeys(_deletions(), "")
    spaces: dict[int, str] = {}
    for entries in data["space"].values():  # type: ignore[attr-defined]
        spaces.update(dict.fromkeys(_codepoints(entries), " "))
    for entries in data["newline"].values():  # type: ignore[attr-defined]
        spaces.update(dict.fromkeys(_codepoints(entries), "\n"))
    presentation: dict[int, str] = {}
    for cp in _codepoints(data["presentation_forms"]):  # type: ignore[arg-type]
        folded = unicodedata.normalize("NFKC", chr(cp))
        if folded != chr(cp):
            presentation[cp] = folded
    digits: dict[int, str] = {}
    for zero in data["digit_zeros"]:  # type: ignore[attr-defined]
        for value in range(10):
            if zero + value != ord("0") + value:
                digits[zero + value] = str(value)
    fold = data["fold"]
    letters: dict[int, str] = {}
    for group in ("common", language):
        for src, dst in fold[group].items():  # type: ignore[index]
            if src != "_":
                letters[int(src, 16)] = chr(int(dst, 16))
    return (
        CharStep("delete_marks", delete),
        CharStep("unify_spaces", spaces),
        CharStep("fold_presentation_forms", presentation),
        CharStep("map_digits", digits),
        CharStep("fold_letters", letters),
    )


class Normalizer:
    """A composed, compiled list of :class:`CharStep` s.

    Build one with custom steps to change what is folded; the default per
    language is cached by :func:`normalizer_for`.
    """

    def __init__(self, steps: Sequence[CharStep]) -> None:
        self.steps = tuple(steps)
        table: dict[int, str] = {}
        for step in self.steps:
            table.update(step.mapping)
        # Run every replacement through the table until nothing changes, so that
        # a later step applies to an earlier step's output and the table is
        # idempotent (normalise(normalise(x)) == normalise(x)).
        for _ in range(4):
            changed = False
            for cp, out in table.items():
                again = out.translate(table)
                if again != out:
                    table[cp] = again
                    changed = True
            if not changed:
                break
        self._table: dict[int, str] = {cp: out for cp, out in table.items() if out != chr(cp)}
        resizing = sorted(cp for cp, out in self._table.items() if len(out) != 1)
        self._resizing: dict[int, int] = {cp: len(self._table[cp]) for cp in resizing}
        if resizing:
            cls = "".join(_class_escape(cp) for cp in resizing)
            self._resizing_re: regex.Pattern[str] | None = regex.compile(f"[{cls}]")
        else:
            self._resizing_re = None
        deleting = [cp for cp in resizing if self._resizing[cp] == 0]
        self._deleting_re: regex.Pattern[str] | None = (
            regex.compile("[" + "".join(_class_escape(cp) for cp in deleting) + "]")
            if deleting else None
        )

    def translate(self, text: str) -> str:
        """The normalised string alone (no offset map)."""
        return text.translate(self._table)

    def __call__(self, text: str) -> NormalizedText:
        norm = text.translate(self._table)
        norm_starts = [0]
        orig_starts = [0]
        positions: list[int] | None = None
        if self._resizing_re is not None and self._deleting_re is not None:
            positions = [m.start() for m in self._deleting_re.finditer(text)]
            if len(text) - len(norm) != len(positions):
                positions = None  # some character widens: the general path
        if positions is not None:
            # only deletions (the common case): the breakpoints in one pass
            norm_starts += [p - k for k, p in enumerate(positions)]
            orig_starts += [p + 1 for p in positions]
        elif self._resizing_re is not None:
            delta = 0
            for match in self._resizing_re.finditer(text):
                i = match.start()
                width = self._resizing[ord(text[i])]
                n = i + delta
                for k in range(1, width):
                    norm_starts.append(n + k)
                    orig_starts.append(i)
                norm_starts.append(n + width)
                orig_starts.append(i + 1)
                delta += width - 1
        return NormalizedText(text, norm, tuple(norm_starts), tuple(orig_starts))


def _class_escape(cp: int) -> str:
    return f"\\U{cp:08x}"


@frozen
class NormalizedText:
    """A normalised string and the map back to the original.

    The map is kept as breakpoints: from normalised index ``norm_starts[k]``
    on, normalised index ``n`` comes from original index
    ``orig_starts[k] + (n - norm_starts[k])``, until the next breakpoint.
    """

    original: str = field(repr=False)
    text: str
    norm_starts: tuple[int, ...] = field(repr=False)
    orig_starts: tuple[int, ...] = field(repr=False)
    #: per-document work shared by the extractors of one parse (a word index);
    #: it lives and dies with this object, never at module level
    memo: dict[str, object] = field(factory=dict, init=False, repr=False, eq=False)

    def __len__(self) -> int:
        return len(self.text)

    def to_original(self, index: int) -> int:
        """The original index of normalised index ``index`` (0 <= index <= len)."""
        if not 0 <= index <= len(self.text):
            raise IndexError(f"index {index} outside 0..{len(self.text)}")
        k = bisect.bisect_right(self.norm_starts, index) - 1
        return self.orig_starts[k] + (index - self.norm_starts[k])

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised span ``[start, end)``.

        The span covers whole original characters: a ligature split by the
        normaliser is taken whole, deleted characters inside the span are kept
        and so are harakat and tatweel right after its last letter.
        """
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span {start}..{end} outside 0..{len(self.text)}")
        ostart = self.to_original(start)
        if end == start:
            return ostart, ostart
        oend = self.to_original(end - 1) + 1
        marks = _attached_marks()
        original = self.original
        limit = min(len(original), oend + 64)
        while oend < limit and ord(original[oend]) in marks:
            oend += 1
        return ostart, oend

    def original_slice(self, start: int, end: int) -> tuple[int, int, str]:
        """``(ostart, oend, original[ostart:oend])`` for a normalised span."""
        ostart, oend = self.span_to_original(start, end)
        return ostart, oend, self.original[ostart:oend]


@functools.cache
def normalizer_for(language: Language) -> Normalizer:
    """The default normaliser for ``language`` (built once, then cached)."""
    return Normalizer(default_steps(language))


def normalize(text: str, language: Language = "fa") -> NormalizedText:
    """Normalise ``text`` for ``language`` with the default steps."""
    return normalizer_for(language)(text)


def normalize_lexeme(text: str, language: Language) -> str:
    """Normalise a lexicon entry or pattern word exactly as text is normalised."""
    return normalizer_for(language).translate(text)


__all__ = [
    "CharStep",
    "NormalizedText",
    "Normalizer",
    "default_steps",
    "normalize",
    "normalize_lexeme",
    "normalizer_for",
]
