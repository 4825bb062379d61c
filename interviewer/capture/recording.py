"""Saving an answer to disk as it is spoken: an app crash loses none of it, a power cut a second."""

from __future__ import annotations

import os
import re
import struct
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from interviewer.speech.audio import SAMPLE_RATE, read_pcm, whole_samples
from interviewer.speech.errors import AudioError

if TYPE_CHECKING:
    from interviewer.banks import Library, Question

HEADER_BYTES = 44
HEADER_FORMAT = "<4sI4s4sIHHIIHH4sI"  # RIFF, size, WAVE, fmt, 16, PCM, ..., data, size
SAMPLE_WIDTH = 2


def wav_header(data_bytes: int, rate: int = SAMPLE_RATE, channels: int = 1) -> bytes:
    """A canonical 44-byte PCM WAV header for `data_bytes` of 16-bit samples."""
    block = channels * SAMPLE_WIDTH
    return struct.pack(
        HEADER_FORMAT,
        b"RIFF", 36 + data_bytes, b"WAVE",
        b"fmt ", 16, 1, channels, rate, rate * block, block, 8 * SAMPLE_WIDTH,
        b"data", data_bytes,
    )


class RecordingWriter:
    """A WAV file that is valid at every moment: the header is rewritten about once a second.

    Audio goes straight to the operating system (no buffer in this process), so if the
    app dies every sample written is in the file. The header lags by up to a second;
    plain readers stop there, and `repair_header` counts the rest back in.
    """

    def __init__(self, path: str | Path, rate: int = SAMPLE_RATE, channels: int = 1) -> None:
        self.path = Path(path)
        self._rate, self._channels = rate, channels
        self._flush_every = rate * channels * SAMPLE_WIDTH
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # "x": never overwrite an earlier recording; it may be the only copy of an answer.
            self._file = open(self.path, "xb", buffering=0)  # noqa: SIM115 (see close())
        except FileExistsError as exc:
            raise AudioError(f"{self.path}: a recording with this name already exists",
                             "choose another file name") from exc
        except OSError as exc:
            raise AudioError(f"{self.path}: cannot create the recording ({exc.strerror})",
                             "check free disk space and permissions") from exc
        self._data_bytes = 0
        self._since_header = 0
        self._odd = b""
        self._write_all(wav_header(0, rate, channels))

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
        pcm, self._odd = whole_samples(self._odd, pcm)
        self._write_all(pcm)
        self._data_bytes += len(pcm)
        self._since_header += len(pcm)
        if self._since_header >= self._flush_every:
            self._rewrite_header()

    def _write_all(self, data: bytes) -> None:
        """An unbuffered write may take only part of the bytes; finish it."""
        view = memoryview(data)
        while view:
            view = view[self._file.write(view):]

    def _rewrite_header(self) -> None:
        """Data reaches the disk before the header that counts it."""
        os.fsync(self._file.fileno())
        self._file.seek(0)
        self._write_all(wav_header(self._data_bytes, self._rate, self._channels))
        self._file.seek(0, os.SEEK_END)
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


_STAMP = re.compile(r"--\d{8}-\d{6}-\d{3,6}$")


def recording_name(question: Question, now: float | None = None) -> str:
    """`<bank>--<slug>--<time>.wav`: the file itself says which question it answers,
    so a recording a crash left behind can be scored on the right question later."""
    now = time.time() if now is None else now
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    return f"{question.bank_id}--{question.slug}--{stamp}-{int(now * 1000) % 1000:03d}.wav"


def question_for_recording(library: Library, path: Path) -> Question | None:
    """The question a recording named by `recording_name` answers, or None if unknown."""
    stem = _STAMP.sub("", Path(path).stem)
    if stem == Path(path).stem:
        return None
    for bank in library.banks:
        prefix = f"{bank.id}--"
        if stem.startswith(prefix):
            question = bank.question(stem[len(prefix):])
            if question is not None:
                return question
    return None


def repair_header(path: Path) -> bool:
    """Make a recording's header count every whole sample in the file; True if it changed.

    After a crash the header lags up to a second behind the audio (see RecordingWriter).
    Only files in the writer's own format are touched; anything else is left as it is.
    """
    path = Path(path)
    with open(path, "r+b") as file:
        header = file.read(HEADER_BYTES)
        if len(header) < HEADER_BYTES:
            return False
        fields = struct.unpack(HEADER_FORMAT, header)
        rate, channels, bits = fields[7], fields[6], fields[10]
        if (fields[0], fields[2], fields[3], fields[5], bits, fields[11]) != (
                b"RIFF", b"WAVE", b"fmt ", 1, 8 * SAMPLE_WIDTH, b"data"):
            return False
        file.seek(0, os.SEEK_END)
        block = channels * SAMPLE_WIDTH
        data = (file.tell() - HEADER_BYTES) // block * block
        if data == fields[12]:
            return False
        file.seek(0)
        file.write(wav_header(data, rate, channels))
        file.flush()
        os.fsync(file.fileno())
    return True


def read_repaired(path: Path) -> bytes:
    """A recording a crash cut short, read whole: its header is repaired first, so the
    last second the header had not yet counted is heard too (16 kHz mono PCM)."""
    try:
        repair_header(path)
    except OSError as exc:
        raise AudioError(f"{path}: cannot repair the recording ({exc.strerror})",
                         "check the file's permissions, then try again") from exc
    return read_pcm(path)
