// Canvas colours from the VS Code theme. A canvas cannot use CSS variables directly, so they are
// resolved to strings once and again whenever VS Code swaps the theme (it rewrites the <html> style
// and the body class).

export interface Palette {
    background: string;
    foreground: string;
    muted: string;
    truth: string;
    pass: string;
    fail: string;
    /** The model's predicted track. */
    model: string;
    highlight: string;
    font: string;
}

const VARS: Record<Exclude<keyof Palette, 'font'>, [string, string]> = {
    background: ['--vscode-editor-background', '#1e1e1e'],
    foreground: ['--vscode-editor-foreground', '#d4d4d4'],
    muted: ['--vscode-descriptionForeground', '#999999'],
    truth: ['--vscode-charts-green', '#89d185'],
    pass: ['--vscode-testing-iconPassed', '#73c991'],
    fail: ['--vscode-testing-iconFailed', '#f14c4c'],
    model: ['--vscode-charts-orange', '#d18616'],
    highlight: ['--vscode-focusBorder', '#007fd4'],
};

export function readPalette(): Palette {
    const style = getComputedStyle(document.documentElement);
    const read = ([name, fallback]: [string, string]) => style.getPropertyValue(name).trim() || fallback;
    const family = style.getPropertyValue('--vscode-font-family').trim() || 'sans-serif';
    return {
        background: read(VARS.background),
        foreground: read(VARS.foreground),
        muted: read(VARS.muted),
        truth: read(VARS.truth),
        pass: read(VARS.pass),
        fail: read(VARS.fail),
        model: read(VARS.model),
        highlight: read(VARS.highlight),
        font: `11px ${family}`,
    };
}

/** Calls `onChange` after VS Code changes the theme. */
export function watchTheme(onChange: () => void): void {
    const observer = new MutationObserver(onChange);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
    observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
