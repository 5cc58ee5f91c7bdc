"""An :class:`~diplonlp.model.Article` as one self-contained HTML page.

>>> from diplonlp.render import render
>>> page = render(diplonlp.parse_article(text))
>>> Path("article.html").write_text(page, encoding="utf-8")

The page is for an analyst reading what was found: the article text with
every mention highlighted in its dimension's colour (a legend says which),
the normalised value on hover, and below the text a table of every mention.
It needs nothing from the network and runs no script; its style sheet
(``data/render/page.css``) and its colours, fonts and words in Persian and
Arabic (``data/render/page.json``) are package data, inlined.

The page's structure is a contract that tools and tests read:

* ``<html lang="fa|ar" dir="rtl">``, UTF-8.
* ``<div id="text">`` holds the article text. Its text content is the original
  text character for character, so a mention's ``start``/``end`` index it: a
  carriage return is written ``&#13;`` (HTML parsing would otherwise turn
  ``\\r\\n`` into ``\\n``); NUL, which HTML cannot carry, is shown as U+FFFD.
* Each mention is a ``<mark class="m dN">`` (``dN``: its dimension's colour)
  with ``id="m-K"``, ``data-mention="K"`` (its number, 1-based, in text
  order), ``data-dim``, ``data-start``, ``data-end``, ``data-text`` (the
  mention's text), one ``data-FIELD`` per normalised field of the wire format
  (:meth:`Article.to_dict`: ``data-value``, ``data-calendar``,
  ``data-interval``, ``data-amount``, ``data-currency``, ``data-id`` ...; a
  field's underscores become hyphens, a field that is ``null`` has no
  attribute, a list or an object is compact JSON, ``true``/``false`` are
  written so) and a ``title`` listing them for the hover.
* Overlapping mentions: a mention inside another is nested inside its
  element; two mentions that cross (each holds a part of the other) cannot
  both be one element, so the one that starts later is split at the end of the
  other: its elements carry ``data-part="i/n"`` (and only the first an ``id``),
  and their text, concatenated in document order, is the mention's text. No
  mention is dropped and no character is written twice.
* ``<table id="mentions">``: one row per mention, in the same order, with
  ``id="row-K"`` and the same ``data-mention``/``data-dim``/``data-start``/
  ``data-end``; its cells are the dimension, the text, the offsets and the
  normalised fields.

Dimensions the package does not know (``article.extras``) get a colour
generated from their name, the same on every page.
"""

from __future__ import annotations

import functools
import html
import json
import zlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from attrs import frozen

from diplonlp._resources import load_json
from diplonlp._version import __version__
from diplonlp.errors import DataError, InvalidOptionError
from diplonlp.model import DIMENSIONS, Article, DateMention, Mention

#: data-* names the page itself uses: a normalised field of the same name is
#: written ``data-field-NAME`` instead.
_RESERVED = frozenset({"dim", "start", "end", "text", "mention", "part"})
#: CSS generic font families, written unquoted.
_GENERIC_FONTS = frozenset({"serif", "sans-serif", "monospace", "cursive", "fantasy",
                            "system-ui", "ui-serif", "ui-sans-serif", "ui-monospace"})
#: At most this many characters of the first line make the page's title.
_TITLE_LENGTH = 120


# --- package data ---------------------------------------------------------


@functools.cache
def _style_sheet() -> str:
    from importlib import resources  # imported on first use: it is slow to import

    path = resources.files("diplonlp").joinpath("data").joinpath("render").joinpath("page.css")
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError("E301", path="render/page.css", error=exc) from exc


def _page_data() -> Mapping[str, Any]:
    data: Mapping[str, Any] = load_json("render", "page.json")
    return data


@frozen
class _Dimension:
    """A dimension as the page shows it: its CSS class, colours and label."""

    name: str
    css_class: str
    background: str
    border: str
    label: str


def _dimensions(article: Article) -> tuple[_Dimension, ...]:
    """The built-in dimensions (always, in contract order), then the extras."""
    data = _page_data()
    known: Mapping[str, Any] = data["dimensions"]
    found: list[_Dimension] = []
    for name in (*DIMENSIONS, *(n for n in article.extras if n not in DIMENSIONS)):
        css_class = f"d{len(found)}"
        if name in known:
            entry = known[name]
            found.append(_Dimension(name, css_class, entry["background"], entry["border"],
                                    entry["label"][article.language]))
        else:
            background, border = _generated_colours(name, data["extras"])
            found.append(_Dimension(name, css_class, background, border, name))
    return tuple(found)


