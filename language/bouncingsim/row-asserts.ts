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

/**
 * A list prompt's "Prediction target times" that differ from the row's `timestamps`, which the asserts
 * use (the model was asked for other times than it is checked at): the warning to print, else undefined.
 */
export function promptTimesWarning(row: DatasetRow, promptTimestamps: number[] | undefined): string | undefined {
    const own = row.timestamps;
    if (!own || !promptTimestamps) return undefined;
    if (own.length === promptTimestamps.length && own.every((t, k) => t === promptTimestamps[k])) return undefined;
    const list = (ts: number[]) => (ts.length > 20 ? `${ts.slice(0, 20).join(', ')}, … ${ts.length} in all` : ts.join(', '));
    return `the prompt's target times (${list(promptTimestamps)}) differ from the row's timestamps (${list(own)}); the asserts use the row's`;
}
