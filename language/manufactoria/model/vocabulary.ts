// The DSL's vocabulary in one place: the node kinds, the colours each puller reads and the colour
// each painter appends (docs/manufactoria.md, "Nodes"). Lexer, checks, warnings, hover, completion,
// interpreter, traces and generators all ask here.

export const NODE_KINDS = ['START', 'END', 'PULLER_RB', 'PULLER_YG', 'PAINTER_RED', 'PAINTER_BLUE', 'PAINTER_YELLOW', 'PAINTER_GREEN'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export type PullerKind = 'PULLER_RB' | 'PULLER_YG';
export type PainterKind = 'PAINTER_RED' | 'PAINTER_BLUE' | 'PAINTER_YELLOW' | 'PAINTER_GREEN';

/** The tape's colours, in the order the generators enumerate them. */
export const COLOURS = ['R', 'B', 'Y', 'G'] as const;
export type Colour = (typeof COLOURS)[number];

/** A puller's route for an empty tape or a front colour it does not read. */
export const EMPTY_CONDITION = 'EMPTY';

/** The two colours a puller consumes. */
export const PULLER_READS: Readonly<Record<PullerKind, readonly [Colour, Colour]>> = { PULLER_RB: ['R', 'B'], PULLER_YG: ['Y', 'G'] };

/** The route conditions a puller accepts: its two colours, then EMPTY. */
export const PULLER_CONDITIONS: Readonly<Record<PullerKind, readonly string[]>> = {
    PULLER_RB: [...PULLER_READS.PULLER_RB, EMPTY_CONDITION],
    PULLER_YG: [...PULLER_READS.PULLER_YG, EMPTY_CONDITION],
};

/** The colour a painter appends. */
export const PAINTER_COLOUR: Readonly<Record<PainterKind, Colour>> = { PAINTER_RED: 'R', PAINTER_BLUE: 'B', PAINTER_YELLOW: 'Y', PAINTER_GREEN: 'G' };

export const isNodeKind = (word: string | undefined): word is NodeKind => (NODE_KINDS as readonly string[]).includes(word as string);
export const isPuller = (kind: string | undefined): kind is PullerKind => kind === 'PULLER_RB' || kind === 'PULLER_YG';
export const isPainter = (kind: string | undefined): kind is PainterKind => kind !== undefined && Object.hasOwn(PAINTER_COLOUR, kind);

/**
 * Targets the reference accepts without a declaration: `NONE` rejects, and `END` passes its check
 * (it only fails at run time as an unknown node, unless a node is really named END).
 */
export const isUndeclaredTargetAllowed = (target: string): boolean => target === 'NONE' || target === 'END';
