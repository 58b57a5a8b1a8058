// The settings that say how BouncingSim model answers run (trajectory panel, rollout explorer):
// `deltaStudio.python.path`, the interpreter (undefined: the runner's default), and
// `deltaStudio.python.sandbox`, the explicit opt-out of the sandbox.
import * as vscode from 'vscode';

/**
 * `deltaStudio.python.sandbox` (machine-scoped, restricted in untrusted workspaces): model code runs
 * sandboxed or not at all, unless the user turned the setting off.
 */
export function configuredSandbox(): 'require' | 'off' {
    return vscode.workspace.getConfiguration('deltaStudio').get<boolean>('python.sandbox', true) === false ? 'off' : 'require';
}

export function configuredPython(): string | undefined {
    return vscode.workspace.getConfiguration('deltaStudio').get<string>('python.path')?.trim() || undefined;
}
