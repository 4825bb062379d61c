#!/usr/bin/env bash
# One command: install what the tests need, then the linter, the type checker and the suite.
# Extra arguments go to pytest, e.g. ./test.sh -k banks, or ./test.sh -m "not slow" for the
# quick loop (no audio servers, model loads or killed processes).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/system-deps.sh test
bash scripts/venv.sh test
.venv/bin/ruff check .
.venv/bin/python scripts/typecheck.py  # mypy on the installed layout; settings in pyproject.toml
if ! command -v xvfb-run >/dev/null 2>&1 && [ "$(uname -s)" = Darwin ]; then
  exec .venv/bin/python -m pytest "$@"  # macOS: the tests use the real screen
fi
exec xvfb-run -a -s "-screen 0 1280x1024x24" .venv/bin/python -m pytest "$@"
