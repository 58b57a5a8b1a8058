// Huge lines and binary garbage: a clear issue naming the line, the rest of the file still loads,
// nothing hangs or holds the over-long line in memory.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readLines } from '../../language/rollouts/readers/lines.js';
import { NO_ROLLOUT_FILES, readRollouts } from '../../language/rollouts/readers/index.js';
import { UNTERMINATED } from '../../language/rollouts/readers/jsonl.js';
import { DEPTH_CHECK_CHARS, MAX_JSON_NESTING } from '../../language/rollouts/readers/json-depth.js';
import { blockContext, scoreBlock } from '../../language/rollouts/block.js';
import { ProblemIndex } from '../../language/rollouts/problem-index.js';

const dir = mkdtempSync(join(tmpdir(), 'rollouts-bad-'));
const good = JSON.stringify({ response: 'START start:\n    NEXT end\nEND end', ground_truth: [{ input: '' }] });
/** JSON.parse's error message for a text it refuses. */
function parseError(text: string): string {
    try {
        JSON.parse(text);
    } catch (error) {
        return (error as Error).message;
    }
    throw new Error(`JSON.parse accepted ${JSON.stringify(text)}`);
}

async function collect(path: string, maxLineBytes: number) {
    const out: string[] = [];
    for await (const item of readRollouts([path], { maxLineBytes })) out.push('issue' in item ? `${item.issue.where}: ${item.issue.message}` : `ok ${item.source}`);
    return out;
}

