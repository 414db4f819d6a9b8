#!/usr/bin/env bash
# Static checks of the container image definition and the Kubernetes manifests (images
# cannot be built or pulled on these machines): yamllint on deploy/, checkov (PyPI) on the
# Dockerfile and the manifests. Zero failed checks is the bar; a check that does not apply
# is skipped in the file it concerns, with its reason (`checkov:skip=ID:reason`).
#
#   tools/deploy-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${CK_VENV:-${TMPDIR:-/tmp}/talentscan-ck-venv}
if [ ! -x "$VENV/bin/checkov" ] || [ ! -x "$VENV/bin/yamllint" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "checkov==3.3.30" "yamllint==1.38.0"
fi
echo "== yamllint deploy/"
"$VENV/bin/yamllint" -s deploy/
echo "== checkov Dockerfile"
"$VENV/bin/checkov" --quiet --compact --skip-download -f Dockerfile --framework dockerfile
echo "== checkov deploy/"
"$VENV/bin/checkov" --quiet --compact --skip-download -d deploy --framework kubernetes
echo "deploy checks passed"
