"""Hostile and careless input: each test here would have caught a defect found
by probing the library as an attacker would (issue 12). Timing is measured in
benchmarks/adversarial.py, never asserted here; these tests check structure
and results."""

from __future__ import annotations

import datetime as dt
import decimal
import gc
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import pytest
import regex

import diplonlp
from diplonlp.cli import main

# --- 1. linear time: no pattern can backtrack over a run of white space ---------

#: an unbounded quantifier on a white-space atom that is not possessive ("\s*",
#: "[^\S\n]+", " *"): tried against a long run that is then refused, it tries
#: every split of the run, and the text takes quadratic time
_GREEDY_SPACE = regex.compile(
    r"(?:\\s|\[\^\\S(?:\\n)?\]| |\\t)(?:\*|\+|\{\d+,\})(?![+?])"
)


def _library_patterns(monkeypatch: pytest.MonkeyPatch) -> dict[str, regex.Pattern[str]]:
    """Every pattern the library compiles: its module-level ones, and all that its
    cached builders compile again after their caches are cleared, while text in
    both languages is parsed."""
    found: dict[str, regex.Pattern[str]] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("diplonlp"):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, regex.Pattern):
                found[value.pattern] = value
            elif callable(value) and hasattr(value, "cache_clear"):
                value.cache_clear()
    compile_ = regex.compile

    def spy(pattern: str, *args: object, **kwargs: object) -> regex.Pattern[str]:
        compiled = compile_(pattern, *args, **kwargs)  # type: ignore[arg-type]
        found[compiled.pattern] = compiled
        return compiled

    monkeypatch.setattr(regex, "compile", spy)
    diplonlp.parse_article("رئیس جمهور ایران ۱۸ سپتامبر ۲۰۲۰ با ۲ میلیارد دلار و ۲۰ درصد رفت")
    diplonlp.parse_article("قال الرئيس في 18 سبتمبر 2020 إن أكثر من 5 مليارات دولار و20 بالمئة",
                           language="ar")
    return found


def test_no_pattern_backtracks_over_white_space(monkeypatch: pytest.MonkeyPatch) -> None:
    patterns = _library_patterns(monkeypatch)
    assert len(patterns) > 30
    bad = []
    for source in patterns:
        for m in _GREEDY_SPACE.finditer(source):
            bad.append(source[max(0, m.start() - 30) : m.end() + 10])
    assert not bad, "unbounded, non-possessive white space in: " + "\n".join(bad[:10])


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("رئیس جمهور ایران" + " " * 20_000 + ". ولادیمیر پوتین",
         ["Ebrahim Raisi", "Vladimir Putin"]),
        ("پوتین" + "\n" * 20_000 + ".پوتین", ["Vladimir Putin", "Vladimir Putin"]),
        ("وزیر امور خارجه" + "\t" * 20_000 + "x", []),
    ],
)
def test_long_gaps_give_the_right_mentions(text: str, names: list[str]) -> None:
    article = diplonlp.parse_article(text, reference_date=dt.date(2023, 1, 1))
    assert [m.name for m in article.leaders if m.name] == names


# --- 2. lone surrogates ------------------------------------------------------------


def test_a_lone_surrogate_is_replaced_keeping_offsets() -> None:
    text = "دو\ud800هزار دلار و ۵۰ درصد"
    article = diplonlp.parse_article(text)
    assert article.text == text.replace("\ud800", "\ufffd")
    assert len(article.text) == len(text)
    json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")  # writable
    for m in article.mentions():
        assert article.text[m.start : m.end] == m.text
        assert text[m.start : m.end].replace("\ud800", "\ufffd") == m.text


