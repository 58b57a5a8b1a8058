// Independent oracles for generated rows: each reads the problem's parameters back from the row's
// own text (name, description) and judges inputs with code that shares nothing with the
// generators (JS RegExp, run-length arithmetic, replaceAll, BigInt('0b…')).

export interface Verdict {
    accepted: boolean;
    output?: string;
    description?: string;
}

interface RowLike {
    name: string;
    description: string;
    problem_type: string;
}

const num = (t: string) => BigInt('0b0' + t.replace(/[^B]/g, '0').replace(/B/g, '1'));
const bin = (v: bigint) => (v > 0n ? v.toString(2).replace(/0/g, 'R').replace(/1/g, 'B') : '');

function match(re: RegExp, text: string): RegExpExecArray {
    const m = re.exec(text);
    if (!m) throw new Error(`oracle cannot read '${text}' with ${re}`);
    return m;
}

export function oracleFor(row: RowLike): (t: string) => Verdict {
    const { name, description } = row;
    switch (row.problem_type) {
        case 'starts_with': {
            const s = match(/^Starts with ([RBYG]+)$/, name)[1];
            return (t) => ({ accepted: t.slice(0, s.length) === s });
        }
        case 'ends_with': {
            const s = match(/^Ends with ([RBYG]+)$/, name)[1];
            return (t) => ({ accepted: t.length >= s.length && t.slice(t.length - s.length) === s });
        }
        case 'exact_sequence': {
            const s = match(/^Exactly ([RBYG]+)$/, name)[1];
            return (t) => ({ accepted: t === s });
        }
        case 'contains_substring': {
            const s = match(/^Contains '([RBYG]+)'$/, name)[1];
            return (t) => ({ accepted: t.indexOf(s) !== -1 });
        }
        case 'contains_ordered': {
            const s = match(/^Contains ([RBYG]+)$/, name)[1];
            const re = new RegExp(s.split('').join('.*'));
            return (t) => ({ accepted: re.test(t) });
        }
        case 'contains_count': {
            const body = name.replace(/^At least |^Need /, '');
            const reqs = body.split(' and ').map((part) => {
                const m = match(/^(\d+) ([RBYG])s?$/, part);
                return { n: Number(m[1]), c: m[2] };
            });
            return (t) => ({ accepted: reqs.every(({ n, c }) => t.split(c).length - 1 >= n) });
        }
        case 'numerical_comparison': {
            const m = match(/^Binary (.+) (\d+)$/, name);
            const k = BigInt(m[2]);
            const ops: Record<string, (v: bigint) => boolean> = {
                'Greater Than': (v) => v > k,
                'Greater Than Or Equal To': (v) => v >= k,
                'Less Than': (v) => v < k,
                'Less Than Or Equal To': (v) => v <= k,
                'Equal To': (v) => v === k,
            };
            const op = ops[m[1]];
            if (!op) throw new Error(`unknown comparison ${m[1]}`);
            return (t) => ({ accepted: op(num(t)) });
        }
        case 'regex_pattern': {
            const re = new RegExp(`^(?:${match(/^Regex Pattern: (.+)$/, name)[1]})$`);
            return (t) => ({ accepted: re.test(t) });
        }
        case 'regex_same_num':
            return sameNumOracle(match(/^Variable Pattern: (.+)$/, name)[1]);
        case 'append_sequence': {
            const s = match(/^Append ([RBYG]+)$/, name)[1];
            return (t) => ({ accepted: true, output: t + s, description: `Input '${t}' should output '${t + s}'` });
        }
        case 'prepend_sequence': {
            const m = match(/^Prepend ([RBYG]*)(?: after (.+))?$/, name);
            const mutate = mutationOracle(m[2]);
            return (t) => {
                const mid = mutate(t);
                return { accepted: true, output: m[1] + mid, description: `Input '${t}' \u2192 mutated: '${mid}' \u2192 output: '${m[1] + mid}'` };
            };
        }
        case 'numerical_operations': {
            const op = match(/apply (.+), and output/, description)[1];
            const f = operationOracle(op);
            return (t) => {
                const out = bin(f(num(t)));
                return { accepted: true, output: out, description: `Input '${t}' should output '${out}'` };
            };
        }
        case 'numerical_max_min': {
            const m = match(/^Numerical (MAX|MIN)\((\d+), input\)$/, name);
            const k = BigInt(m[2]);
            return (t) => {
                const v = num(t);
                const w = m[1] === 'MAX' ? (v > k ? v : k) : (v < k ? v : k);
                return { accepted: true, output: bin(w), description: `Input '${t}' (value ${v}) should output '${bin(w)}' (value ${w})` };
            };
        }
        default:
            throw new Error(`no oracle for ${row.problem_type}`);
    }
}

