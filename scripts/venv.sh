#!/usr/bin/env bash
# Create .venv if needed and install the project into it (editable), with extras.
# Skips pip when pyproject.toml has not changed since the last install.
# Usage: scripts/venv.sh [EXTRAS]   e.g. scripts/venv.sh test
# Uses $PYTHON if set, else python3 if it is 3.11+, else python3.13, 3.12 or 3.11.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"

new_enough() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }

python="${PYTHON:-}"
if [ -z "$python" ]; then
  for candidate in python3 python3.13 python3.12 python3.11; do
    if command -v "$candidate" >/dev/null 2>&1 && new_enough "$candidate"; then
      python="$candidate"
      break
    fi
  done
fi
if [ ! -x .venv/bin/python ] && { [ -z "$python" ] || ! new_enough "$python"; }; then
  echo "interviewer needs Python 3.11 or newer; found $("${python:-python3}" --version 2>&1)." >&2
  if [ "$(uname -s)" = Darwin ]; then
    echo "Install it from https://www.python.org/downloads/macos/ or with Homebrew" \
         "(brew install python@3.12), then run this again." >&2
  else
    echo "Set PYTHON=/path/to/python3.11 and run again." >&2
  fi
  exit 1
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv

# macOS has shasum rather than sha256sum
if command -v sha256sum >/dev/null 2>&1; then
  hash=$(sha256sum pyproject.toml | cut -c1-16)
else
  hash=$(shasum -a 256 pyproject.toml | cut -c1-16)
fi
spec="."
[ -n "$extras" ] && spec=".[$extras]"
stamp=".venv/.installed-${hash}-${extras:-app}"
if [ ! -e "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  # Until #24 the distribution was named `interviewer` (PyPI's is someone else's): its
  # editable finder still maps the old top-level ui, voices and banks. Remove it first
  # (before the install, since its uninstall takes bin/interviewer with it).
  if .venv/bin/python -m pip show interviewer 2>/dev/null | grep -q '^Editable project location'; then
    .venv/bin/python -m pip uninstall -q -y interviewer
  fi
  .venv/bin/python -m pip install -q -e "$spec"
  touch "$stamp"
fi
