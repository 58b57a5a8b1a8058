// Problem loading from .json (object/array), .jsonl (streamed, malformed lines reported) and
// .parquet, for both row shapes; criteria from the HF task tail; selectors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, loadProblemFile, parseProblemRef, parseProblemText, ProblemLookup, pyJsonDumps, readProblemFile, selectProblem, type LoadProgress, type Problem } from '../../language/dataset/problems/index.js';
import { FIXTURE_DIR, fixtureLines, sampleHfRows, sampleProblems } from '../families/fixtures.js';
import { readFailureText } from '../../language/dataset/problems/parquet-protocol.js';
import { PQ_HF_SCHEMA, PQ_TEST_CASE, pqString, writeParquet, type PqNode } from './parquet-writer.js';

let dir: string;
beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'delta-problems-'));
});
const tmp = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
};

const problems = sampleProblems();
const hfRows = sampleHfRows();

describe('JSON Lines', () => {
    it('loads the 17 sample problem rows with sources and the common view', async () => {
        const r = await loadProblemFile(FIXTURE_DIR + 'problems_sample.jsonl', { displayName: 'problems_sample.jsonl' });
        expect(r.issues).toEqual([]);
        expect(r.problems).toHaveLength(17);
        const p = r.problems[6];
        expect(p).toMatchObject({
            id: problems[6].id, name: 'Need 3 Rs and 3 Ys', family: 'contains_count', level: 'easy', colorMode: 'four_color',
            criteria: problems[6].criteria, shape: 'problem', source: { file: 'problems_sample.jsonl', line: 7, index: 6 },
        });
        expect(p.testCases).toEqual(problems[6].test_cases);
    });

    it('loads the HF sample: criteria from the task tail equal the problem rows\' criteria', async () => {
        const r = await loadProblemFile(FIXTURE_DIR + 'hf_rows_sample.jsonl');
        expect(r.issues).toEqual([]);
        expect(r.problems.map((p) => p.criteria)).toEqual(problems.map((p) => p.criteria));
        expect(r.problems.map((p) => p.level)).toEqual(problems.map((p) => p.difficulty_level));
        expect(r.problems.map((p) => p.family)).toEqual(problems.map((p) => p.problem_type));
        expect(r.problems.map((p) => p.colorMode)).toEqual(problems.map((p) => p.color_mode));
        expect(r.problems.every((p) => p.shape === 'hf')).toBe(true);
        expect(r.problems[12].testCases).toEqual(hfRows[12].ground_truth);
    });

    it('reports malformed lines with file, line and field while the other rows load', async () => {
        const lines = fixtureLines('problems_sample.jsonl');
        const broken = structuredClone(problems[2]) as unknown as Record<string, unknown>;
        (broken.test_cases as Array<Record<string, unknown>>)[4].input = 7;
        const text = [lines[0], '', '{"id": "x", "name": ', lines[1], JSON.stringify(broken), '[1, 2]', JSON.stringify({ hello: 1 }), JSON.stringify({ ...problems[3], name: undefined }), lines[3]].join('\n') + '\n';
        const path = tmp('mixed.jsonl', text);
        const r = await loadProblemFile(path, { displayName: 'mixed.jsonl' });
        expect(r.problems.map((p) => [p.name, p.source.line, p.source.index])).toEqual([
            ['Starts with BB', 1, 0], ['Exactly RBB', 4, 2], ['Ends with RB', 9, 7],
        ]);
        expect(r.issues.map((i) => [i.line, i.index, i.field])).toEqual([
            [3, 1, undefined], [5, 3, 'test_cases[4].input'], [6, 4, undefined], [7, 5, undefined], [8, 6, 'name'],
        ]);
        expect(r.issues[0].message).toMatch(/^invalid JSON: /);
        expect(formatIssue(r.issues[1])).toBe('mixed.jsonl:5: test_cases[4].input: expected a string, got number 7');
        expect(formatIssue(r.issues[4])).toBe('mixed.jsonl:8: name: missing required field');
        expect(r.issues[2].message).toBe('row must be an object, got a list');
    });

    it('parses in-memory text the same way (CRLF and BOM tolerated)', () => {
        const text = '\ufeff' + fixtureLines('hf_rows_sample.jsonl').slice(0, 3).join('\r\n') + '\r\n';
        const r = parseProblemText(text, 'buf.jsonl', 'jsonl');
        expect(r.issues).toEqual([]);
        expect(r.problems.map((p) => p.name)).toEqual(['Starts with BB', 'Exactly RBB', 'Append RYY']);
    });

    it('streams a large file line by line with progress reports', async () => {
        const one = fixtureLines('problems_sample.jsonl')[0];
        const total = 5000;
        const path = tmp('big.jsonl', Array.from({ length: total }, (_, i) => one.replace(/"index": 5/, `"index": ${i}`)).join('\n'));
        const progress: LoadProgress[] = [];
        let seen = 0;
        for await (const row of readProblemFile(path, { onProgress: (p) => progress.push(p), progressEvery: 1000 })) {
            if (row.ok !== true) expect(row.ok).toBe(true);
            seen++;
        }
        expect(seen).toBe(total);
        expect(progress.map((p) => p.rows)).toEqual([1000, 2000, 3000, 4000, 5000, 5000]);
        expect(progress.at(-1)).toMatchObject({ bytesRead: progress.at(-1)!.totalBytes });
        expect(progress[1].bytesRead!).toBeGreaterThan(0);
    });
});

