// Deterministic synthetic Manufactoria rollouts (plain JSON Lines rows) for the differential test and
// the benchmark: responses made from mutations of correct solutions of the fixture problems, wrapped
// in the ways models write them (fences with and without tags, no fence, several blocks, feedback
// turns, prose padding of 1–3 KB), with mostly good labels and some bad ones.
// Usage: node scripts/bench/gen-rollouts.mjs [--count N] [--seed S] > rollouts.jsonl
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../lib/mulberry32.mjs';

const PROBLEMS = fileURLToPath(new URL('../../test/fixtures/manufactoria/hf_rows_sample.jsonl', import.meta.url));

const prng = mulberry32;

/** Correct programs for some fixture problems (by name); the others get programs of other problems. */
const SOLUTIONS = {
    'Starts with BB': 'START start:\n    NEXT a\n\nPULLER_RB a:\n    [B] b\n\nPULLER_RB b:\n    [B] end\n\nEND end',
    'Exactly RBB': 'START start:\n    NEXT a\nPULLER_RB a:\n    [R] b\nPULLER_RB b:\n    [B] c\nPULLER_RB c:\n    [B] d\nPULLER_RB d:\n    [EMPTY] end\nEND end',
    'Append RYY': 'START start:\n    NEXT p1\nPAINTER_RED p1:\n    NEXT p2\nPAINTER_YELLOW p2:\n    NEXT p3\nPAINTER_YELLOW p3:\n    NEXT end\nEND end',
    'Ends with RB': '# remember the last two symbols\nSTART start:\n    NEXT s0\nPULLER_RB s0:\n    [R] s1\n    [B] s0\nPULLER_RB s1:\n    [R] s1\n    [B] s2\nPULLER_RB s2:\n    [R] s1\n    [B] s0\n    [EMPTY] end\nEND end',
};

const WORDS = 'the tape robot puller painter route colour first last accept reject node start end loop read each symbol then we need so check'.split(' ');

