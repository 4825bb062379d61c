"""Issue 21: click a key point on the result screen and see (and hear) its evidence."""

from __future__ import annotations

import wave
from pathlib import Path

from PySide6.QtCore import Qt

from interviewer.analysis import score_answer
from interviewer.banks import load_library
from interviewer.practice import Attempt
from interviewer.transcript import Transcript, Word
from interviewer.ui.highlight import FOCUS, colors_for
from interviewer.ui.result_screen import ResultScreen, is_dark

QUESTION = "ar-specialist/improved-ar-process"
TYPED = ("At my last company unapplied cash kept piling up, about 90,000 dollars. I looked "
         "into it and found that remittances came by email and nobody matched them. I set up "
         "a daily matching checklist. Unapplied cash fell from 90,000 to 15,000 dollars in "
         "three months, and since then it never built up again.")


def attempt_for(answer: Transcript | str, audio: Path | None = None) -> Attempt:
    library = load_library()
    question = library.question(QUESTION)
    transcript = Transcript.typed(answer) if isinstance(answer, str) else answer
    return Attempt(question, 1, transcript, score_answer(question, transcript, library),
                   audio_path=audio)


def shown(qtbot, attempt: Attempt) -> ResultScreen:
    screen = ResultScreen()
    qtbot.addWidget(screen)
    screen.resize(1100, 900)
    screen.show()
    qtbot.waitExposed(screen)
    screen.show_attempt(attempt, None, is_last=False)
    return screen


def click_point(qtbot, screen: ResultScreen, label: str, quote: int | None = None) -> None:
    """Click the point's row (or one of its quotes) as a person would, with the mouse."""
    tree = screen.evidence
    item = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if label in tree.topLevelItem(i).text(0))
    if quote is not None:
        item = item.child(quote)
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_a_key_point_highlights_its_evidence(qtbot) -> None:
    attempt = attempt_for(TYPED)
    screen = shown(qtbot, attempt)
    point = next(p for p in attempt.feedback.key_points if p.label == "Measurable result")
    assert point.covered and point.evidence
    tree = screen.evidence
    listed = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert any("Measurable result" in row for row in listed)
    played: list[tuple[float, float]] = []
    screen.play_moment_requested.connect(lambda a, b: played.append((a, b)))

    click_point(qtbot, screen, "Measurable result")

    focus = colors_for(is_dark())[FOCUS]
    page = screen.answer_view.toHtml()
    assert focus in page   # the evidence is painted in the focus colour
    assert screen.answer_view.textCursor().selectedText() == point.evidence[0].text
    assert played == []    # typed: nothing to hear


def timed(text: str) -> Transcript:
    words, t = [], 0.5
    for w in text.split():
        words.append(Word(w, round(t, 2), round(t + 0.3, 2)))
        t += 0.4
    return Transcript(text, tuple(words), duration=t + 0.5, engine="vosk")


def silent_wav(path: Path, seconds: float) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(b"\0\0" * int(16000 * seconds))
    return path


def test_clicking_a_quote_asks_for_that_moment_of_the_recording(qtbot, tmp_path: Path) -> None:
    text = ("at my last company unapplied cash kept piling up so i set up a daily matching "
            "checklist and unapplied cash fell from ninety thousand to fifteen thousand dollars "
            "in three months")
    transcript = timed(text)
    attempt = attempt_for(transcript, silent_wav(tmp_path / "a.wav", transcript.duration))
    screen = shown(qtbot, attempt)
    point = next(p for p in attempt.feedback.key_points if p.label == "Measurable result")
    quote = point.evidence[0]
    assert quote.start_s is not None and quote.end_s is not None

    with qtbot.waitSignal(screen.play_moment_requested, timeout=2000) as moment:
        click_point(qtbot, screen, "Measurable result", quote=0)
    assert moment.args == [quote.start_s, quote.end_s]
    assert 0.5 <= quote.start_s < quote.end_s <= transcript.duration
    assert screen.answer_view.textCursor().selectedText() == quote.text


def test_a_moment_of_a_follow_up_plays_from_its_own_recording() -> None:
    from interviewer.ui.evidence_list import locate

    assert locate([10.0], 2.0, 3.5) == (0, 2.0, 3.5)
    assert locate([10.0, 6.0], 12.5, 14.0) == (1, 2.5, 4.0)     # said in the follow-up
    assert locate([10.0, 6.0, 4.0], 17.0, 18.0) == (2, 1.0, 2.0)
