// vscode-languageclient compares VS Code's version with its own minimum through `semver` (20 KB of
// the extension host's bundle for one comparison that engines.vscode in package.json already
// guarantees). scripts/esbuild.mjs resolves the two semver functions it requires to these: exact for
// versions `x.y.z[-pre][+build]` and caret ranges `^x.y.z`, the only range form the client uses;
// test/package/semver-shim.test.ts checks them against semver itself.
'use strict';

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** semver.parse for plain versions: { major, minor, patch, prerelease } or null. */
function parse(version) {
    if (typeof version === 'object' && version !== null) return version;
    const m = typeof version === 'string' ? VERSION.exec(version.trim()) : null;
    if (!m) return null;
    const prerelease = m[4] ? m[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [];
    return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease, version: version.trim() };
}

/** semver.satisfies for caret ranges; any other range is refused loudly rather than guessed. */
function satisfies(version, range) {
    const v = parse(version);
    const r = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
    if (!r) throw new Error(`semver shim (client/shims/semver.cjs): unsupported range '${range}'`);
    if (!v) return false;
    const [min, vt] = [[Number(r[1]), Number(r[2]), Number(r[3])], [v.major, v.minor, v.patch]];
    // Pre-releases only satisfy a range that names the same major.minor.patch with a pre-release: never here.
    if (v.prerelease.length) return false;
    const cmp = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
    if (cmp(vt, min) < 0) return false;
    // ^x.y.z (x > 0) allows < (x+1).0.0; ^0.y.z (y > 0) < 0.(y+1).0; ^0.0.z only 0.0.z.
    const upper = min[0] > 0 ? [min[0] + 1, 0, 0] : min[1] > 0 ? [0, min[1] + 1, 0] : [0, 0, min[2] + 1];
    return cmp(vt, upper) < 0;
}

module.exports = { parse, satisfies };
