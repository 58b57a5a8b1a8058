// Langium's LangiumParser for this grammar, cheaper where the verifier parses every request it answers:
// - the rule decisions are a one-token-lookahead walk of a plan made from the grammar itself
//   (grammar-plan.ts) instead of Chevrotain's generic rule machinery (about half of a parse); a
//   grammar the plan cannot decide, or a token stream the walk does not expect, goes through the
//   stock Chevrotain walk as before;
// - the per-token and per-node bookkeeping Langium does generically (grammar lookups through
//   reflection, an Object.entries walk to set containers) comes from tables built once;
// - parseAst() builds the AST without the CST, for the verdict of a program with no error (the CST is
//   read only for error lines and the editor; see verdict.ts).
// test/language/parser-equivalence.test.ts pins the AST and CST equal to the stock parser's, and the
// CST-less AST equal to the AST.
import {
    AstUtils, createParser, GrammarAST, LangiumParser,
    type AstNode, type CstNode, type CstNodeBuilder, type Linker, type ValueConverter, type LangiumCoreServices, type LexerResult, type ParseResult, type ParserOptions,
} from 'langium';
import type { IToken, TokenType, TokenTypeDictionary } from 'chevrotain';
import { planGrammar, type RulePlan, type Step } from './grammar-plan.js';
import { isProgram, type Program } from '../generated/ast.js';
import { terminalValue } from './value-converter.js';

/** The members of Langium 4.4's LangiumParser used below (private there). */
interface LangiumParserInternals {
    readonly nodeBuilder: CstNodeBuilder;
    readonly stack: Array<AstNode & Record<string, unknown>>;
    doParse(rule: unknown): AstNode;
    construct(): unknown;
}

/**
 * For the nodes parseAst() builds (they have no CST): the offset of the first token each consumed,
 * which is where its CST's first visible leaf would be (comments are hidden tokens, apart from the
 * token stream). The reference errors take their lines from it, so the verdict of a program with
 * an error needs no second parse with a CST (verdict.ts). It is a `$` property of the node, which
 * Langium's AST walks skip, rather than a WeakMap entry: `delta serve` parses every new program,
 * and a WeakMap entry per node cost the HTTP thread about a tenth of its time in V8's ephemeron
 * bookkeeping and its GC more work (docs/verifier-http.md §9).
 */
interface CstLessNode extends AstNode {
    $tokenOffset?: number;
}

export function firstTokenOffsetOf(node: AstNode): number | undefined {
    return (node as CstLessNode).$tokenOffset;
}

/**
 * Langium 4.4's CstNodeBuilder adds hidden nodes with `content.push(...children)` and
 * `content.splice(index, 0, ...children)`: one call argument per node, so a run of ~120,000 comment
 * or blank lines (a 500 KB file) overflowed the stack ("Maximum call stack size exceeded") in
 * `delta check`/`run`/`test` and the editor. The same two operations here, spreading at most
 * 4,096 nodes into one call; the order, containers and arrays are Langium's.
 */
function spreadFreeChildren(builder: CstNodeBuilder): void {
    const CHUNK = 4096;
    // The builder's nodes are Langium's mutable implementations; the public CstNode types are read-only.
    type Mutable = { content: CstNode[] };
    const adopt = (parent: CstNode, children: CstNode[]) => {
        for (const child of children) (child as { container?: CstNode }).container = parent;
        return parent as unknown as Mutable;
    };
    builder.appendChildren = (parent, children) => {
        const node = adopt(parent, children);
        if (node.content.length === 0) node.content = children.slice();
        else for (const child of children) node.content.push(child);
    };
    builder.insertChildren = (parent, index, children) => {
        const node = adopt(parent, children);
        for (let i = 0; i < children.length; i += CHUNK) node.content.splice(index + i, 0, ...children.slice(i, i + CHUNK));
    };
}

/** Thrown by the walk when the token stream is not what the plan expects: Chevrotain's walk takes over. */
class WalkMismatch extends Error {}

