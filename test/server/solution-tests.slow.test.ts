// Server side of inline family tests: lenses, directive diagnostics/hover/completion, runs,
// traces and the worker's time limit, through the same services the language server wires.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { parseDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { Program } from '../../language/manufactoria/generated/ast.js';
import { createManufactoriaServices } from '../../server/manufactoria-server-module.js';
import { summary } from '../../server/solution-tests/code-lens-provider.js';
import { SUPERSEDED, TestRunner } from '../../server/solution-tests/test-runner.js';
import { fixturePath } from '../helpers/fixtures.js';

const { Manufactoria } = createManufactoriaServices(EmptyFileSystem);
const dir = mkdtempSync(join(tmpdir(), 'delta-server-'));
copyFileSync(fixturePath('manufactoria/problems_sample.jsonl'), join(dir, 'problems.jsonl'));
const PROGRAM = 'START start:\n    NEXT a\n\nPULLER_RB a:\n    [B] end\n    [R] NONE\n    [EMPTY] NONE\n\nEND end\n';
let count = 0;

async function open(text: string) {
    const documentUri = URI.file(join(dir, `s${count++}.manufactoria`)).toString();
    const document = await parseDocument<Program>(Manufactoria, text, { documentUri, validation: true });
    return { document, uri: documentUri };
}
const lensTitles = async (document: Awaited<ReturnType<typeof open>>['document']) =>
    ((await Manufactoria.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })) ?? [])
        .map((l) => `${l.range.start.line}: ${l.command!.title}`);

