// Re-scoring one rollout (docs/rollouts.md): the ground truth inline or joined from the problems,
// the ONE verdict path (dataset/scoring scoreResponse → verifier respond) for Manufactoria, the
// BouncingSim checker for Python answers, the error class, and the logged score set beside it.
import { createHash } from 'node:crypto';
import { labelPlan, scorePlan } from '../dataset/scoring/score.js';
import { extractDslProgramWithNotes, type Extraction } from '../dataset/scoring/extract.js';
import type { Problem } from '../dataset/problems/problem.js';
import { extractPythonProgramWithNotes } from '../bouncingsim/python/extract.js';
import { familyOf } from '../bouncingsim/rows.js';
import type { AssertRun, ProgramCheck } from '../bouncingsim/python/runner.js';
import type { LabelPlans } from './label-plans.js';
import type { ProblemIndex } from './problem-index.js';
import { VerdictMemo } from './verdict-memo.js';
import type { BouncingSimErrorClass, ExtractionNotes, RolloutIssue, RolloutRecord, RolloutTask, ScoredRollout } from './types.js';

export type ScoreMode = 'pass_rate' | 'all_pass';

/** Runs a BouncingSim answer's asserts (the sandboxed runner, or plain python3 with --no-sandbox). */
export type BouncingSimChecker = (program: string, asserts: readonly string[]) => Promise<ProgramCheck>;

export interface ScoreContext {
    problems?: ProblemIndex;
    /** With it, `results` (per-test verdicts) are included. */
    details?: boolean;
    /** With it, BouncingSim rollouts carry their per-assert runs in `results` even without `details` (few rows, and the editor shows them). */
    bouncingsimDetails?: boolean;
    /** The trainer's scoring mode, when known: the logged score is compared with that reward only. */
    mode?: ScoreMode;
    /** Absent: BouncingSim rollouts are reported as issues instead of being run. */
    bouncingsim?: BouncingSimChecker;
    /** Why BouncingSim answers cannot run, for the issue text. */
    bouncingsimUnavailable?: string;
    /** The multiplier tried for logged scores of dumps that do not state one (default 10). */
    verificationReward?: number;
    /** Verdicts of (test plan, program) pairs already scored (verdict-memo.ts); the shared one when absent. */
    memo?: VerdictMemo;
    /** Test plans of the labels met so far (label-plans.ts); each label is validated anew when absent. */
    plans?: LabelPlans;
}

/** The memo of runs that do not bring their own (one per thread). */
export const sharedMemo = new VerdictMemo();

/**
 * A scored rollout, or an issue. `repeats`: the issue stands for that many of its kind (the same
 * field and message) at later places, not listed one by one (a block's issues past the first few of
 * a kind, block.ts).
 */
export type ScoreOutcome = ScoredRollout | { issue: RolloutIssue; repeats?: number };

/** Finish reasons that mean the generation was cut (vLLM `length`, and common spellings). */
const CUT = new Set(['length', 'max_tokens', 'max_length', 'truncated']);

export function isTruncated(finishReason: string | undefined): boolean {
    return finishReason !== undefined && CUT.has(finishReason);
}

const BALLSIM_DATASET = /ball|bouncing/i;

