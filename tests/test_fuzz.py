"""Fuzzing from the library's own lexicons: text made of the words the
extractors look for (months, number words, currencies, titles, names,
countries), digits of several scripts, marks and punctuation, in both
languages. Every text must parse, with valid offsets and well-formed values,
and survive the JSON round trip.

Fixed seed (derandomised) and a few thousand examples, run by ``.ci/run``
(``-m slow``). A longer run: ``DIPLONLP_FUZZ_EXAMPLES=200000 python -m pytest
-m slow tests/test_fuzz.py``; ``tools/fuzz_atheris.py`` drives the same checks
with atheris (coverage-guided, optional).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from decimal import Decimal

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplonlp

EXAMPLES = int(os.environ.get("DIPLONLP_FUZZ_EXAMPLES", "3000"))
_ISO = regex.compile(r"(?:\d{4}(?:-\d\d(?:-\d\d)?)?|--\d\d(?:-\d\d)?)")


@functools.cache
def lexicon_words(language: str) -> list[str]:
    """Words from every lexicon of ``language`` (as written in the data files)."""
    from diplonlp._resources import load_json

    words: set[str] = set()

    def collect(node: object) -> None:
        if isinstance(node, str):
            words.add(node)
        elif isinstance(node, list):
            for x in node:
                collect(x)
        elif isinstance(node, dict):
            for k, v in node.items():
                named = k in (language, "words", "units", "names", "adjectives", "given",
                              "stop", "before", "after", "hours", "minutes") or k.isdigit()
                if named or k not in ("fa", "ar", "_about", "_"):
                    collect(v)

    for kind, name in [("dates", "calendar_words.json"), ("dates", "relative.json"),
                       ("dates", "year_cues.json"), ("numbers", "words.json"),
                       ("money", "currencies.json"), ("money", "qualifiers.json"),
                       ("percentages", "words.json"), ("leaders", "roles.json"),
                       ("leaders", "titles.json"), ("leaders", "names.json")]:
        collect(load_json(kind, name).get(language, load_json(kind, name)))
    gazetteer = load_json("leaders", "gazetteer.json")["people"]
    for person in gazetteer[:400]:
        words.update(person["names"][language])
        words.update(person["short_names"][language])
    forms = load_json("countries", "forms.json")
    for code in list(forms[language])[:80]:
        words.update(forms[language][code]["names"])
    return sorted(w for w in words if isinstance(w, str) and 0 < len(w) < 40)


EXTRAS = ["0", "1", "12", "۱۲", "٢٠٢٠", "1.500", "3/4", "۱٫۵", "2,5", "-", "–", "/", ".", "،",
          "%", "٪", "$", "€", "(", ")", "\u200c", "\u064b", "ـ", "ﻻ", "\u00a0", "\u2009", "و",
          "ال", "بـ", "\n", "هـ", "م", "ش", "T10:00", "08:55", "COVID-19", "+98"]


def _texts(language: str) -> st.SearchStrategy[str]:
    word = st.one_of(st.sampled_from(lexicon_words(language)), st.sampled_from(EXTRAS))
    sep = st.sampled_from([" ", "", "  ", "\n", "، ", " و"])
    return st.tuples(st.lists(word, max_size=30), st.lists(sep, min_size=30, max_size=30)).map(
        lambda ws: "".join(w + s for w, s in zip(ws[0], ws[1], strict=False))
    )


def _check(text: str, language: str, ref: dt.date | None) -> None:
    article = diplonlp.parse_article(text, language=language,  # type: ignore[arg-type]
                                     reference_date=ref)
    for m in article.mentions():
        assert text[m.start : m.end] == m.text
    for d in article.dates:
        assert d.value is None or _ISO.fullmatch(d.value), d
    for amount in [*(m.amount for m in article.money), *(p.value for p in article.percentages),
                   *(n.value for n in article.numbers)]:
        assert isinstance(amount, Decimal)
        assert amount.is_finite()
    data = article.to_dict()
    assert diplonlp.Article.from_dict(data, text=text) == article


_SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.slow
@_SETTINGS
@given(_texts("fa"), st.one_of(st.none(), st.dates()))
def test_persian_lexicon_fuzz(text: str, ref: dt.date | None) -> None:
    _check(text, "fa", ref)


@pytest.mark.slow
@_SETTINGS
@given(_texts("ar"), st.one_of(st.none(), st.dates()))
def test_arabic_lexicon_fuzz(text: str, ref: dt.date | None) -> None:
    _check(text, "ar", ref)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(max_size=200), st.sampled_from(["fa", "ar"]))
def test_any_text_in_either_language(text: str, language: str) -> None:
    _check(text, language, None)
