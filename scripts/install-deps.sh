#!/usr/bin/env bash
# Installs vnie's build and test dependencies from Debian packages.
# Idempotent; runs apt-get as root, or through sudo when not root.
set -euo pipefail
packages=(
  g++ cmake make pkg-config
  libicu-dev icu-devtools     # normalization (ICU), uconv for benchmarks
  libre2-dev                  # rule patterns
  libboost-locale-dev         # sentence boundaries
  doctest-dev                 # tests
  nlohmann-json3-dev          # JSON output and input
  libcli11-dev                # command line parsing
  clang libclang-rt-14-dev    # libFuzzer harnesses
  python3-dev pybind11-dev    # the Python package (python/)
  python3-pytest              # its tests (tests/python)
  python3-dask python3-distributed  # examples/dask and its tests
  python3-pandas              # the pandas recipe of docs/python.md, tested
  chromium fonts-dejavu-core python3  # the HTML report in a browser (scripts/browser-test.sh)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
