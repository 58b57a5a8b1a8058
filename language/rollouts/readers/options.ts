// Options and item type shared by the rollout readers.
import type { RolloutIssue, RolloutRecord } from '../types.js';
import type { TokenDecoder } from './tokenizer.js';

export type RolloutFormat =
    | 'open-instruct-traces'
    | 'open-instruct-rollouts'
    | 'eval-code'
    | 'verl'
    | 'trl'
    | 'wandb-table'
    | 'jsonl'
    | 'json'
    | 'csv'
    | 'parquet';

export const ROLLOUT_FORMATS: readonly RolloutFormat[] = [
    'open-instruct-traces', 'open-instruct-rollouts', 'eval-code', 'verl', 'trl', 'wandb-table', 'jsonl', 'json', 'csv', 'parquet',
];

export type RolloutItem = RolloutRecord | { issue: RolloutIssue };

export interface ReadProgress {
    file: string;
    bytesRead: number;
    totalBytes: number;
    records: number;
}

export interface ReadRolloutsOptions {
    /** Force one reader for every path (otherwise detected from names and content). */
    format?: RolloutFormat;
    /** A tokenizer.json path or cached model name, or a decoder already loaded; needed for token-id dumps. */
    tokenizer?: string | TokenDecoder;
    /** Step for records whose source has none. */
    step?: number;
    /** open-instruct's verification_reward (the logged-score multiplier), default 10. */
    verificationReward?: number;
    /** Bound on one line or CSV record, in bytes. */
    maxLineBytes?: number;
    /** Bound on whole-document formats (.json, W&B tables), in bytes. */
    maxDocumentBytes?: number;
    signal?: AbortSignal;
    /** Say on each record of a JSON Lines dump where its line is (RolloutRecord.at), so it can be read back later instead of kept. */
    locate?: boolean;
    onProgress?: (progress: ReadProgress) => void;
}

export function issue(where: string, message: string, field?: string): { issue: RolloutIssue } {
    return { issue: field ? { where, field, message } : { where, message } };
}
