"""Every practice session and attempt, kept in one SQLite file in the user data folder.

WAL journal and `synchronous=FULL`: a committed attempt survives a crash or a power
cut, and a crash in the middle of a save leaves the previous state intact. One
connection per store, guarded by a lock, so a worker thread may save while the UI
thread reads through the same store.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from interviewer import paths, question_coverage
from interviewer.clean_text import deep_without_surrogates, without_surrogates
from interviewer.errors import InterviewerError
from interviewer.history import feedback_fields, review, schema, unsaved
from interviewer.history import rows as rows_check
from interviewer.history.records import (
    AttemptRecord,
    SessionRecord,
    now_utc,
    to_text,
)
from interviewer.transcript import Transcript

MODES = ("practice", "mock", "review")
T = TypeVar("T")
# an attempt's coverage and pace count in a session's means only when they are numbers
_CLEAN_COVERAGE = ("CASE WHEN typeof(a.coverage) IN ('integer', 'real') "
                   "AND a.coverage BETWEEN 0 AND 1 THEN a.coverage END")
_CLEAN_WPM = "CASE WHEN typeof(a.wpm) IN ('integer', 'real') THEN a.wpm END"


class HistoryError(InterviewerError):
    """The history database cannot be opened or written."""


def _database_error(path: Path, exc: sqlite3.Error, doing: str) -> HistoryError:
    """A failed read or write in words: what happened, and what the user can do."""
    text = str(exc)
    if "full" in text or "too large" in text or "I/O error" in text:
        hint = "the disk may be full (or failing): free some space, then try again"
    elif "readonly" in text or "read-only" in text:
        hint = "the history folder is read-only; set INTERVIEWER_HOME to a folder you can write to"
    elif isinstance(exc, sqlite3.OperationalError) and "locked" in text:
        hint = "another interviewer is busy with the history; try again in a moment"
    else:
        hint = (f"the file looks damaged: move {path.name} somewhere else to start a fresh "
                "history (keep it: it can often be repaired with the sqlite3 tool)")
    return HistoryError(f"{path}: cannot {doing} the history ({text})", hint)


class HistoryStore:
    """Sessions, attempts and the review schedule (contract: docs/architecture.md)."""

    def __init__(self, path: Path | str | None = None, read_only: bool = False) -> None:
        """`read_only`: the caller only reads. The file is still opened for writing where
        it can be (so an old one is upgraded); where it cannot, it is read as it is."""
        self.path = Path(path) if path else paths.history_db()
        self.read_only = False
        self.bad_rows: list[rows_check.BadRow] = []  # damaged rows met while reading
        self._lock = threading.RLock()
        if read_only and not _writable(self.path):
            self.read_only = True
            self._conn = self._open_read_only()
            return
        try:
            paths.ensure(self.path.parent)
        except OSError as exc:
            raise HistoryError(f"{self.path.parent}: cannot create the history folder "
                               f"({exc.strerror})",
                               "check the folder's permissions, or set INTERVIEWER_HOME "
                               "to a folder you can write to") from exc
        self._conn = self._open()

    def _open_read_only(self) -> sqlite3.Connection:
        """For commands that only read: works in a read-only home. A missing file reads as
        an empty history; a folder where SQLite cannot even make its lock file is read as
        it stands (immutable), which is what it is while nothing can write there."""
        if not self.path.exists():
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            schema.migrate(conn)
            return conn
        uri = self.path.resolve().as_uri()
        last: sqlite3.Error | None = None
        for query in ("?mode=ro", "?mode=ro&immutable=1"):
            try:
                conn = sqlite3.connect(uri + query, uri=True, isolation_level=None,
                                       timeout=15, check_same_thread=False)
                found = schema.version(conn)
            except sqlite3.Error as exc:
                last = exc
                continue
            if found != schema.CURRENT_VERSION:
                conn.close()
                raise HistoryError(
                    f"{self.path}: history version {found}; this interviewer reads version "
                    f"{schema.CURRENT_VERSION}",
                    "run interviewer where the history folder can be written, so it can "
                    "upgrade the file (a copy of the old one is kept)")
            return conn
        assert last is not None
        raise _database_error(self.path, last, "open")

    # -- opening ---------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=15,
                                   check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 15000")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            found = schema.version(conn)
        except sqlite3.OperationalError as exc:
            raise HistoryError(
                f"{self.path}: the history file cannot be opened ({exc})",
                "check the file's permissions and free disk space, or set "
                "INTERVIEWER_HOME to a folder you can write to") from exc
        except sqlite3.DatabaseError as exc:
            raise HistoryError(
                f"{self.path}: the history file cannot be read ({exc})",
                "move that file somewhere else to start a fresh history; "
                "nothing else is touched") from exc
        if mode.lower() != "wal":
            conn.close()
            raise HistoryError(f"{self.path}: SQLite refused WAL mode ({mode})",
                               "keep the history on a local disk, not a network share")
        if found > schema.CURRENT_VERSION:
            conn.close()
            raise HistoryError(
                f"{self.path}: history version {found} was written by a newer interviewer "
                f"(this one reads up to {schema.CURRENT_VERSION})",
                "update interviewer, or set INTERVIEWER_HOME to use another folder")
        try:
            schema.migrate(conn, before_first_step=lambda old: self._backup(conn, old))
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise HistoryError(f"{self.path}: upgrading the history failed ({exc})",
                               "the previous version is untouched; report this bug") from exc
        return conn

    def _backup(self, conn: sqlite3.Connection, old_version: int) -> None:
        """Copy the database aside before its first upgrade: migrations never risk the data."""
        target = self.path.with_name(f"{self.path.name}.v{old_version}.bak")
        if target.exists():
            return
        partial = target.with_name(target.name + ".partial")  # renamed only when complete
        partial.unlink(missing_ok=True)
        copy = sqlite3.connect(partial)
        try:
            conn.backup(copy)
        finally:
            copy.close()
        partial.replace(target)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self._lock:
            return schema.version(self._conn)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error: all of it or none of it.

        A database error (a full disk, a damaged page) becomes a HistoryError; an
        IntegrityError stays itself, for the caller to name what was missing.
        """
        if self.read_only:
            raise HistoryError(f"{self.path}: opened only for reading",
                               "this is a bug: report it")
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                    self._conn.execute("COMMIT")
                except BaseException:
                    self._rollback()
                    raise
            except sqlite3.IntegrityError:
                raise
            except sqlite3.Error as exc:
                raise _database_error(self.path, exc, "write to") from exc

    def _rollback(self) -> None:
        """SQLite may have rolled back already (a full disk does); never mask the cause."""
        if self._conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    def _query(self, sql: str, args: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                cursor = self._conn.execute(sql, args)
                cursor.row_factory = sqlite3.Row
                return cursor.fetchall()
            except sqlite3.Error as exc:
                raise _database_error(self.path, exc, "read") from exc

    # -- sessions --------------------------------------------------------------------

    def start_session(self, bank_id: str, mode: str = "practice",
                      started_at: datetime | None = None) -> int:
        if mode not in MODES:
            raise HistoryError(f"unknown session mode '{mode}'", f"use one of: {', '.join(MODES)}")
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO sessions (bank_id, mode, started_at) VALUES (?, ?, ?)",
                (bank_id, mode, to_text(started_at or now_utc())))
            return _row_id(cursor)

    def finish_session(self, session_id: int, finished_at: datetime | None = None) -> None:
        with self._transaction() as conn:
            cursor = conn.execute("UPDATE sessions SET finished_at = ? WHERE id = ?",
                                  (to_text(finished_at or now_utc()), session_id))
            if cursor.rowcount == 0:
                raise self._no_session(session_id)

    def _no_session(self, session_id: int) -> HistoryError:
        return HistoryError(f"no practice session {session_id}",
                            "list the sessions with: interviewer history")

    def sessions(self) -> list[SessionRecord]:
        """All sessions, oldest first, with their attempt count and mean coverage (over
        the attempts whose coverage is a number from 0 to 1: a damaged one is skipped)."""
        rows = self._query(
            f"SELECT s.*, COUNT(a.id) AS n, AVG({_CLEAN_COVERAGE}) AS mean, "
            f"AVG({_CLEAN_WPM}) AS wpm "
            "FROM sessions s LEFT JOIN attempts a ON a.session_id = s.id "
            "GROUP BY s.id ORDER BY s.id")
        records = self._checked("sessions", rows, rows_check.session)
        by_session: dict[int, list[_Scored]] = {}
        for row in self._query("SELECT id, session_id, question_id, coverage, followup_of "
                               f"FROM attempts a WHERE {_CLEAN_COVERAGE} IS NOT NULL "
                               "ORDER BY created_at, id"):
            by_session.setdefault(row["session_id"], []).append(_Scored(
                row["id"], row["question_id"], row["coverage"], row["followup_of"]))
        return [replace(r, mean_coverage=question_coverage.session_coverage(
                    [a.coverage for a in question_coverage.per_question(
                        by_session.get(r.id, [])).values()]))
                for r in records]

    def _checked(self, table: str, rows: list[sqlite3.Row],
                 make: Callable[[sqlite3.Row], T]) -> list[T]:
        """Records for the rows that are sound; the others go to `bad_rows`, once each."""
        records = []
        for row in rows:
            try:
                records.append(make(row))
            except (rows_check.RowError, IndexError, KeyError) as exc:
                bad = rows_check.BadRow(table, row["id"] if table != "reviews"
                                        else row["question_id"], str(exc))
                if bad not in self.bad_rows:
                    self.bad_rows.append(bad)
        return records

    def check(self) -> list[rows_check.BadRow]:
        """Every row of every table that cannot be read (what `history --check` lists)."""
        self.bad_rows = []
        self.sessions()
        self.attempts()
        self.review_states()
        return list(self.bad_rows)

    def session(self, session_id: int) -> SessionRecord:
        for record in self.sessions():
            if record.id == session_id:
                return record
        for bad in self.bad_rows:
            if bad.table == "sessions" and bad.row_id == session_id:
                raise HistoryError(f"session {session_id} is damaged ({bad.reason})",
                                   "see the damaged rows with: interviewer history --check")
        raise self._no_session(session_id)

    def latest_session_id(self) -> int | None:
        rows = self._query("SELECT MAX(s.id) FROM sessions s "
                           "WHERE EXISTS (SELECT 1 FROM attempts a WHERE a.session_id = s.id)")
        return rows[0][0] if rows else None

    # -- attempts --------------------------------------------------------------------

    def add_attempt(self, session_id: int, question: object, transcript: Transcript | str,
                    feedback: object, corrected_text: str | None = None,
                    audio_path: Path | str | None = None, followup_of: int | None = None,
                    created_at: datetime | None = None) -> int:
        """Save one answer in a single transaction; returns the attempt id.

        `question` is a banks.Question or a question id; `feedback` an
        analysis.Feedback or its dict.
        """
        try:
            row = self._attempt_row(session_id, question, transcript, feedback,
                                    corrected_text, audio_path, followup_of, created_at)
            with self._transaction() as conn:
                cursor = conn.execute(
                    "INSERT INTO attempts (session_id, question_id, question_text, created_at, "
                    "transcript, corrected_text, words, duration, engine, model, coverage, wpm, "
                    "feedback, audio_path, followup_of) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
                return _row_id(cursor)
        except sqlite3.IntegrityError as exc:
            if followup_of is not None and not self._query(
                    "SELECT 1 FROM attempts WHERE id = ?", (followup_of,)):
                raise HistoryError(f"no attempt {followup_of} to follow up") from exc
            raise self._no_session(session_id) from exc
        except Exception as exc:  # noqa: BLE001 - whatever failed, the answer is kept
            error = exc if isinstance(exc, HistoryError) else HistoryError(
                f"{self.path}: the answer could not be saved ({type(exc).__name__}: {exc})",
                "please report this")
            raise _kept_elsewhere(error, question, _as_transcript(transcript),
                                  _feedback_or_empty(feedback), corrected_text,
                                  audio_path) from exc

    def _attempt_row(self, session_id: int, question: object, transcript: Transcript | str,
                     feedback: object, corrected_text: str | None, audio_path: Path | str | None,
                     followup_of: int | None, created_at: datetime | None
                     ) -> tuple[object, ...]:
        """The attempts row, every text cleaned of lone surrogates SQLite would refuse."""
        clean = without_surrogates
        transcript = _as_transcript(transcript)
        data = deep_without_surrogates(feedback_fields.as_dict(feedback))
        words = json.dumps([[clean(w.word), w.start, w.end, w.conf] for w in transcript.words])
        return (session_id, clean(str(getattr(question, "id", question))),
                clean(str(getattr(question, "text", ""))), to_text(created_at or now_utc()),
                clean(transcript.text), clean(corrected_text) if corrected_text else corrected_text,
                words, transcript.duration, clean(transcript.engine), clean(transcript.model),
                feedback_fields.coverage(feedback, data), feedback_fields.wpm(data),
                json.dumps(data, ensure_ascii=False, default=str), _absolute(audio_path),
                followup_of)

    def attempts(self, session_id: int | None = None,
                 question_id: str | None = None) -> list[AttemptRecord]:
        """Attempts, oldest first, optionally of one session and/or one question."""
        where: list[str] = []
        args: list[object] = []
        if session_id is not None:
            where.append("session_id = ?")
            args.append(session_id)
        if question_id is not None:
            where.append("question_id = ?")
            args.append(question_id)
        sql = "SELECT * FROM attempts" + (" WHERE " + " AND ".join(where) if where else "")
        rows = self._query(sql + " ORDER BY created_at, id", tuple(args))
        return self._checked("attempts", rows, rows_check.attempt)

    def attempt(self, attempt_id: int) -> AttemptRecord:
        rows = self._query("SELECT * FROM attempts WHERE id = ?", (attempt_id,))
        if not rows:
            raise HistoryError(f"no attempt {attempt_id}",
                               "list the attempts with: interviewer history")
        found = self._checked("attempts", rows, rows_check.attempt)
        if not found:
            raise HistoryError(f"attempt {attempt_id} is damaged ({self.bad_rows[-1].reason})",
                               "see the damaged rows with: interviewer history --check")
        return found[0]

    def audio_paths(self) -> set[str]:
        return {r[0] for r in self._query(
            "SELECT audio_path FROM attempts WHERE audio_path IS NOT NULL")}

    # -- review ----------------------------------------------------------------------

    def review_state(self, question_id: str) -> review.ReviewState | None:
        rows = self._query("SELECT * FROM reviews WHERE question_id = ?", (question_id,))
        found = self._checked("reviews", rows, rows_check.review_state)
        return found[0] if found else None

    def record_review(self, question_id: str, coverage: float, self_rating: int | None = None,
                      now: datetime | None = None) -> review.ReviewState:
        """Move a question between Leitner boxes after an answer; returns its new state."""
        try:
            value = review.score(coverage, self_rating)
        except ValueError as exc:
            raise HistoryError(str(exc), "rate your answer from 1 (poor) to 5 (great)") from exc
        moment = now or now_utc()
        with self._transaction() as conn:
            rows = conn.execute("SELECT * FROM reviews WHERE question_id = ?", (question_id,))
            rows.row_factory = sqlite3.Row
            found = rows.fetchone()
            known = self._checked("reviews", [found], rows_check.review_state) if found else []
            state = review.review(known[0] if known else None, question_id, value, moment)
            conn.execute(
                "INSERT OR REPLACE INTO reviews (question_id, bank_id, box, due_at, "
                "last_reviewed_at, last_score, review_count, lapses) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (state.question_id, state.bank_id, state.box, to_text(state.due_at),
                 to_text(state.last_reviewed_at), state.last_score, state.review_count,
                 state.lapses))
        return state

    def due_questions(self, bank_id: str | None = None,
                      now: datetime | None = None) -> list[str]:
        """Ids of practised questions due for review, most overdue first."""
        sql = "SELECT question_id FROM reviews WHERE due_at <= ?"
        args: tuple[str, ...] = (to_text(now or now_utc()),)
        if bank_id is not None:
            sql += " AND bank_id = ?"
            args += (bank_id,)
        return [r[0] for r in self._query(sql + " ORDER BY due_at, box, question_id", args)]

    def review_states(self, bank_id: str | None = None) -> list[review.ReviewState]:
        sql, args = "SELECT * FROM reviews", tuple[str, ...]()
        if bank_id is not None:
            sql, args = sql + " WHERE bank_id = ?", (bank_id,)
        return self._checked("reviews", self._query(sql + " ORDER BY due_at", args),
                             rows_check.review_state)


