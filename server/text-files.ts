// The files the server reads from disk (solutions not open in the editor, found by the workspace
// scan) without a leading byte order mark, as VS Code opens them and `delta check` reads them: a
// closed solution saved with a BOM was invalid in the Problems panel and in Run All Solutions, and
// fine once opened.
import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { stripBom } from '../language/python/bom.js';

export class TextFileSystemProvider extends NodeFileSystemProvider {
    override async readFile(uri: URI): Promise<string> {
        return stripBom(await super.readFile(uri));
    }

    override readFileSync(uri: URI): string {
        return stripBom(super.readFileSync(uri));
    }
}

/** NodeFileSystem, reading text as above. */
export const TextFileSystem = { fileSystemProvider: () => new TextFileSystemProvider() };
