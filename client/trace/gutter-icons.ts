// Visit-count gutter badges: one SVG file per distinct count under the extension's global storage,
// and one decoration type per file (gutterIconPath is fixed per decoration type).
import * as vscode from 'vscode';
import { badgeFileName, badgeSvg } from './gutter-svg.js';

export class GutterBadges implements vscode.Disposable {
    private readonly types = new Map<string, vscode.TextEditorDecorationType>();
    private readonly written = new Map<string, Promise<vscode.Uri>>();

    constructor(private readonly storage: vscode.Uri) {}

    /** Writes the badges `counts` need (once per session of the extension). */
    async prepare(counts: Iterable<number>): Promise<void> {
        await Promise.all([...new Set(counts)].map((count) => this.typeFor(count)));
    }

    /** The decoration type of `count`'s badge; undefined until prepare() wrote it. */
    typeNow(count: number): vscode.TextEditorDecorationType | undefined {
        return this.types.get(badgeFileName(count));
    }

    get allTypes(): Iterable<vscode.TextEditorDecorationType> {
        return this.types.values();
    }

    dispose(): void {
        for (const type of this.types.values()) type.dispose();
        this.types.clear();
    }

    private async typeFor(count: number): Promise<void> {
        const name = badgeFileName(count);
        if (this.types.has(name)) return;
        let file = this.written.get(name);
        if (!file) {
            file = this.write(name, badgeSvg(count));
            this.written.set(name, file);
            // A failed write (read-only storage, say) may succeed next time.
            file.catch(() => this.written.delete(name));
        }
        const uri = await file;
        if (!this.types.has(name)) this.types.set(name, vscode.window.createTextEditorDecorationType({ gutterIconPath: uri, gutterIconSize: 'contain' }));
    }

    private async write(name: string, svg: string): Promise<vscode.Uri> {
        const dir = vscode.Uri.joinPath(this.storage, 'trace-badges');
        await vscode.workspace.fs.createDirectory(dir);
        const uri = vscode.Uri.joinPath(dir, name);
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(svg));
        return uri;
    }
}
