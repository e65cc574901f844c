# Build the Windows bundle and its installer. Run in PowerShell from the repository root, with
# Python 3.11+, uv and Inno Setup 6 installed (packaging/README.md):
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-ServerUrl https://...]
param([string]$ServerUrl = "")
$ErrorActionPreference = "Stop"

uv sync --locked --group packaging
uv run --group packaging pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\collector_desk.spec

# the same smoke test CI runs on Linux: a bundle that lost a file fails here
$app = "dist\collector-desk\collector-desk.exe"
& $app --version; if ($LASTEXITCODE) { throw "--version failed" }
& $app info; if ($LASTEXITCODE) { throw "info found something missing" }
& $app demo --cases 300 --screenshot dist\collector-desk-demo.png
if ($LASTEXITCODE) { throw "the demo did not start" }

$version = (& $app --version).Split(" ")[1]
$iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
$defines = @("/DAppVersion=$version")
if ($ServerUrl) { $defines += "/DServerUrl=$ServerUrl" }
& $iscc @defines packaging\windows\collector-desk.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
