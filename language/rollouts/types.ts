// The shapes that flow through rollout debugging: a reader yields RolloutRecords (what a trainer
// wrote, normalised), re-scoring turns each into a ScoredRollout (one `delta rollouts score` line),
// and aggregation folds ScoredRollouts into GroupSummaries (one `delta rollouts summary --json`
// object). The CLI, the HTML report and the editor's explorer all speak these three.

export type RolloutTask = 'manufactoria' | 'bouncingsim';

/** Where a record came from: `file:line` for line formats, `file[row]` for tables. */
export type RolloutSource = string;

/** One model output as a reader found it, before any scoring. */
export interface RolloutRecord {
    source: RolloutSource;
    /** The reader that produced it (e.g. `open-instruct-traces`, `verl`, `trl`, `plain`). */
    format: string;
    /** The model's text (decoded from token ids where the dump only has those). */
    response: string;
    /** The prompt text, when the dump has it (decoded likewise). */
    prompt?: string;
    /** The ground truth as written: test cases (or their JSON string), or BouncingSim assert strings. */
    groundTruth?: unknown;
    /** The problem key (`id`, `name`, `index`, …) used to join against problem files when there is no inline ground truth. */
    key?: string;
    /** The dataset name the trainer logged (`manufactoria`, `ballsim`, …). */
    dataset?: string;
    step: number | null;
    sample: number | null;
    /** Index of the prompt within its step (GRPO group key together with `step`). */
    promptIndex?: number | null;
    /** The score the trainer logged, as written (before normalisation). */
    loggedScore?: number;
    /** What the logged score was multiplied by (open-instruct's verification_reward, 10 by default); 1 when absent. */
    loggedScale?: number;
    /** True when the logged score may include eval_code's +1 format bonus. */
    loggedBonus?: boolean;
    /** Problem family, level and name when the row names them (`problem_family`, `difficulty`, …). */
    family?: string;
    name?: string;
    level?: string | number;
    finishReason?: string;
    /** Anything else the reader kept (advantage, request_info, …), JSON-safe. */
    extra?: Record<string, unknown>;
    /** Where the record's line is in its JSON Lines dump (only when read with `locate`): readRecordAt reads it back. */
    at?: RecordAt;
}

/**
 * Where a record's line is in its JSON Lines dump (readers/record-at.ts reads it back): its number,
 * byte offset and length (line break not counted), and the record's place among the line's items.
 * `origin` is the file as the reader read it (a LineOrigin; opaque here, so this module needs no Node types).
 */
export interface RecordAt {
    origin: object;
    line: number;
    offset: number;
    length: number;
    item: number;
}

/** A bad row: the reader reports it and goes on. `where` is `file:line` or `file[row]`. */
export interface RolloutIssue {
    where: string;
    field?: string;
    message: string;
}

export type ManufactoriaErrorClass =
    | 'invalid_label'
    | 'parse_error'
    | 'wrong_accept'
    | 'wrong_output'
    | 'routed_to_none'
    | 'unknown_node'
    | 'max_iterations';
export type BouncingSimErrorClass = 'refused' | 'exception' | 'timeout' | 'too_far';
export type ErrorClass = ManufactoriaErrorClass | BouncingSimErrorClass;

export interface ExtractionNotes {
    /** Number of fenced blocks in the response. */
    blocks: number;
    /** Index of the block used (0-based), or null when the whole response was used. */
    used: number | null;
    /** Language tag of the used block ('' when none). */
    tag?: string;
    wholeResponse: boolean;
    /** Feedback blocks (`--- Test Results --- … --- End Results ---`) seen as earlier turns. */
    feedbackBlocks: number;
    /** [start, end) UTF-16 offsets of the extracted text in the response, for highlighting. */
    span?: [number, number];
}

/** One line of `delta rollouts score` (field names are the CLI contract). */
export interface ScoredRollout {
    source: RolloutSource;
    id: string | null;
    step: number | null;
    sample: number | null;
    task: RolloutTask;
    /** Problem name when the problem row has one (labels in the report and explorer; `id` stays the key). */
    name?: string | null;
    /** Problem family and level when the problem row names them (for grouping). */
    family?: string | null;
    level?: string | number | null;
    prompt_index?: number | null;
    pass_rate: number;
    all_pass: 0 | 1;
    error: ErrorClass | null;
    truncated: boolean;
    passed: number;
    total: number;
    program: string;
    extraction: ExtractionNotes;
    /** The logged score normalised to the re-scored scale (×10 and format bonus removed), when the source has one. */
    logged_score?: number;
    /** True when the normalised logged score disagrees with the re-scored reward. */
    logged_mismatch?: boolean;
    finish_reason?: string;
    /** Why nothing ran (an unusable label's reason, the parse error), when that is the case. */
    reason?: string;
    /** With --details: per-test results, as in the verifier's response (Manufactoria) or per-assert (BouncingSim). */
    results?: unknown[];
}

export type GroupKey = 'problem' | 'family' | 'level' | 'step' | 'problem,step';

/** One object of `delta rollouts summary --json`. */
export interface GroupSummary {
    /** The group's key values, e.g. `{ problem: "x" }` or `{ problem: "x", step: 3 }`. */
    group: Record<string, string | number | null>;
    n: number;
    /** Number of all-pass rollouts. */
    c: number;
    mean_pass_rate: number;
    /** pass@k by the unbiased estimator, keyed by k as a string; a k larger than n is left out. */
    pass_at: Record<string, number>;
    /** With c = 0: the 95 % upper bound on the per-sample success rate. */
    upper_bound_95?: number;
    errors: Partial<Record<ErrorClass, number>>;
    /** `--by problem` only: the first step at which the problem had an all-pass rollout. */
    first_solved_step?: number | null;
    /**
     * `--by problem` only: the first step from which every step with rollouts of the problem had an
     * all-pass one (the grokking point); null when its last step had none.
     */
    solved_since?: number | null;
    /** `--by problem` only: steps at which a solved problem was unsolved again. */
    regressions?: number[];
}
