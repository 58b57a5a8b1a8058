// Every record of the reference's parser/interpreter fixtures, reproduced exactly (spec §14.1, §14.2).
import { describe, expect, test } from 'vitest';
import { runTape } from '../../language/manufactoria/interpreter/run.js';
import { verdictOf } from '../../language/manufactoria/verdict.js';
import { readJsonLines } from '../helpers/fixtures.js';

interface FixtureResult { input: string; finished: boolean; final_tape: string; path: string[]; path_len?: number; rejection_reason: string | null }
interface FixtureRecord { label?: string; dsl: string; inputs: string[]; parse_error?: { message: string; line: number | null }; results?: FixtureResult[] }

const edgeCases = readJsonLines<FixtureRecord>('manufactoria/edge_cases.jsonl');
const randomPrograms = readJsonLines<FixtureRecord>('manufactoria/random_programs.jsonl');

function expectRecord(record: FixtureRecord, abbreviatedPaths: boolean): void {
    const verdict = verdictOf(record.dsl);
    if (record.parse_error) {
        expect(verdict.ok).toBe(false);
        if (verdict.ok) return;
        expect(verdict.error).toBe(record.parse_error.message);
        expect(verdict.line).toBe(record.parse_error.line);
        return;
    }
    if (!verdict.ok) throw new Error(`unexpected parse error: ${verdict.error}`);
    expect(record.results).toHaveLength(record.inputs.length);
    for (const expected of record.results!) {
        const actual = runTape(verdict.program, expected.input);
        expect(actual.finished).toBe(expected.finished);
        expect(actual.final_tape).toBe(expected.final_tape);
        expect(actual.rejection_reason).toBe(expected.rejection_reason);
        const ellipsis = expected.path.indexOf('...');
        if (abbreviatedPaths && ellipsis >= 0) {
            // Long paths are stored as the first five ids, "...", and the last five (spec §14.1).
            expect(actual.path.length).toBe(expected.path_len);
            expect(actual.path.slice(0, ellipsis)).toEqual(expected.path.slice(0, ellipsis));
            const tail = expected.path.slice(ellipsis + 1);
            expect(actual.path.slice(-tail.length)).toEqual(tail);
        } else {
            expect(actual.path).toEqual(expected.path);
            if (expected.path_len !== undefined) expect(actual.path.length).toBe(expected.path_len);
        }
    }
}

describe('edge_cases.jsonl', () => {
    test('has the 61 records the spec describes', () => {
        expect(edgeCases).toHaveLength(61);
        expect(edgeCases.filter((r) => r.parse_error)).toHaveLength(37);
    });
    test.each(edgeCases.map((r) => [r.label!, r] as const))('%s', (_label, record) => expectRecord(record, true));
});

describe('random_programs.jsonl', () => {
    test('has the 150 records the spec describes', () => {
        expect(randomPrograms).toHaveLength(150);
        expect(randomPrograms.filter((r) => r.parse_error)).toHaveLength(23);
    });
    test.each(randomPrograms.map((r, i) => [i + 1, r] as const))('program %i', (_index, record) => expectRecord(record, false));
});
