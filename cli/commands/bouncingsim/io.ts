// Shared helpers of the `delta bouncingsim` sub-commands.
import { readFile } from 'node:fs/promises';
import { UsageError } from '../../command.js';

export const out = (text: string) => process.stdout.write(`${text}\n`);
export const err = (text: string) => process.stderr.write(`${text}\n`);
export const fmt = (n: number) => n.toFixed(2);

export async function readText(file: string): Promise<string> {
    try {
        return await readFile(file, 'utf8');
    } catch (error) {
        throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
}
