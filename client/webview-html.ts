// The page every DELTA webview starts from: nothing remote and nothing inline without the nonce.
// The CSP allows only our bundled script (out/webview/…, via asWebviewUri) and the nonce'd <style>.
// No `vscode` import, so the CSP is unit-tested.
import { randomBytes } from 'node:crypto';

export function makeNonce(): string {
    return randomBytes(18).toString('base64url');
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
    return `default-src 'none'; img-src ${cspSource}; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'`;
}

export interface PageOptions {
    /** `webview.cspSource` */
    cspSource: string;
    /** `webview.asWebviewUri(out/webview/<page>.js)` as a string. */
    scriptUri: string;
    nonce: string;
    /** Plain text (escaped here). */
    title: string;
}

/** A whole page: the CSP head with `style`, then `body` (trusted HTML), then the page's script. */
export function webviewHtml(o: PageOptions & { style: string; body: string }): string {
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(o.cspSource, o.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(o.title)}</title>
<style nonce="${o.nonce}">${o.style}</style>
</head>
<body>
${o.body}
<script nonce="${o.nonce}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>`;
}