describe('code lenses', () => {
    test('Run N tests above START; after a run the scores, inline verdicts and failures where the run ended', async () => {
        const { document, uri } = await open(`# problem: problems.jsonl#Starts with BB\n# test: B => B\n# test: BB -> accept\n${PROGRAM}`);
        expect(await lensTitles(document)).toEqual(['3: $(play) Run 17 tests']);
        const result = await Manufactoria.tests.Solutions.run(uri);
        expect(result).toMatchObject({ state: 'ran', passed: 14, total: 17, all_pass: 0, version: document.textDocument.version });
        expect(result.outcomes.find((o) => o.id === 'p4')).toMatchObject({ passed: false, endNode: 'end', endRange: { start: { line: 11, character: 0 }, end: { line: 11, character: 7 } } });
        expect(await lensTitles(document)).toEqual([
            '3: $(play) Run 17 tests',
            '3: ✗ 14/17 passed · pass_rate 0.824 · all_pass 0',
            '1: ✗ expected output B, got ""',
            '2: ✓ passed (accepted)',
            '11: ✗ #5 BRB → reject: expected reject, got accepted · trace',
            '11: +2 more failing here',
        ]);
        const lenses = (await Manufactoria.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri } }))!;
        // The exact rate and every failure are in the hovers.
        expect(lenses[1].command!.tooltip).toBe(`14 of 17 tests passed\npass_rate ${14 / 17}\nall_pass 0\nClick to run all tests again.`);
        expect(lenses.at(-1)!.command!.tooltip!.split('\n')).toEqual([
            '✗ #5 BRB → reject: expected reject, got accepted',
            '✗ #9 BR → reject: expected reject, got accepted',
            '✗ line 2: B ⇒ B: expected output B, got ""',
        ]);
    });

    test('a run routed to NONE ends at the node that routed it there: its failure lens sits on that node', async () => {
        const program = 'START start:\n    NEXT a\n\nPULLER_RB a:\n    [B] NONE\n    [R] NONE\n    [EMPTY] NONE\n\nEND end\n';
        const { document, uri } = await open(`# problem: problems.jsonl#Starts with BB\n${program}`);
        const result = await Manufactoria.tests.Solutions.run(uri);
        const routed = result.outcomes.filter((o) => !o.passed && o.rejection_reason === 'Routed to NONE');
        expect(routed.length).toBeGreaterThan(0);
        for (const o of routed) expect(o).toMatchObject({ path: ['start', 'a', 'NONE'], endNode: 'a', endRange: { start: { line: 4 } } });
        expect((await lensTitles(document)).filter((t) => t.startsWith('4: ✗'))).toHaveLength(1);
    });

    test('a run of some tests updates only those in the summary; without a full run it says how many ran', async () => {
        const { document, uri } = await open(`# problem: problems.jsonl#Starts with BB\n# test: B => B\n# test: BB -> accept\n${PROGRAM}`);
        const alone = await Manufactoria.tests.Solutions.run(uri, ['p4']);
        expect(alone).toMatchObject({ state: 'ran', passed: 0, total: 1 });
        expect((await lensTitles(document))[1]).toBe('3: ✗ 0/1 passed · 1 of 17 tests ran');
        await Manufactoria.tests.Solutions.run(uri);
        const again = await Manufactoria.tests.Solutions.run(uri, ['p4', 'p0']);
        // The client hears of the tests it asked for; the lens keeps the whole file's scores.
        expect(again).toMatchObject({ state: 'ran', passed: 1, total: 2 });
        expect(again.outcomes.map((o) => o.id)).toEqual(['p0', 'p4']);
        expect((await lensTitles(document))[1]).toBe('3: ✗ 14/17 passed · pass_rate 0.824 · all_pass 0');
    });

    test('a problem file rewritten under an unchanged solution outdates its results (the lenses paired old outcomes with new cases) and the client\'s items', async () => {
        const [first] = readFileSync(join(dir, 'problems.jsonl'), 'utf8').split('\n');
        const row = JSON.parse(first) as { test_cases: { expected_accepted: boolean }[] };
        const file = join(mkdtempSync(join(tmpdir(), 'delta-rewritten-')), 'p.jsonl'); // not beside the solutions: completion lists those
        writeFileSync(file, `${first}\n`);
        const { document, uri } = await open(`# problem: ${file}\n# test: B => B\n${PROGRAM}`);
        await Manufactoria.tests.Solutions.describe(uri);
        expect((await Manufactoria.tests.Solutions.run(uri)).testsChanged).toBeUndefined();
        expect((await lensTitles(document)).slice(1, 3)).toEqual(['2: ✗ 13/16 passed · pass_rate 0.813 · all_pass 0', '1: ✗ expected output B, got ""']);
        // The same row with every label flipped: same ids p0…p14, other cases.
        writeFileSync(file, `${JSON.stringify({ ...row, test_cases: row.test_cases.map((c) => ({ ...c, expected_accepted: !c.expected_accepted })) })}\n`);
        expect(await lensTitles(document)).toEqual(['2: $(play) Run 16 tests', '2: ✗ 13/16 passed · pass_rate 0.813 · all_pass 0 · outdated, run again']);
        const hover = await Manufactoria.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri }, position: { line: 1, character: 4 } });
        expect((hover?.contents as { value: string }).value).not.toContain('✗');
        // A run of one test is not merged into the outdated full run; it tells the client, whose
        // items (described before: no watcher reports a file outside the workspace) hold the old cases.
        expect(await Manufactoria.tests.Solutions.run(uri, ['p0'])).toMatchObject({ testsChanged: true });
        expect((await lensTitles(document))[1]).toBe('2: ✗ 0/1 passed · 1 of 16 tests ran');
        expect((await Manufactoria.tests.Solutions.describe(uri)).tests[0]).toMatchObject({ id: 'p0', expected_accepted: true });
        expect((await Manufactoria.tests.Solutions.run(uri)).testsChanged).toBeUndefined();
        expect((await lensTitles(document))[1]).toBe('2: ✗ 2/16 passed · pass_rate 0.125 · all_pass 0');
    });

    test('✓ only when every test passes; rates are rounded for reading but never to 0 or 1', async () => {
        const base = { uri: 'file:///x', version: 1, state: 'ran' as const, outcomes: [], durationMs: 1 };
        expect(summary({ ...base, passed: 15, total: 15, pass_rate: 1, all_pass: 1 })).toBe('✓ 15/15 passed · pass_rate 1.0 · all_pass 1');
        expect(summary({ ...base, passed: 15, total: 18, pass_rate: 15 / 18, all_pass: 0 })).toBe('✗ 15/18 passed · pass_rate 0.833 · all_pass 0');
        expect(summary({ ...base, passed: 9999, total: 10000, pass_rate: 0.9999, all_pass: 0 })).toBe('✗ 9999/10000 passed · pass_rate 0.999 · all_pass 0');
        expect(summary({ ...base, passed: 1, total: 10000, pass_rate: 0.0001, all_pass: 0 })).toBe('✗ 1/10000 passed · pass_rate 0.001 · all_pass 0');
        expect(summary({ ...base, passed: 0, total: 3, pass_rate: 0, all_pass: 0 })).toBe('✗ 0/3 passed · pass_rate 0.0 · all_pass 0');
        expect(summary({ ...base, passed: 1, total: 1, pass_rate: 1, all_pass: 1, partial: { of: 4 } })).toBe('✗ 1/1 passed · 1 of 4 tests ran');
    });

    test('an invalid program and a file without tests', async () => {
        const { document, uri } = await open('# test: R -> accept\nSTART begin:\n    NEXT end\nEND end');
        const result = await Manufactoria.tests.Solutions.run(uri);
        expect(result).toMatchObject({ state: 'invalid', message: "DSL Parse Error: Line 2: START node must have ID 'start'", errorRange: { start: { line: 1 } } });
        expect((await lensTitles(document))[1]).toBe("1: ✗ DSL Parse Error: Line 2: START node must have ID 'start' · pass_rate 0.0 · all_pass 0");
        // A file that is not open: the reference's line is mapped back past stripped leading blank lines.
        const onDisk = join(dir, 'closed.manufactoria');
        writeFileSync(onDisk, '\n\n# test: R -> accept\nSTART begin:\n    NEXT end\nEND end\n');
        expect(await Manufactoria.tests.Solutions.run(URI.file(onDisk).toString())).toMatchObject({ state: 'invalid', errorRange: { start: { line: 3 } } });
        const plain = await open(PROGRAM);
        expect(await lensTitles(plain.document)).toEqual([]);
        expect(await Manufactoria.tests.Solutions.run(plain.uri)).toMatchObject({ state: 'no-tests', total: 0 });
    });
});

