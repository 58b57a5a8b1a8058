// The choices of the "Generate BouncingSim Problems…" form and the CLI arguments they become.
// Pure: the vscode prompts live in generate-command.ts.
import { DIFFICULTY_NAMES } from '../../language/bouncingsim/generate/ranges.js';
import { FamilyError, parseFamily } from '../../language/bouncingsim/generate/letters.js';

export interface FamilyChoice { label: string; description: string; family?: string }

const SINGLE: [string, string][] = [
    ['A', 'spinning ball'], ['B', 'rotating container'], ['C', 'moving container'], ['D', 'gravity'],
    ['F', 'several containers'], ['G', 'several balls'], ['H', 'periodic (basic–medium)'],
];
const LETTERS = ['A', 'B', 'C', 'D', 'F', 'G'];
const PAIRS = LETTERS.flatMap((a, i) => LETTERS.slice(i + 1).map((b) => a + b));

export const FAMILY_CHOICES: FamilyChoice[] = [
    ...SINGLE.map(([family, description]) => ({ label: family, description, family })),
    ...PAIRS.map((family) => ({ label: family, description: `combination: ${SINGLE.filter(([l]) => family.includes(l)).map(([, d]) => d).join(' + ')}`, family })),
    { label: 'Other letters…', description: 'e.g. ABC' },
];

export function difficultyChoices(family: string): { label: string; description: string; difficulty: number }[] {
    const max = family === 'H' ? 2 : 4;
    return DIFFICULTY_NAMES.slice(0, max + 1).map((name, difficulty) => ({ label: String(difficulty), description: name, difficulty }));
}

/** InputBox validation for typed letters: undefined when fine, else the message. */
export function familyProblem(text: string): string | undefined {
    try {
        parseFamily(text, 0);
        return undefined;
    } catch (error) {
        if (error instanceof FamilyError) return error.message.replace(/^--family /, '');
        throw error;
    }
}

export function countProblem(text: string): string | undefined {
    return /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 10_000 ? undefined : 'a whole number from 1 to 10000';
}

export function seedProblem(text: string): string | undefined {
    return text.trim() === '' ? 'any text: the same seed gives the same problems' : undefined;
}

export interface GenerateForm { family: string; difficulty: number; count: number; seed: string; out: string }

export function generateArgs(f: GenerateForm): string[] {
    return ['bouncingsim', 'generate', '--family', f.family, '--difficulty', String(f.difficulty), '--count', String(f.count), '--seed', f.seed.trim(), '--out', f.out];
}

/** Default output folder (relative to the workspace folder) for a family and difficulty. */
export function defaultOutFolder(family: string, difficulty: number): string {
    return `bouncingsim/${[...family.toUpperCase()].sort().join('')}_${DIFFICULTY_NAMES[difficulty]}`;
}
