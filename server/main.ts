// Language server entry (out/server.cjs): `--stdio` standalone, `--node-ipc` under the extension.
import '../language/node-compat.cjs';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createManufactoriaServices } from './manufactoria-server-module.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createManufactoriaServices({ connection, ...NodeFileSystem }, { runWorkerFile: join(__dirname, 'run-worker.cjs') });
startLanguageServer(shared);
