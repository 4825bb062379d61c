"""The zero-download fallback on real human speech (pocketsphinx-testdata), through the stream."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
import soundfile

from interviewer.speech import SAMPLE_RATE, load_recognizer, read_pcm, transcribe_file
from interviewer.speech.audio import chunks
from interviewer.speech.sphinx_engine import SphinxModel, SphinxRecognizer, bundled_models
from interviewer.speech.wer import word_error_rate
from tests.interviewer.recordings import librivox

# Measured on these five read sentences, one decoder in sequence as the app uses it:
# CMU's en-US model (shipped in SpeechRecognition) ~13 %, PocketSphinx's own ~27 %.
WER_BOUNDS = {"SpeechRecognition": 0.22, "bundled": 0.40}


@pytest.fixture(scope="module")
def sphinx():
    return load_recognizer("sphinx")


def test_word_error_rate_counts_edits() -> None:
    assert word_error_rate("a b c d", "a b c d") == 0
    assert word_error_rate("a b c d", "a x c") == 0.5  # one substitution, one deletion
    assert word_error_rate("a b", "a b c d") == 1.0  # two insertions


@pytest.mark.parametrize("model", bundled_models(), ids=lambda m: m.name)
def test_real_speech_within_word_error_bound(model: SphinxModel) -> None:
    recognizer = SphinxRecognizer(model)
    errors = words = 0.0
    for rec in librivox():
        result = transcribe_file(rec.path, recognizer)
        n = len(rec.transcript.split())
        errors += word_error_rate(rec.transcript, result.text) * n
        words += n
        assert (result.engine, result.model) == ("sphinx", model.name)
    assert len(librivox()) == 5
    bound = next(b for key, b in WER_BOUNDS.items() if key in model.name)
    assert errors / words <= bound


def test_both_zero_download_models_exist_and_the_better_one_is_default(sphinx) -> None:
    names = [m.name for m in bundled_models()]
    assert len(names) == 2 and "bundled" in names[1]
    assert sphinx.model == names[0]


def test_words_are_timed_within_the_answer(sphinx) -> None:
    rec = librivox()[0]
    result = transcribe_file(rec.path, sphinx)
    assert result.duration == pytest.approx(7.1, abs=0.01)
    starts = [w.start for w in result.words]
    assert starts == sorted(starts) and len(starts) >= 15
    for word in result.words:
        assert 0 <= word.start < word.end <= result.duration + 0.05
        assert 0 <= word.conf <= 1
        assert word.word.isalpha() and "(" not in word.word
    assert result.text == " ".join(w.word for w in result.words)


def test_partials_grow_while_the_answer_is_fed(sphinx) -> None:
    stream = sphinx.open_stream()
    partials = [stream.feed(piece) for piece in chunks(read_pcm(librivox()[3].path))]
    final = stream.finish()
    assert partials[0] == ""
    assert len({p for p in partials if p}) >= 3, "partial text should change as words arrive"
    assert len(partials[-1].split()) >= len(final.words) // 2


def test_a_stream_refuses_a_second_thread_and_reuse(sphinx) -> None:
    stream = sphinx.open_stream()
    stream.feed(b"\0\0" * 1600)
    errors: list[Exception] = []
    worker = threading.Thread(target=lambda: _feed_catching(stream, errors))
    worker.start()
    worker.join()
    assert errors and "one thread" in str(errors[0])
    stream.finish()
    with pytest.raises(RuntimeError, match="finished"):
        stream.feed(b"\0\0")


def _feed_catching(stream, errors: list[Exception]) -> None:
    try:
        stream.feed(b"\0\0" * 1600)
    except RuntimeError as exc:
        errors.append(exc)


def test_odd_sized_chunks_are_stitched(sphinx) -> None:
    pcm = read_pcm(librivox()[4].path)
    stream = sphinx.open_stream()
    for i in range(0, len(pcm), 4801):  # odd sizes split samples between chunks
        stream.feed(pcm[i : i + 4801])
    result = stream.finish()
    assert result.duration == pytest.approx(len(pcm) / (2 * SAMPLE_RATE))
    assert word_error_rate(librivox()[4].transcript, result.text) <= 0.5


@pytest.mark.parametrize(("fmt", "rate", "channels"),
                         [("FLAC", 44100, 2), ("AIFF", 22050, 1), ("WAV", 48000, 2)])
def test_other_formats_rates_and_channels_are_converted(
        tmp_path: Path, sphinx, fmt: str, rate: int, channels: int) -> None:
    rec = librivox()[4]
    original, _ = soundfile.read(str(rec.path), dtype="float32")
    import soxr

    converted = soxr.resample(original, SAMPLE_RATE, rate)
    data = np.stack([converted] * channels, axis=1) if channels > 1 else converted
    path = tmp_path / f"answer.{fmt.lower()}"
    soundfile.write(str(path), data, rate, format=fmt, subtype="PCM_16")
    pcm = read_pcm(path)
    assert abs(len(pcm) // 2 - len(original)) <= 2
    result = transcribe_file(path, sphinx)
    assert word_error_rate(rec.transcript, result.text) <= 0.5
