"""Text to tokens that remember where they came from.

Every token keeps the character span of the text it was read from, so the app can
highlight the words that hit a key point, in the transcript and in the sample answer.
Tokenising is the same for transcripts, sample answers and key phrases: that is what
makes "95%" match "ninety five percent" and "D.S.O." match "d s o".
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from interviewer.analysis.lexicon import SPELLINGS, STOP_WORDS, SYMBOL_WORDS
from interviewer.analysis.numbers import (
    canonical,
    is_number_word,
    parse_digits,
    words_to_numbers,
)

_PIECES = re.compile(r"[$€£%&+]|\d[\d,]*(?:\.\d+)?[^\W\d_]*|[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_BREAK = re.compile(r"[.,;:!?]\s")
_BRITISH_ISE = re.compile(r"^(\w{3,})is(e|ed|es|ing|ation|ations)$")
_STEMMER = snowballstemmer.stemmer("english")


@dataclass(frozen=True, slots=True)
class Token:
    """One word or number: `word` is the folded surface form, `stem` what matching compares."""

    word: str
    stem: str
    start: int
    end: int
    number: bool = False
    spoken_number: bool = False
    after_break: bool = False   # punctuation such as ". " or ", " comes before it

    @property
    def stop(self) -> bool:
        return self.word in STOP_WORDS


@lru_cache(maxsize=65536)
def fold(raw: str) -> str:
    """Lower case, no accents, no apostrophes, one spelling for British and American forms."""
    text = unicodedata.normalize("NFKD", raw.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"['’]s$", "", text).replace("'", "").replace("’", "")
    text = SPELLINGS.get(text, text)
    return _BRITISH_ISE.sub(r"\1iz\2", text)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball's stem, with a final "i" dropped on long stems so that "reconciliation"
    ("reconcili") meets "reconciled" ("reconcil")."""
    root = _STEMMER.stemWord(word)
    return root[:-1] if root.endswith("i") and len(root) > 6 else root


def _raw_pieces(text: str) -> list[tuple[str, int, int]]:
    """Words, figures and symbols with spans; hyphenated words split, "e-mail" kept whole."""
    pieces: list[tuple[str, int, int]] = []
    for found in _PIECES.finditer(text):
        raw, start = found.group(), found.start()
        if "-" not in raw:
            pieces.append((raw, start, found.end()))
            continue
        offset = start
        parts = raw.split("-")
        k = 0
        while k < len(parts):
            part, end = parts[k], offset + len(parts[k])
            while len(part) == 1 and k + 1 < len(parts):  # e-mail, x-ray
                k += 1
                part += parts[k]
                end += 1 + len(parts[k])
            pieces.append((part, offset, end))
            offset = end + 1
            k += 1
    return pieces


def _word_token(word: str, start: int, end: int, after_break: bool = False) -> Token:
    return Token(word, stem(word), start, end, after_break=after_break)


def _number_token(digits: str, start: int, end: int, spoken: bool = False,
                  after_break: bool = False) -> Token:
    return Token(digits, digits, start, end, number=True, spoken_number=spoken,
                 after_break=after_break)


def _piece_tokens(raw: str, start: int, end: int, after_break: bool) -> list[Token]:
    """One piece of text as tokens: a symbol as its word, a figure as digits (and a unit)."""
    if raw in SYMBOL_WORDS:
        return [_word_token(SYMBOL_WORDS[raw], start, end, after_break)]
    if raw[0].isdigit():
        parsed = parse_digits(fold(raw))
        if parsed:
            digits, suffix = parsed
            tokens = [_number_token(digits, start, end, after_break=after_break)]
            if suffix:
                tokens.append(_word_token(suffix, start, end))
            return tokens
    word = fold(raw)
    return [_word_token(word, start, end, after_break)] if word else []


def _first_pass(text: str) -> list[Token]:
    """Fold each piece; figures become canonical digits, symbols become words."""
    tokens: list[Token] = []
    breaks = [m.start() for m in _BREAK.finditer(text)]
    previous_end = 0
    for raw, start, end in _raw_pieces(text):
        k = bisect_left(breaks, previous_end)
        after_break = bool(tokens) and k < len(breaks) and breaks[k] < start
        tokens.extend(_piece_tokens(raw, start, end, after_break))
        previous_end = end
    return _move_currency(tokens)


def _move_currency(tokens: list[Token]) -> list[Token]:
    """"$38,000" reads as "38000 dollars", the order it is said in."""
    out = list(tokens)
    for i in range(len(out) - 1):
        if out[i].word in ("dollars", "euros", "pounds") and out[i + 1].number \
                and out[i].end == out[i + 1].start:
            out[i], out[i + 1] = out[i + 1], out[i]
    return out


def _merge_numbers(tokens: list[Token]) -> list[Token]:
    """Runs of number words ("fifty two") become one number token spanning them."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        if not is_number_word(tokens[i].word):
            out.append(tokens[i])
            i += 1
            continue
        j = i
        while j < len(tokens) and (j == i or not tokens[j].after_break) and (
                is_number_word(tokens[j].word)
                or (tokens[j].word == "and" and j + 1 < len(tokens)
                    and is_number_word(tokens[j + 1].word)
                    and not tokens[j + 1].after_break)):
            j += 1
        run = tokens[i:j]
        numbers = words_to_numbers([t.word for t in run])
        covered: set[int] = set()
        merged = []
        for a, b, digits in numbers:
            merged.append(_number_token(digits, run[a].start, run[b - 1].end, spoken=True,
                                        after_break=run[a].after_break))
            covered.update(range(a, b))
        merged.extend(t for k, t in enumerate(run) if k not in covered)
        out.extend(sorted(merged, key=lambda t: t.start))
        i = j
    return out


def _merge_decimals(tokens: list[Token]) -> list[Token]:
    """"two point five" reads as 2.5, like the written figure."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if (token.number and i + 2 < len(tokens) and tokens[i + 1].word == "point"
                and tokens[i + 2].spoken_number and tokens[i + 2].word.isdigit()
                and "." not in token.word):
            value = canonical(float(f"{token.word}.{tokens[i + 2].word}"))
            out.append(_number_token(value, token.start, tokens[i + 2].end, spoken=True,
                                     after_break=token.after_break))
            i += 3
            continue
        out.append(token)
        i += 1
    return out


def _merge_letters(tokens: list[Token]) -> list[Token]:
    """Spelled-out acronyms ("d s o", "a r") become one word ("dso", "ar")."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        j = i
        while (j < len(tokens) and len(tokens[j].word) == 1 and tokens[j].word.isalpha()
               and not (j == i and tokens[j].word == "i")
               and not (j > i and tokens[j].after_break)):
            j += 1
        if j - i >= 2:
            word = "".join(t.word for t in tokens[i:j])
            out.append(_word_token(word, tokens[i].start, tokens[j - 1].end,
                                   tokens[i].after_break))
            i = j
        else:
            out.append(tokens[i])
            i += 1
    return out


def tokenize(text: str) -> list[Token]:
    """All tokens of a text, in order, each with its span in `text`."""
    return _merge_letters(_merge_decimals(_merge_numbers(_first_pass(text))))
