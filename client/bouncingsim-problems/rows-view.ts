// The "BouncingSim Problems" tree: BouncingSim dataset rows of the workspace's JSONL files, by
// family and difficulty; a row opens its trajectory. Files load on the first look at the view.
import * as vscode from 'vscode';
import { bouncingSimRows, rowTree, type BsNode, type BsRow } from './row-tree.js';

export const BS_PROBLEMS_VIEW = 'deltaStudio.bouncingsimProblems';
export const COMMAND_ROW_TRAJECTORY = 'deltaStudio.bouncingsimProblems.showTrajectory';
const JSONL_GLOB = '**/*.jsonl';
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/out/**,**/.e2e/**}';
/** Bigger files are skipped (listed in the log): reading them would stall the extension host. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export class BouncingSimRows implements vscode.TreeDataProvider<BsNode>, vscode.Disposable {
    private readonly rows = new Map<string, BsRow[]>();
    private loading: Promise<void> | undefined;
    private readonly changeEmitter = new vscode.EventEmitter<void>();
    readonly onDidChangeTreeData = this.changeEmitter.event;

    constructor(private readonly log: vscode.LogOutputChannel) {}

    dispose(): void {
        this.changeEmitter.dispose();
    }

    count(): number {
        return [...this.rows.values()].reduce((n, r) => n + r.length, 0);
    }

    rescan(): Promise<void> {
        this.loading = this.scan();
        return this.loading;
    }

    /** After a watcher event; ignored until the view has been shown once. */
    async reload(uri: vscode.Uri): Promise<void> {
        if (!this.loading) return;
        await this.loading;
        await this.load(uri);
        this.changeEmitter.fire();
    }

    forget(uri: vscode.Uri): void {
        if (this.rows.delete(uri.toString())) this.changeEmitter.fire();
    }

    async getChildren(node?: BsNode): Promise<BsNode[]> {
        if (node) return node.kind === 'group' ? node.children : [];
        this.loading ??= this.scan();
        await this.loading;
        return rowTree([...this.rows.values()].flat());
    }

    getTreeItem(node: BsNode): vscode.TreeItem {
        if (node.kind === 'group') {
            const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
            item.id = node.id;
            item.description = node.description;
            item.iconPath = new vscode.ThemeIcon(node.id.split('|').length === 2 ? 'symbol-class' : 'graph');
            item.contextValue = 'bouncingsimGroup';
            return item;
        }
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = node.description;
        item.tooltip = node.tooltip;
        item.iconPath = new vscode.ThemeIcon('circle-large-outline');
        item.contextValue = 'bouncingsimRow';
        item.command = { command: COMMAND_ROW_TRAJECTORY, title: 'Show Trajectory', arguments: [node] };
        return item;
    }

    private async scan(): Promise<void> {
        const uris = await vscode.workspace.findFiles(JSONL_GLOB, EXCLUDE);
        this.rows.clear();
        await vscode.window.withProgress({ location: { viewId: BS_PROBLEMS_VIEW } }, async () => {
            for (const uri of uris) await this.load(uri);
        });
        this.changeEmitter.fire();
    }

    private async load(uri: vscode.Uri): Promise<void> {
        const key = uri.toString();
        try {
            const stat = await vscode.workspace.fs.stat(uri);
            if (stat.size > MAX_FILE_BYTES) {
                this.log.info(`BouncingSim Problems: skipping ${uri.fsPath} (${stat.size} bytes, more than ${MAX_FILE_BYTES})`);
                this.rows.delete(key);
                return;
            }
            const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
            const rows = bouncingSimRows(text, key, uri.fsPath, vscode.workspace.asRelativePath(uri, false));
            if (rows.length) this.rows.set(key, rows);
            else this.rows.delete(key);
        } catch (error) {
            this.rows.delete(key);
            this.log.warn(`BouncingSim Problems: could not read ${uri.fsPath}`, error);
        }
    }
}
