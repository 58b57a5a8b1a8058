// Test-only minimal Parquet writer (no parquet writer package or pyarrow is installed here).
// Writes uncompressed PLAIN data pages (v1) with RLE levels and a Thrift-compact footer, enough
// for nested list/struct columns like the Hugging Face rows. Not a general-purpose writer.
import { writeFileSync } from 'node:fs';

export type PqLeafType = 'string' | 'boolean' | 'int64';
export type PqNode =
    | { name: string; optional?: boolean; type: PqLeafType }
    | { name: string; optional?: boolean; fields: PqNode[] }
    | { name: string; optional?: boolean; list: PqNode };

interface Leaf {
    path: string[];
    type: PqLeafType;
    maxDef: number;
    maxRep: number;
    values: unknown[];
    defs: number[];
    reps: number[];
}

// ---- Thrift compact protocol ----
class Thrift {
    bytes: number[] = [];
    private last: number[] = [0];
    varint(n: bigint | number) {
        let v = BigInt(n);
        while (v >= 0x80n) {
            this.bytes.push(Number(v & 0x7fn) | 0x80);
            v >>= 7n;
        }
        this.bytes.push(Number(v));
    }
    zigzag(n: bigint | number) {
        const v = BigInt(n);
        this.varint(v >= 0n ? v << 1n : (-v << 1n) - 1n);
    }
    field(id: number, type: number) {
        const delta = id - this.last[this.last.length - 1];
        if (delta > 0 && delta <= 15) this.bytes.push((delta << 4) | type);
        else {
            this.bytes.push(type);
            this.zigzag(id);
        }
        this.last[this.last.length - 1] = id;
    }
    i32(id: number, v: number) { this.field(id, 5); this.zigzag(v); }
    i64(id: number, v: number | bigint) { this.field(id, 6); this.zigzag(v); }
    str(id: number, s: string) { this.field(id, 8); this.rawString(s); }
    rawString(s: string) {
        const b = Buffer.from(s, 'utf8');
        this.varint(b.length);
        this.bytes.push(...b);
    }
    struct(id: number, body: () => void) { this.field(id, 12); this.inStruct(body); }
    inStruct(body: () => void) {
        this.last.push(0);
        body();
        this.bytes.push(0);
        this.last.pop();
    }
    list<T>(id: number, elemType: number, items: T[], write: (item: T) => void) {
        this.field(id, 9);
        if (items.length < 15) this.bytes.push((items.length << 4) | elemType);
        else {
            this.bytes.push(0xf0 | elemType);
            this.varint(items.length);
        }
        for (const item of items) write(item);
    }
}

// ---- schema and shredding ----
const PHYSICAL: Record<PqLeafType, number> = { boolean: 0, int64: 2, string: 6 };

function collectLeaves(node: PqNode, path: string[], def: number, rep: number, out: Leaf[]) {
    const d = def + (node.optional ? 1 : 0);
    if ('type' in node) out.push({ path: [...path, node.name], type: node.type, maxDef: d, maxRep: rep, values: [], defs: [], reps: [] });
    else if ('fields' in node) for (const f of node.fields) collectLeaves(f, [...path, node.name], d, rep, out);
    else collectLeaves(node.list, [...path, node.name, 'list'], d + 1, rep + 1, out);
}

function leavesUnder(node: PqNode, leaves: Leaf[], prefix: string[]): Leaf[] {
    const p = [...prefix, node.name].join('\u0000');
    return leaves.filter((l) => l.path.join('\u0000') === p || l.path.join('\u0000').startsWith(p + '\u0000'));
}

function shred(node: PqNode, value: unknown, r: number, d: number, repDepth: number, prefix: string[], leaves: Leaf[]) {
    const mine = leavesUnder(node, leaves, prefix);
    if (value === undefined || value === null) {
        if (!node.optional) throw new Error(`required ${node.name} is null`);
        for (const l of mine) { l.defs.push(d); l.reps.push(r); }
        return;
    }
    const dd = d + (node.optional ? 1 : 0);
    if ('type' in node) {
        const l = mine[0];
        l.values.push(value);
        l.defs.push(dd);
        l.reps.push(r);
    } else if ('fields' in node) {
        for (const f of node.fields) shred(f, (value as Record<string, unknown>)[f.name], r, dd, repDepth, [...prefix, node.name], leaves);
    } else {
        const items = value as unknown[];
        if (items.length === 0) {
            for (const l of mine) { l.defs.push(dd); l.reps.push(r); }
            return;
        }
        items.forEach((item, i) => shred(node.list, item, i === 0 ? r : repDepth + 1, dd + 1, repDepth + 1, [...prefix, node.name, 'list'], leaves));
    }
}

function schemaElements(t: Thrift, node: PqNode, name = node.name) {
    const rep = node.optional ? 1 : 0;
    t.inStruct(() => {
        if ('type' in node) {
            t.i32(1, PHYSICAL[node.type]);
            t.i32(3, rep);
            t.str(4, name);
            if (node.type === 'string') t.i32(6, 0); // UTF8
        } else if ('fields' in node) {
            t.i32(3, rep);
            t.str(4, name);
            t.i32(5, node.fields.length);
        } else {
            t.i32(3, rep);
            t.str(4, name);
            t.i32(5, 1);
            t.i32(6, 3); // LIST
        }
    });
    if ('fields' in node) for (const f of node.fields) schemaElements(t, f);
    if ('list' in node) {
        t.inStruct(() => { t.i32(3, 2); t.str(4, 'list'); t.i32(5, 1); });
        schemaElements(t, node.list, 'element');
    }
}

