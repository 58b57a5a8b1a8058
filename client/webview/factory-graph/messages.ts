// Messages between the factory graph page and the extension host. No `vscode` import: the page
// bundle and the host both use these types.
import type { FactoryGraphResult } from '../../../server/protocol.js';

/** The trace being stepped in the editor, reduced to what the graph draws. */
export interface GraphTrace {
    label: string;
    input: string;
    steps: { node: string; tapeBefore: string; tapeAfter: string; action: string }[];
    visits: Record<string, number>;
    current: number;
}

export type HostToPage =
    | { type: 'graph'; graph: FactoryGraphResult; title: string }
    | { type: 'highlight'; node: string | null }
    | { type: 'trace'; trace: GraphTrace | null }
    | { type: 'exportSvg' };

export type PageToHost =
    | { type: 'ready' }
    | { type: 'reveal'; node: string }
    | { type: 'traceStep'; index: number }
    | { type: 'svg'; svg: string }
    | { type: 'layout'; engine: string; ms: number; nodes: number };
