// `delta` entry point: dispatches to one module per sub-command. Modules load on demand, so a
// command starts without evaluating the others' dependencies (planck, parquet, the HTTP server).
import { runDelta, type Commands } from './dispatch.js';
import { SUMMARIES } from './summaries.js';

const COMMANDS: Commands = {
    verify: { summary: SUMMARIES.verify, load: async () => (await import('./commands/verify.js')).verify },
    check: { summary: SUMMARIES.check, load: async () => (await import('./commands/check.js')).check },
    run: { summary: SUMMARIES.run, load: async () => (await import('./commands/run.js')).run },
    serve: { summary: SUMMARIES.serve, load: async () => (await import('./commands/serve.js')).serve },
    bouncingsim: { summary: SUMMARIES.bouncingsim, load: async () => (await import('./commands/bouncingsim.js')).bouncingsim },
    generate: { summary: SUMMARIES.generate, load: async () => (await import('./commands/generate.js')).generate },
    rollouts: { summary: SUMMARIES.rollouts, load: async () => (await import('./commands/rollouts.js')).rollouts },
    test: { summary: SUMMARIES.test, load: async () => (await import('./commands/test.js')).test },
};

runDelta(COMMANDS);
