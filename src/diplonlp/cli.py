"""The ``diplonlp`` command.

    diplonlp parse FILE... [--format json|jsonl|html] [-o PATH]
                           [--reference-date YYYY-MM-DD] [--language fa|ar] [--plugins]
    diplonlp batch INPUT -o OUTPUT.jsonl [--workers N] [--text-field text]
                   [--id-field id] [--date-field NAME] [--resume] [--force]
    diplonlp cache [--clear]
    diplonlp --version

``parse`` reads each FILE (``-`` or no FILE at all: standard input) as UTF-8 and
prints its Article; each record is the contract's ``to_dict()`` plus
``"source"``, the file it came from:

* ``--format json`` (the default): one indented JSON document: the record
  itself for one FILE, an array of the records for several;
* ``--format jsonl``: one record per line;
* ``--format html``: the page of :func:`diplonlp.render.render`. One FILE:
  the page goes to standard output or to ``-o PATH`` (an existing directory:
  ``PATH/NAME.html``); several FILEs need ``-o DIR`` (created when missing),
  which receives one ``NAME.html`` per FILE (``NAME`` its file name without
  the extension; ``stdin.html`` for ``-``).

``-o PATH`` writes to PATH instead of standard output (``-o -``: standard
output). An output that would replace one of the FILEs, or two FILEs that
would write the same page, are refused before anything is written. Errors in
the command line, the input or the output (a missing file, a bad date, text
that is not UTF-8, a directory that cannot be written) print one line and
exit with status 2.

``batch`` parses a JSONL file, a folder of ``.txt`` files or standard input
into OUTPUT, one JSON line per article, resumably and in parallel (see
``diplonlp._batch_cli`` and docs/scaling.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from diplonlp._version import __version__
from diplonlp.errors import DiplonlpError

if TYPE_CHECKING:
    from diplonlp.model import Article


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="diplonlp",
        description="Structured data from Persian and Arabic diplomatic news.",
    )
    parser.add_argument("--version", action="version", version=f"diplonlp {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    parse = sub.add_parser("parse", help="parse articles and print them as JSON or HTML")
    parse.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text files; - for stdin")
    parse.add_argument("--format", choices=("json", "jsonl", "html"), default="json",
                       help="json: one document (an array for several FILEs); jsonl: one "
                            "line per article; html: a page to read (see -o)")
    parse.add_argument("-o", "--output", metavar="PATH",
                       help="write to PATH instead of standard output; with --format html "
                            "and several FILEs, the directory for one NAME.html per FILE")
    parse.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD")
    parse.add_argument("--language", choices=("fa", "ar"))
    parse.add_argument("--plugins", action="store_true",
                       help="also run the extractors installed under 'diplonlp.extractors'")
    from diplonlp._batch_cli import add_parser

    add_parser(sub, _date)
    cache = sub.add_parser("cache", help="where built language data is kept; --clear deletes it")
    cache.add_argument("--clear", action="store_true", help="delete every cached entry")
    return parser


def _cache_command(args: argparse.Namespace, stdout: TextIO) -> int:
    from diplonlp import _cache

    root = _cache.cache_root()
    if root is None:
        stdout.write("the cache is off (DIPLONLP_CACHE=0)\n")
        return 0
    if args.clear:
        stdout.write(f"removed {_cache.clear()} cached entries from {root}\n")
        return 0
    entries = sorted(root.rglob("*.pickle")) if root.is_dir() else []
    size = sum(p.stat().st_size for p in entries)
    stdout.write(f"{root}\n{len(entries)} entries, {size / 1e6:.1f} MB "
                 f"(this version: {_cache.fingerprint()})\n")
    return 0


def _read(name: str, stdin: TextIO) -> str:
    if name == "-":
        data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode()
    else:
        try:
            with open(name, "rb") as fh:
                data = fh.read()
        except FileNotFoundError:
            raise _UsageError(f"no such file: {name}") from None
        except IsADirectoryError:
            raise _UsageError(f"is a directory, not a file: {name}") from None
        except OSError as exc:
            raise _UsageError(f"cannot read {name}: {exc.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _UsageError(f"{name} is not UTF-8 text (byte {exc.start})") from None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _targets(names: Sequence[str], args: argparse.Namespace) -> list[Path] | None:
    """Where the output goes: one path per FILE for --format html with an
    output directory, one path for a single output file, or None (stdout)."""
    output: str | None = args.output
    if output is None or output == "-":
        if args.format == "html" and len(names) > 1:
            raise _UsageError("--format html with several files needs -o DIR, the directory "
                              "for one NAME.html per file")
        return None
    out = Path(output)
    inputs = [Path(n) for n in names if n != "-"]
    if args.format == "html" and (len(names) > 1 or out.is_dir()):
        if out.exists() and not out.is_dir():
            raise _UsageError(f"-o {output} must be a directory for several files")
        targets: list[Path] = []
        for name in names:
            target = out / ("stdin.html" if name == "-" else Path(name).stem + ".html")
            clash = next((str(t) for t in targets if _same_file(t, target)), None)
            if clash is not None:
                raise _UsageError(f"two files would both be written to {clash}: rename one")
            targets.append(target)
    else:
        targets = [out]
    for target in targets:
        for source in inputs:
            if _same_file(target, source):
                raise _UsageError(f"refusing to overwrite the input file {source} "
                                  f"with {target}")
    return targets


def _write(target: Path, content: str) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
    except OSError as exc:
        raise _UsageError(f"cannot write {target}: {exc.strerror}") from None


def _emit(stdout: TextIO, content: str, *, utf8: bool) -> None:
    if utf8 and hasattr(stdout, "buffer"):  # the page says charset=utf-8: keep its word
        stdout.flush()
        stdout.buffer.write(content.encode("utf-8"))
        stdout.buffer.flush()
    else:
        stdout.write(content)
    stdout.flush()


def _parse_command(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from diplonlp.defaults import default_pipeline

    names = args.files or ["-"]
    targets = _targets(names, args)  # refuse a bad output before reading anything
    texts = [(name, _read(name, stdin)) for name in names]  # fail before writing anything
    pipeline = default_pipeline(plugins=args.plugins)

    def parsed() -> Iterator[tuple[str, Article]]:
        for name, text in texts:
            yield name, pipeline.parse(text, reference_date=args.reference_date,
                                       language=args.language)

    if args.format == "html":
        from diplonlp.render import render

        for i, (name, article) in enumerate(parsed()):
            page = render(article, source=name)
            if targets is None:
                _emit(stdout, page, utf8=True)
            else:
                _write(targets[i], page)
        return 0
    records = ({"source": name, **article.to_dict()} for name, article in parsed())
    if args.format == "jsonl":
        lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        if targets is None:
            for line in lines:  # each line as soon as its article is parsed
                _emit(stdout, line, utf8=False)
        else:
            _write(targets[0], "".join(lines))
        return 0
    found = list(records)
    document = found[0] if len(names) == 1 else found
    content = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if targets is None:
        _emit(stdout, content, utf8=False)
    else:
        _write(targets[0], content)
    return 0


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command; returns the exit status."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(stdout)
            return 0
        if args.command == "cache":
            return _cache_command(args, stdout)
        if args.command == "batch":
            from diplonlp._batch_cli import BatchUsageError, run

            try:
                return run(args, stdin, stdout, stderr)
            except BatchUsageError as exc:
                raise _UsageError(str(exc)) from None
            except DiplonlpError as exc:  # a plugin that cannot load, a broken data file
                raise _UsageError(str(exc)) from None
        return _parse_command(args, stdin, stdout)
    except _UsageError as exc:
        stderr.write(f"diplonlp: error: {exc}\n")
        return 2
    except DiplonlpError as exc:
        stderr.write(f"diplonlp: error: {exc}\n")
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        stderr.write("diplonlp: interrupted\n")
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
