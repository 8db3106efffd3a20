#!/usr/bin/env bash
# Runs the Prisma CLI offline: with the JS engine neither native engine is ever executed, but the
# CLI looks for them at start-up unless told where they are (docs/decisions/002-prisma-offline-sqlite.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/true}"
export PRISMA_QUERY_ENGINE_LIBRARY="${PRISMA_QUERY_ENGINE_LIBRARY:-/bin/true}"
export PRISMA_HIDE_UPDATE_MESSAGE=1
export CHECKPOINT_DISABLE=1
export DATABASE_URL="${DATABASE_URL:-file:./data/dev.db}"
mkdir -p data
exec node_modules/.bin/prisma "$@"
