// Trace texts and placement (client/trace/trace-text.ts) and the gutter badges (gutter-svg.ts).
import { describe, expect, it } from 'vitest';
import { badgeFileName, badgeLabel, badgeSvg } from '../../client/trace/gutter-svg.js';
import { endText, lineAnnotations, stepPlace, stepText, traceHeading, visitsText } from '../../client/trace/trace-text.js';
import type { TraceResult, TraceStep } from '../../server/protocol.js';

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 12 } });
const step = (index: number, node: string, kind: string, line: number | undefined, action: string, tapeBefore: string, tapeAfter: string): TraceStep => ({
    index, node, kind, action, tapeBefore, tapeAfter, ...(line === undefined ? {} : { range: at(line) }),
});

// START start (line 0) → PULLER_RB p1 (line 3), twice → NONE.
const trace: TraceResult = {
    uri: 'file:///s.manufactoria', testId: 'p2', label: '#3 RBB → accept', input: 'RBB', passed: false, finished: false, finalTape: 'B', rejection: 'Routed to NONE',
    steps: [
        step(0, 'start', 'START', 0, 'start → p1', 'RBB', 'RBB'),
        step(1, 'p1', 'PULLER_RB', 3, 'read R → p1', 'RBB', 'BB'),
        step(2, 'p1', 'PULLER_RB', 3, 'read B → p1', 'BB', 'B'),
        step(3, 'NONE', 'NONE', undefined, 'reject: Routed to NONE', 'B', 'B'),
    ],
    visits: [{ node: 'start', count: 1, range: at(0) }, { node: 'p1', count: 2, range: at(3) }],
};

describe('step texts', () => {
    it('shows step, node, action and tapes', () => {
        expect(stepText(trace, 1)).toBe('step 2/4 · PULLER_RB p1 · read R → p1 · tape RBB → BB');
    });

    it('writes the empty tape as ""', () => {
        const t = { steps: [step(0, 'p', 'PULLER_RB', 1, 'tape empty: EMPTY → end', '', '')] };
        expect(stepText(t, 0)).toBe('step 1/1 · PULLER_RB p · tape empty: EMPTY → end · tape "" → ""');
    });

    it('places an undeclared step on the previous declared step and says so', () => {
        expect(stepPlace(trace.steps, 3)).toEqual({ line: 3, borrowed: true, from: 'p1' });
        expect(stepText(trace, 3)).toBe('step 4/4 · NONE · reject: Routed to NONE · tape B → B · not declared, shown at p1');
        expect(stepPlace([step(0, 'NONE', 'NONE', undefined, 'x', '', '')], 0)).toBeUndefined();
    });

    it('end and visit texts', () => {
        expect(endText(trace)).toBe('◀ run ended here: Routed to NONE');
        expect(endText({ finished: true, rejection: null })).toBe('◀ run ended here: accepted');
        expect(endText({ finished: true, rejection: null, failure: 'expected reject, got accepted' })).toBe('◀ run ended here: accepted · ✗ expected reject, got accepted');
        expect(visitsText(3)).toBe('visited 3×');
        expect(traceHeading(trace)).toBe('Trace of #3 RBB → accept (failed): input RBB, Routed to NONE, final tape B, 4 steps');
    });
});

describe('lineAnnotations', () => {
    it('joins the pieces of one line: step, end, visits', () => {
        expect(lineAnnotations(trace, 0)).toEqual([
            { line: 0, text: 'step 1/4 · START start · start → p1 · tape RBB → RBB — visited 1×', tone: 'step' },
            { line: 3, text: '◀ run ended here: Routed to NONE — visited 2×', tone: 'failed' },
        ]);
        expect(lineAnnotations(trace, 2)[1]).toEqual({ line: 3, text: 'step 3/4 · PULLER_RB p1 · read B → p1 · tape BB → B — ◀ run ended here: Routed to NONE — visited 2×', tone: 'step' });
        expect(lineAnnotations({ ...trace, passed: true }, 0)[1].tone).toBe('passed');
        expect(lineAnnotations(trace, 0).map((a) => a.tone)).not.toContain('muted');
        const withUnvisited = { ...trace, visits: [...trace.visits, { node: 'x', count: 0, range: at(7) }, { node: 'y', count: 4, range: at(9) }] };
        expect(lineAnnotations(withUnvisited, 0).slice(2)).toEqual([{ line: 9, text: 'visited 4×', tone: 'muted' }]);
    });
});

describe('gutter badges', () => {
    it('one file per count, capped at 99+', () => {
        expect(badgeLabel(7)).toBe('7');
        expect(badgeLabel(1234)).toBe('99+');
        expect(badgeFileName(12)).toBe('visits-12.svg');
        expect(badgeFileName(500)).toBe('visits-99plus.svg');
    });

    it('is a 16 px SVG with the count as text', () => {
        const svg = badgeSvg(42);
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="16" height="16"/);
        expect(svg).toContain('>42</text>');
        expect(svg.trim().endsWith('</svg>')).toBe(true);
    });
});