export function taskOf(record: RolloutRecord, label: unknown): RolloutTask {
    if (record.dataset !== undefined && BALLSIM_DATASET.test(record.dataset)) return 'bouncingsim';
    // A JSON-string label is only looked into when it starts like a list of assert strings.
    let value = label;
    if (typeof value === 'string') {
        if (!/^\s*\[\s*"\s*assert/.test(value)) return 'manufactoria';
        try {
            value = JSON.parse(value);
        } catch {
            return 'manufactoria';
        }
    }
    return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.trimStart().startsWith('assert')) ? 'bouncingsim' : 'manufactoria';
}

/** Without a key or a join, rollouts of one prompt still group together: `prompt:` + a hash of its text. */
export function promptKey(prompt: string | undefined): string | null {
    return prompt === undefined ? null : `prompt:${createHash('sha1').update(prompt).digest('hex').slice(0, 12)}`;
}

/** What a row's verdict adds to its identity (scoredRow). */
type VerdictPart = Pick<ScoredRollout, 'pass_rate' | 'all_pass' | 'error' | 'passed' | 'total' | 'program' | 'extraction'>;

/**
 * A scored row, keys in output order, written as ONE object literal: spreading an identity part
 * into a literal and adding the verdict's keys after it cost about 20 µs a row in V8, more than
 * the rest of its scoring (docs/rollouts.md, "Speed").
 */
function scoredRow(record: RolloutRecord, task: RolloutTask, id: string | null, family: string | null, problem: Problem | undefined, v: VerdictPart): ScoredRollout {
    return {
        source: record.source,
        id,
        step: record.step,
        sample: record.sample,
        task,
        name: problem?.name ?? record.name ?? null,
        family,
        level: problem?.level ?? record.level ?? null,
        prompt_index: record.promptIndex ?? null,
        truncated: isTruncated(record.finishReason),
        pass_rate: v.pass_rate,
        all_pass: v.all_pass,
        error: v.error,
        passed: v.passed,
        total: v.total,
        program: v.program,
        extraction: v.extraction,
    };
}

/** The ground truth a record is scored against: its own, else the test cases of the problem it joins to. */
export function labelOf(record: RolloutRecord, problem: Problem | undefined): unknown {
    return record.groundTruth !== undefined ? record.groundTruth : problem?.testCases;
}

/**
 * Scores a Manufactoria rollout synchronously (or returns the issue that stops it). `extraction`:
 * the response's, when the caller made it without decoding the response (block.ts).
 */
export function scoreManufactoriaRollout(record: RolloutRecord, ctx: ScoreContext, problem = ctx.problems?.lookup(record.key, record.prompt), extraction?: Extraction): ScoreOutcome {
    const label = labelOf(record, problem);
    if (label === undefined) return noLabel(record, ctx);
    extraction ??= extractDslProgramWithNotes(record.response);
    const program = extraction.program;
    const plan = ctx.plans ? ctx.plans.get(label) : labelPlan(label);
    // Per-test results (--details) are never memoised; the verdict's summary is. A label that
    // scores 0 without a run has nothing to save; without ctx.plans no plan is met twice.
    const memo = ctx.details || !ctx.plans || 'zero' in plan ? undefined : ctx.memo ?? sharedMemo;
    let verdict = memo?.get(plan, program);
    let results: unknown[] | undefined;
    if (!verdict) {
        const score = scorePlan(program, plan, { paths: !!ctx.details });
        const valid = score.response?.valid === true;
        verdict = {
            pass_rate: score.pass_rate,
            all_pass: score.all_pass ? 1 : 0,
            error: score.error,
            passed: valid ? score.response!.results.filter((r) => r.passed).length : 0,
            total: valid ? score.response!.results.length : 0,
        };
        const reason = score.reason ? score.reason : score.response && !score.response.valid ? score.response.message : undefined;
        if (reason !== undefined) verdict.reason = reason;
        results = score.response?.results;
        memo?.set(plan, program, verdict);
    }
    const out = scoredRow(record, 'manufactoria', problem?.id ?? record.key ?? promptKey(record.prompt), problem?.family ?? record.family ?? null, problem, {
        pass_rate: verdict.pass_rate,
        all_pass: verdict.all_pass,
        error: verdict.error,
        passed: verdict.passed,
        total: verdict.total,
        program,
        extraction: notes(extraction),
    });
    if (verdict.reason !== undefined) out.reason = verdict.reason;
    return finish(out, record, ctx, results);
}

export async function scoreRollout(record: RolloutRecord, ctx: ScoreContext): Promise<ScoreOutcome> {
    const problem = ctx.problems?.lookup(record.key, record.prompt);
    const label = labelOf(record, problem);
    if (taskOf(record, label) === 'manufactoria') return scoreManufactoriaRollout(record, ctx, problem);
    return scoreBouncingSim(record, label, ctx);
}

function noLabel(record: RolloutRecord, ctx: ScoreContext): { issue: RolloutIssue } {
    const key = record.key !== undefined ? `key '${record.key}'` : record.prompt !== undefined ? 'its prompt' : 'no key or prompt';
    const why = ctx.problems && ctx.problems.size > 0 ? `no problem in --problems matches ${key}` : 'pass --problems FILE to join it with its problem';
    return { issue: { where: record.source, field: 'ground_truth', message: `no ground truth in the row; ${why}` } };
}

/** The program a task's scorer takes from a response, with its notes: for a rollout read back (not kept) after scoring. */
export function extractedProgram(task: RolloutTask, response: string): { program: string; extraction: ExtractionNotes } {
    const e = task === 'manufactoria' ? extractDslProgramWithNotes(response) : extractPythonProgramWithNotes(response);
    return { program: e.program, extraction: notes(e) };
}

function notes(e: { blocks: number; used: number | null; tag: string; wholeResponse: boolean; feedbackBlocks: number; span: [number, number] }): ExtractionNotes {
    return { blocks: e.blocks, used: e.used, tag: e.tag, wholeResponse: e.wholeResponse, feedbackBlocks: e.feedbackBlocks, span: e.span };
}

async function scoreBouncingSim(record: RolloutRecord, label: unknown, ctx: ScoreContext): Promise<ScoreOutcome> {
    if (label === undefined) return noLabel(record, ctx);
    let asserts = label;
    if (typeof asserts === 'string') {
        try {
            asserts = JSON.parse(asserts);
        } catch {
            return { issue: { where: record.source, field: 'ground_truth', message: 'BouncingSim ground truth is not a JSON list of assert strings' } };
        }
    }
    if (!Array.isArray(asserts) || !asserts.every((a) => typeof a === 'string')) {
        return { issue: { where: record.source, field: 'ground_truth', message: 'BouncingSim ground truth must be a list of assert strings' } };
    }
    if (!ctx.bouncingsim) {
        return { issue: { where: record.source, message: ctx.bouncingsimUnavailable ?? 'BouncingSim answers are model-written Python and are not run here' } };
    }
    const extraction = extractPythonProgramWithNotes(record.response);
    let check: ProgramCheck;
    try {
        check = await ctx.bouncingsim(extraction.program, asserts as string[]);
    } catch (error) {
        return { issue: { where: record.source, message: (error as Error).message } };
    }
    const out = scoredRow(record, 'bouncingsim', record.key ?? promptKey(record.prompt), record.family ?? bouncingSimFamily(record.key), undefined, {
        pass_rate: check.pass_rate,
        all_pass: check.all_pass ? 1 : 0,
        error: bouncingSimClass(check),
        passed: check.passed,
        total: check.results.length,
        program: extraction.program,
        extraction: notes(extraction),
    });
    return finish(out, record, ctx, check.results);
}

/** A BouncingSim row's family from an id in the benchmark's `<letters>_<difficulty>_<n>` naming (`AB_3_1` → `AB`), else null. */
function bouncingSimFamily(key: string | undefined): string | null {
    return key !== undefined && /^[A-Z]+_\d+_/.test(key) ? familyOf(key) : null;
}

/** refused (safety filter), else the first failing assert's kind: timeout, exception or too_far. */
export function bouncingSimClass(check: ProgramCheck): BouncingSimErrorClass | null {
    if (check.refused.length > 0) return 'refused';
    const failing = check.results.find((r: AssertRun) => !r.passed);
    if (!failing) return check.results.length > 0 ? null : 'exception';
    if (failing.timedOut) return 'timeout';
    // A run that got as far as check_distance and failed only its `<= tolerance` comparison raises
    // AssertionError with a distance: that is too far, not an exception of the program. A returned
    // inf or nan position gives a distance the runner reports as null (JSON has no inf): too far too.
    if (failing.exceptionType === 'AssertionError' && failing.distance !== undefined) return 'too_far';
    if (failing.error) return 'exception';
    return 'too_far';
}

/** Adds the logged score (normalised) and, with --details, the per-test results. */
function finish(out: ScoredRollout, record: RolloutRecord, ctx: ScoreContext, results: unknown[] | undefined): ScoredRollout {
    if (record.loggedScore !== undefined) {
        const { score, mismatch } = normaliseLogged(record, out, ctx.mode, ctx.verificationReward);
        out.logged_score = score;
        out.logged_mismatch = mismatch;
    }
    if (record.finishReason !== undefined) out.finish_reason = record.finishReason;
    if (ctx.details || (ctx.bouncingsimDetails && out.task === 'bouncingsim')) out.results = results ?? [];
    return out;
}

const EPS = 1e-6;

/**
 * The logged score on the re-scored scale: divided by the trainer's multiplier (open-instruct's
 * verification_reward, ×10 by default; when a plain dump does not say, both ×1 and ×10 are tried),
 * and for eval_code less its possible +1 format bonus. It agrees when it equals the reward of the
 * scoring mode (either mode when unknown), or 0 for a cut generation (the non-stop penalty);
 * otherwise the rollout is flagged.
 */
export function normaliseLogged(record: RolloutRecord, scored: Pick<ScoredRollout, 'pass_rate' | 'all_pass' | 'truncated'>, mode?: ScoreMode, verificationReward = 10): { score: number; mismatch: boolean } {
    const logged = record.loggedScore!;
    const scaled = record.loggedScale !== undefined ? [logged / record.loggedScale] : [logged, logged / verificationReward];
    const candidates = record.loggedBonus ? scaled.flatMap((x) => [x, x - 1]) : scaled;
    const targets = mode === 'pass_rate' ? [scored.pass_rate] : mode === 'all_pass' ? [scored.all_pass] : [scored.pass_rate, scored.all_pass];
    if (scored.truncated) targets.push(0);
    const match = candidates.find((c) => targets.some((t) => Math.abs(c - t) < EPS));
    if (match !== undefined) return { score: round(match), mismatch: false };
    const inRange = candidates.find((c) => c >= 0 && c <= 1);
    return { score: round(inRange ?? candidates[0]), mismatch: true };
}

/** To 9 decimals; a score too large for that (x · 1e9 overflows to Infinity, written as null) is left as it is. */
function round(x: number): number {
    const rounded = Math.round(x * 1e9) / 1e9;
    return Number.isFinite(rounded) ? rounded : x;
}
