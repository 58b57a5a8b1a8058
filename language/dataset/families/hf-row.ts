// Problem row (§9.1) → Hugging Face row (§9.2): seven columns, in order.
import type { HfRow, ProblemRow } from '../problems/rows.js';
import { fillTemplate } from '../fill-template.js';
import { promptFor, templateValues, type PromptVariant } from './prompt-template.js';

/** The output-check template is chosen when any case checks the output (§9.2). */
export function promptVariant(row: Pick<ProblemRow, 'test_cases'>): PromptVariant {
    return row.test_cases.some((c) => c.check_output) ? 'output_check' : 'simple';
}

/** `template`: a user's Mustache prompt template (checked with checkTemplate); default: our own wording. */
export function toHfRow(row: ProblemRow, template?: string): HfRow {
    const variant = promptVariant(row);
    const content = template === undefined ? promptFor(row.criteria, variant) : fillTemplate(template, templateValues(row, variant));
    return {
        messages: [{ content, role: 'user' }],
        ground_truth: row.test_cases,
        dataset: 'manufactoria',
        difficulty: String(row.difficulty_level),
        id: row.id,
        problem_family: row.problem_type,
        name: row.name,
    };
}
