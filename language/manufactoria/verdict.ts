// The single verdict path: the Langium parser, the reference checks, then the compiled program.
// The CLI, the verifier and the language server all go through here.
import type { Program } from './generated/ast.js';
import { compileProgram, type CompiledProgram } from './interpreter/compile.js';
import { layoutOf } from './lexing/reference-layout.js';
import { createManufactoriaCoreServices, type ManufactoriaServices } from './manufactoria-module.js';
import type { ManufactoriaParser } from './services/parser.js';
import { firstReferenceError, formatReferenceError, referenceErrors, type ReferenceError } from './validation/reference-errors.js';

export type Verdict =
    | { ok: true; program: CompiledProgram; ast: Program }
    | { ok: false; error: string; message: string; line: number | null; ast: Program };

let services: ManufactoriaServices | undefined;
/** The services' parser: ManufactoriaParser (manufactoria-module.ts). */
const parser = () => (services ??= createManufactoriaCoreServices().Manufactoria).parser.LangiumParser as ManufactoriaParser;

export function parseProgram(text: string): Program {
    return parser().parse<Program>(text).value;
}

export function verdictOf(text: string): Verdict {
    const ast = parseProgram(text);
    const first = firstReferenceError(referenceErrors(ast, text, layoutOf(text)));
    if (first) return { ...failed(first), ast };
    return { ok: true, program: compileProgram(ast), ast };
}

/** A verdict without the AST: what the verifier and `delta verify` keep of it. */
export type ProgramVerdict = { ok: true; program: CompiledProgram } | { ok: false; error: string; message: string; line: number | null };

function failed(first: ReferenceError): Extract<ProgramVerdict, { ok: false }> {
    return { ok: false, error: formatReferenceError(first), message: first.message, line: first.line };
}

/**
 * verdictOf(text) without its AST, cheaper: the parse builds no CST (the CST serves the editor; an
 * error's line comes from the token offsets the CST-less parse records). When the grammar walk
 * cannot parse the text without a CST, verdictOf's parse decides.
 */
export function programVerdictOf(text: string): ProgramVerdict {
    const ast = parser().parseAst(text);
    if (!ast) {
        const { ast: _, ...verdict } = verdictOf(text);
        return verdict;
    }
    const first = firstReferenceError(referenceErrors(ast, text));
    return first ? failed(first) : { ok: true, program: compileProgram(ast) };
}
