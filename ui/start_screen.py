"""The start screen: which bank, which mode, which questions; opens on the last choice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from interviewer.banks import Library
from interviewer.banks.import_report import plural
from interviewer.banks.model import CATEGORIES, DIFFICULTIES
from interviewer.history.review import Outlook, rules_in_words, when_due
from interviewer.settings import Settings
from interviewer.ui.flow_layout import FlowLayout
from interviewer.ui.widgets import button, heading, label, scrolling

MODE_LABELS = {
    "practice": "Practise one question at a time",
    "mock": "Full mock interview",
    "review": "Review weak questions",
}


@dataclass(frozen=True)
class StartChoice:
    bank_id: str
    mode: str
    difficulties: tuple[str, ...]
    categories: tuple[str, ...]
    shuffle: bool
    mock_count: int


class StartScreen(QWidget):
    """Layout and reading/writing of the choice; the window decides what Start does."""

    start_requested = Signal(object)  # StartChoice
    bank_changed = Signal(str)  # the bank id now chosen, so the due count can follow it
    recover_requested = Signal()

    def __init__(self, library: Library, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Start screen")
        page = QVBoxLayout(self)
        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(0, 0, 0, 0)
        page.addWidget(scrolling(content, "Start choices"), 1)
        outer.addWidget(heading("Rehearse an interview", "Title", 1.6))
        outer.addWidget(label("Pick a role and a way to practise. The interviewer reads each "
                              "question aloud; answer out loud and see what you covered.",
                              "Introduction"))
        form = QFormLayout()
        self.bank = QComboBox()
        self.bank.setAccessibleName("Question bank")
        self.bank.setToolTip("The role whose questions you rehearse")
        self._fill_banks(library)
        form.addRow("&Role:", self.bank)
        outer.addLayout(form)
        # the note above its button, not beside it: at a large font both keep the full width
        due_row = QVBoxLayout()
        self.due = label("", "Questions due for review")
        self.due.hide()
        due_row.addWidget(self.due)
        self.review_now = button("Practise your weakest now", "Practise your weakest now",
                                 "Start a review round of the questions due now", None,
                                 self._review_now, self)
        self.review_now.hide()
        due_row.addWidget(self.review_now, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addLayout(due_row)
        self.due_rules = label("", "How review schedules questions")
        self.due_rules.hide()
        outer.addWidget(self.due_rules)
        outer.addLayout(self._orphan_row())
        outer.addWidget(self._mode_box())
        outer.addWidget(self._filter_box())
        row = QHBoxLayout()
        self.shuffle = QCheckBox("Shuffle the questions")
        self.shuffle.setAccessibleName("Shuffle the questions")
        row.addWidget(self.shuffle)
        row.addStretch(1)
        self.mock_count = QSpinBox()
        self.mock_count.setRange(1, 20)
        self.mock_count.setAccessibleName("Questions in a mock interview")
        self.mock_count.setToolTip("How many questions a mock interview asks")
        self.mock_count.setPrefix("Mock interview: ")
        self.mock_count.setSuffix(" questions")
        row.addWidget(self.mock_count)
        outer.addLayout(row)
        outer.addStretch(1)
        outer = page  # the hint and Start stay in view below the choices
        outer.addWidget(label("Enter starts · F1 opens Help · Ctrl+, opens Settings",
                              "Keyboard hint"))
        self.start_button = button("Start", "Start", "Begin the round", "Return",
                                   self._emit_start, self)
        self.start_button.setDefault(True)
        outer.addWidget(self.start_button)
        self.load(settings)
        self.bank.currentIndexChanged.connect(
            lambda _i: self.bank_changed.emit(self.bank.currentData() or ""))

    def _fill_banks(self, library: Library) -> None:
        self.library = library
        self.bank.clear()
        for bank in library.banks:
            self.bank.addItem(f"{bank.title} ({plural(len(bank.questions), 'question')})",
                              bank.id)

    def set_library(self, library: Library, select: str = "") -> None:
        """New or changed banks: refill the list, keeping (or moving to) a choice;
        `bank_changed` only when the chosen bank is another one."""
        before = self.bank.currentData() or ""
        self.bank.blockSignals(True)
        self._fill_banks(library)
        self.bank.setCurrentIndex(max(self.bank.findData(select or before), 0))
        self.bank.blockSignals(False)
        if (self.bank.currentData() or "") != before:
            self.bank_changed.emit(self.bank.currentData() or "")

    def _orphan_row(self) -> QVBoxLayout:
        """Hidden until recordings a crash left unsaved are found (see `set_orphans`)."""
        row = QVBoxLayout()  # the note above its button, so neither is squeezed
        self.orphan_note = label("", "Unsaved recordings")
        bold = self.orphan_note.font()
        bold.setBold(True)
        self.orphan_note.setFont(bold)
        self.recover_button = button("Recover…", "Recover unsaved recordings",
                                     "Score and save the answers a crash interrupted",
                                     "Ctrl+R", self.recover_requested.emit, self)
        row.addWidget(self.orphan_note)
        row.addWidget(self.recover_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.set_orphans(0)
        return row

    def set_orphans(self, count: int) -> None:
        self.orphan_note.setText(
            f"{count} recorded answer{' was' if count == 1 else 's were'} not saved: "
            "the app stopped before scoring "
            f"{'it' if count == 1 else 'them'}. Nothing is lost.")
        self.orphan_note.setVisible(count > 0)
        self.recover_button.setVisible(count > 0)

    def set_due(self, bank_id: str, seen: Outlook | None) -> None:
        """Say how many of this bank's questions review mode asks now, and when more come."""
        if bank_id != (self.bank.currentData() or "") or seen is None:
            return
        count = len(seen.due)
        text = (f"Review: {count} question{'s' if count != 1 else ''} in this role "
                f"{'is' if count == 1 else 'are'} due now: {self._names(seen.due)}." if count
                else "Review: nothing is due in this role now.")
        if seen.next_at is not None:
            more = "more" if count else ""
            text += (f" {seen.next_count} {more}{' ' if more else ''}"
                     f"come{'s' if seen.next_count == 1 else ''} due "
                     f"{when_due(seen.next_at, datetime.now(UTC))} "
                     f"({seen.next_at.astimezone():%a %d %b, %H:%M}).")
        elif not count:
            text += " An answer you struggle with comes back here at once."
        self.due.setText(text)
        self.due_rules.setText(rules_in_words())
        self.due_rules.show()
        self.mode_buttons["review"].setText(f"{MODE_LABELS['review']} ({count} due)")
        self.due.show()
        self.review_now.setVisible(count > 0)

    def _names(self, question_ids: tuple[str, ...], shown: int = 3) -> str:
        """The due questions by their words ("What is DSO?"), the first few of them."""
        texts = {q.id: q.text for b in self.library.banks for q in b.questions}
        names = [f"\u201c{texts.get(qid, qid)}\u201d" for qid in question_ids[:shown]]
        more = len(question_ids) - shown
        return "; ".join(names) + (f" and {more} more" if more > 0 else "")

    def _mode_box(self) -> QGroupBox:
        box = QGroupBox("Mode")
        box.setAccessibleName("Mode")
        lay = QVBoxLayout(box)
        self.modes = QButtonGroup(self)
        self.mode_buttons: dict[str, QRadioButton] = {}
        for mode, text in MODE_LABELS.items():
            radio = QRadioButton(text)
            radio.setAccessibleName(text)
            self.modes.addButton(radio)
            self.mode_buttons[mode] = radio
            lay.addWidget(radio)
        return box

    def _filter_box(self) -> QGroupBox:
        box = QGroupBox("Only these questions (none ticked means all)")
        box.setAccessibleName("Filters")
        lay = QVBoxLayout(box)
        self.difficulty_boxes = self._checks(lay, "Difficulty", DIFFICULTIES)
        self.category_boxes = self._checks(lay, "Category", CATEGORIES)
        return box

    def _checks(self, lay: QVBoxLayout, title: str, names: tuple[str, ...]
                ) -> dict[str, QCheckBox]:
        row = FlowLayout()  # wraps at a large font rather than widening the window
        row.addWidget(label(f"{title}:", title, wrap=False))
        boxes = {}
        for name in names:
            check = QCheckBox(name)
            check.setAccessibleName(f"{title} {name}")
            boxes[name] = check
            row.addWidget(check)
        lay.addLayout(row)
        return boxes

    def load(self, settings: Settings) -> None:
        index = self.bank.findData(settings.bank_id)
        self.bank.setCurrentIndex(max(index, 0))
        self.mode_buttons.get(settings.mode, self.mode_buttons["practice"]).setChecked(True)
        for name, box in self.difficulty_boxes.items():
            box.setChecked(name in settings.difficulties)
        for name, box in self.category_boxes.items():
            box.setChecked(name in settings.categories)
        self.shuffle.setChecked(settings.shuffle)
        self.mock_count.setValue(settings.mock_count)

    def choice(self) -> StartChoice:
        mode = next(m for m, b in self.mode_buttons.items() if b.isChecked())
        return StartChoice(
            bank_id=self.bank.currentData() or "",
            mode=mode,
            difficulties=tuple(n for n, b in self.difficulty_boxes.items() if b.isChecked()),
            categories=tuple(n for n, b in self.category_boxes.items() if b.isChecked()),
            shuffle=self.shuffle.isChecked(),
            mock_count=self.mock_count.value(),
        )

    def store(self, settings: Settings) -> None:
        c = self.choice()
        settings.bank_id, settings.mode = c.bank_id, c.mode
        settings.difficulties, settings.categories = list(c.difficulties), list(c.categories)
        settings.shuffle, settings.mock_count = c.shuffle, c.mock_count

    def _review_now(self) -> None:
        self.mode_buttons["review"].setChecked(True)
        self._emit_start()

    def _emit_start(self) -> None:
        self.start_requested.emit(self.choice())