/** What consuming a token under one grammar element does to the current AST node. */
interface TokenPlan {
    /** A keyword's value is its text; a terminal's goes through the value converter. */
    keyword: boolean;
    /** The property the token is assigned to, if any. */
    target?: { property: string; operator: '=' | '?=' | '+='; crossReference: boolean };
}

export class ManufactoriaParser extends LangiumParser {
    private readonly plans = new Map<GrammarAST.AbstractElement, TokenPlan>();
    /** The token stream being parsed, and how many of its hidden tokens are in the CST already. */
    private lexed: LexerResult | undefined;
    private hiddenDone = 0;
    /** False during parseAst(): no CST nodes are built. */
    private withCst = true;
    /** The grammar's walk plan (undefined: not decidable with one token), made on first use. */
    private plan: RulePlan | undefined | null = null;
    /** The walk's position in the token stream. */
    private position = 0;
    /** How many parses went through Chevrotain's walk (the grammar walk could not take them): for tests. */
    chevrotainParses = 0;
    private readonly values: ValueConverter;
    private readonly references: Linker;

    constructor(private readonly services: LangiumCoreServices) {
        super(services);
        this.values = services.parser.ValueConverter;
        this.references = services.references.Linker;
        // Langium declares construct() private, so the replacement goes on the instance.
        this.internals.construct = () => this.constructNode();
        spreadFreeChildren(this.internals.nodeBuilder);
    }

    private get internals(): LangiumParserInternals {
        return this as unknown as LangiumParserInternals;
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        if (options?.rule) return super.parse(input, options);
        const builder = this.internals.nodeBuilder;
        builder.buildRootNode(input);
        const lexed = this.lexed = this.lexer.tokenize(input);
        this.hiddenDone = 0;
        try {
            let root: AstNode | undefined = this.walk(lexed);
            if (!root) {
                // Chevrotain's walk, from a clean state.
                this.chevrotainParses++;
                builder.buildRootNode(input);
                this.hiddenDone = 0;
                this.wrapper.input = lexed.tokens;
                root = this.internals.doParse(this.mainRule);
            }
            builder.addHiddenNodes(lexed.hidden.slice(this.hiddenDone));
            if (isProgram(root)) linkContainers(root);
            return { value: root as T, lexerErrors: lexed.errors, lexerReport: lexed.report, parserErrors: this.wrapper.errors };
        } finally {
            this.unorderedGroups.clear();
            this.lexed = undefined;
        }
    }

    /**
     * The AST of `input` as parse() builds it (same values, references by text, containers) but with
     * no CST: no `$cstNode`, references without `$refNode`. Undefined when the walk cannot build it
     * (see walk()): then use parse().
     */
    parseAst(input: string): Program | undefined {
        const lexed = this.lexed = this.lexer.tokenize(input);
        this.withCst = false;
        try {
            const root = lexed.errors.length === 0 ? this.walk(lexed) : undefined;
            if (!root || !isProgram(root)) return undefined;
            linkContainers(root);
            return root;
        } finally {
            this.withCst = true;
            this.lexed = undefined;
        }
    }

    /**
     * The root AST node by the grammar plan's walk over the tokens, with its CST unless parseAst()
     * runs; undefined when the grammar has no plan or the tokens leave it (Chevrotain would then
     * report an error, or decide with more lookahead): the caller resets the CST and walks again with
     * Chevrotain. On success Chevrotain's recognizer is reset, so the parse reports no error.
     */
    private walk(lexed: LexerResult): AstNode | undefined {
        if (this.plan === null) this.plan = planGrammar(this.services.Grammar, this.services.parser.Lexer.definition as TokenTypeDictionary);
        if (!this.plan) return undefined;
        this.position = 0;
        try {
            const root = this.walkRule(this.plan);
            if (this.position !== lexed.tokens.length) return undefined;
            if (root.$cstNode) (root.$cstNode as { astNode: AstNode }).astNode = root;
            this.wrapper.input = [];
            return root;
        } catch (error) {
            if (error instanceof WalkMismatch) return undefined;
            throw error;
        } finally {
            this.internals.stack.length = 0;
        }
    }

