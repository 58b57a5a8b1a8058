// Messages between the extension host and the rollout overview webview (no `vscode`, no DOM).
import type { RolloutDetail, VerdictChanges } from '../../../language/rollouts/detail.js';
import type { Overview } from '../../../language/rollouts/overview.js';
import type { PredictionRow } from '../protocol.js';

/** A rollout's detail as the page shows it: with a BouncingSim answer's per-assert runs as scored. */
export type DetailView = RolloutDetail & { asserts?: PredictionRow[] };

/** Where a text search looks: problem name/id and source (in the page), or the program or response (in the worker). */
export type TextField = 'problem' | 'program' | 'response';

export const ROLLOUTS_VIEW_TYPE = 'deltaStudio.rolloutsOverview';

/** What a row action asks the host to do with rollout `row` of the shown run. */
export type RowAction = 'solution' | 'detail' | 'copy' | 'group' | 'compare';

export type ToWebview =
    | { type: 'overview'; overview: Overview }
    /** Answer to a `group` request: distinct programs among those rollouts (null when unknown). */
    | { type: 'group'; rows: number[]; distinctPrograms: number | null }
    | { type: 'error'; message: string }
    /** Answer to a `detail` request (null: the rollout is not in the run). */
    /** `error`: why there is no detail (the rollout's dump changed on disk since the run was loaded). */
    | { type: 'detail'; row: number; detail: DetailView | null; error?: string }
    /** Per-test verdict changes of a compare, from `before` (the marked rollout) to `after`. */
    | { type: 'changes'; before: number; after: number; changes: VerdictChanges | null }
    /** Answer to a `search` request: the matching rows, ascending. */
    | { type: 'searched'; id: number; rows: Int32Array | number[] };

export type FromWebview =
    | { type: 'ready' }
    | { type: 'row'; action: RowAction; row: number; other?: number }
    /** The table's visible row count after a filter (for tests and the status line). */
    | { type: 'filtered'; count: number }
    /** Facts about a GRPO group that need the programs (which only the worker holds). */
    | { type: 'group'; rows: number[] }
    /** The selected rollout's detail. */
    | { type: 'detail'; row: number }
    /** Rows whose program or response contains the text. */
    | { type: 'search'; id: number; text: string; field: 'program' | 'response' };

export function isFromWebview(value: unknown): value is FromWebview {
    if (typeof value !== 'object' || value === null) return false;
    const m = value as Record<string, unknown>;
    if (m.type === 'ready') return true;
    if (m.type === 'filtered') return typeof m.count === 'number';
    if (m.type === 'group') return Array.isArray(m.rows) && m.rows.length <= 100_000 && m.rows.every((r) => Number.isInteger(r));
    if (m.type === 'detail') return Number.isInteger(m.row);
    if (m.type === 'search') return Number.isInteger(m.id) && typeof m.text === 'string' && m.text.length <= 10_000 && (m.field === 'program' || m.field === 'response');
    if (m.type === 'row') {
        return ['solution', 'detail', 'copy', 'group', 'compare'].includes(m.action as string)
            && Number.isInteger(m.row) && (m.other === undefined || Number.isInteger(m.other));
    }
    return false;
}
