"""The stretch of an answer around a piece of evidence, and whether it is about the topic.

A phrase of everyday words ("the result", "I learned", "stayed calm") is evidence only
where the answer talks about the question's subject: the topic gate judges the sentence
that carries the words (at most WINDOW words either side), not the answer as a whole, so
a deck-building story told after one sentence about invoices earns nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from interviewer.analysis.tokens import Token

WINDOW = 12         # words either side of the evidence that can show its subject
LOCAL_TOPIC = 0.5    # topic weight the stretch needs: one word of the trade, the question,
                     # a key phrase, money or working life (tuned on the dev half)
_SENTENCE_END = re.compile(r"[.!?;]")
_FRACTIONS = frozenset(["half", "halved", "third", "quarter", "doubled", "tripled"])
# Words between "I am" and the quality it claims: "I'm naturally a very calm person".
_CLAIM_FILLER = frozenset(["very", "really", "naturally", "a", "an", "extremely", "always",
                           "so", "quite", "pretty", "super", "generally", "usually", "by",
                           "nature", "incredibly", "highly", "also", "too", "just"])


class Stretches:
    """Sentence numbers of an answer's tokens, and the topic weight of any stretch."""

    def __init__(self, text: str, tokens: list[Token], topic: dict[str, float],
                 gated: bool = True) -> None:
        self.gated = gated
        self.tokens = tokens
        self.topic = topic
        self.sentence: list[int] = []
        current, previous_end = 0, 0
        for token in tokens:
            if _SENTENCE_END.search(text, previous_end, token.start):
                current += 1
            self.sentence.append(current)
            previous_end = max(previous_end, token.end)
        self.starts = [t.start for t in tokens]

    def bounds(self, first: int, last: int) -> tuple[int, int]:
        """Token range of the evidence's stretch: its sentences, WINDOW words either side."""
        low, high = max(0, first - WINDOW), min(len(self.tokens) - 1, last + WINDOW)
        return low, high

    def on_topic(self, first: int, last: int) -> bool:
        """True when the stretch around tokens first..last uses the question's topic."""
        if not self.gated:
            return True
        low, high = self.bounds(first, last)
        seen: dict[str, float] = {}
        for token in self.tokens[low:high + 1]:
            weight = self.topic.get(token.stem)
            if weight and not token.stop:
                seen[token.stem] = weight
                if sum(seen.values()) >= LOCAL_TOPIC:
                    return True
        return False

    def is_claim(self, first: int) -> bool:
        """True for words that describe the speaker ("I'm calm", "I am very empathetic"):
        a claim with no story behind it is no evidence of what they did."""
        i = first - 1
        while i >= 0 and self.tokens[i].word in _CLAIM_FILLER and first - i <= 4:
            i -= 1
        return i >= 1 and self.tokens[i].word == "am" and self.tokens[i - 1].word == "i"

    def has_figure(self, first: int, last: int) -> bool:
        """True when the stretch states a figure (a point that asks for one needs it)."""
        low, high = self.bounds(first, last)
        return any(t.number or t.word in _FRACTIONS for t in self.tokens[low:high + 1])

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """First and last token inside the character span start..end."""
        first = bisect_left(self.starts, start)
        last = bisect_right(self.starts, max(start, end - 1)) - 1
        return (first, last) if first <= last and first < len(self.tokens) else None
