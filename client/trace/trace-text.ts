// What the trace shows, as plain data: per-line annotations and the current step's text. Pure, so
// unit tests (and e2e assertions) pin the wording; trace-view.ts turns it into decorations.
import { formatTape } from '../../language/dataset/solutions/directives.js';
import type { TraceResult, TraceStep } from '../../server/protocol.js';

/** Where a step is shown: its own declaration, or (NONE, implicit end) the previous declared step's. */
export interface StepPlace {
    line: number;
    /** The step has no declaration; `line` is borrowed from an earlier step (`from`). */
    borrowed: boolean;
    from?: string;
}

export function stepPlace(steps: readonly TraceStep[], index: number): StepPlace | undefined {
    for (let i = index; i >= 0; i--) {
        const range = steps[i]?.range;
        if (range) return i === index ? { line: range.start.line, borrowed: false } : { line: range.start.line, borrowed: true, from: steps[i].node };
    }
    return undefined;
}

function nodeLabel(step: TraceStep): string {
    return step.kind && step.kind !== step.node ? `${step.kind} ${step.node}` : step.node;
}

/** `step 4/12 · PULLER_RB p1 · read R · tape RBB → BB` (NONE steps say where they are shown). */
export function stepText(trace: Pick<TraceResult, 'steps'>, index: number): string {
    const step = trace.steps[index];
    if (!step) return 'no steps';
    const place = stepPlace(trace.steps, index);
    const parts = [`step ${index + 1}/${trace.steps.length}`, nodeLabel(step), step.action, `tape ${formatTape(step.tapeBefore)} → ${formatTape(step.tapeAfter)}`];
    if (!step.range) parts.push(place?.from ? `not declared, shown at ${place.from}` : 'not declared');
    return parts.join(' · ');
}

/** `accepted`, or the rejection reason (`Routed to NONE`). */
export function endReason(trace: Pick<TraceResult, 'finished' | 'rejection'>): string {
    return trace.finished ? 'accepted' : (trace.rejection ?? 'rejected');
}

/**
 * `◀ run ended here: accepted · ✗ expected reject, got accepted`. The failure is part of the trace's
 * own line text: Test Explorer's inline failure badge sits on the test's line, never on a node line
 * where it would cover this (see client/testing/runner.ts).
 */
export function endText(trace: Pick<TraceResult, 'finished' | 'rejection' | 'failure'>): string {
    const ended = `◀ run ended here: ${endReason(trace)}`;
    return trace.failure ? `${ended} · ✗ ${trace.failure}` : ended;
}

export function visitsText(count: number): string {
    return `visited ${count}×`;
}

export type Tone = 'step' | 'passed' | 'failed' | 'muted';

export interface LineAnnotation {
    line: number;
    /** Shown after the line's end; the pieces of one line joined (decorations on a line have no stable order). */
    text: string;
    /** The most prominent piece decides the colour. */
    tone: Tone;
}

// Monaco collapses runs of spaces in decoration text, so pieces need a visible separator.
const SEPARATOR = ' — ';

/** One annotation per line: the current step, the end of the run, then the visit count (if visited). */
export function lineAnnotations(trace: TraceResult, current: number): LineAnnotation[] {
    const lines = new Map<number, { step?: string; end?: string; visits?: string }>();
    const at = (line: number) => lines.get(line) ?? lines.set(line, {}).get(line)!;
    // Unvisited nodes keep their gutter badge (0) but get no text: the line stays quiet.
    for (const visit of trace.visits) if (visit.count > 0) at(visit.range.start.line).visits = visitsText(visit.count);
    const end = stepPlace(trace.steps, trace.steps.length - 1);
    if (end) at(end.line).end = endText(trace);
    const step = stepPlace(trace.steps, current);
    if (step) at(step.line).step = stepText(trace, current);
    return [...lines]
        .sort(([a], [b]) => a - b)
        .map(([line, p]) => ({
            line,
            text: [p.step, p.end, p.visits].filter(Boolean).join(SEPARATOR),
            tone: p.step ? 'step' : p.end ? (trace.passed ? 'passed' : 'failed') : 'muted',
        }));
}

/** Status bar tooltip heading: which test, what went in, what came out. */
export function traceHeading(trace: TraceResult): string {
    const verdict = trace.passed ? 'passed' : 'failed';
    return `Trace of ${trace.label} (${verdict}): input ${formatTape(trace.input)}, ${endReason(trace)}, final tape ${formatTape(trace.finalTape)}, ${trace.steps.length} steps`;
}
