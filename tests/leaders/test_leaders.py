"""Leaders: gazetteer integrity, passages in both languages, user gazetteers."""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import regex

import diplonlp
from diplonlp._resources import load_json
from diplonlp.leaders import LeaderExtractor
from diplonlp.leaders.gazetteer import Gazetteer

ROOT = Path(__file__).parents[2]


def test_name_mention_keeps_its_title() -> None:
    text = "امامعلی رحمان، رئیس جمهور تاجیکستان، گفت"
    article = diplonlp.parse_article(text, reference_date=dt.date(2022, 1, 26))
    first = article.leaders[0]
    assert (first.text, first.title) == ("امامعلی رحمان", "رئیس جمهور تاجیکستان")
    assert article.to_dict()["leaders"][0]["title"] == "رئیس جمهور تاجیکستان"


#: Offices several people hold at once: every deputy, envoy, ambassador, and
#: the catch-all "other" offices.
MULTI_HOLDER_ROLES = {"ambassador", "deputy_head_of_state", "deputy_head_of_government",
                      "deputy_minister"}
MULTI_HOLDER_OFFICES = {"other", "state", "agency", "envoy", "permanent_representative",
                        "spokesperson"}
#: Countries whose head of state is two people at once: San Marino's two
#: Captains Regent, Andorra's two co-princes.
CO_HEADS = {("head_of_state", "SM"), ("head_of_state", "AD")}
#: Two holders of one office at once, for more than a month, that are real:
#: acting holders beside a suspended or ill incumbent, rival governments,
#: co-holders, and the Soviet and Russian offices that share the code RU.
KNOWN_DUAL_HOLDERS = {
    frozenset(pair) for pair in [
        ("abal", "somare"), ("abdul_jalil", "gaddafi"), ("ake_g", "soro"),
        ("akhund", "kabir_abdul"), ("aliyev_h", "elchibey"), ("andov", "gligorov"),
        ("aoun_m", "hoss"), ("atasagun_i", "gursel"), ("banda_r", "mwanawasa"),
        ("basescu", "vacaroiu"), ("bessmertnykh", "kozyrev"), ("burjanadze", "saakashvili"),
        ("castro_f", "castro_r"), ("choi_sang_mok", "yoon_suk_yeol"), ("collor", "franco_i"),
        ("cosic", "milosevic"), ("djalo_nandigna", "gomes_junior"),
        ("dong_biwu", "soong_ching_ling"), ("gbagbo", "ouattara"), ("gorbachev", "yeltsin"),
        ("hun_sen", "ranariddh"), ("hun_sen", "ung_huot"), ("hwang_kyo_ahn", "park_geun_hye"),
        ("itzik", "katsav"), ("jibril", "mahmudi"), ("jonathan_g", "yaradua"),
        ("kostunica", "micic"), ("kostunica", "milutinovic"), ("kozyrev", "pankin"),
        ("kozyrev", "shevardnadze"), ("lilic", "milosevic"), ("maiga_abdoulaye", "maiga_ck"),
        ("milosevic", "milutinovic"), ("milosevic", "tomic_d"), ("mitri", "salloukh"),
        ("murillo_r", "ortega_d"), ("omar_mullah", "rabbani_b"), ("paetongtarn", "phumtham"),
        ("prawit", "prayut"), ("ratsiraka", "ravalomanana"), ("rousseff", "temer"),
        ("soe_win", "thein_sein"),
    ]
}


def test_gazetteer_integrity() -> None:
    people = load_json("leaders", "gazetteer.json")["people"]
    assert len(people) >= 4000
    keys = [p["key"] for p in people]
    assert len(keys) == len(set(keys))
    offices: dict[tuple[str, str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for person in people:
        assert person["qid"] is None or regex.fullmatch(r"Q[1-9]\d*", person["qid"])
        assert person["names"]["fa"] or person["names"]["ar"], person["key"]
        for role in person["roles"]:
            where = role.get("country") or role.get("organization")
            assert where, person["key"]
            dt.date.fromisoformat(role["start"])
            if role["end"]:
                assert role["end"] >= role["start"], person["key"]
            office = role.get("office") or ""
            if (role["role"] in MULTI_HOLDER_ROLES or office.split(":")[0] in MULTI_HOLDER_OFFICES
                    or office in ("acting", "regent") or (role["role"], where) in CO_HEADS):
                continue
            offices[(role["role"], office, where)].append(
                (role["start"], role["end"] or "9999-12-31", person["key"]))
    month = dt.timedelta(days=31)
    clashes = []
    for office, terms in offices.items():
        for a, b in itertools.combinations(sorted(terms), 2):
            start, end = max(a[0], b[0]), min(a[1], b[1])
            if a[2] == b[2] or start >= end:
                continue
            if (dt.date.fromisoformat(end) - dt.date.fromisoformat(start) > month
                    and frozenset((a[2], b[2])) not in KNOWN_DUAL_HOLDERS):
                clashes.append(f"{office}: {a[2]} and {b[2]} from {start} to {end}")
    assert not clashes, "\n".join(clashes)


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


GOOD = {"key": "jane_example", "name": "Jane Example",
        "roles": [{"role": "foreign_minister", "country": "XK", "start": "2020-01-01"}],
        "names": {"fa": ["جین اگزمپل"]}}


@pytest.mark.parametrize(("change", "says"), [
    ({"name": None}, "missing field 'name'"),
    ({"key": ""}, "'key' must be a non-empty string"),
    ({"roles": [{"role": "king", "country": "XK"}]}, "role 'king' is not one of"),
    ({"roles": [{"role": "head_of_state"}]}, "needs a 'country' or an 'organization'"),
    ({"roles": [{"role": "head_of_state", "country": "XK", "start": "1 May 2020"}]},
     "'start' is not an ISO date"),
    ({"roles": [{"role": "head_of_state", "country": "XK", "start": "2021-01-01",
                 "end": "2020-01-01"}]}, "ends (2020-01-01) before it starts"),
    ({"roles": {"role": "head_of_state"}}, "'roles' must be a list"),
    ({"names": ["جین اگزمپل"]}, "'names' maps a language"),
    ({"names": {"en": ["Jane"]}}, "'names' has language 'en'"),
    ({"short_names": {"fa": "اگزمپل"}}, "short_names.fa must be a list of spellings"),
    ({"roles": [], "names": {}}, "needs at least one role or one spelling"),
])
def test_malformed_gazetteer_entries_name_the_entry_and_the_problem(
        change: dict[str, Any], says: str) -> None:
    entry = {k: v for k, v in {**GOOD, **change}.items() if v is not None}
    with pytest.raises(diplonlp.DataError, match="E301") as err:
        Gazetteer.from_mapping({"people": [entry]}, source="mine.json")
    what = entry.get("key") or "entry 0"
    assert f"mine.json ({what})" in str(err.value)
    assert says in str(err.value)
    # not an object at all, and people that are not a list
    with pytest.raises(diplonlp.DataError, match=r"mine.json \(entry 0\).*an object"):
        Gazetteer.from_mapping({"people": ["jane"]}, source="mine.json")
    with pytest.raises(diplonlp.DataError, match="must be a list"):
        Gazetteer.from_mapping({"people": {"jane": GOOD}}, source="mine.json")


def test_a_good_user_entry_loads() -> None:
    g = Gazetteer.from_mapping({"people": [GOOD]})
    assert g.people["jane_example"].terms[0].country == "XK"
