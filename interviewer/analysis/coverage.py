"""Key-point coverage: which points an answer hits, with spans in the answer and the samples.

A point needs real evidence. A phrase that is one generic word ("risk", "notes") never
carries it alone. Until an answer shows the question's topic (the topical gate: a few
words of the trade or of the question itself), only phrases that hold such a word
themselves count: "stayed calm" or a stated result says nothing in a camping story.
Even then a phrase of everyday words counts only where its own sentence is about the
subject (locality.py), a point that asks for a figure needs one beside its evidence, and
a one-word phrase two points share is evidence for the first of them only.
Saying more never lowers coverage: evidence and hits only grow as words are added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from interviewer.analysis.context import BankContext
from interviewer.analysis.derived import derive_key_points
from interviewer.analysis.feedback import PointResult
from interviewer.analysis.lexicon import (
    DOMAIN_WORDS,
    EVERYDAY_MONEY_WORDS,
    GENERIC_WORDS,
    OWN_MONEY_WORDS,
    PRIVATE_LIFE_WORDS,
    WORKPLACE_WORDS,
)
from interviewer.analysis.locality import Stretches
from interviewer.analysis.matching import TextIndex
from interviewer.analysis.phrases import (
    ANY_NUMBER,
    EXPANSIONS,
    MARKERS,
    Pattern,
    compile_phrase,
)
from interviewer.analysis.quantities import find_quantities
from interviewer.analysis.results import find_results
from interviewer.analysis.tokens import Token, stem, tokenize
from interviewer.banks import KeyPoint, Question

MIN_TOPIC_EVIDENCE = 2.0   # a word of the trade or of the question counts 1, a money word 0.5
ANCHOR_WEIGHT = 1.0        # a phrase holding a word this topical is evidence anywhere
_ASKS_FOR_FIGURE = re.compile(r"\bfigure\b|\bin numbers\b|\bmeasurable\b", re.IGNORECASE)

Span = tuple[int, int]


@dataclass(frozen=True)
class PreparedPoint:
    label: str
    patterns: tuple[Pattern, ...]        # patterns that can carry the point
    markers: tuple[str, ...]             # "@result", "@figure"
    anchored: tuple[Pattern, ...]        # patterns holding a word of the topic themselves
    sample_spans: list[list[Span]]
    derived: bool
    needs_figure: bool = False           # "A result with a figure": evidence beside a figure


@dataclass(frozen=True)
class PreparedQuestion:
    points: tuple[PreparedPoint, ...]
    topic: dict[str, float]              # match key -> weight as evidence of the topic
    gated: bool = True                   # False: the question is about the candidate


# Banks whose questions are about the candidate ("What is your greatest strength?"): no
# subject words to gate on, so their phrases count wherever they are said. Measured on
# tests/interviewer/posting/eval_general.toml: held-out strong answers 0.69 gated, 0.85 not,
# fluff and off-topic 0.02 either way.
UNGATED_BANKS = frozenset({"general"})


@lru_cache(maxsize=1)
def generic_keys() -> frozenset[str]:
    return frozenset(stem(w) for w in GENERIC_WORDS)


@lru_cache(maxsize=1)
def _trade_weights() -> dict[str, float]:
    weights = {stem(w): 0.5 for w in EVERYDAY_MONEY_WORDS | WORKPLACE_WORDS}
    weights.update({stem(w): 1.0 for w in DOMAIN_WORDS})
    return weights


def carries_alone(pattern: Pattern) -> bool:
    """False for a phrase of one generic word: it is evidence only inside a longer phrase
    ("follow up", "credit risk")."""
    return not (len(pattern.tokens) == 1 and (pattern.tokens[0].stem in generic_keys()
                                              or pattern.tokens[0].number))


def _anchored(pattern: Pattern, topic: dict[str, float]) -> bool:
    """A phrase that shows the topic by itself: it holds a word of the trade or of the
    question, or every word of it is a topic word ("young man", "ill disposed" in a bank
    of another trade), none of them a story word."""
    if any(topic.get(t.stem, 0.0) >= ANCHOR_WEIGHT for t in pattern.tokens):
        return True
    content = [t for t in pattern.tokens if not t.stop]
    return len(content) >= 2 and all(topic.get(t.stem, 0.0) > 0 for t in content)


def _one_word(pattern: Pattern) -> bool:
    """A phrase of one word ("lock", "locked"), not one left after optional words."""
    return len(pattern.tokens) == 1 and len(pattern.text.split()) == 1


def marker_spans(text: str, tokens: list[Token],
                 results: list[tuple[int, int]] | None = None) -> dict[str, list[Span]]:
    """Where the detectors behind the markers fire: stated results and figures."""
    found = find_results(tokens, everyday=False) if results is None else results
    return {"@result": [(tokens[a].start, tokens[b].end) for a, b in found],
            "@figure": [(q.start, q.end) for q in find_quantities(text, tokens)]}


def _topic_weights(question: Question, points: list[KeyPoint], story_words: frozenset[str],
                   phrase_weight: float = 0.5) -> dict[str, float]:
    """The trade's words, the question's own words (1) and its key phrases' words (0.5:
    phrases name everyday things too, "at my last job", "worth about"), none generic.

    Words in the phrases of many questions (`story_words`: "noticed", "next", "still")
    tell how a story goes, not its subject: they never vouch for the topic."""
    weights = dict(_trade_weights())
    phrases = [p.replace(ANY_NUMBER, " ") for k in points for p in k.phrases
               if p not in MARKERS]
    for text, weight in [*((p, phrase_weight) for p in phrases), (question.text, 1.0)]:
        for token in tokenize(text):
            if not (token.stop or token.number or len(token.word) < 3
                    or token.stem in generic_keys()
                    or (weight < 1.0 and token.stem in story_words)):
                weights[token.stem] = max(weight, weights.get(token.stem, 0.0))
    return weights


HOME_REACH = 8   # words either side of a word of private life, within its clause


def _about_home(tokens: list[Token]) -> list[bool]:
    """For each token: is it the speaker's own life rather than the work? Money up to
    three words after "my" ("my phone bill", "my credit card balance"), and every word
    within HOME_REACH of a word of private life ("my son", "the landlord") in the same
    clause. A clause ends at punctuation, so words added in another sentence never change what
    an answer's own words show (saying more never lowers coverage)."""
    home = [False] * len(tokens)
    for i, token in enumerate(tokens):
        if token.word in OWN_MONEY_WORDS:
            home[i] = any(tokens[j].word == "my" and not any(
                t.after_break for t in tokens[j + 1:i + 1]) for j in range(max(0, i - 3), i))
        if token.word in PRIVATE_LIFE_WORDS:
            home[i] = True
            j = i
            while j > 0 and i - j < HOME_REACH and not tokens[j].after_break:
                j -= 1
                home[j] = True
            j = i + 1
            while j < len(tokens) and j - i <= HOME_REACH and not tokens[j].after_break:
                home[j] = True
                j += 1
    return home


