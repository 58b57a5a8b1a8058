// A closed-loop HTTP load generator for `delta serve` and the Python baseline (loopback only):
// `concurrency` clients with keep-alive connections send `total` POSTs, cycling through `bodies`.
// Returns requests/s, p50/p99 latency and the non-200 answers; `check(i, status, text)` may
// verify each answer (false counts as wrong).
import http from 'node:http';

export async function runLoad({ port, path = '/test_solution', bodies, total, concurrency = 8, check, onProgress }) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    const latencies = [];
    let next = 0;
    let errors = 0;
    let wrong = 0;
    const statuses = {};
    const send = (body) => new Promise((resolve) => {
        const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', () => resolve({ status: 0, text: '' }));
        });
        req.on('error', () => resolve({ status: 0, text: '' }));
        req.end(body);
    });
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < total; i = next++) {
            const body = bodies[i % bodies.length];
            const start = performance.now();
            const { status, text } = await send(body);
            latencies.push(performance.now() - start);
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (status !== 200) errors++;
            else if (check && !check(i % bodies.length, status, text)) wrong++;
            onProgress?.(i);
        }
    }));
    const seconds = (performance.now() - t0) / 1000;
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    return { requests: total, seconds, rps: total / seconds, p50: at(0.5), p99: at(0.99), errors, wrong, statuses };
}
