from __future__ import annotations

import json
from decimal import Decimal

import attrs
import pytest

from diplonlp import (
    Article,
    DateMention,
    LeaderMention,
    MoneyMention,
    NumberMention,
    OriginalDate,
    PercentageMention,
    Span,
)

TEXT = "x" * 2000


def _article() -> Article:
    return Article(
        TEXT,
        "fa",
        published=DateMention(121, 131, text=TEXT[121:131], value="2022-01-26"),
        dates=[
            DateMention(
                300, 310, text=TEXT[300:310], value="2022-08-03", calendar="jalali",
                original=OriginalDate(1401, 5, 12),
            ),
            DateMention(108, 123, text=TEXT[108:123], value="2020-09-18"),
        ],
        money=[
            MoneyMention(1218, 1234, text=TEXT[1218:1234], amount=Decimal("1.5E+9"),
                         currency="USD", qualifier="approx"),
            MoneyMention(1300, 1320, text=TEXT[1300:1320], amount=2, max=3, currency=None),
        ],
        percentages=[PercentageMention(1183, 1192, text=TEXT[1183:1192], value="18.30")],
        numbers=[NumberMention(1600, 1603, text=TEXT[1600:1603], value=201)],
        leaders=[
            LeaderMention(158, 171, text=TEXT[158:171], name="Emomali Rahmon", id="Q27771",
                          role="head_of_state", country="TJ", title="t"),
        ],
    )


def test_to_dict_has_the_contract_shape() -> None:
    d = _article().to_dict()
    assert list(d) == [
        "language", "published", "dates", "money", "percentages", "numbers", "leaders",
    ]
    assert d["published"] == {
        "text": TEXT[121:131], "start": 121, "end": 131, "value": "2022-01-26",
        "interval": None, "calendar": "gregorian", "relative": False,
    }
    assert [m["start"] for m in d["dates"]] == [108, 300]
    assert d["dates"][1]["original"] == {"year": 1401, "month": 5, "day": 12}
    assert d["money"][0] == {"text": TEXT[1218:1234], "start": 1218, "end": 1234,
                             "amount": "1500000000", "currency": "USD", "qualifier": "approx"}
    assert d["money"][1]["max"] == "3"
    assert d["money"][1]["currency"] is None
    assert d["percentages"][0]["value"] == "18.3"
    assert d["numbers"][0] == {"text": "xxx", "start": 1600, "end": 1603, "value": "201"}
    assert d["leaders"][0]["id"] == "Q27771"
    json.dumps(d)  # JSON-ready


def test_round_trip_through_dict() -> None:
    article = _article()
    again = Article.from_dict(json.loads(json.dumps(article.to_dict())), text=TEXT)
    assert again == article


def test_decimal_strings_are_exact() -> None:
    m = MoneyMention(0, 1, text="x", amount="0.0000001")
    assert Article("x", "ar", money=[m]).to_dict()["money"][0]["amount"] == "0.0000001"
    m = MoneyMention(0, 1, text="x", amount=Decimal("-2.50"))
    assert Article("x", "ar", money=[m]).to_dict()["money"][0]["amount"] == "-2.5"


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError):
        NumberMention(0, 1, text="1", value=1.5)  # type: ignore[arg-type]


def test_values_are_frozen_and_slotted() -> None:
    m = NumberMention(0, 1, text="1", value=1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        m.value = Decimal(2)  # type: ignore[misc]
    assert not hasattr(m, "__dict__")
    assert attrs.evolve(m, value=Decimal(3)).value == 3


def test_span_invariants() -> None:
    with pytest.raises(ValueError, match="end"):
        Span(5, 4)
    with pytest.raises(ValueError, match="start"):
        Span(-1, 4)
    assert Span(1, 5).overlaps(Span(4, 6))
    assert not Span(1, 4).overlaps(Span(4, 6))
    assert Span(1, 5).contains(Span(2, 5))
    assert len(Span(2, 5)) == 3


def test_enumerated_fields_are_validated() -> None:
    with pytest.raises(ValueError, match="calendar"):
        DateMention(0, 1, text="x", value="2020", calendar="julian")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="role"):
        LeaderMention(0, 1, text="x", role="king")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="language"):
        Article("x", "en")  # type: ignore[arg-type]


def test_mentions_in_text_order() -> None:
    article = _article()
    starts = [m.start for m in article.mentions()]
    assert starts == sorted(starts)
    assert len(starts) == 7  # published is not a mention of the text body
