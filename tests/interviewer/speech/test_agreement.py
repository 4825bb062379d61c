"""Local agreement: what two decodings agree on is written, and the seam cuts no word."""

from __future__ import annotations

import time

from interviewer.speech.agreement import after, agreed, pause_between
from interviewer.transcript import Word


def words(*spec: tuple[str, float, float]) -> list[Word]:
    return [Word(text, start, end) for text, start, end in spec]


def test_two_decodings_agree_on_the_leading_words_case_and_punctuation_aside() -> None:
    before = words((" We", 0.0, 0.2), (" moved", 0.2, 0.5), (" them", 0.5, 0.7))
    now = words((" we", 0.0, 0.2), (" moved", 0.2, 0.5), (" clients.", 0.5, 0.9))
    assert agreed(before, now) == 2
    assert agreed([], now) == 0  # the first decoding writes nothing yet
    assert agreed(now, now) == 3


def test_words_already_written_are_dropped_by_their_middle() -> None:
    heard = words((" cash", 9.6, 10.1), (" in", 10.1, 10.3), (" June", 10.4, 10.8))
    assert [w.word for w in after(heard, 10.0)] == [" in", " June"]


def test_the_open_audio_starts_in_the_pause_after_the_written_words() -> None:
    spans = [(0.0, 2.0), (2.6, 5.0)]
    assert pause_between(spans, 1.9, 2.7, 5.0) == 2.3
    assert pause_between(spans, 3.0, 3.3, 5.0) is None  # the voice runs on: no cut
    assert pause_between(spans, 4.9, 5.6, 6.0) == 5.5  # after the last voice


def test_an_answer_gives_one_transcript_however_fast_it_is_fed() -> None:
    """The app feeds 0.1 s chunks as they are spoken, `transcribe` reads a file at once:
    every pause is decoded either way, so the final transcript is the same."""
    from interviewer.speech import read_pcm
    from interviewer.speech.engines import whisper
    from interviewer.speech.transcribe import transcribe_pcm
    from tests.speech_answers import spoken_answers

    answer = next(a for a in spoken_answers("dev") if a.id == "a03")
    pcm = read_pcm(answer.path)
    model = whisper()
    quick = transcribe_pcm(pcm, model, chunk_seconds=5.0)
    stream = model.open_stream()
    for i in range(0, len(pcm), 3200):  # 0.1 s at a time, waiting a little now and then
        stream.feed(pcm[i:i + 3200])
        if i % 64000 == 0:
            time.sleep(0.3)
    live = stream.finish()
    assert live.text == quick.text and len(live.words) > 20
