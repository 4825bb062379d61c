"""Filler words, told apart from the same words used with their meaning.

"like" is a filler in "it was like really late" but not in "I would like to" or
"customers like this one"; "kind of" is one in "I kind of called" but not in "what
kind of account".
"""

from __future__ import annotations

from interviewer.analysis.lexicon import FILLER_PHRASES, FILLER_WORDS, words

_LIKE_VERB_BEFORE = words("i you we they he she would wouldnt do dont didnt does doesnt "
                              "to really also people customers clients managers")
_LIKE_COMPARE_BEFORE = words("look looks looked looking sound sounds sounded seem seems "
                                 "feel feels felt something anything nothing things more "
                                 "much just exactly issues problems items accounts tools "
                                 "companies customers documents")
_LIKE_FILLER_BEFORE = words("was is were it its thats and but so um uh er like "
                                "basically")
_DETERMINERS = words("what this that the a an any some every which same one no "
                         "other")
_YOU_KNOW_NOT_BEFORE = words("do did if as would dont didnt you")
_YOU_KNOW_NOT_AFTER = words("what how that when where who if the whether why")


def _like_is_filler(words: list[str], i: int) -> bool:
    before = words[i - 1] if i else ""
    if before in _LIKE_VERB_BEFORE or before in _LIKE_COMPARE_BEFORE:
        return False
    return not before or before in _LIKE_FILLER_BEFORE


def _phrase_is_filler(pair: tuple[str, str], words: list[str], i: int) -> bool:
    before = words[i - 1] if i else ""
    after = words[i + 2] if i + 2 < len(words) else ""
    if pair in (("kind", "of"), ("sort", "of")):
        return before not in _DETERMINERS and not before.endswith("s")
    if pair == ("you", "know"):
        return before not in _YOU_KNOW_NOT_BEFORE and after not in _YOU_KNOW_NOT_AFTER
    return after not in ("it", "that", "to")  # "I mean it" is meant


def find_fillers(words: list[str]) -> list[tuple[int, int]]:
    """(first, end) word ranges of filler words and phrases in a folded word list."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        pair = (words[i], words[i + 1]) if i + 1 < len(words) else None
        if pair in FILLER_PHRASES and _phrase_is_filler(pair, words, i):
            found.append((i, i + 2))
            i += 2
            continue
        if words[i] in FILLER_WORDS or (words[i] == "like" and _like_is_filler(words, i)):
            found.append((i, i + 1))
        i += 1
    return found
