// `delta bouncingsim check --responses`: model programs run (sandboxed unless --no-sandbox).
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureOutput } from '../helpers/capture-output.js';
import { bouncingsim } from '../../cli/commands/bouncingsim.js';
import { closePythonRunners } from '../../language/bouncingsim/python/runner.js';
import { BWRAP_ENV } from '../../language/bouncingsim/python/sandbox.js';
import { FIXTURES } from './fixtures.js';

const output = captureOutput();
afterAll(() => closePythonRunners());

const tmp = mkdtempSync(join(tmpdir(), 'bouncingsim-cli-'));
const LIST_ROWS = `${FIXTURES}rows/dataset_sample_list.jsonl`;
const rows = readFileSync(LIST_ROWS, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const truth = rows[0].ground_truth.map((a: string) => JSON.parse(/, (\[\[.*\]\])\) <=/.exec(a)![1]));
const answer = JSON.stringify({ id: 'B_0_1', response: `Here:\n\`\`\`python\ndef predict_position():\n    return ${JSON.stringify(truth)}\n\`\`\`` });

describe('bouncingsim check --responses', () => {
    it('runs model programs against the row asserts, in the sandbox, and says so', async () => {
        const responses = join(tmp, 'responses.jsonl');
        writeFileSync(responses, [answer, JSON.stringify({ id: 'B_0_2' })].join('\n'));
        expect(await bouncingsim.main(['check', LIST_ROWS, '--responses', responses, '--json', '--timeout', '10'])).toBe(1);
        const [line] = output.stdout.trim().split('\n').map((l) => JSON.parse(l));
        expect(line).toMatchObject({ id: 'B_0_1', truth: 'truth', all_pass: true, pass_rate: 1, refused: [], sandboxed: true });
        expect(line.predicted[3]).toEqual(truth[3]);
        expect(line.runtimes.every((r: number) => r >= 0)).toBe(true);
        expect(line.program).toBe(`def predict_position():\n    return ${JSON.stringify(truth)}`);
        expect(line.stdout).toEqual(Array(15).fill(''));
        expect(output.stderr).toContain(`${responses}:2: response B_0_2: missing field "response" or "program" (string)`);
        expect(output.stderr).toContain('1 row(s) without a response were not checked');
        expect(output.stderr).toContain('model code ran sandboxed (bubblewrap)');
    });

    it('runs unsandboxed only with --no-sandbox, and says "not sandboxed"', async () => {
        const responses = join(tmp, 'one.jsonl');
        writeFileSync(responses, answer);
        expect(await bouncingsim.main(['check', LIST_ROWS, '--responses', responses, '--no-sandbox', '--timeout', '10'])).toBe(0);
        expect(output.stdout).toMatch(/^B_0_1 +15\/15$/m);
        expect(output.stderr).toContain('delta: model code runs not sandboxed (--no-sandbox)');
        expect(output.stdout).toContain('model code ran not sandboxed (--no-sandbox): rlimits, process-group kill and a clean environment only');
    });

    it('refuses to run without the sandbox unless --no-sandbox is given', async () => {
        const responses = join(tmp, 'one.jsonl');
        writeFileSync(responses, answer);
        process.env[BWRAP_ENV] = '';
        try {
            expect(await bouncingsim.main(['check', LIST_ROWS, '--responses', responses])).toBe(2);
        } finally {
            delete process.env[BWRAP_ENV];
        }
        expect(output.stderr).toMatch(/delta: the sandbox for model code is unavailable: DELTA_STUDIO_BWRAP is set empty\. Install bubblewrap .* or run without it \(--no-sandbox in the CLI/);
        expect(output.stdout).not.toMatch(/B_0_1/);
    });

    it('prints what the model wrote (its exception message) with control characters escaped', async () => {
        // The message tries to erase its own line and print a pass in its place, then retitle the terminal.
        const message = '\\r\\x1b[2KB_0_1      15/15\\x1b]0;pwned\\x07\\x9b2J';
        const spoof = JSON.stringify({ id: 'B_0_1', response: `\`\`\`python\ndef predict_position():\n    raise Exception('${message}')\n\`\`\`` });
        const responses = join(tmp, 'spoof.jsonl');
        writeFileSync(responses, spoof);
        expect(await bouncingsim.main(['check', LIST_ROWS, '--responses', responses, '--timeout', '10'])).toBe(1);
        expect(output.stdout).toContain('B_0_1        0/15  (Exception: \\x0d\\x1b[2KB_0_1      15/15\\x1b]0;pwned\\x07\\x9b2J)');
        expect(output.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    });

    it('names a missing or too old --python', async () => {
        const responses = join(tmp, 'one.jsonl');
        writeFileSync(responses, answer);
        expect(await bouncingsim.main(['check', LIST_ROWS, '--responses', responses, '--python', '/nonexistent/python3'])).toBe(2);
        expect(output.stderr).toMatch(/cannot start '\/nonexistent\/python3': Python 3 is needed .* --python \(CLI\)/);
        const old = join(tmp, 'python3.6');
        writeFileSync(old, '#!/bin/sh\necho \'{"version": [3, 6, 15], "executable": "/bin/false", "folders": []}\'\n');
        chmodSync(old, 0o755);
        output.stderr = '';
        expect(await bouncingsim.main(['check', LIST_ROWS, '--responses', responses, '--python', old])).toBe(2);
        expect(output.stderr).toContain(`cannot start '${old}' (it is Python 3.6.15, 3.8 or newer is needed)`);
    });
});
