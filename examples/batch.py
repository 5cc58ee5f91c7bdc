"""From one article to a cluster, on the bundled example articles.

    python examples/batch.py            # parse_article, parse_articles, diplonlp batch
    python examples/batch.py --dask     # also Dask on a local two-worker cluster
                                        # (pip install "diplonlp[dask]")
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import diplonlp

ARTICLES = Path(__file__).parent / "articles"


def main() -> None:
    paths = sorted(ARTICLES.glob("*.txt"))
    texts = [p.read_text("utf-8") for p in paths]

    # 1. one article
    first = diplonlp.parse_article(texts[0])
    print("one article:", len(first.mentions()), "mentions")

    # 2. many, in two worker processes, as records with ids
    records = [{"id": p.name, "text": t} for p, t in zip(paths, texts, strict=True)]
    leaders: Counter[str] = Counter()
    for result in diplonlp.parse_articles(records * 20, n_process=2):
        assert result.article is not None, result.error
        leaders.update(m.name for m in result.article.leaders if m.name)
    print("most named:", leaders.most_common(3))

    # 3. the command, resumable
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "news.jsonl", Path(tmp) / "parsed.jsonl"
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                       "utf-8")
        cmd = [sys.executable, "-m", "diplonlp", "batch", str(src), "-o", str(out)]
        subprocess.run(cmd, check=True)
        subprocess.run([*cmd, "--resume"], check=True)  # nothing left to do
        print("lines in output:", len(out.read_text("utf-8").splitlines()))

    # 4. Dask
    if "--dask" in sys.argv:
        import dask.bag as db
        from dask.distributed import Client, LocalCluster

        from diplonlp.contrib.dask import mentions_frame, parse_bag

        with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as c, \
                Client(c):
            dicts = parse_bag(db.from_sequence(records, npartitions=2)).compute()
        print(mentions_frame(dicts).groupby("dimension").size())


if __name__ == "__main__":
    main()
