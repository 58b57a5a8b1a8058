// One-paragraph explanations of the DSL's vocabulary, shared by hover and completion.

export const NODE_KIND_DOCS: Record<string, string> = {
    START: '**START** — where every robot enters. Its single `NEXT` route names the first node. The id must be `start`.',
    END: '**END** — the accepting terminal: reaching the node with id `end` accepts the robot with its current tape. Written `END end`, without a colon and without routes.',
    PULLER_RB: '**PULLER_RB** — reads the front of the tape: consumes R or B and routes by it (`[R]`, `[B]`). An empty tape, or a front symbol that is not R or B (which stays on the tape), takes `[EMPTY]`. A missing route leads to `NONE`: rejected.',
    PULLER_YG: '**PULLER_YG** — reads the front of the tape: consumes Y or G and routes by it (`[Y]`, `[G]`). An empty tape, or a front symbol that is not Y or G (which stays on the tape), takes `[EMPTY]`. A missing route leads to `NONE`: rejected.',
    PAINTER_RED: '**PAINTER_RED** — appends R to the end of the tape, then follows its single `NEXT` route.',
    PAINTER_BLUE: '**PAINTER_BLUE** — appends B to the end of the tape, then follows its single `NEXT` route.',
    PAINTER_YELLOW: '**PAINTER_YELLOW** — appends Y to the end of the tape, then follows its single `NEXT` route.',
    PAINTER_GREEN: '**PAINTER_GREEN** — appends G to the end of the tape, then follows its single `NEXT` route.',
    NEXT: '**NEXT** — the single route of START and painter nodes: where the robot goes after this node.',
};

export const TARGET_DOCS = {
    NONE: '**NONE** — the rejecting terminal: the robot is rejected with `Routed to NONE`.',
    END_TRAP: '**END** (upper case) is accepted by the parser but is **not** the accepting node: at run time it is an unknown id and the robot is rejected with `Unknown node: END`. Route to `end` to accept.',
    end: '**end** — the accepting END node: the robot is accepted with its current tape.',
};

export function conditionDoc(condition: string, kind: string | undefined): string {
    const pair = kind === 'PULLER_YG' ? ['Y', 'G'] : ['R', 'B'];
    if (condition === 'EMPTY') {
        return `**[EMPTY]** — taken when the tape is empty, or when its front symbol is not ${pair.join(' or ')}; that symbol is **not** consumed (foreign colours stay on the tape).`;
    }
    const valid = pair.includes(condition);
    return valid
        ? `**[${condition}]** — taken when the front symbol is ${condition}; the ${condition} is consumed before the robot moves on.`
        : `**[${condition}]** — not a colour ${kind ?? 'this puller'} reads: the reference rejects the program (\`Invalid condition '${condition}' for ${kind}\`).`;
}
