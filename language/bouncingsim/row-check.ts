// Checks the TS simulator against one dataset row: rebuild the scene from the prompt, simulate the
// asserts' timestamps, and score each assert with check_distance like the benchmark would.

import { checkDistance } from './distance.js';
import { sceneFromPrompt } from './prompt-scene.js';
import { rowAsserts, type RowAsserts } from './row-asserts.js';
import { familyOf, type DatasetRow } from './rows.js';
import type { Scene, Vec2Tuple } from './scene-types.js';
import { simulate } from './simulate.js';

export interface RowCheck {
    id: string;
    family: string;
    timestamps: number[];
    expected: Vec2Tuple[][];
    simulated: Vec2Tuple[][];
    /** check_distance per assert; null when the ball counts differ (a failed test). */
    distances: (number | null)[];
    passed: boolean[];
    pass_rate: number;
    all_pass: boolean;
}

/** Scores simulated positions against a row's asserts. */
export function scoreRow(id: string, asserts: RowAsserts, simulated: Vec2Tuple[][]): RowCheck {
    const distances = asserts.expected.map((exp, k) => {
        try {
            return checkDistance(simulated[k], exp);
        } catch {
            return null;
        }
    });
    const passed = distances.map((d, k) => d !== null && d <= asserts.tolerances[k]);
    const count = passed.filter(Boolean).length;
    return {
        id, family: familyOf(id), timestamps: asserts.timestamps, expected: asserts.expected, simulated, distances, passed,
        pass_rate: passed.length ? count / passed.length : 0,
        all_pass: passed.length > 0 && count === passed.length,
    };
}

/** Rebuilds the row's scene (or uses `scene` when given) and checks the simulator against the row. */
export function checkRowWithSimulator(row: DatasetRow, scene?: Scene): RowCheck {
    const rebuilt = sceneFromPrompt(row.prompt);
    const asserts = rowAsserts(row, rebuilt.timestamps);
    return scoreRow(row.id, asserts, simulate(scene ?? rebuilt.scene, asserts.timestamps));
}
