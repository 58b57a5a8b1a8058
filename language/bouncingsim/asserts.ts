// Assert strings of dataset rows (docs/bouncingsim.md §7): parsing them back into timestamps, expected positions
// and tolerance, and formatting them so regenerated asserts equal the row's byte for byte.

import { pyFixed, pyFloatRepr } from '../python/number-format.js';
import type { Vec2Tuple } from './scene-types.js';

export type PromptSetting = 'function' | 'list';

export type ParsedAssert =
    | { mode: 'function'; time: number; expected: Vec2Tuple[]; tolerance: number }
    | { mode: 'list'; index: number; expected: Vec2Tuple[]; tolerance: number };

export class AssertFormatError extends Error {
    constructor(message: string, readonly text: string) {
        super(message);
        this.name = 'AssertFormatError';
    }
}

const NUM = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`;
// Whitespace is tolerated; the positions literal sits between `predict_position(…), ` and `) <= `.
const ASSERT = new RegExp(
    String.raw`^\s*assert\s+check_distance\(\s*predict_position\(\s*(?:(${NUM})\s*\)|\)\s*\[\s*(\d+)\s*\])\s*,\s*(\[.*\])\s*\)\s*<=\s*(${NUM})\s*$`,
    's',
);

function parsePositions(literal: string, text: string): Vec2Tuple[] {
    let value: unknown;
    try {
        // A Python list of floats is valid JSON (tuples and inf/nan are not produced by the generator).
        value = JSON.parse(literal.replace(/\(/g, '[').replace(/\)/g, ']'));
    } catch {
        throw new AssertFormatError(`expected positions are not a list of [x, y] pairs: ${literal}`, text);
    }
    if (!Array.isArray(value) || !value.every((p) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number'))) {
        throw new AssertFormatError(`expected positions are not a list of [x, y] pairs: ${literal}`, text);
    }
    return value as Vec2Tuple[];
}

export function parseAssert(text: string): ParsedAssert {
    const m = ASSERT.exec(text);
    if (!m) throw new AssertFormatError('not an assert of the form `assert check_distance(predict_position(…), [[x, y], …]) <= tol`', text);
    const expected = parsePositions(m[3], text);
    const tolerance = Number(m[4]);
    if (m[1] !== undefined) return { mode: 'function', time: Number(m[1]), expected, tolerance };
    return { mode: 'list', index: Number(m[2]), expected, tolerance };
}

/** Timestamp an assert checks: its own argument (function mode) or the row's timestamps[index] (list mode). */
export function assertTime(parsed: ParsedAssert, timestamps: readonly number[] | undefined): number | undefined {
    return parsed.mode === 'function' ? parsed.time : timestamps?.[parsed.index];
}

/** Python `str()` of a list of [x, y] float pairs. */
export function formatPositions(positions: readonly Vec2Tuple[]): string {
    return `[${positions.map(([x, y]) => `[${pyFloatRepr(x)}, ${pyFloatRepr(y)}]`).join(', ')}]`;
}

export type AssertSpec =
    | { mode: 'function'; time: number; positions: readonly Vec2Tuple[]; tolerance: number }
    | { mode: 'list'; index: number; positions: readonly Vec2Tuple[]; tolerance: number };

/** The generator's exact assert text (function: `{t:.2f}`; list: the 0-based timestamp index). */
export function formatAssert(spec: AssertSpec): string {
    const call = spec.mode === 'function' ? `predict_position(${pyFixed(spec.time, 2)})` : `predict_position()[${spec.index}]`;
    return `assert check_distance(${call}, ${formatPositions(spec.positions)}) <= ${pyFloatRepr(spec.tolerance)}`;
}

/** All asserts of a row, in timestamp order, from ground-truth positions. */
export function formatAsserts(mode: PromptSetting, timestamps: readonly number[], positions: readonly (readonly Vec2Tuple[])[], tolerance: number): string[] {
    return timestamps.map((time, index) =>
        formatAssert(mode === 'function' ? { mode, time, positions: positions[index], tolerance } : { mode, index, positions: positions[index], tolerance }));
}
