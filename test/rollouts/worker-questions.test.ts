// Questions to a run's worker (client/rollouts/worker-questions.ts): answered by id, and when the
// worker is gone (closed, out of memory, crashed) every waiting and later question gets undefined.
// They waited forever: the detail pane stayed busy, "open as solution" never opened.
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { WorkerQuestions } from '../../client/rollouts/worker-questions.js';

// Answers `echo` with its text; on `die` exits without answering; `hang` is never answered.
const SCRIPT = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
    if (m.type === 'echo') parentPort.postMessage({ id: m.id, text: m.text });
    else if (m.type === 'die') process.exit(3);
});`;

type Q = { type: 'echo'; text: string } | { type: 'die' } | { type: 'hang' };

describe('questions to a rollout worker', { timeout: 30_000 }, () => {
    test('answers by id; a worker that exits answers the waiting and later questions with undefined', async () => {
        const worker = new Worker(SCRIPT, { eval: true });
        const questions = new WorkerQuestions<Q, { id: number; text: string }>(worker);
        const [a, b] = await Promise.all([questions.ask({ type: 'echo', text: 'a' }), questions.ask({ type: 'echo', text: 'b' })]);
        expect([a?.text, b?.text]).toEqual(['a', 'b']);
        const hanging = questions.ask({ type: 'hang' });
        const dying = questions.ask({ type: 'die' });
        expect(await Promise.all([hanging, dying])).toEqual([undefined, undefined]);
        expect(await questions.ask({ type: 'echo', text: 'c' })).toBeUndefined();
    });
    test('a worker terminated (the run closed) answers nothing either', async () => {
        const worker = new Worker(SCRIPT, { eval: true });
        const questions = new WorkerQuestions<Q, { id: number; text: string }>(worker);
        const waiting = questions.ask({ type: 'hang' });
        await worker.terminate();
        expect(await waiting).toBeUndefined();
    });
});
