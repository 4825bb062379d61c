"""Whisper (faster-whisper, int8 on the CPU): the most accurate engine here, but it finishes
rather than streams. To keep the wait short after the candidate stops, the open part of
the answer is decoded on a worker thread at each pause while they talk, and the words two
decodings agree on are written for good (agreement.py); at the end only the open part,
a few seconds, is left to decode.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar, TypeVarTuple

import numpy as np
import numpy.typing as npt

from interviewer.speech.agreement import after, agreed, pause_between
from interviewer.speech.audio import BYTES_PER_SECOND, SAMPLE_RATE, to_float
from interviewer.speech.base import Recognizer, Stream
from interviewer.speech.errors import ModelError
from interviewer.speech.figures import tidy
from interviewer.speech.glossary import GLOSSARY
from interviewer.speech.inventions import keep_spoken, voiced_spans
from interviewer.speech.pauses import PauseFinder
from interviewer.speech.term_snap import snap_terms
from interviewer.speech.vocabulary import FILLER_STYLE, is_trade_term, terms_in
from interviewer.speech.whisper_models import WhisperModelInfo, check
from interviewer.transcript import Transcript, Word

T = TypeVar("T")
Args = TypeVarTuple("Args")

log = logging.getLogger(__name__)

# The open audio is decoded again at the first pause STEP_MIN_S after the last decoding,
# or STEP_MAX_S after it when no pause comes.
STEP_MIN_S = 2.0
STEP_MAX_S = 12.0
PAUSE_S = 0.3
CONTEXT_WORDS = 40  # of the words already written, passed on so sentences carry over a cut
# Open audio longer than this (decodings that keep disagreeing) is written up to its last
# pause HOLD_S before its end (Whisper hears 30 s at most).
MAX_OPEN_S = 20.0
HOLD_S = 1.5
MAX_LEAD = 2  # held words a new decoding may have dropped before its first word
PROMPT_TERMS = 12  # trade terms named in the prompt, the question's own first
EDGE_PUNCTUATION = ",.?!;:\"'()"
SEED = 1


@dataclass(frozen=True)
class DecodeOptions:
    """How hard Whisper searches; beam 5 is faster-whisper's default, 1 is greedy."""

    beam_size: int = 5


