"""`interviewer banks`: list, show, validate, import and start question banks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from interviewer.banks import load_library, read_bank
from interviewer.banks.import_report import import_summary
from interviewer.banks.importer import import_file
from interviewer.banks.loader import search_dirs
from interviewer.banks.template import new_bank
from interviewer.banks.text_safety import printable
from interviewer.banks.validate import Problem
from interviewer.cli.output import print_json, print_table
from interviewer.cli.progress import working


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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

    imp = sub.add_parser("import", help="turn a CSV or Markdown Q&A file into a bank of your own")
    imp.add_argument("file", type=Path, metavar="FILE", help="a .csv or .md file")
    imp.add_argument("--id", dest="bank_id", help="bank id (default: from the file name)")
    imp.add_argument("--title", help="bank title (default: the Markdown title or file name)")
    imp.add_argument("--force", action="store_true", help="replace a bank with the same id")
    imp.set_defaults(func=import_bank)

    new = sub.add_parser("new", help="write a commented bank template for a role")
    new.add_argument("role", help='the role, e.g. "AR Manager"')
    new.add_argument("--id", dest="bank_id", help="bank id (default: from the role)")
    new.add_argument("--force", action="store_true", help="replace an existing file")
    new.set_defaults(func=new_bank_template)


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
    print(printable(f"{bank.title} ({bank.id}): {len(bank.questions)} questions\n"))
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


def import_bank(args: argparse.Namespace) -> int:
    """Keep the good questions, name each bad one by its line; exit 1 if any was left out."""
    with working(f"importing {args.file}"):
        result = import_file(args.file, bank_id=args.bank_id, title=args.title,
                             force=args.force)
    for problem in result.problems:
        print(f"left out: {problem}", file=sys.stderr)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    print(printable(import_summary(result)), file=sys.stdout if result.path else sys.stderr)
    if result.path is None:
        print(f"  fix the lines above in {printable(str(args.file))} and run again",
              file=sys.stderr)
        return 1
    print(f"  written to {printable(str(result.path))}")
    if result.problems:
        print("  fix the lines above and import again with --force to add them",
              file=sys.stderr)
    return 1 if result.problems else 0


def new_bank_template(args: argparse.Namespace) -> int:
    path = printable(str(new_bank(args.role, bank_id=args.bank_id, force=args.force)))
    print(f"wrote {path}")
    print(f"  edit it, then check it with: interviewer banks validate {path}")
    return 0