function countSchema(node: PqNode): number {
    if ('type' in node) return 1;
    if ('fields' in node) return 1 + node.fields.reduce((a, f) => a + countSchema(f), 0);
    return 2 + countSchema(node.list);
}

// ---- pages ----
function rleLevels(levels: number[], maxLevel: number): number[] {
    const width = Math.ceil(Math.log2(maxLevel + 1));
    const byteWidth = Math.ceil(width / 8);
    const out: number[] = [];
    for (let i = 0; i < levels.length;) {
        let j = i;
        while (j < levels.length && levels[j] === levels[i]) j++;
        const t = new Thrift();
        t.varint((j - i) << 1);
        out.push(...t.bytes);
        for (let b = 0; b < byteWidth; b++) out.push((levels[i] >> (8 * b)) & 0xff);
        i = j;
    }
    const len = Buffer.alloc(4);
    len.writeUInt32LE(out.length);
    return [...len, ...out];
}

function plainValues(type: PqLeafType, values: unknown[]): number[] {
    const out: number[] = [];
    if (type === 'boolean') {
        for (let i = 0; i < values.length; i += 8) {
            let byte = 0;
            for (let k = 0; k < 8 && i + k < values.length; k++) if (values[i + k]) byte |= 1 << k;
            out.push(byte);
        }
    } else if (type === 'int64') {
        for (const v of values) {
            const b = Buffer.alloc(8);
            b.writeBigInt64LE(BigInt(v as number));
            out.push(...b);
        }
    } else {
        for (const v of values) {
            const s = Buffer.from(String(v), 'utf8');
            const len = Buffer.alloc(4);
            len.writeUInt32LE(s.length);
            out.push(...len, ...s);
        }
    }
    return out;
}

/** Writes `rows` (objects keyed by top-level column) in row groups of `groupSize`. */
export function writeParquet(path: string, columns: PqNode[], rows: Record<string, unknown>[], groupSize = rows.length || 1) {
    const file: number[] = [...Buffer.from('PAR1')];
    const groups: Array<{ chunks: Array<{ leaf: Leaf; offset: number; size: number }>; rows: number; bytes: number }> = [];
    for (let start = 0; start < rows.length; start += groupSize) {
        const slice = rows.slice(start, start + groupSize);
        const leaves: Leaf[] = [];
        for (const c of columns) collectLeaves(c, [], 0, 0, leaves);
        for (const row of slice) for (const c of columns) shred(c, row[c.name], 0, 0, 0, [], leaves);
        const chunks = [];
        let bytes = 0;
        for (const leaf of leaves) {
            const data = [
                ...(leaf.maxRep > 0 ? rleLevels(leaf.reps, leaf.maxRep) : []),
                ...(leaf.maxDef > 0 ? rleLevels(leaf.defs, leaf.maxDef) : []),
                ...plainValues(leaf.type, leaf.values),
            ];
            const h = new Thrift();
            h.inStruct(() => {
                h.i32(1, 0);
                h.i32(2, data.length);
                h.i32(3, data.length);
                h.struct(5, () => { h.i32(1, leaf.defs.length); h.i32(2, 0); h.i32(3, 3); h.i32(4, 3); });
            });
            const offset = file.length;
            file.push(...h.bytes, ...data);
            const size = h.bytes.length + data.length;
            bytes += size;
            chunks.push({ leaf, offset, size });
        }
        groups.push({ chunks, rows: slice.length, bytes });
    }
    const t = new Thrift();
    t.inStruct(() => {
        t.i32(1, 1);
        t.field(2, 9);
        const n = 1 + columns.reduce((a, c) => a + countSchema(c), 0);
        if (n < 15) t.bytes.push((n << 4) | 12);
        else { t.bytes.push(0xf0 | 12); t.varint(n); }
        t.inStruct(() => { t.str(4, 'schema'); t.i32(5, columns.length); });
        for (const c of columns) schemaElements(t, c);
        t.i64(3, rows.length);
        t.list(4, 12, groups, (g) => t.inStruct(() => {
            t.list(1, 12, g.chunks, (c) => t.inStruct(() => {
                t.i64(2, c.offset);
                t.struct(3, () => {
                    t.i32(1, PHYSICAL[c.leaf.type]);
                    t.list(2, 5, [0, 3], (e) => t.zigzag(e));
                    t.list(3, 8, c.leaf.path, (p) => t.rawString(p));
                    t.i32(4, 0);
                    t.i64(5, c.leaf.defs.length);
                    t.i64(6, c.size);
                    t.i64(7, c.size);
                    t.i64(9, c.offset);
                });
            }));
            t.i64(2, g.bytes);
            t.i64(3, g.rows);
        }));
        t.str(6, 'delta-studio test writer');
    });
    const footer = Buffer.from(t.bytes);
    const len = Buffer.alloc(4);
    len.writeUInt32LE(footer.length);
    writeFileSync(path, Buffer.concat([Buffer.from(file), footer, len, Buffer.from('PAR1')]));
}

/** Schemas of the two row shapes' parquet files, as the Hugging Face export writes them. */
export const pqString = (name: string): PqNode => ({ name, optional: true, type: 'string' });
export const PQ_TEST_CASE: PqNode = { name: 'element', optional: true, fields: [pqString('input'), pqString('expected_output'), { name: 'expected_accepted', optional: true, type: 'boolean' }, { name: 'check_output', optional: true, type: 'boolean' }, pqString('description')] };
export const PQ_HF_SCHEMA: PqNode[] = [
    { name: 'messages', optional: true, list: { name: 'element', optional: true, fields: [pqString('content'), pqString('role')] } },
    { name: 'ground_truth', optional: true, list: PQ_TEST_CASE },
    pqString('dataset'), pqString('difficulty'), pqString('id'), pqString('problem_family'), pqString('name'),
];
