// Status bar controls of the trace: ‹ previous, the current step, next ›, close.
import * as vscode from 'vscode';
import type { TraceResult } from '../../server/protocol.js';
import { TRACE_COMMANDS } from './trace-commands.js';
import { stepText, traceHeading } from './trace-text.js';

/** Side by side on the left; higher priority sits further left. */
const PRIORITY = 50;

export class TraceStatus implements vscode.Disposable {
    private readonly previous = this.item('previous', 3, '$(chevron-left)', 'Manufactoria trace: previous step', TRACE_COMMANDS.previous);
    private readonly step = this.item('step', 2, '', 'Manufactoria trace: current step', TRACE_COMMANDS.next);
    private readonly next = this.item('next', 1, '$(chevron-right)', 'Manufactoria trace: next step', TRACE_COMMANDS.next);
    private readonly close = this.item('close', 0, '$(close)', 'Manufactoria trace: close', TRACE_COMMANDS.close);

    show(trace: TraceResult, current: number): void {
        const text = stepText(trace, current);
        this.step.text = `$(debug-stackframe) ${text}`;
        this.step.accessibilityInformation = { label: `Manufactoria trace: ${text}` };
        this.step.tooltip = tooltip(trace);
        this.previous.tooltip = current > 0 ? 'Previous step (Alt+[)' : 'At the first step';
        this.next.tooltip = current < trace.steps.length - 1 ? 'Next step (Alt+])' : 'At the last step';
        for (const item of this.all()) item.show();
    }

    hide(): void {
        for (const item of this.all()) item.hide();
    }

    dispose(): void {
        for (const item of this.all()) item.dispose();
    }

    private all(): vscode.StatusBarItem[] {
        return [this.previous, this.step, this.next, this.close];
    }

    private item(id: string, offset: number, text: string, label: string, command: string): vscode.StatusBarItem {
        const item = vscode.window.createStatusBarItem(`manufactoria.trace.${id}`, vscode.StatusBarAlignment.Left, PRIORITY + offset);
        item.name = 'Manufactoria Trace';
        item.text = text;
        item.tooltip = label;
        item.command = command;
        item.accessibilityInformation = { label };
        return item;
    }
}

function tooltip(trace: TraceResult): vscode.MarkdownString {
    const link = (title: string, command: string) => `[${title}](command:${command})`;
    const md = new vscode.MarkdownString(
        `${escape(traceHeading(trace))}\n\n` +
            [
                link('$(debug-restart) First', TRACE_COMMANDS.first),
                link('$(chevron-left) Previous', TRACE_COMMANDS.previous),
                link('Next $(chevron-right)', TRACE_COMMANDS.next),
                link('Last $(debug-continue)', TRACE_COMMANDS.last),
                link('$(close) Close', TRACE_COMMANDS.close),
            ].join(' · '),
        true,
    );
    md.isTrusted = { enabledCommands: Object.values(TRACE_COMMANDS) };
    return md;
}

/** Test labels may hold Markdown characters (`*`, `_`, `#`). */
function escape(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
