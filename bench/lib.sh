# Shared by the benchmarks' run.sh: what test.sh installs, a Release build, a private PostgreSQL cluster.
# shellcheck shell=bash
source scripts/lib.sh

# bench_build PROJECT... : Release builds (the apps the benchmark starts and the benchmark itself).
bench_build() {
    for p in "$@"; do
        log "building $p (Release)"
        dotnet build "$p" -c Release -nologo -v quiet -clp:ErrorsOnly
    done
}

bench_maildev() {
    command -v npm >/dev/null || apt_install nodejs npm
    if [ ! -x .tools/maildev/node_modules/.bin/maildev ]; then
        log "installing maildev 3.0.0"
        npm install --silent --no-audit --no-fund --prefix .tools/maildev "maildev@3.0.0" >/dev/null
    fi
}

# bench_postgres [extra postgres -c options...] : a throwaway cluster under /tmp, stopped and removed on exit;
# exports TEST_DATABASE_URL, which the benchmarks' databases are created on.
bench_postgres() {
    apt_install postgresql
    BENCH_PG_DIR=$(mktemp -d /tmp/parasol-bench-pg.XXXXXX)
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    trap 'pg_stop "$BENCH_PG_DIR"; rm -rf "$BENCH_PG_DIR"' EXIT
    log "starting PostgreSQL on 127.0.0.1:$port"
    pg_start "$BENCH_PG_DIR" "$port" max_connections=400 shared_buffers=512MB "$@"
    export TEST_DATABASE_URL="Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres"
}
