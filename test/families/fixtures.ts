// Reads the manufactoria fixtures shipped under test/fixtures (the only place tests read them from).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HfRow, ProblemRow } from '../../language/dataset/problems/rows.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/manufactoria/', import.meta.url));

export function fixtureLines(name: string): string[] {
    return readFileSync(FIXTURE_DIR + name, 'utf8').split('\n').filter((l) => l.length > 0);
}

export const sampleProblems = (): ProblemRow[] => fixtureLines('problems_sample.jsonl').map((l) => JSON.parse(l));
export const sampleHfRows = (): HfRow[] => fixtureLines('hf_rows_sample.jsonl').map((l) => JSON.parse(l));
