"""Whisper (faster-whisper, int8 on the CPU): the most accurate engine here, but it finishes
rather than streams. To keep the wait short after the candidate stops, each stretch of
the answer is decoded on a worker thread as soon as a pause ends it, so at the end only
the last stretch is left.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from interviewer.speech.audio import BYTES_PER_SECOND, to_float
from interviewer.speech.base import Recognizer, Stream
from interviewer.speech.errors import ModelError
from interviewer.speech.pauses import PauseFinder, inside
from interviewer.speech.term_snap import snap_terms
from interviewer.speech.vocabulary import FILLER_STYLE, terms_in
from interviewer.speech.whisper_models import WhisperModelInfo, check
from interviewer.transcript import Transcript, Word

# Stretches end at the first pause after STRETCH_MIN_S, or are cut at STRETCH_MAX_S (Whisper
# sees 30 s at a time). Short stretches lose context; long ones make the last one slow.
STRETCH_MIN_S = 5.0
STRETCH_MAX_S = 24.0
PAUSE_S = 0.3
CONTEXT_WORDS = 40  # of the previous stretch, passed on so sentences carry over a cut
# A word running past the end of the voice with less confidence than this is invented.
UNSURE_TAIL = 0.2
EDGE_PUNCTUATION = ",.?!;:\"'()"
SEED = 1


@dataclass(frozen=True)
class DecodeOptions:
    """How hard Whisper searches; beam 5 is faster-whisper's default, 1 is greedy."""

    beam_size: int = 5


class WhisperStream(Stream):
    """Buffers the answer, hands finished stretches to the decoder thread, joins the words."""

    def __init__(self, owner: WhisperRecognizer, context: str = "") -> None:
        super().__init__()
        self._recognizer = owner
        # The style example last: what Whisper read most recently sets how it writes.
        self._prompt = " ".join(p for p in (context.strip(), FILLER_STYLE) if p)
        self._terms = terms_in(context)
        self._audio = bytearray()
        self._pauses = PauseFinder(STRETCH_MIN_S, STRETCH_MAX_S, PAUSE_S)
        self._stretch_start = 0
        self._jobs: list[Future[list[Word]]] = []
        self._previous: list[str] = []  # words of the last decoded stretch (decoder thread)
        self._input_ended = False

    def feed(self, pcm: bytes) -> str:
        """Never waits on the decoder: returns the text of the stretches already done."""
        self._check_use()
        pcm = self._whole_samples(pcm)
        self._audio += pcm
        for cut in self._pauses.push(pcm):
            self._submit(cut)
        return "".join(w.word for job in self._jobs if job.done() and not job.exception()
                       for w in job.result()).strip()

    def _submit(self, end: int) -> None:
        start, self._stretch_start = self._stretch_start, end
        if end <= start:
            return
        spans = self._pauses.voiced_spans(start, end)
        if not spans:
            return  # nothing said: Whisper would only invent words here
        pcm = bytes(self._audio[start:end])
        self._jobs.append(self._recognizer.submit(self._decode, pcm, start / BYTES_PER_SECOND,
                                             spans))

    def _decode(self, pcm: bytes, offset: float, spans: list[tuple[float, float]]) -> list[Word]:
        """On the decoder thread: one stretch, its words timed from the answer's start."""
        prompt = " ".join([self._prompt, *self._previous[-CONTEXT_WORDS:]])
        voice_ends = spans[-1][1]
        words = snap_terms([
            Word(w.word, offset + w.start, offset + w.end, w.conf)
            for w in _joined(self._recognizer.decode(pcm, prompt))
            if _spoken(w.word) and inside(spans, w.start, w.end)
            and not (w.end > voice_ends and w.conf < UNSURE_TAIL)
        ], self._terms)
        self._previous = [w.word.strip() for w in words]
        return words

    def end_input(self) -> None:
        """The answer is over: queue its last stretch now, so it decodes while the caller
        finishes other work (the live pass's last words)."""
        if not self._input_ended:
            self._input_ended = True
            self._submit(len(self._audio))

    def finish(self) -> Transcript:
        """Decode the last stretch and wait for the others; raises ModelError on failure."""
        self._check_use()
        self._finished = True
        self.end_input()
        words: list[Word] = []
        try:
            for job in self._jobs:
                words += job.result()
        except Exception as exc:  # noqa: BLE001 - CTranslate2 raises plain RuntimeErrors
            raise ModelError(f"Whisper could not finish the transcript ({exc})",
                             "the live transcript is kept; try the answer again") from exc
        return Transcript(
            text="".join(w.word for w in words).strip(),
            words=tuple(_bare(w) for w in words),
            duration=len(self._audio) / BYTES_PER_SECOND,
            engine=self._recognizer.engine,
            model=self._recognizer.model,
        )


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

    def submit(self, fn, *args) -> Future:
        return self._thread.submit(fn, *args)

    def decode(self, pcm: bytes, prompt: str = "") -> list[Word]:
        """Words of one stretch (times from its start), with the spacing and punctuation
        Whisper gave them ('$200' then ',000' is one figure)."""
        import ctranslate2  # loaded with faster_whisper in __init__

        with self._lock:
            # Whisper samples at a higher temperature when a greedy pass looks unsure; a fixed
            # seed makes the same audio give the same transcript (and score) every time.
            ctranslate2.set_random_seed(SEED)
            segments, _info = self._model.transcribe(
                to_float(pcm), language="en", beam_size=self.options.beam_size,
                initial_prompt=prompt or None, word_timestamps=True,
                condition_on_previous_text=False, vad_filter=False)
            return [Word(w.word, float(w.start), float(w.end),
                         min(1.0, max(0.0, float(w.probability))))
                    for segment in segments for w in (segment.words or ()) if w.word.strip()]

    def open_stream(self, context: str = "") -> WhisperStream:
        return WhisperStream(self, context)
