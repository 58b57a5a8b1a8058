// The common view of a problem, whichever row shape (§9.1 generator row, §9.2 HF row) it came from,
// and the validation that turns one parsed row into it or into a field-level issue.
import { describeJson, normalizeTestCases, type TestCase } from '../testcases/test-case.js';
import { colorModeFromCriteria, criteriaFromPrompt } from './criteria.js';

export type RowShape = 'problem' | 'hf';

/** Where a row came from: `index` is its 0-based position among the file's rows; `line` is set for JSON Lines. */
export interface ProblemSource {
    file: string;
    index: number;
    line?: number;
}

export interface Problem {
    id: string;
    name: string;
    family: string;
    /** difficulty_level of a problem row; `difficulty` of an HF row (the same value, §9.2). */
    level: string;
    /** HF rows carry no colour mode; it is read from the criteria suffix there (see criteria.ts). */
    colorMode: 'two_color' | 'four_color';
    criteria: string;
    testCases: TestCase[];
    source: ProblemSource;
    shape: RowShape;
    /** The node kinds the problem allows (a problem row's `available_nodes`), when it says. */
    availableNodes?: string[];
}

/** A row that could not be loaded. `field` names the offending key path when one is to blame. */
export interface LoadIssue {
    file: string;
    line?: number;
    index?: number;
    field?: string;
    message: string;
}

/** A whole file: its problems and the rows that did not load. */
export interface LoadResult {
    file: string;
    problems: Problem[];
    issues: LoadIssue[];
}

export function formatIssue(issue: LoadIssue): string {
    const where = issue.line !== undefined ? `${issue.file}:${issue.line}` : issue.index !== undefined ? `${issue.file}[${issue.index}]` : issue.file;
    return `${where}: ${issue.field ? `${issue.field}: ` : ''}${issue.message}`;
}

export type RowResult = { ok: true; problem: Problem } | { ok: false; issue: LoadIssue };

class FieldError extends Error {
    constructor(readonly field: string, message: string) {
        super(message);
    }
}

/** Validates one parsed row (a JSON or parquet record) and builds its Problem view. */
export function problemFromRow(raw: unknown, source: ProblemSource): RowResult {
    try {
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new FieldError('', `row must be an object, got ${describeJson(raw)}`);
        const row = raw as Record<string, unknown>;
        // A problem row may carry a prompt too (`messages`, added for training): its test_cases decide.
        const shape = 'ground_truth' in row ? 'hf' : 'test_cases' in row || 'criteria' in row ? 'problem' : 'messages' in row ? 'hf' : undefined;
        const problem = shape === 'hf' ? fromHfRow(row, source) : shape === 'problem' ? fromProblemRow(row, source) : undefined;
        if (!problem) throw new FieldError('', 'neither a problem row (test_cases, criteria, …) nor a Hugging Face row (messages, ground_truth, …)');
        return { ok: true, problem };
    } catch (error) {
        if (!(error instanceof FieldError)) throw error;
        return { ok: false, issue: { ...source, ...(error.field ? { field: error.field } : {}), message: error.message } };
    }
}

function fromProblemRow(row: Record<string, unknown>, source: ProblemSource): Problem {
    const criteria = str(row, 'criteria');
    const mode = row.color_mode;
    if (mode !== undefined && mode !== 'two_color' && mode !== 'four_color') {
        throw new FieldError('color_mode', `expected "two_color" or "four_color", got ${describeJson(mode)}`);
    }
    return {
        id: str(row, 'id'),
        name: str(row, 'name'),
        family: str(row, 'problem_type'),
        // Dashboard-made rows may lack difficulty_level; the fixed label is the closest stand-in.
        level: row.difficulty_level !== undefined ? str(row, 'difficulty_level') : str(row, 'difficulty'),
        colorMode: mode ?? colorModeFromCriteria(criteria),
        criteria,
        testCases: cases(row, 'test_cases'),
        source,
        shape: 'problem',
        // Only an editor hint (a warning on other kinds), so a malformed list is ignored, not an error.
        ...(Array.isArray(row.available_nodes) && row.available_nodes.every((k) => typeof k === 'string') ? { availableNodes: row.available_nodes as string[] } : {}),
    };
}

function fromHfRow(row: Record<string, unknown>, source: ProblemSource): Problem {
    const messages = toArray(row.messages);
    if (messages === undefined) throw new FieldError('messages', 'missing required field');
    if (!Array.isArray(messages) || messages.length === 0) throw new FieldError('messages', `expected a non-empty list, got ${describeJson(messages)}`);
    const at = Math.max(0, messages.findIndex((m) => isObject(m) && m.role === 'user'));
    const message = messages[at];
    if (!isObject(message) || typeof message.content !== 'string') {
        throw new FieldError(`messages[${at}].content`, 'expected a string');
    }
    const criteria = criteriaFromPrompt(message.content);
    if (criteria === undefined) throw new FieldError(`messages[${at}].content`, 'task tail "# Task \\nYour task is to design a factory…" not found');
    return {
        id: str(row, 'id'),
        name: str(row, 'name'),
        family: str(row, 'problem_family'),
        level: str(row, 'difficulty'),
        colorMode: colorModeFromCriteria(criteria),
        criteria,
        testCases: cases(row, 'ground_truth'),
        source,
        shape: 'hf',
    };
}

function str(row: Record<string, unknown>, key: string): string {
    const value = row[key];
    if (value === undefined) throw new FieldError(key, 'missing required field');
    if (typeof value !== 'string') throw new FieldError(key, `expected a string, got ${describeJson(value)}`);
    return value;
}

function cases(row: Record<string, unknown>, key: string): TestCase[] {
    let value = row[key];
    if (value === undefined) throw new FieldError(key, 'missing required field');
    if (typeof value === 'string') {
        // The training side decodes a JSON-string label before use (§8.2); accept the same.
        try {
            value = JSON.parse(value);
        } catch {
            throw new FieldError(key, 'string is not valid JSON');
        }
    }
    const result = normalizeTestCases(toArray(value));
    if (result.ok) return result.value;
    const at = result.index === null ? key : `${key}[${result.index}]`;
    throw new FieldError(result.issue.field ? `${at}.${result.issue.field}` : at, result.issue.message);
}

/** Parquet readers may hand back typed arrays or array-likes for list columns. */
function toArray(value: unknown): unknown {
    return ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<unknown>) : value;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
