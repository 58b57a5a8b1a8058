// A verify worker's verdicts arrive on the main thread as they left: programs (tables, ids with
// any characters, paint colours, source indices), parse-error bodies and failure messages alike.
import { describe, expect, test } from 'vitest';
import { addShared, packVerdicts, takeShared, unpackVerdicts } from '../../cli/verdict-transport.js';
import { compileDsl, shareCompiled, takeCompiled, type CompiledDsl } from '../../language/verifier/verdict-cache.js';
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
    test('threads share what they compile: taken once, in order, and added without compiling again', () => {
        const fresh = dsls.map((dsl, i) => `# shared ${i}\n${dsl}`);
        shareCompiled(true);
        try {
            expect(takeCompiled()).toEqual([]);
            const entries = fresh.slice(0, 5).map((dsl) => compileDsl(dsl));
            compileDsl(fresh[0]); // a cache hit is not shared again
            const shared = takeShared()!;
            expect(shared.dsls).toEqual(fresh.slice(0, 5));
            expect(unpackVerdicts(shared.verdicts)).toEqual(entries);
            expect(takeShared()).toBeUndefined();
            // As another thread would receive them: programs it has not compiled come from the message
            // (marked entries show they were not compiled here), and are not shared back.
            const other = fresh.slice(5, 9);
            const marked = other.map((_, i): CompiledDsl => ({ invalid: `from another thread ${i}` }));
            addShared({ dsls: [fresh[0], ...other], verdicts: packVerdicts([{ invalid: 'not taken: compiled here already' }, ...marked]) });
            for (let i = 0; i < other.length; i++) expect(compileDsl(other[i])).toEqual(marked[i]);
            expect(compileDsl(fresh[0])).toEqual(entries[0]);
            expect(takeCompiled()).toEqual([]);
        } finally {
            shareCompiled(false);
        }
        expect(takeCompiled()).toEqual([]);
    });
});
