"""STAR parts (situation, task, action, result) and the sentence that shows each."""

from __future__ import annotations

import re
from bisect import bisect_right

from interviewer.analysis.feedback import StarPart
from interviewer.analysis.results import find_results
from interviewer.analysis.sentences import Sentence
from interviewer.analysis.tokens import Token

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
        r"last (year|month|quarter|spring|summer|autumn|fall|winter|christmas)",
        r"(a|one|1) (customer|client|distributor|retailer|supplier) (owed|had|was|called|"
        r"disputed|kept|refused|stopped)", r"(one|1) of (our|my) (biggest |largest |key )?"
        r"(customers|clients|accounts)",
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
}


Hit = tuple[int, int]   # (sentence index, index of the token where the cue starts)


def _cue_hits(cue: re.Pattern[str], sentences: list[Sentence], enough: int = 4) -> list[Hit]:
    """The first sentences showing a cue: four are enough, as the other parts can take
    at most three of them."""
    hits = []
    for k, sentence in enumerate(sentences):
        found = cue.search(sentence.plain)
        if found:
            hits.append((k, sentence.first + sentence.plain.count(" ", 0, found.start())))
            if len(hits) == enough:
                break
    return hits


def _result_hits(results: list[tuple[int, int]], sentences: list[Sentence]) -> list[Hit]:
    firsts = [s.first for s in sentences]
    hits: dict[int, Hit] = {}
    for a, _ in results:
        k = bisect_right(firsts, a) - 1
        hits.setdefault(k, (k, a))
    return list(hits.values())


def _choose(hits: list[Hit], used: set[int], last: bool) -> Hit | None:
    free = [h for h in hits if h[0] not in used]
    if free:
        return free[-1] if last else free[0]
    return (hits[-1] if last else hits[0]) if hits else None


def find_star(text: str, tokens: list[Token], sentences: list[Sentence],
              results: list[tuple[int, int]] | None = None) -> list[StarPart]:
    """The sentence showing each part, each part its own: the result is the last sentence
    that states one, the others the first free sentence with their cue. When a part's only
    cue shares a sentence with another part, it quotes from its cue to the sentence end."""
    hits = {part: _cue_hits(cue, sentences) for part, cue in CUES.items()}
    found = find_results(tokens) if results is None else results
    hits["result"] = _result_hits(found, sentences)
    used: set[int] = set()
    chosen: dict[str, tuple[int, int] | None] = {}
    for part in ("result", "situation", "task", "action"):
        hit = _choose(hits[part], used, last=part == "result")
        if hit is None:
            chosen[part] = None
            continue
        k, first = hit
        sentence = sentences[k]
        start = sentence.start if k not in used else tokens[first].start
        used.add(k)
        chosen[part] = (start, sentence.end)
    return [StarPart(part, text[span[0]:span[1]] if span else None, span)
            for part in ("situation", "task", "action", "result")
            for span in [chosen[part]]]
