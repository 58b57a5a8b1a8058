// `delta bouncingsim generate` end to end: files and row format, every row 15/15 through
// `delta bouncingsim check` (scene rebuilt from the prompt text), the rebuilt scene equal to the
// scene file, byte-identical output for the same arguments, and user prompt templates.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureOutput } from '../helpers/capture-output.js';
import { bouncingsim } from '../../cli/commands/bouncingsim.js';
import { sceneFromPrompt } from '../../language/bouncingsim/prompt-scene.js';
import { parseSceneText } from '../../language/bouncingsim/scene-load.js';
import { physicsFields } from '../bouncingsim/fixtures.js';

const output = captureOutput();

const NAMES = ['basic', 'easy', 'medium', 'hard', 'extreme'];
const tmp = () => mkdtempSync(join(tmpdir(), 'bsgen-'));

async function generate(family: string, difficulty: number, count: number, extra: string[] = [], out = tmp()) {
    const code = await bouncingsim.main(['generate', '--family', family, '--difficulty', String(difficulty), '--count', String(count), '--seed', 'rows-test', '--out', out, ...extra]);
    expect(code, output.stderr).toBe(0);
    const letters = [...family].sort().join('');
    return { out, rowsFile: join(out, `dataset_${letters}_${NAMES[difficulty]}.jsonl`) };
}

/**
 * Every row's prompt rebuilds its scene file's physics; with `simulate` (the default) the rows also
 * check 15/15 through `delta bouncingsim check`, which simulates them again.
 */
