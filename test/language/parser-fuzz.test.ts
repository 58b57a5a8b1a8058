// Any text parses: no throw, no lexer or parser error, always a verdict; and the editor's
// diagnostics carry the same verdict as the single verdict path (issue: one grammar, one verdict).
import fc from 'fast-check';
import { binaryString } from '../helpers/binary-string.js';
import { parseDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { Program } from '../../language/manufactoria/generated/ast.js';
import { createManufactoriaCoreServices } from '../../language/manufactoria/manufactoria-module.js';
import { verdictFromDiagnostics } from '../helpers/verdict-from-diagnostics.js';
import { verdictOf } from '../../language/manufactoria/verdict.js';
import { readJsonLines } from '../helpers/fixtures.js';

const { Manufactoria } = createManufactoriaCoreServices();

const PIECES = [
    'START', 'END', 'PULLER_RB', 'PULLER_YG', 'PAINTER_RED', 'PAINTER_BLUE', 'PAINTER_YELLOW', 'PAINTER_GREEN', 'NEXT', 'NONE',
    'start', 'end', 'a', 'n1', 'café', '_', '1', '[R]', '[B]', '[Y]', '[G]', '[EMPTY]', '[', ']', ':', '::', '#', '# c:',
    ' ', '  ', '    ', '\t', '\n', '\r\n', '\r', '\u00a0', '\u3000', '\u0085', '\u001c', '\ufeff', '\u2028', '```', '```manufactoria', '😀', 'x',
];
const fragment = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 }), binaryString({ maxLength: 2 }));
const randomText = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));

const programs = readJsonLines<{ dsl: string }>('manufactoria/random_programs.jsonl').map((r) => r.dsl);
const mutated = fc.tuple(fc.constantFrom(...programs), fc.array(fc.tuple(fc.nat(), fc.nat(3), fragment), { minLength: 1, maxLength: 6 }))
    .map(([text, edits]) => edits.reduce((t, [at, remove, insert]) => {
        const i = at % (t.length + 1);
        return t.slice(0, i) + insert + t.slice(i + remove);
    }, text));

async function expectConsistent(text: string): Promise<void> {
    const parsed = Manufactoria.parser.LangiumParser.parse(text);
    const verdict = verdictOf(text);
    const document = await parseDocument<Program>(Manufactoria, text, { validation: true });
    const errors = (document.diagnostics ?? []).filter((d) => d.severity === 1);
    const fromDiagnostics = verdictFromDiagnostics(errors);
    // One expect a text (3,000 texts; each expect costs ~20 µs of vitest's bookkeeping): no lexer or
    // parser error; a rejection names its line or nothing; the diagnostics carry the same verdict; and
    // error diagnostics exist exactly when the reference rejects the text.
    expect({
        lexerErrors: parsed.lexerErrors,
        parserErrors: parsed.parserErrors,
        error: verdict.ok ? undefined : verdict.error,
        fromDiagnostics: fromDiagnostics.ok ? { ok: true } : { ok: false, error: fromDiagnostics.error },
        errorDiagnostics: errors.length > 0,
    }).toEqual({
        lexerErrors: [],
        parserErrors: [],
        error: verdict.ok ? undefined : expect.stringMatching(/^(Line [1-9]\d*: )?\S/u),
        fromDiagnostics: verdict.ok ? { ok: true } : { ok: false, error: verdict.error },
        errorDiagnostics: !verdict.ok,
    });
}

describe('parser fuzz', () => {
    test('random texts', async () => {
        await fc.assert(fc.asyncProperty(randomText, expectConsistent), { numRuns: 1500, seed: 20251125 });
    });
    test('mutated fixture programs', async () => {
        await fc.assert(fc.asyncProperty(mutated, expectConsistent), { numRuns: 1500, seed: 42 });
    });
});