class WhisperStream(Stream):
    """Buffers the answer and decodes its open part on the decoder thread at each pause;
    what two decodings agree on is written, so a seam neither drops nor doubles a word."""

    def __init__(self, owner: WhisperRecognizer, context: str = "") -> None:
        super().__init__()
        self._recognizer = owner
        self._prompt = prompt_for_answer(context)
        self._terms = [*terms_in(context), *GLOSSARY]
        self._audio = bytearray()
        self._pauses = PauseFinder(STEP_MIN_S, STEP_MAX_S, PAUSE_S)
        self._jobs: list[Future[None]] = []
        self._state = threading.Lock()
        self._written: list[Word] = []  # decoder thread appends, under _state
        self._written_to = 0.0  # seconds of audio transcribed for good
        self._shown = (0, "")  # (words, their text) last returned by done()
        self._open_from = 0.0  # seconds: the audio not yet written starts here (decoder)
        self._previous: list[Word] = []  # the last decoding of the open audio (decoder)
        self._input_ended = False

    def feed(self, pcm: bytes) -> str:
        """Never waits on the decoder: returns the text already written for good."""
        self._check_use()
        pcm = self._whole_samples(pcm)
        self._audio += pcm
        for cut in self._pauses.push(pcm):  # each one, however fast the audio comes, so an
            # answer gives the same transcript fed live or from a file
            self._jobs.append(self._recognizer.submit(self._decode_to, cut, False))
        return self.done()[1]

    def done(self) -> tuple[float, str]:
        """(seconds of the answer transcribed for good, their text): what the live view
        can show in place of the live engine's words."""
        with self._state:
            written_to, words = self._written_to, list(self._written)
        if len(words) != self._shown[0]:  # written as in the final transcript, once
            text = "".join(w.word for w in snap_terms(tidy(words), self._terms)).strip()
            self._shown = (len(words), text)
        return written_to, self._shown[1]

    def _decode_to(self, end: int, last: bool) -> None:
        """On the decoder thread: decode the open audio up to `end` (bytes) and write the
        words this decoding and the one before agree on (all of them when `last`)."""
        with self._state:
            context = self._written[-CONTEXT_WORDS:]
        written_end = context[-1].end if context else 0.0
        start = int(self._open_from * BYTES_PER_SECOND) // 2 * 2
        if end - start < BYTES_PER_SECOND // 5:
            if last:
                self._write(self._previous, end / BYTES_PER_SECOND)
            return
        offset = start / BYTES_PER_SECOND
        audio = to_float(bytes(self._audio[start:end]))
        spans = voiced_spans(audio)
        if not spans:  # nothing said: Whisper would only invent words here
            self._previous = []
            self._open_from = end / BYTES_PER_SECOND
            self._write([], self._open_from)
            return
        prompt = " ".join([self._prompt, *(w.word.strip() for w in context)]).strip()
        heard = _joined(self._recognizer.decode(audio, prompt))
        words = after([Word(w.word, offset + w.start, offset + w.end, w.conf)
                       for w in keep_spoken(heard, spans) if _spoken(w.word)], written_end)
        words = _with_dropped_lead(self._previous, words)
        log.debug("open %.2f-%.2f voiced %s heard %s", offset, end / BYTES_PER_SECOND, spans,
                  [(w.word, round(w.start, 2), round(w.end, 2)) for w in words])
        length = len(audio) / SAMPLE_RATE
        if last:
            self._previous = []
            self._write(words, end / BYTES_PER_SECOND)
            return
        n = agreed(self._previous, words)
        self._previous = words[n:]
        if n:
            self._commit(words, n, [(offset + a, offset + b) for a, b in spans], offset + length)
        if offset + length - self._open_from >= MAX_OPEN_S:
            self._force(spans, offset, length)

    def _commit(self, words: list[Word], n: int, spans: list[tuple[float, float]],
                end: float) -> None:
        """Write the first n words; the open audio starts in the pause after them, if the
        voice pauses there (otherwise the next decoding hears them again, and drops them
        by their timings)."""
        next_start = words[n].start if n < len(words) else end
        cut = pause_between(spans, words[n - 1].end, next_start, end)
        if cut is not None:
            self._open_from = cut
        self._write(words[:n], cut if cut is not None else words[n - 1].end)

    def _force(self, spans: list[tuple[float, float]], offset: float, length: float) -> None:
        """The open audio grew too long (decodings kept disagreeing, or the voice never
        paused after a written word): write its words up to its last pause HOLD_S before
        the end, as they were last heard."""
        gap = _last_gap(spans, length - HOLD_S)
        if gap is None:
            return
        cut = offset + gap
        kept = [w for w in self._previous if (w.start + w.end) / 2 < cut]
        self._previous = self._previous[len(kept):]
        self._open_from = cut
        self._write(kept, cut)

    def _write(self, words: list[Word], written_to: float) -> None:
        with self._state:
            self._written += words
            self._written_to = max(self._written_to, written_to)

    def end_input(self) -> None:
        """The answer is over: queue its open part now, so it decodes while the caller
        finishes other work (the live pass's last words)."""
        if not self._input_ended:
            self._input_ended = True
            self._jobs.append(self._recognizer.submit(self._decode_to, len(self._audio), True))

    def finish(self) -> Transcript:
        """Decode the open part and wait for the rest; raises ModelError on failure."""
        self._check_use()
        self._finished = True
        self.end_input()
        try:
            for job in self._jobs:
                job.result()
        except Exception as exc:  # noqa: BLE001 - CTranslate2 raises plain RuntimeErrors
            raise ModelError(f"Whisper could not finish the transcript ({exc})",
                             "the live transcript is kept; try the answer again") from exc
        words = _in_order(snap_terms(tidy(self._written), self._terms))
        return Transcript(
            text="".join(w.word for w in words).strip(),
            words=tuple(_bare(w) for w in words),
            duration=len(self._audio) / BYTES_PER_SECOND,
            engine=self._recognizer.engine,
            model=self._recognizer.model,
        )


def _in_order(words: list[Word]) -> list[Word]:
    """Whisper now and then starts a word before the one it wrote first ('last' at 8.52 s
    after 'my' at 10.14 s): a word starts no earlier than the word before it ends, so
    pauses, pace and evidence times never run backwards."""
    out: list[Word] = []
    for w in words:
        if out and w.start < out[-1].end:
            w = Word(w.word, out[-1].end, max(out[-1].end, w.end), w.conf)
        out.append(w)
    return out


