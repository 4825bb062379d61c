"""The microphone check, on first start and from Settings: pick the input, speak, watch
the level, hear two seconds back and read what the recognizer made of it.

Recording goes through the same AudioInput the answers use; the clip is written and
transcribed off the UI thread (Jobs), and played through Qt.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from interviewer.capture.mic_check import CHECK_SECONDS, playback_clip, verdict
from interviewer.errors import InterviewerError
from interviewer.pcm import BYTES_PER_SECOND, CHUNK_SECONDS
from interviewer.settings import Settings
from interviewer.ui import services
from interviewer.ui.audio_in import AudioInput, MicrophoneInput, device_id, microphones
from interviewer.ui.audio_out import Player
from interviewer.ui.jobs import Jobs
from interviewer.ui.wheel_guard import guard_wheel
from interviewer.ui.widgets import button, heading, label, scrolling

InputFor = Callable[[str], AudioInput]  # device id -> the input to record from
SPEECH_LANE = "speech"  # the recognizer process is shared with the answers' capture


def write_clip(pcm: bytes) -> Path:
    """The playback clip as a WAV in a temporary file (runs in the background)."""
    from interviewer.capture.recording import wav_header

    with tempfile.NamedTemporaryFile(prefix="mic-check-", suffix=".wav",
                                     delete=False) as out:
        out.write(wav_header(len(pcm)) + pcm)
    return Path(out.name)


def recognise(pcm: bytes, engine: str, model_path: str) -> str:
    """What the recognizer hears in the clip, fed as a live answer is (in the background)."""
    stream = services.load_recognizer(engine, model_path).open_stream("")
    chunk = int(BYTES_PER_SECOND * CHUNK_SECONDS)
    for start in range(0, len(pcm), chunk):
        stream.feed(pcm[start:start + chunk])
    return stream.finish().text


class MicCheckDialog(QDialog):
    """Test one input at a time; OK keeps the microphone chosen in `chosen_microphone`."""

    def __init__(self, jobs: Jobs, settings: Settings, parent: QWidget | None = None,
                 input_for: InputFor = MicrophoneInput, first_start: bool = False) -> None:
        super().__init__(parent)
        self.jobs, self.settings, self.input_for = jobs, settings, input_for
        self.setWindowTitle("Check your microphone")
        self.setAccessibleName("Microphone check")
        self._source: AudioInput | None = None
        self._stopping = False
        self._pcm = bytearray()
        self._player: Player | None = None
        self._clip: Path | None = None
        outer = QVBoxLayout(self)
        content = QWidget()
        lay = QVBoxLayout(content)
        lay.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content, "Microphone check"), 1)  # a large font scrolls
        self._content = content
        lay.addWidget(heading("Check your microphone", "Title", 1.4))
        intro = ("Before the first question, make sure interviewer hears you. "
                 if first_start else "")
        lay.addWidget(label(
            intro + "Pick your microphone, press Test and say a sentence such as \u201cI am "
            "ready for my interview\u201d. The bar shows how loud you come through; then "
            "you hear the first two seconds back and read what the recognizer understood.",
            "How the check works"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.microphone = QComboBox()
        self.microphone.setAccessibleName("Microphone")
        self.microphone.setToolTip("The input your answers are recorded from")
        self.microphone.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.microphone.setMinimumContentsLength(16)
        self.microphone.addItem("System default", "")
        for device in microphones():
            self.microphone.addItem(device.description(), device_id(device))
        self.microphone.setCurrentIndex(max(0, self.microphone.findData(settings.microphone)))
        form.addRow("Microphone:", self.microphone)
        self.level = QProgressBar()
        self.level.setRange(0, 100)
        self.level.setTextVisible(False)
        self.level.setAccessibleName("Input level")
        form.addRow("Level:", self.level)
        lay.addLayout(form)
        self.test_button = button("Test (4 seconds)", "Test the microphone",
                                  "Record four seconds, play two back and show what was "
                                  "recognised", None, self.start_test, self)
        lay.addWidget(self.test_button)
        self.status = label("", "Microphone check status")
        lay.addWidget(self.status)
        self.heard = label("", "What the recognizer heard")
        lay.addWidget(self.heard)
        lay.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Use this microphone")
        ok.setAccessibleName("Use this microphone")
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("Skip" if first_start else "Cancel")
        cancel.setAccessibleName(cancel.text())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        guard_wheel(self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """About 60 characters wide and as tall as the wrapped text, within the screen."""
        super().showEvent(event)
        room = self.screen().availableGeometry()
        width = min(self.fontMetrics().horizontalAdvance("0") * 60, round(room.width() * 0.95))
        layout = self._content.layout()
        inner = layout.totalHeightForWidth(width - 40) if layout is not None else 0
        extra = self.sizeHint().height() - self._content.sizeHint().height()
        self.resize(width, min(max(inner, 0) + extra + 24, round(room.height() * 0.95)))

    @property
    def chosen_microphone(self) -> str:
        return self.microphone.currentData() or ""

    @property
    def testing(self) -> bool:
        return self._source is not None

    def start_test(self) -> None:
        if self.testing:
            return
        self._pcm.clear()
        self._stopping = False
        self.heard.setText("")
        self.status.setText("Listening: speak now\u2026")
        self.test_button.setEnabled(False)
        self.microphone.setEnabled(False)
        source = self.input_for(self.chosen_microphone)
        source.setParent(self)
        source.chunk.connect(self._on_chunk)
        source.level.connect(self._on_level)
        source.failed.connect(self._on_failed)
        source.warning.connect(lambda e: self.status.setText(f"{e.message[:1].upper()}"
                                                             f"{e.message[1:]}: {e.hint}."))
        source.warning_over.connect(lambda _e: self.status.setText("Listening: speak now\u2026"))
        source.ended.connect(self._on_ended)
        self._source = source
        source.start()

    def _on_level(self, percent: int) -> None:
        if self._source is not None:  # a last chunk's level after the end is not shown
            self.level.setValue(percent)

    def _on_chunk(self, pcm: bytes) -> None:
        if self._source is None or self._stopping:
            return
        self._pcm += pcm
        if len(self._pcm) >= CHECK_SECONDS * BYTES_PER_SECOND:
            self._stopping = True
            self._source.stop()

    def _on_failed(self, error: InterviewerError) -> None:
        self.status.setText(f"{error.message[:1].upper()}{error.message[1:]}: {error.hint}.")

    def _on_ended(self) -> None:
        source, self._source = self._source, None
        if source is None:
            return  # said already (an input may say "ended" twice)
        source.deleteLater()
        self.level.setValue(0)
        self.test_button.setEnabled(True)
        self.microphone.setEnabled(True)
        pcm = bytes(self._pcm)
        if not pcm:
            return  # the failure already said why
        if not pcm.strip(b"\0"):
            self.status.setText(verdict(pcm, None))
            return
        self.status.setText("Playing back two seconds\u2026")
        self.heard.setText("The recognizer is listening to your test\u2026")
        clip = playback_clip(pcm)
        self.jobs.run(lambda: write_clip(clip), on_done=self._play,
                      on_error=self._on_failed)
        engine, model_path = self.settings.engine, self.settings.model_path
        self.jobs.run(lambda: recognise(pcm, engine, model_path),
                      lane=SPEECH_LANE, on_done=lambda text: self.heard.setText(verdict(pcm, text)),
                      on_error=lambda e: self.heard.setText(
                          f"{verdict(pcm, None)} {e.message}: {e.hint}."))

    def _play(self, clip: Path) -> None:
        self._clip = clip
        if self._player is None:
            player = Player(self)
            player.finished.connect(
                lambda: self.status.setText("Played back two seconds of your test."))
            player.error.connect(lambda text: self.status.setText(
                f"Cannot play the test back: {text}"))
            self._player = player
        self._player.play(clip)

    def done(self, result: int) -> None:
        if self._source is not None:
            self._source.stop()
        if self._player is not None and self._player.is_playing():
            self._player.stop()
        if self._clip is not None:
            self._clip.unlink(missing_ok=True)
        super().done(result)
