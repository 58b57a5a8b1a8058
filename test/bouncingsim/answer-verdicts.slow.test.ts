// Model answers for every fixture row (test/fixtures/bouncingsim/answers, made by
// scripts/bouncingsim-answers.py with an independent implementation of the verifier's procedure):
// the sandboxed runner gives the reference's results, and its runtimes have the reference's shape
// (-1.0 exactly where a test did not pass), filter refusals included.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closePythonRunners, runResponseChecks, testProgram } from '../../language/bouncingsim/python/runner.js';
import { extractPythonProgram } from '../../language/bouncingsim/python/extract.js';

const DIR = 'test/fixtures/bouncingsim';
interface Answer { rows: string; id: string; answer: string; response: string; expected: { results: number[]; runtimes: number[] } }
const answers: Answer[] = readFileSync(`${DIR}/answers/answers.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const rows = new Map<string, string[]>();
for (const file of new Set(answers.map((a) => a.rows))) {
    for (const line of readFileSync(`${DIR}/rows/${file}`, 'utf8').trim().split('\n')) {
        const row = JSON.parse(line) as { id: string; ground_truth: string[] };
        rows.set(`${file}:${row.id}`, row.ground_truth);
    }
}
const shape = (runtimes: number[]) => runtimes.map((r) => (r === -1 ? -1 : r >= 0 ? 'ran' : `bad ${r}`));

afterAll(() => closePythonRunners());

describe('verdicts on the fixture rows\' model answers', () => {
    it('covers every fixture row and the special answers', () => {
        expect(new Set(answers.map((a) => `${a.rows}:${a.id}`)).size).toBe(36);
        expect(answers.length).toBeGreaterThanOrEqual(120);
        expect(answers.some((a) => a.answer.startsWith('refused'))).toBe(true);
    });

    it('equal the reference on every answer (results, and runtimes -1.0 where a test failed)', async () => {
        const got = await Promise.all(answers.map(async (a) => {
            const check = await runResponseChecks(a.response, rows.get(`${a.rows}:${a.id}`)!, { sandbox: 'require' });
            return { key: `${a.id} ${a.answer}`, results: check.results.map((r) => (r.passed ? 1 : 0)), runtimes: shape(check.results.map((r) => r.runtime)), refused: check.refused.length > 0 };
        }));
        const want = answers.map((a) => ({ key: `${a.id} ${a.answer}`, results: a.expected.results, runtimes: shape(a.expected.runtimes), refused: a.answer.startsWith('refused') }));
        expect(got).toEqual(want);
    });

    it('testProgram answers in the /test_program shape, -1.0 for refused and failed tests', async () => {
        const pick = (name: string) => answers.find((a) => a.id === 'A_0_1' && a.answer === name)!;
        const tests = rows.get('dataset_sample_basic.jsonl:A_0_1')!;
        const refused = await testProgram(extractPythonProgram(pick('refused-import').response), tests);
        expect({ results: refused.results, runtimes: refused.runtimes }).toEqual({ results: Array(15).fill(0), runtimes: Array(15).fill(-1.0) });
        const frozen = await testProgram(extractPythonProgram(pick('frozen').response), tests, { maxExecutionTime: 1.0 });
        expect(frozen.results).toEqual(pick('frozen').expected.results);
        expect(shape(frozen.runtimes)).toEqual(shape(pick('frozen').expected.runtimes));
        expect(await testProgram('x = 1', [])).toMatchObject({ results: [], runtimes: [] });
    });
});
