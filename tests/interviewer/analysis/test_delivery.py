"""Delivery: pace, fillers, long pauses, repeats, and hesitations in real recorded speech."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from pocketsphinx import Decoder

from interviewer.analysis.delivery import analyse_delivery, find_repeats
from interviewer.analysis.fillers import find_fillers
from interviewer.analysis.hesitation import count_hesitations
from interviewer.transcript import Transcript, Word

RECORDING = Path("/usr/share/pocketsphinx/test/data/librivox/"
                 "sense_and_sensibility_01_austen_64kb-0880.wav")


def timed(text: str, seconds_per_word: float = 0.4, gap: float = 0.0) -> Transcript:
    words, t = [], 0.0
    for w in text.split():
        words.append(Word(w, t, t + seconds_per_word))
        t += seconds_per_word + gap
    return Transcript(text, words=tuple(words), duration=t, engine="vosk")


def fillers_in(text: str) -> list[str]:
    words = text.split()
    return [" ".join(words[a:b]) for a, b in find_fillers(words)]


def test_a_typed_answer_has_no_delivery() -> None:
    assert analyse_delivery(Transcript.typed("I called the customer")) is None


@pytest.mark.parametrize(("seconds_per_word", "pace"), [(0.4, "ok"), (0.7, "slow"),
                                                        (0.3, "fast")])
def test_pace_against_the_band(seconds_per_word: float, pace: str) -> None:
    delivery = analyse_delivery(timed("word " * 60, seconds_per_word))
    assert delivery.pace == pace
    assert delivery.wpm == pytest.approx(60 / seconds_per_word, rel=0.02)


@pytest.mark.parametrize(("text", "expected"), [
    ("um so i uh called them", ["um", "uh"]),
    ("it was like really late", ["like"]),
    ("i would like to help", []),
    ("customers like this one", []),
    ("it looks like a pricing error", []),
    ("like i said we reconciled it", ["like"]),
    ("we called them you know every week", ["you know"]),
    ("do you know what dso is", []),
    ("i kind of called them", ["kind of"]),
    ("what kind of account is it", []),
    ("i mean the balance was basically cleared", ["i mean", "basically"]),
])
def test_fillers_told_apart_from_meant_words(text: str, expected: list[str]) -> None:
    assert fillers_in(text) == expected


def test_pauses_over_two_seconds_are_listed() -> None:
    words = (Word("i", 0, 0.3), Word("called", 0.4, 0.8), Word("them", 3.2, 3.5),
             Word("twice", 3.6, 4.0), Word("today", 6.5, 6.9))
    delivery = analyse_delivery(Transcript("i called them twice today", words=words))
    assert delivery.pauses == [(0.8, 2.4), (4.0, 2.5)]


def test_repeated_words_and_phrases() -> None:
    said = "i i called i think i think the the aging report"
    assert find_repeats(said.split()) == ["i", "i think", "the"]
    assert find_repeats(["um", "um", "i", "called"]) == []
    meant = "we had had that that 30 30"
    assert find_repeats(meant.split()) == []


@pytest.fixture(scope="module")
def recording() -> tuple[bytes, list[Word]]:
    """A real recording and the word timings a real recognizer (PocketSphinx) gives it."""
    samples, rate = sf.read(RECORDING, dtype="int16")
    assert rate == 16000
    decoder = Decoder()
    decoder.start_utt()
    decoder.process_raw(samples.tobytes(), full_utt=True)
    decoder.end_utt()
    frame = 1 / decoder.config["frate"]
    words = [Word(s.word.split("(")[0], s.start_frame * frame, (s.end_frame + 1) * frame)
             for s in decoder.seg() if not s.word.startswith(("<", "["))]
    assert len(words) >= 6
    return samples.tobytes(), words


def test_real_speech_as_recognised_has_no_hesitation(recording) -> None:
    pcm, words = recording
    assert count_hesitations(words, pcm) == 0


def test_speech_with_no_word_counts_as_a_hesitation(recording) -> None:
    """Drop two words from the timings, as a recognizer drops an "um": the gap holds speech."""
    pcm, words = recording
    dropped = words[:4] + words[6:]
    assert count_hesitations(dropped, pcm) == 1
    transcript = Transcript(" ".join(w.word for w in dropped), words=tuple(dropped),
                            engine="sphinx")
    delivery = analyse_delivery(transcript, pcm)
    assert delivery.hesitations == 1
    assert "no recognised word" in delivery.notes[0]


def test_a_silent_pause_is_a_pause_not_a_hesitation(recording) -> None:
    """2.5 s of near-silence spliced into the real recording between two words."""
    pcm, words = recording
    samples = np.frombuffer(pcm, dtype="<i2")
    cut = int((words[2].end + words[3].start) / 2 * 16000)
    quiet = np.random.default_rng(0).normal(0, 20, 40000).astype("<i2")
    spliced = np.concatenate([samples[:cut], quiet, samples[cut:]]).tobytes()
    shifted = words[:3] + [Word(w.word, w.start + 2.5, w.end + 2.5) for w in words[3:]]
    transcript = Transcript(" ".join(w.word for w in shifted), words=tuple(shifted),
                            engine="sphinx")
    delivery = analyse_delivery(transcript, spliced)
    assert len(delivery.pauses) == 1
    assert delivery.pauses[0][1] > 2.0
    assert delivery.hesitations == 0
