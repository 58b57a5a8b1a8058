// The issues of a `delta rollouts` run on stderr. An issue of one kind (the same field and message)
// is printed for its first rows only, then counted: a dump whose every row lacks its label (no
// --problems) printed one line per rollout, a million for a big run. The count of those not printed
// comes at the end, with the kind.
import { ISSUES_LISTED_PER_KIND } from '../../language/rollouts/block.js';
import { issueText } from '../../language/rollouts/pipeline.js';
import type { RolloutIssue } from '../../language/rollouts/types.js';

/** Issues printed per kind before the rest of that kind are only counted. */
export const SHOWN_PER_KIND = ISSUES_LISTED_PER_KIND;

export class IssueLog {
    private kinds = new Map<string, { count: number; issue: RolloutIssue }>();
    /** Every issue reported, printed or not. */
    count = 0;

    constructor(private readonly write: (line: string) => void) {}

    /** `repeats`: the issue stands for that many of its kind (a thread's block lists only its first few, language/rollouts/block.ts). */
    report(issue: RolloutIssue, repeats = 1): void {
        this.count += repeats;
        const key = `${issue.field ?? ''}\u0000${issue.message}`;
        const kind = this.kinds.get(key);
        const before = kind?.count ?? 0;
        if (kind) kind.count += repeats;
        else this.kinds.set(key, { count: repeats, issue });
        if (before < SHOWN_PER_KIND) this.write(`${issueText(issue)}\n`);
    }

    /** One line per kind with issues not printed: how many, and what they said. */
    finish(): void {
        for (const { count, issue } of this.kinds.values()) {
            if (count <= SHOWN_PER_KIND) continue;
            const what = `${issue.field ? `${issue.field}: ` : ''}${issue.message}`;
            this.write(`… and ${count - SHOWN_PER_KIND} more issues like the above (${what}): not printed\n`);
        }
    }
}
