"""Spoken answers played into the (virtual) microphone with silence either side, heard
as the app hears them: nothing is written in the silence, and every figure is exact.

One recording holds all the answers, each with 2 s of silence before and after, so the
audio server is driven once; the capture is then cut back into answers and each goes
through the two-pass recognizer with its question's prompt, as in the app.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import soundfile

from interviewer.banks.loader import load_library
from interviewer.capture.microphone import open_microphone, record
from interviewer.speech import load_recognizer, read_pcm
from interviewer.speech.audio import BYTES_PER_SECOND
from interviewer.speech.transcribe import transcribe_pcm
from interviewer.speech.vocabulary import context_for
from interviewer.speech.wer import normalize
from tests.speech_answers import spoken_answers

GAP_S = 2.0
# Figures, trade terms and talk away from work, from both halves of the set.
SUBSET = ("a01", "a06", "b01", "b03", "b05", "b11")


def _played(pcms: list[bytes]) -> tuple[bytes, list[int]]:
    """Each answer between two seconds of silence; where each piece starts."""
    silence = bytes(int(GAP_S * BYTES_PER_SECOND) // 2 * 2)
    starts, out = [], b""
    for pcm in pcms:
        starts.append(len(out))
        out += silence + pcm + silence
    return out, starts


def _shift(captured: np.ndarray, played: np.ndarray) -> int:
    """Samples by which the capture lags what was played (the server's latency)."""
    size = 1 << int(np.ceil(np.log2(len(captured) + len(played))))
    corr = np.fft.irfft(np.fft.rfft(captured, size) * np.conj(np.fft.rfft(played, size)), size)
    return int(np.argmax(corr[: len(captured)]))


def _capture(pulse_server, played: bytes, wav: Path) -> bytes:
    soundfile.write(wav, np.frombuffer(played, "<i2"), 16000, subtype="PCM_16")
    ended: list[float] = []

    def should_stop() -> bool:
        if player.poll() is not None and not ended:
            ended.append(time.monotonic())
        return bool(ended) and time.monotonic() - ended[0] > 0.5

    with open_microphone() as mic:
        player = pulse_server.play_into_mic(wav)
        try:
            return record(mic, should_stop, len(played) / BYTES_PER_SECOND + 20,
                          lambda chunk, elapsed: None, None)
        finally:
            player.wait(timeout=30)


def _figures(text: str) -> Counter[str]:
    return Counter(re.findall(r"\d+", normalize(text)))


@pytest.mark.timeout(1200)  # 2.5 minutes played in real time, then recognised
def test_answers_played_into_the_microphone(pulse_server, tmp_path: Path) -> None:
    answers = [a for a in spoken_answers() if a.id in SUBSET]
    pcms = [read_pcm(a.path) for a in answers]
    played, starts = _played(pcms)
    captured = _capture(pulse_server, played, tmp_path / "answers.wav")
    heard = np.frombuffer(captured, "<i2").astype(np.float64)
    shift = 2 * _shift(heard, np.frombuffer(played, "<i2").astype(np.float64))
    library = load_library()
    recognizer = load_recognizer("auto")
    problems = []
    gap = int(GAP_S * BYTES_PER_SECOND) // 2 * 2
    for answer, pcm, start in zip(answers, pcms, starts, strict=True):
        piece = captured[shift + start: shift + start + len(pcm) + 2 * gap]
        question = library.question(answer.question_id)
        transcript = transcribe_pcm(piece, recognizer, context=context_for(
            question, library.bank(question.bank_id).questions))
        said = set(normalize(answer.text).split())
        voice = (GAP_S, GAP_S + len(pcm) / BYTES_PER_SECOND)
        invented = [w for w in transcript.words
                    if (w.end <= voice[0] or w.start >= voice[1])
                    and not set(normalize(w.word).split()) <= said]
        missing = _figures(answer.text) - _figures(transcript.text)
        if invented or missing:
            problems.append(f"{answer.id}: in the silence {[w.word for w in invented]}, "
                            f"figures missing {dict(missing)}: {transcript.text}")
    assert not problems, "\n".join(problems)
