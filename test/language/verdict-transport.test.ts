// A verify worker's verdicts arrive on the main thread as they left: programs (tables, ids with
// any characters, paint colours, source indices), parse-error bodies and failure messages alike.
import { describe, expect, test } from 'vitest';
import { packVerdicts, unpackVerdicts } from '../../cli/verdict-transport.js';
import { compileDsl, type CompiledDsl } from '../../language/verifier/verdict-cache.js';
import { readJsonLines } from '../helpers/fixtures.js';

describe('verdict transport', () => {
    const dsls = [
        ...readJsonLines<{ dsl: string }>('manufactoria/random_programs.jsonl').map((r) => r.dsl),
        ...readJsonLines<{ dsl: string }>('manufactoria/edge_cases.jsonl').map((r) => r.dsl),
        'START start:\n    NEXT café\nPAINTER_YELLOW café:\n    NEXT 𝒜😀\nPULLER_YG 𝒜😀:\n    [Y] end\n    [G] nowhere\nEND end',
    ];
    test('fixture programs, parse errors and failures round-trip in order', () => {
        const entries: CompiledDsl[] = [...dsls.map((dsl) => compileDsl(dsl)), { failure: 'boom: ü' }, { invalid: '' }];
        expect(entries.some((e) => 'program' in e) && entries.some((e) => 'invalid' in e)).toBe(true);
        const { ints, text } = packVerdicts(entries);
        expect(unpackVerdicts({ ints, text })).toEqual(entries);
    });
    test('an empty chunk packs to nothing', () => {
        expect(unpackVerdicts(packVerdicts([]))).toEqual([]);
    });
});