def _generated_colours(name: str, scheme: Mapping[str, int]) -> tuple[str, str]:
    """A colour pair for a dimension not in page.json: the hue comes from the
    name (CRC-32, so it is the same on every page and every run)."""
    hue = zlib.crc32(name.encode("utf-8")) % 360
    sat = scheme["saturation"]
    return (f"hsl({hue} {sat}% {scheme['background_lightness']}%)",
            f"hsl({hue} {sat}% {scheme['border_lightness']}%)")


# --- the mentions and their layout ----------------------------------------


@frozen
class _Item:
    """One mention on the page: its number, dimension and wire-format fields."""

    number: int
    dim: _Dimension
    mention: Mention
    fields: Mapping[str, Any]

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end


def _items(article: Article, dims: Sequence[_Dimension]) -> tuple[_Item, ...]:
    """Every mention with its dimension, in text order (ties: dimension order);
    checks that each one indexes the article's text."""
    from diplonlp._serialize import mention_to_dict  # cattrs: loaded on first use

    text = article.text
    pairs: list[tuple[int, _Dimension, Mention]] = []
    for rank, dim in enumerate(dims):
        mentions: Sequence[Mention] = (getattr(article, dim.name) if dim.name in DIMENSIONS
                                       else article.extras.get(dim.name, ()))
        for m in mentions:
            if m.end > len(text) or text[m.start:m.end] != m.text:
                raise InvalidOptionError(
                    "E402", option="render()'s article",
                    expected="an Article whose mentions index its text (rebuild one from "
                             "to_dict() output with Article.from_dict(data, text=original))",
                    value=f"{dim.name} mention {m.text!r} at {m.start}:{m.end}")
            pairs.append((rank, dim, m))
    pairs.sort(key=lambda p: (p[2].start, p[2].end, p[0]))
    items = []
    for number, (_, dim, m) in enumerate(pairs, 1):
        fields = mention_to_dict(m)
        for key in ("text", "start", "end"):
            fields.pop(key)
        items.append(_Item(number, dim, m, fields))
    return tuple(items)


# The layout's tokens: plain named tuples (cheap to define at import time).
class _Open(NamedTuple):
    item: _Item


class _Close(NamedTuple):
    item: _Item


class _Text(NamedTuple):
    start: int
    end: int


_Token = _Open | _Close | _Text


def _layout(items: Sequence[_Item], length: int) -> list[_Token]:
    """The text from 0 to ``length`` cut at every mention boundary, with the
    mentions opened and closed around the pieces as properly nested elements.

    At each boundary, the mentions that end there are closed; any mention
    opened inside them that goes on further is closed too and reopened right
    after (that is the split of a crossing overlap). Then the mentions that
    start there (and the reopened ones) are opened, the one that ends last
    outermost, so a mention inside another is nested in it. A zero-width
    mention is an empty element at its position.
    """
    starting: dict[int, list[_Item]] = {}
    empty: dict[int, list[_Item]] = {}
    for item in items:
        (empty if item.start == item.end else starting).setdefault(item.start, []).append(item)
    bounds = sorted({0, length, *(i.start for i in items), *(i.end for i in items)})
    tokens: list[_Token] = []
    stack: list[_Item] = []
    for k, pos in enumerate(bounds):
        ending = [j for j, open_item in enumerate(stack) if open_item.end == pos]
        reopen: list[_Item] = []
        if ending:
            closed = stack[ending[0]:]
            del stack[ending[0]:]
            tokens.extend(_Close(i) for i in reversed(closed))
            reopen = [i for i in closed if i.end != pos]
        for item in empty.get(pos, ()):
            tokens += [_Open(item), _Close(item)]
        for item in sorted([*reopen, *starting.get(pos, ())],
                           key=lambda i: (-i.end, i.start, i.number)):
            tokens.append(_Open(item))
            stack.append(item)
        if k + 1 < len(bounds):
            tokens.append(_Text(pos, bounds[k + 1]))
    return tokens


# --- HTML -----------------------------------------------------------------


def _escape(value: str) -> str:
    """Text or attribute content that HTML parsing gives back unchanged: a
    carriage return as a character reference (parsing turns a raw ``\\r\\n``
    into ``\\n``), NUL, which no HTML can carry, as U+FFFD."""
    return html.escape(value, quote=True).replace("\r", "&#13;").replace("\0", "\ufffd")


