"""diplonlp.render: the HTML page of an Article, read back with html.parser.

The page is a contract (see the module's docstring): the text content of
``<div id="text">`` is the original text, every mention is one ``<mark>`` (or,
when it crosses another, several consecutive parts) at its offsets, with its
normalised fields as data-* attributes, and the table lists every mention.
``read_page`` and ``check_marks`` are shared with the browser and CLI tests.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest

import diplonlp
from diplonlp import (
    Article,
    DateMention,
    InvalidOptionError,
    LeaderMention,
    Mention,
    MoneyMention,
    NumberMention,
    PercentageMention,
)
from diplonlp.model import DIMENSIONS
from diplonlp.render import render

EXAMPLES = sorted((Path(__file__).parents[1] / "examples" / "articles").glob("*.txt"))


# --- reading a page back ---------------------------------------------------


@dataclass
class Mark:
    """One <mark> of the text: its attributes, where its text starts in the
    page's text (in characters) and its text content."""

    attrs: dict[str, str | None]
    offset: int
    text: str = ""
    #: the mention numbers of the marks it lies in
    inside: tuple[int, ...] = ()

    @property
    def end(self) -> int:
        return self.offset + len(self.text)


@dataclass
class Row:
    attrs: dict[str, str | None]
    cells: list[str] = field(default_factory=list)


@dataclass
class Page:
    html_attrs: dict[str, str | None] = field(default_factory=dict)
    text: str = ""
    marks: list[Mark] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    legend: list[str] = field(default_factory=list)
    tags: Counter[str] = field(default_factory=Counter)
    title: str = ""
    style: str = ""
    published: str | None = None
    source: str | None = None
    empty_note: bool = False

    def groups(self) -> dict[int, list[Mark]]:
        """The marks of each mention number, in document order."""
        found: dict[int, list[Mark]] = {}
        for mark in self.marks:
            found.setdefault(int(mark.attrs["data-mention"] or "0"), []).append(mark)
        return found


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._text: list[str] = []
        self._where: list[str] = []  # the element we collect text for: text, td, ...
        self._open: list[Mark] = []
        self._in_text = False
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.page.tags[tag] += 1
        if self._in_text:
            assert tag == "mark", f"<{tag}> inside the text"
            mark = Mark(a, offset=sum(map(len, self._text)),
                        inside=tuple(int(m.attrs["data-mention"] or 0) for m in self._open))
            self.page.marks.append(mark)
            self._open.append(mark)
            return
        if tag == "html":
            self.page.html_attrs = a
        elif tag == "div" and a.get("id") == "text":
            self._in_text = True
        elif tag == "tr" and "data-mention" in a:
            self.page.rows.append(Row(a))
        elif tag == "td" and self.page.rows:
            self.page.rows[-1].cells.append("")
            self._where.append("td")
        elif tag == "li" and "data-dim" in a:
            self.page.legend.append(a["data-dim"] or "")
        elif tag in ("title", "style") or (tag == "dd" and a.get("id") == "published"):
            self._where.append(tag if tag != "dd" else "published")
            if tag == "dd":
                self.page.published = ""
        elif tag == "bdi" and a.get("id") == "source":
            self._where.append("source")
            self.page.source = ""
        elif tag == "p" and a.get("class") == "empty":
            self.page.empty_note = True

    def handle_endtag(self, tag: str) -> None:
        if self._in_text:
            if tag == "mark":
                self._open.pop()
            else:
                assert tag == "div"
                assert not self._open, "a <mark> left open"
                self._in_text = False
                self.page.text = "".join(self._text)
            return
        mapping = {"td": "td", "title": "title", "style": "style", "dd": "published",
                   "bdi": "source"}
        if self._where and mapping.get(tag) == self._where[-1]:
            self._where.pop()

    def handle_data(self, data: str) -> None:
        if self._in_text:
            self._text.append(data)
            for mark in self._open:
                mark.text += data
            return
        if not self._where:
            return
        where = self._where[-1]
        if where == "td":
            self.page.rows[-1].cells[-1] += data
        elif where == "title":
            self.page.title += data
        elif where == "style":
            self.page.style += data
        elif where == "published":
            self.page.published = (self.page.published or "") + data
        elif where == "source":
            self.page.source = (self.page.source or "") + data


def read_page(page: str) -> Page:
    reader = _Reader()
    reader.feed(page)
    reader.close()
    return reader.page


