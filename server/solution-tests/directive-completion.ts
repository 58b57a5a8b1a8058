// Completion inside directive comments: the keywords, problem files near the solution, and rows.
import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { LangiumDocument } from 'langium';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position, type Range } from 'vscode-languageserver';
import { isProblemFile } from '../../language/dataset/problems/formats.js';
import { parseProblemRef, ProblemLookup } from '../../language/dataset/problems/selector.js';
import { directiveHead } from '../../language/dataset/solutions/directives.js';
import { markdownCode, markdownText } from '../markdown-text.js';
import type { SolutionTestService } from './solution-service.js';

const SKIP_DIRS = new Set(['node_modules', '.git', 'out', '.e2e', '.vscode-test']);
const MAX_FILES = 200;

/** Items for a directive comment, or undefined when the cursor is not in one. */
export async function directiveCompletion(document: LangiumDocument, position: Position, solutions: SolutionTestService): Promise<CompletionItem[] | undefined> {
    const before = document.textDocument.getText({ start: { line: position.line, character: 0 }, end: position });
    if (/^[ \t]*#[ \t]*[a-z]*$/.test(before)) return keywordItems();
    const head = directiveHead(before);
    if (head?.keyword !== 'problem') return /^[ \t]*#/.test(before) ? [] : undefined;
    const typed = before.slice(head.valueStart);
    // An unsaved buffer has no folder to look in (see bindProblem).
    if (!isAbsolute(document.uri.fsPath)) return [];
    const solutionDir = dirname(document.uri.fsPath);
    const ref = parseProblemRef(typed);
    // Replace from the start of the path (or of the selector), not just the word under the cursor.
    const valueStart = before.length - typed.length;
    const from = ref.selector === undefined ? valueStart : valueStart + ref.path.length + 1;
    const range = { start: { line: position.line, character: from }, end: position };
    if (ref.selector === undefined) return fileItems(solutionDir, range);
    return rowItems(join(solutionDir, ref.path), solutions, range);
}

function keywordItems(): CompletionItem[] {
    return [
        {
            label: 'problem:', kind: CompletionItemKind.Keyword, insertText: 'problem: $0', insertTextFormat: InsertTextFormat.Snippet,
            detail: 'bind a problem: <relative path>[#<id | name | row index>]', command: { title: 'files', command: 'editor.action.triggerSuggest' },
        },
        {
            label: 'test: … -> accept|reject', filterText: 'test:', kind: CompletionItemKind.Snippet,
            insertText: 'test: ${1:RB} -> ${2|accept,reject|}', insertTextFormat: InsertTextFormat.Snippet, detail: 'an inline acceptance test ("" is the empty tape)',
        },
        {
            label: 'test: … => output', filterText: 'test:', kind: CompletionItemKind.Snippet,
            insertText: 'test: ${1:RB} => ${2:RBR}', insertTextFormat: InsertTextFormat.Snippet, detail: 'an inline output test (with . + * ? | ( ) in it, the output is a Python regex)',
        },
    ];
}

async function fileItems(root: string, range: Range): Promise<CompletionItem[]> {
    const files: string[] = [];
    const walk = async (dir: string, depth: number): Promise<void> => {
        if (depth > 3 || files.length >= MAX_FILES) return;
        const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
        for (const entry of entries) {
            if (entry.isDirectory() && !SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) await walk(join(dir, entry.name), depth + 1);
            else if (entry.isFile() && isProblemFile(entry.name) && files.length < MAX_FILES) files.push(join(dir, entry.name));
        }
    };
    await walk(root, 0);
    return files.map((file) => {
        const path = relative(root, file).split(sep).join('/');
        return { label: path, kind: CompletionItemKind.File, textEdit: { range, newText: `${path}#` }, command: { title: 'rows', command: 'editor.action.triggerSuggest' } };
    });
}

async function rowItems(file: string, solutions: SolutionTestService, range: Range): Promise<CompletionItem[]> {
    const loaded = await solutions.problems.load(file).catch(() => undefined);
    if (!loaded) return [];
    const lookup = new ProblemLookup(loaded.problems);
    return loaded.problems.map((p, i) => ({
        label: p.name,
        kind: CompletionItemKind.Value,
        // The name reads best; a name shared by several rows (or an id) would not select this row.
        textEdit: { range, newText: lookup.selectorOf(p, 'name') },
        filterText: `${p.name} ${p.id}`,
        sortText: String(i).padStart(6, '0'),
        detail: `row ${p.source.index} · ${p.family} · ${p.level} · ${p.colorMode} · ${p.testCases.length} tests`,
        documentation: { kind: 'markdown', value: `${markdownText(p.criteria)}\n\nid ${markdownCode(p.id)}` },
    }));
}
