// A block of a dump (the threads' unit, language/rollouts/block.ts) lists only the first few issues
// of each kind and counts the rest in one item: a dump of millions of bad lines held one issue
// object per line per block in flight (2.4 GB for 3 million `{}` lines, 9 MB, on two threads). The
// CLI's issue log then prints and counts exactly as it did with every issue listed.
import { describe, expect, test } from 'vitest';
import { blockContext, ISSUES_LISTED_PER_KIND, scoreBlock, type BlockItem } from '../../language/rollouts/block.js';
import { ProblemIndex } from '../../language/rollouts/problem-index.js';
import { IssueLog } from '../../cli/rollouts/issue-log.js';

const good = JSON.stringify({ id: 'p', step: 1, response: 'START start:\n    NEXT end\nEND end', ground_truth: [{ input: '', expected_output: '', expected_accepted: true, check_output: false }] });

function score(lines: string[]): BlockItem[] {
    const ctx = blockContext({ details: false, output: 'summary', memo: true }, new ProblemIndex());
    return scoreBlock({ seq: 0, file: 'd.jsonl', format: 'jsonl', fileStep: null, firstLine: 1, bytes: Buffer.from(`${lines.join('\n')}\n`) }, ctx);
}

/** What the CLI prints for these issue items. */
function printed(items: BlockItem[]): string[] {
    const out: string[] = [];
    const log = new IssueLog((line) => out.push(line.trimEnd()));
    for (const item of items) if ('issue' in item) log.report(item.issue, item.repeats);
    log.finish();
    return out;
}

describe('issues of a block', () => {
    test('thousands of bad lines of two kinds: the first few of each listed in place, the rest counted', () => {
        const lines = [good];
        for (let i = 0; i < 3000; i++) lines.push(i % 3 === 0 ? '{"response": ' : '{}');
        lines.push(good);
        const items = score(lines);
        const issues = items.filter((item) => 'issue' in item);
        expect(issues.length).toBe(2 * ISSUES_LISTED_PER_KIND + 2);
        const repeats = issues.map((item) => ('issue' in item ? item.repeats ?? 1 : 0));
        expect(repeats.reduce((a, b) => a + b, 0)).toBe(3000);
        // The listed ones are each kind's first lines, in input order.
        expect(issues.slice(0, 4).map((item) => ('issue' in item ? item.issue.where : ''))).toEqual(['d.jsonl:2', 'd.jsonl:3', 'd.jsonl:4', 'd.jsonl:5']);
        const out = printed(items);
        expect(out).toHaveLength(2 * ISSUES_LISTED_PER_KIND + 2);
        expect(out.slice(-2)).toEqual([
            expect.stringMatching(/^… and 990 more issues like the above \(invalid JSON: .*\): not printed$/),
            expect.stringMatching(/^… and 1990 more issues like the above \(no response field .*\): not printed$/),
        ]);
        // The good rows on either side are still scored.
        expect(items.filter((item) => 'packed' in item)).toHaveLength(2);
    });
    test('up to the listed number of a kind, every issue is its own item', () => {
        const items = score([good, ...Array.from({ length: ISSUES_LISTED_PER_KIND }, () => '{}')]);
        expect(items.filter((item) => 'issue' in item && item.repeats === undefined)).toHaveLength(ISSUES_LISTED_PER_KIND);
    });
});
