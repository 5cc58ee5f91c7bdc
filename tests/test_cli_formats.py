"""``diplonlp parse --format json|jsonl|html`` and ``-o``: one JSON document
for any number of files, one line per article, one HTML page per article."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import diplonlp
from diplonlp.cli import main
from test_render import check_marks, read_page

ARTICLES = sorted((Path(__file__).parents[1] / "examples" / "articles").glob("*.txt"))


def run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    inp = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    code = main(argv, stdin=inp, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _article(path: Path) -> diplonlp.Article:
    return diplonlp.parse_article(path.read_text(encoding="utf-8"))


# --- json and jsonl ----------------------------------------------------------


def test_json_of_several_files_is_one_array() -> None:
    code, out, err = run(["parse", "--format", "json", *map(str, ARTICLES)])
    assert code == 0, err
    assert out.startswith("[\n  {\n")
    records = json.loads(out)  # one document: concatenated objects would not load
    assert [r["source"] for r in records] == [str(p) for p in ARTICLES]
    for record, path in zip(records, ARTICLES, strict=True):
        assert {k: v for k, v in record.items() if k != "source"} == _article(path).to_dict()


def test_json_of_one_file_or_stdin_stays_one_object() -> None:
    code, out, _ = run(["parse", str(ARTICLES[0])])
    assert code == 0
    assert json.loads(out)["source"] == str(ARTICLES[0])
    code, out, _ = run(["parse", "--format", "json"], stdin="سلام")
    assert code == 0
    assert json.loads(out)["source"] == "-"


def test_jsonl_stays_one_line_per_article() -> None:
    code, out, _ = run(["parse", "--format", "jsonl", *map(str, ARTICLES)])
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(ARTICLES)
    assert [json.loads(line)["source"] for line in lines] == [str(p) for p in ARTICLES]
    code, out, _ = run(["parse", "--format", "jsonl", str(ARTICLES[0])])
    assert len(out.splitlines()) == 1
    assert json.loads(out)["source"] == str(ARTICLES[0])


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_to_an_output_file(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / "sub" / f"out.{fmt}"
    code, out, err = run(["parse", "--format", fmt, "-o", str(target), *map(str, ARTICLES[:2])])
    assert (code, out) == (0, ""), err
    content = target.read_text(encoding="utf-8")
    if fmt == "json":
        assert len(json.loads(content)) == 2
    else:
        assert len(content.splitlines()) == 2
    code, out, _ = run(["parse", "--format", fmt, "-o", "-", str(ARTICLES[0])])
    assert code == 0
    assert json.loads(out.splitlines()[0] if fmt == "jsonl" else out)["source"] == str(ARTICLES[0])


# --- html --------------------------------------------------------------------


def test_html_of_one_file_goes_to_stdout() -> None:
    code, out, err = run(["parse", "--format", "html", str(ARTICLES[0])])
    assert code == 0, err
    assert out.startswith("<!DOCTYPE html>")
    page = read_page(out)
    check_marks(page, _article(ARTICLES[0]))
    assert page.source == str(ARTICLES[0])


def test_html_options_reach_the_parser() -> None:
    code, out, _ = run(["parse", "--format", "html", "--language", "ar",
                        "--reference-date", "2023-08-26", "-"], stdin="اليوم")
    assert code == 0
    page = read_page(out)
    assert page.html_attrs["lang"] == "ar"
    (today,) = page.marks
    assert today.attrs["data-value"] == "2023-08-26"


def test_html_of_one_file_to_a_file_or_into_a_directory(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    code, out, err = run(["parse", "--format", "html", "-o", str(target), str(ARTICLES[1])])
    assert (code, out) == (0, ""), err
    check_marks(read_page(target.read_text(encoding="utf-8")), _article(ARTICLES[1]))
    folder = tmp_path / "pages"
    folder.mkdir()
    code, _, err = run(["parse", "--format", "html", "-o", str(folder), str(ARTICLES[1])])
    assert code == 0, err
    assert (folder / f"{ARTICLES[1].stem}.html").is_file()


def test_html_of_several_files_writes_one_page_each(tmp_path: Path) -> None:
    out_dir = tmp_path / "new" / "pages"  # created when missing
    code, out, err = run(["parse", "--format", "html", "-o", str(out_dir), *map(str, ARTICLES)])
    assert (code, out) == (0, ""), err
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(f"{p.stem}.html" for p in ARTICLES)
    for path in ARTICLES:
        page = read_page((out_dir / f"{path.stem}.html").read_text(encoding="utf-8"))
        check_marks(page, _article(path))
        assert page.source == str(path)
    # again: the pages are replaced, not refused
    code, _, err = run(["parse", "--format", "html", "-o", str(out_dir), *map(str, ARTICLES)])
    assert code == 0, err


def test_html_of_several_files_with_stdin(tmp_path: Path) -> None:
    code, _, err = run(["parse", "--format", "html", "-o", str(tmp_path), str(ARTICLES[0]), "-"],
                       stdin="سلام")
    assert code == 0, err
    assert (tmp_path / "stdin.html").is_file()
    assert (tmp_path / f"{ARTICLES[0].stem}.html").is_file()


def _refused(argv: list[str], needle: str) -> None:
    code, out, err = run(argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("diplonlp: error: ")
    assert needle in err


def test_html_of_several_files_needs_a_directory(tmp_path: Path) -> None:
    files = list(map(str, ARTICLES[:2]))
    _refused(["parse", "--format", "html", *files], "needs -o DIR")
    _refused(["parse", "--format", "html", "-o", "-", *files], "needs -o DIR")
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    _refused(["parse", "--format", "html", "-o", str(a_file), *files], "must be a directory")
    assert a_file.read_text(encoding="utf-8") == "x"


def test_no_input_is_overwritten(tmp_path: Path) -> None:
    page_in = tmp_path / "story.html"  # an input whose page would replace it
    page_in.write_text("سلام", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("مرحبا", encoding="utf-8")
    _refused(["parse", "--format", "html", "-o", str(tmp_path), str(page_in), str(other)],
             "refusing to overwrite the input file")
    _refused(["parse", "--format", "html", "-o", str(page_in), str(page_in)],
             "refusing to overwrite the input file")
    _refused(["parse", "--format", "json", "-o", str(other), str(other)],
             "refusing to overwrite the input file")
    assert page_in.read_text(encoding="utf-8") == "سلام"
    assert other.read_text(encoding="utf-8") == "مرحبا"
    assert not (tmp_path / "other.html").exists()  # nothing written before the refusal


def test_two_inputs_with_one_page_name_are_refused(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text("سلام", encoding="utf-8")
    out_dir = tmp_path / "out"
    _refused(["parse", "--format", "html", "-o", str(out_dir),
              str(tmp_path / "a" / "story.txt"), str(tmp_path / "b" / "story.txt")],
             "both be written to")
    assert not out_dir.exists()


def test_an_unwritable_output_is_one_line(tmp_path: Path) -> None:
    _refused(["parse", "--format", "json", "-o", str(tmp_path), str(ARTICLES[0])],
             "cannot write")


def test_console_script_writes_utf8_html() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "diplonlp", "parse", "--format", "html", str(ARTICLES[0])],
        capture_output=True, check=False, env={"PYTHONIOENCODING": "latin-1", "PATH": ""},
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    page = read_page(proc.stdout.decode("utf-8"))
    check_marks(page, _article(ARTICLES[0]))
