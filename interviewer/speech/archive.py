"""Unpacking a model archive without letting it write outside the folder we give it."""

from __future__ import annotations

import shutil
import stat
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from interviewer.speech.errors import ModelError

Progress = Callable[[str, int, int | None], None]

# The biggest Vosk model unpacks to about 2.7 GB. Model files barely compress (ratio
# under 3); a zip bomb's ratio is in the hundreds.
MAX_UNPACKED = 8 * 1024**3
MAX_RATIO = 20
MAX_ENTRIES = 20_000


def unsafe_reason(info: zipfile.ZipInfo) -> str:
    """Why an entry may not be extracted, or '' if it is safe."""
    name = info.filename.replace("\\", "/")
    parts = PurePosixPath(name).parts
    if name.startswith("/") or (parts and parts[0].endswith(":")):
        return "an absolute path"
    if ".." in parts:
        return "a '..' path"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "a symbolic link"
    return ""


def check_archive(archive: zipfile.ZipFile, source: str, packed_bytes: int = 0,
                  max_unpacked: int = MAX_UNPACKED) -> None:
    """Check every entry before writing anything: a bad archive installs nothing.

    The sizes checked are the ones the entries declare; the zip reader never returns more
    than that (and fails on a mismatch), so they bound what unpacking writes.
    """
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise _refused(source, f"{len(entries)} entries (a model has a few hundred)")
    for info in entries:
        reason = unsafe_reason(info)
        if reason:
            raise _refused(source, f"{reason} ({info.filename})")
    unpacked = sum(info.file_size for info in entries)
    if unpacked > max_unpacked:
        raise _refused(source, f"{unpacked // 1024**2} MB of files (at most "
                               f"{max_unpacked // 1024**2} MB)")
    if packed_bytes and unpacked > MAX_RATIO * max(packed_bytes, 1024**2):
        raise _refused(source, f"{unpacked // 1024**2} MB of files packed into "
                               f"{max(packed_bytes // 1024**2, 1)} MB: a zip bomb, not a model")


def _refused(source: str, what: str) -> ModelError:
    return ModelError(f"{source}: the archive has {what}; refusing to unpack it",
                      "download the model from its official page and try again")


def check_room(target: Path, needed: int, source: str) -> None:
    """Refuse before unpacking when the disk cannot hold it: a half-unpacked model helps
    no one and fills the disk for everything else."""
    try:
        free = shutil.disk_usage(target).free
    except OSError:
        return
    if needed > free:
        raise ModelError(f"{source}: unpacking needs {needed // 1024**2} MB but only "
                         f"{free // 1024**2} MB is free", "free some disk space and try again")


def extract_zip(path: Path, target: Path, source: str, progress: Progress | None = None) -> None:
    """Extract `path` into the empty folder `target`, entry by entry, after checking them all."""
    try:
        with zipfile.ZipFile(path) as archive:
            check_archive(archive, source, path.stat().st_size)
            entries = archive.infolist()
            check_room(target, sum(info.file_size for info in entries), source)
            for done, info in enumerate(entries, 1):
                parts = PurePosixPath(info.filename.replace("\\", "/")).parts
                out = target.joinpath(*parts)
                if info.is_dir():
                    out.mkdir(parents=True, exist_ok=True)
                else:
                    out.parent.mkdir(parents=True, exist_ok=True)
                    with archive.open(info) as src, open(out, "wb") as dst:
                        shutil.copyfileobj(src, dst, 1 << 20)
                if progress:
                    progress("unpack", done, len(entries))
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise ModelError(
            f"{source}: not a valid zip archive ({exc})",
            "the file may be incomplete; download it again",
        ) from exc