describe('.json documents', () => {
    it('an object is one row', async () => {
        const r = await loadProblemFile(tmp('one.json', JSON.stringify(problems[0], null, 2)));
        expect(r.issues).toEqual([]);
        expect(r.problems).toHaveLength(1);
        expect(r.problems[0].source).toMatchObject({ index: 0 });
        expect(r.problems[0].source.line).toBeUndefined();
    });
    it('an array is a list of rows, mixing both shapes; bad entries are reported by index', async () => {
        const r = await loadProblemFile(tmp('many.json', JSON.stringify([problems[0], hfRows[1], { ...hfRows[2], messages: [{ role: 'user', content: 'no tail' }] }, problems[3]])));
        expect(r.problems.map((p) => [p.name, p.shape, p.source.index])).toEqual([['Starts with BB', 'problem', 0], ['Exactly RBB', 'hf', 1], ['Ends with RB', 'problem', 3]]);
        expect(r.issues).toHaveLength(1);
        expect(r.issues[0]).toMatchObject({ index: 2, field: 'messages[0].content' });
    });
    it('JSON Lines in a .json file (what datasets\' to_json writes) are read as JSON Lines', async () => {
        const lines = [...fixtureLines('hf_rows_sample.jsonl').slice(0, 3), '{oops}', ''].join('\n');
        const r = await loadProblemFile(tmp('to_json.json', lines));
        expect(r.problems.map((p) => [p.name, p.source.index, p.source.line])).toEqual([['Starts with BB', 0, 1], ['Exactly RBB', 1, 2], ['Append RYY', 2, 3]]);
        expect(r.issues).toEqual([expect.objectContaining({ line: 4, index: 3, message: expect.stringMatching(/^invalid JSON/) })]);
        // Not JSON Lines: a pretty-printed document with an error, and one object followed by junk.
        expect(parseProblemText('{\n"id": 1,\n}\n', 'bad.json', 'json').issues).toEqual([expect.objectContaining({ line: 3 })]);
        expect(parseProblemText('{"id": 1} x', 'bad.json', 'json').issues).toHaveLength(1);
    });
    it('a syntax error names the line', () => {
        const r = parseProblemText('[\n{"id": 1},\n{oops}\n]', 'bad.json', 'json');
        expect(r.problems).toEqual([]);
        expect(r.issues).toHaveLength(1);
        expect(r.issues[0].message).toMatch(/^invalid JSON/);
        expect(r.issues[0].line).toBe(3);
    });
    it('a problem row that also carries a prompt (messages) is a problem row; a missing column is named as missing', () => {
        const both = parseProblemText(JSON.stringify({ ...problems[0], messages: hfRows[0].messages }), 'both.json', 'json');
        expect(both.issues).toEqual([]);
        expect(both.problems[0]).toMatchObject({ shape: 'problem', name: 'Starts with BB', family: 'starts_with' });
        // It was read as an HF row and refused: "problem_family: missing required field".
        const { messages: _dropped, ...noMessages } = hfRows[0];
        expect(parseProblemText(JSON.stringify(noMessages), 'hf.json', 'json').issues[0]).toMatchObject({ field: 'messages', message: 'missing required field' });
        expect(parseProblemText(JSON.stringify({ ...hfRows[0], messages: 'hello' }), 'hf.json', 'json').issues[0]).toMatchObject({ field: 'messages', message: 'expected a non-empty list, got string "hello"' });
    });
    it('HF ground_truth given as a JSON string is decoded (as the training side does)', () => {
        const row = { ...hfRows[0], ground_truth: JSON.stringify(hfRows[0].ground_truth) };
        const r = parseProblemText(JSON.stringify(row), 'gt.json', 'json');
        expect(r.problems[0].testCases).toEqual(hfRows[0].ground_truth);
    });
    it('missing optional test-case fields take the verifier defaults', () => {
        const row = { ...problems[0], test_cases: [{ input: 'BB' }] };
        const r = parseProblemText(JSON.stringify(row), 'd.json', 'json');
        expect(r.problems[0].testCases).toEqual([{ input: 'BB', expected_output: '', expected_accepted: true, check_output: true, description: '' }]);
    });
    it('unsupported extensions and missing files are issues, not crashes', async () => {
        expect((await loadProblemFile(tmp('x.csv', 'a'))).issues[0].message).toMatch(/unsupported file type/);
        expect((await loadProblemFile(join(dir, 'absent.jsonl'))).issues[0].message).toMatch(/ENOENT/);
        // Without an extension too (it was "unsupported file type 'absent'").
        expect((await loadProblemFile(join(dir, 'absent'))).issues[0].message).toMatch(/ENOENT/);
    });
});

