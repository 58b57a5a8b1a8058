// The language server (out/server.cjs, see bundle-entry.ts): `--stdio` standalone, `--node-ipc` under the extension.
import '../language/node-compat.cjs';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createManufactoriaServices } from './manufactoria-server-module.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createManufactoriaServices({ connection, ...NodeFileSystem }, { runWorkerFile: __filename });
startLanguageServer(shared);
