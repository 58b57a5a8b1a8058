// The SYNTHETIC BouncingSim part of the demo run (scripts/demo-rollouts.mjs): no model wrote these
// answers. Three problems made by our own generator (`delta bouncingsim generate`, seeded), four
// steps of GRPO groups of four answers each, in verl's dump format. An answer is one of a few
// kinds built from the row's own asserts: the exact positions (passes), the truth drifting away
// with time (a near miss that fails late timestamps), a straight line that ignores the walls, a
// ball that never moves, one that raises, and one refused by the safety filter. The chance of the
// exact answer rises with the step. Needs the built CLI (`npm run build`) for the generator.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from './mulberry32.mjs';

export const BOUNCINGSIM_DIR = 'synthetic-verl-bouncingsim';
const STEPS = 4;
const GROUP = 4;
const FAMILIES = ['A', 'B', 'C'];
const SEED = 12;

/** Rows from the generator: basic difficulty, one per family, seeded (byte-identical reruns). */
function generateRows(cli) {
    const dir = mkdtempSync(join(tmpdir(), 'demo-bouncingsim-'));
    try {
        return FAMILIES.map((family) => {
            const out = join(dir, family);
            execFileSync(process.execPath, [cli, 'bouncingsim', 'generate', '--family', family, '--difficulty', '0', '--count', '1', '--seed', String(SEED), '--out', out], { stdio: 'ignore' });
            return JSON.parse(readFileSync(join(out, `dataset_${family}_basic.jsonl`), 'utf8').split('\n')[0]);
        });
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** `"0.10" → [[x, y], …]` from the row's function-mode asserts. */
function truthTable(row) {
    return Object.fromEntries(row.ground_truth.map((a) => {
        const m = /predict_position\(([\d.]+)\), (\[.*\])\) <=/.exec(a);
        return [m[1], JSON.parse(m[2])];
    }));
}

const table = (row) => `TABLE = ${JSON.stringify(truthTable(row))}`;

const ANSWERS = {
    exact: (row) => [table(row), '', 'def predict_position(t):', "    return TABLE['%.2f' % t]"],
    // From 25 (only t = 1.5 s is too far) to 120 (too far from t = 0.7 s on), by sample.
    drift: (row, sample) => {
        const k = [25, 30, 45, 120][sample % 4];
        return [table(row), '', '# The positions drift from the truth as time goes on.', 'def predict_position(t):',
            `    return [[x + ${k} * t * t, y] for x, y in TABLE['%.2f' % t]]`];
    },
    linear: (row) => {
        const t = truthTable(row);
        const [a, b] = [t['0.10'], t['0.20']];
        const v = a.map((p, i) => [(b[i][0] - p[0]) / 0.1, (b[i][1] - p[1]) / 0.1]);
        return [`START = ${JSON.stringify(a)}`, `VELOCITY = ${JSON.stringify(v.map(([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100]))}`, '',
            '# Straight-line motion: no walls, no spin.', 'def predict_position(t):',
            '    return [[round(x + vx * (t - 0.1), 2), round(y + vy * (t - 0.1), 2)] for (x, y), (vx, vy) in zip(START, VELOCITY)]'];
    },
    frozen: (row) => [`START = ${JSON.stringify(truthTable(row)['0.10'])}`, '', 'def predict_position(t):', '    return START'],
    raises: () => ['def predict_position(t):', '    speed = 0', '    return [[750 / speed, 750]]'],
    refused: () => ['import os', '', 'def predict_position(t):', '    return [[750, 750]]'],
};

/** Chance of the exact answer at a step: low, then a jump (the grokking picture, in small). */
const exactChance = (step) => [0.05, 0.1, 0.5, 0.8][step] ?? 0.8;
const WRONG = ['drift', 'drift', 'drift', 'linear', 'frozen', 'raises', 'refused'];

function respond(kind, lines) {
    return `<think>\nThe ball moves at constant speed between wall hits; I will ${kind === 'exact' ? 'track each bounce' : 'approximate the motion'}.\n</think>\n\n\`\`\`python\n${lines.join('\n')}\n\`\`\`\n`;
}

/** Writes `<out>/synthetic-verl-bouncingsim/<step>.jsonl`; returns the number of answers. */
export function writeBouncingSimRun(out, cli = 'out/cli.cjs') {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (the BouncingSim demo rows come from \`delta bouncingsim generate\`)`);
    const rows = generateRows(cli);
    const random = mulberry32(20250922);
    const dir = join(out, BOUNCINGSIM_DIR);
    mkdirSync(dir, { recursive: true });
    let count = 0;
    for (let step = 0; step < STEPS; step++) {
        const lines = [];
        for (const row of rows) {
            for (let sample = 0; sample < GROUP; sample++) {
                const kind = random() < exactChance(step) ? 'exact' : WRONG[Math.floor(random() * WRONG.length)];
                lines.push(JSON.stringify({
                    input: row.messages[0].content,
                    output: respond(kind, ANSWERS[kind](row, sample)),
                    gts: row.ground_truth,
                    step,
                    id: row.id,
                    data_source: 'ballsim',
                    synthetic: true,
                    synthetic_kind: kind,
                }));
                count++;
            }
        }
        writeFileSync(join(dir, `${step}.jsonl`), `${lines.join('\n')}\n`);
    }
    return { count, steps: STEPS, problems: rows.length, group: GROUP };
}
