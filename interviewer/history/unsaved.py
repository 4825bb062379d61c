"""Answers the history could not save (a full disk, a damaged database), kept beside it.

When a save fails, the answer's text, transcript and feedback go to a small JSON file
in the recordings folder; its recording, if it has one, is already on disk. At the
next start they are offered back with the recordings a crash left (see orphans.py),
and `history --recover` or the app's Recover saves them for real.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer import paths, side_files
from interviewer.clean_text import deep_without_surrogates
from interviewer.history.records import from_text, now_utc, to_text
from interviewer.safe_read import UnreadableFileError, read_json
from interviewer.transcript import Transcript, Word

if TYPE_CHECKING:
    from interviewer.history.store import HistoryStore  # which imports this module

SUFFIX = ".unsaved.json"
FORMAT = 1
MAX_SIDECAR_BYTES = 64 * 1024 * 1024  # a 1 MB answer's feedback is far below this


@dataclass(frozen=True)
class UnsavedAnswer:
    """One answer kept in a sidecar file, ready to be saved into the history again."""

    path: Path  # the sidecar itself
    question_id: str
    question_text: str
    transcript: Transcript
    feedback: dict[str, Any]  # Feedback.to_dict, as kept
    corrected_text: str | None
    audio_path: Path | None
    created_at: datetime

    @property
    def bank_id(self) -> str:
        return self.question_id.partition("/")[0]

    @property
    def recording(self) -> Path | None:
        """The answer's recording when it is still on disk."""
        return self.audio_path if self.audio_path and self.audio_path.is_file() else None


def _name_for(question_id: str, audio_path: Path | None) -> str:
    """Next to its recording's name when it has one, else `<bank>--<slug>--<time>`, like
    recordings, so the file says which question it answers."""
    if audio_path is not None:
        return audio_path.name + SUFFIX
    bank, _, slug = question_id.partition("/")
    return f"{bank}--{slug or 'answer'}--{time.strftime('%Y%m%d-%H%M%S')}{SUFFIX}"


def keep_answer(question: object, transcript: Transcript, feedback: dict[str, Any],
                corrected_text: str | None = None, audio_path: Path | str | None = None,
                folder: Path | None = None) -> Path:
    """Write the answer to a new sidecar file and return its path (OSError if even that
    fails: the caller says so). Never overwrites an earlier one."""
    question_id = str(getattr(question, "id", question))
    audio = Path(audio_path).resolve() if audio_path else None
    data: dict[str, object] = {
        "format": FORMAT, "question_id": question_id,
        "question_text": getattr(question, "text", ""), "created_at": to_text(now_utc()),
        "transcript": {"text": transcript.text, "duration": transcript.duration,
                       "engine": transcript.engine, "model": transcript.model,
                       "words": [[w.word, w.start, w.end, w.conf] for w in transcript.words]},
        "corrected_text": corrected_text, "audio_path": str(audio) if audio else None,
        "feedback": feedback,
    }
    folder = paths.ensure(folder or paths.recordings_dir())
    try:
        return _write_sidecar(folder, _name_for(question_id, audio), data)
    except FileExistsError:
        raise
    except OSError:
        # a nearly full disk: the answer itself matters, its feedback is scored again
        # when it is recovered
        return _write_sidecar(folder, _name_for(question_id, audio), {**data, "feedback": {}})


def _write_sidecar(folder: Path, base: str, data: dict[str, object]) -> Path:
    body = json.dumps(deep_without_surrogates(data), ensure_ascii=False,
                      default=str).encode("utf-8")
    for n in range(1, 1000):
        target = folder / (base if n == 1 else base.replace(SUFFIX, f"-{n}{SUFFIX}"))
        try:
            _write_new(target, body)
        except FileExistsError:
            continue
        return target
    raise FileExistsError(f"{folder / base}: too many unsaved answers with this name")


def _write_new(target: Path, body: bytes) -> None:
    """Create `target` with `body`, all of it on disk, or no file at all (a full disk)."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        view = memoryview(body)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        target.unlink(missing_ok=True)  # half a sidecar is no sidecar
        raise
    os.close(fd)


def read_unsaved(path: Path) -> UnsavedAnswer:
    """The answer in a sidecar; ValueError when the file is not one."""
    try:
        data = read_json(path, MAX_SIDECAR_BYTES)
    except UnreadableFileError as exc:
        raise ValueError(str(exc)) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not an unsaved answer of this version")
    heard = data["transcript"]
    if not isinstance(heard, dict) or not isinstance(heard.get("words", []), list):
        raise ValueError("its transcript is not a table of text and words")
    words = tuple(Word(str(w[0]), float(w[1]), float(w[2]), float(w[3]))
                  for w in heard.get("words", []))
    transcript = Transcript(text=str(heard["text"]), words=words,
                            duration=float(heard.get("duration", 0.0)),
                            engine=str(heard.get("engine", "typed")),
                            model=str(heard.get("model", "")))
    feedback = data.get("feedback")
    audio = data.get("audio_path")
    if not isinstance(data.get("corrected_text"), str | None) or not isinstance(audio, str | None):
        raise ValueError("its corrected text or recording path is not text")
    return UnsavedAnswer(
        path=Path(path), question_id=str(data["question_id"]),
        question_text=str(data.get("question_text", "")), transcript=transcript,
        feedback=feedback if isinstance(feedback, dict) else {},
        corrected_text=data.get("corrected_text"), audio_path=Path(audio) if audio else None,
        created_at=from_text(str(data["created_at"])))


def unsaved_answers(folder: Path | None = None) -> list[UnsavedAnswer]:
    """Every readable sidecar in the recordings folder; a damaged one is left for a person."""
    folder = folder or paths.recordings_dir()
    try:
        found = [p for p in folder.rglob(f"*{SUFFIX}") if p.is_file()]
    except OSError:
        return []
    answers = []
    for path in found:
        try:
            answers.append(read_unsaved(path))
        except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
            side_files.warn(path, f"not a readable unsaved answer ({exc})",
                            "left for you to look at")
            continue
    return answers


def is_saved(answer: UnsavedAnswer, store: HistoryStore) -> bool:
    """True once the history holds this answer: its recording, or its text on its question
    after it was kept (the app's Recover saves it through the ordinary path)."""
    if answer.audio_path is not None:
        return str(answer.audio_path) in store.audio_paths()
    return any(a.created_at >= answer.created_at
               and answer.transcript.text.strip() in (a.transcript.text.strip(),
                                                      (a.corrected_text or "").strip())
               for a in store.attempts(question_id=answer.question_id))


def forget(answer: UnsavedAnswer) -> None:
    """Remove a sidecar whose answer is now in the history."""
    with contextlib.suppress(OSError):
        answer.path.unlink(missing_ok=True)
