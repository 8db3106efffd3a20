#!/usr/bin/env bash
# `npm run dev`: installs what is missing, migrates and seeds the embedded SQLite database,
# prints the demo logins, starts a local livekit-server for the video rooms (installed with
# `go install` when Go is available) and serves the app with live reload on http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/setup.sh
export NODE_ENV=development

if [ -z "${LIVEKIT_URL:-}" ]; then
  if bash scripts/ensure-livekit.sh; then
    LK_PORT="${LIVEKIT_DEV_PORT:-7880}"
    mkdir -p data
    LK_SECRET_FILE="data/livekit-dev-secret"
    [ -s "$LK_SECRET_FILE" ] || head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$LK_SECRET_FILE"
    cat > data/livekit-dev.yaml <<YAML
port: ${LK_PORT}
bind_addresses: ["127.0.0.1"]
rtc:
  tcp_port: $((LK_PORT + 1))
  udp_port: $((LK_PORT + 2))
  use_external_ip: false
  node_ip: "127.0.0.1"
keys:
  apoiadev: $(cat "$LK_SECRET_FILE")
logging:
  level: warn
webhook:
  api_key: apoiadev
  urls: ["http://127.0.0.1:${PORT:-3000}/api/livekit/webhook"]
YAML
    .tools/bin/livekit-server --config data/livekit-dev.yaml > data/livekit-dev.log 2>&1 &
    LK_PID=$!
    trap 'kill $LK_PID 2>/dev/null || true' EXIT
    export LIVEKIT_URL="ws://127.0.0.1:${LK_PORT}" LIVEKIT_API_KEY=apoiadev LIVEKIT_API_SECRET="$(cat "$LK_SECRET_FILE")"
    echo "Salas de vídeo: livekit-server local em ${LIVEKIT_URL} (registro em data/livekit-dev.log)."
  else
    echo "Salas de vídeo desativadas: não foi possível instalar o livekit-server (veja acima). O resto do app funciona."
  fi
fi

node_modules/.bin/remix dev --manual -c "node scripts/serve.js"
