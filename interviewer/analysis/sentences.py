"""Sentences of an answer, also for recognizer text that has no punctuation at all."""

from __future__ import annotations

import re
from dataclasses import dataclass

from interviewer.analysis.lexicon import words
from interviewer.analysis.tokens import Token

_END = re.compile(r"[.!?]+(?=\s|$)")
_BREAK_WORDS = words("so then but because after which finally eventually afterwards "
                         "however")
MAX_WORDS = 30
MIN_WORDS = 8


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    words: tuple[str, ...]

    @property
    def plain(self) -> str:
        """Folded words with single spaces, for cue patterns."""
        return " ".join(self.words)


def _by_punctuation(text: str, tokens: list[Token]) -> list[list[Token]]:
    ends = [m.end() for m in _END.finditer(text)]
    groups: list[list[Token]] = [[]]
    k = 0
    for token in tokens:
        while k < len(ends) and token.start >= ends[k]:
            k += 1
            if groups[-1]:
                groups.append([])
        groups[-1].append(token)
    return [g for g in groups if g]


def _by_markers(group: list[Token]) -> list[list[Token]]:
    """Long runs of words are cut before discourse markers ("so", "then", "because")."""
    if len(group) <= MAX_WORDS:
        return [group]
    parts: list[list[Token]] = [[]]
    for token in group:
        if token.word in _BREAK_WORDS and len(parts[-1]) >= MIN_WORDS:
            parts.append([])
        parts[-1].append(token)
    return parts


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    sentences = []
    for group in _by_punctuation(text, tokens):
        for part in _by_markers(group):
            sentences.append(Sentence(part[0].start, part[-1].end, tuple(t.word for t in part)))
    return sentences