describe('bounded lines', () => {
    test('an over-long line is skipped with its number; the next lines load', async () => {
        const path = join(dir, 'huge.jsonl');
        writeFileSync(path, `${good}\n{"response": "${'x'.repeat(3_000_000)}"}\n${good}\n`);
        const out = await collect(path, 1_000_000);
        expect(out[0]).toBe(`ok ${path}:1`);
        expect(out[1]).toMatch(new RegExp(`^${path}:2: line of 3000016 bytes is longer than the limit of 1000000 bytes`));
        expect(out[2]).toBe(`ok ${path}:3`);
    });
    test('a long line nested deeper than Python reads is an issue, not parsed (JSON.parse took ~75 bytes a level outside the heap: 400 MB for 5 million `[`)', async () => {
        const path = join(dir, 'deep.jsonl');
        const deep = `{"response": "x", "ground_truth": ${'['.repeat(MAX_JSON_NESTING + 1)}${' '.repeat(DEPTH_CHECK_CHARS)}`;
        // Brackets inside a string are text; a long row of ordinary depth is read.
        const long = JSON.stringify({ response: `${'['.repeat(DEPTH_CHECK_CHARS)}\\"{`, ground_truth: [{ input: '' }] });
        writeFileSync(path, `${good}\n${deep}\n${long}\n${good}\n`);
        const message = `invalid JSON: nested more than ${MAX_JSON_NESTING} levels deep (lists or objects inside each other), not parsed: Python's json.loads refuses it too (RecursionError)`;
        expect(await collect(path, 1 << 26)).toEqual([`ok ${path}:1`, `${path}:2: ${message}`, `ok ${path}:3`, `ok ${path}:4`]);
        // The threads' blocks read it the same way.
        const ctx = blockContext({ details: false, output: 'rows', memo: false }, new ProblemIndex());
        const items = scoreBlock({ seq: 0, file: 'b.jsonl', format: 'jsonl', fileStep: null, firstLine: 1, bytes: readFileSync(path) }, ctx);
        expect(items.map((item) => ('issue' in item ? `${item.issue.where}: ${item.issue.message}` : 'row' in item ? `ok ${item.row.source}` : Object.keys(item)[0]))).toEqual(
            ['ok b.jsonl:1', `b.jsonl:2: ${message}`, 'ok b.jsonl:3', 'ok b.jsonl:4']);
        // A whole-document file too.
        const doc = join(dir, 'deep.json');
        writeFileSync(doc, `${'['.repeat(MAX_JSON_NESTING + 1)}${' '.repeat(DEPTH_CHECK_CHARS)}`);
        expect(await collect(doc, 1 << 26)).toEqual([`${doc}: ${message}`]);
    });
    test('binary garbage without newlines is one issue, then the file ends', async () => {
        const path = join(dir, 'garbage.jsonl');
        writeFileSync(path, Buffer.concat([randomBytes(5_000_000).map((b) => (b === 10 ? 11 : b))]));
        const out = await collect(path, 1_000_000);
        expect(out).toHaveLength(1);
        expect(out[0]).toMatch(/:1: line of 5000000 bytes is longer than the limit/);
    });
    test('binary garbage with newlines: each line is an invalid-JSON issue', async () => {
        const path = join(dir, 'garbage2.jsonl');
        writeFileSync(path, Buffer.concat([randomBytes(2000).map((b) => (b === 10 ? 11 : b)), Buffer.from('\n'), Buffer.from(good), Buffer.from('\n\u0000\u0001\n')]));
        const out = await collect(path, 1_000_000);
        expect(out[0]).toMatch(/:1: invalid JSON/);
        expect(out[1]).toBe(`ok ${path}:2`);
        expect(out[2]).toMatch(/:3: invalid JSON/);
    });
    test('CRLF, a BOM and a last line without newline', async () => {
        const path = join(dir, 'crlf.jsonl');
        writeFileSync(path, `\ufeffa\r\nb\r\nc`);
        const lines = [];
        for await (const l of readLines(path)) lines.push(l);
        expect(lines).toEqual([{ line: 1, text: 'a' }, { line: 2, text: 'b' }, { line: 3, text: 'c', unterminated: true }]);
    });
    test('a last line cut mid-write (a trainer still writing, or a truncated copy) says so, on one thread and on the threads\' blocks', async () => {
        const path = join(dir, 'growing.jsonl');
        const cut = good.slice(0, 30);
        writeFileSync(path, `${good}\n{"response": \n${good}\n${cut}`);
        const message = `invalid JSON: ${parseError(cut)}${UNTERMINATED}`;
        const bad = `invalid JSON: ${parseError('{"response": ')}`;
        expect(message).toContain('the file is still being written');
        expect(await collect(path, 1000)).toEqual([`ok ${path}:1`, `${path}:2: ${bad}`, `ok ${path}:3`, `${path}:4: ${message}`]);
        const ctx = blockContext({ details: false, output: 'rows', memo: false }, new ProblemIndex());
        const items = scoreBlock({ seq: 0, file: 'b.jsonl', format: 'jsonl', fileStep: null, firstLine: 1, bytes: readFileSync(path) }, ctx);
        expect(items.map((item) => ('issue' in item ? `${item.issue.where}: ${item.issue.message}` : 'row' in item ? `ok ${item.row.source}` : Object.keys(item)[0]))).toEqual(
            ['ok b.jsonl:1', `b.jsonl:2: ${bad}`, 'ok b.jsonl:3', `b.jsonl:4: ${message}`]);
        // A last line without a newline that is whole JSON is a row like any other.
        writeFileSync(path, `${good}\n${good}`);
        expect(await collect(path, 1000)).toEqual([`ok ${path}:1`, `ok ${path}:2`]);
    });
    test('CSV: a bad record is reported in its place and at its first line; the records after keep their lines', async () => {
        // csv-parse reads ahead: the bad record's issue used to come out before the first record,
        // which then took the line after the bad record (13 here instead of 2).
        const path = join(dir, 'bad-record.csv');
        const cell = (text: string) => `"${text.replaceAll('"', '""')}"`;
        const program = cell('```\nSTART start:\n    NEXT end\nEND end\n```'); // 5 lines
        const label = cell('[{"input": ""}]');
        writeFileSync(path, `response,ground_truth,step\n${program},${label},1\nbad,[1,x\n${program},${label}\n${program},${label},4\n`);
        expect(await collect(path, 1_000_000)).toEqual([
            `ok ${path}:2`,
            `${path}:7: expected a number, got "x"`, // (the field is in issue.field)
            `${path}:8: Invalid Record Length: columns length is 3, got 2 on line 12`,
            `ok ${path}:13`,
        ]);
    });
    test('CSV: a record with many stray quotes is one issue per line, not one per quote; an error in the header is line 1', async () => {
        const path = join(dir, 'not-really.csv');
        const lines = [1, 2, 3].map((i) => JSON.stringify({ response: `r${i}`, ground_truth: '[{"input": "", "expected_accepted": true}]', step: i }));
        writeFileSync(path, `${lines.join('\n')}\n`);
        const out = await collect(path, 1_000_000);
        // It gave 40+ issues for these three lines.
        expect(out.length).toBeLessThanOrEqual(3);
        expect(out[0]).toMatch(new RegExp(`^${path}:1: Invalid Opening Quote`));
    });
    test('a folder without rollout files is an issue (it was a silent empty run, exit 0); an empty sub-folder is not', async () => {
        const empty = join(dir, 'empty-run');
        mkdirSync(empty);
        expect(await collect(empty, 1000)).toEqual([`${empty}: ${NO_ROLLOUT_FILES}`]);
        const notes = join(dir, 'notes-only');
        mkdirSync(notes);
        writeFileSync(join(notes, 'notes.txt'), 'not rollouts');
        expect(await collect(notes, 1000)).toEqual([`${notes}: ${NO_ROLLOUT_FILES}`]);
        const run = join(dir, 'run-with-empty-sub');
        mkdirSync(join(run, 'logs'), { recursive: true });
        writeFileSync(join(run, 'rows.jsonl'), `${good}\n`);
        expect(await collect(run, 1000)).toEqual([`ok ${join(run, 'rows.jsonl')}:1`]);
    });
    test('a dangling symlink in a folder is an issue; the folder\'s other files are read (it ended the run)', async () => {
        const run = join(dir, 'run-with-dangling-link');
        mkdirSync(run);
        writeFileSync(join(run, 'a.jsonl'), `${good}\n`);
        symlinkSync(join(dir, 'nowhere.jsonl'), join(run, 'b.jsonl'));
        symlinkSync(join(dir, 'nowhere'), join(run, 'c'));
        expect(await collect(run, 1000)).toEqual([`ok ${join(run, 'a.jsonl')}:1`, `${join(run, 'b.jsonl')}: no such file or folder`]);
    });
    test('a symlink back to a folder above is read once: no rows counted twice, no walk that never ends', async () => {
        const run = join(dir, 'run-with-loop');
        mkdirSync(join(run, 'sub'), { recursive: true });
        writeFileSync(join(run, 'a.jsonl'), `${good}\n`);
        symlinkSync('..', join(run, 'sub', 'back'));
        // Two links to the folder itself at each level: 2^40 paths before the OS's ELOOP limit stopped the walk.
        symlinkSync('.', join(run, 'again'));
        symlinkSync('.', join(run, 'more'));
        expect(await collect(run, 1000)).toEqual([
            `ok ${join(run, 'a.jsonl')}:1`,
            // The real sub-folder first (depth first), then the links beside it.
            `${join(run, 'sub', 'back')}: the same folder as ${run} (through a symlink, or given twice), read once: not read again`,
            `${join(run, 'again')}: the same folder as ${run} (through a symlink, or given twice), read once: not read again`,
            `${join(run, 'more')}: the same folder as ${run} (through a symlink, or given twice), read once: not read again`,
        ]);
    });
    test('a dump reached twice (a `latest` symlink beside it, or given twice) is read once; a file symlink loop says so', async () => {
        const run = join(dir, 'run-with-latest');
        mkdirSync(run);
        writeFileSync(join(run, 'step_1.jsonl'), `${good}\n`);
        symlinkSync('step_1.jsonl', join(run, 'latest.jsonl'));
        symlinkSync('y.jsonl', join(run, 'x.jsonl'));
        symlinkSync('x.jsonl', join(run, 'y.jsonl'));
        const out = [];
        for await (const item of readRollouts([run, join(run, 'step_1.jsonl')], { maxLineBytes: 1000 })) out.push('issue' in item ? `${item.issue.where}: ${item.issue.message}` : `ok ${item.source}`);
        // The link is reported, not the dump: the dump's name may hold its step.
        expect(out).toEqual([
            `ok ${join(run, 'step_1.jsonl')}:1`,
            `${join(run, 'latest.jsonl')}: the same file as ${join(run, 'step_1.jsonl')} (through a symlink, or given twice), read once: not read again`,
            `${join(run, 'x.jsonl')}: a symlink loop (its links lead back to themselves): not read`,
            `${join(run, 'y.jsonl')}: a symlink loop (its links lead back to themselves): not read`,
            `${join(run, 'step_1.jsonl')}: the same file as ${join(run, 'step_1.jsonl')} (through a symlink, or given twice), read once: not read again`,
        ]);
    });
    test('field messages say what the field held: a missing message content, an object id', async () => {
        const path = join(dir, 'fields.jsonl');
        writeFileSync(path, [
            { messages: [{ role: 'user', content: 'q' }, { role: 'assistant' }], ground_truth: '[]' },
            { response: 'x', ground_truth: '[]', id: { run: 1 } },
        ].map((row) => JSON.stringify(row)).join('\n'));
        const items = [];
        for await (const item of readRollouts([path])) if ('issue' in item) items.push(`${item.issue.field}: ${item.issue.message}`);
        // They were "got undefined undefined" and "expected a number" (an id may be text).
        expect(items).toEqual(['messages[1].content: expected a string, got nothing (the field is missing)', 'id: expected text or a number, got an object']);
    });
    test('a missing file is an issue, not a crash', async () => {
        expect(await collect(join(dir, 'nope.jsonl'), 1000)).toEqual([`${join(dir, 'nope.jsonl')}: no such file or folder`]);
    });
});
