"""Where answer audio comes from: the microphone (QAudioSource) or a real recording.

Both implement `AudioInput`: 16 kHz mono signed 16-bit PCM chunks by signal, a level
for the meter, and a failure signal carrying an InterviewerError (no microphone,
permission denied, the device vanished). `FileAudioInput` plays a recording through
the same interface at real-time pace, so tests and "load an audio file" exercise
exactly the code the microphone does.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QIODevice, QObject, QTimer, Signal
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSource, QMediaDevices, QtAudio

from interviewer.capture.no_sound import NoSoundWatch, no_sound_error
from interviewer.errors import InterviewerError
from interviewer.pcm import BYTES_PER_SECOND, SAMPLE_RATE, level


class AudioInput(QObject):
    """A source of answer audio. Subclasses emit `chunk` with 16 kHz mono s16le PCM."""

    chunk = Signal(bytes)
    level = Signal(int)  # 0..100 (an int: float emits from here crashed PySide6 6.12 at exit)
    ended = Signal()  # no more audio will come (stopped, end of file, or after `failed`)
    failed = Signal(object)  # InterviewerError
    warning = Signal(object)  # InterviewerError while recording goes on (no sound arrives)
    warning_over = Signal(object)  # the same InterviewerError, once sound does arrive

    description = "audio"

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    @property
    def active(self) -> bool:
        raise NotImplementedError

    def _deliver(self, pcm: bytes) -> None:
        if pcm:
            self.chunk.emit(pcm)
            self.level.emit(round(level(pcm) * 100))


class FileAudioInput(AudioInput):
    """Plays PCM (already 16 kHz mono s16le) as if spoken now: chunk by chunk, at `speed`x.

    Chunks are never longer than `chunk_ms`, like a sound card's period: when the event
    loop was held up, the audio that fell due comes as several chunks, so a time limit
    or a silence stop lands on the same chunk however busy the machine is.
    """

    def __init__(self, pcm: bytes, name: str = "recording", speed: float = 1.0,
                 chunk_ms: int = 100, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pcm = pcm[: len(pcm) - len(pcm) % 2]
        self._speed = speed
        self._sent = 0
        self._chunk_bytes = max(2, int(BYTES_PER_SECOND * chunk_ms / 1000) // 2 * 2)
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(max(5, int(chunk_ms / speed)))
        self._timer.timeout.connect(self._tick)
        self.description = name

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._sent = 0
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.ended.emit()

    def _tick(self) -> None:
        due = int(self._clock.elapsed() / 1000 * BYTES_PER_SECOND * self._speed)
        due = min(len(self._pcm), due - due % 2)
        while self._sent < due and self.active:  # a listener may stop us between chunks
            end = min(due, self._sent + self._chunk_bytes)
            self._deliver(self._pcm[self._sent:end])
            self._sent = end
        if self._sent >= len(self._pcm):
            self.stop()


def microphones() -> list[QAudioDevice]:
    return list(QMediaDevices.audioInputs())


def find_microphone(device_id: str = "") -> QAudioDevice | None:
    """The chosen microphone, else the system default; None when there is none at all."""
    devices = microphones()
    if not devices:
        return None
    for device in devices:
        if device_id and bytes(device.id().data()).decode(errors="replace") == device_id:
            return device
    default = QMediaDevices.defaultAudioInput()
    return default if not default.isNull() else devices[0]


def device_id(device: QAudioDevice) -> str:
    return bytes(device.id().data()).decode(errors="replace")


def pcm_format() -> QAudioFormat:
    fmt = QAudioFormat()
    fmt.setSampleRate(SAMPLE_RATE)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


NO_MIC = InterviewerError(
    "no microphone found",
    "plug one in and press Space again, or type your answer, or load an audio file")


class MicrophoneInput(AudioInput):
    """The real microphone through Qt Multimedia, captured as 16 kHz mono 16-bit."""

    def __init__(self, device_id_: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wanted = device_id_
        self._device: QAudioDevice | None = None
        self._source: QAudioSource | None = None
        self._io: QIODevice | None = None
        self._devices = QMediaDevices(self)
        self._devices.audioInputsChanged.connect(self._check_device_still_there)
        # stateChanged(QAudio::State) cannot reach Python slots in PySide6 6.12, so the
        # source's error state is polled instead: cheap, and only while recording
        self._watch = QTimer(self)
        self._watch.setInterval(250)
        self._watch.timeout.connect(self._check_source)
        self._no_sound = NoSoundWatch()
        self.description = "microphone"

    @property
    def active(self) -> bool:
        return self._io is not None

    def start(self) -> None:
        if not _permission_granted():
            self._fail(InterviewerError(
                "the microphone permission was denied",
                "allow microphone access in the system settings, or type your answer"))
            return
        self._device = find_microphone(self._wanted)
        if self._device is None:
            self._fail(NO_MIC)
            return
        self.description = self._device.description()
        self._source = QAudioSource(self._device, pcm_format(), self)
        self._source.setBufferSize(BYTES_PER_SECOND // 5)
        self._io = self._source.start()
        if self._io is None or self._source.error() != QtAudio.Error.NoError:
            self._fail(InterviewerError(f"the microphone '{self.description}' could not be opened",
                                        "check it is not used by another program, "
                                        "or type your answer"))
            return
        self._io.readyRead.connect(self._read)
        self._no_sound = NoSoundWatch()  # a refused permission records only silence
        self._watch.start()

    def stop(self) -> None:
        if self._source is None:
            return
        if self._io is not None:
            self._read()
        self._close()
        self.ended.emit()

    def _read(self) -> None:
        if self._io is not None:
            pcm = bytes(self._io.readAll().data())
            self._deliver(pcm)
            heard_before = self._no_sound.heard_sound
            if self._no_sound.feed(pcm):
                self.warning.emit(no_sound_error())
            elif self._no_sound.heard_sound and not heard_before:
                self.warning_over.emit(no_sound_error())  # sound came: any warning is void

    def _close(self) -> None:
        self._watch.stop()
        source, self._source, self._io = self._source, None, None
        if source is not None:
            source.stop()
            source.deleteLater()

    def _fail(self, error: InterviewerError) -> None:
        was_open = self._source is not None
        self._close()
        self.failed.emit(error)
        if was_open:
            self.ended.emit()

    def _check_source(self) -> None:
        if self._no_sound.check():  # nothing at all arrived
            self.warning.emit(no_sound_error())
        if self._source is None or self._source.state() != QtAudio.State.StoppedState:
            return
        if self._source.error() not in (QtAudio.Error.NoError, QtAudio.Error.UnderrunError):
            self._fail(_vanished(self.description))

    def _check_device_still_there(self) -> None:
        if self._device is None or self._source is None:
            return
        if all(d.id() != self._device.id() for d in microphones()):
            self._fail(_vanished(self.description))


def _vanished(name: str) -> InterviewerError:
    return InterviewerError(f"the microphone '{name}' stopped working during the answer",
                            "what was recorded is kept; reconnect it and retry, "
                            "or type the rest of your answer")


def _permission_granted() -> bool:
    """Ask the platform (macOS, Windows) for microphone access; Linux always grants."""
    from PySide6.QtCore import QCoreApplication, Qt

    try:
        from PySide6.QtCore import QMicrophonePermission
    except ImportError:
        return True
    app = QCoreApplication.instance()
    if app is None:
        return True
    status = app.checkPermission(QMicrophonePermission())
    if status == Qt.PermissionStatus.Undetermined:
        app.requestPermission(QMicrophonePermission(), app, lambda *_: None)
        return True
    return status != Qt.PermissionStatus.Denied
