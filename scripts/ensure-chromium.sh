#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (never a downloaded browser). Installs it with apt
# when missing; says plainly when it cannot.
set -uo pipefail
if [ -x /usr/bin/chromium ] && command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then exit 0; fi
echo "Chromium ou poppler-utils (pdftotext, pdftoppm) não encontrados: instalando com apt-get…"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ERRO: Chromium ausente e sem permissão para instalar (rode como root: apt-get install -y chromium)." >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
if $SUDO apt-get update -qq >/tmp/apoia-apt.log 2>&1 && $SUDO apt-get install -y -qq chromium poppler-utils >>/tmp/apoia-apt.log 2>&1; then
  echo "Chromium instalado: $(/usr/bin/chromium --version 2>/dev/null)"
  exit 0
fi
echo "ERRO: não foi possível instalar o Chromium e o poppler-utils com apt-get (detalhes em /tmp/apoia-apt.log)." >&2
echo "      Os testes de ponta a ponta precisam de /usr/bin/chromium; os de certificados, de pdftotext e pdftoppm." >&2
exit 1
