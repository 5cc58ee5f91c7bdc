"""``diplonlp batch``: a resumable run over a JSONL file, a folder or stdin.

Output is one JSON line per input record, written and flushed line by line,
so that a run killed at any moment loses at most the line being written:

* a parsed record: ``{"id": ..., "line": N, **to_dict()}``;
* a record that could not be read or parsed: ``{"id": ..., "line": N,
  "error": "..."}`` (the output accounts for every input line).

Every record has a unique key, its place in the input: ``line`` (the 1-based
line of a JSONL file or of standard input) or, for a folder, its relative
path (the ``id``). Ids are data and may repeat. ``--resume`` drops a partial
last line, skips the keys already in OUTPUT and appends the rest, so after
any number of kills every record is in OUTPUT exactly once, whatever its id.

OUTPUT is never the input: an OUTPUT that is INPUT (also through a link) or
lies inside an INPUT folder is refused before anything is touched. ``-o -``
writes to standard output. Errors of the command line or the file system end
in one line on standard error and exit status 2; a run in which every record
failed exits with status 1; SIGINT and SIGTERM stop the run with a message.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import IO, Any, TextIO


class BatchUsageError(Exception):
    """A problem with the command line, INPUT or OUTPUT: one line, exit status 2."""


class Terminated(BaseException):
    """SIGTERM arrived (a BaseException, like KeyboardInterrupt: no handler of
    record errors may swallow it)."""


def add_parser(sub: Any, date_type: Any) -> None:
    p = sub.add_parser(
        "batch",
        help="parse many articles into a JSONL file (resumable, in parallel)",
        description="Parse a JSONL file, a folder of .txt files or standard input (-) into "
                    "OUTPUT, one JSON line per record.",
    )
    p.add_argument("input", metavar="INPUT",
                   help="a JSONL file (one record per line), a folder of .txt files, or -")
    p.add_argument("-o", "--output", required=True, metavar="OUTPUT.jsonl",
                   help="the JSONL file to write, or - for standard output")
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
                   help="keep OUTPUT and skip the records already in it")
    p.add_argument("--force", action="store_true", help="overwrite an existing OUTPUT")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--plugins", action="store_true",
                   help="also run the extractors installed under 'diplonlp.extractors'")
    p.add_argument("--follow-symlinks", action="store_true",
                   help="in a folder INPUT, also read linked files that lie outside it")


class _Counts:
    def __init__(self) -> None:
        self.done = 0
        self.failed = 0
        self.skipped = 0

    @property
    def seen(self) -> int:
        return self.done + self.failed + self.skipped


def record_key(rid: Any, line: int | None) -> str:
    """The unique key of a record: its line, or (folders) its relative path."""
    return json.dumps(["line", line] if line is not None else ["path", rid], ensure_ascii=True)


def _done_keys(path: Path) -> set[str]:
    """Keys already in OUTPUT; a partial last line (a killed run) is cut off."""
    if not path.exists():
        return set()
    with open(path, "rb+") as fh:
        data = fh.read()
        cut = data.rfind(b"\n") + 1
        if cut != len(data):
            fh.truncate(cut)
    keys: set[str] = set()
    for raw in data[:cut].splitlines():
        try:
            row = json.loads(raw)
            keys.add(record_key(row.get("id"), row.get("line")))
        except (ValueError, AttributeError):
            continue
    return keys


# --- the input ---------------------------------------------------------------


def _folder_files(source: Path, follow: bool, stderr: TextIO) -> Iterator[Path]:
    root = source.resolve()
    for path in sorted(source.rglob("*.txt")):
        if path.is_symlink() and not follow:
            target = path.resolve()
            if not target.is_relative_to(root):
                stderr.write(f"diplonlp batch: {path}: a link out of {source}, left out "
                             "(--follow-symlinks reads it)\n")
                continue
        if path.is_file():
            yield path


def _records(args: argparse.Namespace, stdin: TextIO, stderr: TextIO,
             counts: _Counts, done: set[str]) -> Iterator[dict[str, Any]]:
    """The input's records as {key, id, line, text[, date] | error}."""

    def wanted(rid: Any, line: int | None) -> str | None:
        key = record_key(rid, line)
        if key in done:
            counts.skipped += 1
            return None
        return key

    source = Path(args.input)
    if args.input != "-" and source.is_dir():
        for path in _folder_files(source, args.follow_symlinks, stderr):
            rid = path.relative_to(source).as_posix()
            key = wanted(rid, None)
            if key is None:
                continue
            try:
                text = path.read_bytes().decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                yield {"key": key, "id": rid, "line": None,
                       "error": f"not UTF-8 text (byte {exc.start})"}
                continue
            except OSError as exc:
                yield {"key": key, "id": rid, "line": None, "error": f"cannot read: {exc.strerror}"}
                continue
            yield {"key": key, "id": rid, "line": None, "text": text}
        return

    lines: Any
    if args.input == "-":
        lines = stdin.buffer if hasattr(stdin, "buffer") else stdin
    else:
        lines = open(source, "rb")  # noqa: SIM115 (closed below)
    try:
        for number, raw in enumerate(lines, 1):
            if isinstance(raw, bytes):
                try:
                    raw = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    key = wanted(None, number)
                    if key is not None:
                        yield {"key": key, "id": None, "line": number,
                               "error": f"not UTF-8 (byte {exc.start})"}
                    continue
            if not raw.strip():
                continue
            key = wanted(None, number)
            if key is None:
                continue
            record: Any
            try:
                record = json.loads(raw)
            except ValueError as exc:
                yield {"key": key, "id": None, "line": number, "error": f"invalid JSON: {exc}"}
                continue
            if not isinstance(record, dict):
                yield {"key": key, "id": None, "line": number,
                       "error": f"a JSON {type(record).__name__}, not an object"}
                continue
            record_id: Any = record.get(args.id_field)
            if record_id is not None and (
                isinstance(record_id, bool) or not isinstance(record_id, (str, int))
            ):
                yield {"key": key, "id": None, "line": number,
                       "error": f"{args.id_field!r} is not a string or integer"}
                continue
            body: Any = record.get(args.text_field)
            if not isinstance(body, str):
                why = (f"no {args.text_field!r} field" if args.text_field not in record
                       else f"{args.text_field!r} is {type(body).__name__}, not str")
                yield {"key": key, "id": record_id, "line": number, "error": why}
                continue
            out = {"key": key, "id": record_id, "line": number, "text": body}
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


