// Where the rollout worker finds a row's record again after scoring (the detail view, compare, open
// as solution, search): a row of a JSON Lines dump by its line's place in the file, read back from
// disk when asked (language/rollouts/readers/record-at.ts: ~28 bytes a row instead of its response);
// a row of another format (Parquet, a .json document, CSV, a W&B table) is kept whole (KeptRecords).
// A dump changed on disk since the run was loaded gives RecordChangedError. No `vscode` import.
import { grownColumn } from '../../language/rollouts/compact-rows.js';
import { readRecordAt, RecordReader, type RecordAt } from '../../language/rollouts/readers/record-at.js';
import type { RolloutRecord } from '../../language/rollouts/types.js';
import { KeptRecords } from './kept-records.js';

export class RecordStore {
    private readonly origins: object[] = [];
    private readonly originIndex = new Map<object, number>();
    private n = 0;
    /** Per row: its file's index in `origins` (-1: kept whole), line number, byte offset and length, item in the line. */
    private origin = new Int32Array(0);
    private line = new Int32Array(0);
    private offset = new Float64Array(0);
    private length = new Float64Array(0);
    private item = new Int32Array(0);
    private readonly kept = new KeptRecords();

    get size(): number {
        return this.n;
    }

    /** Row `row` (the next one: rows come in order) is this record. */
    add(row: number, record: RolloutRecord): void {
        if (row !== this.n) throw new Error(`RecordStore: row ${row} added after ${this.n - 1}`);
        if (this.n === this.origin.length) this.grow();
        const at = record.at;
        if (at) {
            let o = this.originIndex.get(at.origin);
            if (o === undefined) {
                o = this.origins.push(at.origin) - 1;
                this.originIndex.set(at.origin, o);
            }
            this.origin[row] = o;
            this.line[row] = at.line;
            this.offset[row] = at.offset;
            this.length[row] = at.length;
            this.item[row] = at.item;
        } else {
            this.origin[row] = -1;
            this.kept.add(record, row);
        }
        this.n++;
    }

    /** Row `row`'s record, read back when it is not kept; undefined past the end; RecordChangedError when its dump changed. */
    get(row: number): RolloutRecord | undefined {
        if (!(row >= 0 && row < this.n)) return undefined;
        const at = this.at(row);
        return at ? readRecordAt(at) : this.kept.get(row);
    }

    /**
     * Rows whose response (or extracted program, via `program`) contains `text`, ignoring case.
     * Rows on disk are read back file by file; a line whose raw text cannot hold the text (prefilter)
     * is not parsed. Between slices of `slice` rows it lets other work run (the worker answers the
     * detail pane meanwhile) and asks `stop`: when that says a newer search came, it gives null.
     */
    async search(text: string, field: 'program' | 'response', program: (row: number, record: RolloutRecord) => string, stop: () => boolean = () => false, slice = 2000): Promise<Int32Array | null> {
        const pattern = new RegExp(escapeRegExp(text), 'i');
        const raw = rawLineTest(text);
        const reader = new RecordReader();
        const hits: number[] = [];
        try {
            for (let row = 0; row < this.n; row++) {
                if (row > 0 && row % slice === 0) {
                    await new Promise(setImmediate);
                    if (stop()) return null;
                }
                const at = this.at(row);
                const record = at ? (raw ? reader.read(at, raw) : reader.read(at)) : this.kept.get(row)!;
                if (record && pattern.test(field === 'program' ? program(row, record) : record.response)) hits.push(row);
            }
        } finally {
            reader.close();
        }
        return Int32Array.from(hits);
    }

    private at(row: number): RecordAt | undefined {
        const o = this.origin[row];
        return o < 0 ? undefined : { origin: this.origins[o], line: this.line[row], offset: this.offset[row], length: this.length[row], item: this.item[row] };
    }

    private grow(): void {
        const size = Math.max(1024, this.origin.length * 2);
        const grown = <T extends Float64Array | Int32Array>(a: T): T => grownColumn(a, size);
        this.origin = grown(this.origin);
        this.line = grown(this.line);
        this.offset = grown(this.offset);
        this.length = grown(this.length);
        this.item = grown(this.item);
    }
}

/**
 * A test on a JSON line's raw text that every line whose decoded response (or program: a slice of
 * it) contains `text`, ignoring case, passes; undefined when there is no such cheap test. It exists
 * when `text` is printable ASCII without `"`, `\` or `/`: such characters stand for themselves in
 * JSON text unless written as `\u00XX`, so the line holds `text` verbatim or holds `\u00`. (A
 * case-insensitive regex without the u flag matches ASCII letters only by their ASCII case.)
 */
export function rawLineTest(text: string): ((line: string) => boolean) | undefined {
    if (text === '' || !/^[\x20-\x7e]+$/.test(text) || /["\\/]/.test(text)) return undefined;
    // Two searches, not one alternation: V8 scans for a plain pattern much faster (3× on a dump's lines).
    const pattern = new RegExp(escapeRegExp(text), 'i');
    return (line) => pattern.test(line) || line.includes('\\u00');
}

/** `text` as a regular expression that matches it literally. */
function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
