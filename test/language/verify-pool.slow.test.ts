// `delta verify` answers the same bytes, in input order, whether it runs on one thread or several:
// checked against the line-by-line oracle (lines split at \r\n, \n or \r, each through answerLine).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { verify } from '../../cli/commands/verify.js';
import { countLineBreaks } from '../../cli/io.js';
import { answerOnThreads } from '../../cli/verify-pool.js';
import { answerChunk, answerLine } from '../../cli/verify-core.js';
import { ByteSink } from '../../language/verifier/byte-sink.js';
import { respondJson, respondJsonInto } from '../../language/verifier/respond-json.js';
import { checkRequest, wellTypedRequest } from '../../language/verifier/request.js';
import { runCaptured } from '../helpers/capture-output.js';

/** The built CLI, input on stdin: worker threads need the bundles. */
const delta = (args: string[], input: string | Buffer) => spawnSync(process.execPath, ['out/cli.cjs', 'verify', ...args], { input, maxBuffer: 1 << 30 });
const tmp = mkdtempSync(join(tmpdir(), 'verify-pool-'));
/** `delta verify FILE --jobs 1 …` in this process (one thread starts no worker). */
async function oneThread(args: string[], input: string | Buffer) {
    const file = join(tmp, 'input.jsonl');
    writeFileSync(file, input);
    const r = await runCaptured(verify, [file, '--jobs', '1', ...args]);
    return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

/**
 * What the line-at-a-time implementation printed: each line answered in order. Lines end at `\r\n`,
 * `\n` or a lone `\r`, as `delta verify` splits them (cli/verify-core.ts) and node:readline did up to Node 20; Node 24's
 * readline also ends lines at U+2028/U+2029, which a JSON string may hold raw, so it is not the oracle.
 */
function oracleOf(input: Buffer): { text: string; bad: number } {
    let text = '';
    let bad = 0;
    const lines = input.toString('utf8').split(/\r\n|\n|\r/);
    if (lines.at(-1) === '') lines.pop();
    lines.forEach((line, i) => {
        const answer = answerLine(line, i + 1);
        if (answer.startsWith('{"error"')) bad++;
        text += `${answer}\n`;
    });
    return { text, bad };
}

const generated = execFileSync(process.execPath, ['scripts/bench/gen-requests.mjs', '--count', '150', '--seed', '11'], { encoding: 'utf8' }).trim().split('\n');
const good = JSON.stringify({ dsl: 'START start:\n    NEXT a\nPAINTER_RED a:\n    NEXT a\nEND end', test_cases: [{ input: 'é😀', description: 'ü\u2028' }] });
/** Generated requests with bad lines among them, mixed line endings and an unterminated last line. */
const mixed = Buffer.from([
    ...generated.slice(0, 40), '', '{not json', '{"dsl": "x"}', '   ', good, '[1, 2]',
    ...generated.slice(40, 90).map((l) => `${l}\r`), ...generated.slice(90, 120), '{"dsl": 1, "test_cases": [{"input": 2}]}',
].join('\n') + '\r\n' + generated.slice(120).join('\r\n') + `\n${good}`);
const mixedOracle = oracleOf(mixed);
const oracle = (input: Buffer) => (input === mixed ? mixedOracle : oracleOf(input));

describe('delta verify on several threads', () => {
    test('the oracle sees bad lines (the fixture exercises the error path)', async () => {
        const { bad } = oracle(mixed);
        expect(bad).toBe(6);
    });

    test('in-process, two and three threads, small and default chunks: identical bytes, exit code 1', async () => {
        const { text } = oracle(mixed);
        const runs: [string, { status: number | null; stdout: Buffer | string; stderr: Buffer | string }][] = [
            ['--jobs 1', await oneThread([], mixed)],
            ['--jobs 1 --chunk-bytes 3000', await oneThread(['--chunk-bytes', '3000'], mixed)],
        ];
        for (const args of [['--jobs', '2', '--chunk-bytes', '5000'], ['--jobs', '3', '--chunk-bytes', '1'], ['--jobs', '2'], ['-']]) runs.push([args.join(' '), delta(args, mixed)]);
        for (const [args, result] of runs) {
            expect(result.stderr.toString(), args).toBe('');
            expect(result.status, args).toBe(1);
            expect(result.stdout.toString() === text, args).toBe(true);
        }
    });

    test('a file of good requests only exits 0 on threads', async () => {
        const input = `${generated.join('\n')}\n`;
        const threaded = delta(['--jobs', '2', '--chunk-bytes', '20000'], input);
        expect(threaded.status).toBe(0);
        expect(threaded.stdout.toString() === (await oneThread([], input)).stdout).toBe(true);
    });

    test('usage errors exit 2', async () => {
        expect((await runCaptured(verify, ['--jobs', '0'])).code).toBe(2);
        expect((await runCaptured(verify, ['--chunk-bytes', 'x'])).code).toBe(2);
        expect((await runCaptured(verify, ['missing-file.jsonl'])).code).toBe(2);
    });
});

describe('verify chunks', () => {
    test('line breaks are counted as readline splits lines', () => {
        const count = (text: string) => countLineBreaks(Buffer.from(text));
        expect([count(''), count('a'), count('a\n'), count('a\r\nb\n'), count('a\rb\n'), count('\n\n\r')]).toEqual([0, 0, 1, 2, 2, 3]);
    });
    test('a chunk answers as the oracle answers its lines, numbered from its first line', async () => {
        const chunk = Buffer.from(`${good}\r\n\n{x\r${good}`);
        const { text } = oracle(chunk);
        const answer = answerChunk(chunk, 1);
        expect(Buffer.from(answer.bytes).toString('utf8')).toBe(text);
        expect(answer.bad).toBe(2);
        expect(Buffer.from(answerChunk(Buffer.from('\n'), 41).bytes).toString()).toBe(`${answerLine('', 41)}\n`);
    });
    test('bytes appended to a shared sink equal the string body, after other bodies', () => {
        const sink = new ByteSink(16);
        let expected = '';
        for (const line of [...generated.slice(0, 30), good]) {
            const checked = checkRequest(JSON.parse(line));
            if (!checked.ok) throw new Error('generated requests validate');
            respondJsonInto(checked.request, sink);
            expected += respondJson(checked.request);
        }
        expect(sink.toString()).toBe(expected);
    });
});

describe('repeating paths (run-compact)', () => {
    test('the body is the same whatever room the sink starts with (growth in the middle of a path)', () => {
        // A loop of period 3 entered after 0-3 steps: the repeats end with a partial period or not. Ids
        // as long as `start`, so that reserving room per entry leaves no slack.
        const dsl = 'START start:\n    NEXT ppppp\nPULLER_RB ppppp:\n    [R] qqqqq\n    [B] ppppp\n    [EMPTY] qqqqq\n'
            + 'PAINTER_GREEN qqqqq:\n    NEXT rrrrr\nPAINTER_YELLOW rrrrr:\n    NEXT ppppp\nEND end';
        for (const input of ['', 'Y', 'BY', 'BBY', 'R', 'RBBY']) {
            const checked = checkRequest({ dsl, test_cases: [{ input }] });
            if (!checked.ok) throw new Error('request should validate');
            const expected = respondJson(checked.request);
            // Every start room over the first 512 bytes, then every 7th (prime to the 8-byte path entry
            // and the loop's 3 entries, so growth still falls at each offset inside an entry and a period).
            for (let capacity = 64; capacity < expected.length + 64; capacity += capacity < 576 ? 1 : 7) {
                const sink = new ByteSink(capacity);
                respondJsonInto(checked.request, sink);
                if (sink.toString() !== expected) throw new Error(`'${input}' differs with a sink of ${capacity} bytes`);
            }
        }
    });

    const programs = [
        'START start:\n    NEXT start\nEND end',
        'START start:\n    NEXT a\nPAINTER_RED a:\n    NEXT a\nEND end',
        'START start:\n    NEXT p\nPULLER_RB p:\n    [R] end\n    [EMPTY] q\nPAINTER_YELLOW q:\n    NEXT p\nEND end',
        'START start:\n    NEXT p\nPULLER_YG p:\n    [Y] p\n    [G] x\n    [EMPTY] q\nPAINTER_GREEN q:\n    NEXT r\nPAINTER_BLUE r:\n    NEXT p\nPAINTER_RED x:\n    NEXT p\nEND end',
        'START start:\n    NEXT p\nPULLER_RB p:\n    [R] p\n    [B] café\n    [EMPTY] end\nPAINTER_BLUE café:\n    NEXT p\nEND end',
        'START start:\n    NEXT a\nPAINTER_RED a:\n    NEXT b\nPAINTER_GREEN b:\n    NEXT c\nPULLER_RB c:\n    [R] a\n    [EMPTY] undefinedish\nEND end',
    ];
    const inputs = ['', 'R', 'Y', 'G', 'B', 'YYGYB', 'RBRB', 'R'.repeat(997), 'R'.repeat(998), 'GGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGG', 'xR😀'];
    test.each(programs.map((dsl, i) => [i, dsl] as const))('program %i: same body as the object path', async (_i, dsl) => {
        const { respond } = await import('../../language/verifier/respond.js');
        const checked = checkRequest({ dsl, test_cases: inputs.map((input) => ({ input, expected_output: input, check_output: true })) });
        if (!checked.ok) throw new Error('request should validate');
        expect(respondJson(checked.request)).toBe(JSON.stringify(respond(checked.request)));
    });
});

describe('wellTypedRequest', () => {
    const bodies: unknown[] = [
        ...generated.map((l) => JSON.parse(l) as unknown),
        { dsl: 'x', test_cases: [] },
        { dsl: 'x', test_cases: [{ input: '' }], max_execution_time: 2.5, extra: 1 },
        { dsl: 'x', test_cases: [{ input: 'R', expected_output: 'R', expected_accepted: false, check_output: false, description: 'd', more: null }] },
        { dsl: 'x', test_cases: [{ input: 'R', expected_accepted: 'yes' }] },
        { dsl: 'x', test_cases: [{ input: 'R', check_output: 0 }] },
        { dsl: 'x', test_cases: [{ input: 'R' }], max_execution_time: '1.5' },
        { dsl: 'x', test_cases: [{ input: 'R' }], max_execution_time: true },
        { dsl: 'x', test_cases: [{ input: 'R' }], max_execution_time: null },
        { dsl: 'x', test_cases: [{ input: 1 }] },
        { dsl: 'x', test_cases: [{}] },
        { dsl: 'x', test_cases: [[]] },
        { dsl: 'x', test_cases: {} },
        { dsl: 1, test_cases: [] },
        { test_cases: [] },
        { dsl: 'x' },
        JSON.parse('{"dsl": "x", "test_cases": [{"__proto__": {"input": "R"}}]}'),
        [], null, 'text', 3,
    ];
    test.each(bodies.map((b, i) => [i, b] as const))('body %i: the same request as checkRequest, or none', (_i, body) => {
        const quick = wellTypedRequest(body);
        if (quick) expect(checkRequest(body)).toEqual({ ok: true, request: quick });
    });
    test('the generated requests all take the quick path', () => {
        expect(generated.every((l) => wellTypedRequest(JSON.parse(l)) !== undefined)).toBe(true);
    });
});

describe('a verify worker that fails', () => {
    const chunks = async function* () {
        yield { bytes: Buffer.from(`${good}\n`), firstLine: 1 };
    };
    const workerScript = (body: string) => {
        const file = join(mkdtempSync(join(tmpdir(), 'verify-worker-')), 'worker.cjs');
        writeFileSync(file, body);
        return new Worker(file);
    };
    test('an error it reports ends the run with that error', async () => {
        const worker = workerScript("require('node:worker_threads').parentPort.on('message', ({ seq }) => require('node:worker_threads').parentPort.postMessage({ seq, error: 'boom' }));");
        await expect(answerOnThreads(chunks(), [worker])).rejects.toThrow('verify worker failed: boom');
    });
    test('a worker that dies ends the run, naming its exit code', async () => {
        const worker = workerScript("require('node:worker_threads').parentPort.on('message', () => process.exit(3));");
        await expect(answerOnThreads(chunks(), [worker])).rejects.toThrow('verify worker exited with code 3');
    });
    test('a worker that cannot load ends the run with its error', async () => {
        const worker = workerScript("throw new Error('cannot start');");
        await expect(answerOnThreads(chunks(), [worker])).rejects.toThrow('cannot start');
    });
});
