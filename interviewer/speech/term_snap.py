"""Put the question's own terms back where Whisper heard them almost right.

Even primed with the question's vocabulary, Whisper splits acronyms ("a CH" for ACH,
"Net Suite") and slips a sound in words of the trade ("an applied cash" for "unapplied
cash"). A run of words whose letters are the term's, or all but one or two of them in a
long term, is written as the term. Only trade terms are snapped to, and anything further
off stays as it was heard: a wrong correction would be worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz.distance import Levenshtein

from interviewer.speech.glossary import ALIASES
from interviewer.speech.vocabulary import ACRONYM, is_trade_term
from interviewer.transcript import Word

# Letters shared with the term, as a share of the longer spelling: 0.88 lets one slip in
# 9 letters, two in 17. Shorter terms must be spelled exactly (split only).
MIN_SIMILARITY = 0.88
MIN_FUZZY_LETTERS = 8
MAX_TERM_WORDS = 4
PUNCTUATION = ".,?!;:"  # what ends a sentence or a clause, attached to Whisper's words


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def usable_terms(terms: Iterable[str]) -> list[str]:
    """Trade terms worth snapping to, words only (no figures or placeholders), longest
    first."""
    found = {t.strip() for t in terms
             if re.fullmatch(r"[A-Za-z][A-Za-z' -]*", t.strip())
             and len(t.split()) <= MAX_TERM_WORDS and is_trade_term(t.strip())}
    return sorted(found, key=lambda t: (-len(_letters(t)), t))


def _is_acronym_split(pieces: list[str], term: str) -> bool:
    """'a CH', 'D S O': each piece a lone letter or capitals, spelling the acronym."""
    return (len(pieces) >= 2 and "".join(pieces).upper() == term
            and all(len(p) == 1 or p.isupper() for p in pieces))


def _matches(span: list[Word], term: str) -> bool:
    if any(w.word.rstrip().endswith(tuple(PUNCTUATION)) for w in span[:-1]):
        return False  # never across a sentence or a clause
    pieces = [w.word.strip().strip(PUNCTUATION) for w in span]
    heard = " ".join(pieces)
    if heard == term:
        return False  # already right
    if _letters(heard) in {_letters(a) for a in ALIASES.get(term, ())}:
        return True  # a known mishearing: "net sweet", "AZH"
    if ACRONYM.fullmatch(term):
        return len(pieces) > 1 and _is_acronym_split(pieces, term)
    letters, wanted = _letters(heard), _letters(term)
    if len(pieces) > 1 and wanted in (_letters("".join(pieces[1:])),
                                       _letters("".join(pieces[:-1]))):
        return False  # the term is there already: "a credit memo" keeps its "a"
    if letters == wanted:
        return True  # only the spacing differs: "Net Suite", "sub ledger"
    return (len(wanted) >= MIN_FUZZY_LETTERS
            and Levenshtein.normalized_similarity(letters, wanted) >= MIN_SIMILARITY)


def _as_term(span: list[Word], term: str) -> list[Word]:
    """The term's words over the span's time, with its leading space and last punctuation."""
    first, last = span[0].word, span[-1].word.rstrip()
    lead = first[: len(first) - len(first.lstrip())]
    tail = last[len(last.rstrip(PUNCTUATION)):]
    parts = term.split()
    if first.strip()[:1].isupper() and parts[0].islower():
        parts[0] = parts[0].capitalize()  # it opened a sentence
    start, end = span[0].start, span[-1].end
    step = (end - start) / len(parts)
    conf = min(w.conf for w in span)
    return [Word((lead if i == 0 else " ") + part + (tail if i == len(parts) - 1 else ""),
                 start + i * step, start + (i + 1) * step, conf)
            for i, part in enumerate(parts)]


def snap_terms(words: list[Word], terms: Iterable[str]) -> list[Word]:
    """Whisper's words (leading spaces, punctuation attached) with near-misses of `terms`
    written as the terms; the first, longest match at each place wins."""
    wanted = usable_terms(terms)
    out: list[Word] = []
    i = 0
    while i < len(words):
        for term in wanted:
            size = len(term.split())
            sizes = range(1, 4) if ACRONYM.fullmatch(term) else range(max(1, size - 1),
                                                                      size + 2)
            span = next((words[i:i + n] for n in sizes
                         if i + n <= len(words) and _matches(words[i:i + n], term)), None)
            if span is not None:
                out += _as_term(span, term)
                i += len(span)
                break
        else:
            out.append(words[i])
            i += 1
    return out
