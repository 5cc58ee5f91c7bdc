"""diplonlp.render in a real browser: headless Chromium lays out each example
page, takes a screenshot, and a script (added to a copy of the page for the
test; the page itself runs no script) checks in the laid-out DOM that every
highlight holds the text its offsets say and is drawn where that text is.

Needs the ``chromium`` binary (Debian/Ubuntu: ``apt install chromium``);
skipped without it.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import diplonlp
from diplonlp import Article
from diplonlp.render import render
from test_render import overlapping_article

EXAMPLES = sorted((Path(__file__).parents[1] / "examples" / "articles").glob("*.txt"))
WINDOW = (1280, 1600)

#: Run in the page after layout; writes its findings as JSON into <pre id="check">.
#: Offsets are in code points (Python's str indices), not UTF-16 units.
CHECK_SCRIPT = r"""
<pre id="check"></pre>
<script>
(() => {
  const root = document.getElementById("text");
  const nodes = [];  // [text node, first code point, its code points' UTF-16 starts]
  let count = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const units = [];
    let unit = 0;
    for (const ch of node.data) { units.push(unit); unit += ch.length; }
    units.push(unit);
    nodes.push([node, count, units]);
    count += units.length - 1;
  }
  const locate = (cp) => {  // the (node, UTF-16 offset) of code point cp
    for (const [node, first, units] of nodes) {
      if (cp <= first + units.length - 1) return [node, units[cp - first]];
    }
    return [root, root.childNodes.length];
  };
  const textRects = (start, end) => {  // the rects of the text alone, node by node
    const rects = [];
    for (const [node, first, units] of nodes) {
      const last = first + units.length - 1;
      if (last <= start || first >= end) continue;
      const r = document.createRange();
      r.setStart(node, units[Math.max(start, first) - first]);
      r.setEnd(node, units[Math.min(end, last) - first]);
      rects.push(...Array.from(r.getClientRects()));
    }
    return rects;
  };
  const width = (rects) => rects.reduce((sum, r) => sum + r.width, 0);
  const box = (rects) => {
    const rs = Array.from(rects).filter((r) => r.width > 0 && r.height > 0);
    if (!rs.length) return null;
    return {left: Math.min(...rs.map((r) => r.left)), right: Math.max(...rs.map((r) => r.right)),
            top: Math.min(...rs.map((r) => r.top)), bottom: Math.max(...rs.map((r) => r.bottom))};
  };
  const groups = new Map();
  for (const el of root.querySelectorAll("mark.m")) {
    const n = el.dataset.mention;
    if (!groups.has(n)) groups.set(n, []);
    groups.get(n).push(el);
  }
  const text = Array.from(root.textContent);
  const mentions = [];
  for (const [n, els] of groups) {
    const first = els[0];
    const start = Number(first.dataset.start), end = Number(first.dataset.end);
    const range = document.createRange();
    range.setStart(...locate(start));
    range.setEnd(...locate(end));
    const before = document.createRange();
    before.setStart(root, 0);
    before.setEndBefore(first);
    const markRects = els.flatMap((el) => Array.from(el.getClientRects()));
    const marked = box(markRects);
    const where = box(range.getClientRects());
    const ownText = textRects(start, end);
    const style = getComputedStyle(first);
    mentions.push({
      number: Number(n), dim: first.dataset.dim, start, end, parts: els.length,
      dataText: first.dataset.text, title: first.title,
      content: els.map((el) => el.textContent).join(""),
      atOffsets: text.slice(start, end).join(""),
      rangeText: range.toString(),
      offset: Array.from(before.toString()).length,
      marked, where, background: style.backgroundColor,
      markWidth: width(markRects), textWidth: width(ownText), rects: markRects.length,
      sized: els.every((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0;
      }),
    });
  }
  const page = root.getBoundingClientRect();
  document.getElementById("check").textContent = JSON.stringify({
    text: root.textContent, direction: getComputedStyle(root).direction,
    whiteSpace: getComputedStyle(root).whiteSpace,
    textBox: {left: page.left, right: page.right, top: page.top, bottom: page.bottom},
    rows: document.querySelectorAll("#mentions tbody tr").length, mentions,
  });
})();
</script>
"""


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium binary on PATH: install Chromium (apt install chromium) to run "
                "the browser check")


def _run(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [binary, "--headless=new", "--disable-gpu", "--no-sandbox",
               "--no-first-run", "--disable-extensions", "--hide-scrollbars",
               f"--user-data-dir={profile}", *args]
    env = {**os.environ, "LANG": "C.UTF-8"}
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False,
                          env=env)


def _open(binary: str, work: Path, name: str, article: Article) -> dict[str, Any]:
    page = render(article, source=name)
    checked = work / f"{name}.check.html"
    checked.write_text(page.replace("</body>", CHECK_SCRIPT + "</body>"), encoding="utf-8")
    plain = work / f"{name}.html"
    plain.write_text(page, encoding="utf-8")
    shot = work / f"{name}.png"
    dom = _run(binary, work / f"profile-{name}-dom", "--dump-dom", checked.as_uri())
    snap = _run(binary, work / f"profile-{name}-shot", f"--screenshot={shot}",
                f"--window-size={WINDOW[0]},{WINDOW[1]}", plain.as_uri())
    start = dom.stdout.find('<pre id="check">')
    end = dom.stdout.find("</pre>", start)
    assert start >= 0, f"no check in the dumped DOM (exit {dom.returncode}): {dom.stderr[-2000:]}"
    import html

    report: dict[str, Any] = json.loads(html.unescape(dom.stdout[start + 16:end]))
    report["screenshot"] = shot
    report["screenshot_log"] = snap.stderr[-2000:]
    return report


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Article, dict[str, Any]]]:
    binary = _chromium()
    work = tmp_path_factory.mktemp("browser")
    articles = {p.stem: diplonlp.parse_article(p.read_text(encoding="utf-8")) for p in EXAMPLES}
    articles["overlaps"] = overlapping_article()
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        futures = {name: pool.submit(_open, binary, work, name, article)
                   for name, article in articles.items()}
        return {name: (articles[name], future.result()) for name, future in futures.items()}


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    # the image data decompresses (the file is whole)
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    assert len(zlib.decompress(idat)) >= height * (width * 3 + 1)
    return width, height


@pytest.mark.slow
@pytest.mark.parametrize("name", [*(p.stem for p in EXAMPLES), "overlaps"])
def test_highlights_sit_where_the_offsets_say(
    name: str, reports: dict[str, tuple[Article, dict[str, Any]]],
) -> None:
    article, report = reports[name]
    assert report["text"] == article.text
    assert report["direction"] == "rtl"
    assert report["whiteSpace"] == "pre-wrap"
    mentions = report["mentions"]
    assert len(mentions) == len(article.mentions()) == report["rows"]
    wanted = sorted((m.start, m.end, m.text) for m in article.mentions())
    assert sorted((m["start"], m["end"], m["dataText"]) for m in mentions) == wanted
    colours: dict[str, set[str]] = {}
    text_box = report["textBox"]
    for m in mentions:
        label = f"{name} mention {m['number']} ({m['dim']} {m['start']}:{m['end']})"
        assert m["content"] == m["atOffsets"] == m["rangeText"] == m["dataText"], label
        assert m["offset"] == m["start"], label
        assert m["title"].startswith(f"{m['dim']}: "), label
        if m["start"] == m["end"]:  # a zero-width mention: an empty element, nothing to see
            assert m["parts"] == 1, label
            continue
        assert m["sized"], f"{label} is not drawn"
        marked, where = m["marked"], m["where"]
        assert marked is not None, label
        assert where is not None, label
        # the highlight covers the text at its offsets, and no more across the line
        for side in ("left", "right"):
            assert abs(marked[side] - where[side]) <= 1.5, (label, marked, where)
        assert marked["top"] <= where["top"] + 1.5, (label, marked, where)
        assert marked["bottom"] >= where["bottom"] - 1.5, (label, marked, where)
        # as wide as its text, all lines together: not one character more or less
        assert abs(m["markWidth"] - m["textWidth"]) <= 1.0 * m["rects"], (label, m)
        assert text_box["left"] <= marked["left"] <= marked["right"] <= text_box["right"], label
        assert m["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), label
        colours.setdefault(m["dim"], set()).add(m["background"])
    # one colour per dimension, a different one for each
    assert all(len(c) == 1 for c in colours.values()), colours
    assert len({next(iter(c)) for c in colours.values()}) == len(colours)


@pytest.mark.slow
@pytest.mark.parametrize("name", [p.stem for p in EXAMPLES])
def test_screenshot_is_a_png(name: str, reports: dict[str, tuple[Article, dict[str, Any]]]) -> None:
    _, report = reports[name]
    shot: Path = report["screenshot"]
    assert shot.is_file(), report["screenshot_log"]
    assert shot.stat().st_size > 10_000
    assert _png_size(shot) == WINDOW
