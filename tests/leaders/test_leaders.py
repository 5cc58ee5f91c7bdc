"""Leaders: gazetteer integrity, passages in both languages, user gazetteers."""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import json
from collections import defaultdict
from pathlib import Path

import pytest
import regex

import diplonlp
from diplonlp._resources import load_json
from diplonlp.leaders import LeaderExtractor

ROOT = Path(__file__).parents[2]


def test_name_mention_keeps_its_title() -> None:
    text = "امامعلی رحمان، رئیس جمهور تاجیکستان، گفت"
    article = diplonlp.parse_article(text, reference_date=dt.date(2022, 1, 26))
    first = article.leaders[0]
    assert (first.text, first.title) == ("امامعلی رحمان", "رئیس جمهور تاجیکستان")
    assert article.to_dict()["leaders"][0]["title"] == "رئیس جمهور تاجیکستان"


def test_gazetteer_integrity() -> None:
    people = load_json("leaders", "gazetteer.json")["people"]
    assert len(people) >= 70
    keys = [p["key"] for p in people]
    assert len(keys) == len(set(keys))
    offices: dict[tuple[str, str, str], list[tuple[str, str | None, str]]] = defaultdict(list)
    for person in people:
        assert person["qid"] is None or regex.fullmatch(r"Q[1-9]\d*", person["qid"])
        assert person["names"]["fa"], person["key"]
        assert person["names"]["ar"], person["key"]
        for role in person["roles"]:
            where = role.get("country") or role.get("organization")
            assert where, person["key"]
            dt.date.fromisoformat(role["start"])
            if role["end"]:
                assert role["end"] > role["start"], person["key"]
            office = (role["role"], role.get("office") or "", where)
            offices[office].append((role["start"], role["end"], person["key"]))
    for office, terms in offices.items():
        terms.sort()
        for (_, end, who), (start, _, other) in itertools.pairwise(terms):
            assert end is not None, f"{office}: {who} and {other} overlap"
            assert end <= start, f"{office}: {who} and {other} overlap"


def test_generated_gazetteer_matches_its_table() -> None:
    builder = ROOT / "tools" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer", builder)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    packaged = (ROOT / "src" / "diplonlp" / "data" / "leaders" / "gazetteer.json").read_text(
        "utf-8"
    )
    assert module.render() == packaged, "run: python tools/build_gazetteer.py"


USER_PERSON = {
    "people": [{
        "key": "ambassador_x",
        "name": "Jane Example",
        "qid": None,
        "names": {"fa": ["جین اگزمپل"], "ar": ["جين إكزامبل"]},
        "short_names": {"fa": [], "ar": []},
        "context_short_names": {"fa": [], "ar": []},
        "roles": [{"role": "ambassador", "country": "GB", "start": "2020-01-01", "end": None}],
    }]
}


def test_user_gazetteer_extends_the_bundled_one(tmp_path: Path) -> None:
    path = tmp_path / "people.json"
    path.write_text(json.dumps(USER_PERSON, ensure_ascii=False), encoding="utf-8")
    extractors = [*diplonlp.builtin_extractors()][:-1]
    pipe = diplonlp.Pipeline([*extractors, LeaderExtractor(gazetteer=path)])
    text = "جین اگزمپل با ولادیمیر پوتین دیدار کرد"
    article = pipe.parse(text, reference_date=dt.date(2023, 1, 1))
    assert [(m.name, m.role, m.country) for m in article.leaders] == [
        ("Jane Example", "ambassador", "GB"),
        ("Vladimir Putin", "head_of_state", "RU"),
    ]


def test_user_gazetteer_replaces_the_bundled_one() -> None:
    extractors = [*diplonlp.builtin_extractors()][:-1]
    pipe = diplonlp.Pipeline([*extractors, LeaderExtractor(gazetteer=USER_PERSON, extend=False)])
    article = pipe.parse("جین اگزمپل با ولادیمیر پوتین دیدار کرد")
    assert [m.name for m in article.leaders] == ["Jane Example"]


def test_bad_user_gazetteer(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(diplonlp.DataError, match="E301"):
        LeaderExtractor(gazetteer=path)
