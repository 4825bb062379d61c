"""One number for a question, the same on every screen: its answers with their follow-ups.

The rule, stated once and used by the summary (app and terminal), History, the reports
and `interviewer history --json`:

- An *exchange* is one answer (a first try or a retry) with every follow-up that
  completes it, however many (the mock's result follow-up, key-point probes). A follow-up
  is scored on the whole exchange (`score_exchange`), so the exchange's coverage is that
  of its last follow-up, or of the answer alone when nothing followed.
- A question's coverage is that of its best exchange in the session (ties: the earliest).
  Retries are there to improve an answer; the best one stands for the question.
- A session's coverage is the mean over its questions, each counted once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from functools import reduce
from typing import TYPE_CHECKING, TypeVar

from interviewer.transcript import Transcript, with_follow_up

if TYPE_CHECKING:
    from interviewer.analysis.feedback import Feedback
    from interviewer.banks import Library, Question

T = TypeVar("T")


def exchange_transcript(answer: Transcript, follow_ups: Sequence[Transcript] = ()
                        ) -> Transcript:
    """The answer and its follow-ups, in the order said, as one transcript."""
    return reduce(with_follow_up, follow_ups, answer)


def score_exchange(question: Question, answer: Transcript | str,
                   follow_ups: Sequence[Transcript | str] = (),
                   library: Library | None = None) -> Feedback:
    """Feedback on an answer together with any number of follow-up answers."""
    from interviewer.analysis import score_answer

    def typed(t: Transcript | str) -> Transcript:
        return Transcript.typed(t) if isinstance(t, str) else t

    return score_answer(question, exchange_transcript(typed(answer),
                                                      [typed(f) for f in follow_ups]), library)


def exchange_ends(attempts: Sequence[T], parent: Callable[[T], Hashable | None],
                  key: Callable[[T], Hashable]) -> list[T]:
    """For each answer that follows up nothing, the last attempt of its exchange (itself
    when no follow-up came), in the order the answers were given."""
    by_key = {key(a): a for a in attempts}

    def root(a: T) -> Hashable:
        seen = set()
        while (up := parent(a)) is not None and up in by_key and up not in seen:
            seen.add(up)
            a = by_key[up]
        return key(a)

    ends: dict[Hashable, T] = {}
    for a in attempts:   # attempts come in the order given: the last one ends the exchange
        ends[root(a)] = a
    return list(ends.values())


def standing(attempts: Sequence[T], parent: Callable[[T], Hashable | None],
             key: Callable[[T], Hashable], coverage: Callable[[T], float | None]) -> T | None:
    """The attempt whose score stands for the question: the end of its best exchange."""
    scored = [a for a in exchange_ends(attempts, parent, key) if coverage(a) is not None]
    if not scored:
        return None
    return max(scored, key=lambda a: coverage(a) or 0.0)   # max keeps the earliest on ties


def session_coverage(per_question: Sequence[float]) -> float | None:
    """The mean over the session's questions, each counted once."""
    return sum(per_question) / len(per_question) if per_question else None


def standing_record(records: Sequence[T]) -> T | None:
    """`standing` for stored attempts (AttemptRecord: id, followup_of, coverage)."""
    return standing(records, lambda a: a.followup_of, lambda a: a.id,  # type: ignore[attr-defined]
                    lambda a: a.coverage)  # type: ignore[attr-defined]


def per_question(records: Sequence[T]) -> dict[str, T]:
    """Stored attempts of one session: each question's standing attempt, in asked order."""
    groups: dict[str, list[T]] = {}
    for r in records:
        groups.setdefault(r.question_id, []).append(r)  # type: ignore[attr-defined]
    out: dict[str, T] = {}
    for question_id, group in groups.items():
        best = standing_record(group)
        if best is not None:
            out[question_id] = best
    return out
