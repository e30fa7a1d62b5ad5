#!/usr/bin/env bash
# Installs what the tests need from Debian/Ubuntu packages, when it is missing:
# PostgreSQL (the feedback tests start a throw-away cluster with its initdb/pg_ctl) and
# Chromium (the browser tests drive it with playwright-core, axe-core and Lighthouse) and
# a Java runtime (the HTML validity test runs the Nu Html Checker, vnu-jar from npm).
# Needs root (or sudo); elsewhere, install them yourself and set CHROMIUM_PATH / PG_BIN.
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ ${#missing[@]} -eq 0 ]; then
	echo "PostgreSQL, Chromium and Java are installed."
	exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
	echo "Missing: ${missing[*]}. Install them with your system's package manager." >&2
	exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${missing[*]} with apt-get"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
