"""The Dask integration, on a LocalCluster of two worker processes: the same
results as parse_articles()."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import diplonlp

dask = pytest.importorskip("dask")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")
pd = pytest.importorskip("pandas")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

from diplonlp.contrib.dask import (  # noqa: E402
    MENTION_COLUMNS,
    mention_rows,
    mentions_frame,
    parse_bag,
    parse_dataframe,
)

ARTICLES = [p.read_text("utf-8") for p in
            sorted((Path(__file__).parents[1] / "examples" / "articles").glob("*.txt"))]
TEXTS = ARTICLES * 3 + ["", "وزیر امور خارجه ایران دیروز وارد دوشنبه شد."]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as c:
        yield c


def _expected() -> list[dict[str, Any]]:
    records = [{"id": i, "text": t} for i, t in enumerate(TEXTS)]
    return [r.to_dict() for r in diplonlp.parse_articles(records)]


def test_bag_gives_the_parse_articles_dicts(client: Any) -> None:
    records = [{"id": i, "text": t} for i, t in enumerate(TEXTS)]
    bag = parse_bag(db.from_sequence(records, npartitions=4))
    assert bag.compute() == _expected()
    assert len(client.scheduler_info()["workers"]) == 2


def test_bag_of_pairs_and_bad_records(client: Any) -> None:
    items: list[Any] = [("x", TEXTS[0]), {"id": "y"}, ("z", 5)]
    out = parse_bag(db.from_sequence(items, npartitions=2)).compute()
    assert out[0]["id"] == "x"
    assert "dates" in out[0]
    assert out[1] == {"id": "y", "error": "no 'text' field"}
    assert out[2]["id"] == "z"
    assert "error" in out[2]


def test_dataframe_series_and_flattened_mentions(client: Any) -> None:
    frame = pd.DataFrame({"url": [f"u{i}" for i in range(len(TEXTS))], "body": TEXTS})
    ddf = dd.from_pandas(frame, npartitions=3)
    series = parse_dataframe(ddf, text_column="body", id_column="url").compute()
    want = _expected()
    assert [d["id"] for d in series] == list(frame["url"])
    assert [{**d, "id": i} for i, d in enumerate(series)] == want
    flat = parse_dataframe(ddf, text_column="body", id_column="url", flatten=True).compute()
    assert list(flat.columns) == list(MENTION_COLUMNS)
    local = mentions_frame([{**d, "id": f"u{i}"} for i, d in enumerate(want)])
    assert flat.reset_index(drop=True).equals(local.reset_index(drop=True))
    assert set(flat["dimension"]) <= {"dates", "money", "percentages", "numbers", "leaders"}
    assert len(flat) == sum(len(mention_rows(d)) for d in want)
    leaders = flat[flat["dimension"] == "leaders"]
    assert (leaders["role"].notna()).all()
    for _, row in flat.iterrows():
        text = frame.loc[int(row["id"][1:]), "body"]
        assert text[row["start"]:row["end"]] == row["text"]


def test_the_index_is_the_default_id(client: Any) -> None:
    frame = pd.DataFrame({"text": TEXTS[:3]}, index=[10, 20, 30])
    series = parse_dataframe(dd.from_pandas(frame, npartitions=2)).compute()
    assert [d["id"] for d in series] == [10, 20, 30]
