// The Rollouts view: open runs → families → problems, each with its solve rate and counts.
import * as vscode from 'vscode';
import type { Run, Runs } from './runs.js';
import { countsOf, describeCounts, describeSolved } from './tree-text.js';

export const ROLLOUTS_VIEW = 'deltaStudio.rollouts';

export type RolloutNode =
    | { kind: 'run'; run: Run }
    | { kind: 'family'; run: Run; family: string }
    | { kind: 'problem'; run: Run; problem: number };

export class RolloutsTree implements vscode.TreeDataProvider<RolloutNode> {
    readonly onDidChangeTreeData: vscode.Event<void>;

    constructor(private readonly runs: Runs) {
        this.onDidChangeTreeData = runs.onDidChange;
    }

    getChildren(node?: RolloutNode): RolloutNode[] {
        if (!node) return this.runs.all.map((run) => ({ kind: 'run', run }));
        const o = node.run.overview;
        if (node.kind === 'run') return o.families.map((family) => ({ kind: 'family', run: node.run, family }));
        if (node.kind === 'family') {
            return o.problems.map((p, i) => ({ p, i })).filter(({ p }) => p.family === node.family).map(({ i }) => ({ kind: 'problem', run: node.run, problem: i }));
        }
        return [];
    }

    getTreeItem(node: RolloutNode): vscode.TreeItem {
        const o = node.run.overview;
        if (node.kind === 'run') {
            const item = new vscode.TreeItem(node.run.title, vscode.TreeItemCollapsibleState.Expanded);
            item.id = `run:${node.run.key}`;
            item.description = `${o.total} rollouts · ${describeCounts(countsOf(o, () => true))}`;
            item.tooltip = `${node.run.paths.join('\n')}\n${o.steps.length} steps · ${o.problems.length} problems${o.synthetic ? '\nSYNTHETIC data' : ''}`;
            item.iconPath = new vscode.ThemeIcon('graph');
            item.contextValue = 'rolloutRun';
            item.command = { command: 'deltaStudio.rollouts.showOverview', title: 'Show Overview', arguments: [node] };
            return item;
        }
        if (node.kind === 'family') {
            const item = new vscode.TreeItem(node.family, vscode.TreeItemCollapsibleState.Collapsed);
            item.id = `run:${node.run.key}:family:${node.family}`;
            item.description = describeCounts(countsOf(o, (p) => o.problems[p].family === node.family));
            item.iconPath = new vscode.ThemeIcon('symbol-class');
            item.contextValue = 'rolloutFamily';
            return item;
        }
        const p = o.problems[node.problem];
        const counts = countsOf(o, (i) => i === node.problem);
        const item = new vscode.TreeItem(p.label, vscode.TreeItemCollapsibleState.None);
        item.id = `run:${node.run.key}:problem:${p.id}`;
        item.description = `${describeCounts(counts)} · ${describeSolved(o.passAt.find((r) => r.p === node.problem))}`;
        item.tooltip = `${p.id}\n${p.family}${p.level ? ` · ${p.level}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(counts.c > 0 ? 'pass' : 'error');
        item.contextValue = 'rolloutProblem';
        item.command = { command: 'deltaStudio.rollouts.showOverview', title: 'Show Overview', arguments: [node] };
        return item;
    }
}
