"""Rows of the history database checked as they are read.

The file is the user's, and another tool (or a damaged page) can leave a row with
`words='[[1,2'`, `started_at='yesterday'` or `coverage='abc'`. Such a row becomes a
BadRow naming its table, id and column: it is skipped and reported (`interviewer
history --check` lists them), never a traceback in `history`, `report` or the app.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from interviewer.history import review
from interviewer.history.records import AttemptRecord, SessionRecord, from_text
from interviewer.safe_read import UnreadableFileError, parse_json
from interviewer.transcript import Transcript, Word


@dataclass(frozen=True)
class BadRow:
    """A row that could not be read, and why (column and value)."""

    table: str
    row_id: object
    reason: str

    def __str__(self) -> str:
        return f"{self.table} row {self.row_id}: {self.reason}"

    def to_dict(self) -> dict[str, object]:
        return {"table": self.table, "id": self.row_id, "reason": self.reason}


class RowError(ValueError):
    """One column of one row holds something this version cannot use."""


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _int(row: sqlite3.Row, key: str, optional: bool = False) -> int | None:
    value = row[key]
    if value is None and optional:
        return None
    if not isinstance(value, int):
        raise RowError(f"{key} {_show(value)} is not a whole number")
    return value


def _number(row: sqlite3.Row, key: str, optional: bool = False) -> float | None:
    value = row[key]
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise RowError(f"{key} {_show(value)} is not a number")
    return float(value)


def _text(row: sqlite3.Row, key: str, optional: bool = False) -> str | None:
    value = row[key]
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise RowError(f"{key} {_show(value)} is not text")
    return value


def _time(row: sqlite3.Row, key: str, optional: bool = False) -> datetime | None:
    value = row[key]
    if value is None and optional:
        return None
    try:
        if isinstance(value, str):
            return from_text(value)
    except ValueError:
        pass
    raise RowError(f"{key} {_show(value)} is not a date and time")


def _words(value: object) -> tuple[Word, ...]:
    try:
        data = parse_json(value or "[]") if isinstance(value, str | None) else None
    except UnreadableFileError:
        data = None
    if not isinstance(data, list):
        raise RowError(f"words {_show(value)} is not a list of timed words")
    try:
        return tuple(Word(str(w[0]), float(w[1]), float(w[2]), float(w[3])) for w in data)
    except (TypeError, ValueError, IndexError, KeyError):
        raise RowError(f"words {_show(value)} is not a list of timed words") from None


def _feedback(value: object) -> dict[str, Any]:
    """Feedback is extra detail: when it is damaged the attempt is still shown, without it."""
    try:
        data = parse_json(value or "{}") if isinstance(value, str | None) else {}
    except UnreadableFileError:
        return {}
    return data if isinstance(data, dict) else {}


def attempt(row: sqlite3.Row) -> AttemptRecord:
    """An AttemptRecord from an `attempts` row; RowError naming the bad column."""
    transcript = Transcript(text=_text(row, "transcript") or "", words=_words(row["words"]),
                            duration=_number(row, "duration", optional=True) or 0.0,
                            engine=_text(row, "engine", optional=True) or "unknown",
                            model=_text(row, "model", optional=True) or "")
    audio = _text(row, "audio_path", optional=True)
    coverage = _number(row, "coverage")
    assert coverage is not None
    if not 0.0 <= coverage <= 1.0:
        raise RowError(f"coverage {_show(row['coverage'])} is not between 0 and 1")
    return AttemptRecord(
        id=_int(row, "id") or 0, session_id=_int(row, "session_id") or 0,
        question_id=_text(row, "question_id") or "",
        question_text=_text(row, "question_text", optional=True) or "",
        created_at=_time(row, "created_at"),  # type: ignore[arg-type]
        transcript=transcript, corrected_text=_text(row, "corrected_text", optional=True),
        coverage=coverage, wpm=_number(row, "wpm", optional=True),
        feedback=_feedback(row["feedback"]), audio_path=Path(audio) if audio else None,
        followup_of=_int(row, "followup_of", optional=True))


def session(row: sqlite3.Row) -> SessionRecord:
    """A SessionRecord from a `sessions` row joined with its attempt count and means."""
    return SessionRecord(
        id=_int(row, "id") or 0, bank_id=_text(row, "bank_id") or "",
        mode=_text(row, "mode") or "",
        started_at=_time(row, "started_at"),  # type: ignore[arg-type]
        finished_at=_time(row, "finished_at", optional=True),
        attempt_count=_int(row, "n") or 0, mean_coverage=_number(row, "mean", optional=True),
        mean_wpm=_number(row, "wpm", optional=True))


def review_state(row: sqlite3.Row) -> review.ReviewState:
    return review.ReviewState(
        question_id=_text(row, "question_id") or "", bank_id=_text(row, "bank_id") or "",
        box=_int(row, "box") or 0, due_at=_time(row, "due_at"),  # type: ignore[arg-type]
        last_reviewed_at=_time(row, "last_reviewed_at"),  # type: ignore[arg-type]
        last_score=_number(row, "last_score") or 0.0,
        review_count=_int(row, "review_count") or 0, lapses=_int(row, "lapses") or 0)
