// Draws a trace into the editors of its file: visit badges and counts, the end of the run, and the
// current step. Colours are the extension's theme colours (package.json `contributes.colors`).
import * as vscode from 'vscode';
import type { TraceResult } from '../../server/protocol.js';
import type { GutterBadges } from './gutter-icons.js';
import { lineAnnotations, stepPlace, type Tone } from './trace-text.js';

const TONE_COLORS: Record<Tone, vscode.ThemeColor> = {
    step: new vscode.ThemeColor('manufactoria.trace.stepForeground'),
    passed: new vscode.ThemeColor('testing.iconPassed'),
    failed: new vscode.ThemeColor('testing.iconFailed'),
    muted: new vscode.ThemeColor('manufactoria.trace.visitsForeground'),
};

export class TraceView implements vscode.Disposable {
    private readonly step = vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        backgroundColor: new vscode.ThemeColor('manufactoria.trace.currentStepBackground'),
        overviewRulerColor: new vscode.ThemeColor('manufactoria.trace.currentStepBackground'),
        overviewRulerLane: vscode.OverviewRulerLane.Full,
    });
    private readonly endPassed = vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        backgroundColor: new vscode.ThemeColor('manufactoria.trace.endPassedBackground'),
    });
    private readonly endFailed = vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        backgroundColor: new vscode.ThemeColor('manufactoria.trace.endFailedBackground'),
    });
    private readonly annotation = vscode.window.createTextEditorDecorationType({
        after: { margin: '0 0 0 2em', fontStyle: 'italic' },
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });

    constructor(private readonly badges: GutterBadges) {}

    /** Badges for the counts of `trace` must exist before draw() (it is synchronous). */
    prepare(trace: TraceResult): Promise<void> {
        return this.badges.prepare(trace.visits.map((v) => v.count));
    }

    draw(editor: vscode.TextEditor, trace: TraceResult, current: number): void {
        const doc = editor.document;
        const lineOk = (line: number) => line >= 0 && line < doc.lineCount;
        const wholeLine = (line: number) => doc.lineAt(line).range;

        const byType = new Map<vscode.TextEditorDecorationType, vscode.Range[]>();
        for (const type of this.badges.allTypes) byType.set(type, []);
        for (const visit of trace.visits) {
            const type = this.badges.typeNow(visit.count);
            if (type && lineOk(visit.range.start.line)) byType.get(type)?.push(wholeLine(visit.range.start.line));
        }
        for (const [type, ranges] of byType) editor.setDecorations(type, ranges);

        const end = stepPlace(trace.steps, trace.steps.length - 1);
        const endRanges = end && lineOk(end.line) ? [wholeLine(end.line)] : [];
        editor.setDecorations(this.endPassed, trace.passed ? endRanges : []);
        editor.setDecorations(this.endFailed, trace.passed ? [] : endRanges);

        const step = stepPlace(trace.steps, current);
        editor.setDecorations(this.step, step && lineOk(step.line) ? [wholeLine(step.line)] : []);

        editor.setDecorations(
            this.annotation,
            lineAnnotations(trace, current)
                .filter((a) => lineOk(a.line))
                .map((a) => {
                    const eol = doc.lineAt(a.line).range.end;
                    return {
                        range: new vscode.Range(eol, eol),
                        renderOptions: { after: { contentText: a.text, color: TONE_COLORS[a.tone] } },
                    };
                }),
        );
    }

    clear(editor: vscode.TextEditor): void {
        for (const type of [this.step, this.endPassed, this.endFailed, this.annotation, ...this.badges.allTypes]) editor.setDecorations(type, []);
    }

    /** Scrolls the current step's line into view. */
    reveal(editor: vscode.TextEditor, trace: TraceResult, current: number): void {
        const step = stepPlace(trace.steps, current);
        if (!step || step.line >= editor.document.lineCount) return;
        const range = editor.document.lineAt(step.line).range;
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    dispose(): void {
        for (const type of [this.step, this.endPassed, this.endFailed, this.annotation]) type.dispose();
    }
}
