#!/usr/bin/env bash
# Measures pacing on real sockets (docs/performance.md, "Pacing"): a loopback marketplace on Kestrel with one token
# bucket for the account (burst 40, 100/s, counted when a request arrives, refill thrown away while full, 429 with
# Retry-After past the burst) takes 2,000 writes from each client in turn, at 1, 8 and 32 requests in flight, and prints
# a table: elapsed from the first arrival to the last applied write over the theoretical minimum (writes − burst) / rate,
# the 429s (and how many came after the first second, in the paced part), writes lost (never applied) and writes
# applied twice. The clients, each run in fresh processes started together on a fresh, full bucket:
#
#   baseline                 HttpClient with AddStandardResilienceHandler() (Microsoft.Extensions.Http.Resilience)
#   sdk                      one AddMarketplaceHttpClient client, the account's limit declared
#   sdk-two-clients          two clients of one service provider on one account, each with the number in flight
#   sqlite-two-processes     two processes sharing their budget in one SQLite file (AddSharedRateBudgets), 1,000 writes each
#   postgres-two-processes   the same on PostgreSQL: a throwaway cluster (tests/postgres/start-throwaway.sh)
#
# With --before <git ref> first, the same writer is also built on the SDK of that commit (in a temporary worktree) and
# runs as sdk-before, sdk-two-clients-before and sqlite-two-processes-before, next to the current SDK in the same run.
#
# From a fresh clone with the .NET SDK (and PostgreSQL for the last one; without it that scenario is skipped):
#
#   tests/pacing/measure-pacing.sh
#   tests/pacing/measure-pacing.sh --before d55c294
#   tests/pacing/measure-pacing.sh --in-flight 8 --scenarios baseline,sdk --writes 1000
#
# The SDK's writes are plain POSTs, not marked idempotent. The options go to the measurement
# (tests/Connect.Sdk.Pacing.Measurement, verb "measure"): --writes, --burst, --rate, --in-flight (a list),
# --scenarios (a list, run in this order for each number in flight). It is a program, never part of `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/../.."

cleanups=()
cleanup() {
  for step in "${cleanups[@]}"; do eval "$step"; done
}
trap cleanup EXIT

before=()
if [ "${1:-}" = "--before" ]; then
  tree=$(mktemp -d)/tree
  git worktree add -q --detach "$tree" "$2"
  cleanups+=("git worktree remove --force '$tree'")
  mkdir -p "$tree/tests/Connect.Sdk.Pacing.Measurement"
  cp tests/Connect.Sdk.Pacing.Measurement/*.cs tests/Connect.Sdk.Pacing.Measurement/*.csproj "$tree/tests/Connect.Sdk.Pacing.Measurement/"
  dotnet build -c Release "$tree/tests/Connect.Sdk.Pacing.Measurement" > /dev/null
  before=(--before-writer "$tree/tests/Connect.Sdk.Pacing.Measurement/bin/Release/net10.0/Connect.Sdk.Pacing.Measurement.dll")
  shift 2
fi

if [ -z "${CONNECT_SDK_TEST_POSTGRES:-}" ]; then
  # shellcheck source=../postgres/start-throwaway.sh
  source tests/postgres/start-throwaway.sh
  if start_throwaway_postgres; then
    cleanups+=(stop_throwaway_postgres)
  else
    echo "No PostgreSQL here: the postgres-two-processes scenario is skipped." >&2
  fi
fi

uptime
dotnet build -c Release tests/Connect.Sdk.Pacing.Measurement > /dev/null
dotnet tests/Connect.Sdk.Pacing.Measurement/bin/Release/net10.0/Connect.Sdk.Pacing.Measurement.dll measure "${before[@]}" "$@"
uptime