# --- checks before anything is touched ------------------------------------------


def _check_paths(args: argparse.Namespace) -> Path | None:
    """OUTPUT's path (None for standard output), after refusing what would
    harm the input or cannot work."""
    source = Path(args.input)
    if args.input != "-" and not source.exists():
        raise BatchUsageError(f"no such file or folder: {args.input}")
    if args.workers < 1 and args.workers != -1:
        raise BatchUsageError(f"--workers must be >= 1 or -1, not {args.workers}")
    if args.batch_size < 1:
        raise BatchUsageError(f"--batch-size must be >= 1, not {args.batch_size}")
    if args.output == "-":
        if args.resume:
            raise BatchUsageError("--resume needs an OUTPUT file, not standard output")
        return None
    out = Path(args.output)
    if args.input != "-":
        src = source.resolve()
        dst = out.resolve()
        if dst == src or (out.exists() and source.exists() and os.path.samefile(out, source)):
            raise BatchUsageError(f"OUTPUT {args.output} is the INPUT: choose another file")
        if source.is_dir() and dst.is_relative_to(src):
            raise BatchUsageError(f"OUTPUT {args.output} lies inside the INPUT folder")
    if out.is_dir():
        raise BatchUsageError(f"OUTPUT {args.output} is a folder")
    if not out.parent.exists():
        raise BatchUsageError(f"no such folder for OUTPUT: {out.parent}")
    exists = out.exists() and out.stat().st_size > 0
    if exists and not (args.resume or args.force):
        raise BatchUsageError(
            f"{out} exists: pass --resume to continue it or --force to overwrite it"
        )
    return out


def _on_sigterm(_signum: int, _frame: FrameType | None) -> None:
    raise Terminated


# --- the run -----------------------------------------------------------------------


