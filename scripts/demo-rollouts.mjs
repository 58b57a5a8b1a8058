#!/usr/bin/env node
// Makes the SYNTHETIC demo training run in demo/rollouts/: no model produced these responses.
// Over the demo problems, each step samples a GRPO group per problem; a sample is either a
// reference solution or a mutation of one (a changed route, colour, painter, a dropped line, an
// undefined target, a cut-off response…). Per problem the chance of an unmutated solution stays
// near zero until its "jump" step and then rises: the plateau-then-jump picture of grokking.
// Problems without a reference solution below never jump. The same run is written twice, in two
// real dump formats: verl (`<step>.jsonl`) and W&B table exports (`sample_completions_<step>_*.table.json`).
// Deterministic (seeded): `node scripts/demo-rollouts.mjs [OUT_DIR]` rewrites the same bytes.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOUNCINGSIM_DIR, writeBouncingSimRun } from './lib/demo-bouncingsim.mjs';
import { mulberry32 } from './lib/mulberry32.mjs';

const OUT = process.argv[2] ?? 'demo/rollouts';
const PROBLEMS = 'demo/problems/sample-problems.jsonl';
const STEPS = 12;
const GROUP = 8;
const WANDB_SAMPLES = 2;
const RUN = 'synthetic-grpo-demo';
const SYNTHETIC_NOTE = 'SYNTHETIC demo data made by scripts/demo-rollouts.mjs; no model wrote these responses.';

/**
 * The shape both "prepend" solutions share: mark the tape's end yellow, paint the prefix, then
 * rotate the tape once, copying each symbol (a red one through the `copyR` painters) until the
 * mark comes round again. `prefix` and `copyR` are node headers (`PAINTER_BLUE paintB`).
 */
function prependProgram(prefix, copyR) {
    const id = (header) => header.split(' ')[1];
    const chain = (headers, last) => headers.map((h, i) => `${h}:\n    NEXT ${i + 1 < headers.length ? id(headers[i + 1]) : last}\n\n`).join('');
    return `START start:
    NEXT mark

PAINTER_YELLOW mark:
    NEXT ${id(prefix[0])}

${chain(prefix, 'rotate')}PULLER_RB rotate:
    [R] ${id(copyR[0])}
    [B] copyB
    [EMPTY] unmark

${chain(copyR, 'rotate')}PAINTER_BLUE copyB:
    NEXT rotate

PULLER_YG unmark:
    [Y] end
    [G] NONE
    [EMPTY] NONE

END end`;
}

// Reference solutions by problem name, and the step at which each problem "groks".
const SOLUTIONS = {
    'Starts with BB': { jump: 1, program: `START start:
    NEXT first

PULLER_RB first:
    [B] second
    [R] NONE
    [EMPTY] NONE

PULLER_RB second:
    [B] end
    [R] NONE
    [EMPTY] NONE

END end` },
    'Exactly RBB': { jump: 2, program: `START start:
    NEXT a

PULLER_RB a:
    [R] b
    [B] NONE
    [EMPTY] NONE

PULLER_RB b:
    [B] c
    [R] NONE
    [EMPTY] NONE

PULLER_RB c:
    [B] d
    [R] NONE
    [EMPTY] NONE

PULLER_RB d:
    [R] NONE
    [B] NONE
    [EMPTY] end

END end` },
    'Append RYY': { jump: 0, program: `START start:
    NEXT red

PAINTER_RED red:
    NEXT yellow1

PAINTER_YELLOW yellow1:
    NEXT yellow2

PAINTER_YELLOW yellow2:
    NEXT end

END end` },
    'Ends with RB': { jump: 5, program: `START start:
    NEXT none

PULLER_RB none:
    [R] sawR
    [B] none
    [EMPTY] NONE

PULLER_RB sawR:
    [R] sawR
    [B] sawRB
    [EMPTY] NONE

PULLER_RB sawRB:
    [R] sawR
    [B] none
    [EMPTY] end

END end` },
    "Contains 'BBR'": { jump: 7, program: `START start:
    NEXT q0

PULLER_RB q0:
    [R] q0
    [B] q1
    [EMPTY] other

PULLER_RB q1:
    [R] q0
    [B] q2
    [EMPTY] other

PULLER_RB q2:
    [R] end
    [B] q2
    [EMPTY] other

PULLER_YG other:
    [Y] q0
    [G] q0
    [EMPTY] NONE

END end` },
    'Prepend BR': { jump: 4, program: prependProgram(['PAINTER_BLUE paintB', 'PAINTER_RED paintR'], ['PAINTER_RED copyR']) },
    'Prepend B after Change R to BB': { jump: 9, program: prependProgram(['PAINTER_BLUE paintB'], ['PAINTER_BLUE copyR1', 'PAINTER_BLUE copyR2']) },
};

