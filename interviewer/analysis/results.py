"""A stated result: the words that tell how the story ended, punctuated or not.

Read on the answer's folded words joined by single spaces (figures as digits, "%" as
"percent", contractions spelled out), so "DSO went from 52 to 41 days", "d s o went from
fifty two to forty one days" and "it dropped by a third" read alike. Every pattern is
bounded (no open-ended ".*"), so a megabyte of text is read in linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from interviewer.analysis.tokens import Token

_Q = (r"(?:(?:about|around|roughly|nearly|almost|just|over|under|below|above|more than|less than|"
      r"well over|well under|only|barely) )?")   # a qualifier before a figure
_N = (rf"{_Q}(?:\d[\d.]*|a (?:third|quarter|half|fifth|tenth)|half|two thirds|"
      r"three quarters|none|zero|nothing|nil)")
_W = r"(?:\w+ ){0,5}"           # up to five words in between
_UNIT = r"(?:days?|weeks?|hours?|months?|minutes?|afternoons?|mornings?|time)"
_CHANGED = (r"(?:dropped|drop|drops|fell|fall|falls|rose|rise|rises|grew|grow|climbed|jumped|"
            r"shrank|sank|slid|declined|decreased|increased|improved|reduced|cut|lowered|"
            r"raised|shortened|saved|recovered|collected|cleared|halved|trimmed|boosted|"
            r"lifted)")
_MOVED = r"(?:went|go|goes|gone|came|come|brought|bringing|bring|got|get|getting|moved|took)"


def _at_word_start(patterns: list[str]) -> re.Pattern[str]:
    """One alternation tried only where a word starts (a leading \\b is tested once, not
    once per branch: a megabyte of text is read in a fraction of a second)."""
    return re.compile(r"\b(?:" + "|".join(p.removeprefix(r"\b") for p in patterns) + ")")


_RESULT = _at_word_start([
    r"\bas a result\b", r"\b(?:the|end|net|final|main|biggest|big) result\b",
    r"\bresults? (?:was|were|is|came)\b", r"\bresulted in\b",
    r"\b(?:the|final) outcome (?:was|is)\b",
    r"\b(?:in the end|ended up|eventually|finally|by the end of \w+|at the end of (?:it|that))"
    r"(?: \w+){0,6} (?:paid|pays|collected|recovered|cleared|settled|agreed|signed|renewed|"
    r"kept|stayed|saved|fixed|resolved|closed|reduced|dropped|fell|approved|adopted|"
    r"\d[\d.]*)\b",
    r"\b(?:which|that|this) (?:meant|led to|means)\b", r"\bthe upshot\b",
    rf"\b{_CHANGED} {_W}(?:from {_N} {_W})?(?:by|to|down to|up to|under|below) {_N}\b",
    rf"\b{_MOVED} {_W}(?:down|up) (?:by |to )?{_N}\b",
    rf"\b(?:was|were|is|are|now|got) (?:now )?(?:down|up) (?:by |to )?{_N}\b",
    rf"\b(?:came in|arrived|went through|cleared|closed|resolved|settled|paid|was paid|"
    rf"were paid|got paid|were closed|was closed|was resolved|were resolved) {_W}"
    rf"(?:in|within|after) {_N} {_UNIT}",
    rf"\binstead of (?:a|an|the|{_N}) {_UNIT}",
    rf"\bfrom {_N} (?:\w+ ){{0,3}}(?:down |up |back )?to {_N}\b",
    rf"\b{_N} percent (?:fewer|less|more|lower|higher|faster|shorter|reduction|drop|cut|"
    r"decrease|increase|improvement|down|up|better|off)\b",
    rf"\b(?:got|get|won|gained|freed up|saved|gave (?:us|them|me)) {_W}{_UNIT} back\b",
    rf"\b(?:saved|freed up|gained|won back|got back) {_W}(?:\d+|a|an|one|the) {_W}{_UNIT}\b",
    r"\b(?:halved|doubled|tripled)\b",
    r"\bpaid (?:in full|off|up|everything|the (?:whole|full|entire|rest|balance|remaining)|"
    r"(?:it|them|that|us|the \w+|every \w+|all)(?: \w+)? (?:in full|off|back|on time))\b",
    r"\b(?:fully|finally) (?:paid|settled|cleared|collected|recovered)\b",
    r"\b(?:was|were|got|had been|has been|have been) (?:fully |finally )?"
    r"(?:paid|settled|cleared|collected|recovered|resolved|fixed)\b",
    r"\bstill (?:a|our|with us|buying|buys|buy|orders|ordering|order|works? with|"
    r"working with|does business|doing business|trades|trading)\b",
    r"\b(?:remained|stayed|is still|are still) (?:a |our |one of our )?(?:customer|client)s?\b",
    r"\b(?:kept|saved|retained) (?:the|that|their|them as a) (?:account|customer|client|"
    r"relationship)\b(?! (?:master|data|records?|files?|lists?|details?|information|names?|"
    r"numbers?|notes?))",
    r"\bstill one of (?:our|the|my)\b",
    r"\bnothing (?:was|got|has been) (?:disclosed|lost|missed|leaked|written off)\b",
    r"\bnever (?:missed|lost|had to write)\b",
    r"\b(?:pays|paid|paying|has paid|have paid) on time (?:ever )?since\b",
    r"\b(?:they|he|she|the customer|the client) (?:finally |eventually |then |all )?"
    r"(?:paid|settled)\b(?! (?:late|slowly|only|nothing|less))(?: in full| it all| everything|"
    r" the (?:whole|full|entire|rest|balance|remaining)(?: balance| amount| invoice)?)?",
    r"\bon time ever since\b", r"\bever since\b", r"\bsince then\b", r"\bfrom then on\b",
    r"\bnever (?:missed|late|had)\b(?: \w+){0,3}\b(?:again|since)\b",
    r"\bno (?:more |further |new )?(?:\w+ )?(?:complaints|disputes|errors|issues|incidents|"
    r"write offs?|writeoffs?|escalations|mistakes|problems)\b",
    r"\bzero (?:\w+ )?(?:errors|disputes|complaints|write offs?|issues)\b",
    r"\b(?:became|become|is now|are now|now the) (?:our |the |a )?(?:standard|norm|process|"
    r"template|checklist|rule)\b",
    r"\b(?:rolled out|adopted|approved|renewed|signed off|promoted)\b",
    r"\b(?:avoided|prevented|averted) (?:a |the |any )?(?:\w+ )?(?:write off|writeoff|"
    r"bad debt|loss|losses|dispute|collections agency)\b",
    r"\b(?:recovered|collected|cleared|recouped) (?:\w+ ){0,3}(?:\d[\d.]*|all|every|the full|"
    r"the whole|the entire|most)\b",
])

# How everyday stories end ("now she calls us herself", "he gave the money back"): an
# outcome for STAR and the mock follow-up, too loose to carry a key point.
_OUTCOME = _at_word_start([
    r"\bnow (?:she|he|they|we|it|everyone|everybody|the team)\b"
    r"(?! (?:would|will|want|wants|need|needs|is going|are going)\b)",
    r"\bnow i (?:do not|dont|never|no longer|can|have)\b",
    r"\b(?:down|up) (?:by )?a lot\b",
    r"\b(?:calmed down|apologized|apologised|thanked (?:me|us)|(?:was|were) (?:really |very )?"
    r"(?:grateful|happy|pleased|relieved)|left (?:us |me )?a (?:nice |good |great |five star )?"
    r"review|debt free|paid (?:it )?off|got the job|won the|(?:almost |nearly )?completed the)\b",
    r"\b(?:gave|sent|paid|put|got|took) (?:\w+ ){0,3}(?:money|it|fee|deposit|refund) "
    r"(?:back|off)\b",
    r"\b(?:split (?:it|the cost|the bill|the difference)|met (?:in|halfway)|"
    r"laugh(?:ed)? about it)\b",
    r"\b(?:much|a lot|far|way) (?:better|faster|easier|calmer|smoother)\b",
    r"\bhelped (?:us|me|them|him|her) (?:save|cut|get|pay|keep|win|finish)\b",
    r"\b(?:which|that|and it|it) (?:stopped|prevented|caught|blocked|saved|avoided)\b",
])


@dataclass(frozen=True)
class Plain:
    """An answer's folded words joined by spaces, and where each word starts in that string."""

    text: str
    starts: list[int]

    @classmethod
    def of(cls, tokens: list[Token]) -> Plain:
        starts, position = [], 0
        for token in tokens:
            starts.append(position)
            position += len(token.word) + 1
        return cls(" ".join(t.word for t in tokens), starts)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """First and last token index of a match in the plain text."""
        last = bisect_right(self.starts, max(start, end - 1)) - 1
        return bisect_right(self.starts, start) - 1, last


Range = tuple[int, int]


def result_ranges(tokens: list[Token]) -> tuple[list[Range], list[Range]]:
    """Token ranges (first, last) of the results a key point can rest on, and of the
    outcomes of any story ("he calmed down", "now she calls us"), each in order."""
    plain = Plain.of(tokens)
    return ([plain.token_range(m.start(), m.end()) for m in _RESULT.finditer(plain.text)],
            [plain.token_range(m.start(), m.end()) for m in _OUTCOME.finditer(plain.text)])


def find_results(tokens: list[Token], everyday: bool = True) -> list[Range]:
    """Every stated result, in order; with `everyday`, the outcomes of any story too."""
    business, outcomes = result_ranges(tokens)
    return sorted(business + outcomes) if everyday else business


