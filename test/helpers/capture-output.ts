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
        vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { captured.stdout += String(chunk); return true; });
        vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { captured.stderr += String(chunk); return true; });
    });
    afterEach(() => vi.restoreAllMocks());
    return captured;
}

/** Runs one command's `main` with both streams captured for the call only. */
export async function runCaptured(command: { main(args: string[]): Promise<number> }, args: string[]): Promise<CapturedOutput & { code: number }> {
    const captured: CapturedOutput = { stdout: '', stderr: '' };
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { captured.stdout += String(chunk); return true; });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { captured.stderr += String(chunk); return true; });
    try {
        return { code: await command.main(args), ...captured };
    } finally {
        vi.restoreAllMocks();
    }
}
