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


def check_archive(archive: zipfile.ZipFile, source: str) -> None:
    """Check every entry before writing anything: a bad archive installs nothing."""
    for info in archive.infolist():
        reason = unsafe_reason(info)
        if reason:
            raise ModelError(
                f"{source}: the archive has {reason} ({info.filename}); refusing to unpack it",
                "download the model from its official page and try again",
            )


def extract_zip(path: Path, target: Path, source: str, progress: Progress | None = None) -> None:
    """Extract `path` into the empty folder `target`, entry by entry, after checking them all."""
    try:
        with zipfile.ZipFile(path) as archive:
            check_archive(archive, source)
            entries = archive.infolist()
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
