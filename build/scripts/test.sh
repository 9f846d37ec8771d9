#!/usr/bin/env bash
# Everything CI checks, in the order DECISIONS.md fixes. `.ci/run` calls this script; run it from anywhere.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
artifacts="$root/artifacts"
step() { printf '\n==> %s\n' "$*"; }

step "1/7 Build (warnings as errors, RS rules on)"
dotnet build Analyzers.sln -c Release -nologo

step "2/7 Unit tests"
dotnet test tests/ApiGuard.Tests/ApiGuard.Tests.csproj -c Release --no-build --filter "Category!=EndToEnd"

step "3/7 Format check (product code)"
dotnet format Analyzers.sln --verify-no-changes --no-restore

step "4/7 Generated docs, README tables and presets are current"
dotnet run --project build/tools/ApiGuard.Generator -c Release --no-build -- --check

step "5/7 Pack"
rm -rf "$artifacts/package"
dotnet pack src/ApiGuard.Package/ApiGuard.Package.csproj -c Release -o "$artifacts/package"

step "6/7 Package validation"
build/scripts/validate-package.sh "$artifacts/package"

step "7/7 End-to-end tests (packed package, sample apps, dotnet format, SARIF)"
APIGUARD_PACKAGE_DIR="$artifacts/package" dotnet test tests/ApiGuard.Tests/ApiGuard.Tests.csproj -c Release --no-build --filter "Category=EndToEnd"

printf '\nAll checks passed.\n'