describe('directives in the editor', () => {
    test('a reference that points nowhere and a malformed test are warnings on their line', async () => {
        const { document } = await open(`# problem: problems.jsonl#nope\n# test: RB -> maybe\n${PROGRAM}`);
        const warnings = (document.diagnostics ?? []).filter((d) => d.code === 'problem-not-found' || d.code === 'malformed-directive');
        expect(warnings.map((d) => [d.range.start.line, d.range.start.character, d.message])).toEqual([
            [1, 0, 'Expected `accept` or `reject` after `->`, got `maybe`'],
            [0, 11, "Problem 'problems.jsonl#nope': no problem with id or name 'nope'"],
        ]);
    });

    test('hover on the problem directive shows criteria and test count; on an inline test its last result', async () => {
        const { document, uri } = await open(`# problem: problems.jsonl#0\n# test: B => B\n${PROGRAM}`);
        const hover = async (line: number) => ((await Manufactoria.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri }, position: { line, character: 4 } }))?.contents as { value: string } | undefined)?.value;
        expect(await hover(0)).toBe('**Starts with BB** · `starts_with` · basic · two_color\n\nAccept if the tape starts with BB; reject otherwise. The input tape carries only red/blue colors.\n\n15 test cases · line 1 of `problems.jsonl` · id `ab0c1681-c8f8-e3d0-d329-0a4cb5d32b16`');
        await Manufactoria.tests.Solutions.run(uri);
        expect(await hover(1)).toContain('✗ expected output B, got ""');
    });

    test('the text of a problem file is shown as text in the hover: no image, link or code span of its making', async () => {
        const [first] = readFileSync(join(dir, 'problems.jsonl'), 'utf8').split('\n');
        const row = JSON.parse(first) as Record<string, unknown>;
        // Removed at the end: the completion test lists the problem files beside the solutions.
        mkdirSync(join(dir, 'crafted'), { recursive: true });
        writeFileSync(join(dir, 'crafted', 'crafted.jsonl'), `${JSON.stringify({ ...row, id: 'a`b', name: '[x](https://e.example/)', criteria: 'Accept ![t](https://e.example/t.png) <img src=x> *all*' })}\n`);
        const { document, uri } = await open(`# problem: crafted/crafted.jsonl#0\n${PROGRAM}`);
        const hover = (await Manufactoria.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri }, position: { line: 0, character: 4 } }))?.contents as { value: string };
        expect(hover.value).toContain('**\\[x\\]\\(https://e.example/\\)**');
        expect(hover.value).toContain('Accept \\!\\[t\\]\\(https://e.example/t.png\\) \\<img src=x\\> \\*all\\*');
        expect(hover.value).toContain('id ``a`b``');
        rmSync(join(dir, 'crafted'), { recursive: true });
    });

    test('Go to Definition on the problem directive opens the row; on a target, the node', async () => {
        const { document, uri } = await open(`# problem: problems.jsonl#Starts with BB\n${PROGRAM}`);
        const define = async (line: number, character: number) => Manufactoria.lsp.DefinitionProvider!.getDefinition(document, { textDocument: { uri }, position: { line, character } });
        const [row] = (await define(0, 15))!;
        expect(row).toMatchObject({ targetUri: URI.file(join(dir, 'problems.jsonl')).toString(), targetRange: { start: { line: 0 } }, originSelectionRange: { start: { line: 0 } } });
        const [node] = (await define(2, 9))!; // `NEXT a`
        expect(node).toMatchObject({ targetUri: uri, targetRange: { start: { line: 4 } } });
        // The fourth row of the JSON Lines file, and a row of a `.json` array where it starts.
        const fourth = await open(`# problem: problems.jsonl#Ends with RB\n${PROGRAM}`);
        const [jsonlRow] = (await Manufactoria.lsp.DefinitionProvider!.getDefinition(fourth.document, { textDocument: { uri: fourth.uri }, position: { line: 0, character: 15 } }))!;
        expect(jsonlRow.targetRange.start.line).toBe(3);
        const rows = readFileSync(join(dir, 'problems.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
        const jsonFile = join(mkdtempSync(join(tmpdir(), 'delta-json-rows-')), 'problems.json'); // not beside the solutions: completion lists those
        writeFileSync(jsonFile, JSON.stringify(rows, null, 2));
        const inJson = await open(`# problem: ${jsonFile}#2\n${PROGRAM}`);
        const [jsonRow] = (await Manufactoria.lsp.DefinitionProvider!.getDefinition(inJson.document, { textDocument: { uri: inJson.uri }, position: { line: 0, character: 15 } }))!;
        const idLine = JSON.stringify(rows, null, 2).split('\n').findIndex((l) => l.includes(`"id": "${rows[2].id}"`));
        expect(idLine).toBeGreaterThan(3);
        // Where the row's object starts: the line above its id (the first member).
        expect(jsonRow).toMatchObject({ targetUri: URI.file(jsonFile).toString(), targetRange: { start: { line: idLine - 1 } } });
        // Rows that share one id (hand-made files): the row selected, not the first with that id.
        const sameIds = join(dirname(jsonFile), 'same-ids.json');
        const text = JSON.stringify(rows.map((r) => ({ ...r, id: 'same' })), null, 2);
        writeFileSync(sameIds, text);
        const twin = await open(`# problem: ${sameIds}#2\n${PROGRAM}`);
        const [twinRow] = (await Manufactoria.lsp.DefinitionProvider!.getDefinition(twin.document, { textDocument: { uri: twin.uri }, position: { line: 0, character: 15 } }))!;
        // Row 2 starts where it did in the first file (the id search went to row 0's id, line 2).
        expect(twinRow.targetRange.start.line).toBe(idLine - 1);
    });

    test('completion offers the keywords, problem files next to the solution, and their rows', async () => {
        const complete = async (text: string) => {
            const { document, uri } = await open(text.replace('|', ''));
            const list = await Manufactoria.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri }, position: document.textDocument.positionAt(text.indexOf('|')) });
            return list!.items;
        };
        expect((await complete(`# |\n${PROGRAM}`)).map((i) => i.label)).toEqual(['problem:', 'test: … -> accept|reject', 'test: … => output']);
        expect((await complete(`# problem: pro|\n${PROGRAM}`)).map((i) => [i.label, i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : ''])).toEqual([['problems.jsonl', 'problems.jsonl#']]);
        const rows = await complete(`# problem: problems.jsonl#St|\n${PROGRAM}`);
        expect(rows).toHaveLength(17);
        expect(rows[0]).toMatchObject({ label: 'Starts with BB', detail: 'row 0 · starts_with · basic · two_color · 15 tests', textEdit: { newText: 'Starts with BB', range: { start: { line: 0, character: 26 } } } });
        // A row whose name and id other rows share is completed by its row index (the id picked the first row); its twin before it by name.
        const [first] = readFileSync(join(dir, 'problems.jsonl'), 'utf8').split('\n');
        const row = JSON.parse(first) as Record<string, unknown>;
        mkdirSync(join(dir, 'twins'), { recursive: true }); // removed below: the file list above is of this folder
        writeFileSync(join(dir, 'twins', 'rows.jsonl'), ['A', 'A', 'B/C'].map((name) => JSON.stringify({ ...row, id: 'same', name })).join('\n'));
        const twins = await complete(`# problem: twins/rows.jsonl#|\n${PROGRAM}`);
        expect(twins.map((i) => i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : '')).toEqual(['A', '1', 'B/C']);
        rmSync(join(dir, 'twins'), { recursive: true });
    });
});

