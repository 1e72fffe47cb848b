#!/usr/bin/env bash
# Starts the whole of Parasol on this machine: PostgreSQL (private cluster under .data/), a mail catcher,
# the Portal on :5000 and the BackOffice (with the Hangfire server) on :5001. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
source scripts/lib.sh

PORTAL_URL=http://127.0.0.1:5000
BACKOFFICE_URL=http://127.0.0.1:5001
PG_PORT=${PARASOL_PG_PORT:-55432}
SMTP_PORT=${PARASOL_SMTP_PORT:-1025}
MAIL_WEB_PORT=${PARASOL_MAIL_WEB_PORT:-1080}
MAILDEV_VERSION=3.0.0

pids=()
started_pg=""
cleanup() {
    # A second Ctrl-C (or TERM from both a wrapper and its child) must not cut the clean-up short.
    trap '' INT TERM
    trap - EXIT
    log "stopping"
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [ -n "$started_pg" ] && pg_stop "$started_pg"
}
trap cleanup INT TERM EXIT

mkdir -p .data/logs .data/attachments

# 1. What is missing on a fresh machine.
command -v dotnet >/dev/null || { log "the .NET SDK is required (see global.json)"; exit 1; }
command -v npm >/dev/null || apt_install nodejs npm
if [ ! -x .tools/maildev/node_modules/.bin/maildev ]; then
    log "installing maildev $MAILDEV_VERSION (development mail catcher)"
    npm install --silent --no-audit --no-fund --prefix .tools/maildev "maildev@$MAILDEV_VERSION" >/dev/null
fi

# 2. The database: the one configured, or a private cluster under .data/pg.
if [ -z "${ConnectionStrings__Default:-}" ]; then
    apt_install postgresql
    pg_start "$ROOT/.data/pg" "$PG_PORT"
    started_pg="$ROOT/.data/pg"
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='parasol'" | grep -q 1 \
        || psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE parasol"
    export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Database=parasol;Username=postgres"
else
    log "using the database in ConnectionStrings__Default"
fi

# 3. Build once, migrate and seed (the seed does nothing when the office exists), then start everything.
log "building"
dotnet build src/BackOffice/Parasol.BackOffice.csproj -nologo -v quiet -clp:ErrorsOnly
dotnet build src/Portal/Parasol.Portal.csproj -nologo -v quiet -clp:ErrorsOnly
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Attachments__Directory="$ROOT/.data/attachments"
export Mail__Host=127.0.0.1 Mail__Port=$SMTP_PORT
export Portal__BaseUrl=$PORTAL_URL BackOffice__BaseUrl=$BACKOFFICE_URL
# Two malloc arenas, as in the Dockerfiles (glibc keeps up to eight per core, and what each once held).
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
log "applying migrations and the demo seed"
# EF Core logs its probe of a migrations table that does not exist yet as a failed command: expected, so not shown.
(cd src/BackOffice && env 'Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=None' \
    dotnet bin/Debug/net10.0/Parasol.BackOffice.dll migrate --seed-demo)

.tools/maildev/node_modules/.bin/maildev --ip 127.0.0.1 --smtp "$SMTP_PORT" --web "$MAIL_WEB_PORT" --web-ip 127.0.0.1 \
    --mail-directory "$ROOT/.data/mail" >.data/logs/maildev.log 2>&1 &
pids+=($!)
(cd src/Portal && exec dotnet bin/Debug/net10.0/Parasol.Portal.dll --urls "$PORTAL_URL") >.data/logs/portal.log 2>&1 &
pids+=($!)
(cd src/BackOffice && exec dotnet bin/Debug/net10.0/Parasol.BackOffice.dll --urls "$BACKOFFICE_URL") >.data/logs/backoffice.log 2>&1 &
pids+=($!)

for url in "$PORTAL_URL/health" "$BACKOFFICE_URL/health"; do
    for _ in $(seq 1 120); do
        curl -fsS "$url" >/dev/null 2>&1 && break
        sleep 0.5
    done
    curl -fsS "$url" >/dev/null || { log "$url did not answer; see .data/logs/"; exit 1; }
done


# The demo accounts from the seed, in columns (widths in characters, not bytes: the names have Polish letters).
demo_logins() {
    local LC_ALL=C.UTF-8 email name role
    grep -oP '\("\K[^"]+@ops\.example", "[^"]+", "[^"]+", \[StaffRole\.\w+' src/Core/Seeding/DemoStaff.cs \
        | sed -E 's/", "([^"]+)", "([^"]+)", \[StaffRole\.(\w+)/|\1 \2|\3/' \
        | while IFS='|' read -r email name role; do
            printf '    %s%*s %s%*s %s\n' "$email" $((28 - ${#email})) '' "$name" $((22 - ${#name})) '' "$role"
        done
}
cat <<MSG

  Parasol is running.

  Portal (families, institutions)   $PORTAL_URL
  Back office (staff)               $BACKOFFICE_URL
  Mail inbox (maildev)              http://127.0.0.1:$MAIL_WEB_PORT
  Logs                              .data/logs/

  Demo logins (password for all: $(grep -oP 'Password = "\K[^"]+' src/Core/Seeding/DemoStaff.cs)):
$(demo_logins)

  Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}"
log "a process stopped; see .data/logs/"
