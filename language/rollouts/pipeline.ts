// Read → join → score, in input order: what `delta rollouts score`, `summary` and `report` (and the
// editor's explorer) run over a set of dump files. Issues (bad rows, rows that cannot be scored)
// come out in place, so a caller can print them as `file:line: field: what` and go on.
import { readProblemFile } from '../dataset/problems/load.js';
import { LabelPlans } from './label-plans.js';
import { ProblemIndex } from './problem-index.js';
import { readRollouts, type ReadRolloutsOptions } from './readers/index.js';
import { labelOf, scoreManufactoriaRollout, scoreRollout, taskOf, type ScoreContext, type ScoreOutcome } from './score.js';
import type { RolloutIssue, RolloutRecord } from './types.js';

export interface ProblemLoad {
    index: ProblemIndex;
    issues: RolloutIssue[];
}

/** The problems of `--problems` files (any format the problem loader reads), indexed for the join. */
export async function loadProblemIndex(files: string[], signal?: AbortSignal): Promise<ProblemLoad> {
    const index = new ProblemIndex();
    const issues: RolloutIssue[] = [];
    for (const file of files) {
        for await (const row of readProblemFile(file, { signal })) {
            if (row.ok) {
                const clash = index.add(row.problem);
                if (clash) {
                    const { key, earlier } = clash;
                    issues.push({ where: rowWhere(row.problem.source), field: key, message: `'${row.problem[key]}' is also the ${key} of ${rowWhere(earlier.source)}, whose test cases differ: rollouts with this key are joined with that one` });
                }
            } else {
                const { file: f, line, index: i, field, message } = row.issue;
                const where = rowWhere({ file: f, line, index: i });
                issues.push(field ? { where, field, message } : { where, message });
            }
        }
    }
    return { index, issues };
}

/** A problem row's place: `file:line`, else `file[index]`, else the file. */
function rowWhere(at: { file: string; line?: number; index?: number }): string {
    return at.line !== undefined ? `${at.file}:${at.line}` : at.index !== undefined ? `${at.file}[${at.index}]` : at.file;
}

export interface ScoreRunOptions extends ReadRolloutsOptions, Omit<ScoreContext, 'problems'> {
    problems?: ProblemIndex;
}

/** Every rollout of the paths, scored, in input order (issues in place). */
export async function* scoreRollouts(paths: string[], options: ScoreRunOptions = {}): AsyncGenerator<ScoreOutcome> {
    for await (const { outcome } of scoreRolloutRecords(paths, options)) yield outcome;
}

/** One scored rollout with the record it came from (absent for a reader's issue). */
export interface ScoredRecord {
    record?: RolloutRecord;
    outcome: ScoreOutcome;
}

/** As scoreRollouts, with each record beside its outcome: for callers that keep more of a row than its score line (the editor keeps a BouncingSim answer's prompt to replay its scene). */
export async function* scoreRolloutRecords(paths: string[], options: ScoreRunOptions = {}): AsyncGenerator<ScoredRecord> {
    const ctx: ScoreContext = { ...options, plans: options.plans ?? new LabelPlans() };
    for await (const item of readRollouts(paths, options)) {
        if ('issue' in item) {
            yield { outcome: item };
            continue;
        }
        // Manufactoria is scored synchronously; only Python answers wait on a process.
        const problem = ctx.problems?.lookup(item.key, item.prompt);
        const label = labelOf(item, problem);
        const outcome = taskOf(item, label) === 'manufactoria' ? scoreManufactoriaRollout(item, ctx, problem) : await scoreRollout(item, ctx);
        yield { record: item, outcome };
    }
}

export function issueText(issue: RolloutIssue): string {
    return `${issue.where}: ${issue.field ? `${issue.field}: ` : ''}${issue.message}`;
}
