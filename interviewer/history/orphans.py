"""Answers on disk that no saved attempt points to: what a crash or a failed save left.

The recorder writes audio as it is captured, so after a crash the WAV is there but
its attempt is not. A save the database refused (a full disk, a damaged file) keeps
the answer in a sidecar (unsaved.py). The app lists both at start and offers them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from interviewer import paths
from interviewer.capture.recording import HEADER_BYTES, question_for_recording
from interviewer.history.unsaved import UnsavedAnswer, forget, is_saved, unsaved_answers
from interviewer.pcm import CHUNK_SECONDS, is_voice
from interviewer.speech.audio import BYTES_PER_SECOND

if TYPE_CHECKING:
    from interviewer.banks import Library, Question
    from interviewer.history.store import HistoryStore

AUDIO_SUFFIXES = (".wav", ".flac")
ANNOUNCED_FILE = "unsaved-announced.txt"  # the answers the terminal already mentioned


def holds_speech(path: Path) -> bool:
    """Does this recording have a moment of speech in it? Read 100 ms at a time, stopping
    at the first: an answer the app discarded as silent (no words heard) is not one to
    offer back. FLAC, which cannot be read this way, counts as speech."""
    if path.suffix.lower() != ".wav":
        return True
    chunk = int(BYTES_PER_SECOND * CHUNK_SECONDS)
    try:
        with path.open("rb") as file:
            file.seek(HEADER_BYTES)
            while block := file.read(chunk):
                if is_voice(block[: len(block) - len(block) % 2]):
                    return True
    except OSError:
        return True  # unreadable now: offer it rather than hide it
    return False


def orphan_recordings(store: HistoryStore | None = None, folder: Path | None = None) -> list[Path]:
    """Answers in `folder` (the recordings folder) with no attempt, newest first: recordings,
    and the sidecars of answers with no recording left.

    `store` is a HistoryStore; without one the default history is opened and closed.
    Files holding no audio past the header, or no speech, are left out: nothing to offer.
    """
    return [o.path for o in _unsaved(store, folder)]


def _unsaved(store: HistoryStore | None, folder: Path | None) -> list[_Found]:
    """Orphan recordings and kept answers; sidecars of answers saved since are removed."""
    from interviewer.history.store import HistoryStore

    folder = folder or paths.recordings_dir()
    if not folder.is_dir():
        return []
    candidates = [p for p in folder.rglob("*") if p.suffix.lower() in AUDIO_SUFFIXES
                  and p.is_file() and p.stat().st_size > HEADER_BYTES]
    kept = unsaved_answers(folder)
    if not candidates and not kept:
        return []
    own = store is None
    history = HistoryStore() if store is None else store
    try:
        saved = {str(Path(p).resolve()) for p in history.audio_paths()}
        waiting = []
        for answer in kept:
            if is_saved(answer, history):
                forget(answer)  # Recover saved it through the ordinary path
            else:
                waiting.append(answer)
    finally:
        if own:
            history.close()
    claimed = {str(a.recording.resolve()) for a in waiting if a.recording}
    found = [_Found(p, None) for p in candidates
             if str(p.resolve()) not in saved and str(p.resolve()) not in claimed
             and holds_speech(p)]
    found += [_Found(a.recording or a.path, a) for a in waiting]
    found.sort(key=lambda f: f.path.stat().st_mtime, reverse=True)
    return found


@dataclass(frozen=True)
class _Found:
    path: Path
    unsaved: UnsavedAnswer | None


@dataclass(frozen=True)
class Orphan:
    """A recording to offer back: where it is, when and how long, and its question."""

    path: Path
    modified: datetime
    seconds: float
    question: Question | None = None  # None when the file name does not say
    # set when the history refused the save: the text and feedback kept in a sidecar
    unsaved: UnsavedAnswer | None = None

    @property
    def sidecar(self) -> Path | None:
        return self.unsaved.path if self.unsaved is not None else None

    @property
    def label(self) -> str:
        what = self.question.text if self.question is not None else "question unknown"
        if self.unsaved is not None and not self.seconds:
            return f"{self.modified:%a %d %b %H:%M} · typed, not saved · {what}"
        minutes, seconds = divmod(round(self.seconds), 60)
        kind = " · not saved" if self.unsaved is not None else ""
        return f"{self.modified:%a %d %b %H:%M} · {minutes}:{seconds:02d}{kind} · {what}"


def find_orphans(store: HistoryStore | None, library: Library,
                 folder: Path | None = None) -> list[Orphan]:
    """The unsaved answers with what the app shows about them, newest first."""
    found = []
    for item in _unsaved(store, folder):
        stat = item.path.stat()
        audio = item.unsaved is None or item.unsaved.recording is not None
        seconds = max(stat.st_size - HEADER_BYTES, 0) / BYTES_PER_SECOND if audio else 0.0
        question = question_for_recording(library, item.path)
        if item.unsaved is not None:
            question = _question(library, item.unsaved.question_id) or question
        found.append(Orphan(item.path, datetime.fromtimestamp(stat.st_mtime), seconds,
                            question, item.unsaved))
    return found


def _question(library: Library, question_id: str) -> Question | None:
    bank_id, _, slug = question_id.partition("/")
    for bank in library.banks:
        if bank.id == bank_id:
            return bank.question(slug)
    return None


def not_yet_announced(found: list[Path]) -> list[Path]:
    """The unsaved answers not mentioned before, and remember all of `found` as mentioned:
    the terminal says "not saved" once per answer, not on every run."""
    record = paths.data_dir() / ANNOUNCED_FILE
    try:
        before = set(record.read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        before = set()
    names = [str(p) for p in found]
    if set(names) != before:
        try:
            paths.ensure(record.parent)
            record.write_text("\n".join(names) + "\n" if names else "", encoding="utf-8")
        except OSError:
            pass  # said again next time: better than never
    return [p for p in found if str(p) not in before]

