// Batch generation behind `delta bouncingsim generate`: for each index, sample a scene from its
// own seeded stream (so a row never depends on how many were asked for), reject scenes that break
// a start rule or whose simulation is step-size sensitive, then simulate the ground truth and
// write the prompt and row.

import { Rng } from '../../dataset/families/prng.js';
import { pyJsonDumps, pyJsonDumpsIndented } from '../../python/json-dumps.js';
import type { PromptSetting } from '../asserts.js';
import type { Vec2Tuple } from '../scene-types.js';
import { simulate } from '../simulate.js';
import { DT, STANDARD_TIMESTAMPS } from '../step-count.js';
import { sampleScene } from './family.js';
import { Rejected } from './placement.js';
import { promptText } from './prompt.js';
import { DIFFICULTY_NAMES, type Difficulty } from './ranges.js';
import { buildRow, type GeneratedRow } from './row.js';
import { resolveTree, type SceneTree } from './tree.js';

export const DEFAULT_TOLERANCE = 50.0;
/** Scene validation: the same scene with dt = 1/3000 must stay within 15 m of dt = 1/4000 at these times. */
export const VALIDATION = { dt: 1 / 3000, times: [0.5, 1.0, 1.5], maxError: 15 } as const;
export const MAX_ATTEMPTS = 500;

export interface GenerateOptions {
    /** Sorted letters (family.parseFamily). */
    family: string;
    difficulty: Difficulty;
    count: number;
    seed: string;
    setting?: PromptSetting;
    /** Mustache template text (checked by the caller); default: DELTA Studio's wording. */
    template?: string;
    /** Skip the step-size validation (faster, and keeps chaotic scenes). Default: validate. */
    validate?: boolean;
}

export interface GeneratedProblem {
    index: number;
    sceneName: string;
    scene: SceneTree;
    sceneText: string;
    row: GeneratedRow;
    rowLine: string;
    attempts: number;
}

export class GenerationError extends Error {}

const sceneName = (family: string, difficulty: Difficulty, index: number) => `scene_${family}_${DIFFICULTY_NAMES[difficulty]}_${index}`;
const far = (a: Vec2Tuple[], b: Vec2Tuple[]) => Math.max(...a.map(([x, y], k) => Math.hypot(x - b[k][0], y - b[k][1])));

/** Why a scene fails the step-size check, given its ground truth at STANDARD_TIMESTAMPS. */
function validationProblem(tree: SceneTree, truth: Vec2Tuple[][]): string | undefined {
    const coarse = simulate(resolveTree(tree), VALIDATION.times, { dt: VALIDATION.dt });
    const error = Math.max(...VALIDATION.times.map((t, k) => far(coarse[k], truth[STANDARD_TIMESTAMPS.indexOf(t)])));
    return error > VALIDATION.maxError ? `dt = 1/3000 and 1/4000 differ by ${error.toFixed(1)} m` : undefined;
}

export function generateOne(o: GenerateOptions, index: number): GeneratedProblem {
    const setting = o.setting ?? 'function';
    let last = '';
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const rng = new Rng(o.seed, 'bouncingsim', o.family, o.difficulty, index, attempt);
        let tree: SceneTree;
        try {
            tree = sampleScene(o.family, o.difficulty, rng, { seed: o.seed, index });
        } catch (error) {
            if (!(error instanceof Rejected)) throw error;
            last = error.message;
            continue;
        }
        const truth = simulate(resolveTree(tree), STANDARD_TIMESTAMPS, { dt: DT });
        const problem = o.validate === false ? undefined : validationProblem(tree, truth);
        if (problem) { last = problem; continue; }
        const prompt = promptText(tree, {
            setting, timestamps: STANDARD_TIMESTAMPS, tolerance: DEFAULT_TOLERANCE,
            family: o.family, difficulty: o.difficulty, difficultyName: DIFFICULTY_NAMES[o.difficulty],
        }, o.template);
        const row = buildRow({
            family: o.family, difficulty: o.difficulty, index, prompt, setting,
            timestamps: STANDARD_TIMESTAMPS, positions: truth, tolerance: DEFAULT_TOLERANCE,
        });
        return {
            index, sceneName: sceneName(o.family, o.difficulty, index), scene: tree, sceneText: pyJsonDumpsIndented(tree, 2),
            row, rowLine: pyJsonDumps(row), attempts: attempt,
        };
    }
    throw new GenerationError(`${o.family} ${DIFFICULTY_NAMES[o.difficulty]} #${index}: no acceptable scene in ${MAX_ATTEMPTS} attempts (last: ${last})`);
}

export function* generateProblems(o: GenerateOptions): Generator<GeneratedProblem> {
    for (let index = 1; index <= o.count; index++) yield generateOne(o, index);
}

export const datasetFileName = (family: string, difficulty: Difficulty): string => `dataset_${family}_${DIFFICULTY_NAMES[difficulty]}.jsonl`;
