# One command on Windows: create .venv, install interviewer into it, start the app.
# Run start.cmd (double-click, or from cmd/PowerShell); arguments go to the app,
# e.g. start.cmd --help. Needs Python 3.11 or newer from python.org.
$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

function Test-Python([string[]]$Command) {
    # True when the command runs a Python 3.11 or newer (the Store's python stub does not)
    $exe, $rest = $Command
    try {
        & $exe @rest -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>$null | Out-Null
        return $LASTEXITCODE -eq 0
    } catch {
        return $false
    }
}

function Find-Python {
    # The py launcher from python.org knows every installed version: newest first
    foreach ($version in '-3.13', '-3.12', '-3.11') {
        if ((Get-Command py -ErrorAction SilentlyContinue) -and (Test-Python @('py', $version))) {
            return @('py', $version)
        }
    }
    if (Test-Python @('python')) { return @('python') }
    return $null
}

$venvPython = Join-Path $PSScriptRoot '.venv\Scripts\python.exe'
if (-not (Test-Path $venvPython)) {
    $python = Find-Python
    if (-not $python) {
        Write-Host 'interviewer needs Python 3.11 or newer. Install it from'
        Write-Host 'https://www.python.org/downloads/windows/ and run start.cmd again.'
        exit 1
    }
    $exe, $rest = $python
    & $exe @rest -m venv .venv
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

# Reinstall only when pyproject.toml changed since the last install (as scripts/venv.sh)
$hash = (Get-FileHash -Algorithm SHA256 pyproject.toml).Hash.Substring(0, 16).ToLower()
$stamp = Join-Path $PSScriptRoot ".venv\.installed-$hash-app"
if (-not (Test-Path $stamp)) {
    & $venvPython -m pip install -q --upgrade pip
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    # Until #24 the distribution was named `interviewer` (as scripts/venv.sh): its editable
    # finder still maps the old top-level ui, voices and banks, so it goes first
    $old = & $venvPython -m pip show interviewer 2>$null
    if ($old -match '^Editable project location') {
        & $venvPython -m pip uninstall -q -y interviewer
    }
    & $venvPython -m pip install -q -e .
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    New-Item -ItemType File -Path $stamp | Out-Null
}

& (Join-Path $PSScriptRoot '.venv\Scripts\interviewer.exe') @args
exit $LASTEXITCODE
