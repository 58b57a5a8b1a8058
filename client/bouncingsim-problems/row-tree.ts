// The BouncingSim Problems view as plain data: family → difficulty → row, over every BouncingSim
// dataset row found in the workspace's JSONL files. Pure, so grouping and texts are unit-tested.
import { familyOf, parseRows } from '../../language/bouncingsim/rows.js';
import { isBouncingSimRow } from '../trajectory/scan.js';
import type { SourceRef } from '../webview/protocol.js';

const DIFFICULTIES = ['basic', 'easy', 'medium', 'hard', 'extreme'];

export type BsNode =
    | { kind: 'group'; id: string; label: string; description: string; children: BsNode[] }
    | { kind: 'row'; id: string; label: string; description: string; tooltip: string; source: SourceRef };

export interface BsRow { family: string; difficulty: number | undefined; id: string; file: string; label: string; line: number; balls?: number; source: SourceRef }

/** BouncingSim rows of one JSONL text (other lines are ignored: the file may hold anything). */
export function bouncingSimRows(text: string, uri: string, file: string, label: string): BsRow[] {
    return parseRows(text, file).rows.filter((e) => isBouncingSimRow(e.row)).map(({ row, line }) => {
        const parts = row.id.split('_');
        const fromId = parts.length >= 3 && /^\d$/.test(parts[1]) ? Number(parts[1]) : undefined;
        const balls = /Number of balls:\s*(\d+)/.exec(row.prompt);
        return {
            family: familyOf(row.id), difficulty: row.difficulty ?? fromId, id: row.id, file, label, line,
            balls: balls ? Number(balls[1]) : undefined, source: { kind: 'row', uri, id: row.id, line: line - 1 },
        };
    });
}

const rowsText = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;
export const difficultyLabel = (d: number | undefined) => (d === undefined ? 'no difficulty' : `${d} ${DIFFICULTIES[d] ?? ''}`.trim());

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
    const out = new Map<K, T[]>();
    for (const t of items) out.set(key(t), [...(out.get(key(t)) ?? []), t]);
    return out;
}

/** Families sorted by length then letters (A … G, AB …), difficulties in order, rows in file order. */
export function rowTree(rows: BsRow[]): BsNode[] {
    const byFamily = groupBy(rows, (r) => r.family);
    const families = [...byFamily.keys()].sort((a, b) => a.length - b.length || a.localeCompare(b));
    return families.map((family) => {
        const familyRows = byFamily.get(family)!;
        const byDifficulty = groupBy(familyRows, (r) => r.difficulty);
        const difficulties = [...byDifficulty.keys()].sort((a, b) => (a ?? 99) - (b ?? 99));
        return {
            kind: 'group', id: `bs|${family}`, label: family, description: rowsText(familyRows.length),
            children: difficulties.map((d): BsNode => {
                const list = byDifficulty.get(d)!;
                return {
                    kind: 'group', id: `bs|${family}|${d}`, label: difficultyLabel(d), description: rowsText(list.length),
                    children: list.map((r): BsNode => ({
                        kind: 'row', id: `bs|${r.file}|${r.line}`, label: r.id, description: `${r.label}:${r.line}`,
                        tooltip: `${r.id}${r.balls !== undefined ? ` · ${r.balls} ${r.balls === 1 ? 'ball' : 'balls'}` : ''}\n${r.file}:${r.line}\nClick to show the trajectory.`,
                        source: r.source,
                    })),
                };
            }),
        };
    });
}
