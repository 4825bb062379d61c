"""STAR parts (situation, task, action, result) and the sentence that shows each."""

from __future__ import annotations

import re

from interviewer.analysis.feedback import StarPart
from interviewer.analysis.sentences import Sentence

_IRREGULAR_PAST = ("sent|spoke|met|made|took|wrote|set|built|ran|brought|got|went|gave|put|"
                   "found|kept|began|chose|drew|led|told|did|dug|pulled|sat|rang|paid|sold|"
                   "asked|called|reached|offered|agreed|proposed|created|started|suggested")
_NOT_PRESENT_ACTIONS = ("am|was|have|had|think|feel|believe|know|like|love|mean|guess|hope|want|"
                        "need|would|will|can|could|should|might|must|do|did|dont|didnt|also|"
                        "really|just|d|m|ve|ll|im|ive|id|wasnt|usually|always|never|often")
_NOT_ACTIONS = "needed|wanted|was|had|used|liked|hoped|noticed"

def _any(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(alternatives) + r")\b")


_EMPLOYER = "(job|role|company|position|employer|team|firm|office)"

CUES: dict[str, re.Pattern[str]] = {
    "situation": _any(
        rf"(at|in|during) my (last|previous|current|old|first|former) {_EMPLOYER}",
        rf"at a (previous|former) {_EMPLOYER}", r"earlier in my career", r"years ago",
        r"there was a (time|customer|client|case|period)", r"the situation",
        r"(one|1|a) (customer|client|account)( of ours)? (who|that|which|was|had|paid|kept)",
        r"(one|1) (time|day|month|quarter)", r"when i (was|worked|joined|started)",
        r"we had (a|an|about|\d+)", r"once had", r"(invoices|customers|clients) were "
        r"(going|getting|paying|slipping)"),
    "task": _any(
        r"my (task|goal|job|aim|objective|responsibility|challenge|role) (was|is)",
        r"(i|we) (needed|had|wanted|was asked|was expected|were asked) to",
        r"(asked|told) me to", r"i was (tasked|responsible) (with|for)",
        r"i set out to", r"(gave|set) me (the|a) (goal|target|task)",
        r"the (goal|task|challenge|aim) was", r"it was (up to me|my job)"),
    "action": re.compile(
        rf"\b(i|we) (?!(?:{_NOT_ACTIONS})\b)(\w+ed|{_IRREGULAR_PAST})\b|"
        r"\bi (would|will|d) (?!be\b|have\b|like\b)\w+|\bi (then|also|first) \w+ed\b|"
        rf"\bi (?!(?:{_NOT_PRESENT_ACTIONS})\b)[a-z]+(?<!ed)\b"),
    "result": _any(
        r"as a result", r"the result", r"resulted", r"in the end", r"ended up", r"by the end",
        r"(which|that) (meant|led)", r"outcome", r"paid in full",
        r"(fell|dropped|went down|came down|rose|went up|went) (from|to|by)",
        r"brought (it|that|\w+) (down|up)",
        r"(reduced|increased|improved|cut|saved|cleared|recovered|collected|lowered|raised)"
        r"\b.*\b\d+",
        r"\d+ ?percent", r"within \d+ (days?|weeks?|months?|quarters?|years?)",
        r"still (buy|buys|work|works)", r"since then", r"(became|is now) the standard",
        r"remained a customer", r"no (\w+ )?(incidents|issues|complaints)",
        r"(approved|renewed|signed off)"),
}


def find_star(text: str, sentences: list[Sentence]) -> list[StarPart]:
    """The first sentence showing each part, preferring a sentence not already used."""
    used: set[int] = set()
    parts = []
    for part, cue in CUES.items():
        hits = [i for i, s in enumerate(sentences) if cue.search(s.plain)]
        free = [i for i in hits if i not in used]
        chosen = (free or hits)[0] if (free or hits) else None
        if chosen is None:
            parts.append(StarPart(part, None, None))
            continue
        used.add(chosen)
        sentence = sentences[chosen]
        parts.append(StarPart(part, text[sentence.start:sentence.end],
                              (sentence.start, sentence.end)))
    return parts
