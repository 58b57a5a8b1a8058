// A rollout read back from its dump (language/rollouts/readers/record-at.ts) is the record the reader
// gave the first time, for every line format and every way a line is written (CRLF, a BOM, UTF-8
// text, a trace line of many rollouts, token ids); a dump changed, cut or removed since loading says
// so. The editor's record store (client/rollouts/record-store.ts) searches rows read back like kept ones.
import { appendFileSync, closeSync, mkdtempSync, openSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRollouts } from '../../language/rollouts/readers/index.js';
import { LineReadBack, readLines } from '../../language/rollouts/readers/lines.js';
import { readRecordAt, RecordChangedError, RecordReader } from '../../language/rollouts/readers/record-at.js';
import type { RolloutRecord } from '../../language/rollouts/types.js';
import { rawLineTest, RecordStore } from '../../client/rollouts/record-store.js';
import { KeptRecords } from '../../client/rollouts/kept-records.js';
import { extractedProgram } from '../../language/rollouts/score.js';

const fixtures = join(__dirname, '../fixtures/rollouts');

async function records(paths: string[], options: Parameters<typeof readRollouts>[1] = {}): Promise<RolloutRecord[]> {
    const out: RolloutRecord[] = [];
    for await (const item of readRollouts(paths, { locate: true, ...options })) if (!('issue' in item)) out.push(item);
    return out;
}

const without = (r: RolloutRecord) => {
    const { at: _at, ...rest } = r;
    return rest;
};

function tmp(): string {
    return mkdtempSync(join(tmpdir(), 'record-at-'));
}

const fence = (program: string) => `Some thought.\n\`\`\`manufactoria\n${program}\n\`\`\`\n`;
const label = [{ input: 'B', expected_output: '', expected_accepted: true, check_output: false }];

