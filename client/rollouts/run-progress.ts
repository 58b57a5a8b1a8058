// One bar for a whole run from the readers' progress, which is per file (bytes read of that file's
// size): the editor's notification filled its bar from those per-file fractions, so a run of 200 step
// files showed 100 % when its first file was read. No `vscode` import.
import { statSync } from 'node:fs';
import type { ReadProgress } from '../../language/rollouts/readers/options.js';
import { expandPaths } from '../../language/rollouts/readers/paths.js';

export class RunProgress {
    /** The bytes of every file the run reads (expandPaths: the readers' own list). */
    readonly totalBytes: number;
    /** Bytes of the files finished before the current one. */
    private doneBytes = 0;
    private current: { file: string; size: number } | undefined;

    constructor(paths: string[]) {
        let total = 0;
        for (const job of expandPaths(paths)) {
            if (job.issue) continue;
            try {
                total += statSync(job.path).size;
            } catch {
                // Missing: the reader reports it.
            }
        }
        this.totalBytes = total;
    }

    /** Where the run is, given one file's progress (every report, so that a change of file is seen). */
    update(p: ReadProgress): { bytesRead: number; totalBytes: number } {
        if (this.current?.file !== p.file) {
            if (this.current) this.doneBytes += this.current.size;
            this.current = { file: p.file, size: p.totalBytes };
        } else this.current.size = p.totalBytes;
        // A file that grew while it was read (a trainer still writing) does not take the bar past its end.
        const total = Math.max(this.totalBytes, this.doneBytes + p.totalBytes);
        return { bytesRead: Math.min(total, this.doneBytes + p.bytesRead), totalBytes: total };
    }
}
