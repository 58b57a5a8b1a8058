// One-paragraph explanations of the DSL's vocabulary, shared by hover and completion. The colours
// come from vocabulary.ts.
import { isPuller, NODE_KINDS, PAINTER_COLOUR, PULLER_READS, type NodeKind } from './vocabulary.js';

function kindDoc(kind: NodeKind): string {
    if (kind === 'START') return '**START** — where every robot enters. Its single `NEXT` route names the first node. The id must be `start`.';
    if (kind === 'END') return '**END** — the accepting terminal: reaching the node with id `end` accepts the robot with its current tape. Written `END end`, without a colon and without routes.';
    if (isPuller(kind)) {
        const [a, b] = PULLER_READS[kind];
        return `**${kind}** — reads the front of the tape: consumes ${a} or ${b} and routes by it (\`[${a}]\`, \`[${b}]\`). An empty tape, or a front symbol that is not ${a} or ${b} (which stays on the tape), takes \`[EMPTY]\`. A missing route leads to \`NONE\`: rejected.`;
    }
    return `**${kind}** — appends ${PAINTER_COLOUR[kind]} to the end of the tape, then follows its single \`NEXT\` route.`;
}

/** What a node of this kind does with the tape, in a few words (the hover on a node's id). */
export function kindEffect(kind: NodeKind): string {
    if (kind === 'START') return 'the robot enters here; the tape is unchanged';
    if (kind === 'END') return "the robot is accepted here with its tape (as id 'end')";
    if (isPuller(kind)) {
        const [a, b] = PULLER_READS[kind];
        return `takes ${a} or ${b} off the front of the tape; any other front symbol stays, and so does an empty tape ([EMPTY])`;
    }
    return `appends ${PAINTER_COLOUR[kind]} to the end of the tape`;
}

export const NODE_KIND_DOCS: Readonly<Record<string, string>> = {
    ...Object.fromEntries(NODE_KINDS.map((kind) => [kind, kindDoc(kind)])),
    NEXT: '**NEXT** — the single route of START and painter nodes: where the robot goes after this node.',
};

export const TARGET_DOCS = {
    NONE: '**NONE** — the rejecting terminal: the robot is rejected with `Routed to NONE`.',
    END_TRAP: '**END** (upper case) is accepted by the parser but is **not** the accepting node: at run time it is an unknown id and the robot is rejected with `Unknown node: END`. Route to `end` to accept.',
    end: '**end** — the accepting END node: the robot is accepted with its current tape.',
};

/** `shadowedAt`: the 1-based line of an earlier route with the same condition, which wins. */
export function conditionDoc(condition: string, kind: string | undefined, shadowedAt?: number): string {
    const pair: readonly string[] = PULLER_READS[isPuller(kind) ? kind : 'PULLER_RB'];
    // A colour the puller cannot read is a reference error first (below), whether repeated or not.
    if (shadowedAt !== undefined && (condition === 'EMPTY' || pair.includes(condition))) {
        return `**[${condition}]** — never taken: the \`[${condition}]\` route on line ${shadowedAt} comes first, and a puller follows the first route that matches.`;
    }
    if (condition === 'EMPTY') {
        return `**[EMPTY]** — taken when the tape is empty, or when its front symbol is not ${pair.join(' or ')}; that symbol is **not** consumed (foreign colours stay on the tape).`;
    }
    const valid = pair.includes(condition);
    return valid
        ? `**[${condition}]** — taken when the front symbol is ${condition}; the ${condition} is consumed before the robot moves on.`
        : `**[${condition}]** — not a colour ${kind ?? 'this puller'} reads: the reference rejects the program (\`Invalid condition '${condition}' for ${kind}\`).`;
}
