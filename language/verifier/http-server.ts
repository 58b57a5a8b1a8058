// The reference verifier's HTTP surface (spec §7): FastAPI's status codes and compact JSON bodies.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRequest, orderedFieldError } from './request.js';
import { respondJson } from './respond-json.js';

export interface VerifierServer {
    port: number;
    close(): Promise<void>;
}

/** Bodies larger than this are refused (413) rather than buffered without bound. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export function startVerifierServer(options: { host: string; port: number }): Promise<VerifierServer> {
    const server = createServer((req, res) => {
        handle(req, res).catch((error: unknown) => send(res, 500, { detail: `Internal error: ${(error as Error).message}` }));
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
            resolve({
                port: (server.address() as AddressInfo).port,
                close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
            });
        });
    });
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') {
        if (req.method !== 'GET') return send(res, 405, { detail: 'Method Not Allowed' });
        return send(res, 200, { status: 'healthy' });
    }
    if (path !== '/test_solution') return send(res, 404, { detail: 'Not Found' });
    if (req.method !== 'POST') return send(res, 405, { detail: 'Method Not Allowed' });

    const raw = await readBody(req);
    if (raw === undefined) return send(res, 413, { detail: 'Request body too large' });
    let body: unknown;
    try {
        body = JSON.parse(raw);
    } catch (error) {
        return send(res, 422, { detail: [{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {}, ctx: { error: (error as Error).message } }] });
    }
    const checked = checkRequest(body);
    if (!checked.ok) return send(res, 422, { detail: checked.errors.map(orderedFieldError) });
    return sendText(res, 200, respondJson(checked.request));
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY_BYTES) return undefined;
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
    sendText(res, status, JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
}
