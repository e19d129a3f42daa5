#!/usr/bin/env bash
# Run the whole suite. Starts a throwaway PostgreSQL server for the store tests when the
# Debian server binaries exist, and always stops it again.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
cleanup() { :; }
if [ -x scripts/pg_test_server.sh ] && ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  if url=$(bash scripts/pg_test_server.sh start); then
    export VOC_TEST_POSTGRES_URL="$url"
    cleanup() { bash scripts/pg_test_server.sh stop >/dev/null 2>&1 || true; }
  else
    echo "warning: could not start PostgreSQL; postgres tests will fail" >&2
  fi
fi
trap cleanup EXIT
.venv/bin/python -m pytest "$@"
rc=$?
if [ $rc -eq 5 ]; then
  echo "pytest collected no tests" >&2
  rc=1
fi
exit $rc
