"""Recordings on disk that no saved attempt points to: answers a crash interrupted.

The recorder writes audio as it is captured, so after a crash the WAV is there but
its attempt is not. The app lists these at start and offers them back.
"""

from __future__ import annotations

from pathlib import Path

from interviewer import paths

AUDIO_SUFFIXES = (".wav", ".flac")
WAV_HEADER_BYTES = 44


def orphan_recordings(store: object | None = None, folder: Path | None = None) -> list[Path]:
    """Recordings in `folder` (the recordings folder) with no attempt, newest first.

    `store` is a HistoryStore; without one the default history is opened and closed.
    Files holding no audio past the header are left out: nothing to offer.
    """
    from interviewer.history.store import HistoryStore

    folder = folder or paths.recordings_dir()
    if not folder.is_dir():
        return []
    candidates = [p for p in folder.rglob("*") if p.suffix.lower() in AUDIO_SUFFIXES
                  and p.is_file() and p.stat().st_size > WAV_HEADER_BYTES]
    if not candidates:
        return []
    own = store is None
    history = HistoryStore() if own else store
    try:
        saved = {str(Path(p).resolve()) for p in history.audio_paths()}  # type: ignore[union-attr]
    finally:
        if own:
            history.close()  # type: ignore[union-attr]
    orphans = [p for p in candidates if str(p.resolve()) not in saved]
    return sorted(orphans, key=lambda p: p.stat().st_mtime, reverse=True)
