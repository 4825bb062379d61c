"""The history database's schema, one step per version, and the code that applies them.

The version lives in `PRAGMA user_version`. A new database runs every step from 1, so
the path an old database takes to the current schema is the path every test exercises.
Each step runs in its own transaction together with its version bump: a crash during
a migration leaves the database at the previous version, never half-migrated.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# Version 1: what the first release wrote. Kept verbatim: old databases start here.
V1 = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    bank_id TEXT NOT NULL,
    mode TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE TABLE attempts (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    transcript TEXT NOT NULL,
    coverage REAL NOT NULL,
    feedback TEXT NOT NULL DEFAULT '{}',
    audio_path TEXT
);
CREATE INDEX attempts_session ON attempts(session_id);
"""

# Version 2: everything needed to replay and re-score an attempt.
V2 = """
ALTER TABLE attempts ADD COLUMN question_text TEXT NOT NULL DEFAULT '';
ALTER TABLE attempts ADD COLUMN corrected_text TEXT;
ALTER TABLE attempts ADD COLUMN words TEXT NOT NULL DEFAULT '[]';
ALTER TABLE attempts ADD COLUMN duration REAL NOT NULL DEFAULT 0;
ALTER TABLE attempts ADD COLUMN engine TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE attempts ADD COLUMN model TEXT NOT NULL DEFAULT '';
ALTER TABLE attempts ADD COLUMN wpm REAL;
ALTER TABLE attempts ADD COLUMN followup_of INTEGER REFERENCES attempts(id) ON DELETE SET NULL;
CREATE INDEX attempts_question ON attempts(question_id, created_at);
UPDATE attempts SET wpm = json_extract(feedback, '$.delivery.wpm')
    WHERE json_valid(feedback) AND json_type(feedback, '$.delivery.wpm') IN ('integer', 'real');
"""

# Version 3: spaced-repetition state, seeded from each question's latest attempt.
V3 = """
CREATE TABLE reviews (
    question_id TEXT PRIMARY KEY,
    bank_id TEXT NOT NULL,
    box INTEGER NOT NULL,
    due_at TEXT NOT NULL,
    last_reviewed_at TEXT NOT NULL,
    last_score REAL NOT NULL,
    review_count INTEGER NOT NULL DEFAULT 1,
    lapses INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX reviews_due ON reviews(bank_id, due_at);
INSERT INTO reviews (question_id, bank_id, box, due_at, last_reviewed_at, last_score)
    SELECT a.question_id, s.bank_id, 1, a.created_at, a.created_at, a.coverage
    FROM attempts a JOIN sessions s ON s.id = a.session_id
    WHERE a.id = (SELECT MAX(b.id) FROM attempts b WHERE b.question_id = a.question_id);
"""

STEPS: tuple[str, ...] = (V1, V2, V3)
CURRENT_VERSION = len(STEPS)


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _run_step(conn: sqlite3.Connection, number: int) -> None:
    """Apply one step and its version bump in a single transaction (connection in autocommit)."""
    statements = [s.strip() for s in STEPS[number - 1].split(";") if s.strip()]
    conn.execute("BEGIN IMMEDIATE")
    try:
        if version(conn) != number - 1:  # another process migrated meanwhile
            conn.execute("ROLLBACK")
            return
        for statement in statements:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def migrate(conn: sqlite3.Connection,
            before_first_step: Callable[[int], None] | None = None) -> int:
    """Bring the database to CURRENT_VERSION; returns the version it was at.

    `before_first_step(old_version)` runs once when an existing database needs
    upgrading, so the store can keep a backup of the user's data first.
    """
    start = version(conn)
    if start < CURRENT_VERSION and start > 0 and before_first_step:
        before_first_step(start)
    for number in range(start + 1, CURRENT_VERSION + 1):
        _run_step(conn, number)
    return start