def _writable(path: Path) -> bool:
    """Can SQLite write here: the file (or, for a new one, the nearest existing folder)
    and the folder that holds its journal files."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def _kept_elsewhere(error: HistoryError, question: object, transcript: Transcript,
                    data: dict[str, Any], corrected_text: str | None,
                    audio_path: Path | str | None) -> HistoryError:
    """The database refused an answer: keep it in a sidecar, and say where and what next."""
    try:
        kept = unsaved.keep_answer(question, transcript, data, corrected_text, audio_path)
    except (OSError, ValueError, TypeError) as exc:
        where = f" Its recording is kept at {audio_path}." if audio_path else ""
        reason = getattr(exc, "strerror", None) or exc
        return HistoryError(
            f"{error.message}; the answer could not be kept either ({reason}).{where}",
            error.hint)
    return HistoryError(
        f"{error.message}. The answer is kept in {kept}",
        f"{error.hint}; it is offered back at the next start (interviewer history --recover, "
        "or Recover... in the app)")


def _feedback_or_empty(feedback: object) -> dict[str, Any]:
    """The feedback to keep beside a failed save; the answer matters more than its score."""
    try:
        return feedback_fields.as_dict(feedback)
    except Exception:  # noqa: BLE001
        return {}


def _as_transcript(transcript: Transcript | str) -> Transcript:
    return Transcript.typed(transcript) if isinstance(transcript, str) else transcript


def _row_id(cursor: sqlite3.Cursor) -> int:
    """The id SQLite gave the row just inserted (always set after an INSERT)."""
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _absolute(audio_path: Path | str | None) -> str | None:
    """Recordings are stored by absolute path: history is read from any folder later."""
    return str(Path(audio_path).resolve()) if audio_path else None


class _Scored(NamedTuple):
    """An attempt's score and links, enough to apply the question-coverage rule."""

    id: int
    question_id: str
    coverage: float
    followup_of: int | None
