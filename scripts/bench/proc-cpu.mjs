// CPU seconds (user + system) used so far by a process and its live descendants, from /proc:
// the bench divides requests by the server's CPU time, a figure that other load on a shared
// machine disturbs far less than requests per wall-clock second. `treeCpu` also splits it into
// the processes' main threads (for `delta serve`, the HTTP threads: one process cannot answer
// faster than its main thread allows) and their other threads (V8's GC and compiler helpers,
// verdict threads, libuv's pool).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ on Linux

function stat(path) {
    try {
        const text = readFileSync(path, 'utf8');
        const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
        return { ppid: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / TICKS, reaped: (Number(fields[13]) + Number(fields[14])) / TICKS };
    } catch {
        return undefined; // gone in the meantime
    }
}

function descendants(root) {
    const children = new Map();
    for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name)) continue;
        const s = stat(`/proc/${name}/stat`);
        if (!s) continue;
        if (!children.has(s.ppid)) children.set(s.ppid, []);
        children.get(s.ppid).push(Number(name));
    }
    const pids = [];
    for (const stack = [root]; stack.length > 0;) {
        const pid = stack.pop();
        pids.push(pid);
        stack.push(...(children.get(pid) ?? []));
    }
    return pids;
}

/**
 * { total, main, reaped }: CPU seconds of the tree, of its processes' main threads, and of the
 * children its processes have waited for (a sandbox worker's tests, which end before anyone looks).
 */
export function treeCpu(root) {
    let total = 0;
    let main = 0;
    let reaped = 0;
    for (const pid of descendants(root)) {
        const own = stat(`/proc/${pid}/stat`);
        total += own?.seconds ?? 0;
        reaped += own?.reaped ?? 0;
        main += stat(`/proc/${pid}/task/${pid}/stat`)?.seconds ?? 0;
    }
    return { total, main, reaped };
}

/**
 * CPU seconds (nanosecond-exact, from schedstat) of the main threads of the processes under `root`
 * whose command line matches `pattern`: e.g. a Chromium renderer's main thread, which runs the
 * page's script, style, layout and paint.
 */
export function mainThreadCpu(root, pattern) {
    let seconds = 0;
    for (const pid of descendants(root)) {
        try {
            if (!pattern.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) continue;
            seconds += Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e9;
        } catch {
            // gone in the meantime
        }
    }
    return seconds;
}

export function treeCpuSeconds(root) {
    return treeCpu(root).total;
}

/** CPU seconds all cores of the machine have been busy since boot (/proc/stat: all but idle and iowait). */
export function machineCpuSeconds() {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return (user + nice + system + irq + softirq + (steal ?? 0)) / TICKS;
}
