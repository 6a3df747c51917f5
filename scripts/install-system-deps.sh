#!/usr/bin/env bash
# Installs the system packages the tests need and npm cannot provide: Debian's Chromium, which
# Playwright drives (Playwright cannot download its own browser builds on these machines), and
# PostgreSQL's server, for the API suites' second run (scripts/with-test-postgres.sh starts a
# throwaway cluster; Debian's package also starts a default cluster, which the tests don't use).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# Debian's chromium wrapper prints noise when asked for --version as root; ask dpkg instead.
echo "chromium $(dpkg-query -W -f='${Version}' chromium 2>/dev/null || echo '(not from a Debian package)')"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
echo "postgresql $("$pg_bin/postgres" --version | awk '{print $3}')"
