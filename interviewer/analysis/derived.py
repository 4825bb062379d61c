"""Key points for a question that has none: the terms of its sample answers that set it apart.

A term scores by how often the sample answers use it, times how rare it is among the
other questions of the bank (tf-idf), so "aging report" beats "customer" in an AR bank.
"""

from __future__ import annotations

import math
from collections import Counter

from interviewer.analysis.tokens import Token, tokenize
from interviewer.banks import KeyPoint, Question

MAX_POINTS = 5
MIN_LENGTH = 4


def _content(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if not t.stop and not t.number and len(t.word) >= MIN_LENGTH]


def _terms(text: str) -> list[tuple[tuple[str, ...], str]]:
    """Unigrams and adjacent bigrams of content words, with the text they were read from."""
    tokens = tokenize(text)
    content = _content(tokens)
    terms = [((t.stem,), text[t.start:t.end]) for t in content]
    for a, b in zip(tokens, tokens[1:], strict=False):
        if a in content and b in content:
            terms.append(((a.stem, b.stem), text[a.start:b.end]))
    return terms


def _document(question: Question) -> set[tuple[str, ...]]:
    text = " ".join([question.text, *(a.text for a in question.sample_answers)])
    return {term for term, _ in _terms(text)}


def derive_key_points(question: Question, neighbours: tuple[Question, ...] = ()) -> list[KeyPoint]:
    """Up to five distinctive terms of the sample answers, as key points."""
    others = [_document(q) for q in neighbours if q.id != question.id]
    counts: Counter[tuple[str, ...]] = Counter()
    surfaces: dict[tuple[str, ...], Counter[str]] = {}
    for answer in question.sample_answers:
        for term, surface in _terms(answer.text):
            counts[term] += 1
            surfaces.setdefault(term, Counter())[surface.lower()] += 1

    def weight(term: tuple[str, ...]) -> float:
        df = sum(term in doc for doc in others)
        idf = math.log((len(others) + 1) / (df + 1)) + 1
        return counts[term] * idf * (1.5 if len(term) == 2 else 1.0)

    chosen: list[tuple[str, ...]] = []
    for term in sorted(counts, key=lambda t: (-weight(t), t)):
        if any(set(term) & set(c) for c in chosen):
            continue
        chosen.append(term)
        if len(chosen) == MAX_POINTS:
            break
    points = []
    for term in chosen:
        surface = surfaces[term].most_common(1)[0][0]
        points.append(KeyPoint(label=surface.capitalize(), phrases=(surface,)))
    return points
