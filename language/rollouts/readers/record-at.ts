// Reading one rollout of a JSON Lines dump back from disk: a reader run with `locate` notes on each
// record the byte offset and length of its line and its place among the line's items, so a caller
// that keeps a run's scores need not keep its responses (the editor's rollout worker). The line is
// decoded and parsed by the same code as the first time, so the record read back is the one that
// was scored, unless the file changed since (cut, rewritten, removed; a file that only grew, as a
// dump still being written does, is read): then RecordChangedError says so.
import { closeSync, fstatSync, openSync, statSync } from 'node:fs';
import type { RecordAt, RolloutRecord } from '../types.js';

export type { RecordAt };
import { lineItems, type JsonlContext, type LineFormat } from './jsonl.js';
import { LineReadBack } from './lines.js';
import { RowParser } from './row-parse.js';

/** One dump file as it was read: what parsing one of its lines needs, and its size and time once read to the end. */
export interface LineOrigin {
    file: string;
    ctx: JsonlContext;
    /** The file's row format, once its first row decided it (or as forced). */
    format: LineFormat | undefined;
    size?: number;
    mtimeMs?: number;
}


/** The dump a record came from is no longer the one that was read (changed, replaced, cut or gone). */
export class RecordChangedError extends Error {}

/** Notes the file's size and modification time when its reading is done: what readRecordAt checks. */
export function markRead(origin: LineOrigin): void {
    try {
        const stat = statSync(origin.file);
        origin.size = stat.size;
        origin.mtimeMs = stat.mtimeMs;
    } catch {
        // Gone already: reading back will say so.
    }
}

function changed(origin: LineOrigin, how: string): RecordChangedError {
    return new RecordChangedError(`${origin.file} ${how} since the run was loaded, so its rollouts cannot be read back as they were scored: open the run again`);
}

/** The record at `at`, parsed again from its line; throws RecordChangedError when the file is not as it was read. */
export function readRecordAt(at: RecordAt): RolloutRecord {
    const reader = new RecordReader();
    try {
        return reader.read(at);
    } finally {
        reader.close();
    }
}

/**
 * Reads many records back (a search over a run): each file is opened and checked once, and a line's
 * items are parsed once for all its records (a trace line holds a whole step). `test`, when given,
 * says from the line's text whether any of its records can matter; when it says no, read gives null.
 */
export class RecordReader {
    private readonly open = new Map<LineOrigin, number>();
    private readonly lines = new LineReadBack();
    /** The row parser of the file read last, as when it was loaded: a label met again is not parsed again (one file's labels are kept, not every file's). */
    private parser: { origin: object; rows: RowParser } | undefined;
    private last: { origin: object; offset: number; items: (RolloutRecord | null)[] | null } | undefined;

    read(at: RecordAt): RolloutRecord;
    read(at: RecordAt, test: (lineText: string) => boolean): RolloutRecord | null;
    read(at: RecordAt, test?: (lineText: string) => boolean): RolloutRecord | null {
        // Made by readJsonlRollouts with `locate`.
        const origin = at.origin as LineOrigin;
        if (this.last?.origin !== origin || this.last.offset !== at.offset) {
            const text = this.lines.text(this.fd(origin), at.offset, at.length, at.line);
            if (text === null) throw changed(origin, 'is shorter');
            this.last = { origin, offset: at.offset, items: test && !test(text) ? null : this.items(text, at) };
        }
        if (this.last.items === null) return null;
        const record = this.last.items[at.item];
        if (!record) throw changed(origin, `changed on disk (line ${at.line} no longer holds the rollout)`);
        return { ...record, at };
    }

    close(): void {
        for (const fd of this.open.values()) closeSync(fd);
        this.open.clear();
        this.parser = undefined;
        this.lines.clear();
        this.last = undefined;
    }

    private items(text: string, at: RecordAt): (RolloutRecord | null)[] {
        const out: (RolloutRecord | null)[] = [];
        const origin = at.origin as LineOrigin;
        if (this.parser?.origin !== origin) this.parser = { origin, rows: new RowParser() };
        const { rows } = this.parser;
        for (const it of lineItems(text, `${origin.ctx.file}:${at.line}`, { format: origin.format, rows }, origin.ctx)) out.push('issue' in it ? null : it);
        return out;
    }

    private fd(origin: LineOrigin): number {
        let fd = this.open.get(origin);
        if (fd !== undefined) return fd;
        try {
            fd = openSync(origin.file, 'r');
        } catch (error) {
            throw changed(origin, `cannot be opened (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): it was moved or deleted`);
        }
        // A dump that only grew (a trainer still writing it) keeps the lines that were read; one cut
        // short or rewritten in place does not. (The worker also checks each program read back.)
        const stat = fstatSync(fd);
        const size = origin.size ?? -1;
        if (stat.size < size || (stat.size === size && stat.mtimeMs !== origin.mtimeMs)) {
            closeSync(fd);
            throw changed(origin, stat.size < size ? `changed on disk (${size} bytes when read, ${stat.size} now)` : 'changed on disk (modified)');
        }
        this.open.set(origin, fd);
        return fd;
    }
}
