// The custom requests of server/protocol.ts, answered by the solution test service.
import type { Connection } from 'vscode-languageserver';
import { DescribeTestsRequest, RunTestsRequest, TraceRequest } from '../protocol.js';
import type { SolutionTestService } from './solution-service.js';

export function registerTestRequests(connection: Connection, solutions: SolutionTestService): void {
    connection.onRequest(DescribeTestsRequest, (params) => solutions.describe(params.uri));
    connection.onRequest(RunTestsRequest, (params) => solutions.run(params.uri, params.testIds));
    connection.onRequest(TraceRequest, (params) => solutions.trace(params.uri, params.testId));
}
