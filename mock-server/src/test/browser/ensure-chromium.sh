#!/usr/bin/env bash
# The mock's browser tests drive Debian's chromium through its chromedriver, at these paths. Installs both when
# either is missing and this runs as root (CI, containers); otherwise fails and says what to run. Called by
# .ci/run before Maven and by the mock-server build before its tests, so ./mvnw verify works on a fresh machine.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
install=(apt-get install -y chromium chromium-driver)
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "The browser tests need /usr/bin/chromium and /usr/bin/chromedriver. On Debian or Ubuntu, run:" >&2
  echo "  sudo apt-get update && sudo ${install[*]}" >&2
  exit 1
fi
echo "Installing chromium and chromium-driver for the browser tests"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
"${install[@]}"
