"""Speed, scaling and memory of diplonlp, measured beside its peers in one run.

    python benchmarks/run.py                 # quick run, writes benchmarks/results.local.json
    python benchmarks/run.py --big           # also the 10 MB text
    python benchmarks/run.py --save          # write the tracked benchmarks/results.json
    python benchmarks/run.py --out FILE      # write elsewhere

Every figure is measured in this run on this machine; peers (dateparser's
``search_dates``, hazm's ``Normalizer`` when the ``hazm`` extra is installed)
run on the same texts, and we report ratios. Wall-clock times are medians of
several rounds after a warm-up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def load_texts() -> dict[str, list[str]]:
    articles = sorted((ROOT / "examples" / "articles").glob("*.txt"))
    texts = {"examples": [p.read_text("utf-8") for p in articles]}
    if SEEDS.is_dir():
        texts["seeds"] = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return texts


def timed(fn: Callable[[], Any], rounds: int) -> dict[str, float]:
    fn()  # warm-up
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return {
        "median_s": statistics.median(samples),
        "min_s": min(samples),
        "max_s": max(samples),
        "rounds": rounds,
    }


def import_time() -> dict[str, float]:
    code = "import time; t=time.perf_counter(); import diplonlp; print(time.perf_counter()-t)"
    samples = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(7)
    ]
    code_rss = (
        "import resource, diplonlp; diplonlp.parse_article(open(%r, encoding='utf-8').read());"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    article = sorted((ROOT / "examples" / "articles").glob("*.txt"))[0]
    rss_kb = int(subprocess.run([sys.executable, "-c", code_rss % str(article)],
                                capture_output=True, text=True, check=True).stdout)
    return {
        "import_ms_median": 1000 * statistics.median(samples),
        "rss_after_one_article_mb": rss_kb / 1024,
    }


def stage_pipelines() -> dict[str, Any]:
    import diplonlp
    from diplonlp.dates import DateExtractor, PublishedDateExtractor
    from diplonlp.money import MoneyExtractor
    from diplonlp.numerals import NumberExtractor, NumeralExtractor
    from diplonlp.percentages import PercentageExtractor

    return {
        "normalise": diplonlp.Pipeline([]),
        # money and numbers read the dates (a year is not an amount), so this
        # stage includes them
        "numbers_money": diplonlp.Pipeline(
            [NumeralExtractor(), DateExtractor(), PercentageExtractor(), MoneyExtractor(),
             NumberExtractor()]
        ),
        "dates": diplonlp.Pipeline([NumeralExtractor(), DateExtractor(), PublishedDateExtractor()]),
        "full": diplonlp.default_pipeline(plugins=False),
    }


def throughput(texts: Sequence[str], rounds: int) -> dict[str, Any]:
    import dateparser.search

    out: dict[str, Any] = {"articles": len(texts), "chars": sum(map(len, texts))}
    for name, pipe in stage_pipelines().items():
        t = timed(lambda pipe=pipe: [pipe.parse(x) for x in texts], rounds)
        out[name] = {**t, "articles_per_s": len(texts) / t["median_s"]}

    def run_dateparser() -> None:
        for x in texts:
            dateparser.search.search_dates(x, languages=["fa", "ar"])

    t = timed(run_dateparser, max(1, rounds // 5))
    out["dateparser_search_dates"] = {**t, "articles_per_s": len(texts) / t["median_s"]}
    out["full_vs_search_dates_speed_ratio"] = (
        out["full"]["articles_per_s"] / out["dateparser_search_dates"]["articles_per_s"]
    )
    out["dates_stage_vs_search_dates_speed_ratio"] = (
        out["dates"]["articles_per_s"] / out["dateparser_search_dates"]["articles_per_s"]
    )
    try:
        import hazm

        normalizer = hazm.Normalizer()
        t = timed(lambda: [normalizer.normalize(x) for x in texts], rounds)
        out["hazm_normalizer"] = {**t, "articles_per_s": len(texts) / t["median_s"]}
        out["normalise_vs_hazm_speed_ratio"] = (
            out["normalise"]["articles_per_s"] / out["hazm_normalizer"]["articles_per_s"]
        )
    except ImportError:
        out["hazm_normalizer"] = "not installed (pip install 'diplonlp[hazm]')"
    return out


def false_dates() -> dict[str, Any]:
    """Dates found on the seeds that the gold does not have, ours vs search_dates."""
    gold_file = SEEDS / "gold.jsonl"
    if not gold_file.exists():
        return {"skipped": "no ../shared/seeds"}
    import dateparser.search

    import diplonlp

    ours_fp = theirs_fp = theirs_total = 0
    for line in gold_file.read_text("utf-8").splitlines():
        gold = json.loads(line)
        text = (SEEDS / f"{gold['id']}.txt").read_text("utf-8")
        spans = [(g["start"], g["end"]) for g in gold["dates"]]
        ref = dt.date.fromisoformat(gold["reference_date"]) if gold.get("reference_date") else None
        for d in diplonlp.parse_article(text, reference_date=ref).dates:
            if not any(d.start < e and s < d.end for s, e in spans):
                ours_fp += 1
        surfaces = [text[s:e] for s, e in spans]
        for found, _ in dateparser.search.search_dates(text, languages=["fa", "ar"]) or []:
            theirs_total += 1
            if not any(found in s or s in found for s in surfaces):
                theirs_fp += 1
    return {"diplonlp_false_dates": ours_fp, "search_dates_false_dates": theirs_fp,
            "search_dates_found": theirs_total}


def _measure_size(args: tuple[str, int, str]) -> dict[str, Any]:
    import tracemalloc

    import diplonlp

    base, size, stage = args
    text = (base * (size // len(base) + 1))[:size]
    pipe = stage_pipelines()[stage]
    pipe.parse("warm up ۱۲ مرداد ۱۴۰۱")
    start = time.perf_counter()
    article = pipe.parse(text)
    seconds = time.perf_counter() - start
    mentions = len(article.mentions())
    del article
    tracemalloc.start()  # a second, traced run for the peak of Python allocations
    pipe.parse(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"chars": size, "seconds": seconds, "us_per_char": 1e6 * seconds / size,
            "peak_alloc_mb": peak / 2**20,
            "peak_alloc_per_text_size": peak / len(text.encode("utf-8")),
            "mentions": mentions, "diplonlp": diplonlp.__version__}


def scaling(texts: Sequence[str], big: bool) -> dict[str, Any]:
    base = "\n\n".join(texts)
    dense = " ".join(
        f"بلغ {i % 97} مليون دولار و {i % 13}.{i % 10} في المئة و ۲۵٫{i % 9} درصد و {i} تن"
        for i in range(200)
    )
    sizes = [10_000, 100_000, 1_000_000] + ([10_000_000] if big else [])
    out: dict[str, Any] = {}
    ctx = mp.get_context("spawn")
    for label, source, stage in (("full_pipeline_articles", base, "full"),
                                 ("numbers_money_dense", dense, "numbers_money")):
        rows = []
        for size in sizes:
            with ctx.Pool(1) as pool:  # a fresh process per size: peak memory is its own
                rows.append(pool.apply(_measure_size, ((source, size, stage),)))
        out[label] = rows
    return out


def batch(texts: Sequence[str]) -> dict[str, Any]:
    """parse_articles() over 1,000 articles with 1 and 2 worker processes; the
    2-process time includes starting the workers (spawn, import, first parse)."""
    import diplonlp

    articles = [texts[i % len(texts)] for i in range(1000)]
    out: dict[str, Any] = {"articles": len(articles)}
    for workers in (1, 2):
        list(diplonlp.parse_articles(articles[:10], n_process=1))  # warm this process
        start = time.perf_counter()
        first = None
        n = 0
        for _ in diplonlp.parse_articles(articles, n_process=workers, batch_size=16):
            n += 1
            if first is None:
                first = time.perf_counter()
        seconds = time.perf_counter() - start
        assert first is not None
        out[f"workers_{workers}"] = {
            "seconds": seconds, "articles_per_s": n / seconds,
            # after the first result: workers started, patterns compiled
            "steady_articles_per_s": (n - 1) / (start + seconds - first),
        }
    start = time.perf_counter()
    list(diplonlp.parse_articles(articles[:2], n_process=2))
    out["worker_start_s"] = time.perf_counter() - start
    out["speedup_2_vs_1"] = out["workers_2"]["articles_per_s"] / out["workers_1"]["articles_per_s"]
    out["steady_speedup_2_vs_1"] = (
        out["workers_2"]["steady_articles_per_s"] / out["workers_1"]["steady_articles_per_s"]
    )
    return out


def gazetteer_size(texts: Sequence[str], rounds: int) -> dict[str, Any]:
    """The leaders stage alone (on documents prepared up to it) with the bundled
    gazetteer and with 10 times as many people: synthetic two-word names of
    realistic length that never occur in the texts. Matching cost must not
    grow with the gazetteer."""
    import random

    import diplonlp
    from diplonlp.leaders import LeaderExtractor, default_gazetteer
    from diplonlp.pipeline import Document

    people = len(default_gazetteer().people)
    rng = random.Random(0)
    letters = {"fa": "ابپتثجچحخدذرزسشصضطظعغفقکگلمنوهی", "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"}

    def word(lang: str) -> str:
        return "".join(rng.choice(letters[lang]) for _ in range(rng.randint(4, 8)))

    fake = []
    for i in range(people * 9):
        names = {lang: (word(lang), word(lang)) for lang in ("fa", "ar")}
        fake.append({
            "key": f"fake{i}", "name": f"Fake {i}", "qid": None,
            "names": {lang: [" ".join(n)] for lang, n in names.items()},
            "short_names": {lang: [n[1]] for lang, n in names.items()},
            "roles": [{"role": "minister", "country": "TJ", "start": "2001-01-01", "end": None}],
        })
    pipe = diplonlp.default_pipeline(plugins=False)
    docs = []
    for text in texts:
        doc = pipe.document(text)
        found: dict[str, Any] = {}
        for ext in pipe.extractors:
            if ext.produces == "leaders":
                break
            d = Document(doc.text, doc.normalized, doc.language, doc.reference_date, found)
            found = {**found, ext.produces: found.get(ext.produces, ()) + tuple(ext.extract(d))}
        docs.append(Document(doc.text, doc.normalized, doc.language, doc.reference_date, found))
    out: dict[str, Any] = {"articles": len(texts)}
    for label, extractor in (
        (f"bundled_{people}_people", LeaderExtractor()),
        (f"x10_{people * 10}_people", LeaderExtractor(gazetteer={"people": fake})),
    ):
        t = timed(lambda e=extractor: [list(e.extract(d)) for d in docs], rounds)
        out[label] = {"leaders_stage_ms_per_article": 1000 * t["min_s"] / len(docs)}
    keys = [k for k in out if k != "articles"]
    out["x10_vs_bundled_time_ratio"] = (
        out[keys[1]]["leaders_stage_ms_per_article"] / out[keys[0]]["leaders_stage_ms_per_article"]
    )
    return out


def host_speed() -> float:
    """Seconds for a fixed pure-Python loop (median of 5): this shared machine's
    speed varies between runs, and this figure lets runs be compared."""
    def loop() -> None:
        total = 0
        for i in range(5_000_000):
            total += i

    return timed(loop, 5)["median_s"]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", action="store_true", help="also measure a 10 MB text")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--save", action="store_true",
                    help="write benchmarks/results.json, the tracked results the README "
                         "tables come from (default: benchmarks/results.local.json)")
    ap.add_argument("--out", type=Path, default=None, help="write the results to FILE")
    args = ap.parse_args(argv)
    if args.out is None:
        args.out = ROOT / "benchmarks" / ("results.json" if args.save else "results.local.json")
    import diplonlp

    texts = load_texts()
    result: dict[str, Any] = {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine(),
                    "cpus": os.cpu_count()},
        "diplonlp": diplonlp.__version__,
        "host_loop_s": host_speed(),
        "import": import_time(),
        "throughput": {name: throughput(ts, args.rounds) for name, ts in texts.items()},
        "false_dates_on_seeds": false_dates(),
        "scaling": scaling(texts["examples"] + texts.get("seeds", []), args.big),
        "batch_1000_articles": batch(texts["examples"] + texts.get("seeds", [])),
        "leaders_vs_gazetteer_size": gazetteer_size(
            texts["examples"] + texts.get("seeds", []), args.rounds
        ),
    }
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
