#!/usr/bin/env bash
# Runs every check and test: build with warnings as errors, formatting, then all test projects against one
# throwaway PostgreSQL cluster and Debian's Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
source scripts/lib.sh

command -v dotnet >/dev/null || { log "the .NET SDK is required (see global.json)"; exit 1; }
apt_install postgresql chromium docker-compose clamav-daemon
command -v npm >/dev/null || apt_install nodejs npm
MAILDEV_VERSION=3.0.0
if [ ! -x .tools/maildev/node_modules/.bin/maildev ]; then
    log "installing maildev $MAILDEV_VERSION (the SMTP server the mail tests start)"
    npm install --silent --no-audit --no-fund --prefix .tools/maildev "maildev@$MAILDEV_VERSION" >/dev/null
fi
S3RVER_VERSION=3.7.1
if [ ! -x .tools/s3rver/node_modules/.bin/s3rver ]; then
    log "installing s3rver $S3RVER_VERSION (the S3-protocol server the attachment store tests start)"
    npm install --silent --no-audit --no-fund --prefix .tools/s3rver "s3rver@$S3RVER_VERSION" >/dev/null
fi

log "restoring and building (warnings are errors)"
dotnet restore Parasol.slnx -v quiet
dotnet build Parasol.slnx --no-restore -nologo -v quiet -clp:ErrorsOnly -warnaserror

log "checking formatting"
dotnet format Parasol.slnx --verify-no-changes --no-restore -v quiet

# One cluster for every test project; each test class copies its own database from a migrated template.
PG_DIR=$(mktemp -d /tmp/parasol-test-pg.XXXXXX)
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
stop_pg() { pg_stop "$PG_DIR"; rm -rf "$PG_DIR"; }
trap stop_pg EXIT
pg_start "$PG_DIR" "$PG_PORT" fsync=off synchronous_commit=off full_page_writes=off max_connections=400
export TEST_DATABASE_URL="Host=127.0.0.1;Port=$PG_PORT;Database=postgres;Username=postgres;Include Error Detail=true"

mkdir -p tests/artifacts
log "running the tests"
set +e
dotnet test Parasol.slnx --no-build -nologo -v quiet --logger "console;verbosity=minimal" 2>&1 | tee tests/artifacts/test-output.txt
status=${PIPESTATUS[0]}
set -e

read -r passed failed skipped < <(awk '/(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1); if ($i == "Skipped:") s += $(i+1) }
} END { printf "%d %d %d\n", p, f, s }' tests/artifacts/test-output.txt | tr -d ',')
echo
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
