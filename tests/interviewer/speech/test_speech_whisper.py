"""Whisper and the two passes, on real recordings through the real models."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from interviewer.speech import ModelError, load_recognizer, read_pcm
from interviewer.speech.audio import BYTES_PER_SECOND, chunks
from interviewer.speech.engines import sphinx, whisper
from interviewer.speech.transcribe import transcribe_pcm
from interviewer.speech.two_pass import TwoPassRecognizer
from interviewer.speech.wer import normalized_wer
from interviewer.speech.whisper_engine import WhisperRecognizer, _spoken
from interviewer.speech.whisper_models import WhisperModelInfo, bundled, check
from tests.interviewer.recordings import librivox
from tests.speech_answers import spoken_answers

ANSWERS = {a.id: a for a in spoken_answers()}


def test_the_bundled_model_is_found_and_pinned() -> None:
    (model,) = bundled()
    assert model.name == "tiny.en" and model.source == "package" and len(model.sha256) == 64
    check(model)  # the shipped weights have the pinned digest


def test_whisper_transcribes_human_speech() -> None:
    recognizer = whisper()
    assert (recognizer.engine, recognizer.model) == ("whisper", "tiny.en")
    books = librivox()
    errors = [normalized_wer(b.transcript, transcribe_pcm(read_pcm(b.path), recognizer).text)
              for b in books]
    assert sum(errors) / len(errors) <= 0.12


def test_whisper_gives_timed_bare_words_in_order() -> None:
    answer = ANSWERS["a13"]
    transcript = transcribe_pcm(read_pcm(answer.path), whisper())
    assert normalized_wer(answer.text, transcript.text) <= 0.15
    starts = [w.start for w in transcript.words]
    assert starts == sorted(starts) and transcript.words[-1].end <= transcript.duration
    assert all(w.word[-1] not in ",.?!" for w in transcript.words)


def test_two_passes_through_the_stream_api() -> None:
    answer = ANSWERS["a01"]
    recognizer = load_recognizer("auto")
    assert isinstance(recognizer, TwoPassRecognizer)
    stream = recognizer.open_stream("How would you go about reducing DSO? DSO, ACH")
    partials = [stream.feed(piece) for piece in chunks(read_pcm(answer.path), 0.1)]
    assert any(partials)  # live text while the answer goes on
    transcript = stream.finish()
    assert (transcript.engine, transcript.model) == ("whisper", "tiny.en")
    assert (transcript.live_engine, transcript.note) == ("sphinx", "")
    assert normalized_wer(answer.text, transcript.text) <= 0.15
    assert "DSO" in transcript.text


def test_the_prompt_keeps_fillers() -> None:
    answer = ANSWERS["a03"]  # "Uh, I have used SAP ... NetSuite for two. Um, in NetSuite ..."
    transcript = transcribe_pcm(read_pcm(answer.path), whisper(),
                                context="ERP systems: SAP, NetSuite, Oracle")
    words = [w.word.lower() for w in transcript.words]
    assert words.count("um") + words.count("uh") >= 1


def test_words_after_the_voice_stops_are_dropped() -> None:
    """Two seconds of room noise after an answer: nothing may be written there."""
    answer = ANSWERS["a14"]
    pcm = read_pcm(answer.path)
    tail = pcm[-BYTES_PER_SECOND // 2:] * 4  # the recording's own quiet ending, longer
    transcript = transcribe_pcm(pcm + tail, whisper())
    voice_ends = (len(pcm) - BYTES_PER_SECOND) / BYTES_PER_SECOND  # 1 s of silence in file
    assert transcript.words[-1].end <= voice_ends + 0.5
    assert transcript.text.rstrip(".").lower().endswith("4%")


def test_a_failed_final_pass_falls_back_to_the_live_text() -> None:
    """The decoder thread is gone (as after a crash in it): the live transcript is kept
    and the candidate is told why in words."""
    final = WhisperRecognizer(bundled()[0])
    final._thread.shutdown()
    recognizer = TwoPassRecognizer(sphinx(), final)
    pcm = read_pcm(ANSWERS["a13"].path)
    transcript = transcribe_pcm(pcm, recognizer)
    expected = transcribe_pcm(pcm, sphinx())
    # Sphinx's noise normalisation carries over between answers, so the same audio can
    # come out a few words apart (16% seen on a loaded machine); a different answer or an
    # empty one would be far past this.
    assert transcript.engine == "sphinx" and normalized_wer(expected.text, transcript.text) < 0.3
    assert "final pass (Whisper) failed" in transcript.note


def test_damaged_weights_are_refused(tmp_path: Path) -> None:
    model = bundled()[0]
    copy = tmp_path / "tiny.en"
    copy.mkdir()
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copy(model.path / name, copy / name)
    (copy / "model.bin").write_bytes(b"not the weights" * 100)
    with pytest.raises(ModelError, match="not the expected ones"):
        check(WhisperModelInfo("tiny.en", copy, "package", model.sha256))


def test_auto_without_a_usable_whisper_says_why(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken-whisper"
    broken.mkdir()
    (broken / "config.json").write_text("{}")
    monkeypatch.setenv("INTERVIEWER_WHISPER_MODEL", str(broken))
    recognizer = load_recognizer("auto")
    assert recognizer.engine == "sphinx"
    reason = recognizer.fallback_reason
    assert "Whisper" in reason and "tokenizer.json" in reason
    assert transcribe_pcm(read_pcm(ANSWERS["a13"].path), recognizer).text


def test_the_same_answer_gives_the_same_words_however_it_arrives() -> None:
    """Same audio, same transcript: in capture-sized or file-sized chunks, and again later.
    Whisper writes ' .' ' .' into trailing silence; those are not words."""
    from tests.interviewer.cli.test_practice_cli import RECORDING

    pcm = read_pcm(RECORDING["ill-disposed"])
    pcm += pcm[-BYTES_PER_SECOND // 4:] * 8  # two more seconds of its quiet ending
    recognizer = whisper()
    runs = [transcribe_pcm(pcm, recognizer, chunk_seconds=size) for size in (0.1, 0.37, 0.1)]
    assert len({run.text for run in runs}) == 1, [run.text for run in runs]
    assert all(any(c.isalnum() for c in w.word) for w in runs[0].words)
    assert "young man" in runs[0].text and ". ." not in runs[0].text
    assert [_spoken(w) for w in (" .", "...", " $200", "4%", " Um,")] == [0, 0, 1, 1, 1]
