// `delta bouncingsim generate`: new BouncingSim problems (scene files + dataset rows) of one family
// and difficulty, with ground truth from the TS simulator.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseOptions, UsageError } from '../../command.js';
import { checkOutputFolder } from '../../io.js';
import { TemplateError } from '../../../language/dataset/fill-template.js';
import { FamilyError, parseFamily } from '../../../language/bouncingsim/generate/letters.js';
import { datasetFileName, generateProblems, GenerationError } from '../../../language/bouncingsim/generate/generate.js';
import { checkPromptTemplate, PROMPT_PLACEHOLDERS } from '../../../language/bouncingsim/generate/prompt.js';
import { DIFFICULTY_NAMES, type Difficulty } from '../../../language/bouncingsim/generate/ranges.js';
import { err, readText } from './io.js';

export const GENERATE_USAGE = `delta bouncingsim generate --family LETTERS --difficulty 0..4 --count N --seed S --out DIR
                               [--prompt-setting function|list] [--prompt-template FILE] [--no-validate]`;

export const GENERATE_HELP = `generate  Writes DIR/scenes/scene_<LETTERS>_<level>_<i>.json and DIR/dataset_<LETTERS>_<level>.jsonl
          (rows with 15 asserts at 0.1 … 1.5 s from the TS simulator, tolerance 50.0).
          --family      A B C D F G, a combination of them (AB, CD, FG, ABC…; any order) or H (periodic, 0–2)
          --difficulty  0 basic, 1 easy, 2 medium, 3 hard, 4 extreme
          --seed        any text; the same arguments give the same bytes
          --prompt-setting  function (default: predict_position(t)) or list (predict_position() for all times)
          --prompt-template  Mustache template for the prompt; placeholders:
                        ${PROMPT_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ')}
                        ({{#list}}…{{/list}} / {{#function}}…{{/function}} keep text for one setting)
          --no-validate  keep scenes whose dt = 1/3000 and 1/4000 runs differ by more than 15 m`;

function positiveInt(text: string | undefined, name: string): number {
    if (text === undefined) throw new UsageError(`--${name} is required`);
    if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--${name} must be a positive integer (got '${text}')`);
    return Number(text);
}

export async function generateCommand(args: string[]): Promise<number> {
    const { values } = parseOptions(args, {
        family: { type: 'string' }, difficulty: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' },
        out: { type: 'string' }, 'prompt-setting': { type: 'string' }, 'prompt-template': { type: 'string' }, 'no-validate': { type: 'boolean' },
    }, false);
    if (values.family === undefined) throw new UsageError('--family is required');
    if (values.difficulty === undefined || !/^[0-4]$/.test(values.difficulty)) throw new UsageError(`--difficulty must be 0, 1, 2, 3 or 4 (got '${values.difficulty ?? ''}')`);
    const difficulty = Number(values.difficulty) as Difficulty;
    const count = positiveInt(values.count, 'count');
    if (values.seed === undefined || values.seed === '') throw new UsageError('--seed is required');
    if (values.out === undefined || values.out === '') throw new UsageError('--out is required');
    checkOutputFolder(values.out, '--out');
    const setting = values['prompt-setting'] ?? 'function';
    if (setting !== 'function' && setting !== 'list') throw new UsageError(`--prompt-setting must be 'function' or 'list' (got '${setting}')`);
    let family: string;
    try {
        family = parseFamily(values.family, difficulty);
    } catch (error) {
        if (error instanceof FamilyError) throw new UsageError(error.message);
        throw error;
    }
    let template: string | undefined;
    if (values['prompt-template'] !== undefined) {
        template = await readText(values['prompt-template']);
        try {
            checkPromptTemplate(template, values['prompt-template']);
        } catch (error) {
            if (error instanceof TemplateError) { err(`delta: ${error.message}`); return 2; }
            throw error;
        }
    }

    const sceneDir = join(values.out, 'scenes');
    await mkdir(sceneDir, { recursive: true });
    const rowsFile = join(values.out, datasetFileName(family, difficulty));
    const lines: string[] = [];
    try {
        for (const p of generateProblems({ family, difficulty, count, seed: values.seed, setting, template, validate: !values['no-validate'] })) {
            await writeFile(join(sceneDir, `${p.sceneName}.json`), p.sceneText, 'utf8');
            lines.push(p.rowLine);
            err(`${p.row.id}  ${p.sceneName}.json${p.attempts > 1 ? `  (${p.attempts} attempts)` : ''}`);
        }
    } catch (error) {
        if (error instanceof GenerationError) { err(`delta: ${error.message}`); return 1; }
        throw error;
    } finally {
        if (lines.length) await writeFile(rowsFile, lines.join('\n') + '\n', 'utf8');
    }
    err(`${lines.length} ${family} ${DIFFICULTY_NAMES[difficulty]} problem(s): ${rowsFile}`);
    return 0;
}
