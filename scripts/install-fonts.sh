#!/usr/bin/env bash
# Installs the CJK fonts the monthly report embeds (Noto Sans CJK, WenQuanYi Micro Hei) on Debian/Ubuntu.
# Idempotent: does nothing when both are present, and runs apt-get only for what is missing.
set -euo pipefail

declare -A font_of=(
  [fonts-noto-cjk]=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
  [fonts-wqy-microhei]=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
)

missing=()
for package in fonts-noto-cjk fonts-wqy-microhei; do
  if [ -f "${font_of[$package]}" ]; then
    echo "install-fonts: ${font_of[$package]} present"
  else
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-fonts: apt-get not found; install Noto Sans CJK or WenQuanYi Micro Hei with your package manager," >&2
  echo "install-fonts: or pass the font file to the report with --font FILE" >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi
echo "install-fonts: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
for package in "${missing[@]}"; do
  if [ ! -f "${font_of[$package]}" ]; then
    echo "install-fonts: $package installed but ${font_of[$package]} is missing" >&2
    exit 1
  fi
done
echo "install-fonts: done"
