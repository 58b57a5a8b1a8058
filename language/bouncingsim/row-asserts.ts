// A dataset row's asserts, parsed, with their timestamps resolved. No simulator here: the extension
// host reads asserts without loading the physics engine.
import { assertTime, parseAssert, type ParsedAssert } from './asserts.js';
import type { DatasetRow } from './rows.js';
import type { Vec2Tuple } from './scene-types.js';

export interface RowAsserts {
    timestamps: number[];
    expected: Vec2Tuple[][];
    tolerances: number[];
}

/** Parses every assert of a row and resolves its timestamp; throws with the assert's index on error. */
export function rowAsserts(row: DatasetRow, promptTimestamps?: number[]): RowAsserts {
    const out: RowAsserts = { timestamps: [], expected: [], tolerances: [] };
    row.ground_truth.forEach((text, k) => {
        let parsed: ParsedAssert;
        try {
            parsed = parseAssert(text);
        } catch (error) {
            throw new Error(`ground_truth[${k}]: ${(error as Error).message}`);
        }
        const time = assertTime(parsed, row.timestamps ?? promptTimestamps);
        if (time === undefined) throw new Error(`ground_truth[${k}]: list index ${(parsed as { index: number }).index} has no timestamp in the row`);
        out.timestamps.push(time);
        out.expected.push(parsed.expected);
        out.tolerances.push(parsed.tolerance);
    });
    return out;
}
