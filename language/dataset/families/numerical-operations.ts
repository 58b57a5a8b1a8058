// numerical_operations (§10.3): read the tape as a binary number, apply one operation, write the
// result back (empty tape for zero or negative results).
import { bitLength, tapeToValue, valueToTape } from './binary.js';
import { binaryInputs } from './binary-inputs.js';
import { pyTitle } from '../../python/string-methods.js';
import type { Level, OutputFamily } from './types.js';

export type NumericOp = 'add' | 'subtract' | 'and' | 'or' | 'xor' | 'not' | 'floor_div';

export interface OperationParam {
    op: NumericOp;
    /** Absent for `not`; the shift amount for `floor_div`. */
    operand?: number;
}

const GROUPS = {
    arithmetic: ['add', 'subtract'],
    bitwise: ['and', 'or', 'xor', 'not'],
    shift: ['floor_div'],
} as const satisfies Record<string, readonly NumericOp[]>;
type Group = keyof typeof GROUPS;

export const DEFAULT_OPERANDS = [1, 2, 4, 8, 16, 32, 64, 128, 3, 5, 7, 15, 31, 63, 127];
const SHIFT_POWERS = [1, 2, 3, 4, 5, 6, 7];

interface OperationConfig {
    groups: Partial<Record<Group, readonly NumericOp[]>>;
    operands: readonly number[];
}

/**
 * Defaults give 83 problems. The per-level configs are inferred from the published test sets
 * (§10.4): fdiv_test 7, bit_op_test 21 (no `not`), add_test 14. Naming one group empties the rest.
 */
const LEVEL_CONFIG: Record<Level, OperationConfig> = {
    basic: { groups: GROUPS, operands: DEFAULT_OPERANDS },
    easy: { groups: { shift: ['floor_div'] }, operands: DEFAULT_OPERANDS },
    medium: { groups: { bitwise: ['and', 'or', 'xor'] }, operands: DEFAULT_OPERANDS.slice(0, 7) },
    hard: { groups: { arithmetic: ['add', 'subtract'] }, operands: DEFAULT_OPERANDS.slice(0, 7) },
};

export function operationParameters(level: Level): OperationParam[] {
    const { groups, operands } = LEVEL_CONFIG[level];
    const out: OperationParam[] = [];
    for (const group of ['arithmetic', 'bitwise', 'shift'] as const) {
        for (const op of groups[group] ?? []) {
            if (op === 'not') out.push({ op });
            else for (const operand of op === 'floor_div' ? SHIFT_POWERS : operands) out.push({ op, operand });
        }
    }
    return out;
}

export function operationText({ op, operand }: OperationParam): string {
    switch (op) {
        case 'add': return `add ${operand}`;
        case 'subtract': return `subtract ${operand}`;
        case 'and': return `bitwise AND with ${operand}`;
        case 'or': return `bitwise OR with ${operand}`;
        case 'xor': return `bitwise XOR with ${operand}`;
        case 'not': return 'bitwise NOT';
        case 'floor_div': return `floor division by 2^${operand}`;
    }
}

export function applyOperation({ op, operand }: OperationParam, v: bigint): bigint {
    const n = BigInt(operand ?? 0);
    switch (op) {
        case 'add': return v + n;
        case 'subtract': return v - n;
        case 'and': return v & n;
        case 'or': return v | n;
        case 'xor': return v ^ n;
        case 'floor_div': return v >> n;
        case 'not': {
            // NOT within max(8, bit length) bits, so small values keep a full byte.
            const width = BigInt(Math.max(8, bitLength(v)));
            return ~v & ((1n << width) - 1n);
        }
    }
}

export const numericalOperations: OutputFamily<OperationParam> = {
    name: 'numerical_operations',
    difficulty: 'medium',
    kind: 'output',
    parameters: (level) => operationParameters(level),
    text: (param) => {
        const op = operationText(param);
        return {
            name: `Numerical ${pyTitle(op)}`,
            criteria: `Treat Blue as 1 and Red as 0. Apply ${op} to the binary number and output the result. If the result is zero or negative, output an empty tape. If the result is positive, output the binary representation (which will start with B).`,
            description: `Convert input to binary number, apply ${op}, and output the result as binary. Zero or negative results become empty tape, positive results start with B.`,
        };
    },
    transform: (param, t) => {
        const out = valueToTape(applyOperation(param, tapeToValue(t)));
        return { output: out, description: `Input '${t}' should output '${out}'` };
    },
    inputs: (param, ctx) => binaryInputs([param.op === 'floor_div' ? 1n << BigInt(param.operand ?? 0) : BigInt(param.operand ?? 1)], ctx),
};
