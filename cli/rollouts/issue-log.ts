// The issues of a `delta rollouts` run on stderr. An issue of one kind (the same field and message)
// is printed for its first rows only, then counted: a dump whose every row lacks its label (no
// --problems) printed one line per rollout, a million for a big run. The count of those not printed
// comes at the end, with the kind.
import { issueText } from '../../language/rollouts/pipeline.js';
import type { RolloutIssue } from '../../language/rollouts/types.js';

/** Issues printed per kind before the rest of that kind are only counted. */
export const SHOWN_PER_KIND = 10;

export class IssueLog {
    private kinds = new Map<string, { count: number; issue: RolloutIssue }>();
    /** Every issue reported, printed or not. */
    count = 0;

    constructor(private readonly write: (line: string) => void) {}

    report(issue: RolloutIssue): void {
        this.count++;
        const key = `${issue.field ?? ''}\u0000${issue.message}`;
        const kind = this.kinds.get(key);
        if (kind) kind.count++;
        else this.kinds.set(key, { count: 1, issue });
        if ((kind?.count ?? 1) <= SHOWN_PER_KIND) this.write(`${issueText(issue)}\n`);
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
