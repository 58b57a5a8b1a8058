// Command ids shared by the manifest (package.json `contributes.commands`) and the client.
import * as vscode from 'vscode';
import type { ManufactoriaServer } from './server.js';

export const COMMAND_RESTART_SERVER = 'manufactoria.restartServer';
export const COMMAND_SHOW_OUTPUT = 'manufactoria.showOutput';

export function registerServerCommands(server: ManufactoriaServer): vscode.Disposable[] {
    return [
        vscode.commands.registerCommand(COMMAND_RESTART_SERVER, () => server.restart()),
        vscode.commands.registerCommand(COMMAND_SHOW_OUTPUT, () => server.log.show(true)),
    ];
}
