"""diplonlp.contrib.dateparser: Latin-script dates in Persian and Arabic stories,
with the extra installed and without it."""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys

import pytest

import diplonlp

FA = ("تهران (ایرنا) 2024-05-14T08:30Z - وزیر امور خارجه ایران در نامه‌ای با عنوان "
      "«Joint Statement of 26 January 2022» به دبیرکل سازمان ملل نوشت که ۳۰۰ میلیون دلار "
      "از دارایی‌های ایران هنوز آزاد نشده است.")
AR = ("باريس، 3 آذار/مارس 2019 (أ ف ب) - قال الرئيس الفرنسي إيمانويل ماكرون في بيان حمل "
      "عنوان «Déclaration du 1er avril 2021» إن بلاده ستقدم 50 مليون يورو، وأضاف أن "
      "اللقاء المقبل سيعقد في March 2019 أو le 14 juillet، وليس Jan. 5, 2020.")


def _dates(article: diplonlp.Article) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in article.dates]


def test_core_never_imports_dateparser() -> None:
    code = "import sys, diplonlp; diplonlp.parse_article('26 January 2022 في'); " \
           "print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_without_the_extra_the_error_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from diplonlp.contrib import dateparser as contrib

    for name in [m for m in sys.modules if m == "dateparser" or m.startswith("dateparser.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "dateparser", None)
    with pytest.raises(ImportError, match=r"diplonlp\[dateparser\]"):
        contrib.LatinDateExtractor()


def test_core_alone_reads_only_the_year_of_a_latin_date() -> None:
    # what the extractor adds: the core sees "2019" in "1er avril 2021" at best
    assert ("1er avril 2021", "2021-04-01") not in _dates(diplonlp.parse_article(AR))


@pytest.fixture(scope="module")
def pipe() -> diplonlp.Pipeline:
    pytest.importorskip("dateparser", reason="the dateparser extra is not installed")
    from diplonlp.contrib.dateparser import latin_dates_pipeline

    return latin_dates_pipeline()


def test_persian_story(pipe: diplonlp.Pipeline) -> None:
    article = pipe.parse(FA)
    dates = {d.text: d for d in article.dates}
    stamp = dates["2024-05-14T08:30Z"]
    assert (stamp.value, stamp.time) == ("2024-05-14", "08:30")
    assert dates["26 January 2022"].value == "2022-01-26"
    assert dates["26 January 2022"].interval == ("2022-01-26", "2022-01-26")
    # the day and the year are no longer numbers of their own; the money stays
    assert "26" not in [n.text for n in article.numbers]
    assert [m.text for m in article.money] == ["۳۰۰ میلیون دلار"]
    for d in article.dates:
        assert FA[d.start:d.end] == d.text


def test_arabic_story_french_and_english(pipe: diplonlp.Pipeline) -> None:
    article = pipe.parse(AR)
    got = _dates(article)
    assert ("1er avril 2021", "2021-04-01") in got
    assert ("March 2019", "2019-03") in got
    assert ("Jan. 5, 2020", "2020-01-05") in got
    # the dateline is the core's (Arabic month names); it anchors the year-less
    # date as in the core: the nearest year, at most 90 days after the anchor
    assert got[0] == ("3 آذار/مارس 2019", "2019-03-03")
    assert ("14 juillet", "2018-07-14") in got
    # a core mention inside a Latin date gives way to it: no bare "2021"
    assert ("2021", "2021") not in got


def test_year_from_the_reference_date(pipe: diplonlp.Pipeline) -> None:
    text = "قال المتحدث إن الاجتماع عقد يوم 14 July في جنيف."
    assert _dates(pipe.parse(text, reference_date=dt.date(2023, 8, 1))) == [
        ("14 July", "2023-07-14")]
    assert _dates(pipe.parse(text)) == [("14 July", "--07-14")]


def test_original_offsets_through_normalisation(pipe: diplonlp.Pipeline) -> None:
    # Persian digits and a tatweel before the date: offsets stay on the original
    text = "گفـــت در ۲۶ January ۲۰۲۲ توافق شد."
    (d,) = pipe.parse(text).dates
    assert (d.text, d.value) == ("۲۶ January ۲۰۲۲", "2022-01-26")
    assert text[d.start:d.end] == d.text


@pytest.mark.parametrize("text", [
    "they may 5 times say so و قال",          # the English modal, not the month
    "March forward 2019 قال",                 # no day or year next to the month
    "31 February 2020 قال",                   # no such day
    "Reuters و AFP قالتا",
    "",
    "x" * 20000 + "3 May",                   # glued to a word
])
def test_no_false_dates(pipe: diplonlp.Pipeline, text: str) -> None:
    assert [d for d in pipe.parse(text).dates if d.text.isascii()] == []


def test_long_latin_text(pipe: diplonlp.Pipeline) -> None:
    text = "word " * 20000 + "on 3 May 2021 و"
    assert _dates(pipe.parse(text)) == [("3 May 2021", "2021-05-03")]


def test_pickles_for_worker_processes(pipe: diplonlp.Pipeline) -> None:
    again = pickle.loads(pickle.dumps(pipe))
    assert again.parse(FA).to_dict() == pipe.parse(FA).to_dict()
    got = list(diplonlp.parse_articles([FA, AR], pipeline=pipe, n_process=2))
    assert [a.to_dict() for a in got] == [pipe.parse(FA).to_dict(), pipe.parse(AR).to_dict()]


def test_bad_arguments() -> None:
    pytest.importorskip("dateparser", reason="the dateparser extra is not installed")
    from diplonlp.contrib.dateparser import LatinDateExtractor
    from diplonlp.leaders import LeaderExtractor

    with pytest.raises(ValueError, match="wraps a date extractor"):
        LatinDateExtractor(LeaderExtractor())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="non-empty"):
        LatinDateExtractor(languages="en")
    with pytest.raises(ValueError, match="xx"):
        LatinDateExtractor(languages=("xx",))
