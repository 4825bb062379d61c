"""A scripted practice run: two sessions of real bank questions answered in typed text.

Feedback is made the way the analysis reports it (key points hit by their phrases,
pace from word timings), using the bank's own key points, so history and reports are
exercised with realistic records while the recognizer and microphone stay out of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from interviewer.banks import Question, load_library
from interviewer.banks.validate import phrase_in
from interviewer.history import HistoryStore
from interviewer.transcript import Transcript, Word

BANK = "ar-specialist"
FIRST = {
    "full-cycle-ar-experience": "I handle invoicing and I call customers when they pay late.",
    "prioritize-overdue-accounts": "I start with the biggest balance.",
    "customer-disputes-invoice": "I listen to the customer and fix the invoice <quickly> & "
                                 "politely.",
}
SECOND = {
    "full-cycle-ar-experience": "I own the receivables cycle end to end: I send the invoices, "
                                "work the weekly aging report, follow up on past due balances, "
                                "reconcile accounts every month and sort disputes with sales, "
                                "which keeps our collection rate high.",
    "prioritize-overdue-accounts": "I sort the aging report into 30, 60 and 90 day buckets and "
                                   "call the oldest and largest balances first.",
    "customer-disputes-invoice": "At my last job a customer disputed a freight charge. I pulled "
                                 "the proof of delivery, worked with sales and issued a credit, "
                                 "and the balance was paid in a week.",
}
START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@dataclass
class PracticeRun:
    sessions: list[int]
    attempts: list[int]
    questions: dict[str, Question]


def feedback_for(question: Question, transcript: Transcript) -> dict:
    """Key points hit by their phrases, as analysis.Feedback.to_dict() lays them out."""
    points = [{"label": kp.label, "covered": any(phrase_in(p, transcript.text) for p in kp.phrases)}
              for kp in question.key_points]
    coverage = sum(p["covered"] for p in points) / len(points)
    delivery = None
    if transcript.words:
        minutes = (transcript.words[-1].end - transcript.words[0].start) / 60
        fillers = [{"text": w.word, "start": w.start} for w in transcript.words if w.word == "um"]
        delivery = {"duration": transcript.duration, "word_count": len(transcript.words),
                    "wpm": round(len(transcript.words) / minutes, 1), "pace": "ok",
                    "fillers": fillers, "pauses": [], "repeats": [], "notes": []}
    has_result = any(ch.isdigit() for ch in transcript.text)
    return {"question": question.id, "transcript": transcript.text, "coverage": coverage,
            "key_points": points, "delivery": delivery,
            "structure": {"star": {"situation": None, "task": None, "action": None,
                                   "result": transcript.text if has_result else None},
                          "red_flags": []},
            "observations": [] if has_result else ["Say what the result was, with a number."]}


def spoken(text: str, seconds_per_word: float) -> Transcript:
    """A transcript with word timings, as the recognizer would give for this text."""
    words = tuple(Word(w, i * seconds_per_word, (i + 0.8) * seconds_per_word, 0.9)
                  for i, w in enumerate(text.split()))
    return Transcript(text=text, words=words, duration=len(words) * seconds_per_word,
                      engine="vosk", model="vosk-model-small-en-us-0.15")


def scripted_practice_run(store: HistoryStore) -> PracticeRun:
    library = load_library()
    questions = {slug: library.question(f"{BANK}/{slug}") for slug in FIRST}
    run = PracticeRun([], [], questions)
    for day, answers in enumerate((FIRST, SECOND)):
        started = START + timedelta(days=7 * day)
        session = store.start_session(BANK, "practice", started_at=started)
        run.sessions.append(session)
        for n, (slug, text) in enumerate(answers.items()):
            question = questions[slug]
            # The first answer of each session is spoken (timings), the rest typed.
            transcript = spoken(text, 0.5 - 0.1 * day) if n == 0 else Transcript.typed(text)
            feedback = feedback_for(question, transcript)
            run.attempts.append(store.add_attempt(
                session, question, transcript, feedback,
                created_at=started + timedelta(minutes=2 * n + 1)))
            store.record_review(question.id, feedback["coverage"],
                                now=started + timedelta(minutes=2 * n + 1))
        store.finish_session(session, finished_at=started + timedelta(minutes=10))
    return run
