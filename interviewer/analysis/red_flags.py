"""Quiet red flags hiring managers notice, as observations about the words used.

From the coordinator interview article (seed 003): vague verbs with no specifics, no
metrics, blaming others, overpromising, and only reactive actions. Each flag names what
was said, never what the candidate is like.
"""

from __future__ import annotations

import re

_VAGUE = re.compile(r"\b(managed|handled|assisted|helped with|helped out|worked on|dealt with|"
                    r"took care of|was involved in|was responsible for)\b")
_BLAME = re.compile(r"\b(their fault|not my fault|(his|her|their|its) fault|"
                    r"(i|we) blamed?|blame (them|sales|billing|the customer|my manager)|"
                    r"because of (them|sales|billing|my manager|the other team)|"
                    r"(they|sales|billing|management|my manager|my boss|the team) "
                    r"(never|didnt|did not|wouldnt|would not|failed to|refused to)|"
                    r"incompetent|lazy|useless|nobody else)\b")
_OVERPROMISE = re.compile(r"\b(i (can )?guarantee|guaranteed|100 percent|"
                          r"every single (time|account|invoice)|"
                          r"never (miss|fail|lose|had a)\w*|always (collect|get|recover)\w*|"
                          r"without exception|zero (bad debt|disputes|late)|all of them paid|"
                          r"no account ever)\b")
_REACTIVE = re.compile(r"\b(waited|wait until|once (it|they|the \w+) (was|were|had|went)|"
                       r"when they called|responded|reacted|after (it|they) (went|became|was)|"
                       r"only when|as problems came)\b")
_PROACTIVE = re.compile(r"\b(before|proactive\w*|prevent\w*|early|earlier|ahead|in advance|"
                        r"remind\w*|schedul\w*|plan\w*|check\w* (each|every)|routine|"
                        r"each (morning|week|month)|every (morning|week|monday|month))\b")


def find_red_flags(plain: str, has_figures: bool, category: str) -> list[str]:
    """Red-flag observations for an answer given as folded words."""
    flags: list[str] = []
    vague = sorted(set(m.group() for m in _VAGUE.finditer(plain)))
    if vague and not has_figures:
        flags.append(f"vague verbs with no specifics: {', '.join(vague)}")
    if not has_figures and plain and category in ("experience", "behavioral"):
        flags.append("no number in the answer")
    blame = _BLAME.search(plain)
    if blame:
        flags.append(f"puts the problem on others: \"{blame.group()}\"")
    promise = _OVERPROMISE.search(plain)
    if promise:
        flags.append(f"an absolute claim: \"{promise.group()}\"")
    if _REACTIVE.search(plain) and not _PROACTIVE.search(plain):
        flags.append("only reactive actions: nothing done before a problem arose")
    return flags
