"""Entry point of the `interviewer` command.

With no arguments it starts the desktop app; subcommands live in sibling modules,
each with a `register(subparsers)` that sets `func` on its parser.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from interviewer import __version__
from interviewer.banks.text_safety import printable
from interviewer.cli.safe_output import safe_streams
from interviewer.errors import InterviewerError

COMMANDS = ("banks", "voices", "say", "transcribe", "model", "score", "history", "report",
            "practice", "launcher", "posting")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="interviewer",
        description="Rehearse job interviews out loud, offline. "
                    "Run with no command to open the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"interviewer {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"interviewer.cli.{name}_cmd").register(subparsers)
    return parser


def launch_app() -> int:
    """Open the desktop app. The core reaches the UI only here, by name, at run time."""
    try:
        app = importlib.import_module("interviewer.ui.app")
    except ImportError as exc:
        raise InterviewerError(
            f"the desktop app cannot start: {exc}",
            "reinstall with the quick-start command, or use the terminal commands "
            "(interviewer --help)",
        ) from exc
    return int(app.main())


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command with everything it prints filtered for escape codes."""
    with safe_streams():
        return _run(list(sys.argv[1:] if argv is None else argv))


def _run(args: list[str]) -> int:
    try:
        if not args:
            return launch_app()
        parsed = build_parser().parse_args(args)
        if not hasattr(parsed, "func"):
            build_parser().print_help()
            return 2
        return int(parsed.func(parsed) or 0)
    except InterviewerError as exc:
        return _error(exc.message, exc.hint)
    except BrokenPipeError:  # before OSError, of which it is one
        return _reader_went_away()
    except OSError as exc:  # a full disk, a read-only home: what the system said, in one line
        return _error(_os_error(exc), "check free disk space and the folder's permissions")
    except MemoryError:
        return _error("out of memory", "close other programs, or try a smaller file")
    except KeyboardInterrupt:
        print("interviewer: interrupted", file=sys.stderr)
        return 130


def _error(message: str, hint: str = "") -> int:
    """One line of error (and one of advice), with any control character shown escaped."""
    print(printable(f"interviewer: error: {message}"), file=sys.stderr)
    if hint:
        print(printable(f"  {hint}"), file=sys.stderr)
    return 1


def _os_error(exc: OSError) -> str:
    """`/path: No space left on device` rather than `[Errno 28] No space left on device`."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"{exc.filename}: {reason}" if exc.filename else reason


def _reader_went_away() -> int:
    """`interviewer ... | head` closed the pipe: stop quietly, as Unix tools do."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # so the flush at exit cannot raise again
    return 141
