// Row shapes of docs/manufactoria.md §9: generator problem rows (§9.1) and Hugging Face dataset rows (§9.2).
// Key order is part of the format: objects are always built in the order listed here.
import type { TestCase } from '../testcases/test-case.js';

/** §9.1 keys, in written order. */
export const PROBLEM_ROW_KEYS = [
    'id', 'name', 'description', 'criteria', 'available_nodes', 'test_cases', 'solutions', 'created_at',
    'updated_at', 'difficulty', 'problem_type', 'index', 'color_mode', 'difficulty_level', 'pattern_type',
] as const;

export interface ProblemRow {
    id: string;
    name: string;
    description: string;
    criteria: string;
    available_nodes: string[];
    test_cases: TestCase[];
    solutions: unknown[];
    created_at: string;
    updated_at: string;
    difficulty: string;
    problem_type: string;
    index: number;
    color_mode: string;
    difficulty_level: string;
    pattern_type: string;
}

/** §9.2 columns, in order. */
export const HF_ROW_KEYS = ['messages', 'ground_truth', 'dataset', 'difficulty', 'id', 'problem_family', 'name'] as const;

export interface HfMessage {
    content: string;
    role: string;
}

export interface HfRow {
    messages: HfMessage[];
    ground_truth: TestCase[];
    dataset: string;
    difficulty: string;
    id: string;
    problem_family: string;
    name: string;
}

/** Appended to the criteria of two-colour problems (§9.1), leading space included. */
export const TWO_COLOR_SUFFIX = ' The input tape carries only red/blue colors.';

/** The fixed end of every HF prompt (§9.2); note the space after "# Task". */
export const TASK_TAIL_PREFIX = '# Task \nYour task is to design a factory with code with following functionality:\n\n';
