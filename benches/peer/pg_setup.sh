#!/usr/bin/env bash
# Installs PostgreSQL 15 from Debian if missing, starts the cluster, tunes it for this
# benchmark (read-mostly, data in memory, 2 cores) and creates role root + database peer.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null || [ ! -d /usr/lib/postgresql/15 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib
fi
if ! pg_lsclusters -h | grep -q '^15 *main'; then pg_createcluster 15 main; fi
pg_ctlcluster 15 main start 2>/dev/null || true
as_pg() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -c \"$1\""; }
as_pg "ALTER SYSTEM SET shared_buffers = '2GB'"
as_pg "ALTER SYSTEM SET effective_cache_size = '8GB'"
as_pg "ALTER SYSTEM SET work_mem = '64MB'"
as_pg "ALTER SYSTEM SET maintenance_work_mem = '1GB'"
as_pg "ALTER SYSTEM SET random_page_cost = 1.1"
as_pg "ALTER SYSTEM SET jit = off"            # JIT compiles per query: costs ms, helps little here
as_pg "ALTER SYSTEM SET max_wal_size = '8GB'"
as_pg "ALTER SYSTEM SET synchronous_commit = off"
as_pg "ALTER SYSTEM SET max_parallel_workers_per_gather = 2"
pg_ctlcluster 15 main restart
for _ in $(seq 30); do su postgres -c "pg_isready -q" && break; sleep 0.5; done
su postgres -c "psql -qAt -c \"SELECT 1 FROM pg_roles WHERE rolname='root'\"" | grep -q 1 \
  || su postgres -c "createuser -s root"
su postgres -c "psql -qAt -c \"SELECT 1 FROM pg_database WHERE datname='peer'\"" | grep -q 1 \
  || su postgres -c "createdb -O root peer"
echo "postgres: $(psql -qAt -d peer -c 'SELECT version()' | cut -d, -f1), shared_buffers $(psql -qAt -d peer -c 'SHOW shared_buffers'), work_mem $(psql -qAt -d peer -c 'SHOW work_mem')"
