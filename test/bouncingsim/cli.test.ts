// `delta bouncingsim` command: output shapes, per-line input errors and exit codes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureOutput } from '../helpers/capture-output.js';
import { bouncingsim } from '../../cli/commands/bouncingsim.js';
import { simulate } from '../../language/bouncingsim/simulate.js';
import { FIXTURES, loadScene } from './fixtures.js';

const output = captureOutput();

const tmp = mkdtempSync(join(tmpdir(), 'bouncingsim-cli-'));
const SCENE = `${FIXTURES}scenes/sample/scenes_G/basic/scene_G_basic_1.json`;
const LIST_ROWS = `${FIXTURES}rows/dataset_sample_list.jsonl`;

describe('bouncingsim simulate', () => {
    it('prints {"times", "positions"} with --json', async () => {
        expect(await bouncingsim.main(['simulate', SCENE, '--times', '0.1, 0.3', '--json'])).toBe(0);
        expect(JSON.parse(output.stdout)).toEqual({ times: [0.1, 0.3], positions: simulate(loadScene(SCENE), [0.1, 0.3]) });
    });
    it('prints one line per time by default (15 standard timestamps)', async () => {
        expect(await bouncingsim.main(['simulate', SCENE])).toBe(0);
        const lines = output.stdout.trim().split('\n');
        expect(lines).toHaveLength(15);
        expect(lines[0]).toMatch(/^t=0\.10 {2}ball 1 \(\d+\.\d\d, \d+\.\d\d\) {2}ball 2 /);
    });
    it('names file and field of an invalid scene (exit 1), and usage errors exit 2', async () => {
        const bad = join(tmp, 'bad.json');
        writeFileSync(bad, JSON.stringify({ boxes: [{ center: [0, 0], diameter: 10, sides: 1 }], balls: [] }));
        expect(await bouncingsim.main(['simulate', bad])).toBe(1);
        expect(output.stderr).toContain(`${bad}: boxes[0].sides: must be an integer ≥ 3 (got 1)`);
        expect(await bouncingsim.main(['simulate', SCENE, '--times', 'soon'])).toBe(2);
        expect(await bouncingsim.main(['simulate', SCENE, '--times', '0.5,1e9'])).toBe(2);
        expect(output.stderr).toContain("--times must be at most 60 s (got '0.5,1e9')");
        const far = join(tmp, 'far.json');
        writeFileSync(far, JSON.stringify({ ...JSON.parse(readFileSync(SCENE, 'utf8')), tests: [{ time: 1e9, position: [[0, 0]] }] }));
        expect(await bouncingsim.main(['simulate', far])).toBe(1);
        expect(output.stderr).toContain(`${far}: tests[0].time: must be at most 60 s (got 1000000000)`);
        expect(await bouncingsim.main(['simulate'])).toBe(2);
        expect(await bouncingsim.main(['simulate', join(tmp, 'missing.json')])).toBe(2);
        expect(await bouncingsim.main(['frobnicate'])).toBe(2);
        expect(await bouncingsim.main(['check', LIST_ROWS, '--timeout', '2'])).toBe(2);
    });
});

describe('bouncingsim check (simulator)', () => {
    it('prints one JSON line per row and continues past bad lines', async () => {
        const rows = readFileSync(LIST_ROWS, 'utf8').trim().split('\n');
        const file = join(tmp, 'rows.jsonl');
        writeFileSync(file, [rows[0], '{not json', JSON.stringify({ id: 'X_0_1' }), rows[1]].join('\n'));
        expect(await bouncingsim.main(['check', file, '--json'])).toBe(1);
        const out = output.stdout.trim().split('\n').map((l) => JSON.parse(l));
        expect(out.map((o) => o.id)).toEqual(['B_0_1', 'B_0_2']);
        expect(Object.keys(out[0])).toEqual(['id', 'family', 'timestamps', 'expected', 'simulated', 'distances', 'passed', 'pass_rate', 'all_pass']);
        expect(out[0].simulated).toHaveLength(15);
        expect(out[0].simulated[0]).toHaveLength(1);
        expect(out.every((o) => o.all_pass)).toBe(true);
        expect(output.stderr).toContain(`${file}:2: malformed JSON`);
        expect(output.stderr).toContain(`${file}:3: row X_0_1: missing field "messages[0].content" (string)`);
        expect(output.stderr).toMatch(/\nB +2\/2 +30\/30 /);
    });
    it('a row whose assert asks for a time past the simulation limit is an issue naming the line (it simulated for hours)', async () => {
        const rows = readFileSync(`${FIXTURES}rows/dataset_sample_basic.jsonl`, 'utf8').trim().split('\n');
        const row = JSON.parse(rows[0]) as { id: string; ground_truth: string[] };
        row.ground_truth[14] = row.ground_truth[14].replace(/predict_position\(1\.50?\)/, 'predict_position(1000000000.0)');
        expect(row.ground_truth[14]).toContain('1000000000.0');
        const file = join(tmp, 'far.jsonl');
        writeFileSync(file, [JSON.stringify(row), rows[1]].join('\n'));
        expect(await bouncingsim.main(['check', file, '--json'])).toBe(1);
        expect(output.stderr).toContain(`${file}:1: row ${row.id}: timestamp 1000000000 is beyond the 60 s a simulation may cover`);
        expect(output.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual([JSON.parse(rows[1]).id]);
    });
    it('warns when a list prompt\'s target times differ from the row\'s timestamps (the asserts use the row\'s)', async () => {
        const rows = readFileSync(LIST_ROWS, 'utf8').trim().split('\n');
        const row = JSON.parse(rows[0]) as { messages: { content: string }[] };
        row.messages[0].content = row.messages[0].content.replace('0.20s,', '0.25s,');
        expect(row.messages[0].content).toContain('0.10s, 0.25s, 0.30s');
        const file = join(tmp, 'times.jsonl');
        writeFileSync(file, [JSON.stringify(row), rows[1]].join('\n'));
        expect(await bouncingsim.main(['check', file])).toBe(0);
        expect(output.stderr).toContain(`${file}:1: row B_0_1: warning: the prompt's target times (0.1, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5) differ from the row's timestamps (0.1, 0.2, 0.3,`);
        expect(output.stderr).not.toContain(`${file}:2:`);
    });
    it('a row without asserts is an error naming it, not "0/0 max -Infinity"', async () => {
        const rows = readFileSync(LIST_ROWS, 'utf8').trim().split('\n');
        const row = { ...JSON.parse(rows[0]), ground_truth: [] };
        const file = join(tmp, 'no-asserts.jsonl');
        writeFileSync(file, [JSON.stringify(row), rows[1]].join('\n'));
        expect(await bouncingsim.main(['check', file])).toBe(1);
        expect(output.stderr).toContain(`${file}:1: row B_0_1: ground_truth holds no asserts (the verifier answers such a row with no results, which scores 0)`);
        expect(output.stdout).not.toContain('Infinity');
        expect(output.stdout).toMatch(/^B_0_2 +15\/15 /m);
    });
    it('exits 0 when every assert passes and prints a per-family summary', async () => {
        expect(await bouncingsim.main(['check', LIST_ROWS])).toBe(0);
        expect(output.stdout).toMatch(/^B_0_1 +15\/15 {2}max 0\.\d\d$/m);
        expect(output.stdout).toMatch(/^all +2\/2 +30\/30 /m);
    });
});
