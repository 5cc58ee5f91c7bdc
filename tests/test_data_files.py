"""Every language-data file parses and holds what its readers expect."""

from __future__ import annotations

import json
from importlib import resources

import pytest
import regex

from diplonlp._resources import load_json
from diplonlp.errors import DataError
from diplonlp.normalize import normalize_lexeme

DATA_FILES = sorted(
    str(p.relative_to(p.parents[1]))
    for p in resources.files("diplonlp").joinpath("data").rglob("*.json")  # type: ignore[attr-defined]
)


def test_there_are_data_files() -> None:
    assert len(DATA_FILES) >= 12


@pytest.mark.parametrize("name", DATA_FILES)
def test_parses_and_documents_itself(name: str) -> None:
    data = load_json(*name.split("/"))
    assert isinstance(data, dict)
    assert "_about" in data or "_" in data, f"{name} should say what it holds"


def test_months_and_weekdays_are_complete() -> None:
    words = load_json("dates", "calendar_words.json")
    for calendar in ("gregorian", "jalali", "hijri"):
        for language in ("fa", "ar"):
            assert set(words["months"][calendar][language]) == {str(m) for m in range(1, 13)}
    for language in ("fa", "ar"):
        assert set(words["weekdays"][language]) == {str(d) for d in range(7)}


def test_currency_codes_are_iso_4217() -> None:
    known = set(load_json("cldr", "names.json")["currency_codes"])
    data = load_json("money", "currencies.json")
    for unit in data["units"]:
        codes = [unit["code"]] if "code" in unit else list(unit["candidates"].values())
        for code in codes:
            assert code in known, code
        for country in unit.get("candidates", {}):
            assert regex.fullmatch("[A-Z]{2}", country)
    for code in data["symbols"].values():
        assert code is None or code in known


def test_country_forms_use_alpha_2_codes() -> None:
    data = load_json("countries", "forms.json")
    for language in ("fa", "ar"):
        for code in data[language]:
            assert regex.fullmatch("[A-Z]{2}", code), code
        for code in data["cities"][language].values():
            assert regex.fullmatch("[A-Z]{2}", code), code


def test_roles_are_contract_roles() -> None:
    from diplonlp.model import ROLES

    titles = load_json("leaders", "titles.json")
    offices = load_json("leaders", "offices.json")["offices"]
    entries = [*titles["roles"]["fa"], *titles["roles"]["ar"], *titles["bodies"],
               *(e for e in titles["honorifics"] if not e.get("person"))]
    for entry in entries:
        assert entry["role"] in ROLES, entry
        office = entry.get("office")
        if office is not None:
            assert office.split(":")[0] in offices[entry["role"]], entry
    for language in ("fa", "ar"):
        for office in titles["portfolios"][language]:
            assert office in offices["minister"], office


def test_a_broken_file_is_a_clear_error() -> None:
    with pytest.raises(DataError, match="E301"):
        load_json("no-such-folder", "missing.json")


def test_data_is_plain_json_utf8() -> None:
    for name in DATA_FILES:
        path = resources.files("diplonlp").joinpath("data")
        for part in name.split("/"):
            path = path.joinpath(part)
        json.loads(path.read_bytes().decode("utf-8"))


# --- every word that decides behaviour is compared in normalised form --------


def _is_normal(word: str, language: str) -> bool:
    return normalize_lexeme(word, language) == word  # type: ignore[arg-type]


def _loaded_words(language: str) -> dict[str, list[str]]:
    """The words each loader compares against normalised text."""
    from diplonlp.countries import country_lexicon, place_lexicon
    from diplonlp.dates import lexicon
    from diplonlp.dates.lexicon import calendar_words, clock_words, counted_words, needs_cue
    from diplonlp.leaders import default_gazetteer
    from diplonlp.leaders.names import name_reader
    from diplonlp.leaders.titles import organizations, role_words
    from diplonlp.money import currency_lexicon
    from diplonlp.numerals import number_words

    lang = language  # type: ignore[assignment]
    lex = lexicon(lang)
    reader = name_reader(lang, default_gazetteer())
    counted = counted_words(lang)
    hours, minutes, pm = clock_words(lang)
    return {
        "months": list(lex.months), "weekdays": list(lex.weekdays), "eras": list(lex.eras),
        "ordinals": list(lex.ordinals), "relative": list(lex.relative),
        "weekday_after": list(lex.weekday_after), "year_cues": list(lex.year_cues),
        "date_cues": list(lex.date_cues), "month_cues": list(lex.month_cues),
        "needs_cue": [*needs_cue(lang)[0], *needs_cue(lang)[1]],
        "counted": [w for ws in counted["units"].values() for w in ws] + list(counted["duals"]),
        "clock": [*hours, *minutes, *pm],
        "calendar_words": list(calendar_words(lang)),
        "numbers": list(number_words(lang)),
        "currencies": list(currency_lexicon(lang)),
        "countries": list(country_lexicon(lang)), "places": list(place_lexicon(lang)),
        "roles": list(role_words(lang)), "organizations": list(organizations(lang)),
        "given names": [*reader.given, *reader.prefixes, *reader.suffixes],
        "name stops": [*reader.stop, *reader.connectors, *reader.complement_of],
        "gazetteer": list(default_gazetteer().names[lang]),
    }


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_every_loaded_word_is_in_normalised_form(language: str) -> None:
    for kind, words in _loaded_words(language).items():
        bad = [w for w in words if not _is_normal(w, language)]
        assert not bad, f"{kind}: {bad[:10]}"
