// A generated dataset row (keys in the benchmark's order) from a scene and its ground truth.

import { PyFloat } from '../../python/json-dumps.js';
import { formatAsserts, type PromptSetting } from '../asserts.js';
import type { Vec2Tuple } from '../scene-types.js';

export const ROW_KEYS = ['messages', 'ground_truth', 'dataset', 'id', 'difficulty', 'timestamps', 'tolerance', 'prompt_setting'] as const;

export interface GeneratedRow {
    messages: [{ role: 'user'; content: string }];
    ground_truth: string[];
    dataset: 'ballsim';
    id: string;
    difficulty: number;
    timestamps: PyFloat[];
    tolerance: PyFloat;
    prompt_setting: PromptSetting;
}

export const rowId = (family: string, difficulty: number, index: number): string => `${family}_${difficulty}_${index}`;

export function buildRow(o: {
    family: string; difficulty: number; index: number; prompt: string; setting: PromptSetting;
    timestamps: readonly number[]; positions: Vec2Tuple[][]; tolerance: number;
}): GeneratedRow {
    return {
        messages: [{ role: 'user', content: o.prompt }],
        ground_truth: formatAsserts(o.setting, o.timestamps, o.positions, o.tolerance),
        dataset: 'ballsim',
        id: rowId(o.family, o.difficulty, o.index),
        difficulty: o.difficulty,
        timestamps: o.timestamps.map((t) => new PyFloat(t)),
        tolerance: new PyFloat(o.tolerance),
        prompt_setting: o.setting,
    };
}
