// LSP ranges from protocol.ts results as editor ranges.
import * as vscode from 'vscode';
import type { Range } from 'vscode-languageserver-types';

export function toRange(range: Range): vscode.Range {
    return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
