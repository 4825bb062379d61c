"""The history store on real SQLite files: sessions, attempts, corrections, errors."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from interviewer import paths
from interviewer.banks import load_library
from interviewer.history import CURRENT_VERSION, HistoryError, HistoryStore
from interviewer.transcript import Transcript, Word


class FeedbackLike:
    """Shaped like analysis.Feedback: attributes plus to_dict(), as add_attempt expects."""

    def __init__(self, coverage: float, wpm: float | None) -> None:
        self.coverage = coverage
        self._wpm = wpm

    def to_dict(self) -> dict:
        delivery = {"wpm": self._wpm, "fillers": 2} if self._wpm else None
        return {"coverage": self.coverage, "delivery": delivery,
                "key_points": [{"label": "Aging report", "covered": True}]}


def spoken(text: str) -> Transcript:
    words = tuple(Word(w, i * 0.4, i * 0.4 + 0.3, 0.9) for i, w in enumerate(text.split()))
    return Transcript(text=text, words=words, duration=len(words) * 0.4, engine="vosk",
                      model="vosk-model-small-en-us-0.15")


def test_default_location_pragmas_and_version() -> None:
    with HistoryStore() as store:
        assert store.path == paths.history_db()
        assert store.schema_version == CURRENT_VERSION
    conn = sqlite3.connect(paths.history_db())
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION


def test_attempt_round_trip_keeps_everything(tmp_path: Path) -> None:
    question = load_library().question("ar-specialist/full-cycle-ar-experience")
    store = HistoryStore(tmp_path / "h.sqlite3")
    session = store.start_session("ar-specialist", "mock")
    heard = spoken("I reconcile the aging report every week")
    attempt = store.add_attempt(session, question, heard, FeedbackLike(0.4, 131.5),
                                corrected_text="I reconcile the aging report every week.",
                                audio_path=tmp_path / "a.wav")
    follow = store.add_attempt(session, question, "Past due fell to 8 percent.",
                               {"coverage": 0.2}, followup_of=attempt)
    store.finish_session(session)
    store.close()

    store = HistoryStore(tmp_path / "h.sqlite3")  # a fresh connection reads it back
    first, second = store.attempts(session_id=session)
    assert first.id == attempt and second.id == follow
    assert first.question_id == question.id and first.question_text == question.text
    assert first.transcript == heard
    assert first.text == "I reconcile the aging report every week."
    assert (first.coverage, first.wpm) == (0.4, 131.5)
    assert first.feedback["delivery"]["fillers"] == 2
    assert first.audio_path == tmp_path / "a.wav"
    assert second.transcript.engine == "typed" and second.wpm is None
    assert second.followup_of == attempt
    [record] = store.sessions()
    assert (record.mode, record.attempt_count) == ("mock", 2)
    # one question, counted once: its answer with the follow-up, whose score (scored on
    # the whole exchange) stands for it (interviewer.question_coverage), not 0.3 the mean
    # of the two rows
    assert record.mean_coverage == pytest.approx(0.2)
    assert record.finished_at is not None


def test_filters_order_and_latest_session(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    ids = []
    for day in range(3):
        session = store.start_session("ar-collector", started_at=start + timedelta(days=day))
        for q in ("ar-collector/a", "ar-collector/b"):
            ids.append(store.add_attempt(session, q, f"answer {day}", {"coverage": day / 2},
                                         created_at=start + timedelta(days=day, minutes=1)))
    store.start_session("ar-collector")  # started, nothing answered yet
    assert [a.coverage for a in store.attempts(question_id="ar-collector/b")] == [0, 0.5, 1]
    assert len(store.attempts(session_id=2)) == 2
    assert store.latest_session_id() == 3
    fixed = store.add_attempt(1, "ar-collector/a", "heard", {}, corrected_text="fixed")
    assert store.attempt(fixed).text == "fixed"


def test_bad_references_are_clear_errors(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    with pytest.raises(HistoryError, match="no practice session 42"):
        store.add_attempt(42, "ar-specialist/x", "text", {})
    session = store.start_session("ar-specialist")
    with pytest.raises(HistoryError, match="no attempt 99 to follow up"):
        store.add_attempt(session, "ar-specialist/x", "text", {}, followup_of=99)
    with pytest.raises(HistoryError, match="unknown session mode"):
        store.start_session("ar-specialist", "karaoke")
    with pytest.raises(HistoryError, match="no attempt 7"):
        store.attempt(7)
    assert store.attempts() == []  # nothing half-saved by the failures


def test_not_a_database_is_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(HistoryError, match="cannot be read") as caught:
        HistoryStore(path)
    assert "move that file" in caught.value.hint
    assert path.read_bytes().startswith(b"these are my notes")


def test_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.close()
    with pytest.raises(HistoryError, match="newer interviewer"):
        HistoryStore(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == \
        CURRENT_VERSION + 1


def test_unusable_location_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    with pytest.raises(HistoryError, match="cannot create the history folder"):
        HistoryStore(blocker / "history.sqlite3")
    folder = tmp_path / "history.sqlite3"
    folder.mkdir()  # a folder where the database file should be
    with pytest.raises(HistoryError, match="cannot be opened"):
        HistoryStore(folder)


def test_a_worker_thread_saves_while_the_ui_thread_reads(tmp_path: Path) -> None:
    import threading

    store = HistoryStore(tmp_path / "h.sqlite3")
    session = store.start_session("b")
    errors: list[BaseException] = []

    def save() -> None:
        try:
            for n in range(200):
                store.add_attempt(session, f"b/q{n % 5}", f"answer {n}", {"coverage": 0.5})
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    worker = threading.Thread(target=save)
    worker.start()
    seen = []
    while worker.is_alive():
        seen.append(len(store.attempts(session_id=session)))
    worker.join()
    assert errors == []
    assert seen == sorted(seen)  # reads only ever see whole, growing history
    assert len(store.attempts()) == 200


def test_recordings_are_kept_by_absolute_path(tmp_path: Path, monkeypatch) -> None:
    """`practice --answers answers/` passes relative paths; history is read from anywhere."""
    (tmp_path / "answers").mkdir()
    monkeypatch.chdir(tmp_path)
    with HistoryStore() as store:
        row = store.add_attempt(store.start_session("b"), "b/q", spoken("aging report"),
                                FeedbackLike(0.5, 120.0), audio_path="answers/01.wav")
        assert store.attempt(row).audio_path == tmp_path / "answers" / "01.wav"
        assert store.audio_paths() == {str(tmp_path / "answers" / "01.wav")}
