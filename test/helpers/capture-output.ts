// In-process command tests: what a command writes to process.stdout and process.stderr, captured
// afresh for every test of the file that calls captureOutput() at its top level.
import { afterEach, beforeEach, vi } from 'vitest';

export interface CapturedOutput {
    stdout: string;
    stderr: string;
}

export function captureOutput(): CapturedOutput {
    const captured: CapturedOutput = { stdout: '', stderr: '' };
    beforeEach(() => {
        captured.stdout = captured.stderr = '';
        spyOnWrites(captured);
    });
    afterEach(() => vi.restoreAllMocks());
    return captured;
}

/** Runs one command's `main` with both streams captured for the call only. */
export async function runCaptured(command: { main(args: string[]): Promise<number> }, args: string[]): Promise<CapturedOutput & { code: number }> {
    const captured: CapturedOutput = { stdout: '', stderr: '' };
    spyOnWrites(captured);
    try {
        return { code: await command.main(args), ...captured };
    } finally {
        vi.restoreAllMocks();
    }
}

/**
 * Both streams' writes go to `captured` (bytes decoded as UTF-8, a character split between writes
 * included); a write's callback (`write(text, cb)`, which commands await before returning) is called
 * as a real stream would.
 */
function spyOnWrites(captured: CapturedOutput): void {
    for (const name of ['stdout', 'stderr'] as const) {
        const decoder = new TextDecoder();
        vi.spyOn(process[name], 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) => {
            captured[name] += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
            const callback = rest.find((x) => typeof x === 'function') as (() => void) | undefined;
            if (callback) queueMicrotask(callback);
            return true;
        });
    }
}
