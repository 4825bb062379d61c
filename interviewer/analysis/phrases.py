"""Key phrases compiled into the token patterns the matcher looks for, with their aliases."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from interviewer.analysis.lexicon import ACRONYMS, OPTIONAL_WORDS
from interviewer.analysis.tokens import Token, tokenize


@dataclass(frozen=True)
class Pattern:
    """The required tokens of one way of saying a key point, in order."""

    text: str
    tokens: tuple[Token, ...]

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(t.stem for t in self.tokens)


def _expansions() -> dict[tuple[str, ...], str]:
    return {tuple(t.stem for t in tokenize(long)): short for short, long in ACRONYMS.items()}


EXPANSIONS = _expansions()


def _required(tokens: list[Token]) -> tuple[Token, ...]:
    return tuple(t for t in tokens if t.word not in OPTIONAL_WORDS)


def _alias_variants(tokens: tuple[Token, ...]) -> list[tuple[Token, ...]]:
    """The phrase with each acronym expanded, and each expansion shortened to its acronym."""
    variants: list[tuple[Token, ...]] = []
    for i, token in enumerate(tokens):
        if token.word in ACRONYMS:
            long = _required(tokenize(ACRONYMS[token.word]))
            variants.append(tokens[:i] + long + tokens[i + 1:])
    stems = [t.stem for t in tokens]
    for long_stems, short in EXPANSIONS.items():
        n = len(long_stems)
        for i in range(len(stems) - n + 1):
            if tuple(stems[i:i + n]) == long_stems:
                acronym = tokenize(short)[0]
                variants.append(tokens[:i] + (acronym,) + tokens[i + n:])
    return variants


@lru_cache(maxsize=8192)
def compile_phrase(phrase: str) -> tuple[Pattern, ...]:
    """Every pattern for a phrase; none when it holds only stop words (they never count alone)."""
    base = _required(tokenize(phrase))
    if not base:
        return ()
    patterns = []
    for tokens in [base, *_alias_variants(base)]:
        if any(not t.stop for t in tokens):
            patterns.append(Pattern(phrase, tokens))
    return tuple(patterns)
