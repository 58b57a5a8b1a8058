// What the rollout worker keeps of a record it cannot read back from disk (a row of a Parquet, CSV,
// .json or W&B table dump: record-store.ts), so the rollout can be re-scored with details (the
// detail view, compare) and its response searched (RecordStore.search): the response and what
// re-scoring reads. Labels
// and prompts repeat across a GRPO group and across steps: one copy of each is kept. No `vscode` import.
import type { RolloutRecord } from '../../language/rollouts/types.js';

export class KeptRecords {
    /** By row number (rows kept here need not be consecutive). */
    private readonly records = new Map<number, RolloutRecord>();
    private readonly labels = new Map<string, unknown>();
    private readonly prompts = new Map<string, string>();

    get size(): number {
        return this.records.size;
    }

    /** Keeps the record of row `row` (by default the next after the last one kept). */
    add(record: RolloutRecord, row = this.records.size): void {
        const kept: RolloutRecord = {
            source: record.source, format: record.format, response: record.response, step: record.step, sample: record.sample,
        };
        for (const k of ['key', 'dataset', 'loggedScore', 'loggedScale', 'loggedBonus', 'finishReason', 'family', 'name', 'level', 'promptIndex'] as const) {
            if (record[k] !== undefined) (kept as unknown as Record<string, unknown>)[k] = record[k];
        }
        if (record.groundTruth !== undefined) kept.groundTruth = this.intern(this.labels, record.groundTruth);
        // The prompt is only read again to join a row without key or label to its problem.
        else if (record.key === undefined && record.prompt !== undefined) kept.prompt = this.intern(this.prompts, record.prompt) as string;
        this.records.set(row, kept);
    }

    get(row: number): RolloutRecord | undefined {
        return this.records.get(row);
    }

    /** Labels already kept, by identity: the row parser hands every row of a label the same value (readers/row-parse.ts). */
    private readonly keptObjects = new WeakMap<object, unknown>();

    private intern<T>(table: Map<string, T>, value: T): T {
        // A label object seen before is found without writing it out: JSON.stringify of each row's
        // ~3 KB label was an eighth of the worker's time on a 100k-rollout run.
        const object = typeof value === 'object' && value !== null ? value : undefined;
        if (object) {
            const known = this.keptObjects.get(object);
            if (known !== undefined) return known as T;
        }
        const kept = this.internByText(table, value);
        if (object) this.keptObjects.set(object, kept);
        return kept;
    }

    private internByText<T>(table: Map<string, T>, value: T): T {
        let key: string;
        try {
            key = typeof value === 'string' ? value : JSON.stringify(value);
        } catch {
            // A label nested too deep to write out (JSON.stringify runs out of stack) is kept as it is:
            // it scores invalid_label, and the run's other rows load (the whole run failed).
            return value;
        }
        const found = table.get(key);
        if (found !== undefined) return found;
        table.set(key, value);
        return value;
    }
}
