"""Which bank questions a posting calls for, and which of its lines each one covers.

A question's words are its text and its key points (what an interviewer listens for),
compared stem by stem with each duty and requirement. Rare words weigh more than words
every question uses (inverse document frequency over the banks), so "lockbox" chooses a
question and "customer" alone does not.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from interviewer.banks import Question
from interviewer.posting.model import Item, Posting
from interviewer.posting.terms import content_terms, stems_of

# A word tells only when few questions use it (weight = log((N + 1) / (df + 0.5)), so 2.0
# is about one question in eight); an item is covered by a question sharing two of its
# telling words, or its only one ("Excel skills"). Tuned on the dev postings
# (tests/interviewer/posting/postings/dev), checked on the three others.
MIN_TELLING = 2.0
MIN_SHARED = 2


@dataclass(frozen=True)
class Match:
    """A bank question against the posting: the items it covers and the words behind it."""

    question: Question
    covers: tuple[int, ...]  # indexes into posting.items
    words: tuple[str, ...]  # the posting's own words that matched, most telling first
    weight: float


def question_stems(question: Question) -> frozenset[str]:
    """The stems of the question and of what its key points listen for (no markers)."""
    return _question_stems(question)


@lru_cache(maxsize=4096)
def _question_stems(question: Question) -> frozenset[str]:
    texts = [question.text]
    for point in question.key_points:
        texts.append(point.label)
        texts += [p for p in point.phrases if not p.startswith("@")]
    return frozenset().union(*(stems_of(t.replace("#", " ")) for t in texts))


class Weights:
    """Inverse document frequency of every stem over the candidate questions."""

    def __init__(self, questions: Sequence[Question], tools: Sequence[str]) -> None:
        self.count = len(questions)
        self.df: dict[str, int] = {}
        for question in questions:
            for stem in question_stems(question):
                self.df[stem] = self.df.get(stem, 0) + 1
        self.tools = frozenset().union(*(stems_of(t) for t in tools)) if tools else frozenset()

    def of(self, stem: str) -> float:
        return math.log((self.count + 1) / (self.df.get(stem, 0) + 0.5))

    def total(self, stems: frozenset[str]) -> float:
        return sum(self.of(s) for s in sorted(stems))  # one order: the same float every run


    def telling(self, stems: frozenset[str]) -> frozenset[str]:
        """The stems that say what the work is: rare in the banks, or a tool."""
        return frozenset(s for s in stems if s in self.tools or self.of(s) >= MIN_TELLING)


def covers(item_stems: frozenset[str], stems: frozenset[str], weights: Weights) -> bool:
    """Does a question ask about an item: two shared telling words, or all the item has?"""
    telling = weights.telling(item_stems)
    shared = telling & stems
    return bool(shared) and _worth(shared) >= min(MIN_SHARED, _worth(telling))


def _worth(stems: frozenset[str]) -> int:
    """A pair of words ("credit hold") counts as two single ones."""
    return sum(2 if " " in s else 1 for s in stems)


def match_questions(posting: Posting, questions: Sequence[Question]) -> list[Match]:
    """Every question that covers at least one item, best first."""
    weights = Weights(questions, posting.tools)
    items = [frozenset(stems_of(i.text)) for i in posting.items]
    surface = _surfaces(posting.items)
    matches = []
    for question in questions:
        stems = question_stems(question)
        covered = tuple(n for n, item in enumerate(items) if covers(item, stems, weights))
        if not covered:
            continue
        shared = weights.telling(frozenset().union(*(items[n] & stems for n in covered)))
        ranked = sorted(shared, key=lambda s: (-weights.of(s), s))
        matches.append(Match(question, covered, tuple(surface[s] for s in ranked),
                             weights.total(shared) + len(covered)))
    return sorted(matches, key=lambda m: -m.weight)


def _surfaces(items: Sequence[Item]) -> dict[str, str]:
    """How the posting writes each stem (its first use)."""
    words: dict[str, str] = {}
    for item in items:
        terms = content_terms(item.text)
        for stem, word in terms:
            words.setdefault(stem, word)
        for (a, first), (b, second) in zip(terms, terms[1:], strict=False):
            words.setdefault(f"{a} {b}", f"{first} {second}")
    return words


def choose(matches: list[Match], limit: int, skip: frozenset[str] = frozenset()) -> list[Match]:
    """Up to `limit` questions, each covering an item no question chosen before covers:
    most new items first, then the heavier match."""
    chosen: list[Match] = []
    covered: set[int] = set()
    pool = [m for m in matches if m.question.id not in skip]
    while pool and len(chosen) < limit:
        best = max(pool, key=lambda m: (len(set(m.covers) - covered), m.weight))
        if not set(best.covers) - covered:
            break
        chosen.append(best)
        covered |= set(best.covers)
        pool.remove(best)
    return chosen
