// Test Parquet files, written with hyparquet-writer: rows described by a small schema (PqNode),
// nested the way the Hugging Face export nests them (3-level LISTs of structs), uncompressed.
import { writeFileSync } from 'node:fs';
import type { SchemaElement } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';

export type PqLeafType = 'string' | 'boolean' | 'int64';
export type PqNode =
    | { name: string; optional?: boolean; type: PqLeafType }
    | { name: string; optional?: boolean; fields: PqNode[] }
    | { name: string; optional?: boolean; list: PqNode };

const PHYSICAL = { string: 'BYTE_ARRAY', boolean: 'BOOLEAN', int64: 'INT64' } as const;

/** The Parquet schema elements of one node, depth first (a LIST is wrapper, repeated `list`, `element`). */
function elements(node: PqNode, name = node.name): SchemaElement[] {
    const repetition_type = node.optional ? 'OPTIONAL' : 'REQUIRED';
    if ('type' in node) return [{ name, repetition_type, type: PHYSICAL[node.type], ...(node.type === 'string' ? { converted_type: 'UTF8' } : {}) }];
    if ('fields' in node) return [{ name, repetition_type, num_children: node.fields.length }, ...node.fields.flatMap((f) => elements(f))];
    return [{ name, repetition_type, num_children: 1, converted_type: 'LIST' }, { name: 'list', repetition_type: 'REPEATED', num_children: 1 }, ...elements(node.list, 'element')];
}

/** Parquet's INT64 values are bigints, at any depth. */
function toParquet(node: PqNode, value: unknown): unknown {
    if (value === null || value === undefined) return null;
    if ('type' in node) return node.type === 'int64' ? BigInt(value as number) : value;
    if ('fields' in node) return Object.fromEntries(node.fields.map((f) => [f.name, toParquet(f, (value as Record<string, unknown>)[f.name])]));
    return (value as unknown[]).map((item) => toParquet(node.list, item));
}

/** Writes `rows` (objects keyed by top-level column) in row groups of `groupSize`. */
export function writeParquet(path: string, columns: PqNode[], rows: Record<string, unknown>[], groupSize = rows.length || 1): void {
    const schema: SchemaElement[] = [{ name: 'schema', num_children: columns.length }, ...columns.flatMap((c) => elements(c))];
    const columnData = columns.map((c) => ({ name: c.name, data: rows.map((row) => toParquet(c, row[c.name])) }));
    writeFileSync(path, Buffer.from(parquetWriteBuffer({ columnData, schema, rowGroupSize: groupSize, codec: 'UNCOMPRESSED', statistics: false })));
}

/** Schemas of the two row shapes' parquet files, as the Hugging Face export writes them. */
export const pqString = (name: string): PqNode => ({ name, optional: true, type: 'string' });
export const PQ_TEST_CASE: PqNode = { name: 'element', optional: true, fields: [pqString('input'), pqString('expected_output'), { name: 'expected_accepted', optional: true, type: 'boolean' }, { name: 'check_output', optional: true, type: 'boolean' }, pqString('description')] };
export const PQ_HF_SCHEMA: PqNode[] = [
    { name: 'messages', optional: true, list: { name: 'element', optional: true, fields: [pqString('content'), pqString('role')] } },
    { name: 'ground_truth', optional: true, list: PQ_TEST_CASE },
    pqString('dataset'), pqString('difficulty'), pqString('id'), pqString('problem_family'), pqString('name'),
];
