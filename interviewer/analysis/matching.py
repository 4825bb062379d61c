"""Find key-phrase patterns in a tokenised text: exact stems first, then a careful fuzzy pass.

Fuzzy matching is what lets "cache application" count as "cash application", and it is
the easiest way to invent hits, so it is fenced in: only towards a term of the trade
(never between everyday words: "crowded" is no "created"), never for stop words,
numbers or words shorter than four letters, never for a word the banks themselves use
(a real word the candidate chose, such as "contact" next to "contract"), and only with
the same opening letters.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import jellyfish
from rapidfuzz.distance import Levenshtein

from interviewer.analysis.lexicon import DOMAIN_WORDS, HOMOPHONES, STOP_WORDS, TRADE_TERMS
from interviewer.analysis.phrases import EXPANSIONS, NUMBER_KEY, Pattern
from interviewer.analysis.tokens import Token, stem

MAX_GAP = 2            # words allowed between two words of a phrase
MIN_FUZZY_LENGTH = 5   # shorter words match exactly or not at all ("grid" is no "great")
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


@lru_cache(maxsize=1)
def _trade_terms() -> frozenset[str]:
    return DOMAIN_WORDS | TRADE_TERMS


def is_trade_term(word: str) -> bool:
    """Words of the trade a recognizer may mangle; the only ones matched fuzzily."""
    return word in _trade_terms()


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
        at: dict[tuple[str, str, bool], list[Occurrence]] = defaultdict(list)
        for i, token in enumerate(tokens):   # group first: answers repeat their words
            at[token.word, token.stem, token.number].append((i, i))
        for (word, root, number), where in at.items():
            self.by_stem[root].extend(where)
            if number:   # a "#" in a phrase stands for any number
                self.by_stem[NUMBER_KEY].extend(where)
            if word in HOMOPHONES:
                self.by_stem[stem(HOMOPHONES[word])].extend(where)
            if not (number or word in STOP_WORDS or word in known_words):
                self.by_word[word] = where
        for where in self.by_stem.values():
            where.sort()
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
        """Each distinct pair of neighbouring words is joined and stemmed once."""
        pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
        words = [t.word for t in self.tokens]
        for i, pair in enumerate(zip(words, words[1:], strict=False)):
            pairs[pair].append(i)
        joined: dict[str, list[Occurrence]] = defaultdict(list)
        for (a, b), where in pairs.items():
            if a[0].isdigit() or b[0].isdigit() or (a in STOP_WORDS and b in STOP_WORDS) \
                    or len(a) + len(b) < 6:
                continue
            joined[stem(a + b)].extend((i, i + 1) for i in where)
        for found in joined.values():
            found.sort()
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
        found = self.by_stem.get(wanted.stem, [])
        extra: list[Occurrence] = []
        if not wanted.stop and not wanted.number:
            extra += self._joined.get(wanted.stem, [])
            if len(wanted.word) >= MIN_FUZZY_LENGTH and is_trade_term(wanted.word):
                extra += [o for word, where in self.by_word.items()
                          if sounds_like(word, wanted.word) for o in where]
        if extra:
            found = sorted(set(found + extra))
        self._cache[wanted] = found
        return found

    def find(self, pattern: Pattern) -> list[Occurrence]:
        """Token ranges (first, last) where the pattern occurs, in order, small gaps allowed."""
        lists = [self.positions(t) for t in pattern.tokens]
        if any(not where for where in lists):
            return []
        hits: list[Occurrence] = []
        last_end = -1
        after = [0] * len(lists)   # where the last search of each word ended: searches move
        for first, current in lists[0]:   # forward, so a long text is walked once
            if first <= last_end:
                continue
            for j in range(1, len(lists)):
                where, k = lists[j], after[j]
                if k and where[k - 1][0] > current:   # an overlapping split word: step back
                    k = bisect_right(where, (current, len(self.tokens)))
                while k < len(where) and where[k][0] <= current:
                    k += 1
                after[j] = k
                if k == len(where):   # this word never comes again: no more hits
                    return hits
                if where[k][0] > current + 1 + MAX_GAP:
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
