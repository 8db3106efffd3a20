#!/usr/bin/env bash
# `npm run dev`: installs what is missing, migrates and seeds the embedded SQLite database,
# prints the demo logins and serves the app with live reload on http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/setup.sh
export NODE_ENV=development
exec node_modules/.bin/remix dev --manual -c "node scripts/serve.js"