def _attr_name(field: str) -> str:
    name = "".join(c for c in field.lower().replace("_", "-") if c.isascii()
                   and (c.isalnum() or c == "-"))
    return f"field-{name}" if not name or name in _RESERVED else name


def _attr_value(value: Any) -> str | None:
    """A normalised field as a data-* value: None: no attribute."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _shown(value: Any) -> str:
    """A normalised field as a reader sees it: a pair as an ISO 8601 interval
    (``a/b``), an object as ``key=value`` words, null as an em dash."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "/".join(_shown(v) for v in value)
    if isinstance(value, Mapping):
        return " ".join(f"{k}={_shown(v)}" for k, v in value.items() if v is not None)
    return str(value)


def _attrs(pairs: Sequence[tuple[str, str | None]]) -> str:
    return "".join(f' {name}="{_escape(value)}"' for name, value in pairs if value is not None)


def _mark_open(item: _Item, part: int, parts: int) -> str:
    title = "\n".join([f"{item.dim.name}: {item.mention.text}",
                       *(f"{k}: {_shown(v)}" for k, v in item.fields.items())])
    pairs: list[tuple[str, str | None]] = [
        ("class", f"m {item.dim.css_class}"),
        ("id", f"m-{item.number}" if part == 1 else None),
        ("data-mention", str(item.number)),
        ("data-dim", item.dim.name),
        ("data-start", str(item.start)),
        ("data-end", str(item.end)),
        ("data-text", item.mention.text),
        ("data-part", f"{part}/{parts}" if parts > 1 else None),
        *((f"data-{_attr_name(k)}", _attr_value(v)) for k, v in item.fields.items()),
        ("title", title),
    ]
    return f"<mark{_attrs(pairs)}>"


def _text_html(text: str, items: Sequence[_Item]) -> str:
    tokens = _layout(items, len(text))
    parts: dict[int, int] = {}
    for token in tokens:
        if isinstance(token, _Open):
            parts[token.item.number] = parts.get(token.item.number, 0) + 1
    seen: dict[int, int] = {}
    out: list[str] = []
    for token in tokens:
        if isinstance(token, _Text):
            out.append(_escape(text[token.start:token.end]))
        elif isinstance(token, _Open):
            n = token.item.number
            seen[n] = seen.get(n, 0) + 1
            out.append(_mark_open(token.item, seen[n], parts[n]))
        else:
            out.append("</mark>")
    return "".join(out)


def _fields_html(fields: Mapping[str, Any]) -> str:
    rows = "".join(f'<li dir="ltr"><span class="k">{_escape(k)}</span> '
                   f"<bdi>{_escape(_shown(v))}</bdi></li>" for k, v in fields.items())
    return f'<ul class="fields">{rows}</ul>'


def _table_html(items: Sequence[_Item], labels: Mapping[str, str]) -> str:
    head = "".join(f'<th scope="col">{_escape(labels[k])}</th>'
                   for k in ("number", "dimension", "mention", "start", "end", "value"))
    rows: list[str] = []
    for item in items:
        pairs: list[tuple[str, str | None]] = [
            ("id", f"row-{item.number}"), ("data-mention", str(item.number)),
            ("data-dim", item.dim.name), ("data-start", str(item.start)),
            ("data-end", str(item.end)),
        ]
        rows.append(
            f"<tr{_attrs(pairs)}>"
            f'<td class="n"><a href="#m-{item.number}">{item.number}</a></td>'
            f'<td><span class="swatch {item.dim.css_class}"></span>'
            f"<code>{_escape(item.dim.name)}</code></td>"
            f'<td class="t">{_escape(item.mention.text)}</td>'
            f'<td class="n">{item.start}</td><td class="n">{item.end}</td>'
            f"<td>{_fields_html(item.fields)}</td></tr>"
        )
    body = "\n".join(rows)
    return (f'<table id="mentions" class="mentions">\n<thead><tr>{head}</tr></thead>\n'
            f"<tbody>\n{body}\n</tbody>\n</table>")


def _legend_html(dims: Sequence[_Dimension], items: Sequence[_Item], heading: str) -> str:
    counts: dict[str, int] = {}
    for item in items:
        counts[item.dim.name] = counts.get(item.dim.name, 0) + 1
    entries = []
    for dim in dims:
        label = "" if dim.label == dim.name else f"{_escape(dim.label)} "
        entries.append(
            f'<li data-dim="{_escape(dim.name)}"><span class="swatch {dim.css_class}"></span>'
            f'{label}<code>{_escape(dim.name)}</code> '
            f'<span class="count">({counts.get(dim.name, 0)})</span></li>')
    return f'<ul class="legend" aria-label="{_escape(heading)}">' + "".join(entries) + "</ul>"


