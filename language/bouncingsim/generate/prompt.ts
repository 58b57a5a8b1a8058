// The prompt of a generated row: a template around the scene description. The default template
// is DELTA Studio's own wording; `--prompt-template FILE` replaces it (placeholders below, and in
// docs/bouncingsim-generation.md). Only the scene description block and the "Number of balls" /
// "Prediction target times" lines are read back by tools, so only they follow the benchmark.

import { checkTemplate, fillTemplate, type TemplateValues } from '../../dataset/fill-template.js';
import { pyFixed, pyFloatRepr } from '../../python/number-format.js';
import type { PromptSetting } from '../asserts.js';
import { sceneDescription } from './scene-text.js';
import type { SceneTree } from './tree.js';

export const PROMPT_PLACEHOLDERS = [
    'scene_description', 'ball_count', 'timestamps', 'timestamp_count', 'tolerance', 'family', 'difficulty', 'difficulty_name', 'function', 'list',
] as const;

export const DEFAULT_PROMPT_TEMPLATE = `## Predicting polygon motion
Write Python that tells where every ball of the scene below is at given times. Balls are regular polygons moving inside polygonal containers; they bounce off container walls and off each other without losing energy. Work the positions out from the initial state and the mechanics; a model that only guesses will miss the checks.

### How the world works
- Positions are in metres, times in seconds, angles in radians, speeds in m/s and accelerations in m/s^2; +X points right and +Y points up.
- Between collisions a ball moves with constant acceleration (gravity, when the scene has it).
- Collisions are perfectly elastic and frictionless: the velocity component along the contact normal flips, the tangential one stays.
- Balls have size: a collision happens when the polygon outlines touch, not when the centres reach a wall.
- Containers follow their prescribed motion whatever hits them.

### Rules for your code
{{#function}}- Define one function, predict_position(t), that takes a time in seconds; nothing else is called.
{{/function}}{{#list}}- Define one function, predict_position, that takes no argument and covers every requested time; nothing else is called.
{{/list}}- Use only the standard library's math module: no other imports, no file or network access, no printing, no randomness and no state kept between calls.
- Round every coordinate with round(value, 2) and turn -0.0 into 0.0.

### What is checked
{{#function}}- predict_position(t) returns one [x, y] pair per ball, in ball order, for the time t it is given.
{{/function}}{{#list}}- The function returns one list per requested time (in the order given), each holding one [x, y] pair per ball in ball order.
{{/list}}- A prediction passes when the mean distance to the true positions is at most {{tolerance}} m.

{{scene_description}}

### Conventions for this scene
- Every container is a regular polygon given by its number of sides, circumradius ('radius') and center.
- At orientation 0 a polygon's first vertex lies on the +X axis from its centre; vertices follow counter-clockwise, and positive angles turn counter-clockwise.
- Every ball is a regular polygon given by its sides, circumradius and initial position, starting at orientation 0.
- A ball without an initial angular velocity keeps its orientation for ever; a ball with one spins freely.
- Containers are immovable by collisions: their motion is prescribed.
- Containers never collide with each other, but a ball collides with the walls of every container.

### Task
{{#list}}- Prediction target times: {{timestamps}} ({{timestamp_count}} timestamps)
{{/list}}- Number of balls: {{ball_count}}
- Reason step by step, then give your code in one python block:
\`\`\`python
[your code]
\`\`\`
{{#function}}- predict_position(t) returns a list of {{ball_count}} [x, y] pairs.
{{/function}}{{#list}}- predict_position() returns {{timestamp_count}} lists of {{ball_count}} [x, y] pairs.
{{/list}}`;

export interface PromptContext {
    setting: PromptSetting;
    timestamps: readonly number[];
    tolerance: number;
    family: string;
    difficulty: number;
    difficultyName: string;
}

export function promptValues(tree: SceneTree, ctx: PromptContext): TemplateValues {
    return {
        scene_description: sceneDescription(tree),
        ball_count: tree.balls.length,
        timestamps: ctx.timestamps.map((t) => `${pyFixed(t, 2)}s`).join(', '),
        timestamp_count: ctx.timestamps.length,
        tolerance: pyFloatRepr(ctx.tolerance),
        family: ctx.family,
        difficulty: ctx.difficulty,
        difficulty_name: ctx.difficultyName,
        function: ctx.setting === 'function',
        list: ctx.setting === 'list',
    };
}

/** Checks a user template: known placeholders only, and the scene description must be in it. */
export function checkPromptTemplate(template: string, file: string): void {
    checkTemplate(template, PROMPT_PLACEHOLDERS, file, ['scene_description']);
}

export function promptText(tree: SceneTree, ctx: PromptContext, template = DEFAULT_PROMPT_TEMPLATE): string {
    return fillTemplate(template, promptValues(tree, ctx));
}
