"""``diplonlp batch``: a resumable run over a JSONL file, a folder or stdin.

Output is one JSON line per article (``{"id": ..., **to_dict()}``), written
and flushed line by line, so that a run killed at any moment loses at most the
line being written; ``--resume`` drops such a partial last line, skips the ids
already in OUTPUT and appends the rest, and every article ends up there
exactly once. Bad records are reported on standard error with their line
number and counted; they never stop the run.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO


class BatchUsageError(Exception):
    """A problem with the command line or OUTPUT: one line, exit status 2."""


def add_parser(sub: Any, date_type: Any) -> None:
    p = sub.add_parser(
        "batch",
        help="parse many articles into a JSONL file (resumable, in parallel)",
        description="Parse a JSONL file, a folder of .txt files or standard input (-) into "
                    "OUTPUT, one JSON line per article.",
    )
    p.add_argument("input", metavar="INPUT",
                   help="a JSONL file (one record per line), a folder of .txt files, or -")
    p.add_argument("-o", "--output", required=True, metavar="OUTPUT.jsonl")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="worker processes (default 1; -1: one per CPU)")
    p.add_argument("--batch-size", type=int, default=32, metavar="N")
    p.add_argument("--text-field", default="text", metavar="NAME")
    p.add_argument("--id-field", default="id", metavar="NAME")
    p.add_argument("--date-field", metavar="NAME",
                   help="a field holding each record's reference date (YYYY-MM-DD...)")
    p.add_argument("--reference-date", type=date_type, metavar="YYYY-MM-DD")
    p.add_argument("--language", choices=("fa", "ar"))
    p.add_argument("--resume", action="store_true",
                   help="keep OUTPUT and skip the ids already in it")
    p.add_argument("--force", action="store_true", help="overwrite an existing OUTPUT")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--plugins", action="store_true",
                   help="also run the extractors installed under 'diplonlp.extractors'")


class _Counts:
    def __init__(self) -> None:
        self.done = 0
        self.failed = 0
        self.skipped = 0


def _done_ids(path: Path) -> set[str]:
    """Ids already in OUTPUT; a partial last line (a killed run) is cut off."""
    if not path.exists():
        return set()
    with open(path, "rb+") as fh:
        data = fh.read()
        cut = data.rfind(b"\n") + 1
        if cut != len(data):
            fh.truncate(cut)
    ids: set[str] = set()
    for line in data[:cut].splitlines():
        try:
            ids.add(_key(json.loads(line)["id"]))
        except (ValueError, KeyError, TypeError):
            continue
    return ids


def _key(rid: Any) -> str:
    return json.dumps(rid, ensure_ascii=False, sort_keys=True)


def _records(args: argparse.Namespace, stdin: TextIO, stderr: TextIO,
             counts: _Counts, done: set[str]) -> Iterator[dict[str, Any]]:
    """The input's records as {id, text[, date]}; bad ones are reported and counted."""

    def bad(where: str, why: str) -> None:
        counts.failed += 1
        stderr.write(f"diplonlp batch: {where}: {why}\n")

    def keep(rid: Any) -> bool:
        if _key(rid) in done:
            counts.skipped += 1
            return False
        return True

    source = Path(args.input)
    if args.input != "-" and source.is_dir():
        for path in sorted(source.rglob("*.txt")):
            rid = path.relative_to(source).as_posix()
            if not keep(rid):
                continue
            try:
                text = path.read_bytes().decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                bad(rid, f"not UTF-8 text (byte {exc.start})")
                continue
            except OSError as exc:
                bad(rid, f"cannot read: {exc.strerror}")
                continue
            yield {"id": rid, "text": text}
        return

    if args.input == "-":
        lines: Any = stdin.buffer if hasattr(stdin, "buffer") else stdin
    else:
        lines = open(source, "rb")  # noqa: SIM115 (closed below)
    try:
        for number, raw in enumerate(lines, 1):
            if isinstance(raw, bytes):
                try:
                    raw = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    bad(f"line {number}", f"not UTF-8 (byte {exc.start})")
                    continue
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except ValueError as exc:
                bad(f"line {number}", f"invalid JSON: {exc}")
                continue
            if not isinstance(record, dict):
                bad(f"line {number}", f"a JSON {type(record).__name__}, not an object")
                continue
            rid = record.get(args.id_field, number)
            if isinstance(rid, bool) or not isinstance(rid, (str, int)):
                bad(f"line {number}", f"{args.id_field!r} is not a string or integer")
                continue
            if args.text_field not in record:
                bad(f"line {number}", f"no {args.text_field!r} field")
                continue
            text = record[args.text_field]
            if not isinstance(text, str):
                bad(f"line {number}", f"{args.text_field!r} is {type(text).__name__}, not str")
                continue
            if not keep(rid):
                continue
            out = {"id": rid, "text": text}
            if args.date_field and record.get(args.date_field):
                out["date"] = record[args.date_field]
            yield out
    finally:
        if lines is not stdin and lines is not getattr(stdin, "buffer", None):
            lines.close()


