// Runs Debian's `wrk` (C, one thread) as the HTTP load client for `npm run bench`: `connections`
// keep-alive connections post `total` bodies from a JSON Lines file in order (wrk-load.lua), then
// wrk is stopped. A lean client leaves the cores to the servers being compared; the Node client
// (http-load.mjs) costs about as much CPU per request as the server it measures.
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { machineCpuSeconds, treeCpu, treeCpuSeconds } from './proc-cpu.mjs';

const SCRIPT = fileURLToPath(new URL('./wrk-load.lua', import.meta.url));

export function hasWrk() {
    try {
        execFileSync('wrk', ['-v'], { stdio: 'ignore' });
        return true;
    } catch (error) {
        return error.status === 1; // `wrk -v` prints its version and exits 1
    }
}

/**
 * { rps, p50, p99 (ms), errors, seconds (wrk's), and the CPU seconds from the first request to the
 * last counted answer (`window` wall-clock seconds): clientCpu, machineCpu (every core of the
 * machine), with serverPid serverCpu and serverMainCpu (the server processes' main threads) }.
 * machineCpu − serverCpu − clientCpu is the CPU other work on the machine took meanwhile. wrk's
 * start-up (reading and formatting the bodies) is left out: 0.04 CPU-s for 4,000 bodies, a sixth of
 * what it then spends on 4,000 requests.
 * With `warmup: { file, count }`, `count` requests of that file go first on the same connections and
 * are left out of the counts: the window starts once their answers are in, and `rps` is `total` over
 * the window (wrk's own p50 and p99 still cover the warm-up requests too).
 */
export function runWrk({ port, bodiesFile, total, connections = 8, serverPid, timeoutMs, warmup }) {
    return new Promise((resolve, reject) => {
        let serverBefore;
        let machineBefore = 0;
        let clientBefore = 0;
        let startedAt = 0;
        let window = 0;
        const child = spawn('wrk', ['-t1', `-c${connections}`, '-d600s', '--timeout', '30s', '-s', SCRIPT, `http://127.0.0.1:${port}`, '--', bodiesFile, ...(warmup ? [warmup.file] : [])],
            { env: { ...process.env, WRK_REQUESTS: String(total), WRK_CONNECTIONS: String(connections), WRK_WARMUP: String(warmup?.count ?? 0) }, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let stopped = false;
        let clientCpu = 0;
        let serverCpu = 0;
        let serverMainCpu = 0;
        let machineCpu = 0;
        child.stdout.setEncoding('utf8').on('data', (text) => {
            out += text;
            if (!startedAt && out.includes('START\n')) {
                startedAt = performance.now();
                clientBefore = treeCpuSeconds(child.pid);
                machineBefore = machineCpuSeconds();
                if (serverPid) serverBefore = treeCpu(serverPid);
            }
            if (!stopped && startedAt && out.includes('DONE\n')) {
                stopped = true;
                window = (performance.now() - startedAt) / 1000;
                clientCpu = treeCpuSeconds(child.pid) - clientBefore;
                machineCpu = machineCpuSeconds() - machineBefore;
                if (serverPid) {
                    const after = treeCpu(serverPid);
                    serverCpu = after.total - serverBefore.total;
                    serverMainCpu = after.main - serverBefore.main;
                }
                child.kill('SIGINT');
            }
        });
        child.stderr.setEncoding('utf8').on('data', (text) => { out += text; });
        // Without all `total` answers within timeoutMs: stop wrk and reject.
        const timer = timeoutMs === undefined ? undefined : setTimeout(() => { if (!stopped) child.kill('SIGKILL'); }, timeoutMs);
        child.once('error', reject);
        child.once('exit', () => {
            clearTimeout(timer);
            const m = /RESULT requests=(\d+) duration_us=(\d+) p50_us=(\d+) p99_us=(\d+) non2xx=(\d+) socket_errors=(\d+)/.exec(out);
            if (!m || !stopped) return reject(new Error(`wrk did not finish its ${total} requests:\n${out}`));
            const [requests, duration, p50, p99, non2xx, socketErrors] = m.slice(1).map(Number);
            const rps = warmup ? total / window : requests / (duration / 1e6);
            resolve({ requests: warmup ? total : requests, seconds: duration / 1e6, rps, p50: p50 / 1000, p99: p99 / 1000, errors: non2xx + socketErrors, clientCpu, serverCpu, serverMainCpu, machineCpu, window });
        });
    });
}
