// setupFile of every vitest project: with DELTA_TEST_CPU=FILE set, appends one JSON line per test file
// to FILE with the CPU-seconds its worker spent on it (the worker's own threads, and the child processes
// it waited for: spawnSync, spawn). Files of a worker run one after another (isolate: false), so the
// difference across the file is that file's. `start` (Unix seconds) and `pid` (the worker) place it on
// a timeline: idle cores show as gaps. Shows where `npm test`'s time goes; does nothing unset.
import { appendFileSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll } from 'vitest';

const out = process.env.DELTA_TEST_CPU;
if (out) {
    const cpu = () => {
        const own = process.cpuUsage();
        let children = 0;
        try {
            const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
            children = (Number(fields[13]) + Number(fields[14])) / 100; // cutime, cstime (USER_HZ)
        } catch {
            // not Linux: own time only
        }
        return { own: (own.user + own.system) / 1e6, children };
    };
    // Taken when vitest runs this setup file, before it imports the test file (whose import counts).
    const start = { cpu: cpu(), wall: performance.now(), at: Date.now() / 1000 };
    afterAll(({}, suite) => {
        const end = cpu();
        const file = relative(process.cwd(), suite.file?.filepath ?? suite.filepath ?? '');
        appendFileSync(out, JSON.stringify({ file, own: end.own - start.cpu.own, children: end.children - start.cpu.children, wall: (performance.now() - start.wall) / 1000, start: start.at, pid: process.pid }) + '\n');
    });
}
