#!/usr/bin/env bash
# Installs the Debian packages the PostgreSQL and cluster tests run (a test starts its own
# PostgreSQL and HAProxy; nothing is downloaded but Debian packages).
#
#   tools/ensure-packages.sh postgres haproxy
set -euo pipefail
need=()
for what in "$@"; do
  case "$what" in
    postgres) ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql) ;;
    haproxy) command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || need+=(haproxy) ;;
    *) echo "unknown: $what" >&2; exit 2 ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages: ${need[*]} (and this is not root: apt-get install them)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# The package's own cluster is not wanted: tests start theirs in a temporary directory.
mkdir -p /etc/postgresql-common
grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf \
  || echo 'create_main_cluster = false' >> /etc/postgresql-common/createcluster.conf
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
