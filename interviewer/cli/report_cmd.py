"""`interviewer report`: write a session report as HTML, PDF or Markdown."""

from __future__ import annotations

import argparse
from pathlib import Path

from interviewer.cli.history_cmd import mention_bad_rows
from interviewer.cli.progress import working
from interviewer.history import HistoryStore
from interviewer.reports import build_report, write_report
from interviewer.reports import format as fmt


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report", help="write a session report (.html, .pdf or .md)",
        description="Write the report of one practice session; the format follows the "
                    "file name. Without SESSION_ID, the latest session with answers.")
    parser.add_argument("session", nargs="?", type=int, metavar="SESSION_ID",
                        help="a session id from `interviewer history` (default: the latest)")
    parser.add_argument("--out", "-o", type=Path, required=True, metavar="FILE",
                        help="where to write: report.html, report.pdf or report.md")
    parser.set_defaults(func=write)


def write(args: argparse.Namespace) -> int:
    with HistoryStore(read_only=True) as store:
        report = build_report(store, args.session)
        mention_bad_rows(store)
    with working(f"writing {args.out}"):
        path = write_report(report, args.out.expanduser())
    print(f"wrote {path} (session {report.session.id}, "
          f"{fmt.count(len(report.questions), 'question')})")
    return 0
