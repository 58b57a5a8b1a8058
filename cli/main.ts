// `delta` entry point: dispatches to one module per sub-command. Modules load on demand, so a
// command starts without evaluating the others' dependencies (planck, parquet, the HTTP server).
import type { CommandModule } from './command.js';

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
    verify: { summary: 'answer verifier requests (JSON Lines) exactly like the reference /test_solution', load: async () => (await import('./commands/verify.js')).verify },
    check: { summary: 'print the reference verdict for a program: OK or its first error', load: async () => (await import('./commands/check.js')).check },
    run: { summary: 'run one tape: outcome, final tape and path', load: async () => (await import('./commands/run.js')).run },
    serve: { summary: 'serve GET /health and POST /test_solution like the reference verifier', load: async () => (await import('./commands/serve.js')).serve },
    bouncingsim: { summary: 'BouncingSim: simulate scenes, check rows against the simulator or model answers, generate problems', load: async () => (await import('./commands/bouncingsim.js')).bouncingsim },
    generate: { summary: 'generate problems of one family (problem rows or HF rows) as JSON Lines', load: async () => (await import('./commands/generate.js')).generate },
    rollouts: { summary: 'debug model outputs: re-score rollout dumps of any trainer format (score, summary)', load: async () => (await import('./commands/rollouts.js')).rollouts },
    test: { summary: "run a solution's tests (bound problem and inline # test: lines) with pass_rate and all_pass", load: async () => (await import('./commands/test.js')).test },
};

async function main(argv: string[]): Promise<number> {
    const [name, ...rest] = argv;
    const command = name ? COMMANDS[name] : undefined;
    if (!command) {
        const list = Object.entries(COMMANDS).map(([n, c]) => `  delta ${n.padEnd(12)} ${c.summary}`).join('\n');
        process.stderr.write(`${name && name !== '--help' ? `delta: unknown command '${name}'\n` : ''}usage: delta <command> [options]\n${list}\n`);
        return name === '--help' ? 0 : 2;
    }
    return (await command.load()).main(rest);
}

// A closed pipe (`delta … | head`) just ends the output; it is not a failure of the command.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
});

main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
        process.stderr.write(`delta: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
    },
);
