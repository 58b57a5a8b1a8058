// ManufactoriaParser (language/services/parser.ts) replaces Langium's generic per-token and per-node
// bookkeeping with tables for this grammar. It must build exactly what Langium's own LangiumParser
// builds from the same grammar and tokens: the same AST (values, references, containers) and the same
// CST (nodes, offsets, token types, grammar elements, hidden comments, AST links).
import fc from 'fast-check';
import { createLangiumParser, isAstNode, isCompositeCstNode, isLeafCstNode, isReference, type AstNode, type CstNode } from 'langium';
import { describe, expect, test } from 'vitest';
import { createManufactoriaCoreServices } from '../../language/manufactoria/manufactoria-module.js';
import type { TokenTypeDictionary } from 'chevrotain';
import { planGrammar } from '../../language/manufactoria/services/grammar-plan.js';
import { DEFAULTS, ManufactoriaParser } from '../../language/manufactoria/services/parser.js';
import { programVerdictOf, verdictOf } from '../../language/manufactoria/verdict.js';
import { readJson, readJsonLines } from '../helpers/fixtures.js';

const { Manufactoria } = createManufactoriaCoreServices();
const ours = Manufactoria.parser.LangiumParser as ManufactoriaParser;
const stock = createLangiumParser(Manufactoria);

/** A plain description of a parse: the AST with references and containers, then the CST. */
function describeParse(text: string, parser: typeof stock): unknown {
    const { value, lexerErrors, parserErrors } = parser.parse(text);
    const cstIds = new Map<CstNode, number>();
    const cst = (node: CstNode): unknown => {
        cstIds.set(node, cstIds.size);
        const base = { offset: node.offset, length: node.length, range: node.range, grammar: node.grammarSource, hidden: node.hidden };
        if (isLeafCstNode(node)) return { ...base, token: node.tokenType.name, text: node.text };
        if (isCompositeCstNode(node)) return { ...base, content: node.content.map(cst), container: node.container ? cstIds.get(node.container) : null };
        return base;
    };
    const tree = cst(value.$cstNode!);
    const ast = (node: AstNode): unknown => {
        const described: Record<string, unknown> = {
            cst: node.$cstNode ? cstIds.get(node.$cstNode) : null,
            // The CST node knows its AST node back.
            backLink: node.$cstNode?.astNode === node,
            container: node.$container?.$type ?? null, property: node.$containerProperty ?? null, index: node.$containerIndex ?? null,
        };
        for (const [key, item] of Object.entries(node)) {
            if (key.startsWith('$') && key !== '$type') continue;
            if (Array.isArray(item)) described[key] = item.map((x) => (isAstNode(x) ? ast(x) : x));
            else if (isAstNode(item)) described[key] = ast(item);
            else if (isReference(item)) described[key] = { ref: item.$refText, at: item.$refNode ? cstIds.get(item.$refNode) : null };
            else described[key] = item;
        }
        return described;
    };
    return { ast: ast(value), cst: tree, keys: keyOrder(value), lexerErrors, parserErrors };
}

/** Property order too, since serializers (and `toEqual`'s opposite number, JSON.stringify) see it. */
function keyOrder(node: AstNode): string[] {
    const children = Object.entries(node).filter(([key]) => !key.startsWith('$')).map(([, v]) => v).flatMap((v) => (Array.isArray(v) ? v.filter(isAstNode) : isAstNode(v) ? [v] : []));
    return [Object.keys(node).join(','), ...children.flatMap(keyOrder)];
}

/** The AST alone: values, references by text, containers, property order; no CST. */
function describeAst(node: AstNode): unknown {
    const described: Record<string, unknown> = {
        container: node.$container?.$type ?? null, property: node.$containerProperty ?? null, index: node.$containerIndex ?? null,
        keys: Object.keys(node).filter((key) => !key.startsWith('$') || key === '$type').join(','),
    };
    for (const [key, item] of Object.entries(node)) {
        if (key.startsWith('$') && key !== '$type') continue;
        if (Array.isArray(item)) described[key] = item.map((x) => (isAstNode(x) ? describeAst(x) : x));
        else if (isAstNode(item)) described[key] = describeAst(item);
        else if (isReference(item)) described[key] = { ref: item.$refText };
        else described[key] = item;
    }
    return described;
}

