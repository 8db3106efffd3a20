#!/usr/bin/env bash
# Installs livekit-server v1.13.5 into .tools/bin (ignored by git) with `go install` from the Go
# module proxy, once; reuses it afterwards. Says plainly when it cannot.
set -uo pipefail
cd "$(dirname "$0")/.."
VERSION="v1.13.5"
BIN=".tools/bin/livekit-server"
if [ -x "$BIN" ] && "$BIN" --version 2>/dev/null | grep -q "${VERSION#v}"; then exit 0; fi
if ! command -v go >/dev/null 2>&1; then
  echo "ERRO: livekit-server ausente e Go não encontrado: instale Go (https://go.dev) ou coloque o binário em $BIN." >&2
  exit 1
fi
echo "Instalando livekit-server ${VERSION} com go install (1 a 3 minutos na primeira vez)…"
mkdir -p .tools/bin
GOBIN_DIR="$(pwd)/.tools/bin"
# Run outside the project so the Go command never looks for a go.mod here.
if ! (cd /tmp && GOBIN="$GOBIN_DIR" go install "github.com/livekit/livekit-server/cmd/server@${VERSION}") >/tmp/apoia-livekit-install.log 2>&1; then
  echo "ERRO: go install do livekit-server falhou (detalhes em /tmp/apoia-livekit-install.log)." >&2
  exit 1
fi
ln -sf server .tools/bin/livekit-server
echo "livekit-server instalado: $("$BIN" --version)"
