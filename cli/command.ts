import { parseArgs, type ParseArgsConfig } from 'node:util';

/** One `delta` sub-command (its summary is in cli/main.ts): `main` returns the process exit code (0 ok, 1 failing verdict, 2 usage). */
export interface CommandModule {
    main(args: string[]): Promise<number>;
}

export class UsageError extends Error {}

/** node:util parseArgs with usage errors turned into UsageError (exit code 2). */
export function parseOptions<T extends ParseArgsConfig['options']>(args: string[], options: T, allowPositionals = true) {
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
        if (error instanceof UsageError) {
            process.stderr.write(`delta: ${error.message}\nusage: ${usage}\n`);
            return 2;
        }
        throw error;
    }
}
