#!/usr/bin/env bash
# Installs what the browser tests use from Debian's packages, only what is missing (idempotent):
# Chromium and ChromeDriver (/usr/bin/chromium, /usr/bin/chromedriver) and Tesseract (the
# expired-passport scenario reads a machine-readable zone).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null | head -1
