#!/usr/bin/env bash
# Benchmark: submit → "routed and receipt accepted by SMTP". Usage: bench/routing/run.sh [cases=200] [concurrency=4]
# Needs what test.sh installs (PostgreSQL, maildev in .tools/). Uses TEST_DATABASE_URL when set, else its own cluster.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/BackOffice/Parasol.BackOffice.csproj -nologo -v quiet -clp:ErrorsOnly
dotnet build src/Portal/Parasol.Portal.csproj -nologo -v quiet -clp:ErrorsOnly
dotnet build bench/routing/Parasol.Bench.Routing.csproj -nologo -v quiet -clp:ErrorsOnly
exec dotnet bench/routing/bin/Debug/net10.0/Parasol.Bench.Routing.dll "$@"