function mutationOracle(text: string | undefined): (t: string) => string {
    if (text === undefined) return (t) => t;
    let m: RegExpExecArray | null;
    if ((m = /^Change ([RB]) to ([RB]+)$/.exec(text))) return (t) => t.replaceAll(m![1], m![2]);
    if ((m = /^Remove ([RB])$/.exec(text))) return (t) => t.replaceAll(m![1], '');
    if (text === 'Swap color R&B') return (t) => t.replace(/[RB]/g, (c) => (c === 'R' ? 'B' : 'R'));
    if ((m = /^Remove patterns ([RB]{2})$/.exec(text))) return (t) => t.replaceAll(m![1], '');
    if ((m = /^Replace patterns ([RB]{2}) with ([RB]{1,2})$/.exec(text))) return (t) => t.replaceAll(m![1], m![2]);
    throw new Error(`unknown mutation '${text}'`);
}

function operationOracle(op: string): (v: bigint) => bigint {
    let m: RegExpExecArray | null;
    if ((m = /^add (\d+)$/.exec(op))) return (v) => v + BigInt(m![1]);
    if ((m = /^subtract (\d+)$/.exec(op))) return (v) => v - BigInt(m![1]);
    if ((m = /^bitwise AND with (\d+)$/.exec(op))) return (v) => v & BigInt(m![1]);
    if ((m = /^bitwise OR with (\d+)$/.exec(op))) return (v) => v | BigInt(m![1]);
    if ((m = /^bitwise XOR with (\d+)$/.exec(op))) return (v) => v ^ BigInt(m![1]);
    if ((m = /^floor division by 2\^(\d+)$/.exec(op))) return (v) => v / 2n ** BigInt(m![1]);
    if (op === 'bitwise NOT') {
        return (v) => {
            const bits = v.toString(2).length;
            const width = v === 0n || bits < 8 ? 8 : bits;
            return BigInt('0b' + v.toString(2).padStart(width, '0').replace(/[01]/g, (b) => (b === '0' ? '1' : '0')));
        };
    }
    throw new Error(`unknown operation '${op}'`);
}

/** Run-length reading: the tape must be exactly the template's runs, with one n ≥ 1 for all of them. */
function sameNumOracle(tpl: string): (t: string) => Verdict {
    const segs = [...tpl.matchAll(/([RB])\{(n|n\+\d|2n)\}/g)].map((m) => ({
        color: m[1],
        a: m[2] === '2n' ? 2 : 1,
        b: m[2].startsWith('n+') ? Number(m[2].slice(2)) : 0,
    }));
    return (t) => {
        const runs: string[] = t.match(/R+|B+|[^RB]+/g) ?? [];
        const first = runs[0];
        if (first === undefined || runs.length !== segs.length) return { accepted: false };
        const n = (first.length - segs[0].b) / segs[0].a;
        const ok = Number.isInteger(n) && n >= 1 && n <= 50
            && segs.every((s, i) => runs[i][0] === s.color && runs[i].length === s.a * n + s.b);
        return { accepted: ok };
    };
}
