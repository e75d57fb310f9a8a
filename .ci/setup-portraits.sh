#!/usr/bin/env bash
# Extracts the two public-domain portraits the face tests use from Debian's packages, without
# installing the packages (apt-get download + dpkg-deb -x, no dependencies pulled in), into the
# folder given as $1 (default ~/.cache/idforge/portraits). Idempotent; verifies SHA-256.
#   astronaut.png    Eileen Collins, NASA, public domain (python3-imageio, also in python3-skimage)
#   grace_hopper.jpg Grace Hopper, US Navy photo, public domain (python-matplotlib-data)
set -euo pipefail
out="${1:-$HOME/.cache/idforge/portraits}"
mkdir -p "$out"
declare -A sha=(
  [astronaut.png]=b6d8f15b9103f9f9368608886d396d9ce92b10989aee1539a1e37dd1a415b9dd
  [grace_hopper.jpg]=a8ca6d734765703b09728ab47fe59f473d93ae3967fc24c7c0288c3c7adb7130
)
ok() { [ -f "$out/$1" ] && echo "${sha[$1]}  $out/$1" | sha256sum -c --status; }
if ok astronaut.png && ok grace_hopper.jpg; then exit 0; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
if ! apt-get download -q python3-imageio python-matplotlib-data >/dev/null 2>&1; then
  apt-get update -qq && apt-get download -q python3-imageio python-matplotlib-data >/dev/null
fi
for deb in *.deb; do dpkg-deb -x "$deb" x; done
cp x/usr/lib/python3/dist-packages/imageio/resources/images/astronaut.png "$out/"
cp x/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg "$out/"
for f in astronaut.png grace_hopper.jpg; do
  ok "$f" || { echo "checksum mismatch for $f (Debian package changed?)" >&2; exit 1; }
done
echo "portraits ready in $out"
