"""The ``diplonlp`` command.

    diplonlp parse FILE... [--format json|jsonl] [--reference-date YYYY-MM-DD]
                           [--language fa|ar] [--plugins]
    diplonlp batch INPUT -o OUTPUT.jsonl [--workers N] [--text-field text]
                   [--id-field id] [--date-field NAME] [--resume] [--force]
    diplonlp --version

``parse`` reads each FILE (``-`` or no FILE at all: standard input) as UTF-8 and
prints its Article as JSON: the contract's ``to_dict()`` plus ``"source"``, the
file it came from. Errors in the command line or the input (a missing file, a
bad date, text that is not UTF-8) print one line and exit with status 2.

``batch`` parses a JSONL file, a folder of ``.txt`` files or standard input
into OUTPUT, one JSON line per article, resumably and in parallel (see
``diplonlp._batch_cli`` and docs/scaling.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from diplonlp._version import __version__
from diplonlp.errors import DiplonlpError


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
    parse = sub.add_parser("parse", help="parse articles and print them as JSON")
    parse.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text files; - for stdin")
    parse.add_argument("--format", choices=("json", "jsonl"), default="json")
    parse.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD")
    parse.add_argument("--language", choices=("fa", "ar"))
    parse.add_argument("--plugins", action="store_true",
                       help="also run the extractors installed under 'diplonlp.extractors'")
    from diplonlp._batch_cli import add_parser

    add_parser(sub, _date)
    return parser


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


def _parse_command(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from diplonlp.defaults import default_pipeline

    names = args.files or ["-"]
    texts = [(name, _read(name, stdin)) for name in names]  # fail before printing anything
    pipeline = default_pipeline(plugins=args.plugins)
    for name, text in texts:
        article = pipeline.parse(text, reference_date=args.reference_date, language=args.language)
        record = {"source": name, **article.to_dict()}
        if args.format == "jsonl":
            stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    stdout.flush()
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
