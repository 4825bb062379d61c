"""Installing a Vosk model atomically: it is complete and checked, or nothing changes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from interviewer import paths
from interviewer.speech.archive import Progress, extract_zip
from interviewer.speech.catalog import KNOWN_MODELS, KnownModel
from interviewer.speech.download import download, sha256_of
from interviewer.speech.engines import forget
from interviewer.speech.errors import ModelError
from interviewer.speech.model_files import check_model_dir, display_name, is_vosk_model
from interviewer.speech.models import ACTIVE_FILE, ModelInfo, installed_models, set_active
from interviewer.speech.whisper_install import install_whisper, is_whisper_source
from interviewer.speech.whisper_models import FOLDER as WHISPER_FOLDER
from interviewer.speech.work_folders import WorkFolder, move_into_place, refuse_symlinks

# Names in the models folder that are not models: the chosen model's marker, the
# Whisper models' folder
RESERVED = {ACTIVE_FILE, WHISPER_FOLDER}


def install_model(source: str, sha256: str | None = None, progress: Progress | None = None,
                  activate: bool = True) -> ModelInfo:
    """Install from a known name, an http(s) URL, a local .zip or a folder; make it active."""
    if is_whisper_source(source):  # Whisper models have their own folder and checks
        return install_whisper(source, sha256, progress)  # type: ignore[return-value]
    try:
        root = paths.ensure(paths.models_dir())
        workspace = WorkFolder(root)
    except OSError as exc:
        raise ModelError(f"{paths.models_dir()}: cannot prepare the install "
                         f"({exc.strerror or exc})",
                         "check free disk space and permissions; nothing was changed") from exc
    known = KNOWN_MODELS.get(source)
    work = workspace.path
    try:
        if known or re.match(r"https?://", source, re.I):
            folder = _from_download(known, source, sha256, work, progress)
        else:
            folder = _from_local(Path(source).expanduser(), sha256, work, progress)
        check_model_dir(folder)
        name = _safe_name(folder.name if folder != work / "unpacked" else Path(source).stem)
        target = move_into_place(folder, root / name, work)
    except OSError as exc:
        raise ModelError(f"could not install the model into {root} ({exc.strerror or exc})",
                         "check free disk space and permissions; nothing was changed") from exc
    finally:
        workspace.close()
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
        refuse_symlinks(path)
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
