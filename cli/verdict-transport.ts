// How a verify worker sends a chunk's verdicts to the main thread: one Int32Array (transferred)
// and one string, instead of an object graph per program. Cloning objects property by property cost
// the worker, which is the busier thread, more than these few loops (cli/verify-pool.ts).
import { PORTS, type CompiledProgram } from '../language/manufactoria/interpreter/compile.js';
import { addCompiled, takeCompiled, type CompiledDsl } from '../language/verifier/verdict-cache.js';

export interface PackedVerdicts {
    /** Per entry: a tag, then for a program its slot count, start slot and per-slot tables; else a text length. */
    ints: Int32Array;
    /** The ids and messages, back to back. */
    text: string;
}

const enum Tag { Program, Invalid, Failure }

export function packVerdicts(entries: readonly CompiledDsl[]): PackedVerdicts {
    let size = 0;
    for (const entry of entries) size += 'program' in entry ? 3 + entry.program.ids.length * (4 + PORTS) : 2;
    const ints = new Int32Array(size);
    const texts: string[] = [];
    let at = 0;
    for (const entry of entries) {
        if (!('program' in entry)) {
            const message = 'invalid' in entry ? entry.invalid : entry.failure;
            ints[at++] = 'invalid' in entry ? Tag.Invalid : Tag.Failure;
            ints[at++] = message.length;
            texts.push(message);
            continue;
        }
        const { ids, kinds, paint, targets, start, sourceIndex } = entry.program;
        const slots = ids.length;
        ints[at++] = Tag.Program;
        ints[at++] = slots;
        ints[at++] = start;
        for (let s = 0; s < slots; s++) {
            ints[at++] = kinds[s];
            ints[at++] = paint[s] === '' ? 0 : paint[s].charCodeAt(0);
            ints[at++] = sourceIndex[s];
            ints[at++] = ids[s].length;
            texts.push(ids[s]);
        }
        ints.set(targets, at);
        at += targets.length;
    }
    return { ints, text: texts.join('') };
}

export function unpackVerdicts({ ints, text }: PackedVerdicts): CompiledDsl[] {
    const entries: CompiledDsl[] = [];
    let at = 0;
    let cursor = 0;
    const take = (length: number) => text.slice(cursor, cursor += length);
    while (at < ints.length) {
        const tag = ints[at++] as Tag;
        if (tag !== Tag.Program) {
            const message = take(ints[at++]);
            entries.push(tag === Tag.Invalid ? { invalid: message } : { failure: message });
            continue;
        }
        const slots = ints[at++];
        const start = ints[at++];
        const ids: string[] = [];
        const paint: string[] = [];
        const kinds = new Uint8Array(slots);
        const sourceIndex = new Int32Array(slots);
        for (let s = 0; s < slots; s++) {
            kinds[s] = ints[at++];
            const colour = ints[at++];
            paint.push(colour === 0 ? '' : String.fromCharCode(colour));
            sourceIndex[s] = ints[at++];
            ids.push(take(ints[at++]));
        }
        const targets = ints.slice(at, at += slots * PORTS);
        const program: CompiledProgram = { ids, kinds, paint, targets, start, sourceIndex };
        entries.push({ program });
    }
    return entries;
}

/** Compiled DSL texts handed between `delta rollouts`' threads (verdict-cache.ts shareCompiled). */
export interface SharedCompiled {
    dsls: string[];
    verdicts: PackedVerdicts;
}

/** What this thread compiled since it last shared, packed (undefined when nothing). */
export function takeShared(): SharedCompiled | undefined {
    const taken = takeCompiled();
    if (taken.length === 0) return undefined;
    return { dsls: taken.map(([dsl]) => dsl), verdicts: packVerdicts(taken.map(([, entry]) => entry)) };
}

export function addShared(shared: SharedCompiled | undefined): void {
    if (!shared) return;
    const entries = unpackVerdicts(shared.verdicts);
    for (let i = 0; i < entries.length; i++) addCompiled(shared.dsls[i], entries[i]);
}
