// Sampling helpers for the generator tests: scenes straight from the sampler (no simulation), the
// way the batch generator draws them (one stream per index and attempt).
import { Rng } from '../../language/dataset/families/prng.js';
import { sampleScene } from '../../language/bouncingsim/generate/family.js';
import { Rejected } from '../../language/bouncingsim/generate/placement.js';
import type { Difficulty } from '../../language/bouncingsim/generate/ranges.js';
import type { SceneTree } from '../../language/bouncingsim/generate/tree.js';
import { pyJsonDumps } from '../../language/python/json-dumps.js';

/** The written scene file as plain JSON (floats unwrapped). */
export type PlainScene = {
    physics: { gravity_enabled: boolean; gravity_x: number; gravity_y: number };
    boxes: { center: [number, number]; diameter: number; sides: number; rotation: number; rotation_speed: number; translation_path?: Record<string, unknown> }[];
    balls: { position: [number, number]; velocity: [number, number]; radius: number; sides: number; rotation_affected: boolean; angular_velocity?: number }[];
    meta: Record<string, any>;
};

export function sampleMany(family: string, difficulty: Difficulty, count: number, seed = 'ranges'): { tree: SceneTree; plain: PlainScene }[] {
    const out: { tree: SceneTree; plain: PlainScene }[] = [];
    for (let index = 1; index <= count; index++) {
        for (let attempt = 1; ; attempt++) {
            if (attempt > 500) throw new Error(`${family} ${difficulty}: no scene in 500 attempts`);
            try {
                const tree = sampleScene(family, difficulty, new Rng(seed, family, difficulty, index, attempt), { seed, index });
                out.push({ tree, plain: JSON.parse(pyJsonDumps(tree)) });
                break;
            } catch (error) {
                if (!(error instanceof Rejected)) throw error;
            }
        }
    }
    return out;
}

/** Independent start-state check: polygon circumcircles clear of every wall segment and of each other. */
export function startOverlaps(s: PlainScene): string[] {
    const problems: string[] = [];
    const segDist = (p: number[], a: number[], b: number[]) => {
        const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
        const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
    };
    s.balls.forEach((b, i) => {
        for (const [k, c] of s.boxes.entries()) {
            const R = c.diameter / 2;
            const v = Array.from({ length: c.sides }, (_, j) => [c.center[0] + R * Math.cos((2 * Math.PI * j) / c.sides), c.center[1] + R * Math.sin((2 * Math.PI * j) / c.sides)]);
            const d = Math.min(...v.map((a, j) => segDist(b.position, a, v[(j + 1) % v.length])));
            if (d <= b.radius) problems.push(`ball ${i + 1} overlaps a wall of container ${k + 1}`);
        }
        s.balls.forEach((o, j) => {
            if (j > i && Math.hypot(o.position[0] - b.position[0], o.position[1] - b.position[1]) <= b.radius + o.radius) problems.push(`balls ${i + 1} and ${j + 1} overlap`);
        });
    });
    return problems;
}
