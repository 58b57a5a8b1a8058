// The parquet reader child ends when its parent dies, even while its main thread is stuck in a
// synchronous loop (language/dataset/problems/orphan-watchdog.ts). The child here spins forever
// after starting the watchdog; its parent exits; the child must be gone soon after.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'delta-orphan-'));

/** A child that spins on its main thread, with or without the watchdog. */
function buildChild(watchdog: boolean): string {
    const file = join(dir, `child-${watchdog}.cjs`);
    esbuild.buildSync({
        stdin: {
            contents: `${watchdog ? "import { endWithParent } from './language/dataset/problems/orphan-watchdog.ts'; endWithParent(100);" : ''}
process.send('ready', () => { for (;;) {} });`,
            resolveDir: process.cwd(), loader: 'ts',
        },
        bundle: true, platform: 'node', format: 'cjs', outfile: file, logLevel: 'error',
    });
    return file;
}

/** A parent that forks the child, prints its pid once it is spinning, and exits. */
function orphan(child: string): Promise<number> {
    const parent = join(dir, 'parent.cjs');
    writeFileSync(parent, `const c = require('node:child_process').fork(${JSON.stringify(child)}, [], { stdio: 'ignore' });
c.on('message', () => { console.log(c.pid); c.disconnect(); c.unref(); process.exit(0); });`);
    return new Promise((resolve, reject) => {
        const p = spawn(process.execPath, [parent], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.on('exit', () => (out.trim() ? resolve(Number(out.trim())) : reject(new Error('the parent printed no child pid'))));
    });
}

/** Running (a zombie waiting for a reaper counts as gone). */
function alive(pid: number): boolean {
    try {
        return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
    } catch {
        return false;
    }
}

async function goneWithin(pid: number, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
        if (!alive(pid)) return true;
        await new Promise((r) => setTimeout(r, 50));
    }
    return !alive(pid);
}

describe('a busy child whose parent died', () => {
    test('ends within seconds with the watchdog; without it, it would spin on (control)', async () => {
        const watched = await orphan(buildChild(true));
        const unwatched = await orphan(buildChild(false));
        try {
            expect(await goneWithin(watched, 10_000)).toBe(true);
            // The control shows the test can fail: the same child without the watchdog is still there.
            expect(alive(unwatched)).toBe(true);
        } finally {
            for (const pid of [watched, unwatched]) {
                try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
            }
        }
    }, 30_000);
});
