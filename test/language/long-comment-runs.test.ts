// A long run of comment lines is a valid program's padding (the reference drops comment lines before
// parsing: docs/manufactoria.md). Langium adds a run of hidden nodes to the CST in one call, one
// argument per node, which overflowed the stack at ~120,000 comments; the parse with a CST (delta
// check/run/test, the editor) must give the same verdict as the CST-less one (delta verify).
import { describe, expect, test } from 'vitest';
import { isCompositeCstNode, type CstNode } from 'langium';
import { programVerdictOf, verdictOf } from '../../language/manufactoria/verdict.js';

const RUN = '# padding\n'.repeat(200_000);

const programs: Record<string, string> = {
    'after the last node': `START start:\n    NEXT end\nEND end\n${RUN}`,
    'between a declaration and its route': `START start:\n${RUN}    NEXT end\nEND end\n`,
    'between two nodes': `START start:\n    NEXT end\n${RUN}END end\n`,
    'before an error': `START start:\n    NEXT end\n${RUN}END end:\n`,
};

function leaves(node: CstNode): number {
    return isCompositeCstNode(node) ? node.content.reduce((n, child) => n + leaves(child), 0) : 1;
}

describe('programs with 200,000 comment lines', () => {
    for (const [where, text] of Object.entries(programs)) {
        test(where, () => {
            const verdict = verdictOf(text);
            const cstLess = programVerdictOf(text);
            expect(verdict.ok).toBe(cstLess.ok);
            if (!verdict.ok && !cstLess.ok) expect(verdict.error).toBe(cstLess.error);
            // Every comment is a leaf of the CST.
            expect(leaves(verdict.ast.$cstNode!)).toBeGreaterThanOrEqual(200_000);
        });
    }

    test('the error line counts the comment lines', () => {
        const verdict = verdictOf(programs['before an error']);
        expect(verdict.ok).toBe(false);
        expect(!verdict.ok && verdict.error).toBe('Line 200003: END nodes should not have a colon');
    });
});
