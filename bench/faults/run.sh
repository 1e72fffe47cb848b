#!/usr/bin/env bash
# Fault check: the BackOffice killed with SIGKILL while jobs run, restarted, every job done once.
# Usage: bench/faults/run.sh [cases=120] [kills=2]. Needs what test.sh installs (PostgreSQL, maildev in .tools/);
# uses TEST_DATABASE_URL when set, else starts its own PostgreSQL cluster.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/BackOffice/Parasol.BackOffice.csproj -nologo -v quiet -clp:ErrorsOnly
dotnet build bench/faults/Parasol.Bench.Faults.csproj -nologo -v quiet -clp:ErrorsOnly
exec dotnet bench/faults/bin/Debug/net10.0/Parasol.Bench.Faults.dll "$@"
