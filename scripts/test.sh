#!/usr/bin/env bash
# `npm test`: everything CI runs — typecheck, lint, unit, integration and end-to-end tests.
# Fetches what the tests need when it is missing (npm packages, Chromium via apt) and says
# plainly what it could not get. Extra arguments go to vitest (e.g. `npm test -- --project unit`).
set -uo pipefail
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY=/bin/true PRISMA_QUERY_ENGINE_LIBRARY=/bin/true CHECKPOINT_DISABLE=1

step() { printf '\n== %s\n' "$*"; }

step "Dependências"
bash scripts/ensure-deps.sh || { echo "ERRO: não foi possível instalar as dependências npm (npm ci)." >&2; exit 1; }
bash scripts/ensure-chromium.sh || exit 1
bash scripts/ensure-livekit.sh || exit 1
bash scripts/prisma.sh generate >/dev/null || { echo "ERRO: prisma generate falhou." >&2; exit 1; }

step "Tipos (tsc)"
node_modules/.bin/tsc --noEmit || exit 1

step "Lint (eslint)"
node_modules/.bin/eslint --max-warnings 0 . || exit 1

step "Testes (vitest: unit, integration, e2e)"
mkdir -p .cache/test
rm -f .cache/test/results.json
node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json=.cache/test/results.json "$@"
