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

from interviewer.analysis.lexicon import HOMOPHONES
from interviewer.analysis.phrases import EXPANSIONS, Pattern
from interviewer.analysis.tokens import Token, stem

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


Occurrence = tuple[int, int]   # first and last token index of one word of a phrase


class TextIndex:
    """Where each stem occurs in a tokenised text, for fast phrase lookups.

    A known sound-alike ("right offs") is indexed under the word it stands for as well.

    A word the recognizer split in two ("re concile", "over due") is indexed joined as
    well, as one occurrence spanning both tokens.
    """

    def __init__(self, tokens: list[Token], known_words: frozenset[str] = frozenset()) -> None:
        self.tokens = tokens
        self.by_stem: dict[str, list[Occurrence]] = defaultdict(list)
        self.by_word: dict[str, list[Occurrence]] = defaultdict(list)
        for i, token in enumerate(tokens):
            self.by_stem[token.stem].append((i, i))
            if token.word in HOMOPHONES:
                self.by_stem[stem(HOMOPHONES[token.word])].append((i, i))
            if not (token.stop or token.number or token.word in known_words):
                self.by_word[token.word].append((i, i))
        self._joined: dict[str, list[Occurrence]] = self._split_words()
        self._cache: dict[Token, list[Occurrence]] = {}
        self.expansions = self._find_expansions()
        self._expansion_at: dict[int, Occurrence] = {}
        for a, b in self.expansions:   # a token's longest enclosing expansion
            for i in range(a, b + 1):
                known = self._expansion_at.get(i)
                if known is None or known[1] - known[0] < b - a:
                    self._expansion_at[i] = (a, b)

    def _split_words(self) -> dict[str, list[Occurrence]]:
        joined: dict[str, list[Occurrence]] = defaultdict(list)
        for i, (a, b) in enumerate(zip(self.tokens, self.tokens[1:], strict=False)):
            if a.number or b.number or (a.stop and b.stop) or len(a.word) + len(b.word) < 6:
                continue
            joined[stem(a.word + b.word)].append((i, i + 1))
        return joined

    def _find_expansions(self) -> list[Occurrence]:
        """Token ranges of spelled-out acronyms: "sales" in "days sales outstanding" is no team."""
        stems = [t.stem for t in self.tokens]
        found = []
        for long in EXPANSIONS:
            for i, _ in self.by_stem.get(long[0], []):
                end = i + len(long)
                if tuple(stems[i:end]) == long \
                        and not any(t.after_break for t in self.tokens[i + 1:end]):
                    found.append((i, end - 1))
        return found

    def _inside_expansion(self, first: int, last: int) -> bool:
        """True for a hit that is part of a longer spelled-out acronym (one lookup, so a
        text that repeats the acronym thousands of times stays linear)."""
        enclosing = self._expansion_at.get(first)
        return enclosing is not None and last <= enclosing[1] and enclosing != (first, last)

    def positions(self, wanted: Token) -> list[Occurrence]:
        """Occurrences that stand for `wanted`: same stem, split in two, or fenced fuzzy."""
        found = self._cache.get(wanted)
        if found is not None:
            return found
        found = list(self.by_stem.get(wanted.stem, []))
        if not wanted.stop and not wanted.number:
            found += self._joined.get(wanted.stem, [])
            if len(wanted.word) >= MIN_FUZZY_LENGTH:
                found += [o for word, where in self.by_word.items()
                          if sounds_like(word, wanted.word) for o in where]
        found = sorted(set(found))
        self._cache[wanted] = found
        return found

    def find(self, pattern: Pattern) -> list[Occurrence]:
        """Token ranges (first, last) where the pattern occurs, in order, small gaps allowed."""
        lists = [self.positions(t) for t in pattern.tokens]
        if any(not where for where in lists):
            return []
        hits: list[Occurrence] = []
        last_end = -1
        for first, current in lists[0]:
            if first <= last_end:
                continue
            for where in lists[1:]:
                k = bisect_right(where, (current, len(self.tokens)))
                if k == len(where) or where[k][0] > current + 1 + MAX_GAP:
                    break
                current = where[k][1]
            else:
                if not self._inside_expansion(first, current):
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
