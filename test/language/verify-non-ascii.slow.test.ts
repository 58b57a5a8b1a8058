// `delta verify` against the lean Python verifier (scripts/bench/lean_verifier.py, run by python3 3.11)
// on generated programs whose ids, separators and comments are not ASCII: letters and numbers that
// Python 3.11 (Unicode 14.0) knows, letters that only later Unicode versions have (U+1C89: Node's
// `\p{L}` accepts it, Python's `\w` does not), marks, and Unicode whitespace. Every answer must be
// byte-identical. Slow kind: one python3 and one node subprocess.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../language/dataset/families/prng.js';

const REQUESTS = 400;

/** Word characters in Python 3.11: letters (Lu, Ll, Lt, Lm, Lo, some new in 14.0), Nd, Nl, No, `_`. */
const WORD_14 = [
    'a', 'Z', '_', '7', 'é', 'Ж', 'ß', 'ǅ', 'ʰ', '中', '٣', '²', '½', 'Ⅻ', '〇', 'Ა', 'ꟊ', 'ࡰ',
    '\u{1D7D8}', '\u{10400}', '\u{20000}', '\u{1E290}', '\u{10570}', '\u{2B738}',
];
/** Letters and numbers Unicode added after 14.0: not `\w` in Python 3.11. */
const POST_14 = ['\u1C89', '\u1C8A', '\u0C5D', '\uA7CB', '\u{11F04}', '\u{1E4D0}', '\u{31350}', '\u{2EBF0}', '\u{1E5D0}', '\u{105C0}'];
/** Neither: combining marks, format characters, symbols. */
const NOT_WORD = ['\u0301', '\u0903', '\u200B', '\uFEFF', '\u180E', '€', '·', '-'];
/** Python's whitespace beyond ASCII (str.strip removes them, `\s` matches them). */
const SPACE_14 = ['\u00A0', '\u3000', '\u2003', '\u1680', '\u0085', '\u001C', '\u202F', '\u205F'];

const KINDS = ['PULLER_RB', 'PULLER_YG', 'PAINTER_RED', 'PAINTER_BLUE', 'PAINTER_YELLOW', 'PAINTER_GREEN'];

function request(rng: Rng): object {
    const chance = (p: number): boolean => rng.nextUint32() / 2 ** 32 < p;
    const id = (): string => {
        let text = Array.from({ length: rng.int(1, 4) }, () => rng.pick(WORD_14)).join('');
        // One id in a few carries a character Python does not count as a word character.
        if (chance(0.15)) {
            const bad = rng.pick(chance(0.7) ? POST_14 : NOT_WORD);
            const at = rng.int(0, Array.from(text).length);
            const chars = Array.from(text);
            chars.splice(at, 0, bad);
            text = chars.join('');
        }
        return text;
    };
    const space = (): string => (chance(0.2) ? rng.pick(SPACE_14) : ' ');
    const ids = Array.from(new Set(Array.from({ length: rng.int(1, 6) }, id)));
    const target = (): string => (chance(0.1) ? 'end' : chance(0.05) ? 'NONE' : rng.pick(ids));
    const lines = [`START start:${chance(0.1) ? `${space()}# début` : ''}`, `    NEXT${space()}${rng.pick(ids)}${chance(0.1) ? space() : ''}`];
    for (const node of ids) {
        const kind = rng.pick(KINDS);
        if (chance(0.7)) lines.push('');
        lines.push(`${kind}${space()}${node}:${chance(0.1) ? space() : ''}`);
        const indent = chance(0.1) ? '\t' : '    ';
        if (kind.startsWith('PAINTER')) {
            lines.push(`${indent}NEXT${space()}${target()}`);
        } else {
            const colours = kind === 'PULLER_RB' ? ['R', 'B'] : ['Y', 'G'];
            for (const cond of [...colours, 'EMPTY']) if (chance(0.8)) lines.push(`${indent}[${cond}]${space()}${target()}${chance(0.05) ? ' # → 下' : ''}`);
        }
    }
    lines.push('', `END${space()}end`);
    const dsl = (chance(0.1) ? rng.pick(SPACE_14) : '') + lines.join('\n') + (chance(0.1) ? rng.pick(SPACE_14) : '');
    const tapes = Array.from({ length: rng.int(1, 4) }, () => Array.from({ length: rng.int(0, 6) }, () => rng.pick(['R', 'B', 'Y', 'G'])).join(''));
    return { dsl, test_cases: tapes.map((input) => ({ input, expected_output: input, expected_accepted: true, check_output: chance(0.5) })) };
}

function run(command: string, args: string[], input: string): string {
    const result = spawnSync(command, args, { input, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (result.error || result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr}`);
    return result.stdout;
}

describe('delta verify and the lean Python verifier on programs with non-ASCII ids', () => {
    const rng = new Rng('verify non-ascii ids', 1);
    const requests = Array.from({ length: REQUESTS }, () => request(rng));
    const input = requests.map((r) => JSON.stringify(r)).join('\n') + '\n';
    const python = run('python3', ['scripts/bench/lean_verifier.py'], input).split('\n');
    const delta = run(process.execPath, ['out/cli.cjs', 'verify', '-'], input).split('\n');

    it('covers accepted programs, ids Python rejects, and post-14.0 letters', () => {
        expect(python).toHaveLength(REQUESTS + 1);
        const bodies = python.slice(0, -1).map((line) => JSON.parse(line) as { valid: boolean; message?: string });
        expect(bodies.filter((b) => b.valid).length).toBeGreaterThan(REQUESTS / 4);
        expect(bodies.filter((b) => b.message?.includes('route format')).length).toBeGreaterThan(20);
        expect(bodies.filter((b) => b.message?.includes('Invalid node declaration')).length).toBeGreaterThan(20);
        expect(requests.filter((r) => /\u1C89|\u1C8A/u.test(JSON.stringify(r))).length).toBeGreaterThan(10);
    });

    it('answers every request byte for byte like the Python verifier', () => {
        const short = (line: string | undefined): string | undefined => (line && line.length > 300 ? `${line.slice(0, 300)}…` : line);
        const mismatches = requests.flatMap((r, i) => (delta[i] === python[i] ? [] : [{ request: r, delta: short(delta[i]), python: short(python[i]) }]));
        expect(mismatches.slice(0, 3)).toEqual([]);
        expect(delta.length).toBe(python.length);
    });
});
