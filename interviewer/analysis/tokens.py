"""Text to tokens that remember where they came from.

Every token keeps the character span of the text it was read from, so the app can
highlight the words that hit a key point, in the transcript and in the sample answer.
Tokenising is the same for transcripts, sample answers and key phrases: that is what
makes "95%" match "ninety five percent" and "D.S.O." match "d s o".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import simplemma
import snowballstemmer

from interviewer.analysis.lexicon import (
    CONTRACTIONS,
    CONTRACTIONS_WITH_APOSTROPHE,
    KEEP_FORM,
    NUMBER_WORDS,
    SPELLINGS,
    STEMS,
    STOP_WORDS,
    SYMBOL_WORDS,
)
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


class Token(NamedTuple):
    """One word or number: `word` is the folded surface form, `stem` what matching compares.

    A named tuple rather than a dataclass: a megabyte of text makes 170,000 of them, and
    a tuple is built several times faster.
    """

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
def base_stem(word: str) -> str:
    """The dictionary form (simplemma: "paid" -> "pay", "spoke" -> "speak"), then Snowball's
    stem, with a final "i" dropped on long stems so that "reconciliation" ("reconcili")
    meets "reconciled" ("reconcil")."""
    if word in STEMS:
        return STEMS[word]
    lemma = word if word in KEEP_FORM or not word.isalpha() else \
        simplemma.lemmatize(word, lang="en").lower()
    root: str = _STEMMER.stemWord(lemma)  # snowballstemmer has no type hints
    return root[:-1] if root.endswith("i") and len(root) > 6 else root


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """What matching compares: the base stem, or its synonym group's key ("rang" -> "call")."""
    base = base_stem(word)
    return synonym_keys().get(base, base)


@lru_cache(maxsize=1)
def synonym_keys() -> dict[str, str]:
    """Base stem of every one-word synonym -> the key its group shares."""
    from interviewer.analysis.synonyms import SYNONYM_GROUPS

    keys: dict[str, str] = {}
    for group in SYNONYM_GROUPS:
        singles = [m for m in group if " " not in m]
        if singles:
            key = base_stem(singles[0])
            keys.update({base_stem(m): key for m in singles})
    return keys


def _expand(word: str, raw: str) -> tuple[str, ...]:
    """A contraction as the words it stands for: "doesn't" -> ("does", "not")."""
    full = CONTRACTIONS.get(word)
    if full is None and ("'" in raw or "’" in raw):
        full = CONTRACTIONS_WITH_APOSTROPHE.get(word)
    return tuple(full.split()) if full else (word,)


def _raw_pieces(text: str) -> list[tuple[str, int, int]]:
    """Words, figures and symbols with spans; hyphenated words split, "e-mail" kept whole."""
    pieces: list[tuple[str, int, int]] = []
    for found in _PIECES.finditer(text):
        raw = found.group()
        if "-" not in raw:
            pieces.append((raw, *found.span()))
            continue
        start = found.start()
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


@lru_cache(maxsize=65536)
def _read_piece(raw: str) -> tuple[tuple[str, str, bool], ...]:
    """(word, stem, is a number) for each token a piece of text gives; cached, as answers
    repeat their words."""
    if raw in SYMBOL_WORDS:
        word = SYMBOL_WORDS[raw]
        return ((word, stem(word), False),)
    if raw[0].isdigit():
        parsed = parse_digits(fold(raw))
        if parsed:
            digits, suffix = parsed
            return ((digits, digits, True),) + (((suffix, stem(suffix), False),) if suffix else ())
    word = fold(raw)
    if not word:
        return ()
    return tuple((w, stem(w), False) for w in _expand(word, raw))


def _piece_tokens(raw: str, start: int, end: int, after_break: bool) -> list[Token]:
    """One piece of text as tokens: a symbol as its word, a figure as digits (and a unit)."""
    return [Token(word, root, start, end, number, False, after_break and k == 0)
            for k, (word, root, number) in enumerate(_read_piece(raw))]


def _first_pass(text: str) -> list[Token]:
    """Fold each piece; figures become canonical digits, symbols become words."""
    tokens: list[Token] = []
    breaks = [m.start() for m in _BREAK.finditer(text)] + [len(text) + 1]
    previous_end = 0
    k = 0
    for raw, start, end in _raw_pieces(text):
        while breaks[k] < previous_end:
            k += 1
        after_break = bool(tokens) and breaks[k] < start
        read = _read_piece(raw)
        if len(read) == 1:   # nearly every piece: one word
            word, root, number = read[0]
            tokens.append(Token(word, root, start, end, number, False, after_break))
        else:
            tokens.extend(_piece_tokens(raw, start, end, after_break))
        previous_end = end
    return _move_currency(tokens)


def _move_currency(tokens: list[Token]) -> list[Token]:
    """"$38,000" reads as "38000 dollars", the order it is said in.

    Both tokens then span the whole written figure "$38,000": tokens stay in text order,
    and evidence from the number to the currency word ("$0") is never an empty span.
    """
    out = list(tokens)
    for i in range(len(out) - 1):
        if out[i].word in ("dollars", "euros", "pounds") and out[i + 1].number \
                and out[i].end == out[i + 1].start:
            start, end = out[i].start, out[i + 1].end
            out[i], out[i + 1] = (out[i + 1]._replace(start=start, end=end),
                                  out[i]._replace(start=start, end=end))
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
    """All tokens of a text, in order, each with its span in `text`.

    Each merge runs only when a word it works on occurs (read off the set of distinct
    words), so a long answer is not walked three more times for nothing.
    """
    tokens = _first_pass(text)
    present = {t.word for t in tokens}
    if not present.isdisjoint(NUMBER_WORDS):
        tokens = _merge_numbers(tokens)
    if "point" in present:
        tokens = _merge_decimals(tokens)
    if any(len(w) == 1 and w.isalpha() for w in present):
        tokens = _merge_letters(tokens)
    return tokens
