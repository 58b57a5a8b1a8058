// "Generate BouncingSim Problems…": a four-step form (family, difficulty, count, seed), then
// `delta bouncingsim generate` in a child process (out/bouncingsim.cjs), so sampling and simulation
// never run on the extension host's thread. Progress comes from the CLI's one line per problem.
import { fork } from 'node:child_process';
import * as vscode from 'vscode';
import { countProblem, defaultOutFolder, difficultyChoices, FAMILY_CHOICES, familyProblem, generateArgs, seedProblem, type GenerateForm } from './generate-form.js';

const TITLE = 'Generate BouncingSim Problems';

async function askForm(): Promise<GenerateForm | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
        void vscode.window.showErrorMessage(`${TITLE}: open a folder first; the problems are written into it.`);
        return undefined;
    }
    const picked = await vscode.window.showQuickPick(FAMILY_CHOICES, { title: `${TITLE} (1/4): family`, placeHolder: 'What should be hard about the scenes?', matchOnDescription: true });
    if (!picked) return undefined;
    const family = picked.family ?? await vscode.window.showInputBox({
        title: `${TITLE} (1/4): family letters`, prompt: 'Letters of A B C D F G (any order), or H', validateInput: familyProblem,
    });
    if (!family) return undefined;
    const letters = [...family.toUpperCase()].sort().join('');
    const level = await vscode.window.showQuickPick(difficultyChoices(letters), { title: `${TITLE} (2/4): difficulty` });
    if (!level) return undefined;
    const count = await vscode.window.showInputBox({ title: `${TITLE} (3/4): how many problems`, value: '10', validateInput: countProblem });
    if (!count) return undefined;
    const seed = await vscode.window.showInputBox({ title: `${TITLE} (4/4): seed`, value: '1', prompt: 'The same seed gives the same problems', validateInput: seedProblem });
    if (!seed) return undefined;
    const out = vscode.Uri.joinPath(folder.uri, defaultOutFolder(letters, level.difficulty)).fsPath;
    return { family: letters, difficulty: level.difficulty, count: Number(count), seed, out };
}

/** Runs the CLI; resolves with the rows file line ("… problem(s): FILE") or rejects with its stderr. */
function runGenerator(cli: string, form: GenerateForm, progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<string> {
    return new Promise((resolve, reject) => {
        // No inherited execArgv: the extension host's (inspector, heap flags) are not the CLI's.
        const child = fork(cli, generateArgs(form), { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
        let stderr = '';
        let done = 0;
        const cancel = token.onCancellationRequested(() => child.kill());
        child.stderr!.setEncoding('utf8');
        child.stderr!.on('data', (chunk: string) => {
            stderr += chunk;
            for (const line of chunk.split('\n')) {
                const id = /^(\S+_\d+_\d+)\s/.exec(line);
                if (id) progress.report({ message: `${++done}/${form.count} ${id[1]}`, increment: 100 / form.count });
            }
        });
        child.on('error', reject);
        child.on('exit', (code) => {
            cancel.dispose();
            if (token.isCancellationRequested) reject(new vscode.CancellationError());
            else if (code === 0) resolve(/problem\(s\): (.+)$/m.exec(stderr)?.[1] ?? form.out);
            else reject(new Error(stderr.split('\n').filter((l) => l.startsWith('delta:')).join('\n') || `the generator stopped (exit code ${code})`));
        });
    });
}

export async function generateProblems(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, onDone: () => void): Promise<void> {
    const form = await askForm();
    if (!form) return;
    const cli = vscode.Uri.joinPath(context.extensionUri, 'out', 'bouncingsim.cjs').fsPath;
    log.info(`${TITLE}: delta ${generateArgs(form).join(' ')}`);
    try {
        const rowsFile = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: `Generating ${form.count} ${form.family} problems`, cancellable: true },
            (progress, token) => runGenerator(cli, form, progress, token),
        );
        onDone();
        const open = await vscode.window.showInformationMessage(`Generated ${form.count} ${form.family} problems in ${vscode.workspace.asRelativePath(rowsFile)}.`, 'Open Rows');
        if (open) await vscode.window.showTextDocument(vscode.Uri.file(rowsFile));
    } catch (error) {
        if (error instanceof vscode.CancellationError) return;
        log.error(`${TITLE} failed`, error);
        void vscode.window.showErrorMessage(`${TITLE}: ${(error as Error).message}`);
    }
}
