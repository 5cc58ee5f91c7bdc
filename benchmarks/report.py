"""Write benchmarks/README.md's tables from benchmarks/results.json.

    python benchmarks/report.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
START, END = "<!-- results:start -->", "<!-- results:end -->"


def _rate(v: Any) -> str:
    return f"{v['articles_per_s']:.0f}" if isinstance(v, dict) else "n/a"


def tables(d: dict[str, Any]) -> str:
    m = d["machine"]
    lines = [
        f"Latest run: {d['when']}, {m['processor']}, {m['cpus']} cores, "
        f"Python {m['python']}, diplonlp {d['diplonlp']}."
        + (f" Host speed: a fixed Python loop took {d['host_loop_s']:.2f} s (lower is faster; "
           f"compare runs by it)." if "host_loop_s" in d else ""),
        "",
        "Articles per second, one process (peers measured in the same run):",
        "",
        "| texts | full pipeline | dates stage | numbers + money | normalise | "
        "search_dates | hazm Normalizer | full / search_dates | dates / search_dates | "
        "normalise / hazm |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, v in d["throughput"].items():
        hazm_ratio = v.get("normalise_vs_hazm_speed_ratio")
        lines.append(
            f"| {name} ({v['articles']} articles, {v['chars']:,} chars) | {_rate(v['full'])} | "
            f"{_rate(v['dates'])} | {_rate(v['numbers_money'])} | {_rate(v['normalise'])} | "
            f"{_rate(v['dateparser_search_dates'])} | {_rate(v.get('hazm_normalizer'))} | "
            f"{v['full_vs_search_dates_speed_ratio']:.1f}x | "
            f"{v['dates_stage_vs_search_dates_speed_ratio']:.1f}x | "
            + (f"{hazm_ratio:.1f}x |" if hazm_ratio else "n/a |")
        )
    fd = d["false_dates_on_seeds"]
    if "skipped" not in fd:
        lines += [
            "",
            f"False dates on the five seed articles (found, not in the gold): diplonlp "
            f"{fd['diplonlp_false_dates']}, `search_dates` {fd['search_dates_false_dates']} "
            f"of the {fd['search_dates_found']} it returned.",
        ]
    lines += [
        "",
        "Cost against text length (a fresh process per size):",
        "",
        "| text | chars | seconds | µs per char | peak allocations (MB) | peak / UTF-8 size |",
        "|---|---|---|---|---|---|",
    ]
    for label, rows in d["scaling"].items():
        for r in rows:
            lines.append(
                f"| {label} | {r['chars']:,} | {r['seconds']:.3f} | {r['us_per_char']:.2f} | "
                f"{r['peak_alloc_mb']:.1f} | {r['peak_alloc_per_text_size']:.1f}x |"
            )
    b = d["batch_1000_articles"]
    lines += [
        "",
        f"`import diplonlp`: {d['import']['import_ms_median']:.0f} ms (median of 7 fresh "
        f"processes); a process after parsing one article: "
        f"{d['import']['rss_after_one_article_mb']:.0f} MB RSS.",
        "",
        f"1,000 articles through `parse_articles`: 1 process "
        f"{b['workers_1']['articles_per_s']:.0f}/s, 2 worker processes "
        f"{b['workers_2']['articles_per_s']:.0f}/s (speed-up {b['speedup_2_vs_1']:.2f}x; "
        f"starting 2 workers alone takes {b.get('worker_start_s', float('nan')):.1f} s); "
        f"after the first result (workers started, patterns compiled): "
        f"{b['workers_1'].get('steady_articles_per_s', float('nan')):.0f}/s and "
        f"{b['workers_2'].get('steady_articles_per_s', float('nan')):.0f}/s "
        f"(speed-up {b.get('steady_speedup_2_vs_1', float('nan')):.2f}x).",
    ]
    g = d.get("leaders_vs_gazetteer_size")
    if g:
        keys = [k for k in g if k.endswith("_people")]
        lines += [
            "",
            "Leaders stage against gazetteer size (same texts): "
            + ", ".join(f"{k.replace('_', ' ')}: {g[k]['leaders_stage_ms_per_article']:.2f} ms "
                        f"per article" for k in keys)
            + f" (ratio {g['x10_vs_bundled_time_ratio']:.2f}).",
        ]
    return "\n".join(lines)


def main() -> None:
    data = json.loads((HERE / "results.json").read_text("utf-8"))
    readme = HERE / "README.md"
    text = readme.read_text("utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    readme.write_text(f"{head}{START}\n{tables(data)}\n{END}{tail}", "utf-8")


if __name__ == "__main__":
    main()
