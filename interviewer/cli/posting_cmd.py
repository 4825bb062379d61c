"""`interviewer posting FILE`: what a job posting asks for, and the interview built for it."""

from __future__ import annotations

import argparse
from pathlib import Path

from interviewer.banks import load_library
from interviewer.cli.output import print_json, print_table
from interviewer.posting import build_session
from interviewer.posting.describe import session_dict, session_lines
from interviewer.posting.sources import open_posting
from interviewer.posting.store import saved_postings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "posting", help="read a job posting and show the interview built for it",
        description="Read a job posting (text, Markdown, HTML or PDF) and show the interview "
                    "built for it: the general opening and closing, the bank questions the "
                    "posting's words choose, and questions made from the lines no bank "
                    "question covers. Practise it with: interviewer practice --posting FILE")
    parser.add_argument("file", nargs="?", type=Path,
                        help="the posting file, or a saved posting's id (see --list)")
    parser.add_argument("--list", action="store_true", help="list the postings practised before")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.list or args.file is None:
        return _list(args.json)
    session = build_session(open_posting(str(args.file)), load_library())
    if args.json:
        print_json(session_dict(session))
    else:
        print("\n".join(session_lines(session)))
        print(f"\nPractise it: interviewer practice --posting {args.file}")
    return 0


def _list(as_json: bool) -> int:
    saved = saved_postings()
    if as_json:
        print_json([{"id": p.bank_id, "job": p.name, "source": p.source, "saved_at": p.saved_at}
                    for p in saved])
    elif not saved:
        print("No postings practised yet: interviewer practice --posting FILE")
    else:
        print_table([(p.bank_id, p.name, p.saved_at[:16]) for p in saved], ("ID", "JOB", "SAVED"))
    return 0
