// What a trajectory panel is built from: a scene JSON file, a dataset row (scene rebuilt from the
// prompt, ground truth from the asserts), optionally with a model answer. The cheap detection the
// CodeLens needs is in scan.ts. No `vscode` here, so all of it is unit-tested.

import { sceneFromPrompt } from '../../language/bouncingsim/prompt-scene.js';
import { rowAsserts } from '../../language/bouncingsim/row-asserts.js';
import type { DatasetRow } from '../../language/bouncingsim/rows.js';
import { formatIssue, parseSceneText } from '../../language/bouncingsim/scene-load.js';
import type { Geometry, Marker } from '../webview/protocol.js';
import { geometryOf } from './frames.js';

export interface TrajectoryInput {
    title: string;
    /** Scene JSON for the worker, which validates it again (it only takes plain data). */
    scene: unknown;
    /** Labels validation messages. */
    file: string;
    geometry: Geometry;
    /** Ground truth at the test timestamps; without `markers` they are read off the simulated frames. */
    truth: { label: string; markers?: Marker[] };
    /** A model's program and the asserts it is checked with (the row's `ground_truth`). */
    model?: { program: string; asserts: string[]; timestamps: number[] };
}

const MAX_LISTED_ISSUES = 5;

/** Builds the input for a scene file; throws with the validation issues when the scene is broken. */
export function sceneInput(text: string, file: string, name: string): TrajectoryInput {
    const parsed = parseSceneText(text, name);
    if (!parsed.ok) {
        const shown = parsed.issues.slice(0, MAX_LISTED_ISSUES).map(formatIssue);
        const more = parsed.issues.length - shown.length;
        throw new Error(`The scene cannot be simulated:\n${shown.join('\n')}${more > 0 ? `\n… and ${more} more` : ''}`);
    }
    const { scene } = parsed;
    const input: TrajectoryInput = {
        title: `Trajectory: ${name}`,
        scene: JSON.parse(text),
        file,
        geometry: geometryOf(scene),
        truth: { label: 'TS simulator at the standard timestamps (the scene has no "tests")' },
    };
    if (scene.tests?.length) input.truth = { label: 'the scene\'s "tests"', markers: scene.tests.map((t) => ({ time: t.time, positions: t.position })) };
    return input;
}

/** Builds the input for a dataset row; `program` is a model answer to check against the row; `name` replaces the id in the title. */
export function rowInput(row: DatasetRow, program?: string, name = row.id): TrajectoryInput {
    const rebuilt = sceneFromPrompt(row.prompt);
    const asserts = rowAsserts(row, rebuilt.timestamps);
    const input: TrajectoryInput = {
        title: `Trajectory: ${name}${program !== undefined ? ' (model answer)' : ''}`,
        scene: rebuilt.scene,
        file: `row ${row.id}`,
        geometry: geometryOf(rebuilt.scene),
        truth: { label: 'stored ground truth (the row\'s asserts)', markers: asserts.timestamps.map((time, k) => ({ time, positions: asserts.expected[k] })) },
    };
    if (program !== undefined) input.model = { program, asserts: row.ground_truth, timestamps: asserts.timestamps };
    return input;
}

