// The backtracking engine's program: the parse tree compiled to a graph of nodes, each knowing its
// continuation.
import { caseRules } from './case-folding.js';
import { type CharTest, singleCharacterTest } from './char-tests.js';
import { combineFlags, isSingleCharacter } from './compile-checks.js';
import { ParseState } from './parse-state.js';
import { F_MULTILINE, F_UNICODE } from './sre-constants.js';
import { type AtCode, type Op, type RepeatKind, type Seq } from './tree.js';

export interface UntilNode {
    k: 'until';
    lazy: boolean;
    min: number;
    max: number;
    body: EngineNode;
    next: EngineNode;
}

export type EngineNode =
    | { k: 'char'; test: CharTest; next: EngineNode }
    | { k: 'at'; at: AtCode; multiline: boolean; unicode: boolean; next: EngineNode }
    | { k: 'mark'; index: number; next: EngineNode }
    | { k: 'ref'; group: number; fold: ((cp: number) => number) | null; next: EngineNode }
    | { k: 'exists'; group: number; yes: EngineNode; no: EngineNode }
    | { k: 'branch'; alts: EngineNode[] }
    | { k: 'repeatOne'; kind: RepeatKind; min: number; max: number; test: CharTest; next: EngineNode }
    | { k: 'repeat'; until: UntilNode }
    | UntilNode
    | { k: 'possessive'; min: number; max: number; body: EngineNode; next: EngineNode }
    | { k: 'atomic'; body: EngineNode; next: EngineNode }
    | { k: 'assert'; negate: boolean; back: number; body: EngineNode; next: EngineNode }
    | { k: 'success' };

export const SUCCESS: EngineNode = { k: 'success' };

export function compileEngine(seq: Seq, flags: number, next: EngineNode, state: ParseState): EngineNode {
    let node = next;
    for (let i = seq.length - 1; i >= 0; i--) node = compileEngineOp(seq[i], flags, node, state);
    return node;
}

function compileEngineOp(op: Op, flags: number, next: EngineNode, state: ParseState): EngineNode {
    switch (op.op) {
        case 'LITERAL':
        case 'NOT_LITERAL':
        case 'ANY':
        case 'IN':
            return { k: 'char', test: singleCharacterTest(op, flags), next };
        case 'AT':
            return { k: 'at', at: op.at, multiline: !!(flags & F_MULTILINE), unicode: !!(flags & F_UNICODE), next };
        case 'BRANCH':
            return { k: 'branch', alts: op.alts.map((alt) => compileEngine(alt, flags, next, state)) };
        case 'REPEAT':
            return compileEngineRepeat(op, flags, next, state);
        case 'SUBPATTERN': {
            const inner = combineFlags(flags, op.add, op.del);
            if (op.group === null) return compileEngine(op.body, inner, next, state);
            const base = (op.group - 1) * 2;
            const close: EngineNode = { k: 'mark', index: base + 1, next };
            return { k: 'mark', index: base, next: compileEngine(op.body, inner, close, state) };
        }
        case 'ATOMIC':
            return { k: 'atomic', body: compileEngine(op.body, flags, SUCCESS, state), next };
        case 'ASSERT': {
            const back = op.behind ? state.width(op.body)[0] : 0;
            return { k: 'assert', negate: op.negate, back, body: compileEngine(op.body, flags, SUCCESS, state), next };
        }
        case 'GROUPREF': {
            const rules = caseRules(flags);
            return { k: 'ref', group: op.group, fold: rules ? rules.lower : null, next };
        }
        case 'GROUPREF_EXISTS': {
            const yes = compileEngine(op.yes, flags, next, state);
            const no = op.no ? compileEngine(op.no, flags, next, state) : next;
            return { k: 'exists', group: op.group, yes, no };
        }
    }
}

function compileEngineRepeat(op: Extract<Op, { op: 'REPEAT' }>, flags: number, next: EngineNode, state: ParseState): EngineNode {
    const { kind, min, max, body } = op;
    if (isSingleCharacter(body)) return { k: 'repeatOne', kind, min, max, test: singleCharacterTest(body[0], flags), next };
    if (kind === 'POSSESSIVE') return { k: 'possessive', min, max, body: compileEngine(body, flags, SUCCESS, state), next };
    const until: UntilNode = { k: 'until', lazy: kind === 'MIN', min, max, body: SUCCESS, next };
    until.body = compileEngine(body, flags, until, state);
    return { k: 'repeat', until };
}