    /** A rule's AST node: pushed, filled by the rule's body, then closed (constructNode). */
    private walkRule(rule: RulePlan): AstNode & Record<string, unknown> {
        const node = (this.withCst ? { $type: rule.type } : { $type: rule.type, $tokenOffset: this.lexed!.tokens[this.position]?.startOffset }) as AstNode & Record<string, unknown>;
        this.internals.stack.push(node);
        if (rule.body) this.walkStep(rule.body);
        return this.constructNode() as AstNode & Record<string, unknown>;
    }

    private walkStep(step: Step): void {
        switch (step.cardinality) {
            case undefined: this.walkOnce(step); break;
            case '?': if (this.startsHere(step)) this.walkOnce(step); break;
            case '*': while (this.startsHere(step)) this.walkOnce(step); break;
            case '+': do this.walkOnce(step); while (this.startsHere(step)); break;
        }
    }

    private startsHere(step: Step): boolean {
        const tokens = this.lexed!.tokens;
        return this.position < tokens.length && step.first.has(tokens[this.position].tokenType);
    }

    private walkOnce(step: Step): void {
        switch (step.kind) {
            case 'group':
                for (const inner of step.steps) this.walkStep(inner);
                return;
            case 'alternatives': {
                for (const alternative of step.alternatives) {
                    if (this.startsHere(alternative)) return this.walkStep(alternative);
                }
                throw new WalkMismatch();
            }
            case 'token': {
                const token = this.lexed!.tokens[this.position];
                if (token?.tokenType !== step.tokenType) throw new WalkMismatch();
                this.position++;
                return this.take(token, step.feature);
            }
            case 'call': {
                // What Langium's subrule() does: a composite CST node, the rule, then the assignment.
                const target = this.planOf(step.feature).target;
                if (!target || target.crossReference) throw new WalkMismatch();
                const cst = this.withCst ? this.internals.nodeBuilder.buildCompositeNode(step.feature) : undefined;
                const before = this.position;
                const result = this.walkRule(step.rule);
                if (this.position === before) return; // nothing consumed: Langium assigns nothing
                if (cst) (cst as { astNode: AstNode }).astNode = result;
                const node = this.internals.stack[this.internals.stack.length - 1];
                switch (target.operator) {
                    case '=': node[target.property] = result; break;
                    case '?=': node[target.property] = true; break;
                    case '+=': ((node[target.property] ??= []) as unknown[]).push(result); break;
                }
            }
        }
    }

    override consume(idx: number, tokenType: TokenType, feature: GrammarAST.AbstractElement): void {
        if (!this.lexed) return super.consume(idx, tokenType, feature);
        const token = this.wrapper.wrapConsume(idx, tokenType);
        if (this.isRecording() || token.isInsertedInRecovery || !Number.isFinite(token.startOffset) || !Number.isFinite(token.endOffset)) return;
        this.take(token, feature);
    }

    /** A consumed token into the CST (unless parseAst() runs) and, by its grammar element, into the AST node being built. */
    private take(token: IToken, feature: GrammarAST.AbstractElement): void {
        let leaf: CstNode | undefined;
        if (this.withCst) {
            // Comments before this token go into the CST first, where Langium places them.
            const hidden = this.lexed!.hidden;
            let next = this.hiddenDone;
            while (next < hidden.length && hidden[next].startOffset <= token.startOffset) next++;
            if (next > this.hiddenDone) {
                this.internals.nodeBuilder.addHiddenNodes(hidden.slice(this.hiddenDone, next));
                this.hiddenDone = next;
            }
            leaf = this.internals.nodeBuilder.buildLeafNode(token, feature);
        }
        const plan = this.planOf(feature);
        const stack = this.internals.stack;
        const node = stack[stack.length - 1];
        const target = plan.target;
        if (target || typeof node.$type !== 'string') {
            let converted: unknown = token.image;
            if (!plan.keyword) {
                // Without a leaf, the value by the token's terminal (each value of this grammar is one token).
                converted = leaf ? this.values.convert(token.image, leaf) : terminalValue(token.tokenType.name, token.image);
                if (!leaf && converted === undefined) throw new WalkMismatch();
            }
            // Inside a data type rule the token's text adds to the rule's value.
            if (!target) {
                node.value += String(converted);
                return;
            }
            const item = target.crossReference && typeof converted === 'string'
                ? this.references.buildReference(node, target.property, leaf, converted)
                : converted;
            switch (target.operator) {
                case '?=': node[target.property] = true; break;
                case '=': node[target.property] = item; break;
                case '+=': ((node[target.property] ??= []) as unknown[]).push(item); break;
            }
        }
    }

