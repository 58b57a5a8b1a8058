// DELTA Studio's OWN prompt wording for HF rows. It is NOT the benchmark's template text (that lives
// in the benchmark repository and is elided from the fixtures): only the heading structure, the
// three variant differences and the task tail follow docs/manufactoria.md §9, and only the tail is byte-exact.
import { TASK_TAIL_PREFIX } from '../problems/rows.js';

export type PromptVariant = 'simple' | 'output_check';

/** Marks rows whose prompt body is DELTA Studio's paraphrase rather than the reference text. */
export const PROMPT_BODY_ORIGIN = 'delta-studio-paraphrase';

const FENCE = '```';

const OBJECTIVE: Record<PromptVariant, string> = {
    simple: `### Objective
- **Accepted**: the robot reaches the \`END\` node (id \`end\`).
- **Rejected**: the robot is sent to \`NONE\`, is sent to a node that does not exist, or is still moving after 1000 steps.`,
    output_check: `### Objective (output check)
- **Accepted**: the robot reaches the \`END\` node (id \`end\`) and the tape it leaves behind is exactly the required output.
- **Rejected**: the robot never reaches \`end\` (sent to \`NONE\`, to a missing node, or still moving after 1000 steps), or it reaches \`end\` with a different tape.`,
};

/** Rule 5 differs between the variants by one clause (§9.2). */
const RULE_5_TAIL: Record<PromptVariant, string> = {
    simple: '',
    output_check: ' if they meet the puzzle criteria, otherwise rejected',
};

export function promptFor(criteria: string, variant: PromptVariant): string {
    return `# Manufactoria Solution DSL

You will write a Manufactoria factory as a small text program. A factory moves a robot carrying a tape of coloured symbols from node to node; the nodes read and write that tape.

## Overview

A program is a list of nodes. Each node has a type, an id and routes that name the next node. Execution always starts at the node \`start\` and succeeds only at the node \`end\`.

## Game Mechanics

### Robots and Tape
- The tape is a sequence of symbols: \`R\` (red), \`B\` (blue), \`Y\` (yellow) and \`G\` (green).
- Pullers read the **front** of the tape; painters write at the **back**.

### Operations
- **Pull**: a puller looks at the front symbol. If it belongs to the puller's colour pair, the symbol is removed and the route for that colour is taken. If the tape is empty or the front symbol is of another pair, nothing is removed and the \`[EMPTY]\` route is taken.
- **Paint**: a painter appends one symbol of its colour to the end of the tape and follows its \`NEXT\` route.
- A missing route sends the robot to \`NONE\`.

${OBJECTIVE[variant]}

## DSL Syntax

### Program Structure
${FENCE}manufactoria
START start:
    NEXT <target>

<NODE_TYPE> <id>:
    <route>
    ...

END end
${FENCE}

### Node Types
- **Pullers**
  - \`PULLER_RB\`: routes \`[R]\`, \`[B]\` and \`[EMPTY]\`.
  - \`PULLER_YG\`: routes \`[Y]\`, \`[G]\` and \`[EMPTY]\`.
- **Painters**
  - \`PAINTER_RED\`, \`PAINTER_BLUE\`, \`PAINTER_YELLOW\`, \`PAINTER_GREEN\`: append \`R\`, \`B\`, \`Y\` or \`G\`, then follow exactly one \`NEXT <target>\` route.

## Syntax Rules
1. Write exactly one \`START start:\` node and exactly one \`END end\` node.
2. Declare every other node as \`<NODE_TYPE> <id>:\`, with a colon; ids use letters, digits and underscores.
3. Indent each route four spaces below its node.
4. \`START\` and every painter have exactly one \`NEXT <target>\` route; pullers have one \`[COLOR] <target>\` line per condition they handle.
5. \`END end\` takes no colon and no routes; robots that arrive there are accepted${RULE_5_TAIL[variant]}.
6. The target \`NONE\` rejects the robot at once.
7. Lines starting with \`#\` are comments.

## Example
On red/blue tapes, this factory accepts exactly those made only of red symbols:
${FENCE}manufactoria
START start:
    NEXT scan

PULLER_RB scan:
    [R] scan
    [B] NONE
    [EMPTY] end

END end
${FENCE}

${TASK_TAIL_PREFIX}${criteria}`;
}

// ---- user templates (`delta generate --format hf --prompt-template FILE`) ----

/** Placeholders a user template may use; docs/manufactoria-generation.md describes each one. */
export const HF_PROMPT_PLACEHOLDERS = [
    'criteria', 'name', 'description', 'available_nodes', 'examples', 'difficulty', 'problem_family', 'color_mode',
    'output_check',
] as const;

/** How many test cases `{{examples}}` lists. */
export const TEMPLATE_EXAMPLE_COUNT = 3;

export interface TemplateRow {
    criteria: string;
    name: string;
    description: string;
    available_nodes: readonly string[];
    test_cases: readonly { input: string; expected_output: string; expected_accepted: boolean; check_output: boolean }[];
    difficulty: string;
    problem_type: string;
    color_mode: string;
}

function exampleLine(c: TemplateRow['test_cases'][number]): string {
    const verdict = !c.expected_accepted ? 'rejected' : c.check_output ? `accepted with output '${c.expected_output}'` : 'accepted';
    return `- input '${c.input}': ${verdict}`;
}

export function templateValues(row: TemplateRow, variant: PromptVariant): Record<string, string | boolean> {
    return {
        criteria: row.criteria,
        name: row.name,
        description: row.description,
        available_nodes: row.available_nodes.join(', '),
        examples: row.test_cases.slice(0, TEMPLATE_EXAMPLE_COUNT).map(exampleLine).join('\n'),
        difficulty: row.difficulty,
        problem_family: row.problem_type,
        color_mode: row.color_mode,
        output_check: variant === 'output_check',
    };
}
