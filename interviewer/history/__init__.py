"""History: every session and attempt kept in SQLite, and the spaced-review schedule."""

from interviewer.history.orphans import Orphan, find_orphans, orphan_recordings
from interviewer.history.records import AttemptRecord, SessionRecord
from interviewer.history.review import ReviewState
from interviewer.history.schema import CURRENT_VERSION
from interviewer.history.store import HistoryError, HistoryStore

__all__ = ["CURRENT_VERSION", "AttemptRecord", "HistoryError", "HistoryStore",
           "Orphan", "ReviewState", "SessionRecord", "find_orphans", "orphan_recordings"]
