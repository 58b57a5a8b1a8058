// One test per run rule of spec §5, on small programs.
import { describe, expect, test } from 'vitest';
import { runTape } from '../../language/manufactoria/interpreter/run.js';
import { verdictOf } from '../../language/manufactoria/verdict.js';

function run(program: string, input: string) {
    const verdict = verdictOf(program);
    if (!verdict.ok) throw new Error(verdict.error);
    return runTape(verdict.program, input);
}

const RB_NO_R = 'START start:\n    NEXT p\nPULLER_RB p:\n    [B] end\n    [EMPTY] end\nEND end';

describe('interpreter (spec §5)', () => {
    test('a puller consumes first, then routes: missing [R] goes to NONE with R gone', () => {
        expect(run(RB_NO_R, 'RB')).toEqual({ finished: false, final_tape: 'B', path: ['start', 'p', 'NONE'], rejection_reason: 'Routed to NONE' });
    });
    test('a foreign symbol takes [EMPTY] and stays on the tape', () => {
        expect(run(RB_NO_R, 'xR')).toMatchObject({ finished: true, final_tape: 'xR', path: ['start', 'p', 'end'] });
        expect(run(RB_NO_R, '😀')).toMatchObject({ finished: true, final_tape: '😀' });
    });
    test('a puller without [EMPTY] rejects an empty tape', () => {
        expect(run('START start:\n    NEXT p\nPULLER_YG p:\n    [Y] end\nEND end', '')).toMatchObject({ finished: false, rejection_reason: 'Routed to NONE' });
    });
    test('painters append at the end', () => {
        expect(run('START start:\n    NEXT a\nPAINTER_GREEN a:\n    NEXT b\nPAINTER_YELLOW b:\n    NEXT end\nEND end', 'R').final_tape).toBe('RGY');
    });
    test('the first route for a condition wins', () => {
        expect(run('START start:\n    NEXT p\nPULLER_RB p:\n    [R] end\n    [R] NONE\nEND end', 'R').finished).toBe(true);
    });
    test('END as a target is an unknown node at run time; a node named END runs', () => {
        expect(run('START start:\n    NEXT END\nEND end', '')).toMatchObject({ finished: false, rejection_reason: 'Unknown node: END', path: ['start', 'END'] });
        expect(run('START start:\n    NEXT END\nPAINTER_RED END:\n    NEXT end\nEND end', '')).toMatchObject({ finished: true, final_tape: 'R' });
    });
    test('a node named NONE is never run', () => {
        expect(run('START start:\n    NEXT NONE\nPAINTER_RED NONE:\n    NEXT end\nEND end', '')).toMatchObject({ finished: false, rejection_reason: 'Routed to NONE' });
    });
    test('step limit: 1000 path entries, the terminal included', () => {
        const drain = 'START start:\n    NEXT p\nPULLER_RB p:\n    [R] p\n    [EMPTY] end\nEND end';
        expect(run(drain, 'R'.repeat(997))).toMatchObject({ finished: true });
        expect(run(drain, 'R'.repeat(997)).path).toHaveLength(1000);
        const over = run(drain, 'R'.repeat(998));
        expect(over).toMatchObject({ finished: false, rejection_reason: 'Maximum iterations exceeded (possible infinite loop)' });
        expect(over.path).toHaveLength(1000);
        expect(over.final_tape).toBe('');
        expect(over.path.at(-1)).toBe('p');
    });
    test('a painter self-loop ends with 999 painted symbols', () => {
        const loop = run('START start:\n    NEXT a\nPAINTER_RED a:\n    NEXT a\nEND end', '');
        expect(loop.final_tape).toBe('R'.repeat(999));
        expect(loop.path.at(-1)).toBe('a');
    });
});