def on_topic(tokens: list[Token], topic: dict[str, float], index: TextIndex) -> bool:
    """True when the answer uses enough distinct words of the question's topic; a
    spelled-out acronym ("days sales outstanding") counts as the acronym. Words about the
    speaker's own life (_about_home) show nothing: a story from home that borrows money
    words is about something else."""
    seen: dict[str, float] = {}
    for a, b in index.expansions:
        seen[EXPANSIONS[tuple(t.stem for t in tokens[a:b + 1])]] = 1.0
    home = _about_home(tokens)
    for i, token in enumerate(tokens):
        weight = topic.get(token.stem)
        if weight and not token.stop and not home[i]:
            seen[token.stem] = weight
            if sum(seen.values()) >= MIN_TOPIC_EVIDENCE:
                return True
    return False


def _spans_of(index: TextIndex, text: str, tokens: list[Token], point: PreparedPoint,
              markers: dict[str, list[Span]] | None = None) -> list[Span]:
    spans = index.spans(point.patterns)
    if point.markers:
        found = markers if markers is not None else marker_spans(text, tokens)
        spans = sorted(spans + [s for m in point.markers for s in found[m]])
    return spans


@lru_cache(maxsize=1024)
def _prepare(question: Question, neighbours: tuple[Question, ...],
             story_words: frozenset[str] = frozenset()) -> PreparedQuestion:
    """Compile a question's key points once: patterns, and their spans in every sample answer."""
    derived = not question.key_points
    points = derive_key_points(question, neighbours) if derived else list(question.key_points)
    samples = []
    for answer in question.sample_answers:
        tokens = tokenize(answer.text)
        samples.append((answer.text, tokens, TextIndex(tokens)))
    topic = _topic_weights(question, points, story_words)
    prepared = []
    owned: set[str] = set()   # one-word phrases an earlier point already listed
    for point in points:
        patterns = tuple(p for phrase in point.phrases for p in compile_phrase(phrase)
                         if (derived or carries_alone(p))
                         and not (_one_word(p) and p.tokens[0].stem in owned))
        owned |= {p.tokens[0].stem for p in patterns if _one_word(p)}
        markers = tuple(m for m in MARKERS if m in (p.strip() for p in point.phrases))
        anchored = tuple(p for p in patterns if _anchored(p, topic))
        needs_figure = not derived and bool(_ASKS_FOR_FIGURE.search(point.label))
        bare = PreparedPoint(point.label, patterns, markers, anchored, [], derived)
        spans = [_spans_of(index, text, tokens, bare) for text, tokens, index in samples]
        prepared.append(PreparedPoint(point.label, patterns, markers, anchored, spans, derived,
                                      needs_figure))
    return PreparedQuestion(tuple(prepared), topic, gated=question.bank_id not in UNGATED_BANKS)


