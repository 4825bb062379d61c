"""What Whisper is told before it hears an answer: the question and the bank's own terms.

Whisper writes what its prompt makes likely, so a prompt naming DSO, CEI or NetSuite gets
them written that way instead of "deal so". A disfluent example ("Um, ... uh,") keeps the
fillers it would otherwise tidy away, which delivery feedback needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from interviewer.speech.glossary import GLOSSARY, glossary_words
from interviewer.speech.sphinx_words import BANK_WORDS

FILLER_STYLE = "Um, so, uh, I think we, um, did it."
# Whisper reads at most 224 prompt tokens; the question and terms fit well within this.
MAX_TERMS = 40
MAX_TRADE_TERMS = 28  # the rest of the room goes to the question's own phrases
ACRONYM = re.compile(r"[A-Z]{2,6}")
TRADE_WORDS = glossary_words()


class _KeyPoint(Protocol):
    @property
    def phrases(self) -> tuple[str, ...]: ...


class _Question(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def key_points(self) -> Sequence[_KeyPoint]: ...


def _cased(phrase: str, texts: Iterable[str]) -> str:
    """The phrase as the bank writes it mid-sentence ('netsuite' -> 'NetSuite'); a capital
    at the start of a sentence says nothing about the word."""
    pattern = re.compile(rf"(?<![.?!]\s)(?<!^)\b{re.escape(phrase)}\b", re.IGNORECASE)
    for text in texts:
        for match in pattern.finditer(text.strip()):
            if match.group(0) != match.group(0).lower():
                return match.group(0)
    return phrase


def _samples(question: object) -> list[str]:
    return [str(getattr(a, "text", "")) for a in getattr(question, "sample_answers", ())]


def terms_of(question: _Question, others: Iterable[_Question] = ()) -> list[str]:
    """The question's key-point phrases, then its bank's, each once, cased as written."""
    texts = [question.text, *_samples(question)]
    others = list(others)
    texts += [t for q in others for t in (q.text, *_samples(q))]
    seen: set[str] = set()
    terms = []
    for source in (question, *others):
        for point in source.key_points:
            for phrase in point.phrases:
                key = phrase.lower()
                if key not in seen and not phrase.replace("%", "").isdigit():
                    seen.add(key)
                    terms.append(_cased(phrase, texts))
    return terms


def is_trade_term(term: str) -> bool:
    """An acronym (ACH), a name (NetSuite) or a phrase with a word of the trade that
    everyday English lacks (unapplied cash): the words Whisper needs telling about."""
    return bool(ACRONYM.fullmatch(term) or re.search(r"[a-z][A-Z]", term)
                or term in GLOSSARY
                or any(w.lower() in BANK_WORDS or w.lower() in TRADE_WORDS
                       for w in term.split()))


def _trade_words(term: str) -> frozenset[str]:
    """What a term teaches Whisper: its trade words, or the whole term when the glossary
    names it as a phrase ("credit hold")."""
    if term in GLOSSARY:
        return frozenset({term.lower()})
    return frozenset(w.lower() for w in term.split() if is_trade_term(w))


def _each_term_once(terms: list[str]) -> list[str]:
    """Terms that name a trade word not named before: ten ways of saying "DSO went down"
    would fill the prompt and crowd out ACH."""
    named: set[str] = set()
    kept = []
    for term in terms:
        words = _trade_words(term)
        if not words or words - named:
            kept.append(term)
            named |= words
    return kept


def _words_only(terms: list[str]) -> list[str]:
    """Without the matcher's placeholders ('@result', '#'), which mean nothing to Whisper."""
    return [t for t in terms if "@" not in t and "#" not in t]


def _by_use(terms: list[str], questions: list[_Question]) -> list[str]:
    """Most used across the bank's key points first (ACH before one story's 'rma')."""
    phrases = [" ".join(p.lower() for pt in q.key_points for p in pt.phrases) for q in questions]
    uses = {t: sum(t.lower() in text for text in phrases) for t in terms}
    return sorted(terms, key=lambda t: -uses[t])  # stable: the bank's order breaks ties


def prompt_for(question: _Question | None, others: Iterable[_Question] = (),
               extra: Iterable[str] = ()) -> str:
    """The question, then the trade terms (its own, then its bank's most used), then its
    own everyday key-point phrases while room is left."""
    others = list(others)
    own = terms_of(question, others) if question is not None else []
    mine = len(terms_of(question)) if question is not None else 0
    asked, bank = _words_only(own[:mine]), _words_only(own[mine:])
    own_trade = [t for t in asked if is_trade_term(t)]
    bank_trade = _by_use([t for t in bank if is_trade_term(t)], others)
    everyday = [t for t in asked if not is_trade_term(t)]
    trade = _each_term_once(list(dict.fromkeys([*extra, *own_trade, *bank_trade])))
    trade = trade[:MAX_TRADE_TERMS]
    terms = list(dict.fromkeys([*trade, *everyday]))[:MAX_TERMS]
    parts = [question.text if question is not None else "", ", ".join(terms)]
    return " ".join(p.strip() for p in parts if p.strip())


def context_for(question: _Question | None, bank_questions: Iterable[_Question] = (),
                vocabulary: str = "") -> str:
    """The prompt for one answer: the question, its bank's terms and any words the user
    added (comma-separated)."""
    extra = [t.strip() for t in vocabulary.split(",") if t.strip()]
    return prompt_for(question, bank_questions, extra)


def terms_in(prompt: str) -> list[str]:
    """The terms a prompt from `prompt_for` names: its comma-separated pieces after the
    question (which ends at its last '?', '.' or '!'). A plain list of words also works."""
    end = max(prompt.rfind(mark) for mark in "?.!")
    return [t.strip() for t in prompt[end + 1:].split(",") if t.strip()]
