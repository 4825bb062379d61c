"""What the history store hands back: plain frozen records, ready for JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.transcript import Transcript

if TYPE_CHECKING:
    from interviewer.analysis.feedback import Feedback


def now_utc() -> datetime:
    return datetime.now(UTC)


def to_text(moment: datetime) -> str:
    """One fixed UTC format, so text order in SQL is time order."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class SessionRecord:
    id: int
    bank_id: str
    mode: str
    started_at: datetime
    finished_at: datetime | None
    attempt_count: int = 0
    mean_coverage: float | None = None
    mean_wpm: float | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "bank_id": self.bank_id,
            "mode": self.mode,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "attempt_count": self.attempt_count,
            "mean_coverage": self.mean_coverage,
            "mean_wpm": self.mean_wpm,
        }


@dataclass(frozen=True)
class AttemptRecord:
    """One answer as saved: what was heard, what the candidate corrected, how it scored."""

    id: int
    session_id: int
    question_id: str
    question_text: str
    created_at: datetime
    transcript: Transcript
    corrected_text: str | None
    coverage: float
    wpm: float | None
    feedback: dict[str, Any] = field(default_factory=dict)  # Feedback.to_dict, as stored
    audio_path: Path | None = None
    followup_of: int | None = None

    @property
    def scored(self) -> Feedback | None:
        """The saved feedback, typed again; None for an attempt saved without one (or with
        only a few fields, as hand-made or very old records have)."""
        from interviewer.analysis.feedback import Feedback  # the scorer loads on demand

        if not self.feedback:
            return None
        try:
            return Feedback.from_dict(self.feedback)
        except (KeyError, TypeError, ValueError):
            return None

    @property
    def text(self) -> str:
        """The answer as the candidate means it: corrected if they corrected it."""
        return self.corrected_text if self.corrected_text is not None else self.transcript.text

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "session_id": self.session_id,
            "question_id": self.question_id,
            "question_text": self.question_text,
            "created_at": self.created_at.isoformat(),
            "transcript": self.transcript.text,
            "corrected_text": self.corrected_text,
            "engine": self.transcript.engine,
            "model": self.transcript.model,
            "duration": self.transcript.duration,
            "word_count": len(self.transcript.words),
            "coverage": self.coverage,
            "wpm": self.wpm,
            "audio_path": str(self.audio_path) if self.audio_path else None,
            "followup_of": self.followup_of,
            "feedback": self.feedback,
        }
