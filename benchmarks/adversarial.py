"""Time hostile inputs at growing sizes: parsing must stay linear.

    python benchmarks/adversarial.py                  # 10 KB, 100 KB, 1 MB
    python benchmarks/adversarial.py --sizes 10000,100000 --family spaces_title
    python benchmarks/adversarial.py --save           # write benchmarks/adversarial.json

Each family is a small pattern repeated (or a long run between two anchors)
up to the size; the table gives the seconds per size and the growth for each
10x step. Linear work grows about 10x; the target is at most 12x. Every
family is built so that some pattern of the library is tried against it: a
long gap where a pattern allows white space, runs of digits, of clitics, of
lexicon words.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import diplonlp  # noqa: E402


def _gap(head: str, gap: str, tail: str) -> Callable[[int], str]:
    """``head`` + a run of ``gap`` + ``tail``, the run filling the size."""
    def build(size: int) -> str:
        return head + gap * max(1, (size - len(head) - len(tail)) // len(gap)) + tail
    return build


def _repeat(unit: str) -> Callable[[int], str]:
    def build(size: int) -> str:
        return unit * max(1, size // len(unit))
    return build


FAMILIES: dict[str, Callable[[int], str]] = {
    # white space between the parts of a phrase, ended by what no pattern takes
    "spaces_title": _gap("رئیس جمهور ایران", " ", ". ولادیمیر پوتین"),
    "tabs_title": _gap("رئیس جمهور ایران", "\t", ". ولادیمیر پوتین"),
    "newlines_name": _gap("پوتین", "\n", ".پوتین"),
    "spaces_name_ar": _gap("فلاديمير بوتين", " ", "، وزير"),
    "spaces_date": _gap("۱۸", " ", "x سپتامبر ۲۰۲۰"),
    "spaces_money": _gap("۲۰", " ", "x میلیارد دلار"),
    "spaces_qualifier": _gap("أكثر من", " ", "x 5 مليارات دولار"),
    "spaces_courtesy": _gap("وزير الخارجية", " ", "الشيخ" + " " * 50 + "."),
    "nbsp_digits": _gap("12", "\u00a0", "x"),
    # runs of digits, separators and number words
    "digits": _repeat("1234567890"),
    "digit_groups": _repeat("1,234,"),
    "dotted_digits": _repeat("1.2."),
    "slashes": _repeat("1/2/"),
    "number_words_fa": _repeat("هزار و "),
    "number_words_ar": _repeat("ألف و"),
    "scales_ar": _repeat("مليار "),
    "minus_signs": _repeat("- 5 "),
    # runs of lexicon words and clitics
    "clitics": _repeat("وو"),
    "clitic_words": _repeat("وبال"),
    "months_fa": _repeat("مهر "),
    "months_ar": _repeat("أكتوبر "),
    "weekdays_ar": _repeat("الأحد "),
    "titles_fa": _repeat("وزیر "),
    "titles_ar": _repeat("رئيس "),
    "given_names_ar": _repeat("محمد بن "),
    "connectors_ar": _repeat("بن "),
    "relative_ar": _repeat("قبل "),
    "year_cues": _repeat("سال "),
    "marks": _repeat("\u0651\u064e"),
    "zwnj": _repeat("\u200c"),
    "one_letter": _repeat("ب"),
    "punctuation": _repeat("،."),
    # many leaders: every stage that relates hits to one another
    "titled_names_fa": _repeat("امامعلی رحمان رئیس جمهور تاجیکستان روز ۲۰ سپتامبر ۲۰۲۰ گفت. "),
    "titled_names_ar": _repeat("قال وزير الخارجية الأردني أيمن الصفدي أمس إن الصفدي سيزور دمشق. "),
    "unlisted_names_ar": _repeat("وزير الخارجية الموريتاني محمد سالم ولد مرزوك قال. "),
    # titles alone with dates and no sentence end: each title looks for the
    # date of its own sentence (once quadratic: a scan of the text per title)
    "titles_alone_fa": _repeat("رئیس جمهور ایران روز ۲۰ سپتامبر ۲۰۲۰ گفت و "),
    "dense_article": _repeat(
        "رئیس جمهور ایران ۱۸ سپتامبر ۲۰۲۰ با ۱٫۵ میلیارد دلار و ۲۰ درصد به دوشنبه رفت. "
    ),
}

DEFAULT_SIZES = (10_000, 100_000, 1_000_000)


def measure(build: Callable[[int], str], size: int) -> float:
    text = build(size)
    start = time.perf_counter()
    diplonlp.parse_article(text)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    ap.add_argument("--family", action="append", help="only these families")
    ap.add_argument("--save", action="store_true", help="write benchmarks/adversarial.json")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    diplonlp.parse_article("گرم کردن: رئیس جمهور ایران ۱۸ سپتامبر ۲۰۲۰")
    diplonlp.parse_article("تسخين: الرئيس في 18 سبتمبر 2020", language="ar")
    rows = []
    worst = 0.0
    print(f"{'family':18s} " + " ".join(f"{s:>10,d}" for s in sizes) + "   growth per 10x")
    for name, build in FAMILIES.items():
        if args.family and name not in args.family:
            continue
        times = [measure(build, s) for s in sizes]
        growth = [b / a if a > 0 else 0.0 for a, b in itertools.pairwise(times)]
        worst = max([worst, *growth])
        rows.append({"family": name, "sizes": sizes, "seconds": times, "growth": growth})
        print(f"{name:18s} " + " ".join(f"{t:10.4f}" for t in times) + "   "
              + " ".join(f"{g:5.1f}x" for g in growth), flush=True)
    print(f"worst growth per 10x: {worst:.1f}x (target <= 12x)")
    if args.save:
        out = ROOT / "benchmarks" / "adversarial.json"
        out.write_text(json.dumps({"rows": rows, "worst_growth": worst}, indent=1) + "\n",
                       encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
