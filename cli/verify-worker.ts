// Worker thread of `delta verify` (bundled to out/verify-worker.cjs): the DSL verdicts of the
// chunks the main thread sends, which it needs to answer them (see verify-pool.ts).
import { parentPort } from 'node:worker_threads';
import { compileDsl, type CompiledDsl } from '../language/verifier/respond-json.js';
import type { VerdictReply, VerdictRequest } from './verify-pool.js';

parentPort!.on('message', ({ seq, dsls }: VerdictRequest) => {
    let reply: VerdictReply;
    let transfer: ArrayBuffer[] = [];
    try {
        const packed = packForTransfer(dsls.map((dsl) => compileDsl(dsl)));
        reply = { seq, entries: packed.entries };
        transfer = [packed.arena];
    } catch (error) {
        reply = { seq, error: error instanceof Error ? error.stack ?? error.message : String(error) };
    }
    parentPort!.postMessage(reply, transfer);
});

type Typed = Uint8Array | Int32Array;

/**
 * The entries with every typed array copied into one ArrayBuffer, which is transferred: a message
 * of views on one transferred buffer costs far less to send than one buffer per array.
 */
function packForTransfer(entries: CompiledDsl[]): { entries: CompiledDsl[]; arena: ArrayBuffer } {
    const arrays: Typed[] = [];
    for (const entry of entries) {
        if ('program' in entry) arrays.push(entry.program.kinds, entry.program.targets, entry.program.sourceIndex, entry.ids, entry.idStart);
    }
    // Int32 views need 4-byte alignment.
    const size = arrays.reduce((sum, a) => sum + ((a.byteLength + 3) & ~3), 0);
    const arena = new ArrayBuffer(size);
    let offset = 0;
    const place = <T extends Typed>(array: T): T => {
        const view = new (array.constructor as new (buffer: ArrayBuffer, offset: number, length: number) => T)(arena, offset, array.length);
        view.set(array as never);
        offset += (array.byteLength + 3) & ~3;
        return view;
    };
    return {
        arena,
        entries: entries.map((entry) => ('program' in entry
            ? {
                ...entry,
                program: { ...entry.program, kinds: place(entry.program.kinds), targets: place(entry.program.targets), sourceIndex: place(entry.program.sourceIndex) },
                ids: place(entry.ids), idStart: place(entry.idStart),
            }
            : entry)),
    };
}
