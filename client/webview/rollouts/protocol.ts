// Messages between the extension host and the rollout overview webview (no `vscode`, no DOM).
import type { Overview } from '../../../language/rollouts/overview.js';

export const ROLLOUTS_VIEW_TYPE = 'deltaStudio.rolloutsOverview';

/** What a row action asks the host to do with rollout `row` of the shown run. */
export type RowAction = 'solution' | 'detail' | 'copy' | 'group' | 'compare';

export type ToWebview =
    | { type: 'overview'; overview: Overview }
    /** Answer to a `group` request: distinct programs among those rollouts (null when unknown). */
    | { type: 'group'; rows: number[]; distinctPrograms: number | null }
    | { type: 'error'; message: string };

export type FromWebview =
    | { type: 'ready' }
    | { type: 'row'; action: RowAction; row: number; other?: number }
    /** The table's visible row count after a filter (for tests and the status line). */
    | { type: 'filtered'; count: number }
    /** Facts about a GRPO group that need the programs (which only the worker holds). */
    | { type: 'group'; rows: number[] };

export function isFromWebview(value: unknown): value is FromWebview {
    if (typeof value !== 'object' || value === null) return false;
    const m = value as Record<string, unknown>;
    if (m.type === 'ready') return true;
    if (m.type === 'filtered') return typeof m.count === 'number';
    if (m.type === 'group') return Array.isArray(m.rows) && m.rows.length <= 100_000 && m.rows.every((r) => Number.isInteger(r));
    if (m.type === 'row') {
        return ['solution', 'detail', 'copy', 'group', 'compare'].includes(m.action as string)
            && Number.isInteger(m.row) && (m.other === undefined || Number.isInteger(m.other));
    }
    return false;
}
