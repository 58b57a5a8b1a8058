// `delta generate --format hf --prompt-template FILE`: a template built from the fixture rows'
// prompt reproduces their HF lines byte for byte; placeholders, sections and errors.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../cli/commands/generate.js';
import { runCaptured } from '../helpers/capture-output.js';
import { toHfRow } from '../../language/dataset/families/hf-row.js';
import { pyJsonDumps } from '../../language/python/json-dumps.js';
import { parseProblemText } from '../../language/dataset/problems/load.js';
import { FIXTURE_DIR, fixtureLines, sampleProblems } from './fixtures.js';

const TEMPLATE_FILE = `${FIXTURE_DIR}hf-prompt-template.mustache`;
const TEMPLATE = readFileSync(TEMPLATE_FILE, 'utf8');

const run = (args: string[]) => runCaptured(generate, args);

describe('user prompt template', () => {
    const lines = fixtureLines('hf_rows_sample.jsonl');
    it.each(sampleProblems().map((p, i) => [p.name, p, i] as const))('%s: the HF line equals the fixture byte for byte', (_name, problem, i) => {
        expect(pyJsonDumps(toHfRow(problem, TEMPLATE))).toBe(lines[i]);
    });

    it('fills every placeholder; {{#output_check}} sections follow the problem kind', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'delta-tpl-'));
        const file = join(dir, 't.mustache');
        writeFileSync(file, '{{name}}|{{problem_family}}|{{difficulty}}|{{color_mode}}|{{available_nodes}}|{{#output_check}}OUT{{/output_check}}{{^output_check}}ACC{{/output_check}}\n{{examples}}\n{{criteria}}');
        const base = ['--level', 'basic', '--colors', 'two', '--count', '1', '--seed', '1', '--created-at', '2026-01-01T00:00:00', '--format', 'hf', '--prompt-template', file];
        const accept = JSON.parse((await run(['--family', 'starts_with', ...base])).stdout).messages[0].content;
        expect(accept).toMatch(/^Starts with \w+\|starts_with\|basic\|two_color\|START, END, PULLER_RB\|ACC\n- input '': rejected\n- input '\w*': (rejected|accepted)\n/);
        const output = JSON.parse((await run(['--family', 'append_sequence', ...base])).stdout).messages[0].content;
        expect(output).toContain('|OUT\n- input \'\': accepted with output \'');
    });

    it('a template without the task tail: the rows are written, with a warning that DELTA Studio cannot read their criteria back', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'delta-tpl-'));
        const file = join(dir, 'short.mustache');
        writeFileSync(file, 'Solve: {{criteria}}\n');
        const base = ['--family', 'starts_with', '--level', 'basic', '--colors', 'two', '--count', '3', '--seed', '1', '--format', 'hf'];
        const short = await run([...base, '--prompt-template', file]);
        expect(short.code).toBe(0);
        expect(short.stdout.trimEnd().split('\n')).toHaveLength(3);
        expect(short.stderr).toBe(`delta: ${file}: the prompts do not end with the benchmark's task tail ("# Task \\nYour task is to design a factory with code with following functionality:\\n\\n" then {{criteria}}), `
            + 'from which a Hugging Face row\'s criteria are read: delta test, the Problems view and rollout joins will not load these rows\n');
        expect(parseProblemText(short.stdout, 'short.jsonl', 'jsonl').problems).toEqual([]);
        // The benchmark's template (the fixture's) ends with the tail: no warning, the rows load.
        const full = await run([...base, '--prompt-template', TEMPLATE_FILE]);
        expect(full.stderr).toBe('');
        expect(parseProblemText(full.stdout, 'full.jsonl', 'jsonl').problems).toHaveLength(3);
        // Saved with a final newline (as editors do): no warning either, and the rows keep their
        // criteria and colour mode (the newline hid the two-colour suffix: read as four-colour).
        writeFileSync(file, `${TEMPLATE}\n`);
        const newline = await run([...base, '--prompt-template', file]);
        expect(newline.stderr).toBe('');
        const loaded = parseProblemText(newline.stdout, 'nl.jsonl', 'jsonl').problems;
        expect(loaded.map((p) => [p.colorMode, p.criteria.endsWith('colors.')])).toEqual([['two_color', true], ['two_color', true], ['two_color', true]]);
        // Text after the criteria is read as part of them: said so.
        writeFileSync(file, `${TEMPLATE}\nGood luck!`);
        expect((await run([...base, '--prompt-template', file])).stderr).toMatch(/: DELTA Studio will take the text after the tail for their criteria\n$/);
    });

    it('an unknown placeholder names file and line (exit 2); the template needs --format hf', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'delta-tpl-'));
        const file = join(dir, 'bad.mustache');
        writeFileSync(file, 'ok\n{{critera}}');
        const base = ['--family', 'starts_with', '--level', 'basic', '--colors', 'two', '--count', '1', '--seed', '1'];
        const bad = await run([...base, '--format', 'hf', '--prompt-template', file]);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain(`${file}:2: unknown placeholder {{critera}}`);
        // A syntax error names the line too (Mustache says "at <offset>": it was passed on as is).
        writeFileSync(file, 'ok\n{{criteria}}\n{{#output_check}}unclosed');
        const unclosed = await run([...base, '--format', 'hf', '--prompt-template', file]);
        expect(unclosed.code).toBe(2);
        expect(unclosed.stderr).toBe(`delta: ${file}:3: Unclosed section "output_check"\n`);
        const noHf = await run([...base, '--prompt-template', TEMPLATE_FILE]);
        expect(noHf.code).toBe(2);
        expect(noHf.stderr).toContain('--prompt-template applies only with --format hf');
    });
});
