"""Key-point coverage: which points an answer hits, with spans in the answer and the samples."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from interviewer.analysis.context import BankContext
from interviewer.analysis.derived import derive_key_points
from interviewer.analysis.feedback import PointResult
from interviewer.analysis.matching import TextIndex
from interviewer.analysis.phrases import Pattern, compile_phrase
from interviewer.analysis.tokens import Token, tokenize
from interviewer.banks import Question


@dataclass(frozen=True)
class PreparedPoint:
    label: str
    patterns: tuple[Pattern, ...]
    sample_spans: list[list[tuple[int, int]]]
    derived: bool


@lru_cache(maxsize=1024)
def _prepare(question: Question, neighbours: tuple[Question, ...]) -> tuple[PreparedPoint, ...]:
    """Compile a question's key points once: patterns, and their spans in every sample answer."""
    derived = not question.key_points
    points = derive_key_points(question, neighbours) if derived else list(question.key_points)
    samples = [TextIndex(tokenize(a.text)) for a in question.sample_answers]
    prepared = []
    for point in points:
        patterns = tuple(p for phrase in point.phrases for p in compile_phrase(phrase))
        prepared.append(PreparedPoint(point.label, patterns,
                                      [index.spans(patterns) for index in samples], derived))
    return tuple(prepared)


def prepare(question: Question, context: BankContext) -> tuple[PreparedPoint, ...]:
    neighbours = context.banks.get(question.bank_id, ()) if not question.key_points else ()
    return _prepare(question, neighbours)


def score_points(text: str, tokens: list[Token], points: tuple[PreparedPoint, ...],
                 context: BankContext) -> list[PointResult]:
    """Match every key point against the answer's tokens."""
    index = TextIndex(tokens, context.known_words)
    results = []
    for point in points:
        spans = index.spans(point.patterns)
        matched = list(dict.fromkeys(text[a:b] for a, b in spans))
        results.append(PointResult(point.label, bool(spans), matched, spans,
                                   point.sample_spans, point.derived))
    return results


def coverage_of(results: list[PointResult]) -> float:
    return sum(r.covered for r in results) / len(results) if results else 0.0
