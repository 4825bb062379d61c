"""A database written by the first release (schema version 1) upgrades with its data intact."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from interviewer.history import CURRENT_VERSION, HistoryStore

# What version 1 of interviewer wrote, frozen here on purpose: if schema.py's step 1
# were ever edited, real old databases would still look like this.
V1_DDL = """
CREATE TABLE sessions (id INTEGER PRIMARY KEY, bank_id TEXT NOT NULL, mode TEXT NOT NULL,
    started_at TEXT NOT NULL, finished_at TEXT);
CREATE TABLE attempts (id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL, created_at TEXT NOT NULL, transcript TEXT NOT NULL,
    coverage REAL NOT NULL, feedback TEXT NOT NULL DEFAULT '{}', audio_path TEXT);
CREATE INDEX attempts_session ON attempts(session_id);
PRAGMA user_version = 1;
"""

ROWS = [
    (1, "ar-specialist/full-cycle-ar-experience", "2026-03-01T10:00:00.000000+00:00",
     "I handle invoicing and the aging report", 0.4,
     {"coverage": 0.4, "delivery": {"wpm": 118.0, "fillers": 3}}, "/rec/one.wav"),
    (1, "ar-specialist/prioritize-overdue-accounts", "2026-03-01T10:05:00.000000+00:00",
     "Oldest and largest first", 0.25, {"coverage": 0.25}, None),
    (2, "ar-specialist/full-cycle-ar-experience", "2026-03-08T09:00:00.000000+00:00",
     "Invoicing, aging, reconciliation, and sales for disputes", 0.8,
     {"coverage": 0.8, "delivery": {"wpm": 142}}, "/rec/two.wav"),
]


def make_v1(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(V1_DDL)
    conn.execute("INSERT INTO sessions VALUES (1, 'ar-specialist', 'practice', "
                 "'2026-03-01T09:59:00.000000+00:00', '2026-03-01T10:10:00.000000+00:00')")
    conn.execute("INSERT INTO sessions VALUES (2, 'ar-specialist', 'mock', "
                 "'2026-03-08T08:59:00.000000+00:00', NULL)")
    for session, qid, when, text, cov, feedback, audio in ROWS:
        conn.execute("INSERT INTO attempts (session_id, question_id, created_at, transcript, "
                     "coverage, feedback, audio_path) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (session, qid, when, text, cov, json.dumps(feedback), audio))
    conn.commit()
    conn.close()


def test_v1_database_migrates_with_data_intact(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    make_v1(path)
    store = HistoryStore(path)
    assert store.schema_version == CURRENT_VERSION

    attempts = store.attempts()
    assert [(a.session_id, a.question_id, a.created_at.isoformat(timespec="microseconds"),
             a.transcript.text, a.coverage, a.feedback, str(a.audio_path) if a.audio_path
             else None) for a in attempts] == ROWS
    assert [a.wpm for a in attempts] == [118.0, None, 142.0]  # filled in from the feedback
    assert {a.transcript.engine for a in attempts} == {"unknown"}
    assert [(s.id, s.mode, s.attempt_count) for s in store.sessions()] == \
        [(1, "practice", 2), (2, "mock", 1)]

    # The review schedule starts from each question's latest attempt: both are due.
    states = {s.question_id: s for s in store.review_states()}
    assert states["ar-specialist/full-cycle-ar-experience"].last_score == 0.8
    assert states["ar-specialist/prioritize-overdue-accounts"].last_score == 0.25
    assert len(store.due_questions("ar-specialist")) == 2

    # New data goes in next to the old, and the v1 original is kept as a backup.
    session = store.start_session("ar-specialist")
    store.add_attempt(session, "ar-specialist/x", "new answer", {"coverage": 1.0})
    assert len(store.attempts()) == 4
    store.close()
    backup = sqlite3.connect(tmp_path / "history.sqlite3.v1.bak")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT COUNT(*) FROM attempts").fetchone()[0] == 3
    check = sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0]
    assert check == "ok"


def test_reopening_a_current_database_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with HistoryStore(path) as store:
        store.add_attempt(store.start_session("b"), "b/q", "text", {"coverage": 0.5})
    with HistoryStore(path) as store:
        assert len(store.attempts()) == 1
    assert not list(tmp_path.glob("*.bak"))  # a fresh database needs no backup
