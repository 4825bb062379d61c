"""Playing the interviewer's voice in the app: Qt multimedia, so stop and progress are free.

Synthesis (`interviewer.voices.tts.synthesize`) makes the WAV off the UI thread; this plays it
without blocking. `finished` means the audio reached its end; `stop()` emits
`stopped` instead, so a practice round knows whether the question was heard out.
"""

from __future__ import annotations

import ctypes
from pathlib import Path

import PySide6
from PySide6.QtCore import QLoggingCategory, QObject, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer

NO_DEVICE = "No audio output device: the question is shown on screen only."
AV_LOG_ERROR = 16  # libavutil/log.h
# Qt's own notes about its FFmpeg backend ("Using Qt multimedia with FFmpeg 7.1...")
QUIET_RULES = "qt.multimedia.ffmpeg.info=false\nqt.multimedia.symbolsresolver*=false"


def _avutil() -> ctypes.CDLL | None:
    """The libavutil that PySide6's FFmpeg media plugin uses (Linux, Windows, macOS names)."""
    base = Path(PySide6.__file__).parent
    for pattern in ("Qt/lib/libavutil.so.*", "avutil-*.dll", "Qt/lib/libavutil.*.dylib"):
        for path in sorted(base.glob(pattern)):
            try:
                return ctypes.CDLL(str(path))
            except OSError:
                continue
    return None


def quiet_qt_multimedia() -> None:
    """Qt's notes on which FFmpeg and PipeWire it found: set before the plugin loads."""
    QLoggingCategory.setFilterRules(QUIET_RULES)


def quiet_ffmpeg() -> None:
    """Keep FFmpeg's "Input #0, wav, from ..." dump off the terminal on every playback.

    Qt's FFmpeg backend leaves FFmpeg's own logger on its default (stderr, info level)
    unless QT_FFMPEG_DEBUG is set; errors still get through.
    """
    lib = _avutil()
    if lib is not None:
        lib.av_log_set_level(ctypes.c_int(AV_LOG_ERROR))


SPAN_TAIL_MS = 300   # a span plays on a little, so its last word is not clipped


class Player(QObject):
    """One WAV at a time; `play` replaces whatever was playing."""

    started = Signal()
    finished = Signal()
    stopped = Signal()
    position_changed = Signal(int)  # milliseconds from the start
    error = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        quiet_qt_multimedia()
        self._output = QAudioOutput(self)
        self._player = QMediaPlayer(self)
        quiet_ffmpeg()  # after the media plugin has set FFmpeg up
        self._player.setAudioOutput(self._output)
        self._active = False
        self._seek: int | None = None    # where a span starts, applied once media is loaded
        self._until: int | None = None   # where a span ends: playback stops there
        self._connect_callbacks()

    def _connect_callbacks(self) -> None:
        self._player.playbackStateChanged.connect(self._on_state)
        self._player.mediaStatusChanged.connect(self._on_status)
        self._player.positionChanged.connect(self._on_position)
        self._player.errorOccurred.connect(self._on_error)

    def play_span(self, path: Path | str, start_s: float, end_s: float) -> bool:
        """Play only the moment start_s..end_s of a recording (a key point's evidence)."""
        started = self.play(path)
        if started:
            self._seek = int(start_s * 1000)
            self._until = int(end_s * 1000) + SPAN_TAIL_MS
            self._player.setPosition(self._seek)
        return started

    def play(self, path: Path | str) -> bool:
        """Start playing; False (and `error`) when there is no device or no file."""
        self._seek = self._until = None
        path = Path(path)
        if not path.is_file():
            self.error.emit(f"Cannot play {path}: the file does not exist.")
            return False
        if not QMediaDevices.audioOutputs():
            self.error.emit(NO_DEVICE)
            return False
        self._active = False
        self._player.stop()
        self._output.setDevice(QMediaDevices.defaultAudioOutput())
        self._player.setSource(QUrl.fromLocalFile(str(path.resolve())))
        self._active = True
        self._player.play()
        return True

    def stop(self) -> None:
        """Cut playback short; emits `stopped` if something was playing."""
        if not self._active:
            return
        self._active = False
        self._player.stop()
        self.stopped.emit()

    def is_playing(self) -> bool:
        """True from `play` until finished, stopped or failed (also while the file opens)."""
        return self._active

    def position(self) -> int:
        return int(self._player.position())

    def duration(self) -> int:
        """Length of the current file in milliseconds (0 until it is known)."""
        return int(self._player.duration())

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        if self._active and state == QMediaPlayer.PlaybackState.PlayingState:
            self.started.emit()

    def _on_position(self, position: int) -> None:
        self.position_changed.emit(int(position))
        if self._until is not None and position >= self._until:
            self.stop()

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if self._seek is not None and status in (QMediaPlayer.MediaStatus.LoadedMedia,
                                                 QMediaPlayer.MediaStatus.BufferedMedia):
            if abs(self._player.position() - self._seek) > 200:
                self._player.setPosition(self._seek)
            self._seek = None
        if self._active and status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._active = False
            self.finished.emit()

    def _on_error(self, _error: QMediaPlayer.Error, message: str) -> None:
        if self._active:
            self._active = False
            self.error.emit(f"Cannot play the question: {message}")
