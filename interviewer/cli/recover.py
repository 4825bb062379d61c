"""`interviewer history --recover`: score and save the answers a crash left unsaved.

The terminal twin of the app's Recover… dialog. A recording whose file name names
its question is transcribed, scored and saved as an attempt in a new session of
that question's bank; one whose question is unknown is listed and left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

from interviewer.banks import Library, Question
from interviewer.capture.recording import read_repaired
from interviewer.cli.progress import working
from interviewer.errors import InterviewerError
from interviewer.history import HistoryStore, Orphan, feedback_fields, find_orphans
from interviewer.history.unsaved import UnsavedAnswer, forget
from interviewer.reports.format import clip
from interviewer.speech import load_recognizer
from interviewer.speech.base import Recognizer
from interviewer.speech.transcribe import transcribe_pcm

MODE = "practice"  # as the app does: a recovered answer is a practice answer


def recover_orphans(store: HistoryStore, library: Library,
                    out: Callable[[str], None] = print) -> int:
    """Save every orphan with a known question; returns how many were saved."""
    found = find_orphans(store, library)
    known = [o for o in found if o.question is not None or o.unsaved is not None]
    for orphan in found:
        if orphan not in known:
            out(f"left alone (question unknown): {orphan.path}\n"
                "  score it in the app: Recover... on the start screen lets you pick the question")
    if not found:
        out("Nothing to recover: every recording belongs to a saved attempt.")
    if not known:
        return 0
    recognizer: Recognizer | None = None
    sessions: dict[str, int] = {}
    saved = 0
    for orphan in known:
        try:
            if orphan.unsaved is not None:  # kept when a save failed: nothing to transcribe
                attempt, said = _save_kept(store, orphan.unsaved, orphan.question, sessions)
            else:
                with working(f"transcribing {orphan.path.name}"):
                    recognizer = recognizer or load_recognizer()
                    attempt, said = _recover_one(store, library, recognizer, orphan, sessions)
        except InterviewerError as exc:
            out(f"not recovered: {orphan.path}: {exc.message} ({exc.hint})")
            continue
        saved += 1
        out(f"recovered: {orphan.label}\n  attempt {attempt}: \"{clip(said, 70, '...')}\"")
    for session_id in sessions.values():
        store.finish_session(session_id)
    return saved


def _save_kept(store: HistoryStore, kept: UnsavedAnswer, question: Question | None,
               sessions: dict[str, int]) -> tuple[int, str]:
    """Save an answer a failed save kept, as it was scored then; the sidecar goes after."""
    target = question or SimpleNamespace(id=kept.question_id, text=kept.question_text)
    if kept.bank_id not in sessions:
        sessions[kept.bank_id] = store.start_session(kept.bank_id, MODE)
    feedback = kept.feedback
    if not feedback and question is not None:   # kept on a nearly full disk: score it now
        from interviewer.analysis import score_answer

        said = kept.corrected_text or kept.transcript
        feedback = score_answer(question, said).to_dict()
    attempt = store.add_attempt(sessions[kept.bank_id], target, kept.transcript, feedback,
                                corrected_text=kept.corrected_text, audio_path=kept.recording)
    store.record_review(kept.question_id, feedback_fields.coverage(feedback, feedback))
    forget(kept)
    return attempt, kept.corrected_text or kept.transcript.text


def _recover_one(store: HistoryStore, library: Library, recognizer: Recognizer, orphan: Orphan,
                 sessions: dict[str, int]) -> tuple[int, str]:
    """Score one recording and save it; returns the attempt id and what was heard."""
    from interviewer.analysis import score_answer
    from interviewer.analysis.answer_limits import scored_part

    question = orphan.question
    assert question is not None  # `known` has no recording without one
    pcm = read_repaired(orphan.path)
    transcript = transcribe_pcm(pcm, recognizer)
    feedback = score_answer(question, scored_part(transcript), library, pcm=pcm)
    if question.bank_id not in sessions:
        sessions[question.bank_id] = store.start_session(question.bank_id, MODE)
    attempt = store.add_attempt(sessions[question.bank_id], question, transcript, feedback,
                                audio_path=orphan.path)
    store.record_review(question.id, feedback.coverage)
    return attempt, transcript.text
