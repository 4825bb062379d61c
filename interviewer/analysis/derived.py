"""Key points for a question that has none: the terms of its sample answers that set it apart.

A term scores by how often the sample answers use it times how rare it is among the other
questions of the bank (tf-idf), raised when the question or its tips name it, or when the
bank's written key phrases use it (a word of the trade), so "aging report" beats "usually".
"""

from __future__ import annotations

import math
from collections import Counter

from interviewer.analysis.lexicon import words
from interviewer.analysis.matching import TextIndex
from interviewer.analysis.tokens import Token, tokenize
from interviewer.banks import KeyPoint, Question

MAX_POINTS = 5
MIN_LENGTH = 4
_GENERIC = words("""
usually always almost actually first today anyone though going stays stay helped help keep
make made take took role time times thing things lot good well next last every each also
really often still even just rather instead around about because since while which whose
someone something everything nothing week weeks month months year years day days
""")

Term = tuple[str, ...]


def _useful(token: Token) -> bool:
    return (not token.stop and not token.number and len(token.word) >= MIN_LENGTH
            and token.word not in _GENERIC and not token.word.endswith("ly"))


def _terms(text: str) -> list[tuple[Term, str]]:
    """Unigrams and adjacent bigrams of useful words, with the text they were read from.

    A spelled-out acronym ("days sales outstanding") is one term, never cut into pieces.
    """
    tokens = tokenize(text)
    expansions = TextIndex(tokens).expansions
    inside = {i for a, b in expansions for i in range(a, b + 1)}
    terms = [(tuple(t.stem for t in tokens[a:b + 1]), text[tokens[a].start:tokens[b].end])
             for a, b in expansions]
    terms += [((t.stem,), text[t.start:t.end]) for i, t in enumerate(tokens)
              if _useful(t) and i not in inside]
    for i, (a, b) in enumerate(zip(tokens, tokens[1:], strict=False)):
        if _useful(a) and _useful(b) and not b.after_break and not {i, i + 1} & inside:
            terms.append(((a.stem, b.stem), text[a.start:b.end]))
    return terms


def _stems(texts: list[str]) -> set[str]:
    return {t.stem for text in texts for t in tokenize(text)}


def _document(question: Question) -> set[Term]:
    text = " ".join([question.text, *(a.text for a in question.sample_answers)])
    return {term for term, _ in _terms(text)}


def derive_key_points(question: Question, neighbours: tuple[Question, ...] = ()) -> list[KeyPoint]:
    """Up to five distinctive terms of the sample answers, as key points."""
    others = [_document(q) for q in neighbours if q.id != question.id]
    named = _stems([question.text, *question.tips])
    trade = _stems([p for q in neighbours for k in q.key_points for p in k.phrases])
    counts: Counter[Term] = Counter()
    surfaces: dict[Term, Counter[str]] = {}
    for answer in question.sample_answers:
        for term, surface in _terms(answer.text):
            counts[term] += 1
            surfaces.setdefault(term, Counter())[surface.lower()] += 1

    def weight(term: Term) -> float:
        df = sum(term in doc for doc in others)
        idf = math.log((len(others) + 1) / (df + 1)) + 1
        boost = 1.3 if len(term) > 1 else 1.0
        boost *= 1.5 if all(s in named for s in term) else 1.0
        boost *= 2.0 if all(s in trade for s in term) else 1.0
        return counts[term] * idf * boost

    chosen: list[Term] = []
    for term in sorted(counts, key=lambda t: (-weight(t), t)):
        if not any(set(term) & set(c) for c in chosen):
            chosen.append(term)
        if len(chosen) == MAX_POINTS:
            break
    return [KeyPoint(label=surfaces[t].most_common(1)[0][0].capitalize(),
                     phrases=(surfaces[t].most_common(1)[0][0],)) for t in chosen]
