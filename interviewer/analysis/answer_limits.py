"""How much of one answer is scored.

The longest answer the app records is 30 minutes (the largest time limit): about 5,000
words. A pasted file can be far longer, and scoring a megabyte of random Unicode took
seconds to minutes: every token is new to the stemmer and the lemmatiser. The answer
is kept whole in the history; only its first MAX_SCORED_WORDS words (and at most
MAX_SCORED_CHARS characters) are scored, and the transcript's note says so.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from interviewer.transcript import Transcript

MAX_SCORED_WORDS = 6_000  # 40 minutes at 150 words a minute
MAX_SCORED_CHARS = 50_000
_WORD = re.compile(r"\w+")


def _cut_at(text: str, words: int, chars: int) -> int:
    """Where the scored part ends: after `words` words or `chars` characters, at a word's end."""
    last = next(itertools.islice(_WORD.finditer(text, 0, chars), words - 1, None), None)
    if last is not None:
        return last.end()
    if len(text) <= chars:
        return len(text)
    space = text.rfind(" ", 0, chars)
    return space if space > chars // 2 else chars


def scored_part(transcript: Transcript, words: int = MAX_SCORED_WORDS,
                chars: int = MAX_SCORED_CHARS) -> Transcript:
    """The transcript itself when short enough, else its start (with the timed words that
    fall in it) and a note saying how much was scored."""
    text = transcript.text
    end = _cut_at(text, words, chars)
    if end >= len(text.rstrip()):
        return transcript
    head = text[:end]
    timed = tuple(itertools.islice(transcript.words, len(_WORD.findall(head))))
    note = (f"only the first {len(head):,} of {len(text):,} characters were scored; "
            "the whole answer is kept")
    return replace(transcript, text=head, words=timed,
                   note="; ".join(n for n in (transcript.note, note) if n))
