// `npm run bench`, HTTP part: `delta serve` against the lean Python verifier behind the standard
// library's HTTP server (scripts/bench/lean_server.py), same cores, same requests, same client;
// 1 and N server processes; the nginx scale-out run; memory peaks under the abuse cases.
// Loopback only, bounded loops. Prints figures; asserts nothing.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { availableParallelism } from 'node:os';
import { runLoad } from './bench/http-load.mjs';
import { startNginx } from './bench/nginx-front.mjs';

const cores = availableParallelism();
const total = Number(process.env.BENCH_HTTP_REQUESTS ?? 2000);
const concurrency = 8;
const bodies = execFileSync(process.execPath, ['scripts/bench/gen-requests.mjs', '--count', '500', '--seed', '3'], { encoding: 'utf8', maxBuffer: 1 << 28 }).trim().split('\n');

/** Starts a server process and resolves with its port once it prints the line matching `ready`. */
function start(command, args, ready) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        const onData = (d) => {
            out += d;
            const m = ready.exec(out);
            if (m) resolve({ port: Number(m[1]), child, stop: () => new Promise((r) => { if (child.exitCode !== null || child.signalCode !== null) return r(); child.once('exit', r); child.kill('SIGTERM'); }) });
        };
        child.stdout.setEncoding('utf8').on('data', onData);
        child.stderr.setEncoding('utf8').on('data', onData);
        child.once('exit', (code) => reject(new Error(`${command} exited (${code}): ${out}`)));
    });
}
const serve = (args) => start(process.execPath, ['out/cli.cjs', 'serve', '--port', '0', ...args], /listening on http:\/\/[^:]+:(\d+)/);
const lean = (processes) => start('python3', ['scripts/bench/lean_server.py', '0', String(processes)], /listening (\d+)/);
const row = (name, r) => console.log(`${name.padEnd(34)} ${r.rps.toFixed(0).padStart(6)} requests/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  ${r.errors} errors`);

async function measure(server) {
    try {
        return await runLoad({ port: server.port, bodies, total, concurrency });
    } finally {
        await server.stop();
    }
}

console.log(`\n## delta serve vs the lean Python verifier over HTTP (${total} requests, ${bodies.length} distinct, ${concurrency} clients; the client shares the ${cores} cores)`);
const workers = Math.max(2, cores);
const ours1 = await measure(await serve(['--workers', '1']));
row('delta serve --workers 1', ours1);
const oursN = await measure(await serve(['--workers', String(workers)]));
row(`delta serve --workers ${workers}`, oursN);
const lean1 = await measure(await lean(1));
row('lean Python, 1 process', lean1);
const leanN = await measure(await lean(workers));
row(`lean Python, ${workers} processes`, leanN);
console.log(`per process: delta serve / Python     ${(ours1.rps / lean1.rps).toFixed(2)}x  (goal ≥ 10x per core)`);
console.log(`${workers} processes: delta serve / Python  ${(oursN.rps / leanN.rps).toFixed(2)}x`);
console.log(`delta serve ${workers} workers / 1 worker    ${(oursN.rps / ours1.rps).toFixed(2)}x  (goal ≥ 1.7x on 2 cores)`);

// Scale-out: nginx in front of two instances, one killed in the middle of the run.
try {
    execFileSync('nginx', ['-v'], { stdio: 'ignore' });
    const backends = [await serve(['--workers', '1']), await serve(['--workers', '1'])];
    const front = await startNginx(backends.map((b) => b.port));
    try {
        row('nginx + 2 instances', await runLoad({ port: front.port, bodies, total, concurrency }));
        let killed = false;
        const r = await runLoad({ port: front.port, bodies, total, concurrency, onProgress: (i) => { if (i >= total / 3 && !killed) { killed = true; backends[0].child.kill('SIGKILL'); } } });
        row('nginx, one instance killed mid-run', r);
    } finally {
        await front.stop();
        await Promise.all(backends.map((b) => b.stop()));
    }
} catch (error) {
    console.log(`nginx scale-out run skipped: ${error.message.split('\n')[0]}`);
}

// Memory under the abuse cases (one process, peak RSS sampled every 20 ms).
console.log('\n## delta serve memory peaks under abuse (RSS of the server process)');
const rss = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
async function peak(args, work) {
    const server = await serve(args);
    const idle = rss(server.child.pid);
    let max = idle;
    const timer = setInterval(() => { max = Math.max(max, rss(server.child.pid)); }, 20);
    try {
        await work(server.port);
    } finally {
        clearInterval(timer);
        await server.stop();
    }
    return `idle ${idle.toFixed(0)} MB, peak ${max.toFixed(0)} MB`;
}
const longId = 'n'.repeat(200);
const loop = (tests) => JSON.stringify({ dsl: `START start:\n    NEXT ${longId}\nPULLER_RB ${longId}:\n    [R] ${longId}\n    [B] ${longId}\n    [EMPTY] ${longId}\nEND end`, test_cases: Array.from({ length: tests }, () => ({ input: '' })) });
const post = (port, body) => fetch(`http://127.0.0.1:${port}/test_solution`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.text());
console.log(`400 MB answer (${(loop(2000).length / 1024).toFixed(0)} KB request), refused at --max-response: ${await peak(['--workers', '1'], (port) => post(port, loop(2000)))}`);
console.log(`stuck regex, stopped at --timeout 2:        ${await peak(['--workers', '1', '--timeout', '2'], (port) => post(port, JSON.stringify({ dsl: 'START start:\n    NEXT end\nEND end', test_cases: [{ input: 'R'.repeat(34), expected_output: '(R+)+B' }] })))}`);
console.log(`4 clients that never read (12 MB answers): ${await peak(['--workers', '1', '--timeout', '3'], async (port) => {
    const body = loop(60);
    const sockets = Array.from({ length: 4 }, () => {
        const s = connect(port, '127.0.0.1');
        s.pause();
        s.on('error', () => {});
        s.write(`POST /test_solution HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        return s;
    });
    await new Promise((r) => setTimeout(r, 4000));
    sockets.forEach((s) => s.destroy());
})}`);
console.log('(2-core VM shared with 7 other engineers: timings are noisy)');
