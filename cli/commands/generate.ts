// `delta generate`: problem rows (§9.1) or HF rows (§9.2) of one family, as JSON Lines.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseOptions, UsageError, withUsage, type CommandModule } from '../command.js';
import { FAMILY_NAMES, generateRows, isFamilyName, parameterCount } from '../../language/dataset/families/registry.js';
import { toHfRow } from '../../language/dataset/families/hf-row.js';
import { HF_PROMPT_PLACEHOLDERS } from '../../language/dataset/families/prompt-template.js';
import { checkTemplate, TemplateError } from '../../language/dataset/fill-template.js';
import { readFile } from 'node:fs/promises';
import { parsePyIsoformat } from '../../language/dataset/families/timestamps.js';
import { LEVELS, type ColorMode, type Level } from '../../language/dataset/families/types.js';
import { pyJsonDumps } from '../../language/python/json-dumps.js';
import { checkOutputFile } from '../io.js';
import { criteriaFromPrompt } from '../../language/dataset/problems/criteria.js';
import { TASK_TAIL_PREFIX } from '../../language/dataset/problems/rows.js';

const USAGE = 'delta generate --family F --level L --colors two|four --count N --seed S [--format hf] [--out FILE]\n'
    + '                [--order systematic|random] [--created-at YYYY-MM-DDTHH:MM:SS[.ffffff]] [--prompt-template FILE]';

const HELP = `${USAGE}

Writes one JSON object per line (Python json.dumps layout, non-ASCII unescaped) to stdout, or to
FILE with --out. Rows are the generator's problem rows unless --format hf asks for the seven-column
Hugging Face rows (their prompt body is DELTA Studio's own wording; the task tail is exact).

--count     at most N rows; a family with fewer parameters yields them all (a note goes to stderr)
--seed      any text; the same seed gives the same ids, cases and order
--order     systematic (default, itertools order) or random (a seeded shuffle of the parameters)
--created-at  timestamp of the first row, local time; pin it for byte-identical output (default: now)
--prompt-template  (with --format hf) a Mustache template for the prompt instead of our wording, e.g.
            the benchmark's own text; placeholders: ${HF_PROMPT_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ')}
            ({{#output_check}}…{{/output_check}} keeps text for output-checking problems only)

families: ${FAMILY_NAMES.join(', ')}
levels:   ${LEVELS.join(', ')}`;

export const generate: CommandModule = {
    main: (args) => withUsage(USAGE, async () => {
        const { values } = parseOptions(args, {
            family: { type: 'string' },
            level: { type: 'string' },
            colors: { type: 'string' },
            count: { type: 'string' },
            seed: { type: 'string' },
            format: { type: 'string' },
            out: { type: 'string' },
            order: { type: 'string' },
            'created-at': { type: 'string' },
            'prompt-template': { type: 'string' },
            help: { type: 'boolean', short: 'h' },
        }, false);
        if (values.help) {
            process.stdout.write(`${HELP}\n`);
            return 0;
        }
        const family = required(values.family, 'family');
        if (!isFamilyName(family)) throw new UsageError(`unknown family '${family}'; valid families: ${FAMILY_NAMES.join(', ')}`);
        const level = required(values.level, 'level');
        if (!(LEVELS as readonly string[]).includes(level)) throw new UsageError(`unknown level '${level}'; valid levels: ${LEVELS.join(', ')}`);
        const colors = required(values.colors, 'colors');
        if (colors !== 'two' && colors !== 'four') throw new UsageError(`unknown colors '${colors}'; valid values: two, four`);
        const countText = required(values.count, 'count');
        if (!/^\d+$/.test(countText) || Number(countText) < 1) throw new UsageError(`--count must be a positive integer, got '${countText}'`);
        const seed = required(values.seed, 'seed');
        const format = values.format ?? 'problems';
        if (format !== 'hf' && format !== 'problems') throw new UsageError(`unknown format '${format}'; valid formats: problems, hf`);
        const order = values.order ?? 'systematic';
        if (order !== 'systematic' && order !== 'random') throw new UsageError(`unknown order '${order}'; valid orders: systematic, random`);
        let createdAt: number | undefined;
        if (values['created-at'] !== undefined) {
            createdAt = parsePyIsoformat(values['created-at']);
            if (createdAt === undefined) throw new UsageError(`--created-at must look like 2026-01-31T12:00:00[.123456], got '${values['created-at']}'`);
        }

        let template: string | undefined;
        const templateFile = values['prompt-template'];
        if (templateFile !== undefined) {
            if (format !== 'hf') throw new UsageError('--prompt-template applies only with --format hf');
            try {
                template = await readFile(templateFile, 'utf8');
            } catch (error) {
                throw new UsageError(`cannot read ${templateFile}: ${(error as Error).message}`);
            }
            try {
                checkTemplate(template, HF_PROMPT_PLACEHOLDERS, templateFile);
            } catch (error) {
                if (!(error instanceof TemplateError)) throw error;
                process.stderr.write(`delta: ${error.message}\n`);
                return 2;
            }
        }

        if (values.out) checkOutputFile(values.out, '--out');
        const colorMode: ColorMode = colors === 'two' ? 'two_color' : 'four_color';
        const count = Number(countText);
        const available = parameterCount(family, level as Level, colorMode);
        if (count > available) process.stderr.write(`delta: ${family} has ${available} ${level}/${colors}-colour parameters; writing ${available}\n`);

        const sink = values.out ? createWriteStream(values.out, { encoding: 'utf8' }) : process.stdout;
        let tailWarned = false;
        for (const row of generateRows({ family, level: level as Level, colorMode, count, seed, order, createdAt })) {
            const out = format === 'hf' ? toHfRow(row, template) : row;
            const readBack = template !== undefined && !tailWarned && 'messages' in out ? criteriaFromPrompt(out.messages[0].content) : row.criteria;
            if (readBack !== row.criteria) {
                // The rows are fine for training (ground_truth scores them); only the criteria cannot be read back.
                tailWarned = true;
                process.stderr.write(`delta: ${templateFile}: the prompts do not end with the benchmark's task tail (${JSON.stringify(TASK_TAIL_PREFIX)} then {{criteria}}), `
                    + `from which a Hugging Face row's criteria are read: ${readBack === undefined ? 'delta test, the Problems view and rollout joins will not load these rows'
                        : 'DELTA Studio will take the text after the tail for their criteria'}\n`);
            }
            const line = pyJsonDumps(out) + '\n';
            if (!sink.write(line)) await once(sink, 'drain');
        }
        if (sink !== process.stdout) {
            sink.end();
            await once(sink, 'finish');
        }
        return 0;
    }),
};

function required(value: string | undefined, name: string): string {
    if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
    return value;
}
