from __future__ import annotations

import pytest

from interviewer import speech
from interviewer.errors import InterviewerError
from interviewer.speech.recognizer_process import RecognizerProcess
from tests.ui.recordings import NOT_ILL, pcm_of


def test_same_words_as_in_process_and_streams_can_follow_each_other() -> None:
    pcm = pcm_of(NOT_ILL)
    local = speech.load_recognizer("sphinx").open_stream()
    for i in range(0, len(pcm), 3200):
        local.feed(pcm[i:i + 3200])
    expected = local.finish()
    server = RecognizerProcess("sphinx")
    try:
        assert server.engine == "sphinx"
        for _ in range(2):
            stream = server.open_stream()
            partials = [stream.feed(pcm[i:i + 3200]) for i in range(0, len(pcm), 3200)]
            got = stream.finish()
            assert got.text == expected.text
            assert [w.word for w in got.words] == [w.word for w in expected.words]
            assert any(partials)
    finally:
        server.close()


def test_a_bad_model_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(InterviewerError) as info:
        RecognizerProcess("vosk", str(tmp_path / "no-such-model"))
    assert info.value.message and info.value.hint
