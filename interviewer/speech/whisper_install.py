"""Installing a Whisper model (CTranslate2 format) atomically, with its weights' digest.

Sources: a name (tiny.en, base.en, small.en) fetched by faster-whisper's own download,
which needs a network; a model folder; a .zip of one. The model is copied into a hidden
folder under models/whisper, checked, its model.bin digest recorded in a manifest the
loader verifies on every start, then renamed into place in one step.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from interviewer import paths
from interviewer.speech.archive import Progress, extract_zip
from interviewer.speech.catalog import WHISPER_NAMES
from interviewer.speech.engines import forget
from interviewer.speech.errors import ModelError
from interviewer.speech.load_check import verify_loads
from interviewer.speech.whisper_models import (
    MANIFEST,
    NEEDED,
    WhisperModelInfo,
    check,
    file_digest,
    installed,
    is_whisper_model,
    root,
)
from interviewer.speech.work_folders import WorkFolder, move_into_place, refuse_symlinks


def is_whisper_source(source: str) -> bool:
    """A Whisper name, a folder holding model.bin and config.json, or a zip holding them."""
    if source in WHISPER_NAMES:
        return True
    path = Path(source).expanduser()
    if path.is_dir():
        return is_whisper_model(path)
    if path.is_file() and zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                return any(Path(n).name == "model.bin" for n in archive.namelist())
        except (OSError, zipfile.BadZipFile):
            return False
    return False


def install_whisper(source: str, sha256: str | None = None,
                    progress: Progress | None = None) -> WhisperModelInfo:
    """Install and check; on any failure nothing under models/whisper changes."""
    base = paths.ensure(root())
    workspace = WorkFolder(base)  # locked while it runs; a killed install's is removed
    work = workspace.path
    try:
        if source in WHISPER_NAMES:
            folder, name = _download(source, work), source
        else:
            folder, name = _local(Path(source).expanduser(), work, progress)
        _recorded(folder, name, sha256, progress)
        verify_loads("whisper", folder, name)  # before it can become the one every start uses
        target = base / name
        move_into_place(folder, target, work)
    except OSError as exc:
        raise ModelError(f"could not install the Whisper model into {base} "
                         f"({exc.strerror or exc})",
                         "check free disk space and permissions; nothing was changed") from exc
    finally:
        workspace.close()
    forget(target)
    return next(m for m in installed() if m.path == target)


def _download(name: str, work: Path) -> Path:
    """faster-whisper fetches the files; without a network that fails, said plainly."""
    from faster_whisper import download_model

    folder = work / name
    try:
        download_model(name, output_dir=str(folder))
    except Exception as exc:  # noqa: BLE001 - hub errors come in many classes
        raise ModelError(f"could not download Whisper {name} ({type(exc).__name__})",
                         "this needs an internet connection; or install from a folder or "
                         ".zip: interviewer model install PATH") from exc
    return folder


def _local(path: Path, work: Path, progress: Progress | None) -> tuple[Path, str]:
    if path.is_dir():
        refuse_symlinks(path)
        folder = work / "copy"
        files = [p for p in path.iterdir() if p.is_file()]
        folder.mkdir()
        for done, file in enumerate(files, 1):
            shutil.copyfile(file, folder / file.name)
            if progress:
                progress("unpack", done, len(files))
        return folder, _name(path.name)
    if path.is_file():
        unpacked = work / "unpacked"
        unpacked.mkdir()
        extract_zip(path, unpacked, str(path), progress)
        found = [p.parent for p in unpacked.rglob("model.bin")]
        if len(found) != 1:
            raise ModelError(f"{path}: the archive holds no single Whisper model "
                             f"({', '.join(NEEDED)})", "give a zip of one model folder")
        return found[0], _name(found[0].name if found[0] != unpacked else path.stem)
    raise ModelError(f"{path}: no such file, folder or Whisper model name",
                     f"give a name ({', '.join(WHISPER_NAMES)}), a model folder or a .zip")


def _name(raw: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "._-" else "-" for c in raw).strip(".-")
    cleaned = cleaned.removeprefix("faster-whisper-")
    return cleaned or "whisper-model"


def _recorded(folder: Path, name: str, sha256: str | None,
              progress: Progress | None) -> WhisperModelInfo:
    """Check the files, compare the digest when one was given, write the manifest."""
    if progress:
        progress("check", 0, 1)
    digest = file_digest(folder / "model.bin") if (folder / "model.bin").is_file() else ""
    model = WhisperModelInfo(name, folder, "installed", digest)
    check(model)
    if sha256 and digest != sha256.lower():
        raise ModelError(f"{name}: checksum mismatch (SHA-256 {digest[:16]}..., expected "
                         f"{sha256[:16]}...)", "the model is damaged or altered; nothing "
                         "was installed")
    (folder / MANIFEST).write_text(json.dumps({"name": name, "sha256": digest}),
                                   encoding="utf-8")
    return model

