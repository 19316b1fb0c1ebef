#!/usr/bin/env bash
# Measures the throughput of 1 and then 4 worker processes on the same work, on a throwaway PostgreSQL cluster, and
# prints a table (docs/scaling.md has the figures and what limits them). From a fresh clone with the .NET SDK and
# PostgreSQL installed:
#
#   tests/scaling/measure-throughput.sh                                  # 200 connections, 5 orders each, 50 ms latency
#   tests/scaling/measure-throughput.sh --latency-ms 100 --max-concurrent-runs 8 --workers 1,2,4
#
# The options go to the measurement (tests/Connect.Sdk.Scaling.Worker, verb "measure"): --connections, --orders
# (per connection), --latency-ms (every fake answer waits this long; the fakes have no rate limit), --max-concurrent-runs
# (per worker), --workers (the counts to compare, in order; the first is the baseline). Each count gets a fresh database.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=../postgres/start-throwaway.sh
source tests/postgres/start-throwaway.sh
start_throwaway_postgres
trap stop_throwaway_postgres EXIT

dotnet build -c Release tests/Connect.Sdk.Scaling.Worker > /dev/null
CONNECT_SDK_SCALING_POSTGRES="$CONNECT_SDK_TEST_POSTGRES" \
  dotnet tests/Connect.Sdk.Scaling.Worker/bin/Release/net10.0/Connect.Sdk.Scaling.Worker.dll measure \
  --connections 200 --orders 5 --latency-ms 50 --max-concurrent-runs 4 --workers 1,4 "$@"
