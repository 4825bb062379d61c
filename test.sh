#!/usr/bin/env bash
# One command: install what the tests need, then run the linter and the whole suite.
# Extra arguments go to pytest, e.g. ./test.sh -k banks
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/system-deps.sh test
bash scripts/venv.sh test
.venv/bin/ruff check .
if ! command -v xvfb-run >/dev/null 2>&1 && [ "$(uname -s)" = Darwin ]; then
  exec .venv/bin/python -m pytest "$@"  # macOS: the tests use the real screen
fi
exec xvfb-run -a -s "-screen 0 1280x1024x24" .venv/bin/python -m pytest "$@"
