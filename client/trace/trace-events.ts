// The trace being stepped, for other views (the factory graph) to follow; undefined when closed.
import * as vscode from 'vscode';
import type { TraceResult } from '../../server/protocol.js';

export interface ShownTrace {
    uri: string;
    trace: TraceResult;
    current: number;
}

const emitter = new vscode.EventEmitter<ShownTrace | undefined>();
let last: ShownTrace | undefined;

export const onTraceChanged = emitter.event;
export const currentTrace = (): ShownTrace | undefined => last;

export function traceChanged(shown: ShownTrace | undefined): void {
    last = shown;
    emitter.fire(shown);
}
