// Text of a BouncingSim prediction for the trajectory table and the rollout detail (no DOM here,
// so it is unit-tested).
import type { PredictionRow, Vec2 } from './protocol.js';

const fmt = (n: number) => n.toFixed(2);
const point = (p: Vec2 | null) => (p ? `(${fmt(p[0])}, ${fmt(p[1])})` : '(not a number)');

/** Positions of every ball, one per line (keeps the column narrow for multi-ball scenes). */
export function pointsText(list: readonly (Vec2 | null)[]): string {
    return list.map(point).join('\n');
}

/** pass/fail with the tolerance it was judged against, when the distance is known: `pass ≤ 50`, `fail > 50`. */
export function verdictText(p: PredictionRow): string {
    const word = p.passed ? 'pass' : 'fail';
    if (p.tolerance === undefined || p.distance === null) return word;
    return `${word} ${p.distance <= p.tolerance ? '≤' : '>'} ${Number.isInteger(p.tolerance) ? p.tolerance : p.tolerance.toFixed(2)}`;
}
