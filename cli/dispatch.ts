// Runs a `delta`-style command line against a table of commands: the first argument names the
// command, its module loads on demand and its exit code becomes the process's.
import type { CommandModule } from './command.js';

export type Commands = Record<string, { summary: string; load: () => Promise<CommandModule> }>;

async function main(commands: Commands, argv: string[]): Promise<number> {
    const [name, ...rest] = argv;
    const command = name ? commands[name] : undefined;
    if (!command) {
        const list = Object.entries(commands).map(([n, c]) => `  delta ${n.padEnd(12)} ${c.summary}`).join('\n');
        // Asked for (--help, -h, help): the list on stdout, exit 0; otherwise a usage error.
        const asked = name === '--help' || name === '-h' || name === 'help';
        (asked ? process.stdout : process.stderr).write(`${name && !asked ? `delta: unknown command '${name}'\n` : ''}usage: delta <command> [options]\n${list}\n`);
        return asked ? 0 : 2;
    }
    return (await command.load()).main(rest);
}

/** Runs the command named by process.argv and sets the exit code. */
export function runDelta(commands: Commands): void {
    // A closed pipe (`delta … | head`) just ends the output; it is not a failure of the command.
    // Any other write error (a full disk, `> /dev/full`) ends the command with one line, not a stack trace.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        process.stderr.write(`delta: cannot write to stdout: ${error.code ?? error.message}\n`);
        process.exit(2);
    });

    main(commands, process.argv.slice(2)).then(
        (code) => { process.exitCode = code; },
        (error: unknown) => {
            process.stderr.write(`delta: ${error instanceof Error ? error.message : String(error)}\n`);
            process.exitCode = 2;
        },
    );
}
