// Turns a program the reference accepts into flat arrays, so a run is a tight loop over integers.
import type { Program } from '../generated/ast.js';

export const enum Slot { Start, PullerRB, PullerYG, Painter, Accept, None, Unknown }

/** Indices into `targets` rows for pullers; START and painters use only NEXT. */
export const enum Port { R, B, Y, G, Empty, Next = 0 }
const PORTS = 5;
const PORT_OF: Record<string, Port> = { R: Port.R, B: Port.B, Y: Port.Y, G: Port.G, EMPTY: Port.Empty };

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

const PAINT: Record<string, string> = { PAINTER_RED: 'R', PAINTER_BLUE: 'B', PAINTER_YELLOW: 'Y', PAINTER_GREEN: 'G' };

/** Compiles a program that passed the reference checks (every declaration valid, targets known or NONE/END). */
export function compileProgram(program: Program): CompiledProgram {
    const ids: string[] = [];
    const kinds: number[] = [];
    const paint: string[] = [];
    const sourceIndex: number[] = [];
    const slotOf = new Map<string, number>();
    const addSlot = (id: string, kind: Slot, source: number, colour = '') => {
        slotOf.set(id, ids.length);
        ids.push(id); kinds.push(kind); paint.push(colour); sourceIndex.push(source);
        return ids.length - 1;
    };

    program.nodes.forEach((node, index) => {
        const kind = node.kind!;
        // The run loop tests `NONE` before `end` before declared ids (spec §5.1): a node named NONE is unreachable.
        if (node.name === 'NONE') return;
        const slot = node.name === 'end' ? Slot.Accept
            : kind === 'START' ? Slot.Start
            : kind === 'PULLER_RB' ? Slot.PullerRB
            : kind === 'PULLER_YG' ? Slot.PullerYG
            : kind === 'END' ? Slot.Accept
            : Slot.Painter;
        addSlot(node.name!, slot, index, PAINT[kind] ?? '');
    });
    const none = addSlot('NONE', Slot.None, -1);
    const slotFor = (target: string) => slotOf.get(target) ?? addSlot(target, Slot.Unknown, -1);

    const rows: number[][] = [];
    program.nodes.forEach((node) => {
        if (node.name === 'NONE') return;
        const row = new Array<number>(PORTS).fill(none);
        const seen = new Set<Port>();
        for (const route of node.routes) {
            const port = route.condition === undefined ? Port.Next : PORT_OF[route.condition];
            if (seen.has(port)) continue; // the first route for a condition wins
            seen.add(port);
            row[port] = slotFor(route.target!.$refText);
        }
        rows.push(row);
    });
    const targets = new Int32Array(ids.length * PORTS).fill(none);
    rows.forEach((row, slot) => targets.set(row, slot * PORTS));

    return {
        ids, kinds: Uint8Array.from(kinds), paint, targets, start: slotOf.get('start')!, sourceIndex: Int32Array.from(sourceIndex),
    };
}