describe('traces and the run worker', () => {
    test('a trace has every step with its tape and node range, visit counts and the pass verdict', async () => {
        const { uri } = await open(`# test: BR -> reject\n${PROGRAM}`);
        const trace = await Manufactoria.tests.Solutions.trace(uri, 'l1');
        expect(trace).toMatchObject({ passed: false, finished: true, finalTape: 'R', rejection: null, input: 'BR', failure: 'expected reject, got accepted' });
        expect(trace.steps.map((s) => [s.node, s.kind, s.tapeBefore, s.tapeAfter, s.action, s.range?.start.line])).toEqual([
            ['start', 'START', 'BR', 'BR', 'start → a', 1],
            ['a', 'PULLER_RB', 'BR', 'R', 'read B → end', 4],
            ['end', 'END', 'R', 'R', 'accept', 9],
        ]);
        expect(trace.visits.map((v) => [v.node, v.count])).toEqual([['start', 1], ['a', 1], ['end', 1]]);
        expect((await Manufactoria.tests.Solutions.trace(uri, 'p0')).error).toBe("No test 'p0' in this file (its tests changed?)");
    });

    test('rapid runs of one document: queued older ones are dropped, the newest runs', async () => {
        const runner = new TestRunner(join(process.cwd(), 'out/server.cjs'));
        const program = (n: number) => `START start:\n    NEXT end\nEND end\n# version ${n}`;
        const cases = [{ id: 'l1', testCase: { input: 'RB', expected_output: '', expected_accepted: true, check_output: false, description: '' } }];
        const runs = await Promise.all(Array.from({ length: 10 }, (_, i) => runner.run(program(i), cases, 5000, 'file:///a.manufactoria')));
        // The first started at once; 2–9 were replaced while queued; the tenth ran.
        expect(runs.map((r) => r.state)).toEqual(['ran', ...Array(8).fill('error'), 'ran']);
        expect(runs.slice(1, 9).every((r) => r.state === 'error' && r.message === SUPERSEDED)).toBe(true);
        // Another document's run is not touched.
        const [a, b] = await Promise.all([runner.run(program(1), cases, 5000, 'x'), runner.run(program(2), cases, 5000, 'y')]);
        expect([a.state, b.state]).toEqual(['ran', 'ran']);
        runner.dispose();
    });

    test('the worker stops a run that exceeds the time limit and keeps serving the next ones', async () => {
        const runner = new TestRunner(join(process.cwd(), 'out/server.cjs'));
        expect(runner.usesWorker).toBe(true);
        const program = 'START start:\n    NEXT end\nEND end';
        const slow = { id: 'l1', testCase: { input: 'R'.repeat(40), expected_output: '(R*)*B', expected_accepted: true, check_output: true, description: '' } };
        const quick = { id: 'l2', testCase: { input: 'RB', expected_output: 'R+B', expected_accepted: true, check_output: true, description: '' } };
        const [stopped, next] = await Promise.all([runner.run(program, [slow], 300), runner.run(program, [quick], 5000)]);
        expect(stopped).toMatchObject({ state: 'error', message: expect.stringMatching(/^Stopped after 300 ms/) });
        expect(next).toMatchObject({ state: 'ran', passed: 1, total: 1 });
        runner.dispose();
    });
});
