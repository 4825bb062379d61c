"""Downloading a model archive: progress as it goes, and refusing short or altered files."""

from __future__ import annotations

import hashlib
import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from interviewer.speech.archive import Progress
from interviewer.speech.errors import ModelError

CHUNK = 1 << 20
TIMEOUT_SECONDS = 60
# The biggest Vosk model is 1.8 GB; a download past this is not a model.
MAX_BYTES = 4 * 1024**3
# A server that trickles (one byte every 20 s never trips the socket timeout) is given up
# when less than MIN_BYTES_PER_WINDOW arrived in the last STALL_SECONDS.
STALL_SECONDS = 60.0
MIN_BYTES_PER_WINDOW = 64 * 1024


def download(url: str, target: Path, progress: Progress | None = None,
             max_bytes: int = MAX_BYTES, stall_seconds: float = STALL_SECONDS,
             min_bytes: int = MIN_BYTES_PER_WINDOW) -> str:
    """Write `url` to `target`; return its SHA-256. A short body is an error, never a model;
    so is one longer than `max_bytes`, or a server slower than `min_bytes` per window."""
    digest = hashlib.sha256()
    received = 0
    total: int | None = None
    try:
        with urllib.request.urlopen(url, timeout=min(TIMEOUT_SECONDS, stall_seconds)) \
                as response, open(target, "wb") as out:
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            if total is not None and total > max_bytes:
                raise _too_big(url, total, max_bytes)
            window = _Window(url, stall_seconds, min_bytes)
            while chunk := response.read1(CHUNK):  # what has arrived: a trickle is seen
                received += len(chunk)
                if received > max_bytes:
                    raise _too_big(url, received, max_bytes)
                out.write(chunk)
                digest.update(chunk)
                window.arrived(received)
                if progress:
                    progress("download", received, total)
    except http.client.IncompleteRead as exc:
        raise _truncated(url, received + len(exc.partial), total) from exc
    except ModelError:
        raise
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc  # ValueError: "http://[::1" and the like
        if isinstance(reason, socket.gaierror):  # the name could not be looked up: offline
            raise ModelError(f"cannot reach {urllib.parse.urlsplit(url).hostname or url}: "
                             "this computer seems to have no network connection",
                             "connect and try again, or copy the model's .zip from another "
                             "computer and use Install from a file…") from exc
        raise ModelError(f"{url}: download failed ({reason})",
                         "check the address and the network, then try again") from exc
    if total is not None and received != total:
        raise _truncated(url, received, total)
    return digest.hexdigest()


class _Window:
    """Gives up on a server that sends too little for too long (a trickle or a stall)."""

    def __init__(self, url: str, seconds: float, min_bytes: int) -> None:
        self.url, self.seconds, self.min_bytes = url, seconds, min_bytes
        self.start, self.at_start = time.monotonic(), 0

    def arrived(self, received: int) -> None:
        now = time.monotonic()
        if now - self.start < self.seconds:
            return
        if received - self.at_start < self.min_bytes:
            raise ModelError(f"{self.url}: the server is too slow ({received - self.at_start} "
                             f"bytes in {now - self.start:.0f} s); gave up",
                             "try again later, or download the file another way and install "
                             "it from the file")
        self.start, self.at_start = now, received


def _too_big(url: str, size: int, limit: int) -> ModelError:
    return ModelError(f"{url}: the download is larger than {limit // 1024**2} MB "
                      f"({size // 1024**2} MB so far); not a model, stopped",
                      "check the address; nothing was installed")


def _truncated(url: str, received: int, total: int | None) -> ModelError:
    of = f" of {total}" if total is not None else ""
    return ModelError(f"{url}: download was cut short ({received} bytes{of})",
                      "nothing was installed; try again")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
