"""parse_articles() and the `diplonlp batch` command: order, processes, bad
records, resumption after SIGKILL."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import diplonlp
from diplonlp.cli import main

ARTICLES = [p.read_text("utf-8") for p in
            sorted((Path(__file__).parents[1] / "examples" / "articles").glob("*.txt"))]
# Short texts in both languages, each different, so that order mistakes show.
SHORT = [
    f"وزیر امور خارجه ایران روز {d} مهر ۱۴۰۲ با {n} میلیون دلار کمک وارد دوشنبه شد."
    for d, n in zip(range(1, 29), range(10, 38), strict=False)
] + [
    f"أعلن وزير الخارجية الأردني أيمن الصفدي في {d} أيار 2023 عن منحة بقيمة {n} مليون دولار."
    for d, n in zip(range(1, 29), range(40, 68), strict=False)
]


def _dicts(items: list[Any]) -> list[dict[str, Any]]:
    return [x.to_dict() for x in items]


def test_order_kept_and_same_as_parse_article() -> None:
    texts = SHORT + ARTICLES
    got = list(diplonlp.parse_articles(texts, batch_size=7, reference_date=dt.date(2023, 9, 1)))
    want = [diplonlp.parse_article(t, reference_date=dt.date(2023, 9, 1)) for t in texts]
    assert _dicts(got) == _dicts(want)


def test_two_processes_give_the_single_process_output() -> None:
    texts = (SHORT + ARTICLES) * 2
    one = list(diplonlp.parse_articles(texts, batch_size=5))
    two = list(diplonlp.parse_articles(texts, n_process=2, batch_size=5))
    assert _dicts(two) == _dicts(one)


def test_records_with_errors_do_not_stop_the_run() -> None:
    records: list[Any] = [
        {"id": "a", "text": SHORT[0]},
        {"id": "b"},
        {"id": "c", "text": 3},
        ("d", SHORT[1]),
        ("e", None),
        {"text": SHORT[2], "when": "2020-01-05"},
        {"id": "f", "text": SHORT[3], "when": "not a date"},
    ]
    for n_process in (1, 2):
        out = list(diplonlp.parse_articles(records, n_process=n_process, batch_size=2,
                                           date_field="when"))
        assert [r.id for r in out] == ["a", "b", "c", "d", "e", 5, "f"]
        assert [r.ok for r in out] == [True, False, False, True, False, True, False]
        assert out[1].error == "no 'text' field"
        assert "int" in (out[2].error or "")
        assert out[3].article is not None
        assert out[3].article.text == SHORT[1]
        assert out[1].to_dict() == {"id": "b", "error": "no 'text' field"}
        assert out[0].to_dict()["id"] == "a"
        assert "dates" in out[0].to_dict()


def test_record_date_field_is_the_reference_date() -> None:
    text = "وزیر امور خارجه ایران دیروز وارد دوشنبه شد."
    (r,) = diplonlp.parse_articles([{"id": 1, "text": text, "d": "2024-03-10T08:00:00"}],
                                   date_field="d")
    assert r.article is not None
    assert [d.value for d in r.article.dates] == ["2024-03-09"]


def test_a_failing_extractor_is_an_error_result() -> None:
    class Broken(diplonlp.BaseExtractor):
        name = "broken"
        produces = "broken"
        requires = ()

        def extract(self, doc: diplonlp.Document) -> Any:
            if "boom" in doc.text:
                raise RuntimeError("boom")
            return iter(())

    pipe = diplonlp.Pipeline([Broken()])
    out = list(diplonlp.parse_articles([("x", "ok"), ("y", "boom"), ("z", "ok")], pipeline=pipe))
    assert [r.ok for r in out] == [True, False, True]
    assert out[1].error == "RuntimeError: boom"
    with pytest.raises(diplonlp.PipelineError, match="E105"):
        list(diplonlp.parse_articles(["ok", "boom"], pipeline=pipe))


def test_bad_options() -> None:
    with pytest.raises(diplonlp.InvalidOptionError):
        diplonlp.parse_articles([], n_process=0)
    with pytest.raises(diplonlp.InvalidOptionError):
        diplonlp.parse_articles([], batch_size=0)
    with pytest.raises(diplonlp.InvalidOptionError):
        diplonlp.parse_articles([], language="en")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        diplonlp.parse_articles([], reference_date="2020-01-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="item 1"):
        list(diplonlp.parse_articles(["a", 5]))  # type: ignore[list-item]


def test_a_single_string_is_refused_not_parsed_per_character() -> None:
    ones: list[Any] = [SHORT[0], SHORT[0].encode("utf-8"), {"id": 1, "text": SHORT[0]}]
    for one in ones:
        with pytest.raises(TypeError, match="parse_article"):
            diplonlp.parse_articles(one)


def test_text_context_tuples_need_as_tuples() -> None:
    pairs = [(SHORT[0], {"row": 7}), (SHORT[30], {"row": 8})]
    with pytest.raises(TypeError, match="as_tuples=True"):
        list(diplonlp.parse_articles(pairs))
    got = list(diplonlp.parse_articles(pairs, as_tuples=True))
    assert [ctx for _, ctx in got] == [{"row": 7}, {"row": 8}]
    assert [a.to_dict() for a, _ in got] == [diplonlp.parse_article(t).to_dict()
                                             for t, _ in pairs]
    # any context, records as payloads, and several processes keep the pairing
    mixed = [(t, i) for i, t in enumerate(SHORT[:20])] + [({"id": "r", "text": SHORT[1]}, "x")]
    two = list(diplonlp.parse_articles(mixed, as_tuples=True, n_process=2, batch_size=3))
    assert [ctx for _, ctx in two] == [*range(20), "x"]
    assert two[-1][0].id == "r"
    assert two[-1][0].ok
    assert two[3][0].to_dict() == diplonlp.parse_article(SHORT[3]).to_dict()
    bad: list[Any] = [(SHORT[0], 1), SHORT[1]]
    with pytest.raises(TypeError, match="item 1"):
        list(diplonlp.parse_articles(bad, as_tuples=True))
    with pytest.raises(diplonlp.InvalidOptionError):
        diplonlp.parse_articles([], as_tuples="yes")  # type: ignore[call-overload]


def test_id_text_pairs_stay_records() -> None:
    got = list(diplonlp.parse_articles([("a", SHORT[0]), ("b", None)]))
    assert [r.id for r in got] == ["a", "b"]
    assert got[0].ok
    assert not got[1].ok


def test_input_is_consumed_lazily() -> None:
    seen: list[int] = []

    def gen() -> Any:
        for i in range(1000):
            seen.append(i)
            yield SHORT[i % len(SHORT)]

    it = diplonlp.parse_articles(gen(), batch_size=4)
    next(it)
    assert len(seen) <= 8


# --- the command ---------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _write_jsonl(path: Path, n: int, *, bad: bool = False) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"a{i}", "text": SHORT[i % len(SHORT)]},
                                ensure_ascii=False) + "\n")
            if bad and i == 2:
                fh.write("{not json\n")
                fh.write(json.dumps({"id": "no-text"}) + "\n")
                fh.write(json.dumps({"id": "num", "text": 12}) + "\n")
                fh.write("[1, 2]\n")


def _run(argv: list[str], stdin: str = "", tty: bool = False) -> tuple[int, str]:
    err: io.StringIO = _Tty() if tty else io.StringIO()
    inp = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    code = main(argv, stdin=inp, stdout=io.StringIO(), stderr=err)
    return code, err.getvalue()


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def _ids(path: Path) -> Counter[str]:
    """The ids of the parsed records (error lines left out)."""
    return Counter(row["id"] for row in _rows(path) if "error" not in row)


def _errors(path: Path) -> dict[int | str, str]:
    return {row["line"] or row["id"]: row["error"] for row in _rows(path) if "error" in row}


def test_batch_jsonl_with_bad_lines(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(src, 12, bad=True)
    code, err = _run(["batch", str(src), "-o", str(out)])
    assert code == 0
    assert _ids(out) == Counter(f"a{i}" for i in range(12))
    assert "line 4: invalid JSON" in err
    assert "line 5: no 'text' field" in err
    assert "line 6: 'text' is int, not str" in err
    assert "line 7: a JSON list, not an object" in err
    assert "12 done, 4 failed, 0 skipped" in err
    rows = _rows(out)
    assert [row["line"] for row in rows] == list(range(1, 17))  # every input line, in order
    assert set(_errors(out)) == {4, 5, 6, 7}
    assert rows[0] == {"id": "a0", "line": 1, **diplonlp.parse_article(SHORT[0]).to_dict()}


def test_batch_refuses_to_overwrite_without_resume_or_force(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(src, 3)
    out.write_text('{"id": "old"}\n', "utf-8")
    code, err = _run(["batch", str(src), "-o", str(out)])
    assert code == 2
    assert "--resume" in err
    assert _run(["batch", str(src), "-o", str(out), "--force"])[0] == 0
    assert _ids(out) == Counter({"a0": 1, "a1": 1, "a2": 1})


def test_batch_resume_skips_done_ids_and_a_partial_line(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(src, 10)
    _run(["batch", str(src), "-o", str(out)])
    lines = out.read_text("utf-8").splitlines()
    out.write_text("\n".join(lines[:4]) + "\n" + lines[4][:50], "utf-8")  # killed mid-line
    code, err = _run(["batch", str(src), "-o", str(out), "--resume", "--workers", "2"])
    assert code == 0
    assert "6 done, 0 failed, 4 skipped" in err
    assert _ids(out) == Counter(f"a{i}" for i in range(10))


def test_batch_folder_stdin_and_progress(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "2023").mkdir(parents=True)
    (folder / "a.txt").write_text(SHORT[0], "utf-8")
    (folder / "2023" / "b.txt").write_text(SHORT[30], "utf-8")
    (folder / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    out = tmp_path / "out.jsonl"
    code, err = _run(["batch", str(folder), "-o", str(out)], tty=True)
    assert code == 0
    assert _ids(out) == Counter({"a.txt": 1, "2023/b.txt": 1})
    assert "bad.txt': not UTF-8" in err
    assert set(_errors(out)) == {"bad.txt"}
    assert "art" in err  # the progress bar's unit
    stdin = json.dumps({"key": 7, "body": SHORT[1], "day": "2023-10-02"}, ensure_ascii=False)
    code, err = _run(["batch", "-", "-o", str(out), "--force", "--id-field", "key",
                      "--text-field", "body", "--date-field", "day", "--no-progress"], stdin)
    assert code == 0
    (record,) = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert record["id"] == 7


def test_batch_usage_errors(tmp_path: Path) -> None:
    assert _run(["batch", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o")])[0] == 2
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, 1)
    code, err = _run(["batch", str(src), "-o", str(tmp_path / "o"), "--workers", "0"])
    assert code == 2
    assert "--workers" in err


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_killed_midway_and_resumed_gives_every_id_once(
    tmp_path: Path, workers: int
) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    n = 3000
    _write_jsonl(src, n)
    argv = [sys.executable, "-m", "diplonlp", "batch", str(src), "-o", str(out),
            "--workers", str(workers), "--batch-size", "2", "--no-progress"]
    proc = subprocess.Popen(argv, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.stat().st_size > 0 and out.read_bytes().count(b"\n") >= 100:
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    killed_at = out.read_bytes().count(b"\n")
    assert 0 < killed_at < n
    resumed = subprocess.run([*argv, "--resume"], capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert "skipped" in resumed.stderr
    ids = _ids(out)
    assert ids == Counter(f"a{i}" for i in range(n))
