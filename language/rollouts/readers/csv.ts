// CSV rows (plain files and eval_code's `run_<i>_detailed.csv`) through csv-parse, streamed: quoted
// multi-line responses are normal here, so a record's line is the line it starts on. Records that
// cannot be parsed are skipped and reported; an over-long record stops the file with one issue.
import { parse, type CsvError } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { DEFAULT_MAX_LINE_BYTES } from './lines.js';

export type CsvItem = { line: number; row: Record<string, string> } | { line: number; error: string };

export async function* readCsvRows(path: string, options: { maxRecordBytes?: number; signal?: AbortSignal } = {}): AsyncGenerator<CsvItem> {
    // csv-parse parses ahead of the records read here, so a skipped record's issue is kept with the
    // number of good records before it and given out in its place: in input order, and the next
    // record's line counted after it (it used to come out first, taking the line numbers with it).
    // csv-parse reports every stray quote of a bad record (a JSON Lines file read as CSV gave one
    // issue per quote, hundreds per line): errors found on the same line with no good record
    // between them are one issue, the first.
    const skipped: { after: number; line: number; error: string }[] = [];
    let last: { after: number; line: number } | undefined;
    // A header that is not CSV (a JSON Lines file read as CSV: its name, or --format csv) makes every
    // line an error of its own: one issue for the header, and the file is not read further.
    let headerBroken = false;
    const csv = parse({
        columns: true,
        bom: true,
        info: true,
        relax_column_count: false,
        skip_empty_lines: true,
        skip_records_with_error: true,
        max_record_size: options.maxRecordBytes ?? DEFAULT_MAX_LINE_BYTES,
        on_skip: (error: CsvError | undefined) => {
            if (!error) return undefined;
            const found = { after: csv.info.records, line: Number((error as CsvError & { lines?: number }).lines ?? 0) };
            if (last?.after === found.after && last.line === found.line) return undefined;
            last = found;
            if (found.after === 0 && found.line === 1 && !skipped.length) {
                headerBroken = true;
                skipped.push({ ...found, error: `${error.message}; line 1 is the header, so this is not a CSV file (read as CSV for its name or --format); the rest of this file is skipped` });
                setImmediate(() => {
                    source.destroy();
                    csv.destroy();
                });
                return undefined;
            }
            if (!headerBroken) skipped.push({ ...found, error: error.message });
            return undefined;
        },
    });
    const source = createReadStream(path, { signal: options.signal });
    const parser = source.pipe(csv);
    let nextLine = 2; // the header is line 1
    function* skippedBefore(records: number): Generator<CsvItem> {
        while (skipped.length && skipped[0].after < records) {
            const s = skipped.shift()!;
            // Where the skipped record starts (csv-parse names where it found the error), or that
            // line if it comes first (an error in the header, line 1).
            const line = Math.min(nextLine, s.line || nextLine);
            nextLine = s.line + 1;
            yield { line, error: s.error };
        }
    }
    try {
        for await (const item of parser as AsyncIterable<{ info: { lines: number; records: number }; record: Record<string, string> }>) {
            yield* skippedBefore(item.info.records);
            yield { line: nextLine, row: item.record };
            nextLine = item.info.lines + 1;
        }
    } catch (error) {
        yield* skippedBefore(Infinity);
        if (!headerBroken) yield { line: Number((error as { lines?: number }).lines ?? nextLine), error: (error as Error).message };
        return;
    }
    yield* skippedBefore(Infinity);
}
