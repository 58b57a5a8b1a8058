// Turns a program the reference accepts into flat arrays, so a run is a tight loop over integers.
import type { Program } from '../generated/ast.js';
import { isPainter, PAINTER_COLOUR } from '../model/vocabulary.js';

export const enum Slot { Start, PullerRB, PullerYG, Painter, Accept, None, Unknown }

/** Indices into `targets` rows for pullers; START and painters use only NEXT. */
export const enum Port { R, B, Y, G, Empty, Next = 0 }
export const PORTS = 5;
export const PORT_OF: Readonly<Record<string, Port>> = { R: Port.R, B: Port.B, Y: Port.Y, G: Port.G, EMPTY: Port.Empty };

export interface CompiledProgram {
    /** Slot ids, reported in `path`: declared nodes first, then `NONE`, then unknown targets. */
    readonly ids: readonly string[];
    readonly kinds: Uint8Array;
    /** The colour a painter appends. */
    readonly paint: readonly string[];
    /** `targets[slot * 5 + port]`: the next slot. */
    readonly targets: Int32Array;
    readonly start: number;
    /** Source node index per slot (-1 for synthetic slots), for editor features. */
    readonly sourceIndex: Int32Array;
}

/**
 * Compiles a program that passed the reference checks (every declaration valid, targets known or
 * NONE/END). Plain loops and one pass per table: the verifier compiles every program it answers.
 */
export function compileProgram(program: Program): CompiledProgram {
    const nodes = program.nodes;
    const ids: string[] = [];
    const kinds: number[] = [];
    const paint: string[] = [];
    const sourceIndex: number[] = [];
    const slotOf = new Map<string, number>();
    const addSlot = (id: string, kind: Slot, source: number, colour: string) => {
        slotOf.set(id, ids.length);
        ids.push(id); kinds.push(kind); paint.push(colour); sourceIndex.push(source);
        return ids.length - 1;
    };

    for (let index = 0; index < nodes.length; index++) {
        const node = nodes[index];
        // The run loop tests `NONE` before `end` before declared ids (docs/manufactoria.md §5): a node named NONE is unreachable.
        if (node.name === 'NONE') continue;
        const kind = node.kind!;
        const slot = node.name === 'end' ? Slot.Accept
            : kind === 'START' ? Slot.Start
            : kind === 'PULLER_RB' ? Slot.PullerRB
            : kind === 'PULLER_YG' ? Slot.PullerYG
            : kind === 'END' ? Slot.Accept
            : Slot.Painter;
        addSlot(node.name!, slot, index, isPainter(kind) ? PAINTER_COLOUR[kind] : '');
    }
    const declared = ids.length;
    const none = addSlot('NONE', Slot.None, -1, '');

    // Unknown targets add slots as they are met: room for one per route, trimmed at the end.
    let routes = 0;
    for (const node of nodes) routes += node.routes.length;
    const table = new Int32Array((declared + 1 + routes) * PORTS).fill(none);
    for (let index = 0, slot = 0; index < nodes.length; index++) {
        const node = nodes[index];
        if (node.name === 'NONE') continue;
        const row = slot++ * PORTS;
        let seen = 0; // one bit per port: the first route for a condition wins
        for (const route of node.routes) {
            const port = route.condition === undefined ? Port.Next : PORT_OF[route.condition];
            if (seen & (1 << port)) continue;
            seen |= 1 << port;
            const target = route.target!.$refText;
            table[row + port] = slotOf.get(target) ?? addSlot(target, Slot.Unknown, -1, '');
        }
    }
    const targets = table.subarray(0, ids.length * PORTS);

    return {
        ids, kinds: new Uint8Array(kinds), paint, targets, start: slotOf.get('start')!, sourceIndex: new Int32Array(sourceIndex),
    };
}
