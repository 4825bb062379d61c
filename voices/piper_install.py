"""Installing a Piper voice: checked, complete and in place, or nothing changes.

From a file (`NAME.onnx` with `NAME.onnx.json` next to it) or by name from the
piper-voices catalogue (needs a network). Files are gathered in a work folder beside
the voices, checked (size and MD5 from the catalogue, an optional SHA-256, and a trial
sentence through Piper), and the voice's folder is renamed into place in one step.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from interviewer import paths
from interviewer.errors import InterviewerError
from interviewer.speech.download import download, sha256_of
from interviewer.voices.piper_voices import (
    PiperVoiceFiles,
    VoiceFileError,
    config_for,
    installed_dir,
    read_voice,
)

Progress = Callable[[str, int, int | None], None]
CATALOGUE_ENV = "INTERVIEWER_PIPER_VOICES_URL"
CATALOGUE_URL = "https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0"
VOICE_NAME = re.compile(r"^[a-z]{2,3}_[A-Z]{2}-[A-Za-z0-9_]+-(x_low|low|medium|high)$")
CHUNK = 1 << 20


class VoiceInstallError(InterviewerError):
    """A voice could not be installed; nothing was changed."""


def catalogue_url() -> str:
    return os.environ.get(CATALOGUE_ENV, CATALOGUE_URL).rstrip("/")


def install_voice(source: str, sha256: str | None = None,
                  progress: Progress | None = None) -> PiperVoiceFiles:
    """Install from a .onnx file or a catalogue name; the installed voice."""
    root = paths.ensure(installed_dir())
    work = Path(tempfile.mkdtemp(prefix=".install-", dir=root))
    try:
        path = Path(source).expanduser()
        if source.lower().endswith(".onnx") or path.exists():
            model = _from_file(path, work, progress)
        elif VOICE_NAME.match(source):
            model = _from_catalogue(source, work, progress)
        else:
            raise VoiceInstallError(f"{source}: no such .onnx file, and not a Piper voice name",
                                    "give FILE.onnx (its .onnx.json next to it) or a name "
                                    "such as en_GB-alan-medium")
        _check_digest(source, model, sha256)
        voice = _trial(model)
        return _move_into_place(work, voice, root / voice.id)
    except OSError as exc:
        raise VoiceInstallError(f"could not install the voice into {root} "
                                f"({exc.strerror or exc})",
                                "check free disk space and permissions; nothing was changed"
                                ) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _safe_id(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip(".-") or "piper-voice"


def _copy(source: Path, target: Path, progress: Progress | None) -> None:
    total = source.stat().st_size
    done = 0
    with open(source, "rb") as src, open(target, "wb") as out:
        while chunk := src.read(CHUNK):
            out.write(chunk)
            done += len(chunk)
            if progress:
                progress("copy", done, total)


def _from_file(model: Path, work: Path, progress: Progress | None) -> Path:
    if not model.name.endswith(".onnx"):
        raise VoiceInstallError(f"{model}: not a .onnx voice model", "give NAME.onnx")
    if not model.is_file():
        raise VoiceInstallError(f"{model}: no such file", "check the path")
    config = config_for(model)
    if not config.is_file():
        raise VoiceInstallError(f"{config}: missing; a Piper voice comes as two files",
                                f"put {config.name} next to {model.name} and try again")
    folder = work / "voice"
    folder.mkdir()
    stem = _safe_id(model.name[: -len(".onnx")])
    target = folder / f"{stem}.onnx"
    _copy(model, target, progress)
    shutil.copyfile(config, config_for(target))
    return target


def _catalogue_entry(name: str, work: Path) -> dict:
    listing = work / "voices.json"
    download(f"{catalogue_url()}/voices.json", listing)
    try:
        entry = json.loads(listing.read_text(encoding="utf-8")).get(name)
    except (UnicodeDecodeError, json.JSONDecodeError, AttributeError) as exc:
        raise VoiceInstallError(f"{catalogue_url()}/voices.json: not a voice catalogue",
                                "try again later; nothing was installed") from exc
    if not isinstance(entry, dict) or not isinstance(entry.get("files"), dict):
        raise VoiceInstallError(f"no Piper voice named '{name}' in the catalogue",
                                "check the spelling, e.g. en_GB-alan-medium")
    return entry


def _from_catalogue(name: str, work: Path, progress: Progress | None) -> Path:
    """Download the model and config the catalogue lists, checking each size and MD5."""
    files = _catalogue_entry(name, work)["files"]
    folder = work / "voice"
    folder.mkdir()
    model = folder / f"{name}.onnx"
    for suffix, target in ((".onnx", model), (".onnx.json", config_for(model))):
        remote = next((p for p in files if p.endswith(f"{name}{suffix}")), None)
        if remote is None:
            raise VoiceInstallError(f"the catalogue lists no {name}{suffix}",
                                    "nothing was installed; try another voice")
        url = f"{catalogue_url()}/{remote}"
        download(url, target, progress if suffix == ".onnx" else None)
        _check_listed(url, target, files[remote])
    return model


def _check_listed(url: str, path: Path, listed: dict) -> None:
    size, md5 = listed.get("size_bytes"), listed.get("md5_digest")
    if size is not None and path.stat().st_size != size:
        raise VoiceInstallError(f"{url}: {path.stat().st_size} bytes, the catalogue says {size}",
                                "the download is damaged; nothing was installed, try again")
    if md5:
        actual = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
        if actual != str(md5).lower():
            raise VoiceInstallError(f"{url}: checksum mismatch (MD5 {actual[:12]}..., the "
                                    f"catalogue says {str(md5)[:12]}...)",
                                    "the download is damaged or altered; nothing was installed")


def _check_digest(source: str, model: Path, expected: str | None) -> None:
    if expected and sha256_of(model) != expected.strip().lower():
        raise VoiceInstallError(f"{source}: checksum mismatch (SHA-256 is not {expected[:16]}...)",
                                "the file is damaged or altered; nothing was installed")


def _trial(model: Path) -> PiperVoiceFiles:
    """Read the config and speak one word, so a broken voice is refused now, not mid-round."""
    try:
        voice = read_voice(model)
    except VoiceFileError as exc:
        raise VoiceInstallError(str(exc), "nothing was installed") from exc
    try:
        import piper
    except ImportError:
        return voice  # checked as far as possible; Piper speaks it once installed
    try:
        loaded = piper.PiperVoice.load(voice.model, voice.config)
        if not any(c.audio_int16_bytes for c in loaded.synthesize("Hello.")):
            raise ValueError("it made no sound")
    except Exception as exc:  # onnxruntime raises its own types for a bad model
        raise VoiceInstallError(f"{model.name}: Piper cannot speak with this voice "
                                f"({type(exc).__name__}: {str(exc)[:200]})",
                                "check that the .onnx and .onnx.json belong together; "
                                "nothing was installed") from exc
    return voice


def _move_into_place(work: Path, voice: PiperVoiceFiles, target: Path) -> PiperVoiceFiles:
    """Rename the whole folder in: the previous version stays until the new one is there."""
    old = work / "previous"
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(voice.model.parent, target)
    except OSError:
        if old.exists():
            os.replace(old, target)
        raise
    return read_voice(target / voice.model.name)
