# Shared by run.sh and test.sh: install what is missing and run a private PostgreSQL cluster without a service.
# shellcheck shell=bash

log() { printf '\033[1m[parasol]\033[0m %s\n' "$*" >&2; }

APT_UPDATED=0
apt_install() {
    # apt_install PACKAGE... : installs the Debian packages that are not installed yet.
    local missing=()
    for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    if [ $APT_UPDATED -eq 0 ]; then
        log "apt-get update"
        $sudo apt-get update -qq >/dev/null
        APT_UPDATED=1
    fi
    log "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pg_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    dirname "$(command -v initdb)"
}

# Runs a PostgreSQL binary as the postgres user when we are root (initdb refuses root).
pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd /tmp && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# pg_start DIR PORT [extra postgres -c options...] : initialises DIR once, then starts the server on 127.0.0.1:PORT.
pg_start() {
    local dir=$1 port=$2; shift 2
    local bin; bin=$(pg_bindir)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; chmod 700 "$dir"; fi
    if [ ! -f "$dir/PG_VERSION" ]; then
        log "initialising a PostgreSQL cluster in $dir"
        pg_as_owner "$bin/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if pg_as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
        log "PostgreSQL already running in $dir"
        return 0
    fi
    local opts="-p $port -k $dir -c listen_addresses=127.0.0.1"
    for o in "$@"; do opts="$opts -c $o"; done
    pg_as_owner "$bin/pg_ctl" -D "$dir" -w -l "$dir/server.log" -o "$opts" start >/dev/null
}

pg_stop() {
    local dir=$1
    local bin; bin=$(pg_bindir)
    if [ -f "$dir/postmaster.pid" ]; then pg_as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true; fi
    return 0
}
