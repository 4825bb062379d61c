"""What the scorer needs from the banks beyond the question: its neighbours and their words."""

from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass

from interviewer.analysis.tokens import fold, tokenize
from interviewer.banks import Library, Question, load_library

_WORD = re.compile(r"[^\W\d_]+")
_KEEP = 4
_contexts: OrderedDict[int, tuple[Library, BankContext]] = OrderedDict()
_default: list[Library] = []
_lock = threading.Lock()   # the app scores from worker threads


@dataclass(frozen=True)
class BankContext:
    """Words the banks use (never reinterpreted fuzzily) and each bank's questions."""

    known_words: frozenset[str]
    banks: dict[str, tuple[Question, ...]]
    # words in the key phrases of many questions ("next", "noticed", "still"): they say
    # how a story goes, not what it is about, so they never show the topic
    story_words: frozenset[str] = frozenset()


def _question_words(question: Question) -> set[str]:
    texts = [question.text, *question.tips, *(a.text for a in question.sample_answers),
             *(p for k in question.key_points for p in k.phrases)]
    return {fold(w) for text in texts for w in _WORD.findall(text)}


STORY_WORD_QUESTIONS = 5   # a phrase word in this many questions' phrases is a story word


def _story_words(library: Library) -> frozenset[str]:
    counts: Counter[str] = Counter()
    for question in library.all_questions():
        counts.update({t.stem for k in question.key_points for p in k.phrases
                       for t in tokenize(p) if not (t.stop or t.number)})
    return frozenset(w for w, n in counts.items() if n >= STORY_WORD_QUESTIONS)


def _build(library: Library) -> BankContext:
    words: set[str] = set()
    for question in library.all_questions():
        words |= _question_words(question)
    return BankContext(frozenset(words), {b.id: b.questions for b in library.banks},
                       _story_words(library))


def default_library() -> Library:
    """The built-in and user banks, loaded once per process when the caller passes none."""
    with _lock:
        if not _default:
            _default.append(load_library())
        return _default[0]


def context_for(library: Library | None) -> BankContext:
    """The context of a library, cached; the library is held so its id stays unique."""
    library = library or default_library()
    key = id(library)
    with _lock:
        if key in _contexts:
            _contexts.move_to_end(key)
            return _contexts[key][1]
        context = _build(library)
        _contexts[key] = (library, context)
        while len(_contexts) > _KEEP:
            _contexts.popitem(last=False)
        return context