// A first guess for problems the synthetic model never learns: accept after reading one symbol.
const FALLBACK = `START start:
    NEXT read

PULLER_RB read:
    [R] end
    [B] read
    [EMPTY] NONE

END end`;

const rng = mulberry32;
const random = rng(20250921);
const pick = (xs) => xs[Math.floor(random() * xs.length)];

const routeLines = (lines) => lines.map((l, i) => (/^\s+(\[|NEXT)/.test(l) ? i : -1)).filter((i) => i >= 0);
const nodeIds = (lines) => lines.map((l) => /^\w+\s+(\w+):/.exec(l)?.[1]).filter(Boolean);

// Each mutation returns a changed program, or null when it does not apply to this one.
const MUTATIONS = [
    function retarget(lines) {
        const routes = routeLines(lines);
        if (!routes.length) return null;
        const i = pick(routes);
        const target = pick([...nodeIds(lines), 'NONE', 'end']);
        lines[i] = lines[i].replace(/(\S+)\s*$/, target);
        return lines;
    },
    function swapCondition(lines) {
        const routes = routeLines(lines).filter((i) => /\[[RBYG]\]/.test(lines[i]));
        if (!routes.length) return null;
        const i = pick(routes);
        lines[i] = lines[i].replace(/\[([RBYG])\]/, (_, c) => `[${{ R: 'B', B: 'R', Y: 'G', G: 'Y' }[c]}]`);
        return lines;
    },
    function repaint(lines) {
        const painters = lines.map((l, i) => (/^PAINTER_/.test(l) ? i : -1)).filter((i) => i >= 0);
        if (!painters.length) return null;
        const i = pick(painters);
        lines[i] = lines[i].replace(/PAINTER_\w+/, pick(['PAINTER_RED', 'PAINTER_BLUE', 'PAINTER_YELLOW', 'PAINTER_GREEN']));
        return lines;
    },
    function dropRoute(lines) {
        const routes = routeLines(lines);
        if (!routes.length) return null;
        lines.splice(pick(routes), 1);
        return lines;
    },
    function typoTarget(lines) {
        const routes = routeLines(lines).filter((i) => /\s(\w+)\s*$/.test(lines[i]) && !/NONE\s*$/.test(lines[i]));
        if (!routes.length) return null;
        const i = pick(routes);
        lines[i] = lines[i].replace(/(\w+)\s*$/, (id) => `${id.slice(0, -1)}${id.endsWith('e') ? 'a' : 'e'}`);
        return lines;
    },
    function endKeyword(lines) {
        const routes = routeLines(lines).filter((i) => /\send\s*$/.test(lines[i]));
        if (!routes.length) return null;
        lines[pick(routes)] = lines[routes[0]].replace(/end\s*$/, 'END');
        return lines;
    },
    function selfLoop(lines) {
        const painters = lines.map((l, i) => (/^PAINTER_/.test(l) ? i : -1)).filter((i) => i >= 0);
        if (!painters.length) return null;
        const i = pick(painters);
        const id = /^\w+\s+(\w+):/.exec(lines[i])[1];
        lines[i + 1] = `    NEXT ${id}`;
        return lines;
    },
];

function mutate(program, count) {
    let lines = program.split('\n');
    for (let applied = 0, tries = 0; applied < count && tries < 20; tries++) {
        const next = pick(MUTATIONS)([...lines]);
        if (next) { lines = next; applied++; }
    }
    return lines.join('\n');
}

const THOUGHTS = [
    'I need to route the tape through pullers and accept at the end node.',
    'Let me track the state with one puller per state of the automaton.',
    'Painters append to the end of the tape, so I rotate the input behind a marker.',
    'I will read the tape symbol by symbol and reject early when it cannot match.',
];

/** A response around a program: reasoning, sometimes a first draft, then the final fenced block. */
function respond(program, { draft, truncate }) {
    const parts = [`<think>\n${pick(THOUGHTS)}\n</think>\n`];
    if (draft) parts.push(`A first attempt:\n\n\`\`\`manufactoria\n${draft}\n\`\`\`\n\nThat misses a case; here is the corrected version.\n`);
    parts.push(`\`\`\`manufactoria\n${program}\n\`\`\`\n`);
    const text = parts.join('\n');
    return truncate ? text.slice(0, Math.floor(text.length * (0.4 + 0.4 * random()))) : text;
}

/** Probability that a sample is the unmutated solution: a plateau, then a jump and a climb. */
function solveChance(jump, step) {
    if (jump === undefined || step < jump) return 0.015;
    return Math.min(0.95, 0.45 + 0.15 * (step - jump));
}

const problems = readFileSync(PROBLEMS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const promptFor = (p) => `Write a Manufactoria program.\n\n${p.criteria}\n\nAnswer with the program in a \`\`\`manufactoria block.`;

const steps = [];
for (let step = 0; step < STEPS; step++) {
    const rows = [];
    problems.forEach((problem, promptIndex) => {
        const reference = SOLUTIONS[problem.name];
        const base = reference?.program ?? FALLBACK;
        for (let sample = 0; sample < GROUP; sample++) {
            const solved = random() < solveChance(reference?.jump, step);
            // Early on, mutations are heavier; later ones are single-edit near misses.
            const program = solved ? base : mutate(base, step < (reference?.jump ?? STEPS) ? 1 + Math.floor(random() * 3) : 1);
            const truncate = !solved && random() < 0.05;
            const draft = random() < 0.15 ? mutate(base, 1) : undefined;
            rows.push({
                step, sample, promptIndex, problem,
                prompt: promptFor(problem),
                response: respond(program, { draft, truncate }),
                finishReason: truncate ? 'length' : 'stop',
            });
        }
    });
    steps.push(rows);
}

rmSync(OUT, { recursive: true, force: true });
const verlDir = join(OUT, 'synthetic-verl');
const wandbDir = join(OUT, 'synthetic-wandb');
mkdirSync(verlDir, { recursive: true });
mkdirSync(wandbDir, { recursive: true });

// verl's rollout dump: one JSON line per sample, `<step>.jsonl`, with input, output, gts, step (and score).
// No trainer computed a reward for these synthetic samples, so the dump has no `score`: the demo
// shows re-scored rewards only.
for (const rows of steps) {
    const lines = rows.map((r) => JSON.stringify({
        input: r.prompt,
        output: r.response,
        gts: r.problem.test_cases,
        step: r.step,
        id: r.problem.id,
        data_source: 'manufactoria',
        synthetic: true,
    }));
    writeFileSync(join(verlDir, `${rows[0].step}.jsonl`), `${lines.join('\n')}\n`);
}

// W&B table exports (`sample_completions`): `columns` and `data`, one table per step. Like a real
// run's sample table it logs only a few samples per prompt (the first WANDB_SAMPLES of each group).
for (const rows of steps) {
    const table = {
        columns: ['prompt', 'response', 'ground_truth', 'dataset', 'id', 'finish_reason'],
        data: rows.filter((r) => r.sample < WANDB_SAMPLES).map((r) => [r.prompt, r.response, JSON.stringify(r.problem.test_cases), 'manufactoria', r.problem.id, r.finishReason]),
    };
    writeFileSync(join(wandbDir, `sample_completions_${rows[0].step}_synthetic.table.json`), `${JSON.stringify(table)}\n`);
}

// A small BouncingSim run beside it (its own seeded generator, so the Manufactoria bytes above stay the same).
const bs = writeBouncingSimRun(OUT);

writeFileSync(join(OUT, 'README.md'), `# Demo rollouts (SYNTHETIC)

${SYNTHETIC_NOTE}

One synthetic GRPO run (\`${RUN}\`): ${STEPS} steps × ${problems.length} problems of
\`../problems/sample-problems.jsonl\` × groups of ${GROUP} samples = ${STEPS * problems.length * GROUP} rollouts,
written twice, in two real dump formats:

- \`synthetic-verl/<step>.jsonl\`: verl's rollout dump (\`input\`, \`output\`, \`gts\`, \`step\`; plus \`id\`,
  \`data_source\` and \`synthetic\`), every sample.
- \`synthetic-wandb/sample_completions_<step>_synthetic.table.json\`: W&B table exports (\`columns\`,
  \`data\`), the first ${WANDB_SAMPLES} samples of each group, as a trainer's sample table logs only a few.

Samples are reference solutions or mutations of them; each problem's chance of an unmutated solution
stays near zero until a "jump" step and then rises (plateau, then jump). Problems without a reference
solution in the script never get solved. Regenerate with \`node scripts/demo-rollouts.mjs\`.

A separate, smaller SYNTHETIC BouncingSim run in verl's format, \`${BOUNCINGSIM_DIR}/<step>.jsonl\`:
${bs.steps} steps × ${bs.problems} problems (A, B and C at basic difficulty, made by \`delta bouncingsim generate\`, seeded)
× groups of ${bs.group} answers = ${bs.count} Python answers (\`data_source\` \`ballsim\`, \`gts\` the row's asserts). Each
answer is one of a few kinds built from the row's own asserts (\`synthetic_kind\`): the exact positions, the truth
drifting away with time (a near miss), straight-line motion that ignores the walls, a ball that never moves, one
that raises, one the safety filter refuses. The chance of the exact answer rises with the step.
Scoring them runs model-written Python: in the editor only in a trusted workspace, in the sandbox.

Try: \`delta rollouts report demo/rollouts/synthetic-verl -o report.html\`, or *DELTA: Open Rollouts…* on this folder
(click a BouncingSim answer in its table to replay it with the model's predicted track).
`);
process.stderr.write(`wrote ${STEPS * problems.length * GROUP} synthetic rollouts × 2 formats and ${bs.count} BouncingSim answers to ${OUT}\n`);
