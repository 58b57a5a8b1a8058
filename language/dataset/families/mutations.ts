// Tape mutations applied before prepending (§10.3 prepend_sequence) and their tiers.
import { pyReplace } from '../../python/string-methods.js';
import { product } from './sequences.js';

export interface Mutation {
    key: string;
    /** Text used in names and criteria; null for the no-ops, which use the plain "Prepend p" form. */
    text: string | null;
    apply(tape: string): string;
}

export type MutationTier = 'none' | 'default' | 'pattern';

const keep: Mutation = { key: 'keep_unchanged', text: null, apply: (t) => t };

function change(from: 'B' | 'R', to: string): Mutation {
    // B→B and R→R change nothing, so they read as plain prepends.
    return { key: `change_${from}_to_${to}`, text: from === to ? null : `Change ${from} to ${to}`, apply: (t) => pyReplace(t, from, to) };
}

function remove(color: 'B' | 'R'): Mutation {
    return { key: `remove_${color}`, text: `Remove ${color}`, apply: (t) => pyReplace(t, color, '') };
}

/** Both letters at once, so an R that became B is not turned back. */
const swap: Mutation = {
    key: 'swap_RB',
    text: 'Swap color R&B',
    apply: (t) => [...t].map((c) => (c === 'R' ? 'B' : c === 'B' ? 'R' : c)).join(''),
};

function replacePattern(from: string, to: string): Mutation {
    return {
        key: `replace_${from}_to_${to || 'empty'}`,
        text: to === '' ? `Remove patterns ${from}` : `Replace patterns ${from} with ${to}`,
        apply: (t) => pyReplace(t, from, to),
    };
}

/** Single letters appear twice in the target list, so the default tier has duplicates (19 entries). */
const CHANGE_TARGETS = ['R', 'B', 'R', 'B', 'RR', 'RB', 'BR', 'BB'];

export function mutationsFor(tier: MutationTier): Mutation[] {
    if (tier === 'none') return [keep];
    if (tier === 'default') {
        return [remove('B'), remove('R'), swap, ...CHANGE_TARGETS.flatMap((x) => [change('B', x), change('R', x)])];
    }
    // Every 2-symbol source to "", a 1-symbol or a different 2-symbol target: 4 × 6 = 24.
    const sources = [...product(['R', 'B'], 2)];
    const targets = ['', ...product(['R', 'B'], 1), ...sources];
    return sources.flatMap((from) => targets.filter((to) => to !== from).map((to) => replacePattern(from, to)));
}
