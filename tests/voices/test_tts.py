"""Real synthesis through Piper and through pyttsx3/espeak-ng: valid files, sensible lengths,
the pace and volume settings, a working cache."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

from interviewer.errors import InterviewerError
from interviewer.voices import system_backend, tts, worker
from interviewer.voices.cache import TtsCache
from tests.voices.wavs import assert_valid_wav, duration, rms

QUESTION = "How do you prioritise overdue accounts?"
LONG = ("Walk me through how you reconcile a customer account when the payments, credit notes "
        "and invoices do not agree, and tell me how you would explain the difference to them.")


def test_synthesis_writes_a_valid_wav_into_the_user_cache(interviewer_home: Path) -> None:
    wav = tts.synthesize(QUESTION)
    assert_valid_wav(wav)
    assert wav.is_relative_to(interviewer_home / "cache" / "tts")
    assert 1.0 < duration(wav) < 6.0


def test_default_voice_is_pipers_joe_and_the_system_default_american_english() -> None:
    voice = tts.default_voice()
    assert (voice.backend, voice.id, voice.languages) == ("piper", "en_US-joe-medium", ("en-us",))
    system = tts.resolve_voice("pyttsx3:")
    assert system.backend == "pyttsx3" and "en-us" in system.languages
    assert len([v for v in tts.list_voices() if v.backend == "pyttsx3"]) > 100
    assert [r["driver"] for r in tts.backend_status()] == ["piper", "espeak"]


def test_duration_grows_with_the_text() -> None:
    short, long = duration(tts.synthesize("Next question.")), duration(tts.synthesize(LONG))
    assert 0.4 < short < 2.5
    assert 6.0 < long < 20.0
    assert long > 4 * short


@pytest.mark.parametrize("voice", ["piper:", "pyttsx3:"])
def test_duration_shrinks_as_the_rate_rises(voice: str) -> None:
    slow = duration(tts.synthesize(LONG, voice, rate=110))
    normal = duration(tts.synthesize(LONG, voice, rate=170))
    fast = duration(tts.synthesize(LONG, voice, rate=280))
    assert slow > normal > fast
    assert 0.3 < fast / slow < 0.65  # rate is words per minute: 110 -> 280 is about 2.5x
    words_per_minute = len(LONG.split()) / normal * 60
    assert 130 < words_per_minute < 210  # near the 170 asked for, on either backend


@pytest.mark.parametrize("voice", ["piper:", "pyttsx3:"])
def test_volume_scales_the_sound(voice: str) -> None:
    loud = tts.synthesize(QUESTION, voice, volume=1.0)
    quiet = tts.synthesize(QUESTION, voice, volume=0.5)
    ratio = rms(quiet) / rms(loud)
    assert 0.3 < ratio < 0.7, ratio


def test_a_cache_hit_does_not_synthesise_again() -> None:
    first = tts.synthesize(QUESTION)
    inode, content = first.stat().st_ino, first.read_bytes()
    made = tts.stats.synthesised
    hits = tts.stats.cache_hits
    again = tts.synthesize(QUESTION)
    assert again == first
    assert tts.stats.synthesised == made and tts.stats.cache_hits == hits + 1
    assert again.stat().st_ino == inode and again.read_bytes() == content


def test_voice_rate_and_volume_each_make_their_own_entry() -> None:
    files = {tts.synthesize(QUESTION), tts.synthesize(QUESTION, voice="en-gb"),
             tts.synthesize(QUESTION, rate=200), tts.synthesize(QUESTION, volume=0.5)}
    assert len(files) == 4
    assert len(TtsCache().entries()) == 4


def test_ten_requests_in_a_row_all_complete() -> None:
    """Ten pyttsx3 worker processes one after another (the driver that has hung before)."""
    made = tts.stats.synthesised
    files = [tts.synthesize(f"Question {n}. What would you do on day {n} of an audit?",
                            "pyttsx3:")
             for n in range(1, 11)]
    assert len(set(files)) == 10 and tts.stats.synthesised == made + 10
    for wav in files:
        assert_valid_wav(wav)


def test_requests_from_several_threads_all_complete() -> None:
    results: dict[int, Path] = {}
    errors: list[BaseException] = []

    def speak(n: int) -> None:
        try:
            results[n] = tts.synthesize(f"Thread {n} asks: what is days sales outstanding?")
        except BaseException as exc:  # noqa: BLE001 - reported by the assert below
            errors.append(exc)

    threads = [threading.Thread(target=speak, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == [] and len(results) == 4
    for wav in results.values():
        assert_valid_wav(wav)


def test_any_installed_voice_can_be_picked() -> None:
    german = tts.resolve_voice("de")
    assert german.languages[0].startswith("de")
    assert_valid_wav(tts.synthesize("Guten Morgen. Erste Frage.", voice=german.id))
    assert tts.resolve_voice("English (Scotland)").id.endswith("en-gb-scotland")


def test_unknown_voice_and_bad_settings_are_clear_errors() -> None:
    with pytest.raises(InterviewerError, match="no voice matches 'zz-nowhere'") as err:
        tts.synthesize(QUESTION, voice="zz-nowhere")
    assert "interviewer voices" in err.value.hint
    with pytest.raises(InterviewerError, match="rate 1000 is out of range"):
        tts.synthesize(QUESTION, rate=1000)
    with pytest.raises(InterviewerError, match="no text"):
        tts.synthesize("   ")


def test_missing_backend_raises_tts_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(worker.DRIVER_ENV, "not_a_real_driver")
    monkeypatch.setitem(sys.modules, "piper", None)  # `import piper` fails, as uninstalled
    with pytest.raises(tts.TtsUnavailable, match="no text-to-speech available") as err:
        tts.synthesize(QUESTION)
    assert "espeak-ng" in err.value.hint and "on screen" in err.value.hint
    assert TtsCache().entries() == []


def test_a_hung_engine_is_stopped_by_the_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    tts.list_voices()
    monkeypatch.setattr(system_backend, "timeout_for", lambda text: 0.01)
    with pytest.raises(tts.TtsError, match="did not answer"):
        tts.synthesize(QUESTION, "pyttsx3:")
    assert list(TtsCache().root.iterdir()) == []  # no half-written file left behind


def test_the_cache_keeps_to_its_size_limit_dropping_the_least_recently_used(
        tmp_path: Path) -> None:
    cache = TtsCache(tmp_path / "tts", max_bytes=120_000)  # room for two ~50 kB lines
    one = tts.synthesize("Question one.", "pyttsx3:", cache=cache)
    time.sleep(0.05)
    two = tts.synthesize("Question two.", "pyttsx3:", cache=cache)
    time.sleep(0.05)
    assert tts.synthesize("Question one.", "pyttsx3:", cache=cache) == one  # now the newest
    time.sleep(0.05)
    three = tts.synthesize("Question three.", "pyttsx3:", cache=cache)
    assert one.exists() and three.exists() and not two.exists()
    assert 0 < cache.size() <= 120_000
