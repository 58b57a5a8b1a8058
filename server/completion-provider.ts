// Completion by line context, since the reference grammar is line-oriented: declarations and
// snippets at the left margin, routes under a node, and targets after `NEXT`/`[C]`.
import type { LangiumDocument } from 'langium';
import type { CompletionProvider } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams, type Range } from 'vscode-languageserver';
import type { Program } from '../language/manufactoria/generated/ast.js';
import { layoutOf } from '../language/manufactoria/lexing/reference-layout.js';
import { NODE_KIND_DOCS } from '../language/manufactoria/model/node-docs.js';
import { ProgramGraph } from '../language/manufactoria/model/program-graph.js';
import { isNodeKind, isPuller, isUndeclaredTargetAllowed, NODE_KINDS, PULLER_CONDITIONS, PULLER_READS, type NodeKind } from '../language/manufactoria/model/vocabulary.js';
import { directiveCompletion } from './solution-tests/directive-completion.js';
import type { SolutionTestService } from './solution-tests/solution-service.js';

/** A new node of `kind` with its routes as snippet placeholders. */
function snippet(kind: NodeKind): string {
    if (kind === 'START') return 'START start:\n    NEXT ${1:next}';
    if (kind === 'END') return 'END end';
    if (!isPuller(kind)) return `${kind} \${1:id}:\n    NEXT \${2:end}`;
    const [a, b] = PULLER_READS[kind];
    return `${kind} \${1:id}:\n    [${a}] \${2:NONE}\n    [${b}] \${3:NONE}\n    [EMPTY] \${4:end}`;
}

export class ManufactoriaCompletionProvider implements CompletionProvider {
    readonly completionOptions = { triggerCharacters: [' ', '[', '#', '/'] };

    constructor(private readonly solutions: SolutionTestService) {}

    async getCompletion(document: LangiumDocument, params: CompletionParams): Promise<CompletionList> {
        const directive = await directiveCompletion(document, params.position, this.solutions);
        if (directive) return { isIncomplete: false, items: directive };
        const text = document.textDocument.getText();
        const offset = document.textDocument.offsetAt(params.position);
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        const before = text.slice(lineStart, offset);
        const indented = /^( {4}|\t)/.test(before);
        const owner = indented ? ownerKind(text, lineStart) : undefined;
        const program = document.parseResult.value as Program;
        const typed = before.trimStart();
        const graph = new ProgramGraph(program);
        const items = owner ? routeItems(typed, owner, graph, document, offset, conditionRange(document, text, offset - typed.length, offset)) : declarationItems(typed, graph, document, offset);
        return { isIncomplete: false, items };
    }
}

/** The kind of the declaration that a route typed at `lineStart` would belong to. */
function ownerKind(text: string, lineStart: number): NodeKind | undefined {
    // Classify the text as if the current line were already a route, and find the last declaration above it.
    const layout = layoutOf(text.slice(0, lineStart) + '    x');
    const declarations = layout.lines.filter((l) => l.kind === 'declaration' && l.start < lineStart);
    const last = declarations[declarations.length - 1];
    const word = last && /^\S+/.exec(text.slice(last.contentStart, last.contentEnd))?.[0];
    return isNodeKind(word) ? word : undefined;
}

function declarationItems(typed: string, graph: ProgramGraph, document: LangiumDocument, offset: number): CompletionItem[] {
    const id = /^(\S+)\s+(\S*)$/.exec(typed);
    if (id) return isNodeKind(id[1]) && id[1] !== 'START' ? declareItems(id[1], graph, document, offset) : [];
    if (/\s/.test(typed)) return [];
    return NODE_KINDS.flatMap((kind) => [
        { label: kind, kind: CompletionItemKind.Keyword, documentation: { kind: 'markdown', value: NODE_KIND_DOCS[kind] } },
        {
            label: `${kind} node`, kind: CompletionItemKind.Snippet, insertText: snippet(kind), insertTextFormat: InsertTextFormat.Snippet,
            filterText: kind, detail: `new ${kind} node`, documentation: { kind: 'markdown', value: NODE_KIND_DOCS[kind] },
        },
    ]);
}

