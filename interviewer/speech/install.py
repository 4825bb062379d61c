"""Installing a Vosk model atomically: it is complete and checked, or nothing changes."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # Windows: stale work folders are found by age instead
    fcntl = None  # type: ignore[assignment]

from interviewer import paths
from interviewer.speech.archive import Progress, extract_zip
from interviewer.speech.catalog import KNOWN_MODELS, KnownModel
from interviewer.speech.download import download, sha256_of
from interviewer.speech.engines import forget
from interviewer.speech.errors import ModelError
from interviewer.speech.model_files import check_model_dir, display_name, is_vosk_model
from interviewer.speech.models import ACTIVE_FILE, ModelInfo, installed_models, set_active

# A work folder with no lock file yet is this young at most while its install is running.
UNLOCKED_GRACE_SECONDS = 60
LOCK_NAME = "lock"
RESERVED = {ACTIVE_FILE, LOCK_NAME}


def install_model(source: str, sha256: str | None = None, progress: Progress | None = None,
                  activate: bool = True) -> ModelInfo:
    """Install from a known name, an http(s) URL, a local .zip or a folder; make it active."""
    from interviewer.speech.whisper_install import install_whisper, is_whisper_source

    if is_whisper_source(source):  # Whisper models have their own folder and checks
        return install_whisper(source, sha256, progress)  # type: ignore[return-value]
    try:
        root = paths.ensure(paths.models_dir())
        _remove_stale(root)
        work = Path(tempfile.mkdtemp(prefix=".install-", dir=root))
    except OSError as exc:
        raise ModelError(f"{paths.models_dir()}: cannot prepare the install "
                         f"({exc.strerror or exc})",
                         "check free disk space and permissions; nothing was changed") from exc
    known = KNOWN_MODELS.get(source)
    lock = _hold(work)
    try:
        if known or re.match(r"https?://", source, re.I):
            folder = _from_download(known, source, sha256, work, progress)
        else:
            folder = _from_local(Path(source).expanduser(), sha256, work, progress)
        check_model_dir(folder)
        name = _safe_name(folder.name if folder != work / "unpacked" else Path(source).stem)
        target = _move_into_place(folder, root / name, work)
    except OSError as exc:
        raise ModelError(f"could not install the model into {root} ({exc.strerror or exc})",
                         "check free disk space and permissions; nothing was changed") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if lock is not None:
            lock.close()
    forget(target)
    if activate:
        set_active(name)
    return next(m for m in installed_models() if m.path == target)


def _from_download(known: KnownModel | None, url: str, sha256: str | None, work: Path,
                   progress: Progress | None) -> Path:
    if known:
        url, sha256 = known.url, known.sha256
    archive = work / "download.zip"
    digest = download(url, archive, progress)
    if known and known.size is not None and archive.stat().st_size != known.size:
        raise ModelError(f"{url}: expected {known.size} bytes, got {archive.stat().st_size}",
                         "nothing was installed; try again")
    _check_digest(url, digest, sha256)
    return _unpack(archive, url, work, progress)


def _from_local(path: Path, sha256: str | None, work: Path, progress: Progress | None) -> Path:
    if path.is_dir():
        check_model_dir(path)
        copy = work / display_name(path)
        shutil.copytree(path, copy, symlinks=False)
        return copy
    if path.is_file():
        if sha256:
            _check_digest(str(path), sha256_of(path), sha256)
        return _unpack(path, str(path), work, progress)
    names = ", ".join(KNOWN_MODELS)
    raise ModelError(f"{path}: no such file, folder or known model",
                     f"give a model name ({names}), an http(s) URL, a .zip or a folder")


def _check_digest(source: str, actual: str, expected: str | None) -> None:
    if expected and actual.lower() != expected.lower():
        raise ModelError(f"{source}: checksum mismatch (SHA-256 {actual[:16]}..., "
                         f"expected {expected[:16]}...)",
                         "the download is damaged or altered; nothing was installed")


def _unpack(archive: Path, source: str, work: Path, progress: Progress | None) -> Path:
    """Extract and find the model folder: at the top of the archive or one level down."""
    unpacked = work / "unpacked"
    unpacked.mkdir()
    extract_zip(archive, unpacked, source, progress)
    if is_vosk_model(unpacked):
        return unpacked
    candidates = [p for p in unpacked.iterdir() if p.is_dir() and is_vosk_model(p)]
    if len(candidates) == 1:
        return candidates[0]
    raise ModelError(f"{source}: the archive holds no Vosk model (no am/, conf/, graph/ folders)",
                     "download a Vosk model from https://alphacephei.com/vosk/models")


def _safe_name(name: str) -> str:
    """A folder name that cannot be a path trick or the models folder's own files
    (`active`, the marker of the chosen model; `.install-*`, work in progress)."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip(".-")
    if cleaned.lower() in RESERVED:
        cleaned = f"{cleaned}-model"
    return cleaned or "vosk-model"


def _move_into_place(folder: Path, target: Path, work: Path) -> Path:
    """Renames on one file system are atomic: the old model stays until the new one is in."""
    old = work / "previous"
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(folder, target)
    except OSError:
        if old.exists():
            os.replace(old, target)
        raise
    return target


def _hold(work: Path) -> IO[bytes] | None:
    """Lock the work folder for as long as this install runs: a folder whose lock nobody
    holds belongs to an install that was killed, and the next install removes it."""
    try:
        handle = open(work / LOCK_NAME, "wb")  # noqa: SIM115 (held until the install ends)
    except OSError:
        return None
    if fcntl is not None:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return handle


def _abandoned(folder: Path) -> bool:
    """True when no running install holds this work folder."""
    lock = folder / LOCK_NAME
    if fcntl is None or not lock.is_file():
        # no lock to ask (Windows, or killed before it was made): go by age
        return time.time() - folder.stat().st_mtime > UNLOCKED_GRACE_SECONDS
    with open(lock, "rb") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # a running install holds it
        fcntl.flock(handle, fcntl.LOCK_UN)
        return True


def _remove_stale(root: Path) -> None:
    """Work folders of installs that were killed (hundreds of MB each) go at once."""
    for leftover in root.glob(".install-*"):
        try:
            if leftover.is_dir() and _abandoned(leftover):
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            continue
