from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import diplonlp
from diplonlp.cli import main

ARTICLES = sorted((Path(__file__).parents[1] / "examples" / "articles").glob("*.txt"))


def run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    inp = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    code = main(argv, stdin=inp, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_bundled_articles_exist() -> None:
    assert len(ARTICLES) >= 4


def test_parse_files_as_jsonl() -> None:
    code, out, err = run(["parse", "--format", "jsonl", *map(str, ARTICLES)])
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == len(ARTICLES)
    for line, path in zip(lines, ARTICLES, strict=True):
        record = json.loads(line)
        assert record["source"] == str(path)
        assert record["language"] in ("fa", "ar")
        text = path.read_text(encoding="utf-8")
        for dim in ("dates", "money", "percentages", "numbers", "leaders"):
            for m in record[dim]:
                assert text[m["start"] : m["end"]] == m["text"]


def test_parse_json_is_indented_and_one_object_per_file() -> None:
    code, out, _ = run(["parse", str(ARTICLES[0])])
    assert code == 0
    assert out.startswith("{\n  ")
    assert json.loads(out)["source"] == str(ARTICLES[0])


def test_parse_stdin() -> None:
    code, out, _ = run(["parse", "--format", "jsonl", "--language", "ar"], stdin="مرحبا")
    assert code == 0
    assert json.loads(out)["language"] == "ar"
    code, out, _ = run(["parse", "-", "--format", "jsonl"], stdin="سلام")
    assert json.loads(out)["source"] == "-"


def test_reference_date_option() -> None:
    code, _, err = run(["parse", "--reference-date", "2023-08-26", "-"], stdin="سلام")
    assert code == 0, err


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["parse", "missing-file.txt"], "no such file: missing-file.txt"),
        (["parse", "--format", "xml", "-"], "invalid choice"),
        (["parse", "--reference-date", "26/08/2023", "-"], "not a date"),
        (["parse", "--language", "en", "-"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
        (["parse", "--nope"], "unrecognized arguments"),
    ],
)
def test_errors_exit_2_with_one_line(argv: list[str], needle: str) -> None:
    code, out, err = run(argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("diplonlp: error: ")
    assert needle in err


def test_directory_and_non_utf8(tmp_path: Path) -> None:
    code, _, err = run(["parse", str(tmp_path)])
    assert (code, "directory" in err) == (2, True)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    code, _, err = run(["parse", str(bad)])
    assert (code, "not UTF-8" in err) == (2, True)


def test_version_and_console_script() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "diplonlp", "--version"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"diplonlp {diplonlp.__version__}"
    proc = subprocess.run(
        [sys.executable, "-m", "diplonlp", "parse", "no-such.txt"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_import_is_light() -> None:
    code = "import sys, diplonlp; print('dateparser' in sys.modules, 'babel' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.split() == ["False", "False"]
