// A solution saved with a UTF-8 BOM reads from disk as VS Code opens it (server/text-files.ts, and the
// test runner's snapshot of a file it has not loaded): valid
// when closed too, in the Problems panel and in Run All Solutions.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, it } from 'vitest';
import { createManufactoriaServices } from '../../server/manufactoria-server-module.js';
import { TextFileSystem } from '../../server/text-files.js';

const dir = mkdtempSync(join(tmpdir(), 'delta-bom-'));
const file = join(dir, 'bom.manufactoria');
writeFileSync(file, '\ufeffSTART start:\n    NEXT end\n\nEND end\n');

async function errorsOnDisk(fileSystem: typeof NodeFileSystem) {
    const { shared } = createManufactoriaServices(fileSystem);
    const document = await shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(file));
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return (document.diagnostics ?? []).filter((d) => d.severity === 1).map((d) => d.message);
}

describe('a solution file with a BOM, read from disk', () => {
    it('is valid, as in the editor', async () => {
        expect(await errorsOnDisk(TextFileSystem)).toEqual([]);
    });
    it('was invalid through the plain Node file system (what the server used)', async () => {
        expect((await errorsOnDisk(NodeFileSystem)).length).toBeGreaterThan(0);
    });
});

describe('a solution file with a BOM that the server has not loaded (outside the workspace, just written)', () => {
    it('runs its tests on the text VS Code would open, not behind the BOM (its first # test: line was no directive: no tests)', async () => {
        const { Manufactoria } = createManufactoriaServices(TextFileSystem);
        const solution = join(dir, 'bom-tests.manufactoria');
        writeFileSync(solution, '\ufeff# test: R -> accept\nSTART start:\n    NEXT end\n\nEND end\n');
        expect(await Manufactoria.tests.Solutions.run(URI.file(solution).toString())).toMatchObject({ state: 'ran', passed: 1, total: 1 });
    });
});
