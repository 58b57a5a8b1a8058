#!/usr/bin/env bash
# npm run e2e: provision (cached), build + package the .vsix, install it into a fresh profile,
# start code-server on loopback, run test/e2e/*.e2e.mjs in Chromium, tear everything down.
#   E2E_VSIX=<file>  test this .vsix instead of building one
#   E2E_GREP=<text>  run only the tests whose name contains <text>
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
T0=$SECONDS

check_project_deps
provision
T_PROVISION=$((SECONDS - T0))

T1=$SECONDS
if [ -n "${E2E_VSIX:-}" ]; then
    VSIX=$(realpath "$E2E_VSIX")
else
    log "building and packaging the extension"
    npm run -s package >"$E2E/package.log" 2>&1 || { tail -40 "$E2E/package.log" >&2; log "npm run package failed"; exit 1; }
fi
T_PACKAGE=$((SECONDS - T1))

# One e2e run per machine at a time: runs in several clones would compete for two cores and time out.
exec 9>"$CACHE/run.lock"
flock -n 9 || { log "another e2e run holds $CACHE/run.lock; waiting"; flock 9; }

RUN="$E2E/run"
PORT=$(free_port 8770)
make_profile "$RUN" "$PORT"
# Word-based suggestions would list NEXT from the document text and hide a missing server.
node -e '
  const fs = require("fs"), f = process.argv[1], s = JSON.parse(fs.readFileSync(f, "utf8"));
  Object.assign(s, { "editor.wordBasedSuggestions": "off", "editor.hover.delay": 150, "files.autoSave": "off" });
  fs.writeFileSync(f, JSON.stringify(s, null, 2));' "$RUN/ud/User/settings.json"
cp -r "$ROOT/test/e2e/workspace/." "$RUN/ws/"
# The synthetic demo run (its problems are the workspace's problems.jsonl) for the rollout explorer tests.
mkdir -p "$RUN/ws/rollouts" && cp -r "$ROOT/demo/rollouts/." "$RUN/ws/rollouts/"
install_vsix "$RUN"

trap stop_cs EXIT
trap 'exit 130' INT TERM
T2=$SECONDS
start_cs "$RUN" "$PORT" "$RUN/ws"
log "code-server on http://127.0.0.1:$PORT (pgid $CS_PGID)"

RESULTS="$ROOT/test-results/e2e"
set +e
E2E_URL="http://127.0.0.1:$PORT" E2E_WORKSPACE="$RUN/ws" E2E_RESULTS="$RESULTS" \
    XDG_CONFIG_HOME="$RUN/xdg" XDG_DATA_HOME="$RUN/xdg" node "$ROOT/test/e2e/run.mjs"
RC=$?
set -e
stop_cs

# In-host suites (test/vscode, mocha): a second server with VS Code's smoke-test driver, which
# honours the payload URL (development extension = this checkout, extensionTestsPath). That driver
# hides notification toasts, hence its own server after the DOM tests (docs/e2e.md).
if [ -z "${E2E_GREP:-}" ] || [[ "in-host" == *"$E2E_GREP"* ]]; then
    RUN_API="$E2E/run-api"
    PORT_API=$(free_port 8790)
    make_profile "$RUN_API" "$PORT_API"
    cp -r "$ROOT/test/e2e/workspace/." "$RUN_API/ws/"
    start_cs "$RUN_API" "$PORT_API" "$RUN_API/ws" --vscode-option enable-smoke-test-driver
    log "code-server (smoke-test driver) on http://127.0.0.1:$PORT_API (pgid $CS_PGID)"
    set +e
    E2E_URL="http://127.0.0.1:$PORT_API" E2E_WORKSPACE="$RUN_API/ws" E2E_EXTENSION="$ROOT" \
        XDG_CONFIG_HOME="$RUN_API/xdg" XDG_DATA_HOME="$RUN_API/xdg" node "$ROOT/scripts/e2e/in-host.mjs"
    RC_API=$?
    set -e
    stop_cs
    [ "$RC_API" -eq 0 ] || RC=1
fi
T_TESTS=$((SECONDS - T2))

# Keep the logs that explain a failure next to the screenshots.
mkdir -p "$RESULTS/logs"
cp "$RUN/server.log" "$RUN/install.log" "$RESULTS/logs/" 2>/dev/null || true
find "$RUN/ud/logs" -name '*.log' \( -path '*exthost*' -o -name 'remoteagent.log' \) -print0 2>/dev/null |
    while IFS= read -r -d '' f; do
        # Named after the extension host too: a window reload starts exthost2, with its own logs.
        dir=$(basename "$(dirname "$f")")
        case "$f" in */exthost[0-9]*/*/*) host=$(basename "$(dirname "$(dirname "$f")")")-;; *) host=;; esac
        cp "$f" "$RESULTS/logs/$host$dir-$(basename "$f")"
    done
log "timings: provisioning ${T_PROVISION}s, build+package ${T_PACKAGE}s, server+tests ${T_TESTS}s, total $((SECONDS - T0))s"
exit $RC
