// The single verdict path: the Langium parser, the reference checks, then the compiled program.
// The CLI, the verifier and the language server all go through here.
import type { Program } from './generated/ast.js';
import { compileProgram, type CompiledProgram } from './interpreter/compile.js';
import { layoutOf } from './lexing/reference-layout.js';
import { createManufactoriaCoreServices, type ManufactoriaServices } from './manufactoria-module.js';
import { firstReferenceError, formatReferenceError, referenceErrors } from './validation/reference-errors.js';

export type Verdict =
    | { ok: true; program: CompiledProgram; ast: Program }
    | { ok: false; error: string; message: string; line: number | null; ast: Program };

let services: ManufactoriaServices | undefined;

export function parseProgram(text: string): Program {
    services ??= createManufactoriaCoreServices().Manufactoria;
    return services.parser.LangiumParser.parse<Program>(text).value;
}

export function verdictOf(text: string): Verdict {
    const ast = parseProgram(text);
    const first = firstReferenceError(referenceErrors(ast, text, layoutOf(text)));
    if (first) return { ok: false, error: formatReferenceError(first), message: first.message, line: first.line, ast };
    return { ok: true, program: compileProgram(ast), ast };
}
