// Progress of a long `delta rollouts` run on stderr: a redrawn bar on a TTY, a line every 10 s
// otherwise (so logs of batch jobs show the run is alive), nothing for runs under 2 s.
import type { ReadProgress } from '../../language/rollouts/readers/index.js';

export class Progress {
    private started = Date.now();
    private last = 0;
    private drawn = false;
    private rows = 0;

    constructor(private readonly enabled: boolean, private readonly stream: NodeJS.WriteStream = process.stderr) {}

    row(count = 1): void {
        this.rows += count;
    }

    update(p: ReadProgress): void {
        if (!this.enabled) return;
        const now = Date.now();
        const tty = this.stream.isTTY;
        if (now - this.started < 2000 || now - this.last < (tty ? 200 : 10_000)) return;
        this.last = now;
        const fraction = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
        const rate = this.rows / ((now - this.started) / 1000);
        const text = `${p.file} ${(fraction * 100).toFixed(0)}%  ${this.rows} rollouts  ${rate.toFixed(0)}/s`;
        if (tty) {
            const width = 24;
            const filled = Math.round(fraction * width);
            this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K`);
            this.drawn = true;
        } else this.stream.write(`${text}\n`);
    }

    /** Clears the bar before other stderr text, so lines do not mix. */
    clear(): void {
        if (this.drawn) {
            this.stream.write('\r\x1b[K');
            this.drawn = false;
        }
    }
}
