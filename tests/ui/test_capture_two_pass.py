"""An answer through the app's capture with two passes: live text, then Whisper's final."""

from __future__ import annotations

from interviewer.speech import read_pcm
from interviewer.speech.wer import normalized_wer
from tests.speech_answers import spoken_answers
from ui.answer_capture import AnswerCapture, speech_context
from ui.audio_in import FileAudioInput
from ui.jobs import Jobs


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
    partials: list[str] = []
    capture.engine_ready.connect(labels.append)
    capture.partial.connect(partials.append)
    with qtbot.waitSignal(capture.done, timeout=900000) as got:
        capture.start()
    result = got.args[0]
    assert labels[0] == "sphinx live, then whisper (tiny.en) for the final transcript"
    assert labels[-1] == "whisper (tiny.en): finishing the transcript…"
    assert any(partials)
    transcript = result.transcript
    assert (transcript.engine, transcript.live_engine, transcript.note) == (
        "whisper", "sphinx", "")
    assert normalized_wer(answer.text, transcript.text) <= 0.15, transcript.text
    assert "CEI" in transcript.text and result.audio_path.is_file()
