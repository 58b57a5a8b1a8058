// Answers FactoryGraphRequest from the text the client sends (see protocol.ts): parsed by the
// verdict path's parser, drawn from language/manufactoria/model/factory-graph.ts.
import type { Connection } from 'vscode-languageserver';
import { factoryGraph } from '../language/manufactoria/model/factory-graph.js';
import { parseProgram } from '../language/manufactoria/verdict.js';
import { FactoryGraphRequest, type FactoryGraphResult } from './protocol.js';

/** Programs beyond this size are not drawn (a model output can be anything). */
export const MAX_GRAPH_TEXT = 2_000_000;

export function registerFactoryGraphRequest(connection: Connection): void {
    connection.onRequest(FactoryGraphRequest, (params): FactoryGraphResult => {
        if (params.text.length > MAX_GRAPH_TEXT) return { uri: params.uri, version: params.version, nodes: [], edges: [], error: `The program is too large to draw (${params.text.length} characters; at most ${MAX_GRAPH_TEXT})` };
        return { uri: params.uri, version: params.version, ...factoryGraph(parseProgram(params.text)) };
    });
}
