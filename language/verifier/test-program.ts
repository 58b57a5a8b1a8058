// `POST /test_program` and `/test_program_stdio`, the BouncingSim verifier API, as the reference
// app answers them (docs/verifier-http.md): the body validated like its TestRequest model, `tests`
// decoded by its decode_tests (a list; a JSON string; else base64(zlib(pickle)); anything
// undecodable an empty list), the safety filter, then one sandboxed run per test (the `sandbox`
// runner of language/bouncingsim/python). The stdio endpoint fails every test, as the
// reference's does: its grading function is never imported there.
import { inflateSync } from 'node:zlib';
import { PyFloat } from '../python/json-dumps.js';
import { PyJsonDecodeError, pyJsonLoads } from '../python/json-loads.js';
import { PickleUnsupported, readPickle } from '../python/pickle-read.js';
import { unsafeSubstrings } from '../bouncingsim/python/safety.js';
import { decodeBody, detailAnswer, pyJsonAnswer, validationAnswer, type HttpAnswer } from './fastapi-body.js';
import { checkProgramRequest } from './request.js';

/** Runs string tests against a program (sandboxed), `seconds` per test: 1/0 and the assert's seconds or -1.0. */
export type ProgramRunner = (program: string, tests: string[], seconds: number, signal: AbortSignal) => Promise<{ results: (0 | 1)[]; runtimes: number[] }>;

/** The reference's stdio result arrays hold 1000 entries; a longer test list makes it raise. */
const STDIO_SLOTS = 1000;
/** Decompressed tests larger than this are refused rather than inflated without bound. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

export async function answerTestProgram(
    endpoint: 'test_program' | 'test_program_stdio', contentType: string | undefined, bytes: Uint8Array,
    runner: ProgramRunner | undefined, signal: AbortSignal,
): Promise<HttpAnswer> {
    const stage = decodeBody(contentType, bytes);
    if (!stage.ok) return stage.answer;
    const checked = checkProgramRequest(stage.body);
    if (!checked.ok) return validationAnswer(checked.errors);
    const { program, tests, max_execution_time: seconds } = checked.request;
    let decoded: unknown;
    try {
        decoded = decodeTests(tests);
    } catch (error) {
        if (error instanceof PickleUnsupported) return detailAnswer(500, `tests: the pickle uses ${error.message}, which delta serve does not unpickle (it reads lists of str only)`);
        return detailAnswer(500, (error as Error).message);
    }
    const items = iterate(decoded);
    if (typeof items === 'string') return detailAnswer(500, items);
    const n = items.length;
    if (n === 0) return pyJsonAnswer(200, { results: [], runtimes: [] });
    const failAll = () => pyJsonAnswer(200, { results: new Array(n).fill(0), runtimes: new Array(n).fill(new PyFloat(-1.0)) });
    if (endpoint === 'test_program_stdio') return n > STDIO_SLOTS ? detailAnswer(500, 'invalid index') : failAll();
    if (unsafeSubstrings(program).length > 0) return failAll();
    if (!runner) return detailAnswer(501, 'This delta serve runs no Python (start it without --no-python to answer /test_program)');
    // A test that is not a str makes exec() raise in the reference's child: it fails without running.
    const runnable = items.map((item, i) => ({ item, i })).filter((t): t is { item: string; i: number } => typeof t.item === 'string');
    const results: (0 | 1)[] = new Array(n).fill(0);
    const runtimes: PyFloat[] = new Array(n).fill(new PyFloat(-1.0));
    const time = Number.isFinite(seconds) ? Math.max(0, seconds) : seconds > 0 ? 3600 : 0;
    if (runnable.length > 0 && time > 0) {
        const run = await runner(program, runnable.map((t) => t.item), time, signal);
        runnable.forEach((t, k) => {
            results[t.i] = run.results[k];
            runtimes[t.i] = new PyFloat(run.runtimes[k]);
        });
    }
    return pyJsonAnswer(200, { results, runtimes });
}

/** The reference's decode_tests. Throws where Python's json.loads raises something other than JSONDecodeError. */
export function decodeTests(tests: unknown): unknown {
    if (isFalsy(tests)) return [];
    if (Array.isArray(tests)) return tests;
    if (typeof tests !== 'string') return [];
    try {
        if (tests.startsWith('\ufeff')) throw new PyJsonDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', 0);
        return pyJsonLoads(tests);
    } catch (error) {
        if (!(error instanceof PyJsonDecodeError)) throw error;
    }
    try {
        const compressed = b64decode(tests);
        const inflated = inflateSync(compressed, { maxOutputLength: MAX_INFLATED_BYTES });
        return readPickle(inflated);
    } catch (error) {
        if (error instanceof PickleUnsupported) throw error;
        if (error instanceof RangeError) throw new Error(`tests: the decompressed tests exceed ${MAX_INFLATED_BYTES} bytes`);
        return [];
    }
}

function isFalsy(value: unknown): boolean {
    if (value === null || value === undefined || value === false || value === 0 || value === 0n || value === '') return true;
    if (value instanceof PyFloat) return value.value === 0;
    if (Array.isArray(value)) return value.length === 0;
    if (value instanceof Map) return value.size === 0;
    return false;
}

/** What the reference's `len(tests)` and `for test in tests` see: items, or the TypeError message. */
function iterate(decoded: unknown): unknown[] | string {
    if (Array.isArray(decoded)) return decoded;
    if (typeof decoded === 'string') return [...decoded];
    if (decoded instanceof Map) return [...decoded.keys()];
    const type = decoded === null ? 'NoneType' : typeof decoded === 'boolean' ? 'bool' : decoded instanceof PyFloat ? 'float' : 'int';
    return `object of type '${type}' has no len()`;
}

/** base64.b64decode without validation: characters outside the alphabet are dropped, padding is required. */
function b64decode(text: string): Buffer {
    if (/[\uD800-\uDFFF]/u.test(text)) throw new Error('surrogates not allowed'); // str.encode('utf-8') raises
    const data = text.replace(/[^A-Za-z0-9+/=]/g, '');
    const core = data.replace(/=.*$/s, '');
    const pads = data.length - core.length;
    if (core.length % 4 === 1) throw new Error('Invalid base64-encoded string');
    if (core.length % 4 !== 0 && pads < 4 - (core.length % 4)) throw new Error('Incorrect padding');
    return Buffer.from(core, 'base64');
}
