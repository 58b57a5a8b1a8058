// One block of a JSON Lines dump (whole lines, see readers/lines.ts readLineBlocks) read and scored
// on its own: the unit of work of `delta rollouts`' worker threads (cli/rollouts/pool.ts). Lines,
// rows and scores are exactly those of the one-thread pipeline (pipeline.ts), which shares every
// function used here; BouncingSim answers are handed back unscored (their checks run model code in
// the sandbox, from the thread that owns it).
import { programHash } from './aggregate.js';
import { FileError, fileErrorText, tokenDecode, type DecoderState } from './readers/index.js';
import { lineItems, rowItems, type LineFormat } from './readers/jsonl.js';
import { RESPONSE_SENTINEL, RowParser } from './readers/row-parse.js';
import { extractDslProgramFromEscaped, extractDslProgramOnlyFromEscaped, type Extraction } from '../dataset/scoring/extract.js';
import { blockLineBytes, lineText, tooLongMessage } from './readers/lines.js';
import { issue } from './readers/options.js';
import { DEPTH_CHECK_CHARS } from './readers/json-depth.js';
import { LabelPlans } from './label-plans.js';
import type { ProblemIndex } from './problem-index.js';
import { labelOf, scoreManufactoriaRollout, taskOf, type ScoreContext } from './score.js';
import { VerdictMemo } from './verdict-memo.js';
import type { RolloutIssue, RolloutRecord, ScoredRollout } from './types.js';

export interface Block {
    /** Index of the block in the run (replies come back by it). */
    seq: number;
    file: string;
    format: LineFormat;
    fileStep: number | null;
    firstLine: number;
    bytes: Uint8Array;
    /** Tokenizer for token ids (readers/index.ts tokenizerHint). */
    tokenizer?: string;
}

/**
 * What a block yields, in input order. `json` output: scored rows as their `delta rollouts score`
 * lines (consecutive ones joined); `rows`: the rows; `summary`: consecutive rows packed as only what
 * the aggregates read (summaryRows unpacks them). `record`: a BouncingSim rollout to score on the
 * calling thread. `fileError`: the rest of the file cannot be read (the block stops there).
 */
export type BlockItem =
    | { text: string; rows: number }
    | { packed: SummaryValue[] }
    | { row: ScoredRollout }
    | { issue: RolloutIssue; repeats?: number }
    | { record: RolloutRecord }
    | { fileError: string };

export type BlockOutput = 'json' | 'rows' | 'summary';

/**
 * Issues of one kind (the same field and message) a block lists one by one; the rest are one item
 * with their count. The CLI prints only the first few of a kind anyway (cli/rollouts/issue-log.ts),
 * and a dump of millions of bad lines made a 1 MiB block hold ~350,000 issue objects: 2.4 GB for a
 * 9 MB file on two threads.
 */
export const ISSUES_LISTED_PER_KIND = 10;

export interface BlockContext {
    score: ScoreContext;
    step?: number;
    verificationReward?: number;
    maxLineBytes?: number;
    output: BlockOutput;
    /** Token decoders by tokenizer, loaded on first use. */
    decoders: Map<string, DecoderState>;
    /** The thread's row parser: labels seen in earlier blocks are not parsed again (readers/row-parse.ts). */
    rows?: RowParser;
}

/** What a thread that scores blocks is set up with (a worker's workerData; the main thread's run options). */
export interface BlockSetup {
    details: boolean;
    mode?: 'pass_rate' | 'all_pass';
    verificationReward?: number;
    step?: number;
    maxLineBytes?: number;
    output: BlockOutput;
    /** The verdict memo on (verdict-memo.ts). */
    memo: boolean;
}

/** A thread's context for scoreBlock: its own memo, test plans, row parser and token decoders. */
export function blockContext(setup: BlockSetup, problems: ProblemIndex): BlockContext & { score: { memo: VerdictMemo } } {
    return {
        score: { problems, details: setup.details, mode: setup.mode, verificationReward: setup.verificationReward, memo: new VerdictMemo(setup.memo), plans: new LabelPlans() },
        step: setup.step,
        verificationReward: setup.verificationReward,
        maxLineBytes: setup.maxLineBytes,
        output: setup.output,
        decoders: new Map(),
    };
}

