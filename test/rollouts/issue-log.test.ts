// Issues of one kind are printed for their first rows only, then counted (cli/rollouts/issue-log.ts).
import { describe, expect, it } from 'vitest';
import { IssueLog, SHOWN_PER_KIND } from '../../cli/rollouts/issue-log.js';

describe('IssueLog', () => {
    it('prints the first issues of a kind, counts the rest and names them at the end', () => {
        const lines: string[] = [];
        const log = new IssueLog((line) => lines.push(line));
        for (let i = 1; i <= 25; i++) log.report({ where: `d.jsonl:${i}`, field: 'ground_truth', message: 'no ground truth in the row; no --problems given' });
        log.report({ where: 'd.jsonl:26', message: 'invalid JSON' });
        expect(log.count).toBe(26);
        expect(lines).toHaveLength(SHOWN_PER_KIND + 1);
        expect(lines[0]).toBe('d.jsonl:1: ground_truth: no ground truth in the row; no --problems given\n');
        expect(lines[SHOWN_PER_KIND - 1]).toBe(`d.jsonl:${SHOWN_PER_KIND}: ground_truth: no ground truth in the row; no --problems given\n`);
        expect(lines[SHOWN_PER_KIND]).toBe('d.jsonl:26: invalid JSON\n');
        log.finish();
        expect(lines.slice(SHOWN_PER_KIND + 1)).toEqual([`… and ${25 - SHOWN_PER_KIND} more issues like the above (ground_truth: no ground truth in the row; no --problems given): not printed\n`]);
    });
    it('says nothing more at the end when every issue was printed', () => {
        const lines: string[] = [];
        const log = new IssueLog((line) => lines.push(line));
        for (let i = 1; i <= SHOWN_PER_KIND; i++) log.report({ where: `d.jsonl:${i}`, message: 'invalid JSON' });
        log.finish();
        expect(lines).toHaveLength(SHOWN_PER_KIND);
    });
});
