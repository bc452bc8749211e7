#!/usr/bin/env bash
# Installs the Debian packages the tests need, each only when missing.
# Usage: scripts/debian-packages.sh PATH=PACKAGE...  (PATH is what the package provides)
# Never fails: a package that cannot be installed is reported in one line, and
# the tests that need it skip with their own message.
missing=()
for pair in "$@"; do
  [ -e "${pair%%=*}" ] || missing+=("${pair#*=}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo"; else
  echo "note: ${missing[*]} missing and apt-get needs root here: the tests that need them will be skipped"; exit 0
fi
if ! command -v apt-get >/dev/null; then echo "note: no apt-get: ${missing[*]} not installed; their tests will be skipped"; exit 0; fi
$sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || echo "note: could not install ${missing[*]}: the tests that need them will be skipped"
exit 0
