"""score_answer: the one entry point that turns an answer into feedback."""

from __future__ import annotations

from interviewer.analysis.alignment import pause_tokens
from interviewer.analysis.context import context_for
from interviewer.analysis.coverage import coverage_of, prepare, score_points
from interviewer.analysis.delivery import analyse_delivery, typed_fillers
from interviewer.analysis.evidence import with_evidence
from interviewer.analysis.feedback import Feedback
from interviewer.analysis.observations import build_observations
from interviewer.analysis.results import result_ranges
from interviewer.analysis.structure import analyse_structure
from interviewer.analysis.tokens import tokenize
from interviewer.banks import Library, Question
from interviewer.transcript import Transcript


def score_answer(question: Question, answer: Transcript | str, library: Library | None = None,
                 *, pcm: bytes | None = None) -> Feedback:
    """Coverage, delivery and structure of one answer; fast enough for every partial result.

    `library` supplies the bank the question belongs to (for derived key points and the
    words the banks use); without it the built-in and user banks are loaded once.
    `pcm`, the answer's 16 kHz mono audio, lets delivery count hesitations the
    recognizer dropped.
    """
    transcript = Transcript.typed(answer) if isinstance(answer, str) else answer
    text = transcript.text
    context = context_for(library)
    tokens = tokenize(text)
    business, outcomes = result_ranges(tokens)
    results = sorted(business + outcomes)
    points = with_evidence(score_points(text, tokens, prepare(question, context), context,
                                        business), text, transcript.words)
    delivery = analyse_delivery(transcript, pcm)
    pauses = pause_tokens(text, tokens, transcript.words) if transcript.words else set()
    structure = analyse_structure(text, tokens, question.category,
                                  delivery.duration if delivery else None, pauses, results)
    fillers = typed_fillers([t.word for t in tokens]) if delivery is None else {}
    observations = build_observations(points, delivery, structure, question.category,
                                      empty=not tokens, typed_fillers=fillers)
    return Feedback(question.id, text, coverage_of(points), points, delivery, structure,
                    observations)
