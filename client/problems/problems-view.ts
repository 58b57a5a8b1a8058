// The "Manufactoria Problems" tree view over ProblemFiles.
import * as vscode from 'vscode';
import type { ProblemFiles } from './problem-files.js';
import type { ProblemStatus, SolutionResults } from './problem-status.js';
import type { ProblemNode } from './problem-tree.js';

export const PROBLEMS_VIEW = 'manufactoria.problems';
export const COMMAND_OPEN_PROBLEM_ROW = 'manufactoria.problems.openRow';

const GROUP_ICONS = { family: 'symbol-class', level: 'graph', colorMode: 'symbol-color' } as const;
const STATUS_ICONS: Record<ProblemStatus, vscode.ThemeIcon> = {
    solved: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
    failing: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
    none: new vscode.ThemeIcon('beaker'),
};

export class ProblemsTree implements vscode.TreeDataProvider<ProblemNode>, vscode.Disposable {
    private readonly changes = new vscode.EventEmitter<void>();
    readonly onDidChangeTreeData = this.changes.event;
    private readonly subscriptions: { dispose(): void }[];

    constructor(
        private readonly files: ProblemFiles,
        private readonly results: SolutionResults,
    ) {
        // A solution's run changes its problem's row; redrawing the tree is cheap (rows are built once per load).
        this.subscriptions = [files.onDidChange(() => this.changes.fire()), results.onDidChange(() => this.changes.fire())];
    }

    dispose(): void {
        for (const s of this.subscriptions) s.dispose();
        this.changes.dispose();
    }

    async getChildren(node?: ProblemNode): Promise<ProblemNode[]> {
        if (!node) return (await this.files.list()).map((f) => f.node);
        return 'children' in node ? node.children : [];
    }

    getTreeItem(node: ProblemNode): vscode.TreeItem {
        const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
        const item = new vscode.TreeItem(node.label, 'children' in node && node.children.length > 0 ? collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        switch (node.kind) {
            case 'file':
                item.description = node.description;
                item.resourceUri = vscode.Uri.file(node.file);
                item.iconPath = vscode.ThemeIcon.File;
                item.tooltip = node.file;
                item.contextValue = 'problemFile';
                item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
                break;
            case 'group':
                item.description = node.description;
                item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[node.by]);
                item.contextValue = 'problemGroup';
                break;
            case 'problem': {
                const status = this.results.statusOf(node.id);
                item.description = status.text ? `${status.text} · ${node.description}` : node.description;
                item.tooltip = status.details.length ? `${node.tooltip}\n\n${status.details.join('\n')}` : node.tooltip;
                item.iconPath = STATUS_ICONS[status.status];
                item.contextValue = 'problem';
                item.command = { command: COMMAND_OPEN_PROBLEM_ROW, title: 'Open Problem', arguments: [node] };
                break;
            }
            case 'issues':
                item.tooltip = node.tooltip;
                item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
                item.contextValue = 'problemIssues';
                break;
            case 'issue':
                item.tooltip = node.tooltip;
                item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
                item.contextValue = 'problemIssue';
                item.command = { command: COMMAND_OPEN_PROBLEM_ROW, title: 'Open Row', arguments: [node] };
                break;
        }
        return item;
    }
}
