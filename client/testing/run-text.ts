// Texts Test Explorer and the run commands show. Pure (no `vscode`), so they are unit-tested and
// the e2e tests can assert them verbatim.
import { failureText } from '../../language/dataset/solutions/failure-text.js';
import type { RunTestsResult, TestDescription, TestOutcome } from '../../server/protocol.js';

/** `Starts with B (starts-with-b.manufactoria)`, or the file name when no problem is bound. */
export function fileItemLabel(fileName: string, problemName?: string): string {
    return problemName ? `${problemName} (${fileName})` : fileName;
}

/** `expected accept, got rejected (Routed to NONE)`; the wording is the CLI's and the lenses'. */
export function failureMessage(test: TestDescription, outcome: TestOutcome): string {
    return failureText({ ...test, description: '' }, outcome);
}

/** One line per file in the Test Results output. */
export function fileSummary(fileName: string, result: RunTestsResult): string {
    switch (result.state) {
        case 'ran':
            return `${fileName}: ${result.passed}/${result.total} passed in ${Math.round(result.durationMs)} ms`;
        case 'invalid':
            return `${fileName}: not run, the program is invalid: ${result.message ?? 'parse error'}`;
        case 'no-tests':
            return `${fileName}: no tests`;
        case 'error':
            return `${fileName}: the run failed: ${result.message ?? 'unknown error'}`;
    }
}

export type FileVerdict = 'pass' | 'fail' | 'invalid' | 'error' | 'no-tests';

export function fileVerdict(result: RunTestsResult): FileVerdict {
    if (result.state !== 'ran') return result.state;
    return result.all_pass === 1 ? 'pass' : 'fail';
}

/** `3/7 files` for the Run All progress notification. */
export function progressText(done: number, total: number): string {
    return `${done}/${total} files`;
}

/** `Manufactoria: 2 of 3 solution files pass all their tests (1 failing).` */
export function runAllSummary(verdicts: readonly FileVerdict[], cancelled = false): string {
    if (verdicts.length === 0 && !cancelled) return 'Manufactoria: no solution files with tests in this workspace.';
    const count = (v: FileVerdict) => verdicts.filter((x) => x === v).length;
    const others = [
        [count('fail'), 'failing'],
        [count('invalid'), 'invalid'],
        [count('error'), 'could not run'],
        [count('no-tests'), 'without tests'],
    ]
        .filter(([n]) => n)
        .map(([n, what]) => `${n} ${what}`);
    const files = verdicts.length === 1 ? 'file passes all its tests' : 'files pass all their tests';
    const head = `Manufactoria: ${cancelled ? 'cancelled; ' : ''}${count('pass')} of ${verdicts.length} solution ${files}`;
    return `${head}${others.length ? ` (${others.join(', ')})` : ''}.`;
}
