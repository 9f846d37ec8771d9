#!/usr/bin/env bash
# Checks the packed ApiGuard.Analyzers package has exactly the expected files (Meziantou's validate_nuget job is the model):
# both DLLs under analyzers/dotnet/cs, the MSBuild files and presets under build/ and buildTransitive/, nothing under lib/,
# and a development-dependency nuspec without dependencies.
#   build/scripts/validate-package.sh <folder with ApiGuard.Analyzers.*.nupkg>
set -euo pipefail
folder="${1:?usage: validate-package.sh <package folder>}"
shopt -s nullglob
packages=("$folder"/ApiGuard.Analyzers.*.nupkg)
if [ "${#packages[@]}" -ne 1 ]; then
  echo "expected one ApiGuard.Analyzers package in $folder, found ${#packages[@]}" >&2
  exit 1
fi
package="${packages[0]}"

expected="$(cat <<'LIST'
ApiGuard.Analyzers.nuspec
README.md
[Content_Types].xml
_rels/.rels
analyzers/dotnet/cs/ApiGuard.Analyzers.dll
analyzers/dotnet/cs/ApiGuard.CodeFixes.dll
build/ApiGuard.Analyzers.props
build/ApiGuard.Analyzers.targets
build/config/none.globalconfig
build/config/recommended.globalconfig
build/config/strict.globalconfig
buildTransitive/ApiGuard.Analyzers.props
buildTransitive/ApiGuard.Analyzers.targets
buildTransitive/config/none.globalconfig
buildTransitive/config/recommended.globalconfig
buildTransitive/config/strict.globalconfig
LIST
)"
actual="$(unzip -Z1 "$package" | grep -v '^package/services/' | LC_ALL=C sort)"
expected="$(printf '%s\n' "$expected" | LC_ALL=C sort)"
if [ "$actual" != "$expected" ]; then
  echo "package $package has unexpected contents:" >&2
  diff <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") >&2 || true
  exit 1
fi

nuspec="$(unzip -p "$package" ApiGuard.Analyzers.nuspec)"
grep -q '<developmentDependency>true</developmentDependency>' <<<"$nuspec" || { echo "nuspec: not a development dependency" >&2; exit 1; }
if grep -q '<dependency ' <<<"$nuspec"; then
  echo "nuspec: the package must not have dependencies" >&2
  exit 1
fi
echo "package OK: $(basename "$package")"
