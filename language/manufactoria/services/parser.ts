// Langium's LangiumParser, with the per-token and per-node bookkeeping that it does generically
// (grammar lookups through reflection, an Object.entries walk to set containers) done from tables
// built once for this grammar. The verifier parses every request it answers and that bookkeeping was
// over a third of a parse. The grammar-driven Chevrotain parse and the CST stay Langium's own, and
// test/language/parser-equivalence.test.ts pins the AST and CST equal to the stock parser's.
// parseAst() is the same parse without the CST, for the verdict of a program with no error (the CST
// is read only for error lines and the editor; see verdict.ts): about a third less work.
import {
    AstUtils, createParser, GrammarAST, LangiumParser,
    type AstNode, type CstNodeBuilder, type Linker, type ValueConverter, type LangiumCoreServices, type LexerResult, type ParseResult, type ParserOptions,
} from 'langium';
import type { TokenType } from 'chevrotain';
import { isProgram, type Program } from '../generated/ast.js';
import { terminalValue } from './value-converter.js';

/** The members of Langium 4.4's LangiumParser used below (private there). */
interface LangiumParserInternals {
    readonly nodeBuilder: CstNodeBuilder;
    readonly stack: Array<AstNode & Record<string, unknown>>;
    doParse(rule: unknown): AstNode;
    construct(): unknown;
}

/** Thrown inside parseAst() when the parse leaves what it handles without a CST. */
class NeedsCst extends Error {}

/** Langium's (unexported) types of a rule method and its arguments. */
type Args = Record<string, boolean>;
type RuleResult = (args: Args) => unknown;

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
    private readonly values: ValueConverter;
    private readonly references: Linker;

    constructor(private readonly services: LangiumCoreServices) {
        super(services);
        this.values = services.parser.ValueConverter;
        this.references = services.references.Linker;
        // Langium declares construct() private, so the replacement goes on the instance.
        this.internals.construct = () => this.constructNode();
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
        this.wrapper.input = lexed.tokens;
        try {
            const root = this.internals.doParse(this.mainRule);
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
     * no CST: no `$cstNode`, references without `$refNode`. Undefined when the parse reports an error
     * or meets a token or rule this mode does not handle: then use parse().
     */
    parseAst(input: string): Program | undefined {
        const lexed = this.lexed = this.lexer.tokenize(input);
        this.withCst = false;
        this.wrapper.input = lexed.tokens;
        try {
            const root = this.internals.doParse(this.mainRule);
            if (!isProgram(root) || this.wrapper.errors.length > 0 || lexed.errors.length > 0) return undefined;
            linkContainers(root);
            return root;
        } catch (error) {
            if (error instanceof NeedsCst) return undefined;
            throw error;
        } finally {
            this.internals.stack.length = 0;
            this.withCst = true;
            this.unorderedGroups.clear();
            this.lexed = undefined;
        }
    }

    override subrule(idx: number, rule: RuleResult, fragment: boolean, feature: GrammarAST.AbstractElement, args: Args): void {
        if (this.withCst) return super.subrule(idx, rule, fragment, feature, args);
        if (this.isRecording()) {
            this.wrapper.wrapSubrule(idx, rule, args);
            return;
        }
        const target = this.planOf(feature).target;
        // This grammar's rule calls all add a node to a list (nodes+=Node, routes+=Route).
        if (fragment || !target || target.operator !== '+=' || target.crossReference) throw new NeedsCst();
        const result = this.wrapper.wrapSubrule(idx, rule, args);
        if (result === undefined) throw new NeedsCst();
        const node = this.internals.stack[this.internals.stack.length - 1];
        ((node[target.property] ??= []) as unknown[]).push(result);
    }

    override consume(idx: number, tokenType: TokenType, feature: GrammarAST.AbstractElement): void {
        if (!this.withCst) return this.consumeWithoutCst(idx, tokenType, feature);
        if (!this.lexed) return super.consume(idx, tokenType, feature);
        const token = this.wrapper.wrapConsume(idx, tokenType);
        if (this.isRecording() || token.isInsertedInRecovery || !Number.isFinite(token.startOffset) || !Number.isFinite(token.endOffset)) return;
        // Comments before this token go into the CST first, where Langium places them.
        const hidden = this.lexed.hidden;
        let next = this.hiddenDone;
        while (next < hidden.length && hidden[next].startOffset <= token.startOffset) next++;
        if (next > this.hiddenDone) {
            this.internals.nodeBuilder.addHiddenNodes(hidden.slice(this.hiddenDone, next));
            this.hiddenDone = next;
        }
        const leaf = this.internals.nodeBuilder.buildLeafNode(token, feature);
        const plan = this.planOf(feature);
        const stack = this.internals.stack;
        const node = stack[stack.length - 1];
        const target = plan.target;
        if (target || typeof node.$type !== 'string') {
            const converted = plan.keyword ? token.image : this.values.convert(token.image, leaf);
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

    private consumeWithoutCst(idx: number, tokenType: TokenType, feature: GrammarAST.AbstractElement): void {
        const token = this.wrapper.wrapConsume(idx, tokenType);
        if (this.isRecording()) return;
        if (token.isInsertedInRecovery || !Number.isFinite(token.startOffset)) throw new NeedsCst();
        const plan = this.planOf(feature);
        const target = plan.target;
        if (!target) return;
        const stack = this.internals.stack;
        const node = stack[stack.length - 1];
        if (typeof node.$type !== 'string') throw new NeedsCst();
        let value: unknown = token.image;
        if (!plan.keyword) {
            value = terminalValue(token.tokenType.name, token.image);
            if (value === undefined) throw new NeedsCst();
        }
        const item = target.crossReference && typeof value === 'string'
            ? this.references.buildReference(node, target.property, undefined, value)
            : value;
        switch (target.operator) {
            case '?=': node[target.property] = true; break;
            case '=': node[target.property] = item; break;
            case '+=': ((node[target.property] ??= []) as unknown[]).push(item); break;
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
            if (!this.withCst) throw new NeedsCst();
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
