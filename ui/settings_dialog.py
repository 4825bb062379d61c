"""The settings dialog: edits a copy of Settings; the window saves it on OK."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from interviewer.errors import InterviewerError
from interviewer.settings import Settings
from interviewer.speech.registry import AUTO, choices, folder_kinds, title
from interviewer.speech.registry import label as engine_label
from interviewer.ui.audio_in import MicrophoneInput, device_id, microphones
from interviewer.ui.file_dialogs import open_file, start_folder
from interviewer.ui.flow_layout import FlowLayout
from interviewer.ui.jobs import Jobs
from interviewer.ui.model_install import ModelInstaller
from interviewer.ui.voice_picker import VoicePicker
from interviewer.ui.wheel_guard import guard_wheel
from interviewer.ui.widgets import button, label, scrolling
from interviewer.voices.personas import DEFAULT_PERSONA, Persona, load_personas
from interviewer.voices.selection import VoiceInfo
from interviewer.voices.tts import list_voices

W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str, tip: str = "") -> W:
    widget.setAccessibleName(name)
    widget.setToolTip(tip or name)
    return widget


class SettingsDialog(QDialog):
    note: QLabel  # set up below the form; the voice picker reports into it

    def __init__(self, settings: Settings, jobs: Jobs, parent: QWidget | None = None,
                 input_for: Callable[[str], Any] = MicrophoneInput) -> None:
        super().__init__(parent)
        self.input_for = input_for  # the microphone check records through it
        self.setWindowTitle("Settings")
        self.setAccessibleName("Settings")
        self.settings = copy.deepcopy(settings)
        self.jobs = jobs
        self._personas: list[Persona] = []
        lay = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # large fonts
        fields = QWidget()
        fields.setLayout(form)
        lay.addWidget(scrolling(fields, "Settings fields"), 1)  # taller than the screen: scroll
        self.persona = _named(QComboBox(), "Interviewer persona")
        self.voice_picker = VoicePicker(jobs, self)
        self.voice = self.voice_picker.combo
        self.voice_picker.follow(self._voice_settings_now)
        self.voice_picker.message.connect(self._show_note)
        self.rate = _named(QSpinBox(), "Speaking rate", "Words per minute; 0 uses the persona's")
        self.rate.setRange(0, 400)
        self.rate.setSpecialValueText("persona's own")
        self.microphone = _named(QComboBox(), "Microphone")
        self.engine = _named(QComboBox(), "Speech recognizer")
        for engine in choices():
            # the short name in the box (it never cuts off at a large font), the whole
            # description on hover and, for the chosen one, in the line below
            full = engine_label(engine)
            self.engine.addItem(title(engine), engine)
            self.engine.setItemData(self.engine.count() - 1, full, Qt.ItemDataRole.ToolTipRole)
        self.model_path = _named(QLineEdit(), "Speech model folder",
                                 f"A {folder_kinds()} model folder; empty finds an "
                                 "installed one")
        self.heard_by = label("", "Which recognizer hears your answers")
        self.heard_by.setWordWrap(True)
        # long engine names and the model buttons wrap rather than widen the dialog: at the
        # largest font it must still fit a 1366x768 screen without scrolling sideways
        self.engine.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.engine.setMinimumContentsLength(16)
        model_row = QVBoxLayout()
        model_row.addWidget(self.model_path)
        model_buttons = QWidget()
        model_buttons_flow = FlowLayout(model_buttons)
        model_buttons_flow.setContentsMargins(0, 0, 0, 0)
        model_row.addWidget(model_buttons)
        model_buttons_flow.addWidget(button("Browse…", "Choose a model folder",
                                   "Pick a Vosk or Whisper model folder",
                                   None, self._browse_model, self))
        model_buttons_flow.addWidget(button("Install from a file…",
                                            "Install a speech model from a file",
                                   "Install a Vosk or Whisper model from a .zip you downloaded",
                                   None, self._pick_model_archive, self))
        model_buttons_flow.addWidget(button("Download English", "Download the English model",
                                   "Download the small US English Vosk model (about 40 MB)",
                                   None, lambda: self.install_model("small-en-us"), self))
        self.auto_record = _named(QCheckBox("Start recording when the question ends"),
                                  "Start recording when the question ends")
        self.speak = _named(QCheckBox("Read questions aloud"), "Read questions aloud")
        self.hide_text = _named(QCheckBox("Hide question text (listen only)"),
                                "Hide question text")
        self.silence = _named(QDoubleSpinBox(), "Stop after silence",
                              "Stop recording after this much silence once you have spoken")
        self.silence.setRange(0, 60)
        self.silence.setSuffix(" s")
        self.silence.setSpecialValueText("never")
        self.limit = _named(QSpinBox(), "Time limit", "Recording stops at this length")
        self.limit.setRange(10, 1800)
        self.limit.setSuffix(" s")
        self.target = _named(QSpinBox(), "Target length", "The answer length to aim for")
        self.target.setRange(10, 1800)
        self.target.setSuffix(" s")
        self.font_size = _named(QSpinBox(), "Font size")
        self.font_size.setRange(8, 32)
        self.probes = _named(QComboBox(), "Follow-up probes per question",
                             "How many follow-ups the interviewer may ask about what an "
                             "answer left out")
        for value, text in (("none", "None"), ("one", "One"), ("two", "Up to two")):
            self.probes.addItem(text, value)
        self.probe_practice = _named(QCheckBox("Probe behavioral questions in practice too"),
                                     "Probe behavioral questions in practice too")
        self.wrap_up = _named(QCheckBox("Cue me at the end of the target length"),
                              "Cue me at the end of the target length")
        self.font_size.setSuffix(" pt")
        form.addRow("Interviewer:", self.persona)
        form.addRow("Voice:", self.voice_picker)
        form.addRow("Rate:", self.rate)
        mic_row = QHBoxLayout()
        mic_row.addWidget(self.microphone, 1)
        self.check_microphone = button("Check\u2026", "Check the microphone",
                                       "Speak, see the level, hear it back and see what "
                                       "the recognizer understood", None,
                                       self.open_microphone_check, self)
        mic_row.addWidget(self.check_microphone)
        form.addRow("Microphone:", mic_row)
        form.addRow("Recognizer:", self.engine)
        form.addRow("Model:", model_row)
        form.addRow("", self.heard_by)
        form.addRow("", self.auto_record)
        form.addRow("", self.speak)
        form.addRow("", self.hide_text)
        form.addRow("Silence stop:", self.silence)
        form.addRow("Time limit:", self.limit)
        form.addRow("Target length:", self.target)
        form.addRow("Follow-ups:", self.probes)
        form.addRow("", self.probe_practice)
        form.addRow("", self.wrap_up)
        form.addRow("Font size:", self.font_size)
        self.note = label("", "Settings note")
        lay.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName("Save settings")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        guard_wheel(self)  # the wheel scrolls the dialog, not the value under the pointer
        self._fill()

    def _fill(self) -> None:
        s = self.settings
        self.persona.addItem("Default", "")
        self.microphone.addItem("System default", "")
        for device in microphones():
            self.microphone.addItem(device.description(), device_id(device))
        self._select(self.microphone, s.microphone)
        self._select(self.engine, s.engine)
        self.model_path.setText(s.model_path)
        self.engine.currentIndexChanged.connect(self._update_heard_by)
        self.model_path.editingFinished.connect(self._update_heard_by)
        self._update_heard_by()
        self.rate.setValue(s.rate)
        self.auto_record.setChecked(s.auto_record)
        self.speak.setChecked(s.speak_questions)
        self.hide_text.setChecked(s.hide_question_text)
        self.silence.setValue(s.silence_stop_s)
        self.limit.setValue(s.time_limit_s)
        self.target.setValue(s.target_s)
        self.font_size.setValue(s.font_pt)
        self._select(self.probes, s.probes)
        self.probe_practice.setChecked(s.probe_practice)
        self.wrap_up.setChecked(s.wrap_up_cue)
        self.jobs.run(_voices_and_personas, on_done=self._fill_voices,
                      on_error=lambda e: self.note.setText(f"{e.message}. {e.hint}"))

    def _fill_voices(self, found: tuple[list[Persona], list[VoiceInfo], list[str]]) -> None:
        personas, voices, problems = found
        for p in personas:
            self.persona.addItem(p.name, p.id)
        self._personas = list(personas)
        self.voice_picker.set_voices(voices, self.settings.voice)
        self._select(self.persona, self.settings.persona)
        if problems:
            self.note.setText(" ".join(problems))

    def open_microphone_check(self) -> None:
        """The microphone check on the input, recognizer and model chosen here now."""
        from interviewer.ui.mic_check import MicCheckDialog

        now = copy.deepcopy(self.settings)
        now.microphone = self.microphone.currentData() or ""
        now.engine = self.engine.currentData() or AUTO
        now.model_path = self.model_path.text().strip()
        self.mic_check = MicCheckDialog(self.jobs, now, self, input_for=self.input_for)
        if self.mic_check.exec():
            self._select(self.microphone, self.mic_check.chosen_microphone)

    def _update_heard_by(self) -> None:
        """Say in words which recognizer hears the answers (found off the UI thread: it
        looks through the model folders)."""
        engine = self.engine.currentData() or AUTO
        self.engine.setToolTip(engine_label(engine))
        model_path = self.model_path.text().strip()
        self.jobs.run(lambda: _recognizer_plan(engine, model_path),
                      on_done=self.heard_by.setText,
                      on_error=lambda e: self.heard_by.setText(e.message))

    def _show_note(self, text: str) -> None:
        self.note.setText(text)

    def _voice_settings_now(self) -> tuple[int, Persona | None]:
        """The rate and persona as the dialog shows them now, for the voice sample."""
        wanted = self.persona.currentData() or DEFAULT_PERSONA
        persona = next((p for p in self._personas if p.id == wanted), None)
        return self.rate.value(), persona

    def done(self, result: int) -> None:
        self.voice_picker.stop()  # a sample stops with the dialog
        super().done(result)

    @staticmethod
    def _select(combo: QComboBox, data: str) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _browse_model(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a Vosk or Whisper model folder",
                                                  self.model_path.text()
                                                  or str(start_folder(self.settings)))
        if folder:
            self.model_path.setText(folder)

    def _pick_model_archive(self) -> None:
        chosen = open_file(self, self.settings, "Install a speech model from a file",
                           "Vosk or Whisper model archive (*.zip)")
        if chosen is not None:
            self.install_model(str(chosen))

    def install_model(self, source: str) -> None:
        """Install in the background; the progress dialog can cancel it."""
        self.installer = ModelInstaller(self.jobs, self, self._installed, self._install_failed)
        self.installer.start(source)

    def _installed(self, info: object) -> None:
        self.model_path.setText("")  # the installed model becomes the active one
        self._select(self.engine, AUTO)
        name = getattr(info, "name", "the model")
        language = getattr(info, "language", "") or ""
        if language and not language.lower().startswith("en"):
            self.note.setText(f"Installed {name} ({language}). Answers are recognised in "
                              "English, so it is used only when you choose it as the model.")
        else:
            self.note.setText(f"Installed {name}; it is used for the next answer.")
        self._update_heard_by()

    def _install_failed(self, error: InterviewerError) -> None:
        self.note.setText(f"{error.message}. {error.hint}".strip())

    def result_settings(self) -> Settings:
        s = self.settings
        s.persona = self.persona.currentData() or ""
        s.voice = self.voice.currentData() or ""
        s.rate = self.rate.value()
        s.microphone = self.microphone.currentData() or ""
        s.engine = self.engine.currentData() or AUTO
        s.model_path = self.model_path.text().strip()
        s.auto_record = self.auto_record.isChecked()
        s.speak_questions = self.speak.isChecked()
        s.hide_question_text = self.hide_text.isChecked()
        s.silence_stop_s = self.silence.value()
        s.time_limit_s = self.limit.value()
        s.target_s = self.target.value()
        s.font_pt = self.font_size.value()
        s.probes = self.probes.currentData() or "two"
        s.probe_practice = self.probe_practice.isChecked()
        s.wrap_up_cue = self.wrap_up.isChecked()
        return s.validated()


def _recognizer_plan(engine: str, model_path: str) -> str:
    """Runs in the background: which recognizers hear the answers, in words."""
    from interviewer.speech.engines import plan

    return plan(engine, model_path or None)


def _voices_and_personas() -> tuple[list[Persona], list[VoiceInfo], list[str]]:
    """Runs in the background: listing system voices can start a speech engine."""
    problems: list[str] = []
    personas: list[Persona] = []
    voices: list[VoiceInfo] = []
    try:
        personas = load_personas()
    except InterviewerError as exc:
        problems.append(exc.message + ".")
    try:
        voices = list_voices()
    except InterviewerError as exc:
        problems.append(exc.message + ".")
    return personas, voices, problems
