# Shared shell helpers for the real-VS-Code harness (e2e + npm start). Source it; do not run it.
# Recipe: docs/e2e.md. Provisioned tools (Node 24, code-server, their npm cache) live in the user's
# cache folder, shared by every clone on the machine so a fresh clone does not provision again;
# per-checkout runs (profiles, logs, sockets) live in the git-ignored .e2e/.
# No `set -m` anywhere: setsid's pid must stay the process-group id (docs/e2e.md).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E="$ROOT/.e2e"
# shellcheck source=../node24.sh
. "$ROOT/scripts/node24.sh"            # NODE24_VERSION, N24, provision_node24 (one definition)
CACHE="$NODE24_CACHE"
CS_VERSION=4.139.1
CS_DIR="$CACHE/cs/node_modules/code-server"
VSIX="$ROOT/out/delta-studio.vsix"

mkdir -p "$E2E/tmp" "$CACHE"
# Short TMPDIR: VS Code's IPC sockets land here and Unix socket paths max out around 107 bytes.
export TMPDIR="$E2E/tmp"
export npm_config_cache="$CACHE/npm-cache"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

log() { printf '[e2e %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# run_logged LOG LABEL CMD…: runs CMD with its output in LOG and says every 15 s that it is still
# running (a first provisioning takes minutes, and npm prints nothing useful into a file meanwhile).
run_logged() {
    local logfile=$1 label=$2 t0=$SECONDS pid i
    shift 2
    "$@" >"$logfile" 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        for i in $(seq 1 15); do kill -0 "$pid" 2>/dev/null && sleep 1; done
        kill -0 "$pid" 2>/dev/null && log "$label: still running, $((SECONDS - t0)) s (log: $logfile)"
    done
    wait "$pid"
}

# Serialises provisioning between clones sharing the cache (concurrent npm installs into one
# prefix corrupt it). fd 8 stays open for the caller's lifetime only.
provision_lock() {
    exec 8>"$CACHE/provision.lock"
    flock -n 8 && return 0
    log "waiting for another checkout's provisioning to finish (lock: $CACHE/provision.lock)"
    flock 8
}
provision_unlock() { flock -u 8; exec 8>&-; }

provision_apt() {
    local need=()
    [ -x /usr/bin/chromium ] || need+=(chromium)
    dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)   # kerberos addon headers for code-server
    [ ${#need[@]} -eq 0 ] && return 0
    log "apt-get install ${need[*]}"
    run_logged "$CACHE/apt-update.log" "apt-get update" apt-get update -qq
    run_logged "$CACHE/apt-install.log" "apt-get install" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
}

code_server_ok() {
    [ -d "$CS_DIR/lib/vscode/node_modules" ] &&
        [ "$(node -p "require('$CS_DIR/package.json').version" 2>/dev/null)" = "$CS_VERSION" ]
}

provision_code_server() {
    code_server_ok && return 0
    log "installing code-server@$CS_VERSION (builds native addons against Node 24, ~1.5 min)"
    # Node 24 first on PATH so npm (a #!/usr/bin/env node script) and the postinstall run under it;
    # nodedir so node-gyp builds the addons for Node 24's ABI without downloading headers.
    # Under `npm run`, npm exports npm_* and node paths of the outer Node 20 that the nested install
    # would inherit, so those are dropped. Node 24's bundled npm does not read the machine's global
    # npmrc (it lives under Node 20's prefix), so its CA file is passed on explicitly: registries
    # behind a TLS-inspecting proxy fail with SELF_SIGNED_CERT_IN_CHAIN otherwise.
    local cafile unset=()
    cafile="$(npm config get cafile 2>/dev/null)"
    [ "$cafile" = null ] && cafile=
    local v
    for v in $(compgen -e); do
        case "$v" in npm_*|NODE|INIT_CWD|NODE_OPTIONS) unset+=(-u "$v") ;; esac
    done
    run_logged "$CACHE/cs-install.log" "code-server install" env "${unset[@]}" PATH="$N24/bin:$PATH" \
        npm_config_cache="$CACHE/npm-cache" npm_config_nodedir="$N24" \
        ${cafile:+npm_config_cafile="$cafile"} \
        npm install --prefix "$CACHE/cs" --no-save --no-audit --no-fund "code-server@$CS_VERSION" || true
    code_server_ok || { log "code-server install failed; tail of $CACHE/cs-install.log:"; tail -40 "$CACHE/cs-install.log" >&2; return 1; }
}

# The harness also needs playwright-core (devDependency); fail early with a clear hint.
check_project_deps() {
    [ -f "$ROOT/node_modules/playwright-core/package.json" ] && [ -x "$ROOT/node_modules/.bin/vsce" ] ||
        { log "run 'npm install' in $ROOT first (playwright-core, @vscode/vsce)"; return 1; }
}

provision() {
    local t0=$SECONDS
    log "provisioning: Debian packages, Node $NODE24_VERSION, code-server $CS_VERSION (first run: several minutes; cached in $CACHE)"
    provision_lock
    provision_apt && provision_node24 && provision_code_server
    local rc=$?
    provision_unlock
    [ $rc -eq 0 ] && log "provisioned in $((SECONDS - t0)) s"
    return $rc
}

cs() { "$N24/bin/node" "$CS_DIR/out/node/entry.js" "$@"; }

# First port >= $1 with nothing listening on 127.0.0.1.
free_port() {
    local p=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
    echo "$p"
}

# make_profile DIR PORT: a fresh code-server config, user-data dir and extensions dir under DIR.
make_profile() {
    local dir=$1 port=$2
    rm -rf "$dir"
    mkdir -p "$dir/ud/User" "$dir/exts" "$dir/ws" "$dir/xdg"
    cat >"$dir/config.yaml" <<YAML
bind-addr: 127.0.0.1:$port
auth: none
cert: false
disable-telemetry: true
disable-update-check: true
YAML
    # Keep welcome pages, tips, chat and trust prompts from covering the editor or stealing focus.
    cat >"$dir/ud/User/settings.json" <<'JSON'
{
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "git.enabled": false
}
JSON
}

# install_vsix DIR: way A of the spec: what users get.
install_vsix() {
    local dir=$1
    XDG_CONFIG_HOME="$dir/xdg" XDG_DATA_HOME="$dir/xdg" \
        cs --config "$dir/config.yaml" --user-data-dir "$dir/ud" --extensions-dir "$dir/exts" \
        --install-extension "$VSIX" >"$dir/install.log" 2>&1 ||
        { cat "$dir/install.log" >&2; return 1; }
    grep -q 'successfully installed' "$dir/install.log" || { cat "$dir/install.log" >&2; return 1; }
}

# start_cs DIR PORT FOLDER: starts code-server in its own session; sets CS_PGID.
# The caller must `trap stop_cs EXIT` so the extension host and language server die with it.
start_cs() {   # DIR PORT FOLDER [extra code-server flags…]
    local dir=$1 port=$2 folder=$3
    shift 3
    XDG_CONFIG_HOME="$dir/xdg" XDG_DATA_HOME="$dir/xdg" \
        setsid "$N24/bin/node" "$CS_DIR/out/node/entry.js" --config "$dir/config.yaml" \
        --bind-addr "127.0.0.1:$port" --user-data-dir "$dir/ud" --extensions-dir "$dir/exts" \
        --disable-workspace-trust --ignore-last-opened "$@" "$folder" >"$dir/server.log" 2>&1 &
    CS_PGID=$!
    local i
    for i in $(seq 1 150); do
        curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && return 0
        kill -0 "$CS_PGID" 2>/dev/null || break
        sleep 0.2
    done
    log "code-server did not come up; tail of $dir/server.log:"; tail -30 "$dir/server.log" >&2
    return 1
}

stop_cs() {
    [ -n "${CS_PGID:-}" ] || return 0
    kill -- -"$CS_PGID" 2>/dev/null || true
    # Give the group a moment, then make sure nothing (extension host, language server) lingers.
    local i
    for i in $(seq 1 25); do kill -0 -- -"$CS_PGID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- -"$CS_PGID" 2>/dev/null || true
    CS_PGID=
}
