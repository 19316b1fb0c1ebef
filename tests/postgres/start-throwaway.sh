# Starts a throwaway PostgreSQL cluster for the tests of Connect.Sdk.Storage.PostgreSql and exports its connection
# string. Source it from bash; it leaves nothing behind after stop_throwaway_postgres:
#
#   source tests/postgres/start-throwaway.sh && start_throwaway_postgres
#   dotnet test tests/Connect.Sdk.Storage.PostgreSql.Tests
#   stop_throwaway_postgres
#
# The cluster lives in a temporary folder (data, unix socket, log), listens on 127.0.0.1 only, on a free port, with
# a random password, and runs without fsync: it holds test data only. As root, initdb and pg_ctl run as the unprivileged
# user 'postgres' (or 'nobody'), since PostgreSQL refuses to run as root. With CONNECT_SDK_INSTALL_POSTGRES=1 (CI) a
# machine without PostgreSQL gets it from Debian's packages first.

_throwaway_postgres_bin() {
  local dir
  if command -v initdb > /dev/null 2>&1 && command -v pg_ctl > /dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  # Debian keeps the server's programs out of PATH, one folder per major version: take the newest.
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

_throwaway_postgres_free_port() {
  local port tries=0
  while [ "$tries" -lt 50 ]; do
    port=$((20000 + RANDOM % 30000))
    # Nothing answers on the port: take it. (A race with another program is caught by pg_ctl failing to start.)
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      echo "$port"
      return 0
    fi
    tries=$((tries + 1))
  done
  return 1
}

start_throwaway_postgres() {
  local bin user run password port
  if ! bin=$(_throwaway_postgres_bin); then
    if [ "${CONNECT_SDK_INSTALL_POSTGRES:-0}" = "1" ] && [ "$(id -u)" -eq 0 ]; then
      echo "PostgreSQL is missing: installing it from Debian's packages." >&2
      DEBIAN_FRONTEND=noninteractive apt-get update -qq > /dev/null \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null \
        || { echo "apt-get install postgresql failed." >&2; return 1; }
      bin=$(_throwaway_postgres_bin) || { echo "PostgreSQL was installed, but initdb and pg_ctl are not found." >&2; return 1; }
    else
      echo "PostgreSQL is not installed (no initdb/pg_ctl in PATH or /usr/lib/postgresql/*/bin)." >&2
      return 1
    fi
  fi

  THROWAWAY_POSTGRES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/connect-sdk-pg.XXXXXX")
  run=()
  if [ "$(id -u)" -eq 0 ]; then
    user=postgres
    getent passwd "$user" > /dev/null || user=nobody
    chown "$user" "$THROWAWAY_POSTGRES_DIR"
    run=(runuser -u "$user" --)
  fi

  password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  (umask 077 && printf '%s\n' "$password" > "$THROWAWAY_POSTGRES_DIR/pwfile")
  [ "${#run[@]}" -eq 0 ] || chown "$user" "$THROWAWAY_POSTGRES_DIR/pwfile"
  mkdir -p "$THROWAWAY_POSTGRES_DIR/socket"
  [ "${#run[@]}" -eq 0 ] || chown "$user" "$THROWAWAY_POSTGRES_DIR/socket"

  if ! "${run[@]}" "$bin/initdb" -D "$THROWAWAY_POSTGRES_DIR/data" -U connect_sdk --pwfile="$THROWAWAY_POSTGRES_DIR/pwfile" \
      --auth=scram-sha-256 -E UTF8 --no-locale > "$THROWAWAY_POSTGRES_DIR/initdb.log" 2>&1; then
    cat "$THROWAWAY_POSTGRES_DIR/initdb.log" >&2
    echo "initdb failed." >&2
    return 1
  fi
  rm -f "$THROWAWAY_POSTGRES_DIR/pwfile"

  THROWAWAY_POSTGRES_BIN=$bin
  THROWAWAY_POSTGRES_RUN=("${run[@]}")
  if ! port=$(_throwaway_postgres_free_port); then
    echo "No free port found for PostgreSQL." >&2
    return 1
  fi
  if ! "${run[@]}" "$bin/pg_ctl" -D "$THROWAWAY_POSTGRES_DIR/data" -l "$THROWAWAY_POSTGRES_DIR/server.log" -w -t 60 \
      -o "-p $port -k $THROWAWAY_POSTGRES_DIR/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start > /dev/null; then
    cat "$THROWAWAY_POSTGRES_DIR/server.log" >&2
    echo "pg_ctl start failed." >&2
    return 1
  fi

  # The tests create a database per test class from a migrated template, so the user owns the cluster (it is its
  # superuser: initdb -U). The password stays in the environment, never in the log.
  export CONNECT_SDK_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=connect_sdk;Password=$password;Database=postgres"
  echo "PostgreSQL ($("$bin/pg_ctl" --version)) is running on 127.0.0.1:$port, data in $THROWAWAY_POSTGRES_DIR."
}

stop_throwaway_postgres() {
  if [ -n "${THROWAWAY_POSTGRES_DIR:-}" ] && [ -d "$THROWAWAY_POSTGRES_DIR" ]; then
    if [ -f "$THROWAWAY_POSTGRES_DIR/data/postmaster.pid" ]; then
      "${THROWAWAY_POSTGRES_RUN[@]}" "$THROWAWAY_POSTGRES_BIN/pg_ctl" -D "$THROWAWAY_POSTGRES_DIR/data" -m immediate -w stop > /dev/null 2>&1
    fi
    rm -rf "$THROWAWAY_POSTGRES_DIR"
  fi
  unset THROWAWAY_POSTGRES_DIR CONNECT_SDK_TEST_POSTGRES
}
