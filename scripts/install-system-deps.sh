#!/usr/bin/env bash
# Installs the system packages the tests need and npm cannot provide: Debian's Chromium, which
# Playwright drives (Playwright cannot download its own browser builds on these machines).
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
# Debian's chromium wrapper prints noise when asked for --version as root; ask dpkg instead.
echo "chromium $(dpkg-query -W -f='${Version}' chromium 2>/dev/null || echo '(not from a Debian package)')"
