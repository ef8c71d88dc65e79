#!/usr/bin/env bash
# Installs the system packages slideshelf uses, when run as root on a Debian-like system.
# Otherwise it names what is missing in one message and leaves the machine alone: the site
# still starts and handles PDFs without them.
set -euo pipefail

packages=(
  # LibreOffice Impress without the GUI, and the Python bridge that drives it warm.
  libreoffice-impress-nogui python3-uno
  # Forms in a deck (even an empty one) need the database component to load at all.
  libreoffice-base-core
  # Fonts: metric-compatible substitutes for Calibri/Cambria (Carlito/Caladea) and
  # Arial/Times/Courier (Liberation), plus Cyrillic, Hebrew, Arabic and CJK coverage.
  fonts-crosextra-carlito fonts-crosextra-caladea fonts-liberation2 fonts-dejavu-core
  fonts-noto-core fonts-noto-cjk
  # OCR for slides without a text layer.
  tesseract-ocr tesseract-ocr-swe tesseract-ocr-eng
  # The Swedish interface's catalogue: make messages (makemessages, compilemessages).
  gettext
  # Browser tests, the benchmarks' reference route and their load generator (wrk).
  chromium poppler-utils wrk
  # The deployment's reverse proxy (docs/deploy.md), which its tests run for real.
  nginx
  # pg_dump and pg_restore, for `slideshelf backup` and `restore` on PostgreSQL.
  postgresql-client
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  cat >&2 <<MSG
slideshelf: some system packages are missing: ${missing[*]}
  Install them with:  sudo apt-get install --no-install-recommends ${missing[*]}
  (or run 'make install' as root). Until then slideshelf converts PDFs only;
  PowerPoint, Keynote and ODP uploads wait in the queue with a message saying so.
MSG
fi