def _run_cli(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    err, out = io.StringIO(), io.StringIO()
    inp = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8", "surrogatepass")), encoding="utf-8",
                           errors="surrogatepass")
    return main(argv, stdin=inp, stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_batch_survives_lone_surrogates(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    records = [{"id": "a", "text": "دو\ud800هزار دلار"}, {"id": "\udfff", "text": "سلام"},
               {"id": "c", "text": "سلام"}]  # legal JSON (escaped), not valid Unicode
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")
    code, _, err = _run_cli(["batch", str(src), "-o", str(out)])
    assert code == 0
    rows = [json.loads(x) for x in out.read_bytes().decode("utf-8").splitlines()]
    assert [r["line"] for r in rows] == [1, 2, 3]
    assert "error" not in rows[0]
    assert "error" in rows[1]  # its id cannot be written as UTF-8: an error line, not a stop
    assert "error" not in rows[2]
    code, _, err = _run_cli(["batch", str(src), "-o", str(out), "--resume"])
    assert code == 0
    assert "0 done, 0 failed, 3 skipped" in err


# --- 3. any str parses, any date is valid ISO 0001-9999 --------------------------

_ISO = regex.compile(r"(?:\d{4}(?:-\d\d(?:-\d\d)?)?|--\d\d(?:-\d\d)?)")


@pytest.mark.parametrize(
    ("text", "ref", "lang"),
    [
        ("1 يناير 1910 ثم في 15 رمضان", None, "ar"),
        ("في 1 يناير 1910 وصل، وفي يوم 15 رمضان غادر", None, "ar"),
        ("میلیون روز پیش", None, "fa"),
        ("قبل مليون يوم", None, "ar"),
        ("ترلیون ماه بعد", None, "fa"),
        ("9999 سال پیش و ۹۰۰۰ سال بعد", dt.date(2023, 1, 1), "fa"),
        ("روز گذشته", dt.date(1, 1, 1), "fa"),
        ("فردا", dt.date(9999, 12, 31), "fa"),
        ("سال آینده و ماه آینده و هفته آینده", dt.date(9999, 12, 31), "fa"),
        ("سال گذشته و ماه گذشته و شنبه گذشته", dt.date(1, 1, 1), "fa"),
        ("۵ مهر و ۱۵ رمضان", dt.date(1, 1, 1), "fa"),
        ("15 رمضان و5 محرم", dt.date(9999, 12, 31), "ar"),
        ("في 15 رمضان", dt.date(1800, 1, 1), "ar"),
        ("الأحد الماضي والجمعة المقبلة", dt.date(1, 1, 1), "ar"),
        ("بعد 9999 عام", dt.date(9999, 1, 1), "ar"),
    ],
)
def test_dates_at_the_ends_of_the_calendar(text: str, ref: dt.date | None, lang: str) -> None:
    article = diplonlp.parse_article(text, reference_date=ref, language=lang)  # type: ignore[arg-type]
    for d in article.dates:
        assert d.value is None or _ISO.fullmatch(d.value), d
        if d.value and not d.value.startswith("--"):
            assert 1 <= int(d.value[:4]) <= 9999


# --- 4-6, 10. the batch command never destroys or blocks ------------------------------


def _records(path: Path, n: int, ids: list[object] | None = None) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            record = {"text": f"جلسه {i} در تهران برگزار شد"}
            if ids is not None and ids[i] is not None:
                record["id"] = ids[i]  # type: ignore[assignment]
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def test_batch_never_writes_over_its_input(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _records(src, 3)
    before = src.read_bytes()
    link = tmp_path / "link.jsonl"
    link.symlink_to(src)
    for argv in (["batch", str(src), "-o", str(src), "--force"],
                 ["batch", str(src), "-o", str(link), "--force"],
                 ["batch", str(link), "-o", str(src), "--resume"]):
        code, _, err = _run_cli(argv)
        assert code == 2, argv
        assert "is the INPUT" in err
        assert err.count("\n") == 1
    assert src.read_bytes() == before
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("سلام", encoding="utf-8")
    code, _, err = _run_cli(["batch", str(folder), "-o", str(folder / "out.jsonl")])
    assert code == 2
    assert "inside the INPUT folder" in err


def test_batch_keys_records_by_line_whatever_their_ids(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _records(src, 6, ids=["x", "x", None, 4, None, 3])  # duplicates, missing, numbers
    code, _, err = _run_cli(["batch", str(src), "-o", str(out)])
    assert code == 0
    rows = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert [(r["id"], r["line"]) for r in rows] == [
        ("x", 1), ("x", 2), (None, 3), (4, 4), (None, 5), (3, 6)]
    lines = out.read_text("utf-8").splitlines()
    out.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    code, _, err = _run_cli(["batch", str(src), "-o", str(out), "--resume"])
    assert code == 0
    assert "3 done, 0 failed, 3 skipped" in err
    rows = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert sorted(r["line"] for r in rows) == [1, 2, 3, 4, 5, 6]


def test_batch_os_errors_are_one_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _records(src, 2)
    cases = [
        (str(tmp_path / "no" / "such" / "out.jsonl"), "no such folder"),
        (str(tmp_path), "is a folder"),
    ]
    if Path("/dev/full").exists():
        cases.append(("/dev/full", "disk full"))
    for output, needle in cases:
        code, _, err = _run_cli(["batch", str(src), "-o", output, "--force"])
        assert code == 2, output
        assert needle in err, err
        assert err.startswith("diplonlp: error:")
        assert err.strip().count("\n") == 0, err


def test_batch_to_standard_output_and_all_failed(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _records(src, 2)
    code, out, _ = _run_cli(["batch", str(src), "-o", "-"])
    assert code == 0
    assert [json.loads(x)["line"] for x in out.splitlines()] == [1, 2]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n[1]\n", encoding="utf-8")
    code, out, err = _run_cli(["batch", str(bad), "-o", "-"])
    assert code == 1
    assert "0 done, 2 failed" in err
    assert [json.loads(x)["line"] for x in out.splitlines()] == [1, 2]


@pytest.mark.slow
def test_batch_stops_on_sigterm_with_a_message(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _records(src, 4000)
    argv = [sys.executable, "-m", "diplonlp", "batch", str(src), "-o", str(out),
            "--batch-size", "2", "--no-progress"]
    proc = subprocess.Popen(argv, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 1000):
        time.sleep(0.01)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert "terminated" in err
    assert "Traceback" not in err


def test_folder_input_leaves_out_links_that_leave_it(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("رئیس جمهور ایران", encoding="utf-8")
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("سلام", encoding="utf-8")
    (folder / "link.txt").symlink_to(outside)
    out = tmp_path / "out.jsonl"
    code, _, err = _run_cli(["batch", str(folder), "-o", str(out)])
    assert code == 0
    assert [json.loads(x)["id"] for x in out.read_text("utf-8").splitlines()] == ["a.txt"]
    assert "link.txt" in err
    code, _, _ = _run_cli(["batch", str(folder), "-o", str(out), "--force", "--follow-symlinks"])
    assert [json.loads(x)["id"] for x in out.read_text("utf-8").splitlines()] == [
        "a.txt", "link.txt"]


# --- 7. the caller's decimal context ----------------------------------------------


def test_the_callers_decimal_context_changes_nothing() -> None:
    text = "۱۲۳۴۵۶۷ تومان و 123456789012345678901234567890123456789 یورو و ۳٫۱۴۱۵۹۲۶۵۳۵۸۹۷۹۳ درصد"
    expected = diplonlp.parse_article(text).to_dict()
    with decimal.localcontext() as ctx:
        ctx.prec = 4
        ctx.traps[decimal.Inexact] = True
        ctx.traps[decimal.Rounded] = True
        got = diplonlp.parse_article(text).to_dict()
    assert got == expected
    assert expected["money"][0]["amount"] == "12345670"
    assert expected["money"][1]["amount"] == "123456789012345678901234567890123456789"
    assert expected["percentages"][0]["value"] == "3.141592653589793"


def test_digit_runs_too_long_for_a_number_are_left_out() -> None:
    article = diplonlp.parse_article("کد " + "7" * 65 + " و " + "8" * 64)
    assert [m.text for m in article.numbers] == ["8" * 64]


# --- 8. memory: nothing of a document stays behind ---------------------------------


def test_a_parsed_document_leaves_nothing_at_module_level() -> None:
    base = "امامعلی رحمان رئیس جمهور تاجیکستان روز ۲۰ سپتامبر ۲۰۲۰ در دوشنبه گفت. "
    diplonlp.parse_article(base)  # warm-up: build lexicons and patterns
    words = " ".join(f"واژه{i}" for i in range(60_000))  # many distinct words
    text = (base * 2000) + words
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    article = diplonlp.parse_article(text)
    assert article.leaders
    del article
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    # the word memos are bounded (a few MB); the text itself is 1.3 MB in UTF-8
    assert after - before < 8_000_000, after - before


# --- 9. plugins only when asked ---------------------------------------------------------


def _plugin_folder(tmp_path: Path, body: str) -> Path:
    dist = tmp_path / "evil-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: evil\nVersion: 0.1\n",
                                   encoding="utf-8")
    (dist / "entry_points.txt").write_text("[diplonlp.extractors]\nevil = evil_plugin:Evil\n",
                                           encoding="utf-8")
    (tmp_path / "evil_plugin.py").write_text(textwrap.dedent(body), encoding="utf-8")
    return tmp_path


def test_a_plugin_in_the_working_folder_does_not_run_unasked(tmp_path: Path) -> None:
    folder = _plugin_folder(tmp_path, """
        import pathlib
        pathlib.Path("RAN").write_text("yes")
        raise RuntimeError("boom")
    """)
    env = {**os.environ, "PYTHONPATH": str(folder)}
    run = subprocess.run([sys.executable, "-m", "diplonlp", "parse", "-"], input="سلام",
                         capture_output=True, text=True, cwd=folder, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert not (folder / "RAN").exists()
    asked = subprocess.run([sys.executable, "-m", "diplonlp", "parse", "--plugins", "-"],
                           input="سلام", capture_output=True, text=True, cwd=folder, env=env,
                           timeout=120)
    assert asked.returncode == 2
    assert "evil" in asked.stderr
    assert "boom" in asked.stderr
    assert "Traceback" not in asked.stderr


def test_a_broken_plugin_in_batch_is_named_not_a_dead_worker(tmp_path: Path) -> None:
    folder = _plugin_folder(tmp_path, 'raise RuntimeError("boom")\n')
    src = folder / "in.jsonl"
    _records(src, 3)
    env = {**os.environ, "PYTHONPATH": str(folder)}
    run = subprocess.run([sys.executable, "-m", "diplonlp", "batch", str(src), "-o",
                          str(folder / "out.jsonl"), "--workers", "2", "--plugins"],
                         capture_output=True, text=True, cwd=folder, env=env, timeout=300)
    assert run.returncode == 2
    assert "evil" in run.stderr
    assert "worker" not in run.stderr


# --- 11. two numbers joined by "و" -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("دو هزار و دو هزار", ["2000", "2000"]),
        ("خمسة آلاف وثلاثة آلاف", ["5000", "3000"]),
        ("یک میلیون و دویست هزار", ["1200000"]),
        ("هزار و یک", ["1001"]),
    ],
)
def test_two_amounts_joined_by_and(text: str, values: list[str]) -> None:
    article = diplonlp.parse_article(text)
    assert [str(n.value) for n in article.numbers] == values
