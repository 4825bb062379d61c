"""The result screen: your words beside the sample answer, what you covered, how you sounded."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from interviewer.banks import Question
from interviewer.practice import Attempt
from interviewer.practice.coaching import coaching_lines
from interviewer.practice.length import length_line
from interviewer.ui import feedback_text as ft
from interviewer.ui.evidence_list import EvidenceList
from interviewer.ui.flow_layout import FlowLayout
from interviewer.ui.glance import AnswerGlance
from interviewer.ui.highlight import FOCUS, HIT, MISSED, colors_for, to_html
from interviewer.ui.widgets import button, heading, label, scrolling, shortcut

RATING_MEANINGS = {1: "I struggled", 2: "Shaky", 3: "All right", 4: "Good",
                   5: "I nailed it"}


def is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return True
    return QGuiApplication.palette().window().color().lightness() < 128


class ResultScreen(QWidget):
    """Shows one attempt; signals what the candidate wants next."""

    retry_requested = Signal()
    next_requested = Signal()
    play_answer_requested = Signal()
    play_moment_requested = Signal(float, float)   # seconds into the (whole) answer
    hear_sample_requested = Signal(str)
    rescore_requested = Signal(str)
    rated = Signal(int)  # the candidate's own 1-5 for the shown attempt

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Result screen")
        self.attempt: Attempt | None = None
        self.focused: int | None = None   # the key point whose evidence is highlighted
        outer = QVBoxLayout(self)
        self.question = heading("", "Question", 1.2)
        outer.addWidget(self.question)
        # at a glance first, the detail below; it scrolls down (never sideways) when a
        # large font makes it taller than the window
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        self.summary = label("", "Score summary")
        body.addWidget(self.summary)
        self.compare = label("", "Comparison with the previous attempt")
        body.addWidget(self.compare)
        self.glance = AnswerGlance()
        self.points = self.glance.points
        body.addWidget(self.glance)
        self.evidence = EvidenceList()
        self.evidence.point_chosen.connect(self.focus_point)
        body.addWidget(self.evidence)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self._answer_side())
        self.split.addWidget(self._sample_side())
        self.split.setSizes([1, 1])
        self.split.setChildrenCollapsible(False)
        body.addWidget(self.split, 3)
        self.details = QTextBrowser()
        self.details.setAccessibleName("Delivery, STAR structure and tips")
        body.addWidget(self.details, 2)
        outer.addWidget(scrolling(content, "Result"), 1)
        outer.addLayout(self._buttons())
        self._fit_to_font()

    def _fit_to_font(self) -> None:
        """Text boxes keep a few readable lines at any font size; the page scrolls instead."""
        line = self.fontMetrics().lineSpacing()
        self.split.setMinimumHeight(line * 7)
        self.details.setMinimumHeight(line * 7)

    def _answer_side(self) -> QWidget:
        side = QWidget()
        lay = QVBoxLayout(side)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(label("Your answer (key points highlighted)", "Your answer heading"))
        self.answer_stack = QStackedWidget()
        self.answer_view = QTextBrowser()
        self.answer_view.setAccessibleName("Your answer")
        self.answer_edit = QPlainTextEdit()
        self.answer_edit.setAccessibleName("Correct your transcript")
        self.answer_stack.addWidget(self.answer_view)
        self.answer_stack.addWidget(self.answer_edit)
        lay.addWidget(self.answer_stack)
        row = QHBoxLayout()
        self.edit_button = button("Correct transcript", "Correct transcript",
                                  "Fix words the recognizer got wrong, then rescore", "E",
                                  self.begin_edit, self)
        self.rescore_button = button("Rescore", "Rescore", "Score the corrected text", None,
                                     self._rescore, self)
        self.rescore_button.setToolTip("Score the corrected text (Ctrl+Enter)")
        shortcut(self, "Ctrl+Return", self._rescore)
        self.rescore_button.setVisible(False)
        row.addWidget(self.edit_button)
        row.addWidget(self.rescore_button)
        row.addStretch(1)
        lay.addLayout(row)
        return side

    def _sample_side(self) -> QWidget:
        side = QWidget()
        lay = QVBoxLayout(side)
        lay.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(label("Sample answer (missed points in amber)", "Sample answer heading"))
        self.sample_choice = QComboBox()
        self.sample_choice.setAccessibleName("Which sample answer")
        self.sample_choice.currentIndexChanged.connect(self._render_sample)
        head.addWidget(self.sample_choice)
        lay.addLayout(head)
        self.sample_stack = QStackedWidget()
        cover = QWidget()
        cover_lay = QVBoxLayout(cover)
        cover_lay.addStretch(1)
        self.reveal_button = button("Show sample answer", "Show sample answer",
                                    "Reveal the sample answer", "S", self.reveal_sample, self)
        cover_lay.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignCenter)
        cover_lay.addStretch(1)
        self.sample_view = QTextBrowser()
        self.sample_view.setAccessibleName("Sample answer")
        self.sample_stack.addWidget(cover)
        self.sample_stack.addWidget(self.sample_view)
        lay.addWidget(self.sample_stack)
        return side

    def _buttons(self) -> FlowLayout:
        """One row at the usual font; wraps onto two at a large one."""
        row = FlowLayout()
        self.play_button = button("Play my answer", "Play my answer",
                                  "Hear your own recording", "P",
                                  self.play_answer_requested.emit, self)
        self.hear_button = button("Hear sample answer", "Hear sample answer",
                                  "The interviewer reads the sample answer", "H",
                                  self._hear_sample, self)
        self.retry_button = button("Retry", "Retry", "Answer this question again", "Ctrl+Z",
                                   self.retry_requested.emit, self)
        self.next_button = button("Next question", "Next question", "Go on", "N",
                                  self.next_requested.emit, self)
        for widget in (self.play_button, self.hear_button):
            row.addWidget(widget)
        rating = QWidget()
        rating_row = self._rating_row()
        rating_row.setContentsMargins(0, 0, 0, 0)
        rating.setLayout(rating_row)
        row.addWidget(rating)
        row.add_push()
        row.addWidget(self.retry_button)
        row.addWidget(self.next_button)
        return row

    def _rating_row(self) -> QHBoxLayout:
        """Optional: how the answer felt, 1-5; review mode weighs it with coverage."""
        row = QHBoxLayout()
        row.addWidget(label("How did it feel?", "Self-rating heading", wrap=False))
        self.ratings = QButtonGroup(self)
        for value, meaning in RATING_MEANINGS.items():
            rate = button(str(value), f"Rate {value}: {meaning}",
                          f"{meaning}; weak answers come back sooner in review", str(value),
                          None, self)
            rate.setCheckable(True)
            rate.setFixedWidth(rate.fontMetrics().horizontalAdvance("00") + 16)
            self.ratings.addButton(rate, value)
            row.addWidget(rate)
        self.ratings.idClicked.connect(self._on_rated)
        return row

    def _on_rated(self, value: int) -> None:
        self.rated.emit(value)  # the practice flow keeps it; this screen only shows it

    def self_rating(self) -> int | None:
        checked = self.ratings.checkedId()
        return checked if checked > 0 else None

    # --- display

    def show_attempt(self, attempt: Attempt, previous: Attempt | None, is_last: bool) -> None:
        self.attempt = attempt
        q = attempt.question
        self.question.setText(q.text)
        self.summary.setText(self._summary(attempt))
        self.compare.setText(_compare(attempt, previous))
        self.compare.setVisible(previous is not None)
        self.answer_stack.setCurrentWidget(self.answer_view)
        self.rescore_button.setVisible(False)
        self.edit_button.setVisible(True)
        self.focused = None
        self.evidence.show_points(attempt.feedback.key_points if attempt.feedback else [])
        self._render_answer()
        self._fill_samples(q)
        self.sample_stack.setCurrentIndex(0)
        self.sample_choice.setVisible(False)
        self.glance.show_feedback(attempt.feedback)
        self.details.setHtml(self._details_html())
        self.play_button.setEnabled(attempt.audio_path is not None)
        self._show_rating(attempt.self_rating)
        self.next_button.setText("Finish" if is_last else "Next question")
        self.next_button.setAccessibleName(self.next_button.text())
        self.reveal_button.setFocus()

    def _show_rating(self, value: int | None) -> None:
        self.ratings.setExclusive(False)  # an exclusive group cannot be emptied
        for rate in self.ratings.buttons():
            rate.setChecked(self.ratings.id(rate) == value)
        self.ratings.setExclusive(True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Re-colour the highlights when the system switches between light and dark; keep
        the text boxes a few lines tall when the font size changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.attempt is not None:
            self._render_answer()
            self._render_sample()
        if event.type() == QEvent.Type.FontChange:
            self._fit_to_font()

    def focus_target(self) -> QWidget:
        return self.next_button if self.sample_revealed else self.reveal_button

    @property
    def sample_revealed(self) -> bool:
        return self.sample_stack.currentIndex() == 1

    def reveal_sample(self) -> None:
        self.sample_stack.setCurrentIndex(1)
        self.sample_choice.setVisible(self.sample_choice.count() > 1)
        self._render_sample()
        self.next_button.setFocus()

    def begin_edit(self) -> None:
        if self.attempt is None:
            return
        self.answer_edit.setPlainText(self.attempt.text)
        self.answer_stack.setCurrentWidget(self.answer_edit)
        self.rescore_button.setVisible(True)
        self.edit_button.setVisible(False)
        self.answer_edit.setFocus()

    def _rescore(self) -> None:
        if self.answer_stack.currentWidget() is self.answer_edit:
            self.rescore_requested.emit(self.answer_edit.toPlainText().strip())

    def _hear_sample(self) -> None:
        if self.attempt and self.attempt.question.sample_answers:
            index = max(self.sample_choice.currentIndex(), 0)
            self.hear_sample_requested.emit(self.attempt.question.sample_answers[index].text)

    def _summary(self, attempt: Attempt) -> str:
        engine = attempt.transcript.engine
        how = "typed" if engine == "typed" else f"heard by {engine}"
        edited = ", corrected" if attempt.corrected_text is not None else ""
        follow = f" · follow-up: “{attempt.follow_up}”" if attempt.follow_up else ""
        length = length_line(attempt.question, attempt.root.feedback)
        return f"Attempt {attempt.number} ({how}{edited}){follow}" + (
            f" · {length}" if length else "")

    def focus_point(self, index: int, quote: int = 0) -> None:
        """Highlight one key point's evidence in the answer, scroll to the chosen quote, and
        ask for that moment of the recording when there is one."""
        fb = self.attempt.feedback if self.attempt else None
        if fb is None or not 0 <= index < len(fb.key_points):
            return
        self.focused = index
        self._render_answer()
        evidence = fb.key_points[index].evidence
        if not evidence:
            return
        chosen = evidence[min(max(quote, 0), len(evidence) - 1)]
        # the shown text can differ from the transcript by a few characters (paragraphs):
        # look for the words themselves from just before where they were said
        cursor = self.answer_view.document().find(chosen.text, max(0, chosen.start - 20))
        if not cursor.isNull():
            self.answer_view.setTextCursor(cursor)
            self.answer_view.ensureCursorVisible()
        if chosen.start_s is not None and chosen.end_s is not None \
                and self.attempt is not None and self.attempt.audio_path is not None:
            self.play_moment_requested.emit(chosen.start_s, chosen.end_s)

    def _render_answer(self) -> None:
        fb = self.attempt.feedback if self.attempt else None
        text = fb.transcript if fb else (self.attempt.text if self.attempt else "")
        spans = [(s, e, FOCUS if i == self.focused else HIT)
                 for i, p in enumerate(fb.key_points if fb else []) for s, e in p.transcript_spans]
        if not text.strip():
            self.answer_view.setHtml("<p><i>Nothing was heard. Retry, or correct the "
                                     "transcript to type what you said.</i></p>")
            return
        self.answer_view.setHtml(to_html(text, spans, colors_for(is_dark())))

    def _fill_samples(self, q: Question) -> None:
        self.sample_choice.blockSignals(True)
        self.sample_choice.clear()
        for i, sample in enumerate(q.sample_answers):
            self.sample_choice.addItem(sample.level or f"Sample {i + 1}", i)
        self.sample_choice.blockSignals(False)

    def _render_sample(self) -> None:
        if self.attempt is None or not self.sample_revealed:
            return
        q = self.attempt.question
        index = max(self.sample_choice.currentIndex(), 0)
        if not q.sample_answers:
            self.sample_view.setHtml("<p><i>This question has no sample answer.</i></p>")
            return
        spans = []
        for point in (self.attempt.feedback.key_points if self.attempt.feedback else []):
            if index < len(point.sample_spans):
                kind = HIT if point.covered else MISSED
                spans += [(s, e, kind) for s, e in point.sample_spans[index]]
        text = q.sample_answers[index].text
        self.sample_view.setHtml(to_html(text, spans, colors_for(is_dark())))

    def _details_html(self) -> str:
        fb = self.attempt.feedback if self.attempt else None
        q = self.attempt.question if self.attempt else None
        sections: list[tuple[str, list[str]]] = []
        if fb is not None:
            sections += [("Delivery", ft.delivery_lines(fb)),
                         ("STAR structure", ft.star_lines(fb)),
                         ("Content", ft.structure_lines(fb))]
            if fb.observations:
                sections.append(("What to work on", list(fb.observations)))
            if q is not None and (adds := coaching_lines(q, fb)):
                sections.append(("What to add", adds))
        if q is not None and q.tips:
            sections.append(("Tips", list(q.tips)))
        out = []
        for title, lines in sections:
            items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
            out.append(f"<h4>{html.escape(title)}</h4><ul>{items}</ul>")
        return "".join(out)


def _compare(attempt: Attempt, previous: Attempt | None) -> str:
    """The last two attempts side by side, so progress is visible at a glance."""
    if previous is None or attempt.feedback is None or previous.feedback is None:
        return ""
    now, before = attempt.feedback, previous.feedback
    diff = round((now.coverage - before.coverage) * 100)
    parts = [f"Compared with attempt {previous.number}: coverage {before.coverage:.0%} → "
             f"{now.coverage:.0%} ({diff:+d} points)"]
    if now.delivery and before.delivery:
        parts.append(f"pace {before.delivery.wpm:.0f} → {now.delivery.wpm:.0f} wpm")
        parts.append(f"fillers {len(before.delivery.fillers)} → {len(now.delivery.fillers)}")
    newly = [p.label for p in now.key_points if p.covered
             and not any(b.label == p.label and b.covered for b in before.key_points)]
    if newly:
        parts.append("newly covered: " + ", ".join(newly))
    return " · ".join(parts)
