#!/usr/bin/env bash
# Installs the Debian packages a Copydesk task needs, when they are missing.
#   scripts/deps.sh test   compiler for SQLite (go test -tags ci), and PostgreSQL
#                          where it is not installed (the storage tests start
#                          a throwaway server of their own)
#   scripts/deps.sh gui    headers for the windowed build
#   scripts/deps.sh xvfb   virtual display and screenshot tools
#   scripts/deps.sh clients  the programs exported files are verified with
#                          (LibreOffice, Chromium, pdftotext) and the fonts
#                          the PDF record falls back to for Arabic, Hebrew,
#                          CJK, Indic scripts and emoji; their tests skip
#                          where they are missing
# As root it runs apt-get; with password-less sudo it uses sudo; otherwise it
# prints the exact command to run and fails.
set -euo pipefail

case "${1:-}" in
  test) pkgs=(gcc libc6-dev)
        if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
          pkgs+=(postgresql)
        fi
        # psql, pg_dump and pg_restore: the setup script and backups are
        # tested with them.
        command -v pg_dump >/dev/null 2>&1 || pkgs+=(postgresql-client) ;;
  gui)  pkgs=(gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
              libxinerama-dev libxi-dev libxxf86vm-dev) ;;
  xvfb) pkgs=(xvfb xdotool imagemagick x11-utils) ;;
  clients) pkgs=(libreoffice-writer-nogui chromium poppler-utils fonts-dejavu-core fontconfig
                 fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji) ;;
  *) echo "usage: $0 test|gui|xvfb|clients" >&2; exit 2 ;;
esac

if ! command -v go >/dev/null 2>&1; then
  echo "Go is not installed: Copydesk needs Go 1.26 or newer (https://go.dev/dl/)." >&2
  exit 1
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing packages: ${missing[*]} (install them with your system's package manager)." >&2
  exit 1
fi
cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "Copydesk needs these Debian packages. Run:" >&2
  echo "  sudo apt-get update && sudo ${cmd[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]}" >&2
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" "${cmd[@]}" -qq
