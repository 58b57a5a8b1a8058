// Status bar item for the language server. Visible while it starts or after it failed; once it
// runs, only while a Manufactoria editor is active (so it does not clutter other languages).
import * as vscode from 'vscode';
import { LANGUAGE_ID, type ManufactoriaServer, type ServerPhase } from './server.js';
import { COMMAND_RESTART_SERVER, COMMAND_SHOW_OUTPUT } from './commands.js';

interface Look {
    text: string;
    tooltip: string;
    command: string;
    /** Stable accessible label; e2e tests locate the item by it. */
    label: string;
    error?: boolean;
}

const LOOKS: Record<ServerPhase, Look> = {
    starting: {
        text: '$(sync~spin) Manufactoria',
        tooltip: 'Manufactoria language server is starting…',
        command: COMMAND_SHOW_OUTPUT,
        label: 'Manufactoria language server: starting',
    },
    running: {
        text: '$(check) Manufactoria',
        tooltip: 'Manufactoria language server is running. Click to show its log.',
        command: COMMAND_SHOW_OUTPUT,
        label: 'Manufactoria language server: running',
    },
    stopped: {
        text: '$(circle-slash) Manufactoria',
        tooltip: 'Manufactoria language server is stopped. Click to restart it.',
        command: COMMAND_RESTART_SERVER,
        label: 'Manufactoria language server: stopped',
    },
    failed: {
        text: '$(error) Manufactoria',
        tooltip: 'Manufactoria language server failed to start (see the "Manufactoria" output). Click to restart it.',
        command: COMMAND_RESTART_SERVER,
        label: 'Manufactoria language server: failed',
        error: true,
    },
};

export class ServerStatusItem implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('manufactoria.server', vscode.StatusBarAlignment.Right, 100);
    private readonly disposables: vscode.Disposable[] = [this.item];

    constructor(private readonly server: ManufactoriaServer) {
        this.item.name = 'Manufactoria Language Server';
        this.disposables.push(
            server.onDidChangePhase(() => this.render()),
            vscode.window.onDidChangeActiveTextEditor(() => this.render()),
        );
        this.render();
    }

    private render(): void {
        const phase = this.server.phase;
        const look = LOOKS[phase];
        this.item.text = look.text;
        this.item.tooltip = look.tooltip;
        this.item.command = look.command;
        this.item.accessibilityInformation = { label: look.label };
        this.item.backgroundColor = look.error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
        const inManufactoria = vscode.window.activeTextEditor?.document.languageId === LANGUAGE_ID;
        if (phase === 'running' && !inManufactoria) this.item.hide();
        else this.item.show();
    }

    dispose(): void {
        for (const d of this.disposables) d.dispose();
    }
}
