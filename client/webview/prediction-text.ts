// Text of a prediction's verdict for the table (no DOM here, so it is unit-tested).
import type { PredictionRow } from './protocol.js';

/** pass/fail with the tolerance it was judged against, when the distance is known: `pass ≤ 50`, `fail > 50`. */
export function verdictText(p: PredictionRow): string {
    const word = p.passed ? 'pass' : 'fail';
    if (p.tolerance === undefined || p.distance === null) return word;
    return `${word} ${p.distance <= p.tolerance ? '≤' : '>'} ${Number.isInteger(p.tolerance) ? p.tolerance : p.tolerance.toFixed(2)}`;
}
