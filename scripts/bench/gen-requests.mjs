// Deterministic verifier requests for the benchmark (JSON Lines of POST /test_solution bodies).
// Random valid programs of 3–25 nodes (pullers, painters, loops, NONE targets) in the layouts people
// write (tabs, comments, blank lines, fences), about one in ten broken in one of the ways the reference
// reports, each with 5–35 test cases over RBYG tapes of length 0–20.
//
// With --problems FILE (problem rows, e.g. from `delta generate`), the requests are what a GRPO
// trainer sends instead: groups of --group rollouts per problem, each with that problem's own test
// cases, its program a fresh random one (every fresh program distinct from all others in the file)
// or, with probability --repeat, a copy of an earlier rollout's program in the same group (models
// often answer one prompt the same way twice). --repeat 0 gives all-distinct programs.
// Usage: node scripts/bench/gen-requests.mjs [--count N] [--seed S] [--problems FILE [--group G] [--repeat P]] > requests.jsonl
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../lib/mulberry32.mjs';

const { values } = parseArgs({ options: {
    count: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' },
    problems: { type: 'string' }, group: { type: 'string', default: '8' }, repeat: { type: 'string', default: '0' },
} });

const prng = mulberry32;

const random = prng(Number(values.seed));
const chance = (p) => random() < p;
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (items) => items[Math.floor(random() * items.length)];

const MIDDLE_KINDS = ['PULLER_RB', 'PULLER_RB', 'PULLER_YG', 'PAINTER_RED', 'PAINTER_BLUE', 'PAINTER_YELLOW', 'PAINTER_GREEN'];
const WORD_IDS = ['loop', 'check', 'read_r', 'read_b', 'paint', 'done', 'skip', 'back', 'q', 'copy', 'emit', 'scan'];
const COLOURS = { PULLER_RB: ['R', 'B'], PULLER_YG: ['Y', 'G'] };

// ---- programs as data, then text --------------------------------------------------------------

/** { nodes: [{ kind, id, routes: [{ cond, target }] }] }, START first and END last. */
function randomProgram() {
    const middle = int(1, 23);
    const wordy = chance(0.3);
    const ids = Array.from({ length: middle }, (_, i) => (wordy && i < WORD_IDS.length ? WORD_IDS[i] : `n${i}`));
    const target = () => (chance(0.08) ? 'NONE' : chance(0.22) ? 'end' : pick(ids));
    const nodes = [{ kind: 'START', id: 'start', routes: [{ cond: 'NEXT', target: ids[0] }] }];
    for (const id of ids) {
        const kind = pick(MIDDLE_KINDS);
        if (kind.startsWith('PAINTER')) {
            nodes.push({ kind, id, routes: [{ cond: 'NEXT', target: target() }] });
            continue;
        }
        const conds = [...COLOURS[kind], 'EMPTY'].filter(() => chance(0.85));
        if (chance(0.05) && conds.length) conds.push(pick(conds)); // a repeated condition: the first wins
        if (chance(0.3)) conds.reverse();
        nodes.push({ kind, id, routes: conds.map((cond) => ({ cond, target: cond === 'EMPTY' && chance(0.4) ? 'end' : target() })) });
    }
    nodes.push({ kind: 'END', id: 'end', routes: [] });
    return nodes;
}

function render(nodes) {
    const order = chance(0.1) ? shuffled(nodes) : nodes;
    const lines = [];
    if (chance(0.1)) lines.push('', '');
    if (chance(0.15)) lines.push('# generated solution');
    for (const node of order) {
        lines.push(...renderNode(node));
        if (chance(0.8)) lines.push('');
    }
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    return chance(0.06) ? ['```', ...lines, '```'] : lines;
}

function renderNode(node) {
    const comment = chance(0.07) ? `  # ${node.id}` : '';
    const head = node.kind === 'END' ? `END ${node.id}${comment}` : `${node.kind} ${node.id}:${comment}`;
    const lines = [head];
    for (const route of node.routes) {
        const indent = chance(0.15) ? '\t' : '    ';
        const label = route.cond === 'NEXT' ? 'NEXT' : `[${route.cond}]`;
        lines.push(`${indent}${label} ${route.target}${chance(0.04) ? ' # route' : ''}`);
    }
    if (chance(0.03)) lines.splice(1, 0, '    # note');
    return lines;
}

function shuffled(items) {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
}

// ---- broken programs: one edit per kind of parse error ---------------------------------------

const middleOf = (nodes) => nodes.slice(1, -1);
const withKind = (nodes, test) => middleOf(nodes).filter((n) => test(n.kind));

