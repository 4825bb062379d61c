"""The main window: the screens in a stack, the message bar above, menus for settings and help."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from interviewer import settings as settings_store
from interviewer.banks import Library
from interviewer.banks.importer import ImportResult
from interviewer.capture.no_sound import no_sound_error
from interviewer.errors import InterviewerError
from interviewer.history import HistoryStore
from interviewer.history.review import outlook
from interviewer.settings import Settings
from interviewer.ui import file_dialogs
from interviewer.ui.audio_in import AudioInput, MicrophoneInput
from interviewer.ui.help_dialog import HelpDialog
from interviewer.ui.jobs import Jobs
from interviewer.ui.library_link import LibraryLink, import_hint, import_message, import_target
from interviewer.ui.message_bar import MessageBar
from interviewer.ui.orphan_dialog import OrphanDialog
from interviewer.ui.question_screen import QuestionScreen
from interviewer.ui.result_screen import ResultScreen
from interviewer.ui.round_controller import InputFactory, RoundController
from interviewer.ui.settings_dialog import SettingsDialog
from interviewer.ui.start_screen import StartChoice, StartScreen
from interviewer.ui.summary_screen import SummaryScreen
from interviewer.ui.wheel_guard import guard_wheel
from interviewer.ui.widgets import fit_to_screen


def microphone_input(settings: Settings) -> AudioInput:
    return MicrophoneInput(settings.microphone)


REPORT_FILTERS = {"PDF (*.pdf)": ".pdf", "Web page (*.html)": ".html",
                  "Markdown (*.md)": ".md"}


def report_name(session_id: int) -> str:
    return f"interview-{time.strftime('%Y-%m-%d')}-session-{session_id}.pdf"


class MainWindow(QMainWindow):
    def __init__(self, jobs: Jobs, settings: Settings, library: Library,
                 input_factory: InputFactory = microphone_input) -> None:
        super().__init__()
        self.setWindowTitle("interviewer")
        self.setAccessibleName("interviewer")
        self.jobs, self.settings, self.library = jobs, settings, library
        central = QWidget()
        lay = QVBoxLayout(central)
        self.messages = MessageBar()
        lay.addWidget(self.messages)
        self.stack = QStackedWidget()
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.start_screen = StartScreen(library, settings)
        self.question_screen = QuestionScreen()
        self.result_screen = ResultScreen()
        self.summary_screen = SummaryScreen()
        for screen in (self.start_screen, self.question_screen, self.result_screen,
                       self.summary_screen):
            self.stack.addWidget(screen)
        self.controller = RoundController(jobs, settings, library, input_factory,
                                          self.question_screen, self.result_screen,
                                          self.summary_screen, self)
        self.banks = LibraryLink(jobs, self)
        self._importing = ""  # the "importing…" note, withdrawn when the import ends
        self._menus()
        self._connect_callbacks()
        self.apply_font()
        self._fit_to_screen()
        guard_wheel(self)  # scrolling a screen never changes the box under the pointer
        self.orphans: list = []
        self._opened_at = time.time()
        self.show_start()
        self.controller.history.orphans(library, self._on_orphans)

    def _fit_to_screen(self) -> None:
        """1100x800, or less on a smaller display (a 1366x768 laptop has 768 rows)."""
        room = self.screen().availableGeometry()
        self.resize(min(1100, room.width()), min(800, room.height()))

    def _menus(self) -> None:
        menu = self.menuBar().addMenu("&App")
        self.settings_action = self._action("Settings…", "Ctrl+,", self.open_settings)
        self.help_action = self._action("Help", "F1", self.open_help)
        self.history_action = self._action("History and progress…", "Ctrl+Shift+H",
                                           self.open_history)
        # the slot takes no argument: QAction.triggered's `checked` is not a file
        self.import_action = self._action("Import a question bank…", "Ctrl+I",
                                          self.ask_import)
        self.posting_action = self._action("Practise for a job posting…", "Ctrl+J",
                                           self.open_posting)
        self.start_action = self._action("Back to the start screen", "Ctrl+Home",
                                         self.show_start)
        self.quit_action = self._action("Quit", "Ctrl+Q", self.close)
        for action in (self.start_action, self.posting_action, self.history_action,
                       self.import_action,
                       self.settings_action, self.help_action, self.quit_action):
            menu.addAction(action)
            self.addAction(action)

    def _action(self, text: str, key: str, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setToolTip(f"{text} ({key})")
        action.triggered.connect(slot)
        return action

    def _connect_callbacks(self) -> None:
        self.start_screen.start_requested.connect(self._on_start)
        self.start_screen.bank_changed.connect(self._refresh_due)
        self.start_screen.recover_requested.connect(self.open_recovery)
        self.summary_screen.back_requested.connect(self.show_start)
        self.summary_screen.report_requested.connect(self.save_report)
        self.summary_screen.details_requested.connect(self.show_question_history)
        self.controller.history.attempt_saved.connect(self._on_attempt_saved)
        self.controller.round_finished.connect(
            lambda: self.summary_screen.set_report_available(
                self.controller.session_id is not None))
        self.controller.show_screen.connect(self._show)
        self.controller.problem.connect(self.messages.show_error)
        self.controller.problem_over.connect(lambda e: self.messages.withdraw(e.message))
        self.controller.info.connect(self.messages.show_info)
        self.jobs.error.connect(self.messages.show_error)
        self.banks.loaded.connect(self._on_library)
        self.banks.imported.connect(self._on_imported)
        self.banks.problem.connect(self._on_bank_problem)

    def _show(self, screen: QWidget) -> None:
        """Switch screens and put the keyboard focus where the next key press belongs."""
        if self.stack.currentWidget() is not screen:
            self.messages.clear_info()
        if screen is not self.question_screen:  # it is about the answer being recorded
            self.messages.withdraw(no_sound_error().message)
        self.stack.setCurrentWidget(screen)
        focus = getattr(screen, "focus_target", None)
        if focus is not None:
            focus().setFocus()

    def show_start(self) -> None:
        self.controller.shutdown()
        self.start_screen.load(self.settings)
        if self.stack.currentWidget() is not self.start_screen:
            self.messages.clear_info()  # "Saved the session report" stays with the summary
        self.messages.withdraw(no_sound_error().message)
        self.stack.setCurrentWidget(self.start_screen)
        self.start_screen.start_button.setFocus()
        self._refresh_due(self.start_screen.choice().bank_id)
        self.banks.reload()  # new banks appear, and a broken one is reported

    def _refresh_due(self, bank_id: str) -> None:
        """Ask history (in the background) what of this bank is due, and when the rest is."""
        if bank_id:
            self.controller.history.review_states(
                bank_id, lambda states: self.start_screen.set_due(
                    bank_id, None if states is None else outlook(states, datetime.now(UTC))))

    def _on_orphans(self, orphans: list | None) -> None:
        # a recording begun since this window opened is an answer in progress, not a leftover
        self.orphans = [o for o in orphans or [] if o.modified.timestamp() < self._opened_at]
        self.start_screen.set_orphans(len(self.orphans))

    def open_recovery(self) -> None:
        """Offer back the answers a crash left unsaved; score the one the user picks."""
        dialog = OrphanDialog(self.orphans, self.library, self.jobs, self)
        self.orphan_dialog = dialog
        chosen = dialog.chosen() if dialog.exec() else None
        left = [o for o in dialog.orphans if chosen is None or o.path != chosen[0]]
        self._on_orphans(left)
        if chosen is not None:
            self.messages.dismiss()
            self.controller.recover(*chosen)

    def _on_start(self, choice: StartChoice) -> None:
        self.messages.dismiss()
        self.start_screen.store(self.settings)
        self.save_settings()
        self.controller.start(choice)

    def open_posting(self) -> None:
        """App > Practise for a job posting…: the dialog, then the interview built for it."""
        from interviewer.ui.posting_dialog import PostingDialog

        dialog = PostingDialog(self.jobs, self.settings, self.library, self)
        dialog.start_requested.connect(self._start_posting)
        self.posting_dialog = dialog
        dialog.open()

    def _start_posting(self, session) -> None:
        """Keep the posting with its session (History and the report name the job), then
        start the mock interview for it."""
        from interviewer.posting.store import save_posting

        self.messages.hide()
        self.save_settings()  # an opened file's folder is remembered
        self.jobs.run(lambda: save_posting(session), lane="posting",
                      on_error=self.messages.show_error)
        self.controller.start_posting(session)

    def save_settings(self) -> None:
        """Settings are tiny, but disk is disk: write them in the background."""
        snapshot = Settings(**{k: v for k, v in vars(self.settings).items()})
        self.jobs.run(lambda: settings_store.save(snapshot), lane="settings")

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self.jobs, self)
        self.settings_dialog = dialog
        fields = dialog.findChild(QScrollArea)
        inner = fields.widget() if fields is not None else None
        if fields is not None and inner is not None:  # all of it, if there is room
            hint, extra = inner.sizeHint(), dialog.sizeHint() - fields.sizeHint()
            fit_to_screen(dialog, hint.width() + extra.width() + 40,
                          hint.height() + extra.height() + 20)
        if dialog.exec():
            new = dialog.result_settings()
            for key, value in vars(new).items():
                setattr(self.settings, key, value)
            self.apply_font()
            self.save_settings()

    def first_start_check(self) -> None:
        """On the very first start, the microphone check before anything else."""
        if not self.settings.microphone_checked and self.isVisible():
            self.open_microphone_check(first_start=True)

    def open_microphone_check(self, first_start: bool = False) -> None:
        """Hear yourself before the first question (offered once, on first start)."""
        from interviewer.ui.mic_check import MicCheckDialog

        dialog = MicCheckDialog(self.jobs, self.settings, self, first_start=first_start)
        self.mic_check = dialog
        if dialog.exec():
            self.settings.microphone = dialog.chosen_microphone
        self.settings.microphone_checked = True  # offered once, whatever the answer
        self.save_settings()

    def open_history(self) -> None:
        """The history screen in its own window; the database opens in the background."""
        self.show_question_history("")

    def show_question_history(self, question_id: str) -> None:
        """The history window, on one question's answers when `question_id` is given."""
        view = getattr(self, "history_window", None)
        if view is not None:  # one history window, kept when closed: reopening refreshes it
            view.refresh(select=question_id)
            view.show()
            view.raise_()
            view.activateWindow()
            return
        self.jobs.run(HistoryStore,
                      on_done=lambda store: self._show_history(store, question_id),
                      on_error=self.messages.show_error)

    def _on_attempt_saved(self, _attempt_id: int) -> None:
        """An open history window follows the practice as it happens."""
        view = getattr(self, "history_window", None)
        if view is not None and view.isVisible():
            view.refresh()

    def _show_history(self, store: HistoryStore, question_id: str) -> None:
        from interviewer.ui.history_view import HistoryView

        # A child of this window (shown as its own window): Qt deletes it with the app,
        # rather than Python's garbage collector at some later moment.
        view = HistoryView(store, self.jobs, parent=self, select=question_id)
        view.setWindowFlag(Qt.WindowType.Window)
        view.setWindowTitle("interviewer: history")
        view.setAccessibleName("History")
        view.resize(1000, 700)
        view.show()
        self.history_window = view

    def save_report(self, target: Path | None = None) -> None:
        """Ask where (unless given), then write the round's report off the UI thread."""
        session_id = self.controller.session_id
        if session_id is None:
            self.messages.show_info("The session is still being saved.",
                                    "try again in a moment")
            return
        if target is None:
            chosen = file_dialogs.save_file(self, self.settings, "Save the session report",
                                            report_name(session_id), ";;".join(REPORT_FILTERS))
            if chosen is None:
                return
            self.save_settings()  # the folder is remembered for the next dialog
            target, kind = chosen
            if not target.suffix:  # typed without one: the chosen filter says which
                target = target.with_suffix(REPORT_FILTERS.get(kind, ".pdf"))
        self.controller.history.write_report(
            session_id, target,
            on_done=lambda path: self.messages.show_info(f"Saved the session report: {path}"),
            on_error=self.messages.show_error)

    def ask_import(self) -> None:
        """App > Import a question bank…: ask for the file, then import it."""
        source = file_dialogs.open_file(self, self.settings, "Import a question bank",
                                        "Question files (*.csv *.md *.markdown)")
        if source is not None:
            self.save_settings()  # the folder is remembered for the next dialog
            self.import_bank(source)

    def import_bank(self, source: Path) -> None:
        """Turn a CSV or Markdown file into a bank; asks before replacing one."""
        target = import_target(source)
        force = False
        if target.exists():
            answer = QMessageBox.question(
                self, "Replace the bank?",
                f"You already have a bank in {target}. Replace it with {source.name}?")
            if answer != QMessageBox.StandardButton.Yes:
                return
            force = True
        self._importing = f"Importing {source.name}…"
        self.messages.show_info(self._importing)
        self.banks.import_file(source, force=force)

    def _on_imported(self, result: ImportResult) -> None:
        self.messages.withdraw(self._importing)
        text, hint = import_message(result), import_hint(result)
        if result.path is not None:  # chosen now, and still chosen after a round
            self.settings.bank_id = result.bank_id
            self.save_settings()
        if result.problems:
            self.messages.show_error(InterviewerError(text, hint))
        else:
            self.messages.show_info(text, hint)

    def _on_bank_problem(self, error: InterviewerError) -> None:
        self.messages.withdraw(self._importing)
        self.messages.show_error(error)

    def _on_library(self, library: Library, select: str) -> None:
        if library.problems:
            self.messages.show_error(InterviewerError(
                f"a question bank was skipped: {library.problems[0]}",
                "fix it; the others are loaded"))
        self.library = library
        self.controller.library = library
        self.start_screen.set_library(library, select)

    def open_help(self) -> None:
        self.help_dialog = HelpDialog(self)
        self.help_dialog.exec()

    def apply_font(self) -> None:
        font = QApplication.font()
        font.setPointSize(self.settings.font_pt)
        QApplication.setFont(font)
        self.setFont(font)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.controller.shutdown()
        if self.stack.currentWidget() is self.start_screen:
            self.start_screen.store(self.settings)
        settings_store.save(self.settings)
        history = getattr(self, "history_window", None)
        if history is not None:
            history.close()
        self.jobs.wait(5000)
        if history is not None:
            history.store.close()  # its reads are done: the lanes are idle
        super().closeEvent(event)
