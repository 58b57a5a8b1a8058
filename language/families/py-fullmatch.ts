// Python `re.fullmatch` for the regex subset the regex_pattern family writes: literal symbols,
// `.` (anything but "\n"), groups, `|` and the postfix `*`, `+`, `?`. Anything else throws, so a
// pattern outside the subset is never silently judged by different rules.
//
// Matching is a set-of-positions walk rather than backtracking: Python's backtracking fullmatch
// succeeds exactly when some parse spans the whole tape, which is what the position sets compute,
// and it stays linear in practice on the long tapes the generators produce.

type Node =
    | { t: 'lit'; ch: string }
    | { t: 'any' }
    | { t: 'seq'; items: Node[] }
    | { t: 'alt'; options: Node[] }
    | { t: 'rep'; node: Node; min: 0 | 1; max: 1 | typeof Infinity };

export class UnsupportedPattern extends Error {}

export function parseSubset(pattern: string): Node {
    let pos = 0;
    const chars = [...pattern];
    const fail = (why: string): never => {
        throw new UnsupportedPattern(`${why} at position ${pos} in '${pattern}'`);
    };
    function alt(): Node {
        const options = [seq()];
        while (chars[pos] === '|') {
            pos++;
            options.push(seq());
        }
        return options.length === 1 ? options[0] : { t: 'alt', options };
    }
    function seq(): Node {
        const items: Node[] = [];
        while (pos < chars.length && chars[pos] !== '|' && chars[pos] !== ')') items.push(postfix(atom()));
        return { t: 'seq', items };
    }
    function atom(): Node {
        const ch = chars[pos];
        if (ch === '(') {
            pos++;
            if (chars[pos] === '?') fail('group extension');
            const inner = alt();
            if (chars[pos] !== ')') fail('missing )');
            pos++;
            return inner;
        }
        if (ch === '.') {
            pos++;
            return { t: 'any' };
        }
        if ('*+?'.includes(ch)) fail('nothing to repeat');
        if ('[]{}\\^$'.includes(ch)) fail(`unsupported '${ch}'`);
        pos++;
        return { t: 'lit', ch };
    }
    function postfix(node: Node): Node {
        let out = node;
        while (pos < chars.length && '*+?'.includes(chars[pos])) {
            // A second quantifier is either Python's lazy suffix ("a*?", outside the subset) or an
            // error ("a**" → "multiple repeat").
            if (out !== node) fail(chars[pos] === '?' ? 'lazy quantifier' : 'multiple repeat');
            const op = chars[pos++];
            out = { t: 'rep', node, min: op === '+' ? 1 : 0, max: op === '?' ? 1 : Infinity };
        }
        return out;
    }
    const tree = alt();
    if (pos !== chars.length) fail('unbalanced )');
    return tree;
}

function step(node: Node, tape: string[], starts: Set<number>): Set<number> {
    switch (node.t) {
        case 'lit':
        case 'any': {
            const out = new Set<number>();
            for (const p of starts) {
                if (p < tape.length && (node.t === 'any' ? tape[p] !== '\n' : tape[p] === node.ch)) out.add(p + 1);
            }
            return out;
        }
        case 'seq':
            return node.items.reduce((acc, item) => step(item, tape, acc), starts);
        case 'alt': {
            const out = new Set<number>();
            for (const o of node.options) for (const p of step(o, tape, starts)) out.add(p);
            return out;
        }
        case 'rep': {
            const out = new Set<number>(node.min === 0 ? starts : []);
            let frontier = step(node.node, tape, starts);
            for (let count = 1; frontier.size > 0; count++) {
                const fresh = new Set<number>();
                for (const p of frontier) if (!out.has(p)) { out.add(p); fresh.add(p); }
                if (count >= node.max) break;
                frontier = step(node.node, tape, fresh);
            }
            return out;
        }
    }
}

/** Compiles once; the returned test is `re.fullmatch(pattern, tape) is not None`. */
export function compileFullmatch(pattern: string): (tape: string) => boolean {
    const tree = parseSubset(pattern);
    return (tape) => {
        const symbols = [...tape];
        return step(tree, symbols, new Set([0])).has(symbols.length);
    };
}

export function pyFullmatch(pattern: string, tape: string): boolean {
    return compileFullmatch(pattern)(tape);
}
