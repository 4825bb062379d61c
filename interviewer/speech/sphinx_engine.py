"""PocketSphinx: the zero-download fallback, with its bundled US English model."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from interviewer.speech.audio import BYTES_PER_SECOND
from interviewer.speech.base import Recognizer, Stream
from interviewer.speech.errors import ModelError
from interviewer.transcript import Transcript, Word

MODEL_NAME = "pocketsphinx en-us (bundled)"
# Asking the decoder for a hypothesis walks its whole search; do it at most this often.
PARTIAL_EVERY_BYTES = BYTES_PER_SECOND // 4


def _is_word(token: str) -> bool:
    """Skip <s>, </s>, <sil> and noise tokens such as [NOISE] or ++BREATH++."""
    return bool(token) and token[0] not in "<[+"


def _clean(token: str) -> str:
    """'was(2)' is the second pronunciation of 'was'."""
    return token.split("(", 1)[0]


def _hyp_text(hypstr: str) -> str:
    return " ".join(_clean(t) for t in hypstr.split() if _is_word(t))


class SphinxStream(Stream):
    """One utterance on a pooled decoder, decoded as the audio arrives."""

    def __init__(self, owner: SphinxRecognizer, decoder) -> None:
        super().__init__()
        self._recognizer = owner
        self._decoder = decoder
        self._bytes = 0
        self._since_partial = 0
        self._partial = ""
        self._odd = b""
        decoder.start_utt()

    def feed(self, pcm: bytes) -> str:
        self._check_use()
        pcm = self._odd + pcm
        cut = len(pcm) // 2 * 2
        pcm, self._odd = pcm[:cut], pcm[cut:]
        if not pcm:
            return self._partial
        self._decoder.process_raw(pcm, False, False)
        self._bytes += len(pcm)
        self._since_partial += len(pcm)
        if self._since_partial >= PARTIAL_EVERY_BYTES:
            self._since_partial = 0
            hyp = self._decoder.hyp()
            self._partial = _hyp_text(hyp.hypstr) if hyp else ""
        return self._partial

    def finish(self) -> Transcript:
        self._check_use()
        self._finished = True
        decoder = self._decoder
        try:
            decoder.end_utt()
            frame_rate = float(decoder.config["frate"])
            words = [
                Word(_clean(seg.word), seg.start_frame / frame_rate,
                     (seg.end_frame + 1) / frame_rate, min(1.0, max(0.0, float(seg.prob))))
                for seg in decoder.seg()
                if _is_word(seg.word)
            ]
        finally:
            self._recognizer.release(decoder)
        return Transcript(
            text=" ".join(w.word for w in words),
            words=tuple(words),
            duration=self._bytes / BYTES_PER_SECOND,
            engine=self._recognizer.engine,
            model=self._recognizer.model,
        )


class SphinxRecognizer(Recognizer):
    """Keeps finished decoders for the next answer: creating one reads the model (~0.4 s)."""

    engine = "sphinx"

    def __init__(self) -> None:
        import pocketsphinx

        model_dir = Path(pocketsphinx.get_model_path()) / "en-us"
        self._options = {
            "hmm": str(model_dir / "en-us"),
            "lm": str(model_dir / "en-us.lm.bin"),
            "dict": str(model_dir / "cmudict-en-us.dict"),
            "logfn": os.devnull,
            # The second (flat-lexicon) pass costs ~30 % of real time at end of utterance and
            # did not improve accuracy on the test recordings; best-path keeps confidences.
            "fwdflat": False,
        }
        self.model = MODEL_NAME
        self._idle: list = []
        self._lock = threading.Lock()
        self.release(self._new_decoder())

    def _new_decoder(self):
        import pocketsphinx

        try:
            return pocketsphinx.Decoder(**self._options)
        except (RuntimeError, ValueError) as exc:
            raise ModelError(
                f"PocketSphinx's bundled model could not be loaded ({exc})",
                "reinstall interviewer (pip install --force-reinstall pocketsphinx)",
            ) from exc

    def release(self, decoder) -> None:
        with self._lock:
            self._idle.append(decoder)

    def open_stream(self) -> SphinxStream:
        with self._lock:
            decoder = self._idle.pop() if self._idle else None
        return SphinxStream(self, decoder or self._new_decoder())
