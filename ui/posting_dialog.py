"""App > Practise for a job posting…: paste a posting or open its file, see the interview
built for it, start it.

Reading (PDF included) and matching run in the background (`Jobs`); the dialog only shows
what came back: the questions with the posting's words that chose them, or what is wrong
with the posting and what to do.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from interviewer.banks import Library
from interviewer.errors import InterviewerError
from interviewer.posting import PostingSession, build_session, read_posting_file, read_posting_text
from interviewer.posting.describe import session_lines
from interviewer.posting.store import SavedPosting, require_posting, saved_postings
from interviewer.settings import Settings
from interviewer.ui import file_dialogs
from interviewer.ui.jobs import Jobs

POSTING_FILES = "Job postings (*.txt *.md *.markdown *.html *.htm *.pdf);;All files (*)"
LANE = "posting"
PASTED = "the pasted posting"


def _from_text(text: str, library: Library) -> PostingSession:
    return build_session(read_posting_text(text, PASTED), library)


def _from_file(path: Path, library: Library) -> PostingSession:
    return build_session(read_posting_file(path), library)


def _from_saved(bank_id: str, library: Library) -> PostingSession:
    """A posting practised before: the same text gives the same interview and ids."""
    saved = require_posting(bank_id)
    return build_session(read_posting_text(saved.text, saved.source), library)


def _sentence(text: str) -> str:
    """'the pasted posting is empty' -> 'The pasted posting is empty.'"""
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


class PostingDialog(QDialog):
    """Emits `start_requested(session)` when the candidate starts the interview."""

    start_requested = Signal(object)

    def __init__(self, jobs: Jobs, settings: Settings, library: Library,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Practise for a job posting")
        self.setAccessibleName("Practise for a job posting")
        self.jobs, self.settings, self.library = jobs, settings, library
        self.session: PostingSession | None = None
        self._asked = 0  # only the latest reading is shown
        lay = QVBoxLayout(self)
        intro = QLabel("Paste the job posting (text or a web page), or open its file (text, "
                       "Markdown, HTML or PDF). The interview asks the questions every "
                       "interview has, the bank questions the posting calls for, and "
                       "questions made from its other duties and requirements.")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        buttons = QHBoxLayout()
        self.paste_button = QPushButton("&Paste from the clipboard")
        self.paste_button.clicked.connect(self.paste)
        self.open_button = QPushButton("&Open a file…")
        self.open_button.clicked.connect(self.ask_file)
        self.earlier = QComboBox()
        self.earlier.setAccessibleName("Postings practised before")
        self.earlier.setToolTip("Practise a posting again: the same interview, its answers "
                                "joining the same history")
        self.earlier.addItem("Practised before…", "")
        self.earlier.setEnabled(False)
        self.earlier.activated.connect(self._on_earlier)
        buttons.addWidget(self.paste_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.earlier, 1)
        lay.addLayout(buttons)
        self.posting_text = QPlainTextEdit()
        self.posting_text.setPlaceholderText("The posting's text appears here.")
        self.posting_text.setAccessibleName("Posting text")
        self.posting_text.setReadOnly(True)
        lay.addWidget(self.posting_text, 1)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("The interview for this posting")
        lay.addWidget(self.preview, 2)
        self.box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = self.box.addButton("&Start the interview",
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setEnabled(False)
        self.box.accepted.connect(self._start)
        self.box.rejected.connect(self.reject)
        lay.addWidget(self.box)
        self.resize(820, 720)
        self.jobs.run(saved_postings, lane=LANE, on_done=self._show_earlier,
                      on_error=lambda _error: None)  # none listed is fine

    def _show_earlier(self, saved: list[SavedPosting]) -> None:
        for posting in saved:
            self.earlier.addItem(posting.name, posting.bank_id)
        self.earlier.setEnabled(bool(saved))

    def _on_earlier(self, index: int) -> None:
        bank_id = self.earlier.itemData(index)
        if bank_id:
            self.posting_text.clear()
            self._read(_from_saved, bank_id, self.earlier.itemText(index))

    def paste(self) -> None:
        """The clipboard's text (or its HTML when that is all it has) becomes the posting."""
        mime = QApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        if not text.strip() and mime is not None and mime.hasHtml():
            text = mime.html()
        self.posting_text.setPlainText(text)
        self._read(_from_text, text, PASTED)

    def ask_file(self) -> None:
        path = file_dialogs.open_file(self, self.settings, "Open a job posting", POSTING_FILES)
        if path is not None:
            self.posting_text.clear()  # filled with the file's text once it is read
            self._read(_from_file, path, path.name)

    def _read(self, build: Callable[..., PostingSession], source: object,
              what: str) -> None:
        self._asked += 1
        asked = self._asked
        self.session = None
        self.start_button.setEnabled(False)
        self.preview.clear()
        self.status.setText(f"Reading {what}…")
        library = self.library
        self.jobs.run(lambda: build(source, library), lane=LANE,
                      on_done=lambda session: self._built(asked, session),
                      on_error=lambda error: self._failed(asked, error))

    def _built(self, asked: int, session: PostingSession) -> None:
        if asked != self._asked:
            return
        self.session = session
        if not self.posting_text.toPlainText().strip():
            self.posting_text.setPlainText(session.posting.text)
        self.status.setText(f"{session.posting.name}: {len(session.entries)} questions, "
                            f"{session.coverage():.0%} of its duties and requirements covered.")
        self.preview.setPlainText("\n".join(session_lines(session)))
        self.start_button.setEnabled(True)
        self.start_button.setFocus()

    def _failed(self, asked: int, error: InterviewerError) -> None:
        if asked != self._asked:
            return
        self.status.setText("\n".join(_sentence(part) for part in (error.message, error.hint)
                                       if part))

    def _start(self) -> None:
        if self.session is not None:
            self.accept()
            self.start_requested.emit(self.session)
