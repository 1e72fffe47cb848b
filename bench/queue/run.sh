#!/usr/bin/env bash
# Benchmark: the back-office queue's first page with 1,000,000 cases. Usage: bench/queue/run.sh [cases=1000000] [--plans]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
bench_build bench/queue/Parasol.Bench.Queue.csproj
bench_postgres fsync=off synchronous_commit=off full_page_writes=off
dotnet bench/queue/bin/Release/net10.0/Parasol.Bench.Queue.dll "$@"
