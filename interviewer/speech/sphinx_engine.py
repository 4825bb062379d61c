"""PocketSphinx: the zero-download fallback, with its bundled US English model."""

from __future__ import annotations

import importlib.util
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from interviewer.speech.audio import BYTES_PER_SECOND, PARTIAL_EVERY_BYTES
from interviewer.speech.base import Recognizer, Stream
from interviewer.speech.errors import ModelError
from interviewer.speech.pauses import PauseFinder
from interviewer.speech.sphinx_words import add_bank_words
from interviewer.transcript import Transcript, Word

if TYPE_CHECKING:
    from pocketsphinx import Decoder  # no type hints: mypy does not check its use


@dataclass(frozen=True)
class SphinxModel:
    """The three files PocketSphinx needs: acoustic model folder, language model, dictionary."""

    name: str
    hmm: Path
    lm: Path
    dict: Path

    def complete(self) -> bool:
        return self.hmm.is_dir() and self.lm.is_file() and self.dict.is_file()


def bundled_models() -> list[SphinxModel]:
    """US English models that ship inside installed packages, best first.

    SpeechRecognition carries CMU's en-US model; on the pocketsphinx-testdata recordings
    it halves the word error rate of PocketSphinx's own (13 % against 27 %), so it is
    preferred when present, and PocketSphinx's model is the fallback that always exists.
    """
    found = []
    spec = importlib.util.find_spec("speech_recognition")
    if spec and spec.origin:
        data = Path(spec.origin).parent / "pocketsphinx-data" / "en-US"
        found.append(SphinxModel("cmusphinx en-us (from SpeechRecognition)",
                                 data / "acoustic-model", data / "language-model.lm.bin",
                                 data / "pronounciation-dictionary.dict"))
    import pocketsphinx

    own = Path(pocketsphinx.get_model_path()) / "en-us"
    found.append(SphinxModel("pocketsphinx en-us (bundled)", own / "en-us",
                             own / "en-us.lm.bin", own / "cmudict-en-us.dict"))
    return [m for m in found if m.complete()]


# Utterances end at the first pause after this much audio, or are cut at this length.
UTTERANCE_MIN_S = 10.0
UTTERANCE_MAX_S = 30.0
UTTERANCE_PAUSE_S = 0.5


def _is_word(token: str) -> bool:
    """Skip <s>, </s>, <sil> and noise tokens such as [NOISE] or ++BREATH++."""
    return bool(token) and token[0] not in "<[+"


def _clean(token: str) -> str:
    """'was(2)' is the second pronunciation of 'was'."""
    return token.split("(", 1)[0]


def _hyp_text(hypstr: str) -> str:
    return " ".join(_clean(t) for t in hypstr.split() if _is_word(t))


class SphinxStream(Stream):
    """One answer on a pooled decoder, decoded as the audio arrives, one utterance per
    stretch between pauses: a decoder's search grows with its utterance, so a 16-minute
    answer as one utterance costs far more than sixteen minutes as many."""

    def __init__(self, owner: SphinxRecognizer, decoder: Decoder) -> None:
        super().__init__()
        self._recognizer = owner
        self._decoder = decoder
        self._pauses = PauseFinder(UTTERANCE_MIN_S, UTTERANCE_MAX_S, UTTERANCE_PAUSE_S)
        self._bytes = 0
        self._utt_start = 0  # byte offset of the current utterance
        self._words: list[Word] = []
        self._since_partial = 0
        self._partial = ""
        decoder.start_utt()

    def feed(self, pcm: bytes) -> str:
        self._check_use()
        pcm = self._whole_samples(pcm)
        if not pcm:
            return self._partial
        at = self._bytes
        for cut in self._pauses.push(pcm):
            split = max(0, cut - at)
            self._process(pcm[:split])
            pcm, at = pcm[split:], at + split
            self._end_utterance()
            self._decoder.start_utt()
        self._process(pcm)
        if self._since_partial >= PARTIAL_EVERY_BYTES:
            self._since_partial = 0
            hyp = self._decoder.hyp()
            current = _hyp_text(hyp.hypstr) if hyp else ""
            self._partial = " ".join(t for t in (self._done_text(), current) if t)
        return self._partial

    def _process(self, pcm: bytes) -> None:
        if pcm:
            self._decoder.process_raw(pcm, False, False)
            self._bytes += len(pcm)
            self._since_partial += len(pcm)

    def _done_text(self) -> str:
        return " ".join(w.word for w in self._words)

    def _end_utterance(self) -> None:
        """Close the utterance and keep its words, timed from the start of the answer."""
        decoder = self._decoder
        decoder.end_utt()
        offset = self._utt_start / BYTES_PER_SECOND
        self._utt_start = self._bytes
        frame_rate = float(decoder.config["frate"])
        # Under ~100 ms of audio the decoder has no segmentation at all (seg() is None).
        self._words += [
            Word(_clean(seg.word), offset + seg.start_frame / frame_rate,
                 offset + (seg.end_frame + 1) / frame_rate, min(1.0, max(0.0, float(seg.prob))))
            for seg in (decoder.seg() or ())
            if _is_word(seg.word)
        ]

    def finish(self) -> Transcript:
        self._check_use()
        self._finished = True
        try:
            self._end_utterance()
        finally:
            self._recognizer.release(self._decoder)
        return Transcript(
            text=self._done_text(),
            words=tuple(self._words),
            duration=self._bytes / BYTES_PER_SECOND,
            engine=self._recognizer.engine,
            model=self._recognizer.model,
        )


class SphinxRecognizer(Recognizer):
    """Keeps finished decoders for the next answer: creating one reads the model (~0.4 s)."""

    engine = "sphinx"

    def __init__(self, model: SphinxModel | None = None) -> None:
        models = bundled_models()
        if model is None and not models:
            raise ModelError("PocketSphinx's bundled US English model is missing",
                             "reinstall interviewer (pip install --force-reinstall pocketsphinx)")
        model = model or models[0]
        self._options = {
            "hmm": str(model.hmm),
            "lm": str(model.lm),
            "dict": str(model.dict),
            "logfn": os.devnull,
            # The second (flat-lexicon) pass costs ~30 % of real time at end of utterance and
            # did not improve accuracy on the test recordings; best-path keeps confidences.
            "fwdflat": False,
        }
        self.model = model.name
        self._idle: list[Decoder] = []
        self._lock = threading.Lock()
        self.release(self._new_decoder())

    def _new_decoder(self) -> Decoder:
        import pocketsphinx

        try:
            decoder = pocketsphinx.Decoder(**self._options)
            add_bank_words(decoder)
            return decoder
        except (RuntimeError, ValueError) as exc:
            raise ModelError(
                f"the PocketSphinx model could not be loaded ({exc})",
                "reinstall interviewer (pip install --force-reinstall pocketsphinx)",
            ) from exc

    def release(self, decoder: Decoder) -> None:
        with self._lock:
            self._idle.append(decoder)

    def open_stream(self, context: str = "") -> SphinxStream:
        with self._lock:
            decoder = self._idle.pop() if self._idle else None
        return SphinxStream(self, decoder or self._new_decoder())
