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


def test_a_jump_over_speech_is_filled_from_the_decoding_before() -> None:
    """Whisper's last decoding leapt from 7.8 s to 16.1 s over voiced audio: the words
    the decoding before heard there go back; a hole with no voice under it stays empty."""
    from interviewer.speech.whisper_engine import _fill_holes

    last = words((" Um,", 7.7, 7.8), (" away.", 16.1, 16.5))
    earlier = words((" I", 11.5, 11.6), (" could", 11.6, 11.8), (" show", 11.8, 12.0),
                    (" away.", 16.1, 16.5))
    filled = _fill_holes(last, earlier, [(0.0, 17.0)], 0.0, 7.0)
    assert [w.word for w in filled] == [" Um,", " I", " could", " show", " away."]
    silent = [(0.0, 7.9), (16.0, 17.0)]
    assert _fill_holes(last, earlier, silent, 0.0, 7.0) == last
    assert _fill_holes(last, [], [(0.0, 17.0)], 0.0, 7.0) == last


def test_the_prompt_names_only_words_before_the_open_audio() -> None:
    """Given words that are also in the audio, Whisper skips that audio and squeezes its
    next words into it, where the written words' timings then drop them."""
    from interviewer.speech.whisper_engine import _before

    written = words((" I", 4.0, 4.2), (" call,", 4.2, 4.6), (" and", 6.4, 6.5))
    assert [w.word for w in _before(written, 5.0)] == [" I", " call,"]
    assert _before(written, 0.0) == []


def test_words_in_noise_are_neither_dropped_at_seams_nor_skipped_at_the_end() -> None:
    """Two answers of the tuning half under pink noise at 10 dB SNR, where the voice never
    pauses for Silero: once 'and after 30' and once five seconds of speech went missing."""
    from interviewer.speech import read_pcm
    from interviewer.speech.engines import whisper
    from interviewer.speech.transcribe import transcribe_pcm
    from interviewer.speech.wer import normalize
    from tests.speech_answers import spoken_answers
    from tests.speech_answers.derived import CONDITIONS

    noisy = CONDITIONS["pink noise 10 dB"]
    heard = {a.id: normalize(transcribe_pcm(noisy(read_pcm(a.path)), whisper()).text)
             for a in spoken_answers("dev") if a.id in ("a23", "b13")}
    assert "after 30 days" in heard["a23"], heard["a23"]
    assert "every step in two minutes" in heard["b13"], heard["b13"]
