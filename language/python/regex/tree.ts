// The parse tree, in the shape of sre_parse's output.

export type Category = 'DIGIT' | 'NOT_DIGIT' | 'SPACE' | 'NOT_SPACE' | 'WORD' | 'NOT_WORD';
export type AtCode = 'BEGINNING' | 'BEGINNING_STRING' | 'END' | 'END_STRING' | 'BOUNDARY' | 'NON_BOUNDARY';
export type SetItem = { op: 'NEGATE' } | { op: 'LITERAL'; cp: number } | { op: 'RANGE'; lo: number; hi: number } | { op: 'CATEGORY'; cat: Category };
export type RepeatKind = 'MAX' | 'MIN' | 'POSSESSIVE';

export type Op =
    | { op: 'LITERAL'; cp: number }
    | { op: 'NOT_LITERAL'; cp: number }
    | { op: 'ANY' }
    | { op: 'IN'; items: SetItem[] }
    | { op: 'AT'; at: AtCode }
    | { op: 'BRANCH'; alts: Seq[] }
    | { op: 'REPEAT'; kind: RepeatKind; min: number; max: number; body: Seq }
    | { op: 'SUBPATTERN'; group: number | null; add: number; del: number; body: Seq }
    | { op: 'ATOMIC'; body: Seq }
    | { op: 'ASSERT'; behind: boolean; negate: boolean; body: Seq }
    | { op: 'GROUPREF'; group: number }
    | { op: 'GROUPREF_EXISTS'; group: number; yes: Seq; no: Seq | null };
export type Seq = Op[];
export type Width = readonly [number, number];
