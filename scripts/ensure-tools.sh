#!/usr/bin/env bash
# Makes sure the tools the tests drive exist: Chromium (end-to-end tests) and kubectl (the simulator's
# conformance tests). Installs them from Debian's packages when running as root; otherwise says what to install.
# Prints `export KUBECTL=…` / `export CHROMIUM_PATH=…` lines for the caller to use.
set -uo pipefail
cd "$(dirname "$0")/.."

as_root() { [ "$(id -u)" = 0 ]; }
apt_updated=
apt_update() { [ -n "$apt_updated" ] || { apt-get update -qq >>/tmp/flotilla-apt.log 2>&1; apt_updated=1; }; }

chromium=${CHROMIUM_PATH:-}
if [ -z "$chromium" ]; then
  for c in chromium chromium-browser google-chrome; do command -v "$c" >/dev/null 2>&1 && { chromium=$(command -v "$c"); break; }; done
fi
if [ -z "$chromium" ] && as_root && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium from Debian's packages…" >&2
  apt_update
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >>/tmp/flotilla-apt.log 2>&1 && chromium=$(command -v chromium)
fi
[ -n "$chromium" ] && echo "export CHROMIUM_PATH=$chromium" || echo "Chromium not found: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH" >&2

kubectl=${KUBECTL:-}
if [ -z "$kubectl" ] && command -v kubectl >/dev/null 2>&1 && kubectl version --client >/dev/null 2>&1; then kubectl=$(command -v kubectl); fi
if [ -z "$kubectl" ] && [ -x .cache/kubectl/usr/bin/kubectl ]; then kubectl=$PWD/.cache/kubectl/usr/bin/kubectl; fi
if [ -z "$kubectl" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Unpacking Debian's kubernetes-client into .cache/kubectl…" >&2
  mkdir -p .cache/kubectl
  as_root && apt_update
  (cd .cache/kubectl && apt-get download -qq kubernetes-client >>/tmp/flotilla-apt.log 2>&1 && dpkg-deb -x kubernetes-client_*.deb .) \
    && kubectl=$PWD/.cache/kubectl/usr/bin/kubectl
fi
[ -n "$kubectl" ] && echo "export KUBECTL=$kubectl" || echo "kubectl not found: install it or set KUBECTL" >&2
exit 0
