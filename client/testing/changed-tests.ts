// Which Test Explorer results a new description of a file outdates. Pure (no `vscode`), unit-tested.
import type { TestDescription } from '../../server/protocol.js';

/**
 * Ids of tests that keep their id but now stand for another case: a problem file rewritten under
 * a solution keeps `p0…` with other inputs or labels, and VS Code would go on showing the old
 * case's pass or failure on the new case.
 */
export function changedTestIds(before: ReadonlyMap<string, TestDescription>, after: readonly TestDescription[]): string[] {
    return after.filter((t) => {
        const old = before.get(t.id);
        return old !== undefined && (old.input !== t.input || old.expected_output !== t.expected_output || old.expected_accepted !== t.expected_accepted
            || old.check_output !== t.check_output || old.detail !== t.detail);
    }).map((t) => t.id);
}

/** A test of the bound problem (`p<case index>`), not an inline `# test:` line (`l<line>`): test-plan.ts's ids. */
export function isProblemCase(id: string): boolean {
    return id.startsWith('p');
}
