// JSONL reading that never stops at a bad line: each line is either a value or an error naming
// file and 1-based line number, so callers can report and carry on.

export interface JsonlError { file: string; line: number; message: string }
export type JsonlEntry = { line: number; value: unknown } | { line: number; error: JsonlError };

export function formatJsonlError(e: JsonlError): string {
    return `${e.file}:${e.line}: ${e.message}`;
}

export function* readJsonl(text: string, file: string): Generator<JsonlEntry> {
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i];
        if (raw.trim() === '') continue;
        try {
            yield { line: i + 1, value: JSON.parse(raw) };
        } catch (error) {
            yield { line: i + 1, error: { file, line: i + 1, message: `malformed JSON: ${(error as Error).message}` } };
        }
    }
}
