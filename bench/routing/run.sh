#!/usr/bin/env bash
# Benchmark: a family's whole journey over HTTP, then submit → "routed and receipt accepted by SMTP".
# Usage: bench/routing/run.sh [cases=200] [concurrency=4]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
bench_maildev
bench_build src/Portal/Parasol.Portal.csproj src/BackOffice/Parasol.BackOffice.csproj bench/routing/Parasol.Bench.Routing.csproj
bench_postgres
dotnet bench/routing/bin/Release/net10.0/Parasol.Bench.Routing.dll "$@"
