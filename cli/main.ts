// `delta` entry point: dispatches to one module per sub-command.
import type { CommandModule } from './command.js';
import { check } from './commands/check.js';
import { run } from './commands/run.js';
import { verify } from './commands/verify.js';
import { serve } from './commands/serve.js';
import { bouncingsim } from './commands/bouncingsim.js';
import { generate } from './commands/generate.js';
import { test } from './commands/test.js';

const COMMANDS: Record<string, CommandModule> = {
    verify,
    check,
    run,
    serve,
    bouncingsim,
    generate,
    test,
};

async function main(argv: string[]): Promise<number> {
    const [name, ...rest] = argv;
    const command = name ? COMMANDS[name] : undefined;
    if (!command) {
        const list = Object.entries(COMMANDS).map(([n, c]) => `  delta ${n.padEnd(12)} ${c.summary}`).join('\n');
        process.stderr.write(`${name && name !== '--help' ? `delta: unknown command '${name}'\n` : ''}usage: delta <command> [options]\n${list}\n`);
        return name === '--help' ? 0 : 2;
    }
    return command.main(rest);
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
