// "Open Solution" on a problem: opens the solution file that binds it, or creates one in a
// `solutions/` folder beside the problems' folder (not among the problem files): the `# problem:`
// directive, the criteria as comments, sample tests, and a program that rejects every tape.
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { ProblemNode } from './problem-tree.js';
import { bindsProblem, solutionFileNames, solutionText } from './solution-file.js';

export async function openSolution(node: ProblemNode | undefined): Promise<void> {
    if (node?.kind !== 'problem') {
        return void vscode.window.showInformationMessage('Manufactoria: choose a problem in the Manufactoria Problems view, then "Open Solution".');
    }
    const { problem, selector } = node;
    const problemFile = vscode.Uri.file(node.file);
    const problemDir = vscode.Uri.joinPath(problemFile, '..');
    const root = vscode.workspace.getWorkspaceFolder(problemFile)?.uri;
    // Beside the problems' folder; a problem file at the workspace root gets a solutions/ folder there.
    const dir = vscode.Uri.joinPath(root && root.path === problemDir.path ? problemDir : vscode.Uri.joinPath(problemDir, '..'), 'solutions');
    const problemFileName = posix.relative(dir.path, problemFile.path);

    let free: vscode.Uri | undefined;
    let first: vscode.Uri | undefined;
    for (const name of solutionFileNames(problem.name, problem.id)) {
        const uri = vscode.Uri.joinPath(dir, name);
        first ??= uri;
        const text = await readText(uri);
        if (text === undefined) free ??= uri;
        else if (bindsProblem(text, problemFileName, selector)) return show(uri);
    }
    if (free) {
        await vscode.workspace.fs.writeFile(free, new TextEncoder().encode(solutionText(problemFileName, selector, problem.criteria, problem.testCases)));
        return show(free);
    }
    // Every candidate name is taken by a file for another problem: show the first, say why.
    void vscode.window.showWarningMessage(`Manufactoria: ${first!.path.split('/').pop()} already exists and binds another problem.`);
    return show(first!);
}

async function show(uri: vscode.Uri): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(uri);
    // The cursor goes to the program, below the directive and the criteria.
    const start = doc.getText().search(/^START\b/m);
    const at = start >= 0 ? doc.positionAt(start) : new vscode.Position(0, 0);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(at, at), preview: false });
}

/** The open buffer's text when there is one (it may be unsaved), else the file's; undefined if missing. */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
        return undefined;
    }
}
