// One block of a JSON Lines dump (whole lines, see readers/lines.ts readLineBlocks) read and scored
// on its own: the unit of work of `delta rollouts`' worker threads (cli/rollouts/pool.ts). Lines,
// rows and scores are exactly those of the one-thread pipeline (pipeline.ts), which shares every
// function used here; BouncingSim answers are handed back unscored (their checks run model code in
// the sandbox, from the thread that owns it).
import { FileError, fileErrorText, tokenDecode, type DecoderState } from './readers/index.js';
import { lineItems, type LineFormat } from './readers/jsonl.js';
import { RowParser } from './readers/row-parse.js';
import { blockLines, tooLongMessage } from './readers/lines.js';
import { issue } from './readers/options.js';
import { scoreManufactoriaRollout, taskOf, type ScoreContext } from './score.js';
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
 * lines (consecutive ones joined); `rows`: the rows; `summary`: the rows less what aggregates do not
 * read (source, extraction, logged score). `record`: a BouncingSim rollout to score on the calling
 * thread. `fileError`: the rest of the file cannot be read (the block stops there).
 */
export type BlockItem =
    | { text: string; rows: number }
    | { row: ScoredRollout }
    | { issue: RolloutIssue }
    | { record: RolloutRecord }
    | { fileError: string };

export type BlockOutput = 'json' | 'rows' | 'summary';

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

export function scoreBlock(block: Block, ctx: BlockContext): BlockItem[] {
    const items: BlockItem[] = [];
    let text = '';
    let rows = 0;
    const flush = () => {
        if (rows > 0) items.push({ text, rows });
        text = '';
        rows = 0;
    };
    const push = (item: BlockItem) => {
        flush();
        items.push(item);
    };
    let decoding = ctx.decoders.get(block.tokenizer ?? '');
    if (!decoding) ctx.decoders.set(block.tokenizer ?? '', (decoding = {}));
    const lines = { file: block.file, format: block.format, fileStep: block.fileStep, decode: tokenDecode(block.tokenizer, decoding), options: ctx };
    const state = { format: block.format, rows: (ctx.rows ??= new RowParser()) };
    try {
        for (const l of blockLines(block.bytes, block.firstLine, ctx.maxLineBytes)) {
            const where = `${block.file}:${l.line}`;
            if ('tooLong' in l) {
                push(issue(where, tooLongMessage(l.tooLong, ctx.maxLineBytes)));
                continue;
            }
            for (const item of lineItems(l.text, where, state, lines)) {
                if ('issue' in item) {
                    push(item);
                    continue;
                }
                const problem = ctx.score.problems?.lookup(item.key, item.prompt);
                const label = item.groundTruth !== undefined ? item.groundTruth : problem?.testCases;
                if (taskOf(item, label) !== 'manufactoria') {
                    push({ record: item });
                    continue;
                }
                const outcome = scoreManufactoriaRollout(item, ctx.score, problem);
                if ('issue' in outcome) push(outcome);
                else if (ctx.output === 'json') {
                    text += `${JSON.stringify(outcome)}\n`;
                    rows++;
                } else push({ row: ctx.output === 'summary' ? summaryRow(outcome) : outcome });
            }
        }
    } catch (error) {
        if (!(error instanceof FileError)) throw error;
        push({ fileError: fileErrorText(error) });
    }
    flush();
    return items;
}

/** What the aggregates (aggregate.ts Summarizer, GrpoGroups) read of a row; the rest stays behind. */
function summaryRow(row: ScoredRollout): ScoredRollout {
    return {
        source: '', id: row.id, step: row.step, sample: row.sample, task: row.task, family: row.family, level: row.level, prompt_index: row.prompt_index,
        pass_rate: row.pass_rate, all_pass: row.all_pass, error: row.error, truncated: row.truncated, passed: row.passed, total: row.total,
        program: row.program.trim(), extraction: NO_EXTRACTION,
    };
}

const NO_EXTRACTION = { blocks: 0, used: null, wholeResponse: false, feedbackBlocks: 0 };