def dimension_of(article: Article, mention: Mention) -> str:
    for dim in DIMENSIONS:
        if any(m is mention for m in getattr(article, dim)):
            return dim
    return next(d for d, ms in article.extras.items() if any(m is mention for m in ms))


def expected_attr(value: Any) -> str | None:
    """What the page's contract says a normalised field becomes."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def check_marks(page: Page, article: Article) -> dict[int, list[Mark]]:
    """Every mention of ``article`` is on ``page`` exactly once, at its offsets,
    and the page's text is the article's: the contract of the page."""
    text = article.text
    assert page.text == text.replace("\0", "\ufffd")
    groups = page.groups()
    mentions = article.mentions()
    assert sorted(groups) == list(range(1, len(mentions) + 1))
    on_page: Counter[tuple[str | None, int, int, str | None]] = Counter()
    for number, marks in groups.items():
        first = marks[0]
        start, end = int(first.attrs["data-start"] or -1), int(first.attrs["data-end"] or -1)
        assert first.offset == start, (number, first.attrs)
        assert first.attrs.get("id") == f"m-{number}"
        for before, after in itertools.pairwise(marks):
            assert after.offset == before.end, f"mention {number}: its parts are not contiguous"
            assert "id" not in after.attrs
        if len(marks) > 1:
            assert [m.attrs["data-part"] for m in marks] == [
                f"{i}/{len(marks)}" for i in range(1, len(marks) + 1)]
        else:
            assert "data-part" not in first.attrs
        for mark in marks:
            same = {k: v for k, v in mark.attrs.items() if k not in ("id", "data-part")}
            assert same == {k: v for k, v in first.attrs.items() if k not in ("id", "data-part")}
        assert "".join(m.text for m in marks) == page.text[start:end]
        assert first.attrs["data-text"] == text[start:end]
        on_page[(first.attrs["data-dim"], start, end, first.attrs["data-text"])] += 1
    wanted = Counter((dimension_of(article, m), m.start, m.end, m.text) for m in mentions)
    assert on_page == wanted
    return groups


# --- articles to render ------------------------------------------------------


@attrs.frozen
class TreatyMention(Mention):
    treaty: str = attrs.field(kw_only=True)
    dim: str = attrs.field(kw_only=True, default="reserved-name")
    signed_on: str | None = attrs.field(kw_only=True, default=None)


@pytest.fixture(scope="module")
def examples() -> list[tuple[Path, Article]]:
    return [(p, diplonlp.parse_article(p.read_text(encoding="utf-8"))) for p in EXAMPLES]


def overlapping_article() -> Article:
    #        0         1         2         3         4
    #        0123456789012345678901234567890123456789012345
    text = "رئیس‌جمهور حسن روحانی در ۱۲ مرداد ۱۴۰۱ با ۲۰ درصد رأی"
    leader = LeaderMention(0, 21, text=text[0:21], name="Hassan Rouhani", role="head_of_state",
                           country="IR", title=text[0:10])
    name = LeaderMention(11, 21, text=text[11:21], name="Hassan Rouhani")
    date = DateMention(25, 38, text=text[25:38], value="2022-08-03", calendar="jalali",
                       interval=("2022-08-03", "2022-08-03"))
    year = NumberMention(34, 38, text=text[34:38], value=1401)
    # crosses the date: starts inside it, ends after it
    crossing = TreatyMention(31, 44, text=text[31:44], treaty="x", signed_on="1401")
    percent = PercentageMention(42, 49, text=text[42:49], value=20, qualifier="exact")
    same = TreatyMention(42, 49, text=text[42:49], treaty="same span")
    empty = TreatyMention(24, 24, text="", treaty="zero width")
    return Article(text, "fa", dates=[date], numbers=[year], leaders=[leader, name],
                   percentages=[percent], extras={"treaties": (crossing, same, empty)})


# --- the tests ---------------------------------------------------------------


def test_every_mention_of_the_examples_is_highlighted_once_at_its_offsets(
    examples: list[tuple[Path, Article]],
) -> None:
    assert len(examples) >= 4
    for _, article in examples:
        page = read_page(render(article))
        groups = check_marks(page, article)
        assert len(groups) == len(article.mentions()) > 5


def test_the_normalised_fields_are_data_attributes_and_in_the_title(
    examples: list[tuple[Path, Article]],
) -> None:
    seen: set[str] = set()
    for _, article in examples:
        page = read_page(render(article))
        records = {(d, m["start"], m["end"]): m for d, ms in article.to_dict().items()
                   if isinstance(ms, list) for m in ms}
        for mark in page.marks:
            a = mark.attrs
            record = records[(a["data-dim"] or "", int(a["data-start"] or 0),
                              int(a["data-end"] or 0))]
            title = a["title"] or ""
            assert title.startswith(f"{a['data-dim']}: {record['text']}\n")
            for key, value in record.items():
                if key in ("text", "start", "end"):
                    continue
                name = "data-" + key.replace("_", "-")
                assert a.get(name) == expected_attr(value), (name, record)
                assert f"\n{key}: " in title
                seen.add(f"{a['data-dim']}.{key}")
    for wanted in ("dates.value", "dates.calendar", "dates.interval", "dates.relative",
                   "money.amount", "money.currency", "money.qualifier",
                   "percentages.value", "percentages.qualifier", "numbers.value",
                   "leaders.name", "leaders.role", "leaders.country", "leaders.id",
                   "leaders.title"):
        assert wanted in seen


def test_a_date_carries_its_fields() -> None:
    article = overlapping_article()
    page = read_page(render(article))
    (date,) = page.groups()[_number(page, "dates", 25)]
    assert date.attrs["data-value"] == "2022-08-03"
    assert date.attrs["data-calendar"] == "jalali"
    assert json.loads(date.attrs["data-interval"] or "") == ["2022-08-03", "2022-08-03"]
    assert date.attrs["data-relative"] == "false"
    assert "interval: 2022-08-03/2022-08-03" in (date.attrs["title"] or "")


def _number(page: Page, dim: str, start: int) -> int:
    return next(int(m.attrs["data-mention"] or 0) for m in page.marks
                if m.attrs["data-dim"] == dim and m.attrs["data-start"] == str(start))


def test_overlapping_mentions_nest_or_split_and_none_is_lost() -> None:
    article = overlapping_article()
    page = read_page(render(article))
    groups = check_marks(page, article)
    # the name inside the leader's title span: nested, one element each
    assert len(groups[_number(page, "leaders", 0)]) == 1
    assert len(groups[_number(page, "leaders", 11)]) == 1
    # the treaty crosses the date: split where the date ends, into 2 parts
    crossing = groups[_number(page, "treaties", 31)]
    assert [(m.offset, m.end) for m in crossing] == [(31, 38), (38, 44)]
    # the percentage crosses the treaty too: the later one is split
    assert [(m.offset, m.end) for m in groups[_number(page, "percentages", 42)]] == [
        (42, 44), (44, 49)]
    # same span, two dimensions: both there, split alike (both cross the treaty)
    assert [(m.offset, m.end) for m in groups[_number(page, "treaties", 42)]] == [
        (42, 44), (44, 49)]
    # zero width: an empty element at its place
    (empty,) = groups[_number(page, "treaties", 24)]
    assert (empty.offset, empty.text) == (24, "")
    # the year is inside the date: the date's element holds it
    (year,) = groups[_number(page, "numbers", 34)]
    assert _number(page, "dates", 25) in year.inside
    assert _number(page, "leaders", 0) in groups[_number(page, "leaders", 11)][0].inside


def test_random_overlaps_keep_every_mention_and_every_character() -> None:
    rng = random.Random(20260101)
    alphabet = "اب پت۱۲ 3<>&\"'\r\n\t😀é"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))

        def spans(k: int, text: str = text) -> list[tuple[int, int]]:
            found = []
            for _ in range(k):
                a, b = sorted(rng.randint(0, len(text)) for _ in range(2))
                found.append((a, b))
            return found

        numbers = [NumberMention(a, b, text=text[a:b], value=a) for a, b in spans(rng.randint(0, 5))
                   if a < b]
        extras = {
            "alpha": tuple(Mention(a, b, text=text[a:b]) for a, b in spans(rng.randint(0, 5))),
            "beta": tuple(Mention(a, b, text=text[a:b]) for a, b in spans(rng.randint(0, 3))),
        }
        article = Article(text, "ar", numbers=numbers, extras=extras)
        page = read_page(render(article))
        check_marks(page, article)


def test_text_is_escaped_and_comes_back_unchanged() -> None:
    text = ('<script>alert("x")</script> & \'quoted\' "double" &amp; </div>\r\n'
            "line two\rline three\n\n ۱۲ < ۲۰")
    start = text.index("&amp;")
    numbers = [NumberMention(start, start + 5, text="&amp;", value=1)]
    odd = Mention(0, 8, text="<script>")
    article = Article(text, "fa", numbers=numbers, extras={"<b>x</b>": (odd,)})
    page_html = render(article, title='a "title" <i>', source="dir/<file>.txt")
    assert "<script>" not in page_html
    assert "<b>x</b>" not in page_html
    assert "&#13;" in page_html
    page = read_page(page_html)
    assert page.tags["script"] == 0
    check_marks(page, article)
    assert page.title == 'a "title" <i>'
    assert page.source == "dir/<file>.txt"
    assert "<b>x</b>" in page.legend
    assert {m.attrs["data-dim"] for m in page.marks} == {"numbers", "<b>x</b>"}


def test_nul_is_shown_as_a_replacement_character_at_the_same_place() -> None:
    text = "a\0b ۱۲"
    article = Article(text, "fa", numbers=[NumberMention(4, 6, text="۱۲", value=12)])
    page = read_page(render(article))
    assert page.text == "a\ufffdb ۱۲"
    check_marks(page, article)


def test_an_extras_dimension_has_its_own_generated_colour() -> None:
    article = overlapping_article()
    page_html = render(article)
    page = read_page(page_html)
    assert page.legend == [*DIMENSIONS, "treaties"]
    classes = {m.attrs["data-dim"]: (m.attrs["class"] or "").split() for m in page.marks}
    css = {dim: next(c for c in cls if c != "m") for dim, cls in classes.items()}
    assert len(set(css.values())) == len(css)  # one class, one colour per dimension
    colours = dict(re.findall(r"\.(d\d+) \{ --bg: ([^;]+);", page.style))
    assert len(set(colours.values())) == len(colours)
    assert colours[css["treaties"]].startswith("hsl(")
    # the same on every page, whatever else the article holds
    other = Article("x", "ar", extras={"treaties": (TreatyMention(0, 1, text="x", treaty="y"),)})
    other_colours = dict(re.findall(r"\.(d\d+) \{ --bg: ([^;]+);", read_page(render(other)).style))
    assert other_colours["d5"] == colours[css["treaties"]]
    # the extras' own fields; one named like a page attribute is renamed
    mark = page.groups()[_number(page, "treaties", 31)][0]
    assert mark.attrs["data-treaty"] == "x"
    assert mark.attrs["data-signed-on"] == "1401"
    assert mark.attrs["data-field-dim"] == "reserved-name"
    assert mark.attrs["data-dim"] == "treaties"


def test_an_empty_article() -> None:
    for text in ("", "بدون هیچ چیز"):
        article = Article(text, "fa")
        page = read_page(render(article))
        assert page.text == text
        assert page.marks == []
        assert page.rows == []
        assert page.empty_note
        assert page.tags["table"] == 0
        assert page.legend == list(DIMENSIONS)
    assert read_page(render(Article("", "ar"))).title == "diplonlp"


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_html_is_rtl_utf8_and_in_the_articles_language(language: str) -> None:
    article = Article("متن", language)  # type: ignore[arg-type]
    page_html = render(article)
    assert page_html.startswith("<!DOCTYPE html>\n")
    page = read_page(page_html)
    assert page.html_attrs == {"lang": language, "dir": "rtl"}
    assert '<meta charset="utf-8">' in page_html
    assert "white-space: pre-wrap" in page.style
    font = re.search(r"body \{ font-family: ([^;]+); \}", page.style)
    assert font is not None
    assert "Arabic" in font.group(1)
    assert font.group(1).endswith("sans-serif")
    assert f'data-language="{language}"' in page_html


def test_the_page_needs_no_network_and_runs_no_script(
    examples: list[tuple[Path, Article]],
) -> None:
    for _, article in examples:
        page_html = render(article)
        page = read_page(page_html)
        for tag in ("script", "link", "img", "iframe", "object", "embed"):
            assert page.tags[tag] == 0
        assert "@import" not in page.style
        assert "url(" not in page.style
        assert not re.search(r'(?:src|href)="(?!#)', page_html)


def test_the_table_lists_every_mention(examples: list[tuple[Path, Article]]) -> None:
    for _, article in [*examples, (Path("x"), overlapping_article())]:
        page = read_page(render(article))
        mentions = article.mentions()
        assert len(page.rows) == len(mentions)
        marks = {number: marks[0] for number, marks in page.groups().items()}
        for number, row in enumerate(page.rows, 1):
            mark = marks[number]
            assert row.attrs["id"] == f"row-{number}"
            for key in ("data-mention", "data-dim", "data-start", "data-end"):
                assert row.attrs[key] == mark.attrs[key]
            index, dim, text, start, end, fields = row.cells
            assert (index, dim, text) == (str(number), mark.attrs["data-dim"],
                                          mark.attrs["data-text"])
            assert (start, end) == (mark.attrs["data-start"], mark.attrs["data-end"])
            value = mark.attrs.get("data-value")
            if mark.attrs["data-dim"] == "dates" and value:
                assert value in fields
        starts = [int(r.attrs["data-start"] or 0) for r in page.rows]
        assert starts == sorted(starts)


def test_published_and_source_at_the_top(examples: list[tuple[Path, Article]]) -> None:
    path, article = next((p, a) for p, a in examples if a.published is not None)
    assert article.published is not None
    page_html = render(article, source=str(path))
    page = read_page(page_html)
    assert page.published is not None
    assert article.published.text in page.published
    assert (article.published.value or "") in page.published
    assert page.source == str(path)
    number = _number(page, "dates", article.published.start)
    assert f'<dd id="published"><a href="#m-{number}">' in page_html
    assert read_page(render(Article("x", "fa"))).published is None


def test_title_defaults_to_the_first_line() -> None:
    article = Article("\n\n  سرخط خبر  \nمتن", "fa")
    assert read_page(render(article)).title == "سرخط خبر"
    long = Article("ک" * 500, "fa")
    title = read_page(render(long)).title
    assert len(title) == 120
    assert title.endswith("…")


def test_rendering_is_deterministic(examples: list[tuple[Path, Article]]) -> None:
    _, article = examples[0]
    assert render(article) == render(article)


def test_an_article_whose_mentions_miss_its_text_is_refused(
    examples: list[tuple[Path, Article]],
) -> None:
    _, article = examples[0]
    without_text = Article.from_dict(article.to_dict())
    with pytest.raises(InvalidOptionError, match=r"\[E402\].*Article\.from_dict"):
        render(without_text)
    shifted = Article("x" + article.text, article.language, dates=article.dates)
    with pytest.raises(InvalidOptionError, match="E402"):
        render(shifted)


def test_not_an_article_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="takes an Article, not str"):
        render("متن")  # type: ignore[arg-type]


def test_money_range_fields() -> None:
    text = "بین ۲ تا ۳ میلیارد دلار"
    money = MoneyMention(4, len(text), text=text[4:], amount=Decimal(2_000_000_000),
                         max=Decimal(3_000_000_000), currency="USD", qualifier="exact")
    page = read_page(render(Article(text, "fa", money=[money])))
    (mark,) = page.marks
    assert mark.attrs["data-amount"] == "2000000000"
    assert mark.attrs["data-max"] == "3000000000"
    assert mark.attrs["data-currency"] == "USD"
    assert "max: 3000000000" in (mark.attrs["title"] or "")


def test_helpers_see_a_broken_page() -> None:
    """The checker itself fails on a page whose highlight is misplaced."""
    article = Article("ab cd", "fa", numbers=[NumberMention(3, 5, text="cd", value=1)])
    good = render(article)
    bad = good.replace('data-start="3"', 'data-start="2"', 1)
    with pytest.raises(AssertionError):
        check_marks(read_page(bad), article)


def test_the_page_data_covers_every_dimension_and_language() -> None:
    from diplonlp._resources import load_json
    from diplonlp.model import LANGUAGES

    data = load_json("render", "page.json")
    assert set(data["dimensions"]) == set(DIMENSIONS)
    keys = set(data["labels"][LANGUAGES[0]])
    for language in LANGUAGES:
        assert set(data["labels"][language]) == keys
        assert data["fonts"][language][-1] == "sans-serif"
        for entry in data["dimensions"].values():
            assert entry["label"][language]
    for entry in data["dimensions"].values():
        assert re.fullmatch(r"#[0-9a-f]{6}", entry["background"])
        assert re.fullmatch(r"#[0-9a-f]{6}", entry["border"])


def test_the_package_exports_the_function_not_the_module() -> None:
    """``diplonlp.render`` names both a module and its function: the package
    must export the function eagerly, or importing the module first would leave
    ``diplonlp.render`` bound to the module."""
    if "render" not in diplonlp.__all__:
        pytest.skip("diplonlp/__init__.py does not export render yet")
    code = ("import types, diplonlp.render, diplonlp; "
            "assert not isinstance(diplonlp.render, types.ModuleType), diplonlp.render; "
            "from diplonlp.render import render; assert diplonlp.render is render")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)


def test_importing_render_stays_light() -> None:
    code = ("import sys, diplonlp.render; "
            "print(sorted({'cattrs', 'regex', 'diplonlp.dates'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
