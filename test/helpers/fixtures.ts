import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function fixturePath(relative: string): string {
    return root + relative;
}

export function readJsonLines<T>(relative: string): T[] {
    return readFileSync(fixturePath(relative), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
}

export function readJson<T>(relative: string): T {
    return JSON.parse(readFileSync(fixturePath(relative), 'utf8')) as T;
}
