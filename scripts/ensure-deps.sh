#!/usr/bin/env bash
# Installs the npm dependencies when node_modules is missing or older than the lock file.
# Prisma's engines are never downloaded (see docs/decisions/002-prisma-offline-sqlite.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY=/bin/true PRISMA_QUERY_ENGINE_LIBRARY=/bin/true CHECKPOINT_DISABLE=1
if [ ! -x node_modules/.bin/remix ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Instalando dependências (npm ci)…"
  npm ci --no-audit --no-fund
fi
