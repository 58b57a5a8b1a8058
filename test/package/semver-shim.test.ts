// The extension host's bundle replaces the two semver functions vscode-languageclient requires by
// client/shims/semver.cjs (scripts/esbuild.mjs): it must answer as semver does for the client's own
// version check and for the version shapes VS Code reports.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
interface Parsed { major: number; minor: number; patch: number; prerelease: (string | number)[] }
const shim = require('../../client/shims/semver.cjs') as { parse(v: string): Parsed | null; satisfies(v: Parsed | string, range: string): boolean };
const semver = require('semver') as { parse(v: string): Parsed | null; satisfies(v: Parsed | string, range: string): boolean };

/** The range vscode-languageclient checks VS Code's version against. */
const CLIENT_RANGE = /REQUIRED_VSCODE_VERSION = '([^']+)'/.exec(readFileSync('node_modules/vscode-languageclient/lib/node/main.js', 'utf8'))![1];
const VERSIONS = ['1.91.0', '1.90.9', '1.91.1', '1.95.0', '1.106.3', '2.0.0', '0.9.0', '1.91.0-insider', '1.100.0-insider', '1.95.0+build.7', 'v1.95.0', '1.2', 'x', '', '1.95.0-rc.1'];

describe('semver shim', () => {
    it('is asked for a caret range', () => {
        expect(CLIENT_RANGE).toMatch(/^\^\d+\.\d+\.\d+$/);
    });

    it('parses as semver does', () => {
        for (const v of VERSIONS) {
            const ours = shim.parse(v);
            const theirs = semver.parse(v);
            expect(ours && { major: ours.major, minor: ours.minor, patch: ours.patch, prerelease: ours.prerelease }, v)
                .toEqual(theirs && { major: theirs.major, minor: theirs.minor, patch: theirs.patch, prerelease: theirs.prerelease });
        }
    });

    it('answers caret ranges as semver does, including the client check (pre-release dropped first)', () => {
        for (const range of [CLIENT_RANGE, '^1.91.0', '^0.3.1', '^0.0.4', '^2.0.0']) {
            for (const v of VERSIONS) expect(shim.satisfies(v, range), `${v} ${range}`).toBe(semver.satisfies(v, range));
        }
        for (const v of ['1.96.0-insider', '1.80.0-insider', '1.95.2']) {
            const ours = shim.parse(v)!;
            const theirs = semver.parse(v)!;
            ours.prerelease = [];
            theirs.prerelease = [];
            expect(shim.satisfies(ours, CLIENT_RANGE), v).toBe(semver.satisfies(theirs, CLIENT_RANGE));
        }
    });

    it('refuses a range form it does not implement', () => {
        expect(() => shim.satisfies('1.95.0', '>=1.91.0')).toThrow(/unsupported range/);
    });
});
