"""Scoring an attempt the same way in both front ends: its words, and its recordings."""

from __future__ import annotations

from pathlib import Path

from interviewer.analysis import score_answer
from interviewer.analysis.feedback import Feedback
from interviewer.answer_limits import scored_part
from interviewer.banks import Library, Question
from interviewer.errors import InterviewerError
from interviewer.transcript import Transcript


def score_attempt(question: Question, answer: Transcript, audio_paths: list[Path | None],
                  library: Library | None = None) -> Feedback:
    """Score an answer; with its recordings (in the order spoken), delivery also counts
    hesitations. A follow-up's answer comes with two recordings, joined here."""
    pcm = None
    if audio_paths and None not in audio_paths and answer.has_timings:
        from interviewer.speech import read_pcm

        try:
            pcm = b"".join(read_pcm(path) for path in audio_paths if path is not None)
        except InterviewerError:
            pcm = None  # a damaged recording still gets a score from its words
    return score_answer(question, scored_part(answer), library, pcm=pcm)