    private planOf(feature: GrammarAST.AbstractElement): TokenPlan {
        let plan = this.plans.get(feature);
        if (!plan) {
            const assignment = AstUtils.getContainerOfType(feature, GrammarAST.isAssignment);
            const reference = assignment && GrammarAST.isCrossReference(assignment.terminal) ? assignment.terminal : undefined;
            plan = {
                keyword: GrammarAST.isKeyword(feature),
                target: assignment && { property: assignment.feature, operator: assignment.operator, crossReference: reference !== undefined },
            };
            if (reference?.isMulti) throw new Error(`ManufactoriaParser: multi-references (${assignment!.feature}) are not supported`);
            this.plans.set(feature, plan);
        }
        return plan;
    }

    /** Closes the node on top of the stack: its CST node, then its default values. */
    private constructNode(): unknown {
        if (this.isRecording()) return undefined;
        const stack = this.internals.stack;
        // Data type and infix rule results are Langium's to build (this grammar has neither today).
        if (typeof stack[stack.length - 1].$type !== 'string' || '$infixName' in stack[stack.length - 1]) {
            if (!this.withCst) throw new WalkMismatch();
            return stockConstruct.call(this);
        }
        const node = stack.pop()!;
        if (this.withCst) this.internals.nodeBuilder.construct(node as Parameters<CstNodeBuilder['construct']>[0]);
        const fill = DEFAULTS[node.$type];
        if (fill) fill(node);
        else AstUtils.assignMandatoryProperties(this.services.shared.AstReflection, node);
        return node;
    }
}

/**
 * This grammar's default values, as Langium's reflection lists them (same properties, same order:
 * test/language/parser-equivalence.test.ts compares), written out so each store has a fixed name;
 * any other type gets Langium's own assignMandatoryProperties.
 */
export const DEFAULTS: Record<string, ((node: Record<string, unknown>) => void) | undefined> = {
    Program: (node) => { if (node.nodes === undefined) node.nodes = []; },
    Node: (node) => {
        if (node.colon === undefined) node.colon = false;
        if (node.routes === undefined) node.routes = [];
    },
    Route: (node) => { if (node.next === undefined) node.next = false; },
};

const stockConstruct = (LangiumParser.prototype as unknown as LangiumParserInternals).construct;

/** Program → nodes → routes are the grammar's only containments. */
function linkContainers(program: Program): void {
    const nodes = program.nodes;
    for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i];
        contain(node, program, 'nodes', i);
        const routes = node.routes;
        for (let j = 0; j < routes.length; j++) contain(routes[j], node, 'routes', j);
    }
}

/** What Langium's linkContentToContainer sets on an element of a containment list. */
function contain(child: AstNode, container: AstNode, property: string, index: number): void {
    const mutable = child as { -readonly [K in keyof AstNode]: AstNode[K] };
    mutable.$container = container;
    mutable.$containerProperty = property;
    mutable.$containerIndex = index;
}

/** Langium's createLangiumParser with this parser class. */
export function createManufactoriaParser(services: LangiumCoreServices): ManufactoriaParser {
    const parser = new ManufactoriaParser(services);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