def _published_html(published: DateMention, items: Sequence[_Item]) -> str:
    shown = _escape(published.text)
    if published.value:
        shown = f'<time datetime="{_escape(published.value)}">{shown}</time>'
    details = [v for v in (published.value, published.calendar) if v]
    if details:
        shown += f' <bdi dir="ltr"><code>{_escape(", ".join(details))}</code></bdi>'
    for item in items:
        if item.dim.name == "dates" and item.mention.span == published.span:
            return f'<a href="#m-{item.number}">{shown}</a>'
    return shown


def _css(language: str, dims: Sequence[_Dimension]) -> str:
    fonts = ", ".join(f if f in _GENERIC_FONTS else json.dumps(f)
                      for f in _page_data()["fonts"][language])
    rules = [f"body {{ font-family: {fonts}; }}"]
    rules += [f".{d.css_class} {{ --bg: {d.background}; --fg: {d.border}; }}" for d in dims]
    return _style_sheet() + "\n" + "\n".join(rules) + "\n"


def _headline(text: str) -> str:
    line = next((s.strip() for s in text.splitlines() if s.strip()), "")
    return line if len(line) <= _TITLE_LENGTH else line[: _TITLE_LENGTH - 1] + "…"


def _lines(article: Article, title: str | None, source: str | None) -> Iterator[str]:
    language = article.language
    labels: Mapping[str, str] = _page_data()["labels"][language]
    dims = _dimensions(article)
    items = _items(article, dims)
    headline = _headline(article.text) if title is None else title
    yield "<!DOCTYPE html>"
    yield f'<html lang="{language}" dir="rtl">'
    yield "<head>"
    yield '<meta charset="utf-8">'
    yield '<meta name="viewport" content="width=device-width, initial-scale=1">'
    yield f'<meta name="generator" content="diplonlp {_escape(__version__)}">'
    yield f"<title>{_escape(headline or 'diplonlp')}</title>"
    yield f"<style>\n{_css(language, dims)}</style>"
    yield "</head>"
    yield "<body>"
    yield "<header>"
    if headline:
        yield f"<h1>{_escape(headline)}</h1>"
    yield '<dl class="meta">'
    yield (f'<dt>{_escape(labels["language"])}</dt><dd data-language="{language}">'
           f"{_escape(labels['language_name'])} <code>{language}</code></dd>")
    if article.published is not None:
        yield (f'<dt>{_escape(labels["published"])}</dt><dd id="published">'
               f"{_published_html(article.published, items)}</dd>")
    if source is not None:
        yield (f'<dt>{_escape(labels["source"])}</dt><dd><bdi id="source">{_escape(source)}'
               "</bdi></dd>")
    yield "</dl>"
    yield _legend_html(dims, items, labels["legend"])
    yield "</header>"
    yield "<main>"
    yield f'<h2>{_escape(labels["text"])}</h2>'
    yield f'<div id="text" class="text">{_text_html(article.text, items)}</div>'
    yield f'<h2>{_escape(labels["mentions"])} ({len(items)})</h2>'
    if items:
        yield _table_html(items, labels)
    else:
        yield f'<p class="empty">{_escape(labels["none"])}</p>'
    yield "</main>"
    yield f"<footer>diplonlp {_escape(__version__)}</footer>"
    yield "</body>"
    yield "</html>"


def render(article: Article, *, title: str | None = None, source: str | None = None) -> str:
    """The HTML page of ``article``: its text with every mention highlighted,
    a legend, and a table of the mentions (see the module's docstring for the
    page's structure).

    ``title`` heads the page (by default the article's first non-empty line,
    shortened); ``source`` (a file name, a URL) is shown under it when given.
    Raises :class:`TypeError` when ``article`` is not an :class:`Article`, and
    :class:`~diplonlp.errors.InvalidOptionError` (E402) when a mention does not
    index ``article.text`` (an Article rebuilt with ``from_dict`` without its
    text).
    """
    if not isinstance(article, Article):
        raise TypeError(f"render() takes an Article, not {type(article).__name__}")
    return "\n".join(_lines(article, title, source)) + "\n"


__all__ = ["render"]
