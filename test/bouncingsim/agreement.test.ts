// Agreement with the pybox2d ground truth (spec §11.3 items 1–3), per fixture group and family.
// The thresholds are what this port actually reaches (spec §11.3 reports the same figures).
import { describe, expect, it } from 'vitest';
import { sceneFromPrompt } from '../../language/bouncingsim/prompt-scene.js';
import { checkRowWithSimulator, type RowCheck } from '../../language/bouncingsim/row-check.js';
import { simulate } from '../../language/bouncingsim/simulate.js';
import { examples, fixtureRows, loadScene, type FixtureRow } from './fixtures.js';

const rows = fixtureRows();
const cache = new Map<string, RowCheck>();
const key = (r: FixtureRow) => `${r.file}/${r.row.id}`;
function check(r: FixtureRow): RowCheck {
    if (!cache.has(key(r))) cache.set(key(r), checkRowWithSimulator(r.row));
    return cache.get(key(r))!;
}
const maxDistance = (c: RowCheck) => Math.max(...c.distances.map((d) => d ?? Infinity));

const isHard = (r: FixtureRow) => r.file === 'dataset_sample_hard.jsonl';
const chaotic = new Set(['A', 'AB', 'B']);

describe('rows: sub-pixel families (item 1)', () => {
    const sharp = rows.filter((r) => !isHard(r) || !chaotic.has(r.row.id.split('_')[0]));
    it('has every basic, cdfg and list row plus hard C, D, F, G', () => expect(sharp).toHaveLength(22 + 8));
    it.each(sharp.map((r) => [key(r), r] as const))('%s: every timestamp within 1.0', (_k, r) => {
        const c = check(r);
        expect(c.distances).toHaveLength(15);
        expect(maxDistance(c)).toBeLessThanOrEqual(1.0);
    });
});

describe('rows: rotating families, hard (item 2)', () => {
    // Family → [asserts within 50 out of 30, bound on the worst error reached]. With the float32
    // solver (box2d-float32/) B and AB hard are sub-pixel too; A_3_2 still drifts after ~0.6 s
    // (the narrow phase is float64) but stays within 36 px, and A_3_1 within 10.
    const expected: Record<string, [number, number]> = { A: [30, 36], AB: [30, 0.5], B: [30, 0.05] };
    it.each(Object.entries(expected))('%s hard: %j', (family, [passing, bound]) => {
        const checks = rows.filter((r) => isHard(r) && r.row.id.startsWith(`${family}_`)).map(check);
        expect(checks).toHaveLength(2);
        expect(checks.flatMap((c) => c.passed).filter(Boolean)).toHaveLength(passing);
        expect(Math.max(...checks.map(maxDistance))).toBeLessThanOrEqual(bound);
    });
    it('A_3_1 (spinning octagon, float32-sensitive) stays within 10 at every timestamp, 1.4 and 1.5 included', () => {
        const c = check(rows.find((r) => r.row.id === 'A_3_1' && isHard(r))!);
        expect(maxDistance(c)).toBeLessThanOrEqual(10);
        expect(c.distances.slice(0, 8)).toEqual(new Array(8).fill(0));
    });
    it('overall: 540/540 asserts, 36/36 rows, median error 0, at least 509 asserts reproduced to the last digit', () => {
        const all = rows.map(check);
        expect(all.flatMap((c) => c.passed).filter(Boolean)).toHaveLength(540);
        expect(all.filter((c) => c.all_pass)).toHaveLength(36);
        const d = all.flatMap((c) => c.distances as number[]).sort((a, b) => a - b);
        expect(d[Math.floor(d.length / 2)]).toBe(0);
        expect(d.filter((x) => x === 0).length).toBeGreaterThanOrEqual(509);
    });
});

// prompt-scene.test.ts shows every row's rebuilt scene equal to its scene file in physicsFields; these
// simulations show that those are the fields the simulator reads, on every fourth row (a simulation
// of each of the 36 cost ~5 CPU-s of `npm test`).
describe('rows: rebuilt scenes simulate exactly like the scene files (§8.4)', () => {
    it.each(rows.filter((_, i) => i % 4 === 0).map((r) => [key(r), r] as const))('%s', (_k, r) => {
        const c = check(r);
        expect(simulate(loadScene(r.scenePath), c.timestamps)).toEqual(c.simulated);
        expect(sceneFromPrompt(r.row.prompt).scene.balls).toHaveLength(c.simulated[0].length);
    });
});

describe('examples without the 15-px validation (item 3)', () => {
    const all = examples();
    it('has the 13 example scenes', () => expect(all).toHaveLength(13));
    // Even the scenes the generator's validation rejected as chaotic (AB_d0, D_d2, A_d3) stay within
    // 0.11 with the float32 solver (they drifted by up to 12 in float64); most are exact.
    const bound: Record<string, number> = {};
    it.each(all.map((e) => [e.name, e] as const))('%s', (name, e) => {
        const got = simulate(e.scene, e.timestamps);
        const errors = got.flatMap((balls, k) => balls.map(([x, y], b) => Math.hypot(x - e.positions[k][b][0], y - e.positions[k][b][1])));
        expect(errors).toHaveLength(15 * e.scene.balls.length);
        expect(Math.max(...errors)).toBeLessThanOrEqual(bound[name] ?? 0.11);
    });
});
