"""STAR parts (situation, task, action, result) and the sentence that shows each."""

from __future__ import annotations

import re

from interviewer.analysis.feedback import StarPart
from interviewer.analysis.sentences import Sentence

_IRREGULAR_PAST = ("sent|spoke|met|made|took|wrote|set|built|ran|brought|got|went|gave|put|"
                   "found|kept|began|chose|drew|led|told|did|dug|pulled|sat|rang|paid|sold|"
                   "asked|called|reached|offered|agreed|proposed|created|started|suggested")
_NOT_ACTIONS = "needed|wanted|was|had|used|liked|hoped|noticed"

CUES: dict[str, re.Pattern[str]] = {
    "situation": re.compile(
        r"\b((at|in|during) my (last|previous|current|old|first|former) "
        r"(job|role|company|position|employer|team)|at a previous \w+|there was a "
        r"(time|customer|client|case|period)|one (customer|client|account|time)|"
        r"(a|one) (customer|client) (who|that|which)|we had (a|an|about|\d)|"
        r"when i (was|worked|joined|started)|the situation|years ago|once had)\b"),
    "task": re.compile(
        r"\b(my (task|goal|job|aim|objective|responsibility|challenge|role) (was|is)|"
        r"(i|we) (needed|had|wanted|was asked|was expected|were asked) to|"
        r"i was responsible for|the (goal|task|challenge|aim) was|so that we could)\b"),
    "action": re.compile(
        rf"\b(i|we) (?!(?:{_NOT_ACTIONS})\b)(\w+ed|{_IRREGULAR_PAST})\b|"
        r"\bi (would|will|d) (?!be\b|have\b|like\b)\w+|\bi (then|also|first) \w+ed\b"),
    "result": re.compile(
        r"\b(as a result|the result|resulted|in the end|ended up|by the end|which (meant|led)|"
        r"that (meant|led)|outcome|paid in full|(fell|dropped|went down|came down|rose|"
        r"went up) (from|to|by)|brought (it|that|\w+) (down|up)|(reduced|increased|improved|"
        r"cut|saved|cleared|recovered|collected|lowered|raised)\b.*\b\d|\d+ ?percent|"
        r"within \d+ (days?|weeks?|months?|quarters?)|still (buy|buys|work|works)|since then)\b"),
}


def find_star(text: str, sentences: list[Sentence]) -> list[StarPart]:
    """The first sentence showing each part, preferring a sentence not already used."""
    used: set[int] = set()
    parts = []
    for part, cue in CUES.items():
        hits = [i for i, s in enumerate(sentences) if cue.search(s.plain)]
        free = [i for i in hits if i not in used]
        chosen = (free or hits or [None])[0]
        if chosen is None:
            parts.append(StarPart(part, None, None))
            continue
        used.add(chosen)
        sentence = sentences[chosen]
        parts.append(StarPart(part, text[sentence.start:sentence.end],
                              (sentence.start, sentence.end)))
    return parts