/**
 * What a condition item replaces: the typed text from its `[` and the `]` that VS Code closes on its
 * own right after the cursor (`[|]`); an item inserting `R] ` there left `[R] ]`. The space after the
 * condition only when the line has none there yet.
 */
function conditionRange(document: LangiumDocument, text: string, start: number, offset: number): { range: Range; space: string } {
    const end = text[offset] === ']' ? offset + 1 : offset;
    const range = { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) };
    return { range, space: /^[ \t]/.test(text.slice(end, end + 1)) ? '' : ' ' };
}

function routeItems(typed: string, owner: NodeKind, graph: ProgramGraph, document: LangiumDocument, offset: number, replace: { range: Range; space: string }): CompletionItem[] {
    if (owner === 'END') return [];
    const afterRouteHead = isPuller(owner) ? /^\[(R|B|Y|G|EMPTY)\]\s+\S*$/.test(typed) : /^NEXT\s+\S*$/.test(typed);
    if (afterRouteHead) return targetItems(graph, document, offset);
    if (/\s/.test(typed)) return [];
    if (!isPuller(owner)) return [{ label: 'NEXT', kind: CompletionItemKind.Keyword, documentation: { kind: 'markdown', value: NODE_KIND_DOCS.NEXT } }];
    return PULLER_CONDITIONS[owner].map((c, i) => ({
        label: `[${c}]`, kind: CompletionItemKind.EnumMember, sortText: String(i),
        // VS Code filters by the text from the range's start: `[` and what follows it, when typed.
        filterText: typed.startsWith('[') ? `[${c}]` : c, textEdit: { range: replace.range, newText: `[${c}]${replace.space}` },
        detail: c === 'EMPTY' ? 'empty tape or a colour this puller cannot read' : `front symbol ${c} (consumed)`,
    }));
}

/**
 * Ids that routes lead to and no node declares (each an undefined-target error until it is), with
 * the line of the first such route; the route being typed at `offset` does not count.
 */
function undeclaredTargets(graph: ProgramGraph, document: LangiumDocument, offset: number): Map<string, number> {
    const firstUse = new Map<string, number>();
    for (const { route, target } of graph.edges) {
        const cst = route.$cstNode;
        if (graph.byName.has(target) || isUndeclaredTargetAllowed(target) || firstUse.has(target) || !cst) continue;
        if (offset >= cst.offset && offset <= cst.end) continue;
        firstUse.set(target, document.textDocument.positionAt(cst.offset).line + 1);
    }
    return firstUse;
}

/**
 * After a node kind: the ids routes already lead to, with the declaration's colon. `end` only after
 * END (a puller or painter named end does not accept), and there without a colon.
 */
function declareItems(kind: NodeKind, graph: ProgramGraph, document: LangiumDocument, offset: number): CompletionItem[] {
    const pending = [...undeclaredTargets(graph, document, offset)].filter(([name]) => (kind === 'END') === (name === 'end'));
    return pending.map(([name, line], i) => ({
        label: name, kind: CompletionItemKind.Reference, insertText: kind === 'END' ? name : `${name}:`, sortText: String(i).padStart(6, '0'),
        detail: `routed to on line ${line}, not declared yet`,
    }));
}

function targetItems(graph: ProgramGraph, document: LangiumDocument, offset: number): CompletionItem[] {
    // A node named NONE never runs (the target NONE is the terminal): offered as the terminal only.
    const ids = [...graph.byName.values()].filter((n) => n.kind !== 'START' && graph.resolve(n.name!) === n);
    const items: CompletionItem[] = ids.map((n) => ({ label: n.name!, kind: CompletionItemKind.Reference, detail: n.kind }));
    // Every program needs `end`, the only accepting id: offered before its END node is written too.
    if (!graph.byName.has('end')) items.push({ label: 'end', kind: CompletionItemKind.Reference, detail: 'accept the robot (add END end)' });
    // Ids other routes lead to, not declared yet: one spelling for all routes to a node still to write.
    for (const [name, line] of undeclaredTargets(graph, document, offset)) {
        if (name !== 'end') items.push({ label: name, kind: CompletionItemKind.Reference, detail: `not declared yet (routed to on line ${line})` });
    }
    items.push({ label: 'NONE', kind: CompletionItemKind.Constant, detail: 'reject the robot' });
    return items;
}

