"""Reading the written name of a titled person the gazetteer does not list.

Right after a title (TITLE، السيد NAME) or right before it (NAME، TITLE), a
name is read with a small grammar: given names (``data/leaders/names.json``),
connector + word pairs (بن سلمان، آل نهيان), then at most one surname (Arabic
may add a nisba: محمد شياع السوداني). A stop word, role word, country or
calendar word ends a name.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence

import regex
from attrs import frozen

from diplonlp._resources import load_json
from diplonlp._text import NOT_LETTER_BEFORE, alternation, clitic_prefix, lexeme, lexemes
from diplonlp.countries import country_lexicon
from diplonlp.dates import calendar_words
from diplonlp.leaders.gazetteer import Gazetteer, kept_on_disk_for_default
from diplonlp.leaders.links import link_gap
from diplonlp.leaders.titles import role_words
from diplonlp.leaders.variants import skeleton
from diplonlp.model import Language

_TOKEN = regex.compile(r"[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*")
_SPACE = regex.compile(r"[^\S\n]++")


@frozen
class NameReader:
    """Reads the written name of a titled person the gazetteer does not list:
    given names, then connector + word pairs (بن سلمان، آل نهيان), then at most
    one surname (Arabic may add a nisba: محمد شياع السوداني). Evidence for a
    name is a known given name first; a stop word, role or country word ends it."""

    language: Language
    given: frozenset[str]
    prefixes: frozenset[str]  # عبد، ابو: a given name written in two words
    joined_prefixes: tuple[str, ...]  # عبد: begins a given name written in one word
    suffixes: frozenset[str]  # الله، الدین
    connectors: frozenset[str]
    stop: frozenset[str]  # function words, verbs, role words
    weak: frozenset[str]  # country and calendar words: no name after a connector
    as_written: frozenset[str]
    complement_of: frozenset[str]
    verb_prefixes: tuple[str, ...]
    verb_exceptions: tuple[str, ...]  # names that begin like a verb (میرحسین)
    stop_prefixes: tuple[str, ...]  # Arabic: بال، لل ... begin no name
    gap: regex.Pattern[str]
    #: courtesy words before a name ("السيد", "آقای")
    courtesy: frozenset[str] = frozenset()
    #: particles inside foreign names ("دي", "فون", "فان")
    particles: frozenset[str] = frozenset()
    #: every first word of a gazetteer name, foreign given names too
    any_given: frozenset[str] = frozenset()

    def _stop(self, word: str, *, strong: bool = False) -> bool:
        if word in self.stop or (not strong and word in self.weak):
            return True
        if self.language == "ar":
            if word[:1] in ("و", "ف") and word[1:] in self.stop:
                return True
            return word.startswith(self.stop_prefixes)
        return word.startswith(self.verb_prefixes) and not word.startswith(self.verb_exceptions)

    def _surname(self, word: str) -> bool:
        return len(word) > 1 and not self._stop(word)

    def is_given(self, word: str) -> bool:
        """A listed given name, or one joined with الدین/الله or after عبد."""
        if word in self.given:
            return True
        return len(word) > 5 and (
            word.endswith(tuple(self.suffixes)) or word.startswith(self.joined_prefixes)
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

    def run_before(self, text: str, pos: int, limit: int) -> list[regex.Match[str]]:
        """The run of words (spaces between, on one line) that ends right before
        ``pos``, not before ``limit``: the words a name may begin with."""
        end = pos
        while end > limit and text[end - 1] in " \t\u00a0":
            end -= 1
        if end == pos:
            return []  # no space: a word goes on into the name
        start = _run_start(text, end, limit)
        found = self.words(text, start, end)
        return found if found and found[-1].end() == end else []

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
        quoted = _QUOTED.match(text, pos, limit)
        if quoted is not None:  # «خلف خلفوف»، "فرناندو غراندي-مارلاسكا"
            inner = self.words(text, quoted.start("name"), quoted.end("name"))
            tokens = [w.group() for w in inner]
            if inner and inner[-1].end() == quoted.end("name") and (
                    self.parse(tokens) == len(tokens)
                    or self.loose(tokens, quoted=True) == len(tokens)):
                return quoted.start("name"), quoted.end("name")
        words = self.words(text, start, limit)[:8]
        if not words or not self._first_ok(words[0], original):
            return None
        tokens = [w.group() for w in words]
        k = self.parse(tokens)
        if not k:
            # a foreign name ("لويس دي غيندوس"): name-like words up to a stop
            k = self.loose(tokens)
            if k and k < len(tokens) and not self._boundary(tokens[k]):
                k = 0
        return (words[0].start(), words[k - 1].end()) if k else None

    def _boundary(self, word: str) -> bool:
        """Whether ``word`` may follow a name: a function word, a verb, a role word."""
        return self._stop(word, strong=True) or word in self.weak

    def _name_like(self, word: str) -> bool:
        """A word a transliterated foreign name may consist of."""
        if len(word) < 2 or self._stop(word) or word in self.courtesy:
            return False
        if self.language == "ar":
            # an article or a plural or feminine ending is an Arabic word's
            return not word.startswith("ال") and not word.endswith(("ة", "ات", "ون", "ين"))
        return not word.endswith(("ها", "های", "ات"))

    def loose(self, tokens: Sequence[str], *, quoted: bool = False) -> int:
        """How many of ``tokens`` (from the first) make a foreign name: a given
        name someone in the gazetteer bears ("فرانسوا", "لويس"), then one to
        three name-like words, particles (دي، فون، فان) inside; 0 if none.
        Inside quotation marks any name-like words do."""
        if not tokens or not (quoted or tokens[0] in self.any_given):
            return 0
        k = 0
        # in quotation marks a first word may also be a place's ("«راس ویلسون»")
        if (quoted and len(tokens) > 1 and tokens[0] in self.weak
                and not self._stop(tokens[0], strong=True) and self._name_like(tokens[1])):
            k = 1
        while k < len(tokens) and k < 4 and (
                self._name_like(tokens[k]) or (k > 0 and tokens[k] in self.particles)):
            k += 1
        while k and tokens[k - 1] in self.particles:
            k -= 1
        return k if k >= 2 else 0

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
        if text[end - 1] in _CLOSERS:  # «راس ويلسون»، سفير ...
            return self._quoted_before(text, end, limit)
        start = _run_start(text, end, limit)
        words = self.words(text, start, end)
        if not words or words[-1].end() != end:
            return None
        tokens = [w.group() for w in words]
        for i in range(len(tokens)):
            if self.parse(tokens[i:]) == len(tokens) - i and self._first_ok(words[i], original):
                return words[i].start(), end
        # a foreign name: the longest run of name-like words that begins the
        # sentence or follows a function word or a courtesy ("قال السيد X")
        for i in range(max(0, len(tokens) - 4), len(tokens) - 1):
            delimited = (i == 0 and (start <= limit or not text[limit:start].strip()
                                    or text[start - 1] in _OPENERS or start == 0)) or (
                i > 0 and (self._boundary(tokens[i - 1]) or tokens[i - 1] in self.courtesy))
            if delimited and self.loose(tokens[i:]) == len(tokens) - i:
                return words[i].start(), end
        return None


    def _quoted_before(self, text: str, end: int, limit: int) -> tuple[int, int] | None:
        """A name in quotation marks closed at ``end`` ("«راس ويلسون»", "\"چانگ
        دونگ یانگ\""): its words when they all read as a name."""
        opened = max(text.rfind(c, max(limit, end - 44), end - 1) for c in _QUOTE_OPENERS)
        if opened < limit or opened < 0 or "\n" in text[opened:end]:
            return None
        inner_start, inner_end = opened + 1, end - 1
        while inner_end > inner_start and text[inner_end - 1] in " \t\u00a0":
            inner_end -= 1
        inner = self.words(text, inner_start, inner_end)
        tokens = [w.group() for w in inner]
        whole = len(tokens)
        if inner and inner[-1].end() == inner_end and (
                self.parse(tokens) == whole or self.loose(tokens, quoted=True) == whole):
            return inner[0].start(), inner_end
        return None


_MARKS = regex.compile(r"\p{M}+")
_CLOSERS = "»\"”'"
_QUOTE_OPENERS = "«\"“'"
_QUOTED = regex.compile(r"[\s،,]*+[«\"“'](?P<name>[^«»\"“”'\n]{3,40}+)[»\"”']")
_OPENERS = "\n.!?؟:؛«\"“(–-"
_BACK_TOKEN = regex.compile(r"[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*$", flags=regex.REVERSE)


def _run_start(text: str, end: int, limit: int) -> int:
    """Where the run of words (spaces between, on one line) that ends at
    ``end`` begins, read backwards up to 8 words and not before ``limit``."""
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
    return start


@functools.lru_cache(maxsize=8)
@kept_on_disk_for_default("name-reader")
def name_reader(language: Language, gazetteer: Gazetteer) -> NameReader:
    """The name reader of ``language`` (``data/leaders/names.json``); what is no
    name: stop words, role words, country and calendar words."""
    data = load_json("leaders", "names.json")[language]

    def norm(words: Iterable[str]) -> frozenset[str]:
        return lexemes(words, language)

    role_parts = {w for phrase in role_words(language) for w in phrase.split()}
    countries = country_lexicon(language)
    country_words = {w for name in countries for w in name.split()}
    single_countries = {name for name in countries if " " not in name}
    stop = norm(data["stop"]) | frozenset(role_parts)
    given = norm(data["given"]) | (gazetteer_given_names(gazetteer, language) - stop
                                   - norm(data["connectors"]) - norm(data["given_prefixes"])
                                   - norm(data["particles"]))
    weak = (frozenset(country_words) | calendar_words(language)) - given
    return NameReader(
        language, given - frozenset(role_parts) - frozenset(single_countries),
        norm(data["given_prefixes"]), tuple(norm(data["joined_given_prefixes"])),
        norm(data["given_suffixes"]),
        norm(data["connectors"]), stop, weak, frozenset(data["stop_as_written"]),
        norm(data["complement_of"]),
        tuple(data["verb_prefixes"]), tuple(data.get("verb_prefix_exceptions", [])),
        tuple(data.get("stop_prefixes", [])), link_gap(language),
        lexemes(load_json("leaders", "roles.json")["between_title_and_name"][language],
                language),
        norm(data["particles"]),
        gazetteer_given_names(gazetteer, language, least=1) - stop - norm(data["particles"]),
    )


@functools.lru_cache(maxsize=8)
def gazetteer_given_names(gazetteer: Gazetteer, language: Language, *,
                          least: int = 2) -> frozenset[str]:
    """The first word of every full spelling of several words in the gazetteer
    ("علیرضا", "عبدالفتاح", "ميخائيل") of at least ``least`` people: the given names
    news writes, hundreds of them, beside the hand list of ``names.json``. Not a
    word with the Arabic article, a title ("الملك عبدالله") or one of two letters."""
    titles = lexemes(load_json("leaders", "roles.json")["titles_inside_names"][language],
                     language)
    people: dict[str, set[str]] = {}
    for spelling, (person, kind) in gazetteer.names[language].items():
        if kind != "full" or " " not in spelling:
            continue
        first = spelling.split()[0]
        if len(first) > 2 and not first.startswith("ال") and first not in titles:
            people.setdefault(first, set()).add(person)
    # a given name is one that several people bear: a word that begins one
    # person's name only ("بیان", "ارشد") is as often a common word
    return frozenset(w for w, who in people.items() if len(who) >= least)


@functools.lru_cache(maxsize=8)
@kept_on_disk_for_default("surnames")
def surnames(gazetteer: Gazetteer, language: Language) -> Mapping[str, frozenset[str]]:
    """The last word of every spelling of every person, by person key."""
    out: dict[str, set[str]] = {}
    for spelling, (key, kind) in gazetteer.names[language].items():
        if " " in spelling:
            out.setdefault(key, set()).add(spelling.split()[-1])
        elif kind != "full":  # a short name; a one-word full key is a joined full name
            out.setdefault(key, set()).add(spelling)
    return {k: frozenset(v) for k, v in out.items()}


@functools.lru_cache(maxsize=8)
@kept_on_disk_for_default("name-words")
def name_words(gazetteer: Gazetteer, language: Language) -> Mapping[str, tuple[str, ...]]:
    """The skeleton of every full spelling of each person (words joined)."""
    out: dict[str, set[str]] = {}
    for spelling, (key, kind) in gazetteer.names[language].items():
        if kind == "full":
            out.setdefault(key, set()).add("".join(skeleton(w, language)
                                                   for w in spelling.split()))
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=2)
def _proper_name_heads(language: Language) -> regex.Pattern[str]:
    data = load_json("leaders", "names.json")[language]
    heads = alternation(lexeme(w, language) for w in data["institution_heads"])
    courtesy = alternation(lexeme(w, language) for w in data["institution_courtesy"])
    return regex.compile(
        rf"{NOT_LETTER_BEFORE}{clitic_prefix(language)}(?:{heads})\s++"
        rf"(?:(?:{courtesy})\s++){{0,2}}$"
    )


def inside_a_proper_name(text: str, start: int, language: Language) -> bool:
    """Whether a name or title at ``start`` is part of the name of a place, an
    institution, a prize or a programme ("جامعة الملك سعود", "فرودگاه امام
    خمینی", "برنامج خادم الحرمين الشريفين")."""
    return _proper_name_heads(language).search(text, max(0, start - 60), start) is not None


__all__ = [
    "NameReader",
    "gazetteer_given_names",
    "inside_a_proper_name",
    "name_reader",
    "name_words",
    "surnames",
]