def _total(args: argparse.Namespace) -> int | None:
    """How many records the input holds, when that is cheap to know."""
    if args.input == "-":
        return None
    source = Path(args.input)
    if source.is_dir():
        return sum(1 for _ in source.rglob("*.txt"))
    with open(source, "rb") as fh:
        return sum(1 for line in fh if line.strip())


def run(args: argparse.Namespace, stdin: TextIO, stderr: TextIO) -> int:
    from diplonlp.batch import parse_articles

    if args.input != "-" and not Path(args.input).exists():
        raise BatchUsageError(f"no such file or folder: {args.input}")
    if args.workers < 1 and args.workers != -1:
        raise BatchUsageError(f"--workers must be >= 1 or -1, not {args.workers}")
    if args.batch_size < 1:
        raise BatchUsageError(f"--batch-size must be >= 1, not {args.batch_size}")
    out_path = Path(args.output)
    exists = out_path.exists() and out_path.stat().st_size > 0
    if exists and not (args.resume or args.force):
        raise BatchUsageError(
            f"{out_path} exists: pass --resume to continue it or --force to overwrite it"
        )
    done = _done_ids(out_path) if args.resume else set()
    counts = _Counts()
    progress = None
    if not args.no_progress and stderr.isatty():
        from tqdm import tqdm

        total = _total(args)
        progress = tqdm(total=total, unit="art", file=stderr, dynamic_ncols=True,
                        initial=0, smoothing=0.1)
    started = time.perf_counter()
    records = _records(args, stdin, stderr, counts, done)
    mode = "a" if args.resume else "w"
    with open(out_path, mode, encoding="utf-8") as out:
        pipeline = None
        if args.plugins:
            from diplonlp.defaults import default_pipeline

            pipeline = default_pipeline(plugins=True)
        results = parse_articles(
            records, pipeline=pipeline, n_process=args.workers, batch_size=args.batch_size,
            reference_date=args.reference_date, language=args.language,
            date_field="date" if args.date_field else None,
        )
        for result in results:
            if result.article is None:
                counts.failed += 1
                stderr.write(f"diplonlp batch: id {result.id!r}: {result.error}\n")
            else:
                out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                out.flush()
                counts.done += 1
            if progress is not None:  # tqdm redraws at most a few times a second
                progress.update(counts.done + counts.failed + counts.skipped - progress.n)
    if progress is not None:
        progress.update(counts.done + counts.failed + counts.skipped - progress.n)
        progress.close()
    seconds = time.perf_counter() - started
    rate = counts.done / seconds if seconds > 0 else 0.0
    stderr.write(
        f"diplonlp batch: {counts.done} done, {counts.failed} failed, {counts.skipped} "
        f"skipped (already in {out_path.name}), {seconds:.1f} s, {rate:.1f} articles/s\n"
    )
    stderr.flush()
    return 0


__all__ = ["BatchUsageError", "add_parser", "run"]