export function generateRollouts(count, seed = 1) {
    const random = prng(seed);
    const chance = (p) => random() < p;
    const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
    const pick = (items) => items[Math.floor(random() * items.length)];
    const problems = readFileSync(PROBLEMS, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const programs = Object.values(SOLUTIONS);
    const prose = (bytes) => {
        const out = [];
        let n = 0;
        while (n < bytes) {
            const w = pick(WORDS);
            out.push(w);
            n += w.length + 1;
            if (chance(0.08)) out.push('\n');
        }
        return out.join(' ');
    };
    const mutate = (program) => {
        let lines = program.split('\n');
        const at = () => int(0, lines.length - 1);
        switch (int(0, 11)) {
            case 0: { const i = at(); lines[i] = lines[i].replace(/(NEXT|\]) (\w+)/, (m, a) => `${a} ${pick(['end', 'END', 'NONE', 'start', 'a', 'b', 's0', 'p1', 'zz'])}`); break; }
            case 1: { const i = at(); lines[i] = lines[i].replace(/\[([RB])\]/, (m, c) => `[${c === 'R' ? 'B' : 'R'}]`); break; }
            case 2: lines.splice(at(), 1); break;
            case 3: { const i = at(); lines[i] = lines[i].replace(':', ''); break; }
            case 4: { const i = at(); lines[i] = lines[i].replace(/PAINTER_\w+/, pick(['PAINTER_RED', 'PAINTER_BLUE', 'PAINTER_GREEN', 'PAINTER_YELLOW'])); break; }
            case 5: { const i = at(); lines[i] = lines[i].replace(/^ {4}/, pick(['  ', '\t', '     '])); break; }
            case 6: { const i = at(); lines.splice(i, 0, lines[i]); break; }
            case 7: { const i = at(); lines.splice(i, 0, pick(['# a comment', '', '    # indented comment'])); break; }
            case 8: { const i = at(); lines[i] = lines[i].replace(/(NEXT \w+)/, '$1 extra'); break; }
            case 9: lines.push('PAINTER_RED loop:\n    NEXT loop'); lines = lines.map((l) => l.replace('NEXT end', 'NEXT loop')); break;
            case 10: { const i = at(); lines[i] = lines[i].replace('[EMPTY]', pick(['[Y]', '[EMPTY]', '[B]'])); break; }
            default: break; // unchanged
        }
        return lines.join('\n');
    };
    const wrap = (program) => {
        const pad = prose(int(800, 2600));
        switch (int(0, 11)) {
            case 0: return `${pad}\n\n\`\`\`\n${program}\n\`\`\``;
            case 1: return program;
            case 2: return `${pad}\n\`\`\`python\n${program}\n\`\`\`\n`;
            case 3: return `${pad}\nFirst try:\n\`\`\`manufactoria\nSTART start:\n    NEXT end\nEND end\n\`\`\`\nBetter:\n\`\`\`manufactoria\n${program}\n\`\`\`\n`;
            case 4: return `${pad}\n\`\`\`manufactoria\n${program}\n\`\`\`\nand an unfinished \`\`\`manufactoria\nSTART`;
            case 5: return `${pad}\n\n--- Test Results ---\n❌ Input 'B': expected accept\n--- End Results ---\n\nGiven the test results, here is a fix:\n\`\`\`manufactoria\n${program}\n\`\`\``;
            case 6: return `${pad} inline \`\`\`x\`\`\` then\n\`\`\`manufactoria\r\n${program.replace(/\n/g, '\r\n')}\r\n\`\`\``;
            case 7: return `\u00a0\`\`\`manufactoria\n${program}\n\`\`\`\u3000 ${pad}`;
            case 8: return `${pad}\n\`\`\`\` \n${program}\n\`\`\`\``;
            default: return `${pad}\n\n\`\`\`manufactoria\n${program}\n\`\`\`\n`;
        }
    };
    const label = (problem) => {
        const gt = problem.ground_truth;
        if (!chance(0.06)) return chance(0.3) ? JSON.stringify(gt) : gt;
        switch (int(0, 9)) {
            case 0: return 'not json [';
            case 1: return { test_cases: gt };
            case 2: return [];
            case 3: return [{ ...gt[0], input: 5 }, ...gt.slice(1)];
            case 4: return gt.map(({ input, ...rest }, i) => (i === 1 ? rest : { input, ...rest }));
            case 5: return gt.map((t) => ({ ...t, expected_accepted: t.expected_accepted ? 'yes' : 'no' }));
            case 6: return gt.map((t) => ({ ...t, check_output: t.check_output ? 1 : 0 }));
            case 7: return gt.map((t) => ({ ...t, expected_output: t.check_output ? `${t.expected_output}+` : t.expected_output, check_output: true }));
            case 8: return gt.map((t, i) => (i === 0 ? { ...t, expected_output: 'BR(', check_output: true } : t));
            default: return gt.map((t) => ({ ...t, expected_output: null }));
        }
    };
    const rows = [];
    const group = 8;
    for (let i = 0; i < count; i++) {
        const step = Math.floor(i / (group * problems.length));
        const prompt = Math.floor(i / group) % problems.length;
        const problem = problems[prompt];
        const own = SOLUTIONS[problem.name];
        const base = own && chance(0.7) ? own : pick(programs);
        const program = chance(0.35 + Math.min(0.5, step * 0.02)) ? base : mutate(base);
        rows.push({
            id: problem.id, step, sample: i % group, prompt_idx: prompt,
            response: wrap(program), ground_truth: label(problem),
            finish_reason: chance(0.05) ? 'length' : 'stop',
        });
    }
    return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } } });
    const rows = generateRollouts(Number(values.count), Number(values.seed));
    const out = [];
    for (const r of rows) {
        out.push(JSON.stringify(r));
        if (out.length === 5000) {
            process.stdout.write(`${out.join('\n')}\n`);
            out.length = 0;
        }
    }
    if (out.length) process.stdout.write(`${out.join('\n')}\n`);
}
