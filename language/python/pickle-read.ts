// A restricted reader of Python pickles: only the opcodes that `pickle.dumps` uses for a list of
// str (plus None, bools, ints and floats as list items), for every protocol 0-5. It builds values
// and never looks up or calls anything: an opcode that would (GLOBAL, REDUCE, BUILD, …) is refused.

import { pyUtf8Strict } from './utf8.js';

/** The pickle is well formed but uses an opcode this reader does not support. */
export class PickleUnsupported extends Error {}
/** The data is not a valid pickle (Python's pickle.loads would raise too). */
export class PickleInvalid extends Error {}

type Item = string | number | bigint | boolean | null | Item[];
const MARK = Symbol('mark');

/** Opcodes Python knows but this reader refuses, by byte, for the error message. */
const REFUSED: Record<number, string> = {
    0x63: 'GLOBAL', 0x93: 'STACK_GLOBAL', 0x52: 'REDUCE', 0x62: 'BUILD', 0x69: 'INST', 0x6f: 'OBJ', 0x81: 'NEWOBJ', 0x92: 'NEWOBJ_EX',
    0x7d: 'EMPTY_DICT', 0x64: 'DICT', 0x73: 'SETITEM', 0x75: 'SETITEMS', 0x8f: 'EMPTY_SET', 0x90: 'ADDITEMS', 0x91: 'FROZENSET',
    0x29: 'EMPTY_TUPLE', 0x74: 'TUPLE', 0x85: 'TUPLE1', 0x86: 'TUPLE2', 0x87: 'TUPLE3', 0x42: 'BINBYTES', 0x43: 'SHORT_BINBYTES',
    0x8e: 'BINBYTES8', 0x96: 'BYTEARRAY8', 0x97: 'NEXT_BUFFER', 0x98: 'READONLY_BUFFER', 0x50: 'PERSID', 0x51: 'BINPERSID',
    0x82: 'EXT1', 0x83: 'EXT2', 0x84: 'EXT4', 0x53: 'STRING', 0x54: 'BINSTRING', 0x55: 'SHORT_BINSTRING', 0x8a: 'LONG1', 0x8b: 'LONG4',
    0x4c: 'LONG', 0x46: 'FLOAT', 0x49: 'INT', 0x30: 'POP', 0x31: 'POP_MARK', 0x32: 'DUP',
};


/** pickle.loads for the supported subset; PickleInvalid where Python raises, PickleUnsupported where it would go further. */
export function readPickle(data: Uint8Array): Item {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const stack: Array<Item | typeof MARK> = [];
    const memo = new Map<number, Item>();
    let at = 0;
    const need = (n: number) => {
        if (at + n > data.length) throw new PickleInvalid('pickle data was truncated');
        const start = at;
        at += n;
        return start;
    };
    const line = () => {
        const end = data.indexOf(0x0a, at);
        if (end < 0) throw new PickleInvalid('pickle data was truncated');
        const text = Buffer.from(data.subarray(at, end)).toString('latin1');
        at = end + 1;
        return text;
    };
    const text = (start: number, length: number) => {
        try {
            return pyUtf8Strict.decode(data.subarray(start, start + length));
        } catch {
            // Python decodes with 'surrogatepass'; such lone surrogates cannot reach a valid answer anyway.
            throw new PickleUnsupported('a string with encoded surrogates');
        }
    };
    const top = () => {
        const value = stack[stack.length - 1];
        if (value === undefined || value === MARK) throw new PickleInvalid('unpickling stack underflow');
        return value;
    };
    const popMark = () => {
        const index = stack.lastIndexOf(MARK);
        if (index < 0) throw new PickleInvalid('could not find MARK');
        const items = stack.splice(index) as Item[];
        items.shift();
        return items;
    };
    const list = () => {
        const target = top();
        if (!Array.isArray(target)) throw new PickleUnsupported('APPEND to something other than a list');
        return target;
    };
    for (;;) {
        const op = data[need(1)];
        switch (op) {
            case 0x80: need(1); break; // PROTO
            case 0x95: need(8); break; // FRAME
            case 0x2e: { // STOP
                if (stack.length !== 1) throw new PickleInvalid('unpickling stack underflow');
                return top();
            }
            case 0x5d: stack.push([]); break; // EMPTY_LIST
            case 0x28: stack.push(MARK); break; // MARK
            case 0x6c: stack.push(popMark()); break; // LIST
            case 0x61: { const item = stack.pop(); if (item === undefined || item === MARK) throw new PickleInvalid('stack underflow'); list().push(item); break; } // APPEND
            case 0x65: { const items = popMark(); list().push(...items); break; } // APPENDS
            case 0x58: { const n = view.getUint32(need(4), true); stack.push(text(need(n), n)); break; } // BINUNICODE
            case 0x8c: { const n = data[need(1)]; stack.push(text(need(n), n)); break; } // SHORT_BINUNICODE
            case 0x8d: { const n = Number(view.getBigUint64(need(8), true)); stack.push(text(need(n), n)); break; } // BINUNICODE8
            case 0x56: stack.push(rawUnicodeEscape(line())); break; // UNICODE (protocol 0)
            case 0x4e: stack.push(null); break; // NONE
            case 0x88: stack.push(true); break; // NEWTRUE
            case 0x89: stack.push(false); break; // NEWFALSE
            case 0x4a: stack.push(view.getInt32(need(4), true)); break; // BININT
            case 0x4b: stack.push(data[need(1)]); break; // BININT1
            case 0x4d: stack.push(view.getUint16(need(2), true)); break; // BININT2
            case 0x47: stack.push(view.getFloat64(need(8), false)); break; // BINFLOAT
            case 0x94: memo.set(memo.size, top()); break; // MEMOIZE
            case 0x71: memo.set(data[need(1)], top()); break; // BINPUT
            case 0x72: memo.set(view.getUint32(need(4), true), top()); break; // LONG_BINPUT
            case 0x70: memo.set(Number(line()), top()); break; // PUT
            case 0x68: stack.push(fromMemo(memo, data[need(1)])); break; // BINGET
            case 0x6a: stack.push(fromMemo(memo, view.getUint32(need(4), true))); break; // LONG_BINGET
            case 0x67: stack.push(fromMemo(memo, Number(line()))); break; // GET
            default:
                if (REFUSED[op]) throw new PickleUnsupported(`opcode ${REFUSED[op]}`);
                throw new PickleInvalid(`invalid load key, '\\x${op.toString(16).padStart(2, '0')}'`);
        }
    }
}

function fromMemo(memo: Map<number, Item>, key: number): Item {
    if (!memo.has(key)) throw new PickleInvalid(`Memo value not found at index ${key}`);
    return memo.get(key)!;
}

/** The raw-unicode-escape codec of protocol 0's UNICODE lines: \uXXXX and \UXXXXXXXX, other bytes as latin-1. */
function rawUnicodeEscape(line: string): string {
    return line.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_m, u: string | undefined, U: string | undefined) => String.fromCodePoint(parseInt(u ?? U!, 16)));
}
