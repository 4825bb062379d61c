"""Odd audio (tiny, hostile headers, long), the engine table, and the CLI's JSON."""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path

import numpy as np
import pytest
import soundfile

from interviewer.cli.main import main
from interviewer.speech import AudioError, load_recognizer, read_pcm
from interviewer.speech.audio import BYTES_PER_SECOND
from interviewer.speech.engines import sphinx
from interviewer.speech.pauses import PauseFinder
from interviewer.speech.sphinx_engine import bundled_models
from interviewer.speech.sphinx_words import BANK_WORDS
from interviewer.speech.transcribe import transcribe_pcm
from tests.speech_answers import spoken_answers

ANSWERS = {a.id: a for a in spoken_answers()}


def wav_claiming(path: Path, rate: int, pcm: bytes) -> Path:
    """A valid 16-bit mono WAV whose header says `rate`."""
    header = (b"RIFF" + struct.pack("<I", 36 + len(pcm)) + b"WAVEfmt "
              + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
              + b"data" + struct.pack("<I", len(pcm)))
    path.write_bytes(header + pcm)
    return path


@pytest.mark.parametrize("rate", [1, 8, 1000, 10_000_000])
def test_an_absurd_sample_rate_is_refused_before_any_work(tmp_path: Path, rate: int) -> None:
    path = wav_claiming(tmp_path / "odd.wav", rate, b"\x01\x00" * 100_000)
    with pytest.raises(AudioError, match=f"{rate} Hz"):
        read_pcm(path)


def test_telephone_rate_still_reads(tmp_path: Path) -> None:
    path = wav_claiming(tmp_path / "phone.wav", 8000, b"\x01\x00" * 8000)
    assert len(read_pcm(path)) == 2 * 16000


def test_the_cli_says_so_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = wav_claiming(tmp_path / "odd.wav", 1, b"\x01\x00" * 100_000)
    assert main(["transcribe", "--engine", "sphinx", str(path)]) == 1
    err = capsys.readouterr().err
    assert "sample rate is 1 Hz" in err and "Traceback" not in err


@pytest.mark.parametrize("engine", ["sphinx", "auto"])
@pytest.mark.parametrize("ms", [1, 50, 90])
def test_audio_under_a_tenth_of_a_second(engine: str, ms: int) -> None:
    """Real speech cut to a few milliseconds: an empty or tiny transcript, never a crash."""
    pcm = read_pcm(ANSWERS["a13"].path)[BYTES_PER_SECOND: BYTES_PER_SECOND + ms * 32]
    transcript = transcribe_pcm(pcm, load_recognizer(engine))
    assert transcript.duration == pytest.approx(ms / 1000, abs=0.001)
    assert len(transcript.words) <= 1


def test_a_short_file_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    pcm = read_pcm(ANSWERS["a13"].path)[BYTES_PER_SECOND: BYTES_PER_SECOND + 1600]
    path = tmp_path / "short.wav"
    soundfile.write(path, np.frombuffer(pcm, "<i2"), 16000, subtype="PCM_16")
    assert main(["transcribe", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["duration"] == 0.05


def test_sphinx_decodes_a_long_answer_utterance_by_utterance() -> None:
    """Three answers in a row (about 50 s): cut at pauses, words keep answer-wide times."""
    pcm = b"".join(read_pcm(ANSWERS[i].path) for i in ("a13", "a14", "a16"))
    transcript = transcribe_pcm(pcm, sphinx())
    starts = [w.start for w in transcript.words]
    assert starts == sorted(starts)
    assert transcript.words[-1].end > 0.9 * len(pcm) / BYTES_PER_SECOND - 2
    assert "million" in transcript.text and "controller" in transcript.text


def test_pauses_cut_stretches_between_sentences() -> None:
    pcm = read_pcm(ANSWERS["a01"].path)
    finder = PauseFinder(min_stretch_s=4.0, max_stretch_s=20.0, pause_s=0.3)
    cuts = [c for i in range(0, len(pcm), 3200) for c in finder.push(pcm[i:i + 3200])]
    assert len(cuts) >= 2
    for cut in cuts:  # every cut lies in quiet audio, not inside a word
        frame = cut // 960
        assert not any(finder.voiced[frame - 2: frame + 2])
    spans = finder.voiced_spans(0, len(pcm))
    assert spans[0][0] >= 0.3 and spans[-1][1] <= len(pcm) / BYTES_PER_SECOND - 0.8


def test_sphinx_knows_every_word_of_the_bank_key_points() -> None:
    from interviewer.banks.loader import load_library

    decoder = sphinx()._idle[0]  # type: ignore[attr-defined]
    words = {w for q in load_library().all_questions() for k in q.key_points
             for p in k.phrases for w in re.findall(r"[a-z]+(?:'[a-z]+)?", p.lower())}
    assert {w for w in words if decoder.lookup_word(w) is None} == set()
    plain = {line.split()[0] for line in bundled_models()[0].dict.read_text().splitlines()}
    assert not set(BANK_WORDS) & plain  # only words the dictionary lacked


def test_transcribe_json_names_both_passes(capsys: pytest.CaptureFixture) -> None:
    answer = ANSWERS["a11"]
    assert main(["transcribe", "--json", "--question", answer.question_id,
                 str(answer.path)]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert (result["engine"], result["model"]) == ("whisper", "tiny.en")
    assert result["live_engine"] == "sphinx" and "note" not in result
    assert "dso" in result["text"].lower() and "cei" in result["text"].lower()


def test_transcribe_with_the_whisper_engine_alone(capsys: pytest.CaptureFixture) -> None:
    answer = ANSWERS["a19"]
    assert main(["transcribe", "--engine", "whisper", "--json", str(answer.path)]) == 0
    captured = capsys.readouterr()
    (result,) = json.loads(captured.out)
    assert result["engine"] == "whisper" and "live_engine" not in result
    assert "accounts receivable" in result["text"].lower()
    assert "finishing the transcript" in captured.err
