"""Vosk: streaming recognition with word timings, one loaded model shared by every stream."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from interviewer.speech.audio import BYTES_PER_SECOND, PARTIAL_EVERY_BYTES, SAMPLE_RATE
from interviewer.speech.base import Recognizer, Stream
from interviewer.speech.errors import ModelError
from interviewer.speech.model_files import check_model_dir, display_name
from interviewer.transcript import Transcript, Word

# Tokens some Vosk models emit for sounds that are not words.
NON_WORDS = frozenset({"[unk]", "<unk>", "[noise]", "[laughter]"})


def _words_of(result: dict[str, Any]) -> list[Word]:  # Vosk's JSON
    return [
        Word(str(w["word"]), float(w["start"]), float(w["end"]), float(w.get("conf", 1.0)))
        for w in result.get("result", [])
        if str(w.get("word", "")).lower() not in NON_WORDS
    ]


class VoskStream(Stream):
    """One KaldiRecognizer per answer: recognizers are cheap, the model is not."""

    def __init__(self, owner: VoskRecognizer) -> None:
        super().__init__()
        import vosk

        self._recognizer_of = owner
        self._kaldi = vosk.KaldiRecognizer(owner.vosk_model, SAMPLE_RATE)
        self._kaldi.SetWords(True)
        self._kaldi.SetPartialWords(True)
        self._words: list[Word] = []
        self._partial = ""
        self._bytes = 0
        self._since_partial = 0

    def feed(self, pcm: bytes) -> str:
        self._check_use()
        pcm = self._whole_samples(pcm)
        if not pcm:
            return self._text()
        self._bytes += len(pcm)
        self._since_partial += len(pcm)
        if self._kaldi.AcceptWaveform(pcm):
            # Vosk found the end of a phrase: its words are final, keep them.
            self._words += _words_of(json.loads(self._kaldi.Result()))
            self._partial = ""
        elif self._since_partial >= PARTIAL_EVERY_BYTES:
            self._since_partial = 0
            self._partial = json.loads(self._kaldi.PartialResult()).get("partial", "")
        return self._text()

    def _text(self) -> str:
        done = " ".join(w.word for w in self._words)
        return " ".join(part for part in (done, self._partial) if part)

    def finish(self) -> Transcript:
        self._check_use()
        self._words += _words_of(json.loads(self._kaldi.FinalResult()))
        self._finished = True
        owner = self._recognizer_of
        return Transcript(
            text=" ".join(w.word for w in self._words),
            words=tuple(self._words),
            duration=self._bytes / BYTES_PER_SECOND,
            engine=owner.engine,
            model=owner.model,
        )


class VoskRecognizer(Recognizer):
    """Loads a Vosk model folder once; every answer gets its own stream over it."""

    engine = "vosk"

    def __init__(self, model_path: Path) -> None:
        import vosk

        vosk.SetLogLevel(-2)
        check_model_dir(model_path)
        try:
            self.vosk_model = vosk.Model(str(model_path))
        except Exception as exc:  # vosk raises a bare Exception when Kaldi rejects the files
            raise ModelError(
                f"{model_path}: the Vosk model could not be loaded (its files are damaged)",
                "install it again: interviewer model install SOURCE",
            ) from exc
        self.model_path = model_path
        self.model = display_name(model_path)

    def open_stream(self, context: str = "") -> VoskStream:
        return VoskStream(self)