function expectSameParse(text: string): void {
    expect(describeParse(text, ours)).toEqual(describeParse(text, stock));
    // The CST-less parse of the verdict path: the same AST without CST nodes, and the same verdict.
    const withoutCst = ours.parseAst(text);
    if (withoutCst) {
        expect(withoutCst.$cstNode).toBeUndefined();
        expect(describeAst(withoutCst)).toEqual(describeAst(stock.parse(text).value));
    }
    const { ast: _, ...verdict } = verdictOf(text);
    expect(programVerdictOf(text)).toEqual(verdict);
}

const PIECES = [
    'START', 'END', 'PULLER_RB', 'PULLER_YG', 'PAINTER_RED', 'PAINTER_GREEN', 'NEXT', 'NONE', 'start', 'end', 'a', 'n1', 'café',
    '[R]', '[B]', '[Y]', '[EMPTY]', '[', ':', '#', '# c:', ' ', '    ', '\t', '\n', '\n    ', '\n\t', '\r\n', '\r', '\u3000', '```', '😀',
];
const fragment = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 }));
const line = fc.oneof(
    fc.tuple(fc.constantFrom('START', 'END', 'PULLER_RB', 'PULLER_YG', 'PAINTER_BLUE', 'PAINTER_YELLOW', 'PULER'), fc.constantFrom(' start', ' end', ' a', ' b', ''), fc.constantFrom(':', '', '::', ': # x')).map((p) => p.join('')),
    fc.tuple(fc.constantFrom('    ', '\t', '  '), fc.constantFrom('[R]', '[B]', '[Y]', '[G]', '[EMPTY]', 'NEXT', '[RB]'), fc.constantFrom(' start', ' end', ' a', ' NONE', ''), fc.constantFrom('', ' # r', ' x')).map((p) => p.join('')),
    fc.constantFrom('', '# comment', '```', '   '),
    fc.array(fragment, { maxLength: 8 }).map((p) => p.join('')),
);
const program = fc.array(line, { maxLength: 30 }).map((lines) => lines.join('\n'));

describe('ManufactoriaParser builds what Langium\'s LangiumParser builds', () => {
    test('it is the parser the services use', () => expect(ours).toBeInstanceOf(ManufactoriaParser));
    test('the grammar has a one-token walk plan', () => {
        expect(planGrammar(Manufactoria.Grammar, Manufactoria.parser.Lexer.definition as TokenTypeDictionary)).toBeDefined();
    });
    test('its CST-less parse handles every program of the fixtures', () => {
        const texts = readJsonLines<{ dsl: string }>('manufactoria/random_programs.jsonl').map((r) => r.dsl);
        expect(texts.filter((text) => ours.parseAst(text) === undefined)).toEqual([]);
    });
    test('its written-out default values are the reflection\'s, property for property and in order', () => {
        const reflection = Manufactoria.shared.AstReflection;
        for (const type of reflection.getAllTypes()) {
            const expected = Object.values(reflection.getTypeMetaData(type).properties)
                .filter((p) => p.defaultValue !== undefined).map((p) => [p.name, p.defaultValue]);
            const filled: Record<string, unknown> = {};
            DEFAULTS[type]?.(filled);
            expect(Object.entries(filled), type).toEqual(expected);
        }
    });
    test('fixture programs', () => {
        const texts = [
            ...readJsonLines<{ dsl: string }>('manufactoria/random_programs.jsonl').map((r) => r.dsl),
            ...readJsonLines<{ dsl: string }>('manufactoria/edge_cases.jsonl').map((r) => r.dsl),
            ...readJson<Array<{ request?: { dsl?: unknown } | null }>>('manufactoria/api_cases.json').map((c) => c.request?.dsl).filter((d): d is string => typeof d === 'string'),
        ];
        expect(texts.length).toBeGreaterThan(200);
        const before = ours.chevrotainParses;
        for (const text of texts) expectSameParse(text);
        // The grammar walk built them all (Chevrotain's walk is only the fallback).
        expect(ours.chevrotainParses).toBe(before);
    });
    test('comments before, between and after tokens', () => {
        expectSameParse('# lead\n```\nSTART start: # s\n    # inside\n    NEXT end # r\n# between\nEND end # e\n```\n# tail');
        expectSameParse('# only a comment');
        expectSameParse('');
    });
    test('random line-shaped programs', () => {
        fc.assert(fc.property(program, (text) => { expectSameParse(text); }), { numRuns: 800, seed: 7 });
    });
    test('random texts', () => {
        const before = ours.chevrotainParses;
        fc.assert(fc.property(fc.array(fragment, { maxLength: 60 }).map((p) => p.join('')), (text) => { expectSameParse(text); }), { numRuns: 800, seed: 8 });
        expect(ours.chevrotainParses).toBe(before);
    });
});
