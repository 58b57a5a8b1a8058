// Messages between the extension host and the rollout worker (role 'rollouts' of out/server.cjs), which
// reads, re-scores and aggregates a run off the extension host's thread and keeps the scored rows
// (compact; responses read back from the dumps) for later questions about one rollout. No `vscode` import.
import type { Overview } from '../../language/rollouts/overview.js';
import type { VerdictChanges } from '../../language/rollouts/detail.js';
import type { ExtractionNotes, RolloutIssue } from '../../language/rollouts/types.js';
import type { PredictionRow } from '../webview/protocol.js';
import type { DetailView } from '../webview/rollouts/protocol.js';

/** Whether the worker may run BouncingSim answers (model-written Python): only for a trusted workspace, and then sandboxed. */
export interface PythonPolicy {
    trusted: boolean;
    /** deltaStudio.python.path (machine-scoped), when set. */
    python?: string;
    /** deltaStudio.python.sandbox: 'off' only when the user opted out. Default 'require'. */
    sandbox?: 'require' | 'off';
}

/** A BouncingSim answer's replay data: the prompt its scene is rebuilt from, its asserts, and each assert's run as scored. */
export interface BouncingSimRollout {
    prompt: string | null;
    asserts: string[];
    runs: PredictionRow[];
}

export type SearchField = 'program' | 'response';

export type ToWorker =
    | { type: 'load'; paths: string[]; problemFiles: string[]; title: string; python: PythonPolicy }
    | { type: 'rollout'; id: number; row: number }
    | { type: 'group'; id: number; rows: number[] }
    | { type: 'detail'; id: number; row: number }
    | { type: 'changes'; id: number; before: number; after: number }
    | { type: 'search'; id: number; text: string; field: SearchField };

export interface RolloutInfo {
    row: number;
    source: string;
    /** The problem key, its name, and the problem file that holds it (when one of the given files does). */
    problem: string | null;
    name: string | null;
    problemFile: string | null;
    step: number | null;
    sample: number | null;
    task: string;
    program: string;
    extraction: ExtractionNotes;
    pass_rate: number;
    all_pass: 0 | 1;
    error: string | null;
    /** BouncingSim rollouts only. */
    bouncingsim?: BouncingSimRollout;
}

export type FromWorker =
    /** Bytes of the whole run read, of all its files' bytes; `file` is the one being read. */
    | { type: 'progress'; records: number; bytesRead: number; totalBytes: number; file: string }
    | {
        type: 'done'; overview: Overview; issues: RolloutIssue[]; issueCount: number;
        /** BouncingSim answers not run because the workspace is not trusted (they are among the issues). */
        heldBack: number;
    }
    | { type: 'failed'; message: string }
    /** `error`: why there is no answer, when a dump changed on disk since the run was loaded (its rollouts are read back from it). */
    | { type: 'rollout'; id: number; info: RolloutInfo | null; error?: string }
    | { type: 'group'; id: number; distinctPrograms: number | null }
    | { type: 'detail'; id: number; detail: DetailView | null; error?: string }
    | { type: 'changes'; id: number; changes: VerdictChanges | null; error?: string }
    /** Matching row indexes, ascending (none for a search a newer one overtook: the webview shows only its latest). */
    | { type: 'search'; id: number; rows: Int32Array; error?: string };
