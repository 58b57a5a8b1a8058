// Deterministic verifier requests for the benchmark: realistic programs (3–25 nodes, loops, NONE
// targets), about one in ten broken in a way the reference reports, 5–35 test cases each.
// Usage: node scripts/bench/gen-requests.mjs [--count N] [--seed S] > requests.jsonl
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } } });
let state = Number(values.seed) >>> 0 || 1;
const random = () => { // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (items) => items[Math.floor(random() * items.length)];
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

function program() {
    const n = int(3, 25);
    const ids = Array.from({ length: n - 2 }, (_, i) => `n${i}`);
    const target = () => (random() < 0.08 ? 'NONE' : random() < 0.25 ? 'end' : pick(ids));
    const lines = ['START start:', `    NEXT ${ids[0]}`, ''];
    for (const id of ids) {
        const kind = pick(['PULLER_RB', 'PULLER_RB', 'PULLER_YG', 'PAINTER_RED', 'PAINTER_BLUE', 'PAINTER_YELLOW', 'PAINTER_GREEN']);
        lines.push(`${kind} ${id}:`);
        if (kind.startsWith('PULLER')) {
            const [a, b] = kind === 'PULLER_RB' ? ['R', 'B'] : ['Y', 'G'];
            for (const c of [a, b, 'EMPTY']) if (random() < 0.85) lines.push(`${random() < 0.2 ? '\t' : '    '}[${c}] ${target()}`);
        } else {
            lines.push(`    NEXT ${target()}`);
        }
        lines.push('');
    }
    lines.push('END end');
    return lines;
}

function breakProgram(lines) {
    const i = int(0, lines.length - 1);
    const breakers = [
        (l) => l.replace(':', ''), (l) => l.replace(':', '::'), (l) => l.replace(/ n(\d+)/, ' m$1'), (l) => l.replace('    ', '  '),
        (l) => l.replace('[R]', '[Y]'), (l) => l.replace('start', 'begin'), () => 'END end:', (l) => `${l} extra`,
    ];
    lines[i] = pick(breakers)(lines[i]);
    return lines;
}

const tape = () => Array.from({ length: int(0, 20) }, () => pick('RBYG')).join('');
const out = [];
for (let r = 0; r < Number(values.count); r++) {
    const lines = program();
    const dsl = (random() < 0.1 ? breakProgram(lines) : lines).join('\n');
    const cases = Array.from({ length: int(5, 35) }, () => {
        const check = random() < 0.5;
        const expected = !check ? '' : random() < 0.1 ? `${pick(['R', 'B', ''])}(RB)*.?` : tape();
        return { input: tape(), expected_output: expected, expected_accepted: random() < 0.5, check_output: check, description: '' };
    });
    out.push(JSON.stringify({ dsl, test_cases: cases, max_execution_time: 1.0 }));
}
process.stdout.write(`${out.join('\n')}\n`);
