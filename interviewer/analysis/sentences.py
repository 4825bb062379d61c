"""Sentences of an answer, also for recognizer text that has no punctuation at all.

Typed and punctuated text is cut at its full stops. Recognizer text usually has none, so
it is cut where a speaker starts a new clause: after a pause in the word timings, or
before a cue word ("so", "then", "the result was", "my task was"). Every cut is linear in
the length of the answer.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from interviewer.analysis.lexicon import words
from interviewer.analysis.tokens import Token

_END = re.compile(r"[.!?]+(?=\s|$)")
_BREAK_WORDS = words("so then but because after which finally eventually afterwards "
                     "however")
MAX_WORDS = 30          # a punctuated sentence longer than this is cut at markers too
MIN_WORDS = 8
MIN_SPOKEN = 4          # shortest clause cut from unpunctuated text
MAX_SPOKEN = 40         # unpunctuated text is cut here at the latest
WORDS_PER_STOP = 40     # fewer full stops than one per this many words: read as unpunctuated

# Words that open a new clause in speech, as folded word sequences.
_OPENERS: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "so", "then", "and then", "but", "because", "after that", "afterwards", "finally",
    "eventually", "in the end", "as a result", "the result", "the outcome", "which meant",
    "that meant", "my task", "my job was", "my goal", "my role was", "the goal",
    "i needed to", "i had to", "we needed to", "i decided", "what i did", "first i",
    "next i", "once", "since then", "from then on", "now i", "looking back", "the lesson",
    "i learned", "at the time", "at my last", "at my previous", "when i was", "there was",
    "we had", "however", "by the end", "within"))
_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _opener in _OPENERS:
    _BY_FIRST.setdefault(_opener[0], []).append(_opener)
_LONG_OPENERS = frozenset({("and", "i"), ("and", "we"), ("and", "they"), ("and", "he"),
                           ("and", "she")})


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    words: tuple[str, ...]
    first: int = 0       # index of its first token in the answer

    @property
    def plain(self) -> str:
        """Folded words with single spaces, for cue patterns."""
        return " ".join(self.words)


def _by_punctuation(text: str, tokens: list[Token]) -> list[list[int]]:
    ends = [m.end() for m in _END.finditer(text)]
    groups: list[list[int]] = [[]]
    k = 0
    for i, token in enumerate(tokens):
        while k < len(ends) and token.start >= ends[k]:
            k += 1
            if groups[-1]:
                groups.append([])
        groups[-1].append(i)
    return [g for g in groups if g]


def _by_markers(group: list[int], tokens: list[Token]) -> list[list[int]]:
    """Long runs of words are cut before discourse markers ("so", "then", "because")."""
    if len(group) <= MAX_WORDS:
        return [group]
    parts: list[list[int]] = [[]]
    for i in group:
        if tokens[i].word in _BREAK_WORDS and len(parts[-1]) >= MIN_WORDS:
            parts.append([])
        parts[-1].append(i)
    return parts


def _opens_clause(tokens: list[Token], i: int, length: int) -> bool:
    word = tokens[i].word
    if word not in _BY_FIRST and word != "and":
        return False
    for opener in _BY_FIRST.get(tokens[i].word, ()):
        if tuple(t.word for t in tokens[i:i + len(opener)]) == opener:
            return True
    pair = tuple(t.word for t in tokens[i:i + 2])
    return length >= 2 * MIN_SPOKEN and pair in _LONG_OPENERS


_FIGURE_JOINS = words("to from by and over under about around nearly almost than point")
_FIGURE_UNITS = words("dollars euros pounds percent days weeks months hours k thousand "
                      "million")


def _inside_figure(tokens: list[Token], i: int) -> bool:
    """True between the words of one figure ("from 52 | to 41", "over | 480000 dollars"):
    a quoted clause never ends mid-figure, however long the speaker paused there."""
    if i == 0:
        return False
    before, here = tokens[i - 1], tokens[i]
    return ((here.number and (before.number or before.word in _FIGURE_JOINS))
            or (before.number and (here.word in _FIGURE_UNITS or here.word in ("to", "and"))))


def _by_speech(tokens: list[Token], pauses: Collection[int]) -> list[list[int]]:
    """Clauses of unpunctuated text: cut at pauses and before cue words, never inside a
    figure (up to MAX_SPOKEN + 10 words, the hard limit)."""
    parts: list[list[int]] = [[]]
    for i in range(len(tokens)):
        length = len(parts[-1])
        if length >= MAX_SPOKEN + 10 or (not _inside_figure(tokens, i) and (
                length >= MAX_SPOKEN or (length >= MIN_SPOKEN and (
                    i in pauses or tokens[i].after_break
                    or _opens_clause(tokens, i, length))))):
            parts.append([])
        parts[-1].append(i)
    return [p for p in parts if p]


def is_punctuated(text: str, tokens: list[Token]) -> bool:
    stops = sum(1 for _ in _END.finditer(text))
    return stops > 0 and stops * WORDS_PER_STOP >= len(tokens)


def split_sentences(text: str, tokens: list[Token],
                    pauses: Collection[int] = ()) -> list[Sentence]:
    """Sentences by full stops where the text has them, else clauses by pauses and cues.

    `pauses` holds the indices of tokens said after a noticeable silence.
    """
    if is_punctuated(text, tokens):
        groups = [p for g in _by_punctuation(text, tokens) for p in _by_markers(g, tokens)]
    else:
        groups = _by_speech(tokens, pauses)
    return [Sentence(tokens[g[0]].start, tokens[g[-1]].end, tuple(tokens[i].word for i in g),
                     g[0]) for g in groups]
