"""An answer through the app's capture with two passes: live text, then Whisper's final."""

from __future__ import annotations

from interviewer.speech import read_pcm
from interviewer.speech.audio import BYTES_PER_SECOND
from interviewer.speech.wer import normalized_wer
from interviewer.ui.answer_capture import AnswerCapture, speech_context
from interviewer.ui.audio_in import FileAudioInput
from interviewer.ui.jobs import Jobs
from tests.speech_answers import spoken_answers


def test_live_text_then_the_final_transcript(qtbot, tmp_path) -> None:
    from interviewer.banks.loader import load_library

    answer = next(a for a in spoken_answers() if a.id == "a02")
    library = load_library()
    question = library.question(answer.question_id)
    context = speech_context(question, library.bank(question.bank_id).questions)
    assert "CEI" in context and question.text in context
    pcm = read_pcm(answer.path)
    capture = AnswerCapture(Jobs(), FileAudioInput(pcm, "answer", speed=2.0),
                            tmp_path / "a.wav", engine="auto", context=context)
    labels: list[str] = []
    capture.engine_ready.connect(labels.append)
    with qtbot.waitSignal(capture.done, timeout=900000) as got:
        capture.start()
    result = got.args[0]
    assert labels[0] == "sphinx live, then whisper (tiny.en) for the final transcript"
    assert labels[-1] == "whisper (tiny.en): finishing the transcript…"
    # Live partials are checked at the stream level (test_speech_whisper); here, on a
    # loaded machine, the file may end before the child has answered a feed.
    transcript = result.transcript
    assert (transcript.engine, transcript.live_engine, transcript.note) == (
        "whisper", "sphinx", "")
    assert normalized_wer(answer.text, transcript.text) <= 0.15, transcript.text
    assert "cei" in transcript.text.lower() and result.audio_path.is_file()


def test_the_live_text_turns_into_whisper_s_words_while_the_answer_goes_on(qtbot,
                                                                          tmp_path) -> None:
    """Played at the pace of speech: once Whisper has finished the first stretch, the live
    text shows its words (capitals, commas) for that stretch, and Sphinx's (lower case,
    bare) only for the part still being spoken."""
    from interviewer.ui import services

    # two answers in a row (40 s), so a loaded machine still finishes a stretch in time
    pcm = b"".join(read_pcm(a.path) for a in spoken_answers() if a.id in ("b05", "b21"))
    services.load_recognizer("auto")  # as while the question is read: loaded before speech
    capture = AnswerCapture(Jobs(), FileAudioInput(pcm, "answer"), tmp_path / "a.wav",
                            engine="auto")
    seen: list[tuple[float, str]] = []  # (seconds of audio played, live text shown)
    capture.partial.connect(lambda text: seen.append((capture.seconds, text)))
    with qtbot.waitSignal(capture.done, timeout=900000) as got:
        capture.start()
    final = got.args[0].transcript.text
    total = len(pcm) / BYTES_PER_SECOND
    upgraded = [(at, text) for at, text in seen if at < total - 5 and "," in text]
    assert upgraded, [(at, text[:60]) for at, text in seen]
    at, text = upgraded[0]
    # Whisper's words for the finished stretch lead the live text, as the final has them.
    first = text.split(",")[0]
    assert final.startswith(first) and first[:1].isupper(), (text, final)
    assert text != text.lower()
    # ... and the answer went on after it: later live text is longer.
    assert len(seen[-1][1].split()) > len(text.split())


def test_the_window_says_why_whisper_was_not_used(make_window, qtbot, tmp_path, monkeypatch,
                                                  artifacts) -> None:
    """A damaged Whisper model: the answer is still heard (by Sphinx alone), and the message
    bar says so and why, once, instead of silently giving a worse transcript."""
    from PySide6.QtCore import Qt

    from interviewer.speech.recognizer_process import close_all
    from tests.ui.conftest import shot
    from tests.ui.recordings import DASHWOOD, pcm_of

    broken = tmp_path / "broken-whisper"
    broken.mkdir()
    (broken / "config.json").write_text("{}")
    monkeypatch.setenv("INTERVIEWER_WHISPER_MODEL", str(broken))
    close_all()  # the recognizer child reads the model folder when it starts
    try:
        window = make_window([pcm_of(DASHWOOD)], bank_id="ar-collector", shuffle=False,
                             auto_record=False)
        ctl, qs = window.controller, window.question_screen
        qtbot.keyClick(window.start_screen.start_button, Qt.Key.Key_Return)
        qtbot.keyClick(qs.record_button, Qt.Key.Key_Space)  # start recording
        qtbot.waitUntil(lambda: "no final pass with Whisper" in window.messages.message,
                        timeout=60000)
        message = window.messages.message
        assert message.startswith("Using sphinx") and "tokenizer.json" in message, message
        assert "Settings" in message  # where to go about it
        shot(window, artifacts, "fallback-reason")
        with qtbot.waitSignal(ctl.result_shown, timeout=60000):
            qtbot.keyClick(qs.record_button, Qt.Key.Key_Space)  # stop
        transcript = ctl.round.attempts_for(ctl.round.current.id)[-1].transcript
        assert transcript.engine == "sphinx" and transcript.text
    finally:
        close_all()  # the next test gets a recognizer with the real model
