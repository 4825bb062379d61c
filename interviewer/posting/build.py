"""The interview for one posting: the general opening, the bank questions the posting calls
for (with the words that chose them), questions made from the lines no bank question
covers, and the general closing."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from interviewer.banks import Library, Question
from interviewer.errors import BankError
from interviewer.posting.generate import made_question
from interviewer.posting.match import Weights, choose, covers, match_questions
from interviewer.posting.model import Posting, PostingError
from interviewer.posting.terms import stems_of

GENERAL = "general"
OPENING = f"{GENERAL}/tell-me-about-yourself"
BACKGROUND = f"{GENERAL}/walk-me-through-your-resume"
CLOSING = f"{GENERAL}/questions-for-us"
MAX_BANK = 6  # bank questions chosen by the posting
MAX_MADE = 8  # questions made from uncovered lines
BANK_PREFIX = "posting-"
_YEARS = re.compile(r"\b(?:\d+\+?|one|two|three|four|five|six|seven|eight|ten)\s*\+?\s*years?\b",
                    re.IGNORECASE)
_EDUCATION = re.compile(r"\b(?:degree|diploma|GED|bachelor'?s?|associate'?s?|high school|"
                        r"certificat\w*|licen[cs]e\w*|CPA|CMA)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SessionQuestion:
    """One question of the session and why it is there."""

    question: Question
    kind: str  # "opening", "bank", "made" or "closing"
    words: tuple[str, ...] = ()  # the posting's words that chose it
    covers: tuple[int, ...] = ()  # indexes of the posting items it covers
    reason: str = ""


@dataclass(frozen=True)
class PostingSession:
    posting: Posting
    bank_id: str  # "posting-<slug>": the history session's bank, and made questions' bank
    entries: tuple[SessionQuestion, ...]
    vocabulary: tuple[str, ...] = field(default=())

    @property
    def questions(self) -> list[Question]:
        return [e.question for e in self.entries]

    def covered(self) -> set[int]:
        return {n for e in self.entries for n in e.covers}

    def coverage(self) -> float:
        """The share of the posting's duties and requirements a question covers."""
        return len(self.covered()) / len(self.posting.items) if self.posting.items else 0.0

    def vocabulary_text(self) -> str:
        """The posting's terms as the recognizer's extra vocabulary ("NetSuite, lockbox")."""
        return ", ".join(self.vocabulary)


def posting_bank_id(posting: Posting) -> str:
    """Stable for the same posting text, so running it again continues its history."""
    slug = re.sub(r"[^a-z0-9]+", "-", posting.name.lower()).strip("-")[:40].strip("-") or "job"
    digest = hashlib.sha1(" ".join(posting.text.split()).encode()).hexdigest()[:6]
    return f"{BANK_PREFIX}{slug}-{digest}"


def _slug(text: str, taken: set[str]) -> str:
    words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()[:6]
    base = "-".join(words) or "line"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _candidates(library: Library) -> list[Question]:
    return [q for b in library.banks if not b.id.startswith(BANK_PREFIX) for q in b.questions]


def build_session(posting: Posting, library: Library) -> PostingSession:
    """Opening, matched bank questions, made questions, closing: each with its reason."""
    try:
        opening, closing = library.question(OPENING), library.question(CLOSING)
    except BankError as exc:
        raise PostingError("the general question bank is missing",
                           "reinstall interviewer; banks/general.toml ships with it") from exc
    bank_id = posting_bank_id(posting)
    candidates = _candidates(library)
    weights = Weights(candidates, posting.tools)
    items = posting.items
    years = tuple(n for n, i in enumerate(items) if _YEARS.search(i.text))
    schooling = tuple(n for n, i in enumerate(items) if _EDUCATION.search(i.text)
                      and n not in years)
    why = "every interview opens with it"
    if years:
        why += "; it is where the years of experience come up"
    entries = [SessionQuestion(opening, "opening", covers=years, reason=why)]
    if schooling:
        entries.append(SessionQuestion(library.question(BACKGROUND), "opening", covers=schooling,
                                       reason="the posting asks for a qualification"))
    fixed = frozenset({OPENING, BACKGROUND, CLOSING})
    matches = choose(match_questions(posting, candidates), MAX_BANK, skip=fixed)
    entries += [SessionQuestion(m.question, "bank", m.words, m.covers, "matches the posting")
                for m in matches]
    entries += _made(posting, bank_id, weights, {n for e in entries for n in e.covers})
    entries.append(SessionQuestion(closing, "closing", reason="every interview ends with it"))
    return PostingSession(posting, bank_id, tuple(entries), _vocabulary(posting, entries))


def _made(posting: Posting, bank_id: str, weights: Weights,
          covered: set[int]) -> list[SessionQuestion]:
    """A question for each important line no chosen question covers (most telling first)."""
    taken: set[str] = set()
    lines = []
    for n, item in enumerate(posting.items):
        telling = weights.telling(stems_of(item.text))
        if n in covered or not telling or _EDUCATION.search(item.text):
            continue
        lines.append((n, item, telling))
    lines = lines[:MAX_MADE]
    made = []
    for position, (n, item, telling) in enumerate(lines):
        question = made_question(bank_id, _slug(item.text, taken), item.text, telling,
                                 situational=position % 2 == 1)
        own = question.key_points[-1].phrases if len(question.key_points) > 4 else ()
        # the made question may cover other uncovered lines too
        also = tuple(m for m, other, _ in lines if m != n
                     and covers(stems_of(other.text), stems_of(item.text), weights))
        made.append(SessionQuestion(question, "made", tuple(own), (n, *also),
                                    f"made from the posting's line {item.line}"))
    return made


def _vocabulary(posting: Posting, entries: Sequence[SessionQuestion]) -> tuple[str, ...]:
    """The tools, then the longer words that chose questions: what the recognizer may not
    expect ("NetSuite", "remittance"), each once whatever its case, at most 28."""
    words: dict[str, str] = {}
    for word in [*posting.tools, *(w for e in entries for w in e.words)]:
        if " " not in word and (word in posting.tools or len(word) >= 7):
            words.setdefault(word.lower(), word)
    return tuple(words.values())[:28]
