// Edited or absurd numbers in a prompt or a scene file: a clear error naming the field before the
// simulation starts, never a silent scene, an error from inside planck or a run of minutes.
import { describe, expect, it } from 'vitest';
import { sceneFromPrompt } from '../../language/bouncingsim/prompt-scene.js';
import { parseScene, SceneError } from '../../language/bouncingsim/scene-load.js';
import { simulate } from '../../language/bouncingsim/simulate.js';
import { fixtureRows } from './fixtures.js';

const row = fixtureRows().find((r) => r.row.id === 'A_3_1')!.row;

/** The fixture prompt with one edit applied (the edit must hit). */
function edited(from: string, to: string): string {
    expect(row.prompt).toContain(from);
    return row.prompt.replace(from, to);
}

function simulateError(prompt: string): unknown {
    const { scene } = sceneFromPrompt(prompt);
    try {
        simulate(scene, [0.1]);
    } catch (error) {
        return error;
    }
    return undefined;
}

describe('simulating a scene with impossible numbers', () => {
    it.each([
        ['a container with 0 sides', 'with 5 sides', 'with 0 sides', 'boxes[0].sides: must be an integer ≥ 3 (got 0)'],
        ['a container with 2 sides', 'with 5 sides', 'with 2 sides', 'boxes[0].sides: must be an integer ≥ 3 (got 2)'],
        ['a ball with 17 sides (planck: "Cannot set properties of undefined")', '(8 sides)', '(17 sides)', 'balls[0].sides: must be an integer ≤ 16'],
        ['a negative ball radius (was simulated as +30)', 'radius 30.0m', 'radius -30.0m', 'balls[0].radius: must be greater than 0 (got -30)'],
        ['a container radius of 1e308 m (ran for minutes)', 'radius 180.00m', 'radius 1e308m', 'boxes[0].diameter: must be a number (got Infinity)'],
        ['a container radius of 1e38 m', 'radius 180.00m', 'radius 1e38m', 'boxes[0].diameter: must be at most 1000000 m from 0'],
        ['a ball radius of 1e10 m (ran for minutes)', 'radius 30.0m', 'radius 1e10m', 'balls[0].radius: must be at most 1000000 m from 0'],
        ['a position of 1e39 (ran for minutes)', '(786, 782)', '(1e39, 782)', 'balls[0].position[0]: must be at most 1000000 m from 0'],
        ['a velocity of 1e308 (NaN positions after 40 s)', '(486.26, 543.72)', '(1e308, 543.72)', 'balls[0].velocity[0]: must be at most 3.4028234663852886e+38'],
    ])('%s', (_what, from, to, message) => {
        const error = simulateError(edited(from, to));
        expect(error).toBeInstanceOf(SceneError);
        expect((error as Error).message).toContain(message);
    });

    it('a prompt of 10,000 balls is refused before it simulates (300 balls took ~23 s)', () => {
        const ball = /- Ball 1: [^\n]*/.exec(row.prompt)![0];
        const many = Array.from({ length: 10_000 }, (_, i) => ball.replace('Ball 1:', `Ball ${i + 1}:`)).join('\n');
        const prompt = edited(ball, many).replace('Number of balls: 1', 'Number of balls: 10000');
        expect(sceneFromPrompt(prompt).scene.balls).toHaveLength(10_000);
        const error = simulateError(prompt);
        expect(error).toBeInstanceOf(SceneError);
        expect((error as Error).message).toBe('scene: balls: must have at most 100 entries (MAX_SCENE_BODIES; got 10000)');
    });

    it('simulates the unedited prompt', () => {
        expect(simulateError(row.prompt)).toBeUndefined();
    });

    it('a scene file gets the same limits', () => {
        const result = parseScene({
            boxes: [{ center: [750, 2e6], diameter: 300, sides: 5, translation_path: { type: 'lissajous', ax: 1e7, ay: 0 } }],
            balls: [{ position: [750, 750], velocity: [1e39, 0], radius: 20 }],
        }, 's.json');
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.issues.map((i) => i.path)).toEqual(['boxes[0].center[1]', 'boxes[0].translation_path.ax', 'balls[0].velocity[0]']);
    });
});
