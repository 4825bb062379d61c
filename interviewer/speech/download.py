"""Downloading a model archive: progress as it goes, and refusing short or altered files."""

from __future__ import annotations

import hashlib
import http.client
import urllib.error
import urllib.request
from pathlib import Path

from interviewer.speech.archive import Progress
from interviewer.speech.errors import ModelError

CHUNK = 1 << 20
TIMEOUT_SECONDS = 60


def download(url: str, target: Path, progress: Progress | None = None) -> str:
    """Write `url` to `target`; return its SHA-256. A short body is an error, never a model."""
    digest = hashlib.sha256()
    received = 0
    total: int | None = None
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response, \
                open(target, "wb") as out:
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            while chunk := response.read(CHUNK):
                out.write(chunk)
                digest.update(chunk)
                received += len(chunk)
                if progress:
                    progress("download", received, total)
    except http.client.IncompleteRead as exc:
        raise _truncated(url, received + len(exc.partial), total) from exc
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise ModelError(f"{url}: download failed ({reason})",
                         "check the address and the network, then try again") from exc
    if total is not None and received != total:
        raise _truncated(url, received, total)
    return digest.hexdigest()


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
