"""Every Python example in README.md and docs/ runs, and prints what it shows.

How an example is written (docs/extending.md, "Examples in these docs are
tests", says the same for authors):

* Every fenced ```python block of README.md, docs/*.md and the files the docs
  include with ``--8<-- "path"`` is run; other fences (bash, json, toml, text)
  are not.
* The blocks of one file run in order in one namespace: a page reads like one
  session, and a later block may use the names an earlier one defined. Each
  file starts from a fresh namespace, in a fresh temporary working directory
  (an example may write files there).
* A block that cannot run in the test suite (it needs a network, a cluster, a
  database, files that are not there) has ``<!-- no-test: the reason -->`` on
  the line right before its fence. The reason is required. Later blocks must
  not need what a skipped block defines.
* What a block prints is shown in a ```text block right after it, with the
  line ``<!-- output -->`` before that fence (HTML comments show neither on
  GitHub and PyPI nor on the site). It must equal the block's standard output,
  both right-stripped. A block without one may print anything; a skipped
  block may not show output.
* ``<!-- file: NAME -->`` before a fence of any language writes the block's
  content to NAME in the working directory, for the Python blocks after it.
* Tracebacks point at the lines of the Markdown file itself.

The examples that build pipelines also run with the example plugin
(``examples/custom_extractor``) installed, so they must not depend on whether
it is.

All of it takes about 15 s (the scaling page starts two worker processes).
A page whose examples take much longer should not be: use smaller texts.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPET = re.compile(r'^-{1,3}8<-{1,3}\s+"(?P<path>[^"]+)"\s*$', re.MULTILINE)
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*?)[ \t]*$")
NO_TEST = re.compile(r"^\s*<!--\s*no-test\b(?P<rest>.*?)-->\s*$")
FILE = re.compile(r"^\s*<!--\s*file:\s*(?P<name>[\w.-]+)\s*-->\s*$")
OUTPUT = re.compile(r"^\s*<!--\s*output\s*-->\s*$")
ANY_MARKER = re.compile(r"<!--\s*(no-test|output|file)\b")
PYTHON = {"python", "py", "python3"}
#: the plain text count of Python fences, to catch one the parser would miss
RAW_PYTHON_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*(python3?|py)\b", re.I | re.M)


@dataclass
class Block:
    path: Path
    line: int  #: 1-based line of the opening fence
    lang: str
    code: str
    skip: str | None = None  #: the reason after no-test ("" when none is given)
    file: str | None = None  #: write the content to this file (<!-- file: NAME -->)
    output: str | None = None  #: the shown output, when there is one

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


@dataclass
class Page:
    path: Path
    blocks: list[Block] = field(default_factory=list)
    #: misplaced or malformed markers, as "file:line: what"
    problems: list[str] = field(default_factory=list)

    @property
    def python(self) -> list[Block]:
        return [b for b in self.blocks if b.lang in PYTHON]


def _next_nonblank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _fence_at(lines: list[str], i: int) -> tuple[int, str, str, int] | None:
    """(opening line, language, code, index after the closing fence) of a fence at ``i``."""
    m = FENCE.match(lines[i]) if i < len(lines) else None
    if m is None:
        return None
    fence, indent = m["fence"], len(m["indent"])
    closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
    j = i + 1
    while j < len(lines) and not closing.match(lines[j]):
        j += 1
    body = [ln[indent:] if ln[:indent].strip() == "" else ln.lstrip() for ln in lines[i + 1:j]]
    lang = (m["info"].split() or [""])[0].lower()
    return i, lang, "\n".join(body) + "\n", j + 1


def parse_page(path: Path) -> Page:
    page = Page(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    rel = path.relative_to(ROOT)
    used: set[int] = set()  # lines of markers that found their block
    code_lines: set[int] = set()  # lines inside fences
    i = 0
    while i < len(lines):
        fence = _fence_at(lines, i)
        if fence is None:
            i += 1
            continue
        start, lang, code, after = fence
        code_lines.update(range(start, after))
        block = Block(path, start + 1, lang, code)
        # a no-test marker on the last non-blank line before the fence
        k = start - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        if k >= 0 and (m := NO_TEST.match(lines[k])):
            used.add(k)
            block.skip = m["rest"].lstrip(" :").strip()
            if lang not in PYTHON:
                page.problems.append(f"{rel}:{k + 1}: no-test before a {lang or 'plain'} block")
        elif k >= 0 and (m := FILE.match(lines[k])):
            used.add(k)
            block.file = m["name"]
        page.blocks.append(block)
        i = after
        if lang not in PYTHON:
            continue
        # its output: <!-- output --> then a text fence, right after it
        k = _next_nonblank(lines, after)
        if k < len(lines) and OUTPUT.match(lines[k]):
            used.add(k)
            shown = _fence_at(lines, _next_nonblank(lines, k + 1))
            if shown is None or shown[1] != "text":
                page.problems.append(f"{rel}:{k + 1}: <!-- output --> is not followed by a "
                                     "```text block")
                continue
            if block.skip is not None:
                page.problems.append(f"{rel}:{k + 1}: a no-test block cannot show output")
            block.output = shown[2]
            page.blocks.append(Block(path, shown[0] + 1, "text", shown[2]))
            code_lines.update(range(shown[0], shown[3]))
            i = shown[3]
    for k, line in enumerate(lines):
        if k in used or k in code_lines:
            continue
        if ANY_MARKER.search(re.sub(r"`+[^`]*`+", "", line)):
            page.problems.append(f"{rel}:{k + 1}: a marker with no block: {line.strip()}")
    return page


def doc_files() -> list[Path]:
    """README.md, docs/*.md, and the files the docs include (snippets)."""
    files = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
    for page in list(files[1:]):
        for m in SNIPPET.finditer(page.read_text(encoding="utf-8")):
            included = ROOT / m["path"]
            if included not in files:
                files.append(included)
    return files


PAGES = {p: parse_page(p) for p in doc_files()}
RUNNABLE = [p for p, page in PAGES.items() if any(b.skip is None for b in page.python)]
#: pages whose examples build pipelines: also run with the example plugin installed
PIPELINES = [p for p in RUNNABLE if any(
    b.skip is None and ("Pipeline(" in b.code or "plugins" in b.code) for b in PAGES[p].python
)]


def _ids(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.fixture(autouse=True)
def _fresh_default_pipeline() -> Iterator[None]:
    """default_pipeline() is cached per process: plugins found in one test must
    not leak into another."""
    from diplonlp import defaults

    defaults._default_pipeline.cache_clear()
    yield
    defaults._default_pipeline.cache_clear()


def run_page(page: Page) -> None:
    # run as a script: `if __name__ == "__main__":` blocks (worker pools) run
    namespace: dict[str, object] = {"__name__": "__main__"}
    for block in page.blocks:
        if block.file is not None:
            Path(block.file).write_text(block.code, encoding="utf-8")
        if block.lang not in PYTHON or block.skip is not None:
            continue
        # padded so that tracebacks give the Markdown file's own line numbers
        code = compile("\n" * block.line + block.code, str(block.path), "exec")
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(code, namespace)
        if block.output is not None:
            shown, got = block.output.rstrip(), printed.getvalue().rstrip()
            assert got == shown, f"{block.where}: printed (+) is not the output shown (-)"


@pytest.mark.parametrize("path", RUNNABLE, ids=_ids)
def test_examples_run_and_print_what_they_show(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run_page(PAGES[path])


@pytest.fixture
def example_plugin(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """``examples/custom_extractor`` as if it were installed: its source on the
    path and a dist-info with its entry points (read from its pyproject.toml)."""
    example = ROOT / "examples" / "custom_extractor"
    pyproject = (example / "pyproject.toml").read_text(encoding="utf-8")
    section = re.search(r'^\[project\.entry-points\."diplonlp\.extractors"\]\n(.*?)(?=^\[|\Z)',
                        pyproject, re.M | re.S)
    assert section, "examples/custom_extractor/pyproject.toml registers no extractor"
    entries = [ln.replace('"', "").strip() for ln in section[1].splitlines()
               if "=" in ln and not ln.lstrip().startswith("#")]
    site = tmp_path_factory.mktemp("site-packages")
    dist = site / "diplonlp_hashtags-0.1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: diplonlp-hashtags\n"
                                   "Version: 0.1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(
        "[diplonlp.extractors]\n" + "\n".join(entries) + "\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(example / "src"))
    monkeypatch.syspath_prepend(str(site))
    yield entries[0].split("=")[0].strip()
    sys.modules.pop("diplonlp_hashtags", None)


@pytest.mark.parametrize("path", PIPELINES, ids=_ids)
def test_examples_run_with_the_example_plugin_installed(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_plugin: str
) -> None:
    import diplonlp

    monkeypatch.chdir(tmp_path)
    run_page(PAGES[path])
    loaded = [type(e).__module__ for e in diplonlp.load_plugins()]
    assert "diplonlp_hashtags" in loaded, f"the example plugin ({example_plugin}) did not load"


def test_every_python_block_is_run_or_skipped_with_reason() -> None:
    problems: list[str] = []
    for path, page in PAGES.items():
        problems += page.problems
        raw = len(RAW_PYTHON_FENCE.findall(path.read_text(encoding="utf-8")))
        if raw != len(page.python):
            problems.append(f"{_ids(path)}: {raw} python fences, {len(page.python)} parsed")
        problems += [f"{b.where}: no-test needs a reason: <!-- no-test: why -->"
                     for b in page.python if b.skip == ""]
    assert not problems, "\n".join(problems)


def test_the_docs_have_examples() -> None:
    """The collection itself works: the headline example runs and shows output."""
    readme = PAGES[ROOT / "README.md"]
    assert readme.python, "README.md has no Python example"
    assert readme.python[0].skip is None, "the README's first example must run"
    assert readme.python[0].output, "the README's first example must show its output"
    assert sum(len(p.python) for p in PAGES.values()) >= 10


# -- links -----------------------------------------------------------------

LINK = re.compile(r"(?<!!)\[[^\]]*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")


def _links(path: Path) -> Iterator[tuple[int, str]]:
    """(line, target) of every Markdown link outside code."""
    in_code = False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if FENCE.match(line):
            in_code = not in_code
            continue
        if not in_code:
            for m in LINK.finditer(re.sub(r"`[^`]*`", "", line)):
                yield n, m["target"]


def test_readme_links_are_absolute() -> None:
    """The README is also the PyPI page, where relative links break."""
    bad = [f"README.md:{n}: {t}" for n, t in _links(ROOT / "README.md")
           if not re.match(r"https?://|#|mailto:", t)]
    assert not bad, "\n".join(bad)


def test_docs_links_point_at_docs_pages_or_urls() -> None:
    """Relative links between docs pages name a page that exists; anything
    outside docs/ is an absolute URL (it works on GitHub, PyPI and the site)."""
    bad = []
    for path in sorted(DOCS.glob("*.md")):
        for n, target in _links(path):
            if re.match(r"https?://|#|mailto:", target):
                continue
            page = target.split("#")[0]
            if not page.endswith(".md") or not (DOCS / page).resolve().is_file() or (
                DOCS not in (DOCS / page).resolve().parents
            ):
                bad.append(f"{_ids(path)}:{n}: {target}")
    assert not bad, "\n".join(bad)