describe('reading a rollout back', () => {
    it('gives every located record of the fixture dumps as read (plain, verl, traces, token-id shards); other formats are not located', async () => {
        const all = await records([fixtures], { tokenizer: join(fixtures, 'tokenizer/tokenizer.json') });
        const located = all.filter((r) => r.at);
        expect(new Set(located.map((r) => r.format))).toEqual(new Set(['jsonl', 'verl', 'open-instruct-traces', 'open-instruct-rollouts']));
        for (const r of all) if (!r.at) expect(r.source).not.toMatch(/\.jsonl:\d+/);
        // A trace line holds many rollouts: each is its own item of the line.
        expect(located.filter((r) => r.format === 'open-instruct-traces').some((r) => r.at!.item > 0)).toBe(true);
        const reader = new RecordReader();
        try {
            for (const r of located) {
                expect(without(readRecordAt(r.at!))).toEqual(without(r));
                expect(without(reader.read(r.at!))).toEqual(without(r));
            }
        } finally {
            reader.close();
        }
    });

    it('decodes a line as it was read the first time: CRLF line ends, a BOM, UTF-8 text, escapes, a last line without a newline', async () => {
        const dir = tmp();
        const rows = [
            { id: 'a', response: fence('START s:\n    NEXT end\nEND end'), ground_truth: label, step: 1, sample: 0 },
            { id: 'b', response: `Réponse — ünïcode 🙂 and \u2028 and a \r\n inside ${fence('END end')}`, ground_truth: label, step: 1, sample: 1 },
            { id: 'c', response: 'escaped ASCII', ground_truth: label, step: 1, sample: 2 },
        ];
        const file = join(dir, 'crlf.jsonl');
        // Python's json.dumps escapes non-ASCII (ensure_ascii) on one line, not on another.
        const lines = [JSON.stringify(rows[0]), JSON.stringify(rows[1]), JSON.stringify(rows[2]).replace('ASCII', '\\u0041SCII')];
        writeFileSync(file, `\ufeff${lines.join('\r\n')}`);
        const got = await records([file]);
        expect(got.map((r) => r.response)).toEqual([rows[0].response, rows[1].response, 'escaped ASCII']);
        expect(got[0].at).toMatchObject({ line: 1, offset: 0, item: 0 });
        for (const r of got) expect(readRecordAt(r.at!)).toEqual(r);
        rmSync(dir, { recursive: true });
    });

    it('a UTF-16 dump is refused as a whole (one issue), so it has no rollout to read back', async () => {
        const dir = tmp();
        const file = join(dir, 'utf16.jsonl');
        writeFileSync(file, Buffer.from(`\ufeff${JSON.stringify({ id: 'a', response: 'x', ground_truth: label })}\n`, 'utf16le'));
        const items = [];
        for await (const item of readRollouts([file], { locate: true })) items.push(item);
        expect(items).toHaveLength(1);
        expect(items[0]).toHaveProperty('issue');
        rmSync(dir, { recursive: true });
    });

    it('says the file changed when it was rewritten, cut or removed since it was read; one appended to is read', async () => {
        const dir = tmp();
        const file = join(dir, 'run.jsonl');
        const line = (sample: number, program: string) => JSON.stringify({ id: 'p', response: fence(program), ground_truth: label, step: 1, sample });
        writeFileSync(file, `${line(0, 'END end')}\n${line(1, 'START s:\n    NEXT end\nEND end')}\n`);
        const [first, second] = await records([file]);
        expect(readRecordAt(second.at!).response).toBe(second.response);

        // Appended to (a trainer still writing the dump): the lines read are still there.
        appendFileSync(file, `${line(2, 'END end')}\n`);
        expect(readRecordAt(first.at!)).toEqual(first);

        // Cut short: changed.
        const [full] = await records([file]);
        writeFileSync(file, `${line(0, 'END end')}\n`);
        expect(() => readRecordAt(full.at!)).toThrow(RecordChangedError);
        expect(() => readRecordAt(full.at!)).toThrow(`${file} changed on disk (`);
        expect(() => readRecordAt(full.at!)).toThrow('open the run again');
        writeFileSync(file, `${line(0, 'END end')}\n${line(1, 'START s:\n    NEXT end\nEND end')}\n${line(2, 'END end')}\n`);

        // Same size, other bytes, other time (an editor's save): still changed.
        const [again] = await records([file]);
        const before = statSync(file);
        writeFileSync(file, `${line(7, 'END end')}\n${line(1, 'START s:\n    NEXT end\nEND end')}\n${line(2, 'END end')}\n`);
        utimesSync(file, before.atime, new Date(before.mtimeMs + 5000));
        expect(statSync(file).size).toBe(before.size);
        expect(() => readRecordAt(again.at!)).toThrow('changed on disk (modified)');

        const [last] = (await records([file])).slice(-1);
        writeFileSync(file, 'x');
        expect(() => readRecordAt(last.at!)).toThrow(RecordChangedError);
        rmSync(file);
        expect(() => readRecordAt(last.at!)).toThrow(/cannot be opened \(ENOENT\): it was moved or deleted/);
        rmSync(dir, { recursive: true });
    });
});

describe('lines read back by offset', () => {
    it('give the text readLines gave, in any order, across block edges and for lines longer than a block', async () => {
        const dir = tmp();
        const file = join(dir, 'lines.txt');
        writeFileSync(file, '\ufeffé first\r\nsecond line, longer than the block\n\nx\r\nlast 🙂 no newline');
        const lines: { line: number; text: string; offset: number; length: number }[] = [];
        for await (const l of readLines(file, { offsets: true })) if ('text' in l) lines.push(l as (typeof lines)[number]);
        expect(lines.map((l) => l.text)).toEqual(['é first', 'second line, longer than the block', '', 'x', 'last 🙂 no newline']);
        const fd = openSync(file, 'r');
        try {
            for (const order of [lines, [...lines].reverse()]) {
                const back = new LineReadBack(7);
                for (const l of order) expect(back.text(fd, l.offset, l.length, l.line)).toBe(l.text);
            }
            expect(new LineReadBack(7).text(fd, lines[4].offset, lines[4].length + 1, 5)).toBeNull();
        } finally {
            closeSync(fd);
        }
        rmSync(dir, { recursive: true });
    });
});

