"""Recordings on disk that no saved attempt points to: answers a crash interrupted.

The recorder writes audio as it is captured, so after a crash the WAV is there but
its attempt is not. The app lists these at start and offers them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer import paths
from interviewer.recording import HEADER_BYTES, question_for_recording
from interviewer.speech.audio import BYTES_PER_SECOND

if TYPE_CHECKING:
    from interviewer.history.store import HistoryStore

AUDIO_SUFFIXES = (".wav", ".flac")


def orphan_recordings(store: HistoryStore | None = None, folder: Path | None = None) -> list[Path]:
    """Recordings in `folder` (the recordings folder) with no attempt, newest first.

    `store` is a HistoryStore; without one the default history is opened and closed.
    Files holding no audio past the header are left out: nothing to offer.
    """
    from interviewer.history.store import HistoryStore

    folder = folder or paths.recordings_dir()
    if not folder.is_dir():
        return []
    candidates = [p for p in folder.rglob("*") if p.suffix.lower() in AUDIO_SUFFIXES
                  and p.is_file() and p.stat().st_size > HEADER_BYTES]
    if not candidates:
        return []
    own = store is None
    history = HistoryStore() if store is None else store
    try:
        saved = {str(Path(p).resolve()) for p in history.audio_paths()}
    finally:
        if own:
            history.close()
    orphans = [p for p in candidates if str(p.resolve()) not in saved]
    return sorted(orphans, key=lambda p: p.stat().st_mtime, reverse=True)


@dataclass(frozen=True)
class Orphan:
    """A recording to offer back: where it is, when and how long, and its question."""

    path: Path
    modified: datetime
    seconds: float
    question: Any = None  # the bank Question, None when the file name does not say

    @property
    def label(self) -> str:
        what = self.question.text if self.question is not None else "question unknown"
        minutes, seconds = divmod(round(self.seconds), 60)
        return f"{self.modified:%a %d %b %H:%M} · {minutes}:{seconds:02d} · {what}"


def find_orphans(store: HistoryStore | None, library: Any,
                 folder: Path | None = None) -> list[Orphan]:
    """The orphan recordings with what the app shows about them, newest first."""
    found = []
    for path in orphan_recordings(store, folder):
        stat = path.stat()
        found.append(Orphan(path, datetime.fromtimestamp(stat.st_mtime),
                            max(stat.st_size - HEADER_BYTES, 0) / BYTES_PER_SECOND,
                            question_for_recording(library, path)))
    return found
