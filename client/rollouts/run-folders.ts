// Which runs a folder given to DELTA: Open Rollouts… stands for (kept free of vscode, so it is tested).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isRolloutFileName } from '../../language/rollouts/readers/paths.js';

/**
 * A folder whose dumps sit in subfolders (one run each, e.g. demo/rollouts/) opens as several runs.
 * A file is a dump as `delta rollouts` reads it in a folder (readers/paths.ts isRolloutFileName): a
 * checkpoint's config.json or tokenizer.json beside the dumps does not make its folder a run.
 */
export function runsIn(path: string): string[] {
    if (!statSync(path).isDirectory()) return [path];
    const entries = readdirSync(path, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && isRolloutFileName(e.name))) return [path];
    const subfolders = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => join(path, e.name));
    const runs = subfolders.filter((dir) => readdirSync(dir).some((n) => isRolloutFileName(n)));
    return runs.length ? runs : [path];
}