const BREAKERS = [
    // Invalid node declaration
    (nodes) => { pick(middleOf(nodes)).kind = pick(['PULER_RB', 'PAINTER_PINK', 'PULLER_RBX', 'painter_red']); },
    // END with a colon, a non-END without one
    (nodes) => { nodes[nodes.length - 1].endColon = true; },
    (nodes) => { pick(nodes.slice(0, -1)).noColon = true; },
    // Duplicate id, wrong START/END ids
    (nodes) => { const m = middleOf(nodes); if (m.length > 1) m[m.length - 1].id = m[0].id; else nodes[1].id = 'start'; },
    (nodes) => { nodes[0].id = pick(['begin', 'Start', 'main']); },
    (nodes) => { nodes[nodes.length - 1].id = pick(['finish', 'End', 'stop']); },
    // Malformed routes
    (nodes) => { const p = withKind(nodes, (k) => k.startsWith('PULLER')); (p[0] ?? nodes[0]).routes.push({ raw: pick(['[R]end', '[empty] end', '[RB] end', 'NEXT end']) }); },
    (nodes) => { nodes[0].routes[0] = { raw: pick(['NEXT end extra', 'NEXT: end', 'NEXTend', 'next end']) }; },
    (nodes) => { nodes[nodes.length - 1].routes.push({ cond: 'NEXT', target: 'start' }); },
    // Route counts and conditions
    (nodes) => { nodes[0].routes.push({ cond: 'NEXT', target: 'end' }); },
    (nodes) => { const p = withKind(nodes, (k) => k === 'PULLER_RB'); if (p[0]) p[0].routes.push({ cond: pick(['Y', 'G']), target: 'end' }); else nodes[0].routes = []; },
    (nodes) => { const p = withKind(nodes, (k) => k.startsWith('PAINTER')); if (p[0]) p[0].routes = chance(0.5) ? [] : [...p[0].routes, { cond: 'NEXT', target: 'end' }]; else nodes[0].routes = []; },
    // Missing START or END, undefined target
    (nodes) => { nodes.shift(); },
    (nodes) => { nodes.pop(); },
    (nodes) => { const routes = pick(nodes.slice(0, -1).filter((n) => n.routes.length)).routes; pick(routes).target = pick(['nowhere', 'emd', 'none']); },
    // Indentation that ends the route block
    (nodes) => { nodes[0].shallow = true; },
];

function renderBroken(nodes) {
    if (chance(0.06)) return [pick(['', '   \n\n', '# nothing here\n# yet', '```\n```'])];
    pick(BREAKERS)(nodes);
    const lines = [];
    for (const node of nodes) {
        const head = node.kind === 'END' ? `END ${node.id}${node.endColon ? ':' : ''}` : `${node.kind} ${node.id}${node.noColon ? '' : ':'}`;
        lines.push(head);
        for (const route of node.routes) {
            const indent = node.shallow ? '  ' : '    ';
            lines.push(indent + (route.raw ?? `${route.cond === 'NEXT' ? 'NEXT' : `[${route.cond}]`} ${route.target}`));
        }
        lines.push('');
    }
    return chance(0.1) ? ['```manufactoria', ...lines, '```'] : lines;
}

// ---- test cases ---------------------------------------------------------------------------------

const tape = () => Array.from({ length: int(0, 20) }, () => pick('RBYG')).join('');
const REGEXES = ['R*', '(RB)*', 'B.*', '[RB]*Y?', '.*', 'R|B', '(R|B)+G?', 'Y+?', '.{2,}', 'B(R', '(?P<x>R)(?P=x).*', '\\w*', '(?i)rb.*'];

function testCase(input) {
    const check = chance(0.6);
    let expected = '';
    if (check) {
        const r = random();
        expected = r < 0.6 ? tape() : r < 0.8 ? input : r < 0.93 ? pick(REGEXES) : '';
    } else if (chance(0.3)) {
        expected = tape();
    }
    const test = { input };
    if (expected !== '' || chance(0.9)) test.expected_output = expected;
    if (chance(0.92)) test.expected_accepted = chance(0.5);
    if (chance(0.92)) test.check_output = check;
    else if (!check) test.check_output = false;
    if (chance(0.3)) test.description = `Input '${input}' should output '${expected}'`;
    return test;
}

// Readers such as `head` may close the pipe early; that is not an error here.
process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
});

const lines = [];
const randomDsl = () => {
    const nodes = randomProgram();
    return (chance(0.1) ? renderBroken(nodes) : render(nodes)).join('\n');
};

if (values.problems) {
    const problems = readFileSync(values.problems, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
    const group = Number(values.group);
    const repeat = Number(values.repeat);
    const fresh = new Set();
    for (let r = 0, g = 0; r < Number(values.count); g++) {
        const { test_cases } = problems[g % problems.length];
        const programs = [];
        for (let i = 0; i < group && r < Number(values.count); i++, r++) {
            let dsl;
            if (programs.length > 0 && chance(repeat)) dsl = pick(programs);
            else {
                do dsl = randomDsl(); while (fresh.has(dsl));
                fresh.add(dsl);
                programs.push(dsl);
            }
            lines.push(JSON.stringify({ dsl, test_cases, max_execution_time: 1.0 }));
        }
    }
    values.count = '0';
}

for (let r = 0; r < Number(values.count); r++) {
    const dsl = randomDsl();
    const cases = Array.from({ length: int(5, 35) }, () => testCase(tape()));
    const body = { dsl, test_cases: cases };
    if (chance(0.9)) body.max_execution_time = chance(0.9) ? 1.0 : 2.5;
    lines.push(JSON.stringify(body));
}
process.stdout.write(`${lines.join('\n')}\n`);
