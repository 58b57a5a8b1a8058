// The `deltaStudio.python.path` setting: the interpreter that runs BouncingSim model answers
// (trajectory panel, rollout explorer); undefined means the runner's default.
import * as vscode from 'vscode';

export function configuredPython(): string | undefined {
    return vscode.workspace.getConfiguration('deltaStudio').get<string>('python.path')?.trim() || undefined;
}
