"""`interviewer history`: the sessions and attempts you practised, and what is due for review."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from interviewer import question_coverage
from interviewer.banks import load_library
from interviewer.banks.text_safety import printable
from interviewer.cli.output import print_json, print_table
from interviewer.history import AttemptRecord, HistoryStore, find_orphans, orphan_recordings, review
from interviewer.posting.store import job_name
from interviewer.reports import format as fmt


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("history", help="list practice sessions and attempts")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--session", type=int, metavar="ID", help="only this session")
    parser.add_argument("--question", metavar="BANK/SLUG", help="only attempts at this question")
    parser.add_argument("--due", action="store_true",
                        help="list the questions due for review instead")
    parser.add_argument("--recover", action="store_true",
                        help="score and save the recordings a crash left unsaved")
    parser.add_argument("--orphans", action="store_true",
                        help="list recordings with no saved attempt (left by a crash)")
    parser.add_argument("--check", action="store_true",
                        help="list the history rows that are damaged and cannot be shown")
    parser.set_defaults(func=show_history)


def mention_bad_rows(store: HistoryStore) -> None:
    """One line on stderr when damaged rows were skipped, saying how to see them."""
    if store.bad_rows:
        count = len(store.bad_rows)
        print(f"interviewer: warning: {count} damaged history row{'s' if count != 1 else ''} "
              "skipped; list them with: interviewer history --check", file=sys.stderr)


def _show_check(store: HistoryStore, as_json: bool) -> int:
    bad = store.check()
    if as_json:
        print_json([b.to_dict() for b in bad])
    elif not bad:
        print(f"Every row of {store.path} reads well.")
    else:
        print(f"Damaged rows in {store.path} (skipped everywhere; the others are fine):")
        for row in bad:
            print(f"  {printable(str(row))}")
    return 1 if bad else 0


def _row(a: AttemptRecord) -> tuple[str, ...]:
    return (str(a.id), fmt.when(a.created_at), a.question_id, fmt.percent(a.coverage),
            fmt.wpm(a.wpm), a.transcript.engine, "yes" if a.audio_path else "")


def _questions(attempts: list[AttemptRecord]) -> list[dict[str, object]]:
    """Each question's coverage by the one rule (interviewer.question_coverage) and the
    attempt it stands on: what the summary, History and the report show."""
    return [{"question_id": q, "coverage": a.coverage, "attempt_id": a.id}
            for q, a in question_coverage.per_question(attempts).items()]


def _show_due(store: HistoryStore, as_json: bool) -> int:
    due = set(store.due_questions())
    states = [s for s in store.review_states() if s.question_id in due]
    if as_json:
        print_json([{"question_id": s.question_id, "box": s.box, "due_at": s.due_at.isoformat(),
                     "last_score": s.last_score} for s in states])
        return 0
    if not states:
        print("Nothing is due for review.")
    else:
        print_table([(s.question_id, str(s.box), fmt.when(s.due_at), fmt.percent(s.last_score))
                     for s in states], ("QUESTION", "BOX", "DUE SINCE", "LAST SCORE"))
    now = datetime.now(UTC)
    coming = review.outlook(store.review_states(), now)
    if coming.next_at is not None:
        count = coming.next_count
        print(f"Next: {count} question{'s' if count != 1 else ''} come{'s' if count == 1 else ''}"
              f" due {review.when_due(coming.next_at, now)} ({fmt.when(coming.next_at)}).")
    return 0


def _show_orphans(store: HistoryStore, as_json: bool) -> int:
    if as_json:
        print_json([str(p) for p in orphan_recordings(store)])
        return 0
    found = find_orphans(store, load_library())
    if not found:
        print("Every recording belongs to a saved attempt.")
        return 0
    print("Answers with no saved attempt (newest first):")
    for orphan in found:
        print(f"  {orphan.path}\n    {orphan.label}")
    print("To score them: interviewer history --recover, or Recover... in the app.")
    return 0


def show_history(args: argparse.Namespace) -> int:
    with HistoryStore(read_only=not args.recover) as store:
        if args.check:
            return _show_check(store, args.json)
        if args.due:
            return _show_due(store, args.json)
        if args.orphans:
            return _show_orphans(store, args.json)
        if args.recover:
            from interviewer.cli.recover import recover_orphans

            recover_orphans(store, load_library())
            return 0
        sessions = store.sessions()
        if args.session is not None:
            sessions = [store.session(args.session)]
        listed = [(s, store.attempts(session_id=s.id, question_id=args.question))
                  for s in sessions]
        mention_bad_rows(store)
    if args.question:
        listed = [(s, attempts) for s, attempts in listed if attempts]
    if args.json:
        print_json([{**s.to_dict(), "questions": _questions(attempts),
                     "attempts": [a.to_dict() for a in attempts]} for s, attempts in listed])
        return 0
    if not listed:
        print("No practice sessions yet. Answer a few questions, then look again.")
        return 0
    for s, attempts in listed:
        job = job_name(s.bank_id)
        bank = f"{s.bank_id} ({job})" if job else s.bank_id
        print(f"Session {s.id}: {bank}, {s.mode}, {fmt.when(s.started_at)}, "
              f"{fmt.count(s.attempt_count, 'attempt')}, "
              f"mean coverage {fmt.percent(s.mean_coverage)}")
        if attempts:
            print_table([_row(a) for a in attempts],
                        ("ID", "TIME", "QUESTION", "COVERAGE", "PACE", "ENGINE", "AUDIO"))
        print()
    return 0
