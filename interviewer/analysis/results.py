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

_N = r"(?:\d[\d.]*|a (?:third|quarter|half|fifth|tenth)|half|a lot|two thirds|three quarters)"
_W = r"(?:\w+ ){0,5}"           # up to five words in between
_UNIT = r"(?:days?|weeks?|hours?|months?|minutes?|afternoons?|mornings?|time)"
_CHANGED = (r"(?:dropped|drop|drops|fell|fall|falls|rose|rise|rises|grew|grow|climbed|jumped|"
            r"shrank|sank|slid|declined|decreased|increased|improved|reduced|cut|lowered|"
            r"raised|shortened|saved|recovered|collected|cleared|halved|trimmed|boosted|"
            r"lifted)")
_MOVED = r"(?:went|go|goes|gone|came|come|brought|bringing|bring|got|getting|moved|took)"

_RESULT = re.compile("|".join([
    r"\bas a result\b", r"\b(?:the|end|net|final|main|biggest|big) results?\b",
    r"\bresults? (?:was|were|is|came)\b", r"\bresulted in\b", r"\boutcome\b",
    r"\bin the end\b", r"\bended up\b", r"\bby the end of\b", r"\bat the end of (?:it|that)\b",
    r"\b(?:which|that|this) (?:meant|led to|means)\b", r"\bthe upshot\b",
    rf"\b{_CHANGED} {_W}(?:from {_N} {_W})?(?:by|to|down to|up to|under|below) {_N}\b",
    rf"\b{_MOVED} {_W}(?:down|up) (?:by |to |under |below )?{_N}\b",
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
    r"relationship)\b",
    r"\b(?:pays|paid|paying|has paid|have paid) on time (?:ever )?since\b",
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
]))


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


def find_results(tokens: list[Token], plain: Plain | None = None) -> list[tuple[int, int]]:
    """Token ranges (first, last) of every stated result, in order."""
    plain = plain or Plain.of(tokens)
    return [plain.token_range(m.start(), m.end()) for m in _RESULT.finditer(plain.text)]