describe('the worker\'s record store', () => {
    it('searches rows read back and rows kept alike, ignoring case, by response or program, and finds text written as \\u escapes; a newer search stops it', async () => {
        const dir = tmp();
        const file = join(dir, 'run.jsonl');
        const programs = ['START s:\n    NEXT end\nEND end', 'PULLER_RB a:\n    [B] end', 'END end'];
        const rows = programs.map((p, i) => JSON.stringify({ id: 'p', response: `${i === 2 ? 'Painter/path "quoted" ' : ''}${fence(p)}`, ground_truth: label, step: 1, sample: i }));
        // Row 1 writes its letters as escapes: the raw line does not hold "PULLER".
        rows[1] = rows[1].replace('PULLER', '\\u0050\\u0055LLER');
        writeFileSync(file, `${rows.join('\n')}\n`);
        const read = await records([file]);
        expect(read[1].response).toContain('PULLER_RB');
        const store = new RecordStore();
        read.forEach((r, i) => store.add(i, r));
        // A row of a format that is not read back (no `at`) is kept.
        store.add(3, { source: 't.parquet[0]', format: 'parquet', response: fence('PULLER_RB kept:\n    [R] end'), step: 1, sample: 3, groundTruth: label });
        const program = (_: number, r: RolloutRecord) => extractedProgram('manufactoria', r.response).program;
        const search = async (text: string, field: 'program' | 'response') => [...(await store.search(text, field, program))!];
        expect(await search('puller_rb', 'response')).toEqual([1, 3]);
        expect(await search('puller_rb', 'program')).toEqual([1, 3]);
        expect(await search('some thought', 'program')).toEqual([]);
        expect(await search('some THOUGHT', 'response')).toEqual([0, 1, 2, 3]);
        expect(await search('"quoted"', 'response')).toEqual([2]);
        expect(await search('painter/path', 'response')).toEqual([2]);
        expect(await search('[b] end', 'response')).toEqual([1]);
        expect(await search('nowhere', 'response')).toEqual([]);
        // Searched a slice at a time: asked between slices, a newer search stops this one.
        const asked: number[] = [];
        expect(await store.search('end', 'response', program, () => (asked.push(asked.length), asked.length === 2), 1)).toBeNull();
        expect(asked).toHaveLength(2);
        expect([...(await store.search('end', 'response', program, () => false, 1))!]).toEqual([0, 1, 2, 3]);
        expect(store.get(1)!.response).toBe(read[1].response);
        expect(store.get(3)!.source).toBe('t.parquet[0]');
        expect(store.get(4)).toBeUndefined();
        writeFileSync(file, rows[0]);
        await expect(store.search('end', 'response', program)).rejects.toThrow(RecordChangedError);
        expect(() => store.get(0)).toThrow(RecordChangedError);
        // The kept row does not depend on the file.
        expect(store.get(3)!.response).toContain('kept');
        rmSync(dir, { recursive: true });
    });

    it('the raw-line test passes every line whose decoded response holds the text (printable ASCII without quote, backslash or slash)', () => {
        expect(rawLineTest('a/b')).toBeUndefined();
        expect(rawLineTest('say "x"')).toBeUndefined();
        expect(rawLineTest('été')).toBeUndefined();
        expect(rawLineTest('')).toBeUndefined();
        const texts = ['Puller', 'end end', '[B]', 'x.y*'];
        const responses = ['the PULLER ran', 'end\nend', 'ends end end', 'x.y*z', '[b]', 'plain', 'tab\tend end', 'ſ kelvin K'];
        for (const text of texts) {
            const passes = rawLineTest(text)!;
            const literal = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
            for (const response of responses) {
                for (const line of [JSON.stringify({ response }), JSON.stringify({ response }).replace(/[A-Za-z]/, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)]) {
                    if (literal.test((JSON.parse(line) as { response: string }).response)) expect(passes(line)).toBe(true);
                }
            }
        }
        // Kept records are kept by row number, which need not follow on (the store searches them above).
        const kept = new KeptRecords();
        kept.add({ source: 's', format: 'jsonl', response: 'PULLER', step: null, sample: null }, 5);
        expect([kept.get(5)?.response, kept.get(0), kept.size]).toEqual(['PULLER', undefined, 1]);
    });
});
