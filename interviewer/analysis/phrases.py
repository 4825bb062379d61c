"""Key phrases compiled into the token patterns the matcher looks for, with their aliases."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from interviewer.analysis.lexicon import ACRONYMS, OPTIONAL_WORDS
from interviewer.analysis.synonyms import SYNONYM_GROUPS
from interviewer.analysis.tokens import Token, tokenize

MARKERS = ("@result", "@figure")   # phrases that stand for a detector, not for words
ANY_NUMBER = "#"                   # in a phrase, any figure: "# accounts", "in # months"
NUMBER_KEY = "#"                   # the match key every number token is indexed under too


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


@lru_cache(maxsize=1)
def _synonym_forms() -> list[list[tuple[Token, ...]]]:
    """Each synonym group as token sequences: one per multi-word member, plus one for the
    one-word members together (they share a match key already)."""
    forms = []
    for group in SYNONYM_GROUPS:
        singles = [m for m in group if " " not in m]
        members = [_required(tokenize(m)) for m in group if " " in m]
        if singles:
            members.insert(0, _required(tokenize(singles[0])))
        if len(members) > 1:
            forms.append(members)
    return forms


def _required(tokens: list[Token]) -> tuple[Token, ...]:
    return tuple(t for t in tokens if t.word not in OPTIONAL_WORDS)


def _find(stems: list[str], wanted: tuple[str, ...]) -> list[int]:
    n = len(wanted)
    return [i for i in range(len(stems) - n + 1) if tuple(stems[i:i + n]) == wanted]


def _synonym_variants(tokens: tuple[Token, ...]) -> list[tuple[Token, ...]]:
    """The phrase with one synonym swapped for each other way of saying it ("reach out to
    the customer" -> "call the customer"); one-word synonyms need no variant."""
    stems = [t.stem for t in tokens]
    variants: list[tuple[Token, ...]] = []
    for members in _synonym_forms():
        for member in members:
            for i in _find(stems, tuple(t.stem for t in member)):
                variants += [tokens[:i] + other + tokens[i + len(member):]
                             for other in members if other is not member]
    return variants


def _alias_variants(tokens: tuple[Token, ...]) -> list[tuple[Token, ...]]:
    """The phrase with each acronym expanded, and each expansion shortened to its acronym."""
    variants: list[tuple[Token, ...]] = _synonym_variants(tokens)
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


def _phrase_tokens(phrase: str) -> list[Token]:
    """A phrase's tokens, each "#" standing for any number."""
    tokens: list[Token] = []
    offset = 0
    parts = phrase.split(ANY_NUMBER)
    for k, part in enumerate(parts):
        tokens += [t._replace(start=t.start + offset, end=t.end + offset)
                   for t in tokenize(part)]
        offset += len(part)
        if k < len(parts) - 1:
            tokens.append(Token(ANY_NUMBER, NUMBER_KEY, offset, offset + 1, True))
            offset += 1
    return tokens


MIN_STOP_PHRASE = 3   # stop words alone make a phrase from this many on ("on my own")


@lru_cache(maxsize=8192)
def compile_phrase(phrase: str) -> tuple[Pattern, ...]:
    """Every pattern for a phrase. Stop words alone never count in two ("to the", "so i"),
    but three of them in a row say something ("from then on", "what i can do")."""
    base = _required(_phrase_tokens(phrase))
    if not base or phrase.strip() in MARKERS:
        return ()
    patterns: dict[tuple[str, ...], Pattern] = {}
    for tokens in [base, *_alias_variants(base)]:
        key = tuple(t.stem for t in tokens)
        if (any(not t.stop for t in tokens) or len(tokens) >= MIN_STOP_PHRASE) \
                and key not in patterns:
            patterns[key] = Pattern(phrase, tokens)
    return tuple(patterns.values())