async function expectRowsCheckAndRoundTrip(out: string, rowsFile: string, family: string, difficulty: number, count: number, simulate = true) {
    const lines = readFileSync(rowsFile, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(count);
    lines.forEach((line, k) => {
        const row = JSON.parse(line);
        expect(Object.keys(row)).toEqual(['messages', 'ground_truth', 'dataset', 'id', 'difficulty', 'timestamps', 'tolerance', 'prompt_setting']);
        expect(row.id).toBe(`${family}_${difficulty}_${k + 1}`);
        expect(row).toMatchObject({ dataset: 'ballsim', difficulty, tolerance: 50 });
        expect(line).toContain('"tolerance": 50.0, ');
        expect(line).toContain('"timestamps": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5]');
        expect(row.ground_truth).toHaveLength(15);
        const file = join(out, 'scenes', `scene_${family}_${NAMES[difficulty]}_${k + 1}.json`);
        const fromFile = parseSceneText(readFileSync(file, 'utf8'), file);
        if (!fromFile.ok) throw new Error(JSON.stringify(fromFile.issues));
        const rebuilt = sceneFromPrompt(row.messages[0].content);
        expect(rebuilt.warnings).toEqual([]);
        expect(rebuilt.setting).toBe(row.prompt_setting);
        expect(physicsFields(rebuilt.scene)).toEqual(physicsFields(fromFile.scene));
        // physicsFields counts every circle alike (sides ≤ 2, as reference scene files differ there);
        // a generated row's prompt gives back its file's exact side counts.
        expect(rebuilt.scene.balls.map((b) => b.sides)).toEqual(fromFile.scene.balls.map((b) => b.sides));
    });
    if (!simulate) return;
    output.stdout = '';
    expect(await bouncingsim.main(['check', rowsFile]), output.stdout + output.stderr).toBe(0);
    const ok = output.stdout.split('\n').filter((l) => / 15\/15 {2}max /.test(l));
    expect(ok).toHaveLength(count);
}

const SINGLE_CELLS = ['A', 'B', 'C', 'D', 'F', 'G'].flatMap((l) => [0, 1, 2, 3, 4].map((d) => [l, d] as const));
const PAIRS = ['AB', 'AC', 'AD', 'AF', 'AG', 'BC', 'BD', 'BF', 'BG', 'CD', 'CF', 'CG', 'DF', 'DG', 'FG'];

// Every cell's rebuilt scene equals its scene file in every field the simulator reads (physicsFields),
// and the simulation is deterministic; so `check` (a second simulation of each row) runs on every
// third cell, which still takes each family letter and difficulty through it.
describe('every generated row checks 15/15 with the scene rebuilt from its prompt, which equals the scene file', () => {
    it.each(([...SINGLE_CELLS, ['H', 0], ['H', 1], ['H', 2]] as const).map(([l, d], i) => [l, d, i % 3 === 0] as const))('%s at difficulty %i (check: %s)', async (family, d, simulate) => {
        const { out, rowsFile } = await generate(family, d, 1, ['--no-validate']);
        await expectRowsCheckAndRoundTrip(out, rowsFile, family, d, 1, simulate);
    });
    // One difficulty per pair (cycling 0–3) keeps the run short; ranges.test.ts samples every cell.
    it.each(PAIRS.map((p, i) => [p, i % 4, i % 3 === 0] as const))('%s at difficulty %i (check: %s)', async (family, d, simulate) => {
        const { out, rowsFile } = await generate(family, d, 1, ['--no-validate']);
        await expectRowsCheckAndRoundTrip(out, rowsFile, family, d, 1, simulate);
    });
    it('with the step-size validation on, in list mode, several rows', async () => {
        const { out, rowsFile } = await generate('CD', 1, 3, ['--prompt-setting', 'list']);
        await expectRowsCheckAndRoundTrip(out, rowsFile, 'CD', 1, 3);
        const row = JSON.parse(readFileSync(rowsFile, 'utf8').split('\n')[0]);
        expect(row.ground_truth[0]).toMatch(/^assert check_distance\(predict_position\(\)\[0\], \[\[-?\d+\.\d+, -?\d+\.\d+\]\]\) <= 50\.0$/);
        expect(row.messages[0].content).toContain('- Prediction target times: 0.10s, 0.20s, 0.30s, 0.40s, 0.50s, 0.60s, 0.70s, 0.80s, 0.90s, 1.00s, 1.10s, 1.20s, 1.30s, 1.40s, 1.50s (15 timestamps)');
    });
});

describe('determinism', () => {
    const files = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort()
        .filter((f) => f.endsWith('.json') || f.endsWith('.jsonl')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
    // Without the step-size validation (three simulations a row at a fine step); the list-mode test
    // above generates with it.
    it('the same arguments give byte-identical files; another seed changes them', async () => {
        const a = await generate('G', 2, 2, ['--no-validate']);
        const b = await generate('G', 2, 2, ['--no-validate']);
        expect(files(b.out)).toEqual(files(a.out));
        const c = tmp();
        expect(await bouncingsim.main(['generate', '--family', 'G', '--difficulty', '2', '--count', '2', '--seed', 'other', '--out', c, '--no-validate'])).toBe(0);
        expect(files(c)).not.toEqual(files(a.out));
    });
    it('a row does not depend on the count asked for; family letters may come in any order', async () => {
        const one = await generate('BF', 0, 1, ['--no-validate']);
        const two = await generate('FB', 0, 2, ['--no-validate']);
        expect(readFileSync(two.rowsFile, 'utf8').split('\n')[0]).toBe(readFileSync(one.rowsFile, 'utf8').split('\n')[0]);
    });
});

describe('prompt templates and usage errors', () => {
    it('--prompt-template fills the placeholders and the rows still check', async () => {
        const template = join(tmp(), 't.mustache');
        writeFileSync(template, 'Family {{family}} ({{difficulty_name}}), {{ball_count}} ball(s).\n\n{{scene_description}}\n\n### Task\n{{#list}}- Prediction target times: {{timestamps}}\n{{/list}}- Number of balls: {{ball_count}}\n');
        const { out, rowsFile } = await generate('FG', 0, 2, ['--prompt-template', template, '--no-validate']);
        const prompt: string = JSON.parse(readFileSync(rowsFile, 'utf8').split('\n')[0]).messages[0].content;
        expect(prompt.startsWith('Family FG (basic), 2 ball(s).\n\n### Scene description\n#### Containers\n- Container 1: regular polygon with ')).toBe(true);
        expect(prompt.endsWith('- Number of balls: 2\n')).toBe(true);
        await expectRowsCheckAndRoundTrip(out, rowsFile, 'FG', 0, 2);
    });
    it('an unknown placeholder or a template without the scene is a usage error naming the file and line', async () => {
        const dir = tmp();
        writeFileSync(join(dir, 'bad.txt'), 'line one\n{{scene_descriptoin}}\n');
        expect(await bouncingsim.main(['generate', '--family', 'A', '--difficulty', '0', '--count', '1', '--seed', 's', '--out', dir, '--prompt-template', join(dir, 'bad.txt')])).toBe(2);
        expect(output.stderr).toContain(`${join(dir, 'bad.txt')}:2: unknown placeholder {{scene_descriptoin}}`);
        writeFileSync(join(dir, 'empty.txt'), 'no scene here {{family}}');
        expect(await bouncingsim.main(['generate', '--family', 'A', '--difficulty', '0', '--count', '1', '--seed', 's', '--out', dir, '--prompt-template', join(dir, 'empty.txt')])).toBe(2);
        expect(output.stderr).toContain('must contain {{scene_description}}');
    });
    it.each([
        [['--family', 'E'], 'unknown family letter(s) E'],
        [['--family', 'AA'], 'repeats a letter'],
        [['--family', 'H', '--difficulty', '3'], 'H is defined for difficulties 0–2 only'],
        [['--family', 'AH'], 'H (periodic) is generated on its own'],
        [['--difficulty', '5'], '--difficulty must be 0, 1, 2, 3 or 4'],
        [['--count', '0'], '--count must be a positive integer'],
        [['--prompt-setting', 'table'], "--prompt-setting must be 'function' or 'list'"],
    ])('%j → exit 2', async (args, message) => {
        const base: Record<string, string> = { '--family': 'A', '--difficulty': '0', '--count': '1', '--seed': 's', '--out': tmp() };
        for (let i = 0; i < args.length; i += 2) base[args[i]] = args[i + 1];
        expect(await bouncingsim.main(['generate', ...Object.entries(base).flat()])).toBe(2);
        expect(output.stderr).toContain(message);
    });
});
