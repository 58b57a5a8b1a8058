import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseDocument } from 'langium/test';
import type { Program } from '../../language/manufactoria/generated/ast.js';
import { createManufactoriaServices } from '../../server/manufactoria-server-module.js';

export const { Manufactoria } = createManufactoriaServices(EmptyFileSystem);

export async function open(text: string): Promise<LangiumDocument<Program>> {
    return parseDocument<Program>(Manufactoria, text, { validation: true });
}

/** Position of the n-th occurrence of `needle` (plus `delta` characters) in the document. */
export function positionOf(document: LangiumDocument, needle: string, delta = 0, nth = 0) {
    const text = document.textDocument.getText();
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' not found`);
    return document.textDocument.positionAt(at + delta);
}
