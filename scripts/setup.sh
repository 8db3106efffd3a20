#!/usr/bin/env bash
# Prepares the embedded database: Prisma client, migrations, WAL mode, IBGE entes and demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-file:./data/dev.db}"
export PRISMA_SCHEMA_ENGINE_BINARY=/bin/true PRISMA_QUERY_ENGINE_LIBRARY=/bin/true CHECKPOINT_DISABLE=1
mkdir -p data
bash scripts/prisma.sh generate >/dev/null
bash scripts/prisma.sh migrate deploy 2>&1 | grep -E "applied|No pending|Error|error" || true
node_modules/.bin/tsx prisma/seed.ts
