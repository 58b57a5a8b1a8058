#!/usr/bin/env bash
# npm start: DELTA Studio in a real VS Code (code-server) on loopback, with the demo/ workspace.
# Builds and packages the extension, installs it into a fresh profile under .e2e/start/ and stays
# in the foreground until Ctrl+C, which stops code-server with its extension host and server.
#   PORT=<n>      first port to try (default 8780)
#   E2E_VSIX=<f>  run this .vsix instead of building one
set -euo pipefail
source "$(dirname "$0")/e2e/lib.sh"
cd "$ROOT"

check_project_deps
provision
if [ -n "${E2E_VSIX:-}" ]; then
    VSIX=$(realpath "$E2E_VSIX")   # run a given .vsix instead of building one
else
    log "building and packaging the extension"
    npm run -s package >"$E2E/package.log" 2>&1 || { tail -40 "$E2E/package.log" >&2; log "npm run package failed"; exit 1; }
fi

DIR="$E2E/start"
PORT=$(free_port "${PORT:-8780}")
make_profile "$DIR" "$PORT"
cp -r "$ROOT/demo/." "$DIR/ws/"
install_vsix "$DIR"

trap stop_cs EXIT
trap 'exit 130' INT TERM
start_cs "$DIR" "$PORT" "$DIR/ws"
cat <<MSG

  DELTA Studio is running in VS Code:  http://127.0.0.1:$PORT/?folder=$DIR/ws

  The workspace is a fresh copy of demo/. Server log: $DIR/server.log
  Press Ctrl+C to stop.

MSG
# `wait` returns early on a signal, which lets the traps run.
wait "$CS_PGID" || true
