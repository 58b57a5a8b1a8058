// CPU seconds (user + system) used so far by a process and its live descendants, from /proc:
// the bench divides requests by the server's CPU time, a figure that other load on a shared
// machine disturbs far less than requests per wall-clock second.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ on Linux

function stat(pid) {
    try {
        const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
        return { ppid: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / TICKS };
    } catch {
        return undefined; // gone in the meantime
    }
}

export function treeCpuSeconds(root) {
    const children = new Map();
    const own = new Map();
    for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name)) continue;
        const s = stat(name);
        if (!s) continue;
        own.set(Number(name), s.seconds);
        if (!children.has(s.ppid)) children.set(s.ppid, []);
        children.get(s.ppid).push(Number(name));
    }
    let total = 0;
    for (const stack = [root]; stack.length > 0;) {
        const pid = stack.pop();
        total += own.get(pid) ?? 0;
        stack.push(...(children.get(pid) ?? []));
    }
    return total;
}
