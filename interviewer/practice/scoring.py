"""Scoring an attempt the same way in both front ends: its words, and its audio."""

from __future__ import annotations

from interviewer.analysis import score_answer
from interviewer.analysis.answer_limits import scored_part
from interviewer.analysis.feedback import Feedback
from interviewer.banks import Library, Question
from interviewer.transcript import Transcript


def score_attempt(question: Question, answer: Transcript, pcm: bytes | None,
                  library: Library | None = None) -> Feedback:
    """Score an answer; with its audio (16 kHz mono PCM, a follow-up's joined after its
    first answer's), delivery also counts hesitations. The audio comes from memory: the
    recording on disk may be gone or unreadable by now, and reading it back costs time."""
    timed = pcm if pcm and answer.has_timings else None
    return score_answer(question, scored_part(answer), library, pcm=timed)
