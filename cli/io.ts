import { readFile } from 'node:fs/promises';
import { accessSync, closeSync, constants, createReadStream, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { UsageError } from './command.js';
import { stripBom } from '../language/python/bom.js';

/**
 * Reads a whole file, or stdin for `-`; a missing file is a usage error naming it. A leading UTF-8
 * BOM is an encoding mark, not text: it is dropped, as VS Code drops it from the document the editor
 * checks (a program saved with one was `Line 1: Invalid node declaration` here and OK there).
 */
export async function readText(file: string): Promise<string> {
    const text = await readTextAsIs(file);
    return stripBom(text);
}

async function readTextAsIs(file: string): Promise<string> {
    if (file === '-') {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString('utf8');
    }
    try {
        return await readFile(file, 'utf8');
    } catch (error) {
        throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
}

/**
 * The bytes of a file or of stdin (`-`) in pieces of at least `size` bytes that end just after a `\n`
 * (the last piece may end anywhere): lines never straddle two pieces. A UTF-8 BOM that starts the
 * input is dropped: the reference decodes a body that starts with one (json.loads of bytes), so the
 * first request of a file saved with a BOM is answered like the others.
 */
export async function* readLineChunks(file: string, size: number): AsyncGenerator<Buffer> {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let first = true;
    for await (const whole of readPieces(file, Math.max(size, 1 << 16))) {
        const piece = first && whole[0] === 0xef && whole[1] === 0xbb && whole[2] === 0xbf ? whole.subarray(3) : whole;
        first = false;
        const cut = pendingBytes + piece.length >= size ? piece.lastIndexOf(10) + 1 : 0;
        if (cut === 0) {
            pending.push(piece);
            pendingBytes += piece.length;
            continue;
        }
        pending.push(piece.subarray(0, cut));
        yield pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes + cut);
        pending = cut < piece.length ? [piece.subarray(cut)] : [];
        pendingBytes = piece.length - cut;
    }
    if (pendingBytes > 0) yield pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
}

/** A regular file is read with plain blocking reads (cheaper than a stream); stdin, pipes and devices are streamed. */
function readPieces(file: string, size: number): AsyncIterable<Buffer> | Iterable<Buffer> {
    if (file === '-') return process.stdin;
    let fd: number;
    try {
        fd = openSync(file, 'r');
    } catch (error) {
        throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const stat = fstatSync(fd);
    if (stat.isDirectory()) {
        closeSync(fd);
        throw new UsageError(`cannot read ${file}: EISDIR`); // as readText says it (a folder opens, its read fails)
    }
    if (!stat.isFile()) return createReadStream(file, { fd, highWaterMark: size });
    return (function* () {
        try {
            for (;;) {
                const piece = Buffer.allocUnsafeSlow(size);
                const read = readSync(fd, piece, 0, size, null);
                if (read === 0) return;
                yield read === size ? piece : piece.subarray(0, read);
            }
        } finally {
            closeSync(fd);
        }
    })();
}

/**
 * Checks, before any work, that an output file (`-o FILE`, `--out FILE`) can be written: its folder
 * exists and is writable and the path is not a folder. A usage error names the option and the path;
 * nothing is created or truncated here.
 */
export function checkOutputFile(path: string, option: string): void {
    if (path === '-') return;
    try {
        if (statSync(path).isDirectory()) throw new UsageError(`${option} ${path}: is a folder; give a file name`);
    } catch (error) {
        if (error instanceof UsageError) throw error;
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`${option} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const folder = dirname(path);
    try {
        accessSync(folder, constants.W_OK);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(code === 'ENOENT' || code === 'ENOTDIR' ? `${option} ${path}: no such folder ${folder}` : `${option} ${path}: cannot write in ${folder} (${code ?? (error as Error).message})`);
    }
}

/** A folder option (`--out DIR`): a missing folder is made later, but an existing file is a usage error naming it. */
export function checkOutputFolder(path: string, option: string): void {
    let isFolder: boolean;
    try {
        isFolder = statSync(path).isDirectory();
    } catch {
        return;
    }
    if (!isFolder) throw new UsageError(`${option} ${path}: is a file; give a folder`);
}

/** Writes to stdout, respecting pipe back-pressure. */
export async function writeOut(bytes: Uint8Array): Promise<void> {
    if (bytes.length > 0 && !process.stdout.write(bytes)) await once(process.stdout, 'drain');
}

/** True when stdout holds no reference to bytes written so far (they may be reused). */
export function outputFlushed(): boolean {
    return process.stdout.writableLength === 0;
}

/** Resolves once everything written to stdout has been handed to the OS. */
export function closeOut(): Promise<void> {
    return new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
}

/** Line breaks in `bytes` as node:readline counts them (`\r\n` once); the bytes never end inside a `\r\n`. */
export function countLineBreaks(bytes: Uint8Array): number {
    let count = 0;
    if (bytes.indexOf(13) === -1) {
        for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) count++;
        return count;
    }
    for (let i = 0; i < bytes.length; i++) {
        const c = bytes[i];
        if (c === 10 || (c === 13 && bytes[i + 1] !== 10)) count++;
    }
    return count;
}

/**
 * `text` with its control characters (C0 but tab, DEL, C1) as `\xNN`: printed to a terminal, text a
 * model wrote (an exception message) cannot move the cursor over earlier lines, recolour, retitle
 * or write the clipboard.
 */
export function visibleControls(text: string): string {
    return text.replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
