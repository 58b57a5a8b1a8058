// The language server (out/server.cjs, see bundle-entry.ts): `--stdio` standalone, `--node-ipc` under the extension.
import '../language/node-compat.cjs';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createManufactoriaServices } from './manufactoria-server-module.js';
import { TextFileSystem } from './text-files.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createManufactoriaServices({ connection, ...TextFileSystem }, { runWorkerFile: __filename });
startLanguageServer(shared);
