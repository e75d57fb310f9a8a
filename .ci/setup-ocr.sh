#!/usr/bin/env bash
# Installs Tesseract OCR from Debian's packages when it is missing (idempotent).
set -euo pipefail
if ! command -v tesseract >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq tesseract-ocr >/dev/null
fi
tesseract --version 2>&1 | head -1