describe('.parquet', () => {
    it('a reader failure from damaged metadata says so; hyparquet\'s own checks pass through', () => {
        // Damaged metadata made hyparquet's code fail with "_.field_1.map is not a function", passed on as is.
        expect(readFailureText(new TypeError('_.field_1.map is not a function'))).toBe('the file is damaged or not a parquet file this reader can read (TypeError: _.field_1.map is not a function)');
        expect(readFailureText(new RangeError('Invalid array length'))).toMatch(/^the file is damaged or not a parquet file this reader can read \(RangeError: /);
        expect(readFailureText(new Error('parquet file invalid (footer != PAR1)'))).toBe('parquet file invalid (footer != PAR1)');
    });
    const str = pqString;
    const testCase = PQ_TEST_CASE;
    const hfSchema = PQ_HF_SCHEMA;

    it('reads nested HF rows across row groups, with progress per group', async () => {
        const path = join(dir, 'hf.parquet');
        writeParquet(path, hfSchema, hfRows as unknown as Record<string, unknown>[], 5);
        const progress: LoadProgress[] = [];
        const r = await loadProblemFile(path, { onProgress: (p) => progress.push(p) });
        expect(r.issues).toEqual([]);
        expect(r.problems.map((p) => p.name)).toEqual(hfRows.map((h) => h.name));
        expect(r.problems.map((p) => p.testCases)).toEqual(hfRows.map((h) => h.ground_truth));
        expect(r.problems.map((p) => p.criteria)).toEqual(problems.map((p) => p.criteria));
        expect(r.problems[16].source).toEqual({ file: path, index: 16 });
        expect(progress.map((p) => [p.rows, p.totalRows])).toEqual([[5, 17], [10, 17], [15, 17], [17, 17]]);
    });

    it('reads problem rows (int64 index, string lists) and reports a bad row by index', async () => {
        const schema: PqNode[] = [
            str('id'), str('name'), str('description'), str('criteria'),
            { name: 'available_nodes', optional: true, list: { name: 'element', optional: true, type: 'string' } },
            { name: 'test_cases', optional: true, list: testCase },
            str('difficulty'), str('problem_type'), { name: 'index', optional: true, type: 'int64' }, str('color_mode'), str('difficulty_level'),
        ];
        const rows: Record<string, unknown>[] = problems.map((p) => ({ ...p }));
        rows[4] = { ...rows[4], name: null };
        const path = join(dir, 'problems.parquet');
        writeParquet(path, schema, rows);
        const r = await loadProblemFile(path);
        expect(r.problems).toHaveLength(16);
        expect(r.issues).toEqual([{ file: path, index: 4, field: 'name', message: 'expected a string, got null' }]);
        expect(r.problems[6].testCases).toEqual(problems[7].test_cases);
    });

    it('a file that is not parquet is one issue', async () => {
        expect((await loadProblemFile(tmp('fake.parquet', 'not parquet at all'))).issues).toHaveLength(1);
    });
});

describe('selectors', () => {
    let all: Problem[];
    beforeAll(async () => {
        const lines = fixtureLines('problems_sample.jsonl');
        // A second "Starts with BB" row makes that name ambiguous.
        const twin = pyJsonDumps({ ...problems[0], id: '00000000-0000-4000-8000-000000000000' });
        all = parseProblemText([...lines, twin].join('\n'), 'p.jsonl', 'jsonl').problems;
    });

    it('by id, by name, by row index', () => {
        expect(selectProblem(all, problems[5].id)).toMatchObject({ ok: true, by: 'id', problem: { name: 'Contains BBR' } });
        expect(selectProblem(all, 'Numerical Add 8')).toMatchObject({ ok: true, by: 'name', problem: { id: problems[10].id } });
        expect(selectProblem(all, '12')).toMatchObject({ ok: true, by: 'index', problem: { name: 'Regex Pattern: (RBR)+(B)?' } });
        expect(selectProblem(all, 'Prepend  after Replace patterns RB with BR')).toMatchObject({ ok: true, by: 'name' });
    });
    it('ambiguous names, unknown selectors and out-of-range indices are errors', () => {
        const amb = selectProblem(all, 'Starts with BB');
        expect(amb.ok).toBe(false);
        if (!amb.ok) {
            expect(amb.message).toMatch(/2 problems are named 'Starts with BB'/);
            expect(amb.candidates).toHaveLength(2);
        }
        expect(selectProblem(all, 'nothing')).toMatchObject({ ok: false });
        expect(selectProblem(all, '99')).toMatchObject({ ok: false });
        expect(selectProblem(all)).toMatchObject({ ok: false });
        expect(selectProblem(all.slice(0, 1))).toMatchObject({ ok: true, problem: { name: 'Starts with BB' } });
        // An index past the end of a big file (200,000 rows) says so (it overflowed the call stack).
        const many = Array.from({ length: 200_000 }, (_, i) => ({ ...all[0], id: `id${i}`, name: `n${i}`, source: { ...all[0].source, index: i } }));
        expect(selectProblem(many, '200000')).toEqual({ ok: false, message: 'no loadable row 200000 (rows run 0–199999)' });
    });
    it('parseProblemRef splits at the first # of the file name', () => {
        expect(parseProblemRef('data/p.jsonl#Numerical Add 8')).toEqual({ path: 'data/p.jsonl', selector: 'Numerical Add 8' });
        expect(parseProblemRef('dir#1/p.jsonl#3')).toEqual({ path: 'dir#1/p.jsonl', selector: '3' });
        expect(parseProblemRef('p.parquet')).toEqual({ path: 'p.parquet' });
    });
    it('a "#" in the file name and a "/" in the selector: the split is after the problem file\'s name', () => {
        expect(parseProblemRef('runs/run#3.jsonl#Starts with BB')).toEqual({ path: 'runs/run#3.jsonl', selector: 'Starts with BB' });
        expect(parseProblemRef('run#3.jsonl')).toEqual({ path: 'run#3.jsonl' });
        expect(parseProblemRef('p.jsonl#R/B split')).toEqual({ path: 'p.jsonl', selector: 'R/B split' });
        expect(parseProblemRef('d/p.parquet#a\\b')).toEqual({ path: 'd/p.parquet', selector: 'a\\b' });
        expect(parseProblemRef('p.jsonl#')).toEqual({ path: 'p.jsonl', selector: '' });
        // No problem file's name in it (a path being typed): the first "#" of the last path segment.
        expect(parseProblemRef('dir#1/pro')).toEqual({ path: 'dir#1/pro' });
        expect(parseProblemRef('dir/p#x')).toEqual({ path: 'dir/p', selector: 'x' });
    });
});

describe('rows a selector cannot tell apart', () => {
    const row = (id: string, name: string) => JSON.stringify({ id, name, description: '', criteria: 'c', test_cases: [{ input: 'R' }], problem_type: 'f', difficulty_level: 'basic' });
    const rows = [row('dup', 'A'), row('dup', 'B'), row('', 'C'), row(' sp ', 'D'), row('a/b', 'E'), row('x', 'A'), row('h#x', 'G'), row('2', 'H'), row('y', '')];
    const loaded = parseProblemText(rows.join('\n'), 'p.jsonl', 'jsonl').problems;

    it('an id shared by several rows is ambiguous, like a shared name (it selected the first row)', () => {
        const shared = selectProblem(loaded, 'dup');
        expect(shared).toMatchObject({ ok: false, message: "2 problems have the id 'dup' (row indices 0 (dup), 1 (dup)); select by row index" });
        expect(selectProblem(loaded, '1')).toMatchObject({ ok: true, problem: { name: 'B' } });
    });

    it('rows that repeat one problem (a dataset weighting it) are not ambiguous: the first is selected', () => {
        const twice = parseProblemText([row('w', 'W'), row('w', 'W'), row('v', 'W')].join('\n'), 'p.jsonl', 'jsonl').problems;
        expect(selectProblem(twice, 'w')).toMatchObject({ ok: true, by: 'id', problem: { source: { index: 0 } } });
        // The name is shared with a different problem (id v): still ambiguous.
        expect(selectProblem(twice, 'W')).toMatchObject({ ok: false, message: "3 problems are named 'W' (row indices 0 (w), 1 (w), 2 (v)); select by id or row index" });
        expect(selectProblem(twice.slice(0, 2), 'W')).toMatchObject({ ok: true, by: 'name', problem: { source: { index: 0 } } });
        expect(new ProblemLookup(twice).selectorOf(twice[1])).toBe('1');
    });

    it('selectorOf names each row by something that selects exactly it, written on a # problem: line', () => {
        const lookup = new ProblemLookup(loaded);
        const ids = loaded.map((p) => lookup.selectorOf(p));
        expect(ids).toEqual(['0', 'B', 'C', 'D', 'a/b', 'x', 'h#x', '2', 'y']);
        // Row 7's id '2' selects it (ids come first), so row 2 is named 'C', not '2'.
        const names = loaded.map((p) => lookup.selectorOf(p, 'name'));
        expect(names).toEqual(['0', 'B', 'C', 'D', 'E', 'x', 'G', 'H', 'y']);
        for (const selector of [...ids, ...names]) {
            const ref = parseProblemRef(`p.jsonl#${selector}`);
            expect(ref.path).toBe('p.jsonl');
            const selection = selectProblem(loaded, ref.selector);
            expect(selection.ok).toBe(true);
        }
        loaded.forEach((_, i) => {
            expect(selectProblem(loaded, parseProblemRef(`p.jsonl#${ids[i]}`).selector)).toMatchObject({ ok: true, problem: { source: { index: i } } });
            expect(selectProblem(loaded, parseProblemRef(`p.jsonl#${names[i]}`).selector)).toMatchObject({ ok: true, problem: { source: { index: i } } });
        });
    });
});
