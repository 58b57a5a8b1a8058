// Criteria recovery from an HF prompt: the prompt ends with the fixed task tail (§9.2), so
// everything after its last occurrence is the criteria text.
import { TASK_TAIL_PREFIX, TWO_COLOR_SUFFIX } from './rows.js';

/**
 * Trailing whitespace is not part of it: no criteria end with any, and a prompt template saved
 * with a final newline adds one (it hid the two-colour suffix, so such rows read as four-colour).
 */
export function criteriaFromPrompt(prompt: string): string | undefined {
    const at = prompt.lastIndexOf(TASK_TAIL_PREFIX);
    return at < 0 ? undefined : prompt.slice(at + TASK_TAIL_PREFIX.length).trimEnd();
}

/**
 * HF rows carry no colour mode; the generators mark two-colour problems only through the criteria
 * suffix, so its presence is the best available signal (a four-colour row never has it).
 */
export function colorModeFromCriteria(criteria: string): 'two_color' | 'four_color' {
    return criteria.endsWith(TWO_COLOR_SUFFIX) ? 'two_color' : 'four_color';
}
