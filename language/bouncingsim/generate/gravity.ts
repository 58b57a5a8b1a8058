// Gravity modes of family D (and of combinations containing D).
import type { Rng } from '../../dataset/families/prng.js';
import { GRAVITY, type GravityMode } from './ranges.js';
import { f2, type SceneTree } from './tree.js';

export interface SampledGravity {
    physics: SceneTree['physics'];
    /** Tilted gravity only: the angle in degrees, kept in meta.gravity_profile. */
    tiltDeg?: number;
}

export function sampleGravity(rng: Rng, mode: GravityMode): SampledGravity {
    if (mode === 'tilted') {
        const max = (GRAVITY.tiltMaxDeg * Math.PI) / 180;
        const a = rng.uniform(-max, max);
        return {
            physics: { gravity_enabled: true, gravity_x: f2(GRAVITY.large * Math.sin(a)), gravity_y: f2(-GRAVITY.large * Math.cos(a)) },
            tiltDeg: (a * 180) / Math.PI,
        };
    }
    return { physics: { gravity_enabled: true, gravity_x: f2(0), gravity_y: f2(-GRAVITY[mode]) } };
}
