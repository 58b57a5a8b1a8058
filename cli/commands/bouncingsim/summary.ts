// Per-family summary table printed by `delta bouncingsim check`.
import type { RowCheck } from '../../../language/bouncingsim/row-check.js';
import { fmt } from './io.js';

export interface FamilyStats { rows: number; rowsPassing: number; asserts: number; passed: number; errors: number[] }

function median(sorted: number[]): number {
    if (!sorted.length) return NaN;
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function addStats(stats: Map<string, FamilyStats>, check: RowCheck, distances: (number | null)[]): void {
    const s = stats.get(check.family) ?? { rows: 0, rowsPassing: 0, asserts: 0, passed: 0, errors: [] };
    s.rows++;
    if (check.all_pass) s.rowsPassing++;
    s.asserts += check.passed.length;
    s.passed += check.passed.filter(Boolean).length;
    for (const d of distances) if (d !== null && d !== undefined) s.errors.push(d);
    stats.set(check.family, s);
}

export function printSummary(stats: Map<string, FamilyStats>, title: string, write: (t: string) => void): void {
    write(title);
    write(`${'family'.padEnd(8)}${'rows ok'.padStart(9)}${'asserts ok'.padStart(13)}${'max err'.padStart(10)}${'median'.padStart(9)}`);
    const all: FamilyStats = { rows: 0, rowsPassing: 0, asserts: 0, passed: 0, errors: [] };
    const line = (name: string, s: FamilyStats) => {
        const e = [...s.errors].sort((a, b) => a - b);
        const max = e.length ? fmt(e[e.length - 1]) : '-';
        const med = e.length ? fmt(median(e)) : '-';
        write(`${name.padEnd(8)}${`${s.rowsPassing}/${s.rows}`.padStart(9)}${`${s.passed}/${s.asserts}`.padStart(13)}${max.padStart(10)}${med.padStart(9)}`);
    };
    for (const [family, s] of [...stats].sort(([a], [b]) => a.localeCompare(b))) {
        line(family, s);
        all.rows += s.rows; all.rowsPassing += s.rowsPassing; all.asserts += s.asserts; all.passed += s.passed; all.errors.push(...s.errors);
    }
    line('all', all);
}
