// Shared helpers of the `delta bouncingsim` sub-commands.

export const out = (text: string) => process.stdout.write(`${text}\n`);
export const err = (text: string) => process.stderr.write(`${text}\n`);
export const fmt = (n: number) => n.toFixed(2);

// Files are read as every `delta` command reads them (a leading BOM dropped, a usage error naming the file).
export { readText, visibleControls } from '../../io.js';
