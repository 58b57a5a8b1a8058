// Fixture access for the BouncingSim tests (spec §11): rows, their scene files and the examples.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseRows, type DatasetRow } from '../../language/bouncingsim/rows.js';
import { parseSceneText } from '../../language/bouncingsim/scene-load.js';
import type { Scene, Vec2Tuple } from '../../language/bouncingsim/scene-types.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/bouncingsim/', import.meta.url));

/** Row file → scene set folder (spec §11.1). */
export const ROW_FILES = {
    'dataset_sample_basic.jsonl': 'sample',
    'dataset_sample_hard.jsonl': 'sample',
    'dataset_sample_cdfg_basic.jsonl': 'sample_cdfg',
    'dataset_sample_list.jsonl': 'sample_list',
} as const;
export type RowFile = keyof typeof ROW_FILES;

const DIFF_NAMES: Record<string, string> = { 0: 'basic', 1: 'easy', 2: 'medium', 3: 'hard', 4: 'extreme' };

export function loadScene(path: string): Scene {
    const result = parseSceneText(readFileSync(path, 'utf8'), path);
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    return result.scene;
}

export interface FixtureRow { file: RowFile; row: DatasetRow; scenePath: string }

export function fixtureRows(): FixtureRow[] {
    return (Object.keys(ROW_FILES) as RowFile[]).flatMap((file) => {
        const { rows, errors } = parseRows(readFileSync(`${FIXTURES}rows/${file}`, 'utf8'), file);
        if (errors.length) throw new Error(JSON.stringify(errors));
        return rows.map(({ row }) => {
            const [letters, d, i] = row.id.split('_');
            const diff = DIFF_NAMES[d];
            return { file, row, scenePath: `${FIXTURES}scenes/${ROW_FILES[file]}/scenes_${letters}/${diff}/scene_${letters}_${diff}_${i}.json` };
        });
    });
}

export interface Example { name: string; scene: Scene; timestamps: number[]; positions: Vec2Tuple[][] }

export function examples(): Example[] {
    const dir = `${FIXTURES}examples/`;
    const truth = JSON.parse(readFileSync(`${dir}ground_truth_original_pybox2d.json`, 'utf8')) as Record<string, { timestamps: number[]; positions: Vec2Tuple[][] }>;
    const names = readdirSync(dir).filter((f) => f.startsWith('scene_')).map((f) => f.replace(/\.json$/, '')).sort();
    return names.map((name) => ({ name, scene: loadScene(`${dir}${name}.json`), ...truth[name] }));
}

/** The fields that change the physics (spec §2, §8.4), normalised (a circle is any sides ≤ 2). */
export function physicsFields(scene: Scene) {
    return {
        physics: scene.physics,
        boxes: scene.boxes,
        balls: scene.balls.map(({ color: _color, ...ball }) => ({ ...ball, sides: ball.sides <= 2 ? 0 : ball.sides })),
        outer_rotation_profile: scene.outer_rotation_profile,
        gravity_time_variation: scene.gravity_time_variation,
        has_gravity_profile: scene.has_gravity_profile,
    };
}
