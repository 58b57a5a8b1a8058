// CSV rows (plain files and eval_code's `run_<i>_detailed.csv`) through csv-parse, streamed: quoted
// multi-line responses are normal here, so a record's line is the line it starts on. Records that
// cannot be parsed are skipped and reported; an over-long record stops the file with one issue.
import { parse, type CsvError } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { DEFAULT_MAX_LINE_BYTES } from './lines.js';

export type CsvItem = { line: number; row: Record<string, string> } | { line: number; error: string };

export async function* readCsvRows(path: string, options: { maxRecordBytes?: number; signal?: AbortSignal } = {}): AsyncGenerator<CsvItem> {
    const skipped: CsvItem[] = [];
    const parser = createReadStream(path, { signal: options.signal }).pipe(parse({
        columns: true,
        bom: true,
        info: true,
        relax_column_count: false,
        skip_empty_lines: true,
        skip_records_with_error: true,
        max_record_size: options.maxRecordBytes ?? DEFAULT_MAX_LINE_BYTES,
        on_skip: (error: CsvError | undefined) => {
            if (error) skipped.push({ line: Number((error as CsvError & { lines?: number }).lines ?? 0), error: error.message });
            return undefined;
        },
    }));
    let nextLine = 2; // the header is line 1
    try {
        for await (const item of parser as AsyncIterable<{ info: { lines: number }; record: Record<string, string> }>) {
            while (skipped.length) {
                const s = skipped.shift()!;
                nextLine = s.line + 1;
                yield s;
            }
            yield { line: nextLine, row: item.record };
            nextLine = item.info.lines + 1;
        }
    } catch (error) {
        yield* skipped.splice(0);
        yield { line: Number((error as { lines?: number }).lines ?? nextLine), error: (error as Error).message };
        return;
    }
    yield* skipped.splice(0);
}
