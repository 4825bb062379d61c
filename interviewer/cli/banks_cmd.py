"""`interviewer banks`: list, show and validate question banks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from interviewer.banks import load_library, read_bank
from interviewer.banks.loader import search_dirs
from interviewer.banks.validate import Problem
from interviewer.cli.output import print_json, print_table


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("banks", help="list, show and validate question banks")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--paths", action="store_true", help="print where banks are read from")
    parser.set_defaults(func=list_banks)
    sub = parser.add_subparsers(metavar="ACTION")

    show = sub.add_parser("show", help="list the questions of one bank")
    show.add_argument("bank", help="bank id, e.g. ar-coordinator")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=show_bank)

    validate = sub.add_parser("validate", help="check bank files; one line per problem")
    validate.add_argument("files", nargs="+", type=Path, metavar="PATH")
    validate.set_defaults(func=validate_banks)


def _report_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)


def list_banks(args: argparse.Namespace) -> int:
    if args.paths:
        builtin, user = search_dirs()
        print(f"built-in: {builtin}")
        print(f"user:     {user}")
        return 0
    library = load_library()
    _report_problems(library.problems)
    if args.json:
        print_json([bank.summary() for bank in library.banks])
        return 0
    rows = [(b.id, b.title, str(len(b.questions)), "built-in" if b.builtin else str(b.path))
            for b in library.banks]
    print_table(rows, ("ID", "TITLE", "QUESTIONS", "FROM"))
    return 0


def show_bank(args: argparse.Namespace) -> int:
    library = load_library()
    _report_problems(library.problems)
    bank = library.bank(args.bank)
    if args.json:
        print_json([q.to_dict() for q in bank.questions])
        return 0
    print(f"{bank.title} ({bank.id}): {len(bank.questions)} questions\n")
    rows = [(q.id, q.category, q.difficulty, q.text[:70] + ("..." if len(q.text) > 70 else ""))
            for q in bank.questions]
    print_table(rows, ("ID", "CATEGORY", "DIFFICULTY", "QUESTION"))
    return 0


def validate_banks(args: argparse.Namespace) -> int:
    problems: list[Problem] = []
    ids: dict[str, Path] = {}
    for path in args.files:
        bank, found = read_bank(path)
        problems.extend(found)
        if bank and bank.id in ids:
            problems.append(Problem(path, 1, f"bank id '{bank.id}' is also used by {ids[bank.id]}"))
        elif bank:
            ids[bank.id] = path
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{len(args.files)} file(s) valid")
    return 1 if problems else 0