def _line(row: dict[str, Any]) -> tuple[bytes, str | None]:
    """One output line in UTF-8 and the row's error, if any; a record that
    cannot be written as text (a lone surrogate in its id) becomes an error
    line with its id escaped."""
    try:
        return (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"), row.get("error")
    except UnicodeEncodeError as exc:
        error = f"cannot be written as UTF-8: {exc.reason}"
        row = {"id": row.get("id"), "line": row.get("line"), "error": error}
        return (json.dumps(row, ensure_ascii=True) + "\n").encode("ascii"), error


def run(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    out_path = _check_paths(args)
    previous: Any = signal.getsignal(signal.SIGTERM)
    try:
        signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread: keep the default
        previous = None
    try:
        return _run(args, out_path, stdin, stdout, stderr)
    except Terminated:
        stderr.write("diplonlp batch: terminated (--resume continues the run)\n")
        return 143
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        reason = "disk full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
        raise BatchUsageError(f"{reason}{where}") from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _run(args: argparse.Namespace, out_path: Path | None, stdin: TextIO, stdout: TextIO,
         stderr: TextIO) -> int:
    from diplonlp.batch import parse_articles

    pipeline = None
    if args.plugins:
        from diplonlp.defaults import default_pipeline

        pipeline = default_pipeline(plugins=True)  # a broken plugin fails here, by name
    done = _done_keys(out_path) if (out_path is not None and args.resume) else set()
    counts = _Counts()
    progress = None
    if not args.no_progress and stderr.isatty():
        from tqdm import tqdm

        progress = tqdm(total=_total(args), unit="art", file=stderr, dynamic_ncols=True,
                        initial=0, smoothing=0.1)
    started = time.perf_counter()
    #: key -> the record without its text, until its result comes back
    pending: dict[str, dict[str, Any]] = {}

    def work() -> Iterator[dict[str, Any]]:
        for record in _records(args, stdin, stderr, counts, done):
            key = record["key"]
            text = record.pop("text", None)
            pending[key] = record
            if text is None:  # unreadable: an error result in its place
                yield {"id": key}
            else:
                item = {"id": key, "text": text}
                if "date" in record:
                    item["date"] = record.pop("date")
                yield item

    out: IO[bytes] | _BytesOut
    if out_path is None:
        out = stdout.buffer if hasattr(stdout, "buffer") else _BytesOut(stdout)
    else:
        out = open(out_path, "ab" if args.resume else "wb")  # noqa: SIM115 (closed below)
    try:
        results = parse_articles(
            work(), pipeline=pipeline, n_process=args.workers, batch_size=args.batch_size,
            reference_date=args.reference_date, language=args.language,
            date_field="date" if args.date_field else None,
        )
        for result in results:
            record = pending.pop(result.id)
            row: dict[str, Any] = {"id": record["id"], "line": record["line"]}
            if "error" in record:
                row["error"] = record["error"]
            elif result.article is None:
                row["error"] = result.error
            else:
                row.update(result.article.to_dict())
            data, error = _line(row)
            out.write(data)
            out.flush()
            if error is None:
                counts.done += 1
            else:
                counts.failed += 1
                where = f"line {row['line']}" if row.get("line") else f"{row['id']!r}"
                stderr.write(f"diplonlp batch: {where}: {error}\n")
            if progress is not None:
                progress.update(counts.seen - progress.n)
    finally:
        if out_path is not None:
            out.close()
    if progress is not None:
        progress.update(counts.seen - progress.n)
        progress.close()
    seconds = time.perf_counter() - started
    rate = counts.done / seconds if seconds > 0 else 0.0
    target = out_path.name if out_path is not None else "standard output"
    stderr.write(
        f"diplonlp batch: {counts.done} done, {counts.failed} failed, {counts.skipped} "
        f"skipped (already in {target}), {seconds:.1f} s, {rate:.1f} articles/s\n"
    )
    stderr.flush()
    # every record failed: the run did nothing useful
    return 1 if counts.failed and not counts.done and not counts.skipped else 0


class _BytesOut:
    """Bytes to a text stream that has no binary buffer (one replaced in tests)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, data: bytes) -> int:
        return self.stream.write(data.decode("utf-8"))

    def flush(self) -> None:
        self.stream.flush()

    def close(self) -> None:
        pass


__all__ = ["BatchUsageError", "add_parser", "record_key", "run"]
