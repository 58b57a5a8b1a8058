import { parseArgs, type ParseArgsConfig } from 'node:util';

/** One `delta` sub-command (its summary is in cli/main.ts): `main` returns the process exit code (0 ok, 1 failing verdict, 2 usage). */
export interface CommandModule {
    main(args: string[]): Promise<number>;
}

export class UsageError extends Error {}

/** `--help` or `-h` on a command that has no help text of its own: withUsage prints its usage on stdout, exit 0. */
export class HelpRequest extends Error {}

/** node:util parseArgs with usage errors turned into UsageError (exit code 2). */
export function parseOptions<T extends ParseArgsConfig['options']>(args: string[], options: T, allowPositionals = true) {
    const end = args.indexOf('--');
    if (!options?.help && (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h')) throw new HelpRequest();
    try {
        return parseArgs({ args, options, allowPositionals, strict: true });
    } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
    }
}

/** Runs a command body, mapping UsageError to exit code 2 with its message on stderr. */
export async function withUsage(usage: string, body: () => Promise<number>): Promise<number> {
    try {
        return await body();
    } catch (error) {
        if (error instanceof HelpRequest) {
            process.stdout.write(`usage: ${usage}\n`);
            return 0;
        }
        if (error instanceof UsageError) {
            process.stderr.write(`delta: ${error.message}\nusage: ${usage}\n`);
            return 2;
        }
        throw error;
    }
}
