#!/usr/bin/env bash
# Benchmark: concurrent applicants, each a whole journey over HTTP with a 2 MB PDF.
# Usage: bench/submit/run.sh [applicants=50] [journeys each=4]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
bench_maildev
bench_build src/Portal/Parasol.Portal.csproj src/BackOffice/Parasol.BackOffice.csproj bench/submit/Parasol.Bench.Submit.csproj
# pg_stat_statements counts the statements per journey; BENCH_PG_OPTIONS="synchronous_commit=off" measures without
# waiting for the disk on every commit.
bench_postgres shared_preload_libraries=pg_stat_statements ${BENCH_PG_OPTIONS:-}
dotnet bench/submit/bin/Release/net10.0/Parasol.Bench.Submit.dll "$@"
