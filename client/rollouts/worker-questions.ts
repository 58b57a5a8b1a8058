// Questions to a run's worker thread, each answered by the reply that carries its id. A worker that
// is gone (ended by Close, killed by running out of memory, crashed) answers nothing: every question
// still waiting, and every later one, gets `undefined`, so the detail pane, compare and "open as
// solution" stop waiting instead of hanging. No `vscode` import.
import type { Worker } from 'node:worker_threads';

export class WorkerQuestions<Q extends object, A extends { id: number }> {
    private readonly waiting = new Map<number, (answer: A | undefined) => void>();
    private nextId = 1;
    private gone = false;

    constructor(private readonly worker: Worker) {
        worker.on('message', (m: unknown) => {
            if (typeof m !== 'object' || m === null || !('id' in m) || typeof m.id !== 'number') return;
            const answer = m as A;
            this.waiting.get(answer.id)?.(answer);
            this.waiting.delete(answer.id);
        });
        worker.on('exit', () => this.end());
        worker.on('error', () => this.end());
    }

    /** The worker's answer, or undefined when it is gone (or goes before answering). */
    ask(question: Q): Promise<A | undefined> {
        if (this.gone) return Promise.resolve(undefined);
        return new Promise((resolve) => {
            const id = this.nextId++;
            this.waiting.set(id, resolve);
            this.worker.postMessage({ ...question, id });
        });
    }

    private end(): void {
        this.gone = true;
        for (const resolve of this.waiting.values()) resolve(undefined);
        this.waiting.clear();
    }
}