def _with_dropped_lead(held: list[Word], words: list[Word]) -> list[Word]:
    """Whisper drops a leading filler ('Um, the rest went') that it wrote when the same
    audio ended the decoding before: the earlier words before the new decoding's first
    word are put back."""
    keys = [_bare(w).word.lower() for w in held[:MAX_LEAD + 1]]
    first = _bare(words[0]).word.lower() if words else None
    if first not in keys:
        return words
    return [*held[:keys.index(first)], *words]


def _last_gap(spans: list[tuple[float, float]], before: float) -> float | None:
    """The middle of the last pause between voices (or after the last one) that starts
    by `before` seconds: a cut there splits no word, and the words before it were heard
    with at least HOLD_S of audio after them."""
    length = before + HOLD_S
    starts = [a for a, _ in spans[1:]] + [length]
    middles = [(end + min(nxt, length)) / 2 for (_, end), nxt in zip(spans, starts, strict=True)
               if end <= before]
    return middles[-1] if middles else None


def prompt_for_answer(context: str) -> str:
    """The style example, then (when the question gave any) its trade terms only: a
    whole question and everyday phrases pull off-topic talk towards the question."""
    terms = [t for t in terms_in(context) if is_trade_term(t)][:PROMPT_TERMS]
    return " ".join(p for p in (", ".join(terms) + "." if terms else "", FILLER_STYLE) if p)


def _joined(words: list[Word]) -> list[Word]:
    """Whisper splits some figures ('$200' ',000'); a piece without a leading space belongs
    to the word before it."""
    out: list[Word] = []
    for w in words:
        if out and not w.word.startswith(" "):
            last = out[-1]
            out[-1] = Word(last.word + w.word, last.start, w.end, min(last.conf, w.conf))
        else:
            out.append(w)
    return out


def _spoken(text: str) -> bool:
    """Whisper fills trailing silence with ' .' ' .' ' .': a word with no letter or digit in
    it was not said, and would count towards pace and word totals."""
    return any(c.isalnum() for c in text)


def _bare(word: Word) -> Word:
    """Timed words carry no punctuation (the text keeps it): 'Um,' is the filler 'Um'."""
    bare = word.word.strip().strip(EDGE_PUNCTUATION) or word.word.strip()
    return Word(bare, word.start, word.end, word.conf)


class WhisperRecognizer(Recognizer):
    """One loaded model and one decoder thread, shared by every answer in the process."""

    engine = "whisper"

    def __init__(self, model: WhisperModelInfo, options: DecodeOptions | None = None) -> None:
        check(model)
        try:
            from faster_whisper import WhisperModel

            # One core is left to the live pass, so the live text keeps up while Whisper works.
            threads = max(1, (os.cpu_count() or 2) - 1)
            self._model = WhisperModel(str(model.path), device="cpu", compute_type="int8",
                                       cpu_threads=threads)
        except Exception as exc:  # noqa: BLE001 - CTranslate2 raises RuntimeError/ValueError
            raise ModelError(f"{model.path}: the Whisper model could not be loaded ({exc})",
                             "reinstall it: interviewer model install tiny.en") from exc
        self.model = model.name
        self.model_path = model.path
        self.options = options or DecodeOptions()
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="whisper")
        self._lock = threading.Lock()

    def submit(self, fn: Callable[[*Args], T], *args: *Args) -> Future[T]:
        return self._thread.submit(fn, *args)

    def decode(self, audio: npt.NDArray[np.float32], prompt: str = "") -> list[Word]:
        """Words of one stretch (times from its start), with the spacing and punctuation
        Whisper gave them ('$200' then ',000' is one figure)."""
        import ctranslate2  # loaded with faster_whisper in __init__

        with self._lock:
            # Whisper samples at a higher temperature when a greedy pass looks unsure; a fixed
            # seed makes the same audio give the same transcript (and score) every time.
            ctranslate2.set_random_seed(SEED)
            segments, _info = self._model.transcribe(
                audio, language="en", beam_size=self.options.beam_size,
                initial_prompt=prompt or None, word_timestamps=True,
                condition_on_previous_text=False, vad_filter=False)
            return [Word(w.word, float(w.start), float(w.end),
                         min(1.0, max(0.0, float(w.probability))))
                    for segment in segments for w in (segment.words or ()) if w.word.strip()]

    def open_stream(self, context: str = "") -> WhisperStream:
        return WhisperStream(self, context)
