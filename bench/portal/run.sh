#!/usr/bin/env bash
# Benchmark: wrk against the Portal's home page and an information page, next to a minimal Kestrel endpoint.
# Usage: bench/portal/run.sh [seconds per endpoint=15]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
apt_install wrk
bench_build src/Portal/Parasol.Portal.csproj bench/portal/Parasol.Bench.Portal.csproj
bench_postgres
dotnet bench/portal/bin/Release/net10.0/Parasol.Bench.Portal.dll "$@"
