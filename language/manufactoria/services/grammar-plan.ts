// The grammar as a plan for a one-token-lookahead walk (services/parser.ts drives it): each parser
// rule's definition turned into steps that know the token types they can start with. Chevrotain does
// the same decisions through its generic rule machinery (lookahead functions, rule wrappers, a
// recorded grammar), which was about half of a parse of this grammar. The plan is built from the
// grammar itself, so the grammar stays the one definition; a grammar the walk cannot decide with one
// token (overlapping alternatives, an alternative that can be empty, actions, fragments, data type
// rules, …) gets no plan and the parser keeps Chevrotain's walk.
import { GrammarAST, GrammarUtils } from 'langium';
import type { TokenType, TokenTypeDictionary } from 'chevrotain';

export type Cardinality = '?' | '*' | '+' | undefined;

interface StepBase {
    cardinality: Cardinality;
    /** Token types that can start the step (once). */
    first: ReadonlySet<TokenType>;
}

export type Step =
    | StepBase & { kind: 'group'; steps: Step[] }
    | StepBase & { kind: 'alternatives'; alternatives: Step[] }
    /** One token: a keyword, a terminal rule call or a cross-reference's terminal; `feature` as Langium's parser passes it. */
    | StepBase & { kind: 'token'; tokenType: TokenType; feature: GrammarAST.AbstractElement }
    /** A parser rule call: a new AST node of `type`, built by the rule's `body`, added through `feature`. */
    | StepBase & { kind: 'call'; rule: RulePlan; feature: GrammarAST.RuleCall };

export interface RulePlan {
    type: string;
    body: Step | undefined;
}

class NotPlannable extends Error {}

/** The entry rule's plan, or undefined when the grammar needs more than one token of lookahead. */
export function planGrammar(grammar: GrammarAST.Grammar, tokens: TokenTypeDictionary): RulePlan | undefined {
    const entry = grammar.rules.find((r): r is GrammarAST.ParserRule => GrammarAST.isParserRule(r) && r.entry);
    if (!entry) return undefined;
    if (Object.values(tokens).some((t) => (t.CATEGORIES?.length ?? 0) > 0)) return undefined;
    const plans = new Map<GrammarAST.ParserRule, RulePlan>();
    const tokenOf = (name: string): TokenType => {
        const type = tokens[name];
        if (!type) throw new NotPlannable(`no token type ${name}`);
        return type;
    };

    const ruleOf = (rule: GrammarAST.ParserRule): RulePlan => {
        let plan = plans.get(rule);
        if (plan) return plan;
        if (rule.fragment || GrammarUtils.isDataTypeRule(rule) || rule.parameters.length > 0 || GrammarAST.isInfixRule(rule)) throw new NotPlannable(rule.name);
        plan = { type: GrammarUtils.getTypeName(rule), body: undefined };
        plans.set(rule, plan);
        plan.body = stepOf(rule.definition);
        return plan;
    };

    const stepOf = (element: GrammarAST.AbstractElement): Step => {
        const cardinality = element.cardinality as Cardinality;
        if (GrammarAST.isAssignment(element)) {
            // The terminal of the assignment, with the assignment's cardinality.
            const inner = stepOf(element.terminal);
            return { ...inner, cardinality: cardinality ?? inner.cardinality };
        }
        if (GrammarAST.isGroup(element) && !GrammarAST.isUnorderedGroup(element)) {
            if (element.guardCondition) throw new NotPlannable('guard');
            const steps = element.elements.map(stepOf);
            return { kind: 'group', steps, cardinality, first: firstOfSequence(steps) };
        }
        if (GrammarAST.isAlternatives(element)) {
            const alternatives = element.elements.map(stepOf);
            const first = new Set<TokenType>();
            for (const alternative of alternatives) {
                if (nullable(alternative)) throw new NotPlannable('an alternative can be empty');
                for (const type of alternative.first) {
                    if (first.has(type)) throw new NotPlannable(`alternatives share ${type.name}`);
                    first.add(type);
                }
            }
            return { kind: 'alternatives', alternatives, cardinality, first };
        }
        if (GrammarAST.isKeyword(element)) {
            const tokenType = tokenOf(element.value);
            return { kind: 'token', tokenType, feature: element, cardinality, first: new Set([tokenType]) };
        }
        if (GrammarAST.isCrossReference(element)) {
            if (element.isMulti) throw new NotPlannable('multi-reference');
            // Langium's parser consumes the reference's terminal with the CrossReference as the feature.
            const terminal = element.terminal ?? undefined;
            const rule = terminal && GrammarAST.isRuleCall(terminal) ? terminal.rule.ref : undefined;
            if (!rule || !GrammarAST.isTerminalRule(rule)) throw new NotPlannable('cross-reference terminal');
            const tokenType = tokenOf(rule.name);
            return { kind: 'token', tokenType, feature: element, cardinality, first: new Set([tokenType]) };
        }
        if (GrammarAST.isRuleCall(element)) {
            const rule = element.rule.ref;
            if (element.arguments.length > 0) throw new NotPlannable('rule arguments');
            if (GrammarAST.isTerminalRule(rule)) {
                const tokenType = tokenOf(rule.name);
                return { kind: 'token', tokenType, feature: element, cardinality, first: new Set([tokenType]) };
            }
            if (GrammarAST.isParserRule(rule)) {
                const plan = ruleOf(rule);
                if (!plan.body) throw new NotPlannable(`left recursion through ${rule.name}`);
                if (nullable(plan.body)) throw new NotPlannable(`${rule.name} can be empty`);
                return { kind: 'call', rule: plan, feature: element, cardinality, first: plan.body.first };
            }
        }
        throw new NotPlannable(element.$type);
    };

    try {
        return ruleOf(entry);
    } catch (error) {
        if (error instanceof NotPlannable) return undefined;
        throw error;
    }
}

/** True if the step can match no token at all. */
export function nullable(step: Step): boolean {
    if (step.cardinality === '?' || step.cardinality === '*') return true;
    if (step.kind === 'group') return step.steps.every(nullable);
    return false;
}

function firstOfSequence(steps: Step[]): Set<TokenType> {
    const first = new Set<TokenType>();
    for (const step of steps) {
        for (const type of step.first) first.add(type);
        if (!nullable(step)) break;
    }
    return first;
}
