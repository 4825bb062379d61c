"""Importing a question bank from the app: the good rows land, the bad ones are named,
the new role is chosen at once, and an existing bank is replaced only when asked."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from interviewer import paths
from interviewer import settings as settings_store
from interviewer.banks.importer import import_file
from tests.interviewer.banks.test_bank_import import CSV_TEXT, MARKDOWN_TEXT, write
from tests.ui.conftest import shot
from tests.ui.file_dialog import answer_file_dialog


def _answer_next_question(button: QMessageBox.StandardButton, seen: list) -> None:
    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):  # another dialog comes first: wait for this one
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        box.button(button).click()
    QTimer.singleShot(0, press)


def test_import_from_the_menu_keeps_good_rows_and_names_bad_lines(make_window, qtbot,
                                                                   tmp_path, artifacts) -> None:
    window = make_window(auto_record=False)
    start = window.start_screen
    source = write(tmp_path, "ar_extra.csv", CSV_TEXT)
    window.import_bank(source)
    qtbot.waitUntil(lambda: start.bank.currentData() == "ar-extra", timeout=15000)
    message = window.messages.message
    assert ("Imported 3 questions as \"Ar Extra\" (bank 'ar-extra') from lines 2, 3, 5; "
            "2 left out (lines 4, 8)") in message
    # every problem, each with its line; the hint says what happened to the rest
    assert "line 4: question 'tell-me-about-a-dispute-you-resolved'" in window.messages.problems
    assert "line 8: " in window.messages.problems
    assert "the other rows are in the bank" in message
    assert "Importing" not in message  # the note that it was working is gone
    assert start.bank.currentText() == "Ar Extra (3 questions)"
    assert window.controller.library.bank("ar-extra").questions[0].slug == \
        "how-do-you-prioritise-overdue-accounts"
    shot(window, artifacts, "12-bank-imported")

    # The same file again: the existing bank is kept unless the candidate says replace.
    bank_file = window.library.bank("ar-extra").path
    before = bank_file.read_bytes()
    seen: list = []
    _answer_next_question(QMessageBox.StandardButton.No, seen)
    window.import_bank(source)
    assert "already have a bank" in seen[0] and bank_file.read_bytes() == before
    write(tmp_path, "ar_extra.csv", CSV_TEXT.replace("What is DSO?", "What does DSO measure?"))
    _answer_next_question(QMessageBox.StandardButton.Yes, seen)
    window.import_bank(source)
    qtbot.waitUntil(lambda: b"What does DSO measure?" in bank_file.read_bytes(), timeout=15000)


def test_a_bank_imported_in_the_terminal_appears_on_the_start_screen(make_window, qtbot,
                                                                     tmp_path) -> None:
    window = make_window(auto_record=False)
    start = window.start_screen
    assert start.bank.findData("ar-manager") == -1
    import_file(write(tmp_path, "ar-manager.md", MARKDOWN_TEXT))
    window.show_start()
    qtbot.waitUntil(lambda: start.bank.findData("ar-manager") >= 0, timeout=15000)
    assert start.bank.currentData() != "ar-manager"  # the choice the candidate made stays


def test_a_broken_bank_is_reported_once_and_the_others_load(make_window, qtbot) -> None:
    folder = paths.ensure(paths.user_banks_dir())
    (folder / "broken.toml").write_text("schema = 1\nid = [\n", encoding="utf-8")
    window = make_window(auto_record=False)
    qtbot.waitUntil(lambda: "A question bank was skipped" in window.messages.message,
                    timeout=10000)
    assert f"{folder / 'broken.toml'}:" in window.messages.message
    window.show_start()  # the start screen rereads the banks: still one message, not two
    qtbot.wait(500)
    window.jobs.wait()
    qtbot.wait(100)
    assert window.messages.message.count("A question bank was skipped") == 1
    assert window.start_screen.bank.findData("ar-collector") >= 0




def test_the_menu_action_asks_for_a_file_and_imports_it(make_window, qtbot, tmp_path,
                                                        interviewer_home) -> None:
    documents = paths.ensure(paths.documents_dir())
    window = make_window(auto_record=False)
    start = window.start_screen
    folder = paths.ensure(tmp_path / "downloads")
    source = write(folder, "ar_extra.csv", CSV_TEXT)
    seen: list = []
    answer_file_dialog(source, seen)
    window.import_action.trigger()  # App > Import a question bank… (Ctrl+I)
    qtbot.waitUntil(lambda: start.bank.currentData() == "ar-extra", timeout=15000)
    assert seen == [documents]  # the first dialog opens in the user's Documents
    assert "Imported 3 questions as" in window.messages.message
    assert "'ar-extra'" in window.messages.message
    # the next dialog opens where the last file came from, also after a restart
    window.jobs.wait(5000)
    assert settings_store.load().last_folder == str(folder)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    answer_file_dialog(source, seen)
    asked: list = []
    _answer_next_question(QMessageBox.StandardButton.No, asked)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert seen[1] == folder
    assert "already have a bank" in asked[0]


SEMICOLON_CSV = (
    "Question;Answer;Key Points;Difficulty;Category\n"
    "How do you chase an invoice that is 60 days late?;I call the payer, confirm the invoice "
    "arrived and agree a date, then follow up in writing the same day.;"
    "\"Call: call, phone; Agree a date: date, promise\";medium;technical\n"
    "What does DSO tell you?;Days sales outstanding: how many days it takes to collect a sale.;"
    "\"DSO: dso, days sales outstanding\";easy;technical\n"
    "Tell me about a time you won back a lost customer.;\"After a billing error, I met the "
    "customer, credited the overcharge and set up monthly statements; they stayed.\";"
    "Credit: credit, credited;hard;behavioral\n")


def test_a_semicolon_csv_imports_every_row_through_the_menu(make_window, qtbot,
                                                            tmp_path, artifacts) -> None:
    """A spreadsheet saved with semicolons (as many European locales do) goes through
    App > Import and its file dialog: all three rows land and the bank is chosen."""
    window = make_window(auto_record=False)
    start = window.start_screen
    source = write(tmp_path, "ar_semicolons.csv", SEMICOLON_CSV)
    app_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in app_menu.actions() if a.text() == "Import a question bank…")
    answer_file_dialog(source)
    action.trigger()
    qtbot.waitUntil(lambda: start.bank.currentData() == "ar-semicolons", timeout=15000)
    message = window.messages.message
    assert "Imported 3 questions as \"Ar Semicolons\" (bank 'ar-semicolons') from lines 2, 3, 4." \
        in message
    assert window.messages.problems == ""  # nothing left out: a note, not a warning
    assert start.bank.currentText() == "Ar Semicolons (3 questions)"
    bank = window.controller.library.bank("ar-semicolons")
    assert [q.difficulty for q in bank.questions] == ["medium", "easy", "hard"]
    assert "credited the overcharge and set up monthly statements; they stayed" in \
        bank.questions[2].sample_answers[0].text
    window.jobs.wait(5000)
    assert settings_store.load().bank_id == "ar-semicolons"  # still chosen after a restart
    window.show_start()  # back on the start screen later: the new bank stays chosen
    assert start.bank.currentData() == "ar-semicolons"
    shot(window, artifacts, "12-bank-imported-semicolons")


def test_one_question_is_one_question_and_every_problem_is_listed(make_window, qtbot,
                                                                  tmp_path) -> None:
    window = make_window(auto_record=False)
    lines = SEMICOLON_CSV.splitlines(keepends=True)
    broken = lines[0] + lines[1] + lines[2].replace(";easy;", ";impossible;") + \
        lines[3].replace(";hard;", ";;").replace("Credit: credit, credited", "")
    window.import_bank(write(tmp_path, "one.csv", broken))
    qtbot.waitUntil(lambda: window.start_screen.bank.currentData() == "one", timeout=15000)
    assert window.start_screen.bank.currentText() == "One (1 question)"
    assert "Imported 1 question as" in window.messages.message
    assert "line 3: " in window.messages.problems and "line 4: " in window.messages.problems
