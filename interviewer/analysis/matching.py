"""Find key-phrase patterns in a tokenised text: exact stems first, then a careful fuzzy pass.

Fuzzy matching is what lets "cache application" count as "cash application", and it is
the easiest way to invent hits, so it is fenced in: never for stop words, numbers or
words shorter than four letters, never for a word the banks themselves use (a real word
the candidate chose, such as "contact" next to "contract"), and only with the same
opening letters.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import jellyfish
from rapidfuzz.distance import Levenshtein

from interviewer.analysis.phrases import Pattern
from interviewer.analysis.tokens import Token

MAX_GAP = 2            # words allowed between two words of a phrase
MIN_FUZZY_LENGTH = 4   # shorter words match exactly or not at all
MIN_SPELLING_SIMILARITY = 0.85


@lru_cache(maxsize=65536)
def _metaphone(word: str) -> str:
    return jellyfish.metaphone(word)


@lru_cache(maxsize=65536)
def sounds_like(heard: str, wanted: str) -> bool:
    """True when `heard` is plausibly `wanted` misrecognised or misspelled."""
    if heard == wanted or min(len(heard), len(wanted)) < MIN_FUZZY_LENGTH:
        return False
    if heard[:2] == wanted[:2]:
        code = _metaphone(wanted)
        if len(code) >= 2 and code == _metaphone(heard):
            return True
    return (heard[0] == wanted[0] and min(len(heard), len(wanted)) >= 5
            and Levenshtein.normalized_similarity(heard, wanted) >= MIN_SPELLING_SIMILARITY)


class TextIndex:
    """Where each stem occurs in a tokenised text, for fast phrase lookups."""

    def __init__(self, tokens: list[Token], known_words: frozenset[str] = frozenset()) -> None:
        self.tokens = tokens
        self.by_stem: dict[str, list[int]] = defaultdict(list)
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for i, token in enumerate(tokens):
            self.by_stem[token.stem].append(i)
            if not (token.stop or token.number or token.word in known_words):
                self.by_word[token.word].append(i)
        self._fuzzy_cache: dict[str, list[int]] = {}

    def positions(self, wanted: Token) -> list[int]:
        """Indices of tokens that stand for `wanted`: same stem, or a fenced fuzzy match."""
        exact = self.by_stem.get(wanted.stem, [])
        if wanted.stop or wanted.number or len(wanted.word) < MIN_FUZZY_LENGTH:
            return exact
        fuzzy = self._fuzzy_cache.get(wanted.word)
        if fuzzy is None:
            fuzzy = [i for word, where in self.by_word.items()
                     if sounds_like(word, wanted.word) for i in where]
            self._fuzzy_cache[wanted.word] = fuzzy
        return sorted({*exact, *fuzzy}) if fuzzy else exact

    def find(self, pattern: Pattern) -> list[tuple[int, int]]:
        """Token ranges (first, last) where the pattern occurs, in order, small gaps allowed."""
        lists = [self.positions(t) for t in pattern.tokens]
        if any(not where for where in lists):
            return []
        hits: list[tuple[int, int]] = []
        last_end = -1
        for first in lists[0]:
            if first <= last_end:
                continue
            current = first
            for where in lists[1:]:
                k = bisect_right(where, current)
                if k == len(where) or where[k] > current + 1 + MAX_GAP:
                    break
                current = where[k]
            else:
                hits.append((first, current))
                last_end = current
        return hits

    def spans(self, patterns: Iterable[Pattern]) -> list[tuple[int, int]]:
        """Character spans of every occurrence of any pattern, merged where they overlap."""
        ranges = sorted(r for p in patterns for r in self.find(p))
        spans: list[tuple[int, int]] = []
        for first, last in ranges:
            start, end = self.tokens[first].start, self.tokens[last].end
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
        return spans
