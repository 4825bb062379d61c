"""Saving an answer to disk as it is spoken, so a crash loses at most about a second."""

from __future__ import annotations

import os
import struct
from pathlib import Path
from types import TracebackType

from interviewer.speech.audio import SAMPLE_RATE
from interviewer.speech.errors import AudioError

HEADER_BYTES = 44
SAMPLE_WIDTH = 2


def wav_header(data_bytes: int, rate: int = SAMPLE_RATE, channels: int = 1) -> bytes:
    """A canonical 44-byte PCM WAV header for `data_bytes` of 16-bit samples."""
    block = channels * SAMPLE_WIDTH
    return struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF", 36 + data_bytes, b"WAVE",
        b"fmt ", 16, 1, channels, rate, rate * block, block, 8 * SAMPLE_WIDTH,
        b"data", data_bytes,
    )


class RecordingWriter:
    """A WAV file that is valid at every moment: the header is rewritten about once a second.

    Between rewrites the header counts slightly fewer samples than the file holds; readers
    then stop at the last rewrite, which is the most a crash can lose.
    """

    def __init__(self, path: str | Path, rate: int = SAMPLE_RATE, channels: int = 1) -> None:
        self.path = Path(path)
        self._rate, self._channels = rate, channels
        self._flush_every = rate * channels * SAMPLE_WIDTH
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # "x": never overwrite an earlier recording; it may be the only copy of an answer.
            self._file = open(self.path, "xb")  # noqa: SIM115 (closed in close())
        except FileExistsError as exc:
            raise AudioError(f"{self.path}: a recording with this name already exists",
                             "choose another file name") from exc
        except OSError as exc:
            raise AudioError(f"{self.path}: cannot create the recording ({exc.strerror})",
                             "check free disk space and permissions") from exc
        self._data_bytes = 0
        self._since_header = 0
        self._odd = b""
        self._file.write(wav_header(0, rate, channels))
        self._file.flush()

    @property
    def seconds(self) -> float:
        return self._data_bytes / (self._rate * self._channels * SAMPLE_WIDTH)

    @property
    def closed(self) -> bool:
        return self._file.closed

    def write(self, pcm: bytes) -> None:
        """Append 16-bit PCM; a sample split across two calls is joined, never torn."""
        if self._file.closed:
            raise ValueError("write to a closed RecordingWriter")
        pcm = self._odd + pcm
        cut = len(pcm) // SAMPLE_WIDTH * SAMPLE_WIDTH
        pcm, self._odd = pcm[:cut], pcm[cut:]
        self._file.write(pcm)
        self._data_bytes += len(pcm)
        self._since_header += len(pcm)
        if self._since_header >= self._flush_every:
            self._rewrite_header()

    def _rewrite_header(self) -> None:
        """Data reaches the disk before the header that counts it."""
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.seek(0)
        self._file.write(wav_header(self._data_bytes, self._rate, self._channels))
        self._file.seek(0, os.SEEK_END)
        self._file.flush()
        self._since_header = 0

    def close(self) -> None:
        """Write the final header; closing twice is harmless."""
        if self._file.closed:
            return
        try:
            self._rewrite_header()
            os.fsync(self._file.fileno())
        finally:
            self._file.close()

    def __enter__(self) -> RecordingWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
