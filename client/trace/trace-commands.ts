// Command ids of the trace step-through (package.json `contributes.commands` and keybindings) and
// the context key that enables them.
export const TRACE_COMMANDS = {
    next: 'manufactoria.trace.next',
    previous: 'manufactoria.trace.previous',
    first: 'manufactoria.trace.first',
    last: 'manufactoria.trace.last',
    close: 'manufactoria.trace.close',
} as const;

/** Internal command: move the trace to a step (the graph's scrubber). */
export const TRACE_GO_TO = 'manufactoria.trace.goTo';

/** True while a trace is shown; keybindings and the command palette use it. */
export const TRACE_ACTIVE_KEY = 'manufactoria.traceActive';
