#!/usr/bin/env python3
"""Check that interviewer's runtime dependencies install on every supported platform.

For each platform pip resolves the dependencies in pyproject.toml as a dry run, wheels
only, for that platform's wheel tags and Python version: nothing is downloaded past the
metadata, nothing is installed. pip's --platform only chooses wheels; it still evaluates
environment markers (`sys_platform == "darwin"`) for the machine it runs on. So pip runs
in a child process whose marker environment is the target's, and a Mac-only pin or
pyttsx3's Windows-only dependencies resolve as they would on that machine.

Usage: python scripts/resolve_platforms.py [--python 3.12] [--report-dir DIR] [TARGET ...]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Pure-Python packages that PyPI has only as source (vosk needs srt). pip builds them on
# the user's machine with no compiler; here each is built once into a py3-none-any wheel
# so the wheels-only resolution can include it.
SOURCE_ONLY = ("srt",)

# Packages that a platform compiles from source because PyPI has no wheel for it; they are
# left out of that platform's wheels-only resolution (their own dependencies are already
# top-level ones). pocketsphinx 5.0-5.1.1 has aarch64 Linux wheels for CPython 3.11 and
# 3.13 but none for 3.12: there pip builds it, with a C compiler and the Python headers
# (scripts/system-deps.sh installs both on such a machine; CMake comes from PyPI).
SOURCE_BUILDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("linux_aarch64", "3.12"): ("pocketsphinx",),
}

# glibc of Debian 12 (2.36): the oldest Linux the quick start is checked against.
_GLIBC_MINORS = range(17, 37)


def _linux_tags(arch: str) -> tuple[str, ...]:
    manylinux = tuple(f"manylinux_2_{minor}_{arch}" for minor in _GLIBC_MINORS)
    return (*manylinux, f"manylinux2014_{arch}", f"linux_{arch}")


@dataclass(frozen=True)
class Target:
    """A platform as pip sees it: wheel tags plus the values its markers read."""

    tags: tuple[str, ...]
    system: str  # platform.system()
    machine: str  # platform.machine()
    release: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def markers(self, python: str) -> dict[str, str]:
        """PEP 508 marker environment of this platform running CPython `python`."""
        sys_platform = {"Windows": "win32", "Darwin": "darwin", "Linux": "linux"}[self.system]
        return {
            "implementation_name": "cpython",
            "implementation_version": f"{python}.0",
            "os_name": "nt" if self.system == "Windows" else "posix",
            "platform_machine": self.machine,
            "platform_release": self.release,
            "platform_system": self.system,
            "platform_version": "",
            "python_full_version": f"{python}.0",
            "platform_python_implementation": "CPython",
            "python_version": python,
            "sys_platform": sys_platform,
        }


TARGETS: dict[str, Target] = {
    "win_amd64": Target(("win_amd64",), "Windows", "AMD64", "10"),
    # Darwin 23 is macOS 14 (Sonoma), Darwin 22 is macOS 13 (Ventura).
    "macosx_14_0_arm64": Target(("macosx_14_0_arm64",), "Darwin", "arm64", "23.0.0"),
    "macosx_13_0_x86_64": Target(("macosx_13_0_x86_64",), "Darwin", "x86_64", "22.0.0"),
    "linux_x86_64": Target(_linux_tags("x86_64"), "Linux", "x86_64", "6.1.0"),
    "linux_aarch64": Target(_linux_tags("aarch64"), "Linux", "aarch64", "6.1.0"),
}

# Run pip with the target's marker environment (argv[1] is it, as JSON).
_PIP_WITH_MARKERS = """
import json, sys
from pip._vendor.packaging import markers
target_env = json.loads(sys.argv[1])
markers.default_environment = lambda: dict(target_env)
from pip._internal.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


def runtime_requirements(pyproject: Path = REPO / "pyproject.toml") -> list[str]:
    """The [project] dependencies, markers and all."""
    with pyproject.open("rb") as f:
        return list(tomllib.load(f)["project"]["dependencies"])


def build_source_only(wheel_dir: Path) -> list[Path]:
    """Universal wheels of SOURCE_ONLY; an error if one of them needs a compiler."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir),
         *SOURCE_ONLY],
        check=True, capture_output=True, text=True,
    )
    wheels = sorted(wheel_dir.glob("*.whl"))
    for wheel in wheels:
        if not wheel.name.endswith("-py3-none-any.whl"):
            raise RuntimeError(f"{wheel.name} is not pure Python: users would need a compiler")
    return wheels


@dataclass
class Resolution:
    target: str
    python: str
    ok: bool
    installs: dict[str, str]  # normalised name -> version
    urls: dict[str, str]  # normalised name -> file pip would fetch
    error: str


def resolve(name: str, python: str, wheel_dir: Path, requirements: list[str] | None = None,
            ) -> Resolution:
    """Dry-run `pip install` of the requirements for target `name` and Python `python`."""
    target = TARGETS[name]
    reqs = runtime_requirements() if requirements is None else requirements
    compiled = SOURCE_BUILDS.get((name, python), ())
    reqs = [r for r in reqs if _normal(_project(r)) not in compiled]
    with tempfile.TemporaryDirectory(prefix="resolve-") as tmp:
        req_file = Path(tmp) / "requirements.txt"
        req_file.write_text("\n".join(reqs) + "\n", encoding="utf-8")
        report = Path(tmp) / "report.json"
        platforms = [arg for tag in target.tags for arg in ("--platform", tag)]
        command = [
            sys.executable, "-c", _PIP_WITH_MARKERS, json.dumps(target.markers(python)),
            "install", "--dry-run", "--ignore-installed", "--only-binary=:all:",
            *platforms, "--python-version", python, "--implementation", "cp",
            "--target", str(Path(tmp) / "target"), "--find-links", str(wheel_dir),
            "--report", str(report), "--quiet", "-r", str(req_file),
        ]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0 or not report.exists():
            errors = [line for line in done.stderr.splitlines() if "ERROR" in line]
            return Resolution(name, python, False, {}, {}, "\n".join(errors) or done.stderr)
        items = json.loads(report.read_text(encoding="utf-8"))["install"]
    installs = {_normal(i["metadata"]["name"]): i["metadata"]["version"] for i in items}
    urls = {_normal(i["metadata"]["name"]): i["download_info"]["url"] for i in items}
    return Resolution(name, python, True, installs, urls, "")


def _project(requirement: str) -> str:
    """The project name at the start of a PEP 508 requirement."""
    return re.split(r"[\s\[<>=!~;(@]", requirement.strip(), maxsplit=1)[0]


def _normal(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", metavar="TARGET",
                        help=f"default: all of {', '.join(TARGETS)}")
    parser.add_argument("--python", action="append",
                        help="Python version (repeatable; default 3.11, 3.12 and 3.13)")
    args = parser.parse_args(argv)
    unknown = set(args.targets) - set(TARGETS)
    if unknown:
        parser.error(f"unknown target {', '.join(sorted(unknown))}; pick from {', '.join(TARGETS)}")
    failed = 0
    with tempfile.TemporaryDirectory(prefix="source-only-") as wheel_dir:
        build_source_only(Path(wheel_dir))
        for python in args.python or ["3.11", "3.12", "3.13"]:
            for name in args.targets or TARGETS:
                result = resolve(name, python, Path(wheel_dir))
                if result.ok:
                    print(f"ok    {name:20} Python {python}: {len(result.installs)} packages")
                else:
                    failed += 1
                    print(f"FAIL  {name:20} Python {python}:\n{result.error}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