export function scoreBlock(block: Block, ctx: BlockContext): BlockItem[] {
    const items: BlockItem[] = [];
    let text = '';
    let rows = 0;
    let packed: SummaryValue[] = [];
    const flush = () => {
        if (rows > 0) items.push({ text, rows });
        if (packed.length > 0) items.push({ packed });
        text = '';
        rows = 0;
        packed = [];
    };
    const push = (item: BlockItem) => {
        flush();
        items.push(item);
    };
    // Issues by kind: how many were listed, and the first one past them with how many it stands for.
    const kinds = new Map<string, { listed: number; more?: { issue: RolloutIssue; repeats: number } }>();
    const pushIssue = (item: { issue: RolloutIssue }) => {
        const key = `${item.issue.field ?? ''}\u0000${item.issue.message}`;
        let kind = kinds.get(key);
        if (!kind) kinds.set(key, (kind = { listed: 0 }));
        if (kind.listed < ISSUES_LISTED_PER_KIND) {
            kind.listed++;
            push(item);
        } else if (kind.more) kind.more.repeats++;
        else kind.more = { issue: item.issue, repeats: 1 };
    };
    const listMore = () => {
        for (const { more } of kinds.values()) if (more) push(more);
    };
    let decoding = ctx.decoders.get(block.tokenizer ?? '');
    if (!decoding) ctx.decoders.set(block.tokenizer ?? '', (decoding = {}));
    const lines = { file: block.file, format: block.format, fileStep: block.fileStep, decode: tokenDecode(block.tokenizer, decoding), options: ctx };
    const state = { format: block.format, rows: (ctx.rows ??= new RowParser()) };
    // Row formats read the record's response from the row's `response` string as is (readers/fields.ts recordFromRow).
    const lazyResponse = block.format === 'jsonl' || block.format === 'verl';
    try {
        for (const l of blockLineBytes(block.bytes, block.firstLine, ctx.maxLineBytes)) {
            const where = `${block.file}:${l.line}`;
            if ('tooLong' in l) {
                pushIssue(issue(where, tooLongMessage(l.tooLong, ctx.maxLineBytes)));
                continue;
            }
            // A row is parsed from its bytes with a label seen before left undecoded, and for row
            // formats (whose record takes the `response` string as is) the response too.
            // Line 1, and a line long enough to be checked for its nesting (readers/json-depth.ts), take lineItems.
            // The file's last line without a newline too (its issue says it may be cut short).
            const parsed = l.line === 1 || l.unterminated || l.bytes.length >= DEPTH_CHECK_CHARS ? undefined : state.rows.parseBytesLazy(l.bytes, lazyResponse);
            const found = parsed !== undefined ? rowItems(parsed.row, where, state, lines) : lineItems(lineText(l.bytes, l.line), where, state, lines, l.unterminated);
            for (const item of found) {
                if ('issue' in item) {
                    pushIssue(item);
                    continue;
                }
                const problem = ctx.score.problems?.lookup(item.key, item.prompt);
                const label = labelOf(item, problem);
                const manufactoria = taskOf(item, label) === 'manufactoria';
                let extraction: Extraction | undefined;
                const escaped = parsed?.response;
                if (escaped && item.response === RESPONSE_SENTINEL) {
                    // The summary keeps no extraction notes (pack): only the program is extracted.
                    if (manufactoria) extraction = ctx.output === 'summary' ? { ...NOTES_NOT_KEPT, program: extractDslProgramOnlyFromEscaped(escaped) } : extractDslProgramFromEscaped(escaped);
                    if (!extraction) item.response = escaped.decode(0, escaped.raw.length);
                }
                if (!manufactoria) {
                    push({ record: item });
                    continue;
                }
                const outcome = scoreManufactoriaRollout(item, ctx.score, problem, extraction);
                if ('issue' in outcome) pushIssue(outcome);
                else if (ctx.output === 'json') {
                    text += `${JSON.stringify(outcome)}\n`;
                    rows++;
                } else if (ctx.output === 'summary') pack(packed, outcome);
                else push({ row: outcome });
            }
        }
    } catch (error) {
        if (!(error instanceof FileError)) throw error;
        listMore();
        push({ fileError: fileErrorText(error) });
        return items;
    }
    flush();
    listMore();
    return items;
}

export type SummaryValue = string | number | boolean | null | undefined;

/**
 * What the aggregates (aggregate.ts Summarizer, GrpoGroups) read of a row, as FIELDS values a row in
 * one flat list: a thread hands such a list over far more cheaply than objects (no keys copied per
 * row), and the program goes as its hash, not its text.
 */
const FIELDS = 14;

function pack(out: SummaryValue[], row: ScoredRollout): void {
    out.push(row.id, row.step, row.sample, row.task, row.family, row.level, row.prompt_index, row.pass_rate, row.all_pass, row.error, row.truncated, row.passed, row.total, hashOf(row.program));
}

/** This thread's programHash of each program met (a program recurs across rows; its text's own hash, cached by V8 since the memo's lookup, makes this lookup cheap). */
const hashes = new Map<string, number>();
const MAX_HASHES = 1 << 16;

function hashOf(program: string): number {
    let hash = hashes.get(program);
    if (hash === undefined) {
        if (hashes.size >= MAX_HASHES) hashes.clear();
        hashes.set(program, (hash = programHash(program)));
    }
    return hash;
}

/** How many rows a packed list holds. */
export function summaryRowCount(values: SummaryValue[]): number {
    return Math.floor(values.length / FIELDS);
}

/** The rows of a packed list, with what the aggregates read (the rest empty). */
export function* summaryRows(values: SummaryValue[]): Generator<ScoredRollout & { program_hash: number }> {
    for (let i = 0; i + FIELDS <= values.length; i += FIELDS) {
        yield {
            source: '', id: values[i] as string | null, step: values[i + 1] as number | null, sample: values[i + 2] as number | null, task: values[i + 3] as ScoredRollout['task'],
            family: values[i + 4] as string | null | undefined, level: values[i + 5] as string | number | null | undefined, prompt_index: values[i + 6] as number | null | undefined,
            pass_rate: values[i + 7] as number, all_pass: values[i + 8] as 0 | 1, error: values[i + 9] as ScoredRollout['error'], truncated: values[i + 10] as boolean,
            passed: values[i + 11] as number, total: values[i + 12] as number, program: '', program_hash: values[i + 13] as number, extraction: NO_EXTRACTION,
        };
    }
}

const NO_EXTRACTION = { blocks: 0, used: null, wholeResponse: false, feedbackBlocks: 0 };

/** An extraction's notes where they are not computed (the summary output packs none). */
const NOTES_NOT_KEPT: Omit<Extraction, 'program'> = { blocks: 0, used: null, tag: '', wholeResponse: false, feedbackBlocks: 0, span: [0, 0] };
