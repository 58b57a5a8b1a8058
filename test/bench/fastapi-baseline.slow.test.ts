// The bench's FastAPI-shaped baseline (scripts/bench/fastapi_server.py) must answer what the reference
// answers, or its throughput says nothing: the api_cases.json 200 bodies byte for byte, and on
// generated requests the same bytes as the lean verifier it wraps (every request the lean verifier
// accepts; 422 wording is pydantic 1's there, see docs/verifier-http.md). Needs Debian's
// python3-fastapi, python3-uvicorn and python3-httptools (.ci/run installs them).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FASTAPI_PACKAGES, fastapiPython } from '../../scripts/bench/fastapi-python.mjs';

interface ApiCase { label: string; request: unknown; status: number; response: unknown }

let server: ChildProcess | undefined;
let port = 0;
// Generated requests and the lean verifier's answers, made before the first request: spawnSync blocks
// the event loop, so fetch's pooled connection outlived uvicorn's 5 s keep-alive unnoticed when they
// were made between the tests on a loaded machine, and the next request failed ("other side closed").
let requests: string[] = [];
let want: string[] = [];

beforeAll(async () => {
    requests = execFileSync(process.execPath, ['scripts/bench/gen-requests.mjs', '--count', '200', '--seed', '5'], { encoding: 'utf8' }).trim().split('\n');
    const lean = spawnSync('python3', ['scripts/bench/lean_verifier.py'], { input: requests.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 30 });
    if (lean.status !== 0) throw new Error(`lean_verifier.py failed: ${lean.stderr}`);
    want = lean.stdout.trim().split('\n');
    const python = fastapiPython();
    if (!python) throw new Error(`FastAPI is not installed: apt-get install ${FASTAPI_PACKAGES}`);
    server = spawn(python, ['scripts/bench/fastapi_server.py', '0', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    port = await new Promise<number>((resolve, reject) => {
        let out = '';
        server!.stdout!.setEncoding('utf8').on('data', (d: string) => {
            out += d;
            const m = /listening (\d+) fastapi/.exec(out);
            if (m) resolve(Number(m[1]));
        });
        server!.stderr!.resume();
        server!.once('exit', (code) => reject(new Error(`fastapi_server.py exited (${code}): ${out}`)));
    });
}, 30_000);

afterAll(() => { server?.kill('SIGTERM'); });

const post = async (body: string): Promise<{ status: number; text: string }> => {
    const response = await fetch(`http://127.0.0.1:${port}/test_solution`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, text: await response.text() };
};

describe('FastAPI-shaped bench baseline', () => {
    it('answers every 200 case of api_cases.json with the reference bytes', async () => {
        const cases = (JSON.parse(readFileSync(new URL('../fixtures/manufactoria/api_cases.json', import.meta.url), 'utf8')) as ApiCase[])
            .filter((c) => c.status === 200 && c.request !== null);
        expect(cases.length).toBe(8);
        for (const c of cases) expect(await post(JSON.stringify(c.request)), c.label).toEqual({ status: 200, text: JSON.stringify(c.response) });
    });

    it('answers generated requests with the lean verifier\'s bytes', async () => {
        expect(want).toHaveLength(requests.length);
        let compared = 0;
        for (const [i, body] of requests.entries()) {
            if (want[i].startsWith('{"detail":')) continue; // a 422: pydantic 1 words it differently
            expect(await post(body), body.slice(0, 80)).toEqual({ status: 200, text: want[i] });
            compared++;
        }
        expect(compared).toBeGreaterThan(100);
    });
});