def prepare(question: Question, context: BankContext) -> PreparedQuestion:
    neighbours = context.banks.get(question.bank_id, ()) if not question.key_points else ()
    return _prepare(question, neighbours, context.story_words)


def _merged(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _phrase_evidence(index: TextIndex, stretches: Stretches, point: PreparedPoint,
                     relevant: bool) -> list[tuple[int, int]]:
    """Token ranges of the point's phrases that count: a phrase holding a word of the
    topic anywhere, any other only where its stretch is about the topic; never words
    the candidate says about themselves ("I'm calm")."""
    anchored = set(point.anchored)
    return [(first, last)
            for pattern in (point.patterns if relevant else point.anchored)
            for first, last in index.find(pattern)
            if (pattern in anchored or stretches.on_topic(first, last))
            and not stretches.is_claim(first)]


def _marker_evidence(stretches: Stretches, point: PreparedPoint,
                     markers: dict[str, list[Span]], taken: set[int]) -> list[tuple[int, int]]:
    """Token ranges of the point's markers (a stated result, a figure) in a stretch about
    the topic, unless other points' phrases already hold every one of their words ("since
    then" is what lasted, not a second result)."""
    found = []
    for marker in point.markers:
        for start, end in markers.get(marker, []):
            where = stretches.token_range(start, end)
            if where and stretches.on_topic(*where) \
                    and not set(range(where[0], where[1] + 1)) <= taken:
                found.append(where)
    return found


def score_points(text: str, tokens: list[Token], question: PreparedQuestion,
                 context: BankContext,
                 results: list[tuple[int, int]] | None = None) -> list[PointResult]:
    """Match every key point against the answer's tokens, behind the topical gates.

    `results`: the answer's stated results (find_results, not everyday), when the caller
    has them."""
    index = TextIndex(tokens, context.known_words)
    relevant = not question.gated or on_topic(tokens, question.topic, index)
    markers = marker_spans(text, tokens, results) if relevant else {}
    stretches = Stretches(text, tokens, question.topic, question.gated)
    phrases = [_phrase_evidence(index, stretches, p, relevant) for p in question.points]
    scored = []
    for k, point in enumerate(question.points):
        taken = {i for j, found in enumerate(phrases) if j != k for a, b in found
                 for i in range(a, b + 1)}
        ranges = phrases[k] + _marker_evidence(stretches, point, markers, taken)
        if point.needs_figure:   # "Measurable result": evidence beside a figure only
            ranges = [r for r in ranges if stretches.has_figure(*r)]
        spans = _merged([(tokens[a].start, tokens[b].end) for a, b in sorted(set(ranges))])
        matched = list(dict.fromkeys(text[a:b] for a, b in spans))
        scored.append(PointResult(point.label, bool(spans), matched, spans,
                                  point.sample_spans, point.derived))
    return scored


def coverage_of(results: list[PointResult]) -> float:
    return sum(r.covered for r in results) / len(results) if results else 0.0
