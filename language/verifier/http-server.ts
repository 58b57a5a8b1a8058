// `delta serve`'s HTTP layer: the two reference verifier apps (FastAPI under uvicorn) answered byte
// for byte (docs/verifier-http.md), with bounds the reference lacks: a time budget per request
// after which its work is stopped, a body cap, an answer cap, a limit on requests in progress,
// and the CPU work on verdict threads so that /health and other clients never wait behind it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { BufferShelf } from './byte-sink.js';
import { detailAnswer, jsonAnswer, type HttpAnswer } from './fastapi-body.js';
import { route, type RouteDecision } from './http-routes.js';
import { DOCS_HTML, OPENAPI_JSON } from './openapi.js';
import { JobAborted, VerdictPool } from './verdict-pool.js';
import type { ProgramRunner } from './test-program.js';
import { answerTestProgram } from './test-program.js';
import { quickAnswerTestSolution } from './test-solution.js';

/** Why a request's work stops: its answer was sent, its connection closed, or its budget ran out. */
const STOPPED = new Error('the request is over');

/**
 * A request's stop switch. The AbortSignal is made only for work that can be stopped (a verdict
 * thread, a Python run): most requests are answered without one, and aborting a controller
 * without a reason builds a DOMException with a stack each time.
 */
class RequestWork {
    stopped = false;
    private controller?: AbortController;

    get signal(): AbortSignal {
        this.controller ??= new AbortController();
        if (this.stopped && !this.controller.signal.aborted) this.controller.abort(STOPPED);
        return this.controller.signal;
    }

    stop(): void {
        if (this.stopped) return;
        this.stopped = true;
        this.controller?.abort(STOPPED);
    }
}

export interface VerifierServer {
    port: number;
    close(): Promise<void>;
}

export interface VerifierServerOptions {
    host: string;
    port: number;
    /** Per-request time budget, ms (default 5000, the reference deployment's nginx timeouts). */
    timeoutMs?: number;
    /** Largest accepted body, bytes (default 16 MiB; the reference has none). */
    maxBodyBytes?: number;
    /** Largest answer built, bytes (default 16 MiB); a bigger one is refused. */
    maxResponseBytes?: number;
    /** Requests in progress at once before new ones get a 503 (default 64). */
    maxConcurrent?: number;
    /** Verdict threads (default 1; 0 answers on the HTTP thread, for tests). */
    threads?: number;
    /** The bundled verdict thread, out/verifier-worker.cjs (needed when threads > 0). */
    workerFile?: string;
    /** Largest request head, bytes (default 1 MiB; uvicorn has no limit, Node's default is 16 KiB). */
    maxHeaderBytes?: number;
    /** Runs model Python for /test_program; without one that endpoint answers 501. */
    programRunner?: ProgramRunner;
    /** Shares the port with other processes of a cluster (Node's cluster module). */
    exclusive?: boolean;
}

export const SERVE_DEFAULTS = {
    timeoutMs: 5000,
    maxBodyBytes: 16 * 1024 * 1024,
    maxResponseBytes: 16 * 1024 * 1024,
    maxConcurrent: 64,
    maxHeaderBytes: 1024 * 1024,
};

/** Answer buffers of this process, reused once written (see BufferShelf). */
const answerShelf = new BufferShelf();

/** What we send in uvicorn's `server` header (which says `uvicorn`). */
const SERVER_NAME = 'delta';
const PROTOCOL_ERROR = 'Invalid HTTP request received.';

let dateText = '';
let dateSecond = -1;
/** email.utils.formatdate(usegmt=True), as uvicorn refreshes it once a second. */
function httpDate(): string {
    const now = Date.now();
    const second = Math.floor(now / 1000);
    if (second !== dateSecond) {
        dateSecond = second;
        dateText = new Date(second * 1000).toUTCString();
    }
    return dateText;
}

export function startVerifierServer(options: VerifierServerOptions): Promise<VerifierServer> {
    const settings = { ...SERVE_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as Required<Omit<VerifierServerOptions, 'programRunner' | 'workerFile' | 'exclusive' | 'threads'>> & VerifierServerOptions;
    const limits = { maxResponseBytes: settings.maxResponseBytes };
    const pool = new VerdictPool({ threads: options.threads ?? 0, workerFile: options.workerFile, limits });
    let inProgress = 0;

    const onRequest = (req: IncomingMessage, res: ServerResponse) => {
        inProgress++;
        const work = new RequestWork();
        const local = { address: req.socket.localAddress ?? '127.0.0.1', port: req.socket.localPort ?? 0 };
        const decision = route({ method: req.method ?? 'GET', url: req.url ?? '/', host: firstHeader(req, 'host'), local });
        const budgetMs = budgetFor(decision, settings.timeoutMs);
        const timer = setTimeout(() => {
            work.stop();
            if (!res.headersSent) {
                send(req, res, detailAnswer(504, `The request took longer than ${budgetMs / 1000} s (delta serve --timeout); its work was stopped`), true);
            } else {
                res.destroy();
            }
        }, budgetMs);
        res.once('close', () => {
            inProgress--;
            clearTimeout(timer);
            work.stop();
        });
        handle(req, res, work, decision).catch((error: unknown) => {
            if (error instanceof JobAborted || res.headersSent) return;
            process.stderr.write(`delta serve: ${(error as Error).stack ?? error}\n`);
            send(req, res, internal(), true);
        });
    };
    // requireHostHeader: uvicorn answers an HTTP/1.1 request without Host (Node's default is its own 400).
    const server = createServer({ maxHeaderSize: settings.maxHeaderBytes, requestTimeout: 0, keepAliveTimeout: 5000, requireHostHeader: false }, onRequest);
    // httptools takes any number of header lines; Node refuses over 1000 (as a header overflow) unless
    // told otherwise. The head stays bounded by --max-header-size.
    server.maxHeadersCount = 0;
    // uvicorn answers a request with any Expect header as usual (Node would answer 417 to one that is not
    // 100-continue) and writes `100 Continue` only once the app reads the body (Node: at once); see readBody.
    server.on('checkContinue', onRequest);
    server.on('checkExpectation', onRequest);
    // A CONNECT target (host:port) fails httptools.parse_url in uvicorn: its 400 (Node would just drop the socket).
    server.on('connect', (_req: IncomingMessage, socket: Socket) => protocolError(socket));

    async function handle(req: IncomingMessage, res: ServerResponse, work: RequestWork, decision: RouteDecision): Promise<void> {
        switch (decision.kind) {
            case 'bad_request': return protocolError(req.socket);
            case 'server_error': return send(req, res, internal());
            case 'not_found': return send(req, res, detailAnswer(404, 'Not Found'));
            case 'method_not_allowed': return send(req, res, detailAnswer(405, 'Method Not Allowed', [['allow', decision.allow]]));
            case 'redirect': return send(req, res, { status: 307, headers: [['content-length', '0'], ['location', decision.location]], body: new Uint8Array(0) });
        }
        switch (decision.name) {
            case 'health': return send(req, res, jsonAnswer(200, '{"status":"healthy"}'));
            case 'openapi': return send(req, res, jsonAnswer(200, OPENAPI_JSON));
            case 'docs':
            case 'oauth2_redirect': return send(req, res, htmlAnswer(DOCS_HTML));
        }
        // Only work is refused: /health and the routing answers cost nothing and are always given, as
        // the reference gives them (a health check must not fail because slow clients hold the slots).
        if (inProgress > settings.maxConcurrent) {
            return send(req, res, detailAnswer(503, `Too many requests in progress (more than ${settings.maxConcurrent}, delta serve --max-concurrent); retry later`, [['retry-after', '1']]), true);
        }
        const body = await readBody(req, res, settings.maxBodyBytes);
        if (!body || work.stopped) return;
        const contentType = firstHeader(req, 'content-type');
        let answer: HttpAnswer;
        if (decision.name === 'test_solution') {
            // Most requests are cheap and answered right here; the rest on a verdict thread that can be stopped.
            answer = quickAnswerTestSolution(contentType, body, limits, answerShelf) ?? await pool.run({ route: 'test_solution', contentType, body }, work.signal);
        } else {
            answer = await answerTestProgram(decision.name, contentType, body, settings.programRunner, work.signal);
        }
        if (!work.stopped) send(req, res, answer);
    }

    server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
        if (error.code === 'HPE_HEADER_OVERFLOW') return rawAnswer(socket, 431, 'Request Header Fields Too Large', `Request head larger than ${settings.maxHeaderBytes} bytes (delta serve --max-header-size)`);
        if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
        protocolError(socket);
    });

    return pool.ready().then(() => new Promise((resolve, reject) => {
        // A port in use or a host that does not resolve: the verdict threads go too, or they would
        // keep the process alive after the error (`delta serve` printed it and never exited).
        server.once('error', (error) => void pool.close().finally(() => reject(error)));
        server.listen({ port: options.port, host: options.host, exclusive: options.exclusive ?? true }, () => {
            resolve({
                port: (server.address() as AddressInfo).port,
                close: async () => {
                    await new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); });
                    await pool.close();
                },
            });
        });
    }));
}

/**
 * /test_program runs tests sequentially for up to max_execution_time each: its budget grows with them
 * (docs/verifier-http.md). Decided by the route, so `/%74est_program` and absolute-form targets get it too.
 */
function budgetFor(decision: RouteDecision, timeoutMs: number): number {
    const program = decision.kind === 'route' && (decision.name === 'test_program' || decision.name === 'test_program_stdio');
    return program ? Math.max(timeoutMs, 60_000) : timeoutMs;
}

function internal(): HttpAnswer {
    const body = new TextEncoder().encode('Internal Server Error');
    return { status: 500, headers: [['content-length', String(body.length)], ['content-type', 'text/plain; charset=utf-8']], body, close: true };
}

function htmlAnswer(html: string): HttpAnswer {
    const body = new TextEncoder().encode(html);
    return { status: 200, headers: [['content-length', String(body.length)], ['content-type', 'text/html; charset=utf-8']], body };
}

function firstHeader(req: IncomingMessage, name: string): string | undefined {
    const raw = req.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) if (raw[i].toLowerCase() === name) return raw[i + 1];
    return undefined;
}

/** uvicorn's own 400 for a request its parser refuses, then it closes the connection. */
function protocolError(socket: Socket): void {
    rawAnswer(socket, 400, 'Bad Request', PROTOCOL_ERROR);
}

function rawAnswer(socket: Socket, status: number, phrase: string, text: string): void {
    if (!socket.writable) return void socket.destroy();
    socket.end(`HTTP/1.1 ${status} ${phrase}\r\ndate: ${httpDate()}\r\nserver: ${SERVER_NAME}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`);
}

/** The body, or undefined after answering 413 when it is larger than the cap (or if the request ends early). */
function readBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): Promise<Uint8Array | undefined> {
    const declared = Number(req.headers['content-length']);
    return new Promise((resolve) => {
        const tooLarge = () => {
            send(req, res, detailAnswer(413, `Request body larger than ${maxBytes} bytes (delta serve --max-body)`), true);
            resolve(undefined);
        };
        if (declared > maxBytes) return tooLarge();
        if (expectsContinue(req)) res.writeContinue();
        const chunks: Buffer[] = [];
        let size = 0;
        const onData = (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) {
                req.off('data', onData);
                req.off('end', onEnd);
                req.off('close', onEnd);
                tooLarge();
                return;
            }
            chunks.push(chunk);
        };
        const onEnd = () => {
            req.off('close', onEnd);
            // 'close' before 'end': the client went away mid-body; there is no one to answer.
            resolve(req.complete ? (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)) : undefined);
        };
        req.on('data', onData);
        req.once('end', onEnd);
        req.once('close', onEnd);
    });
}

/** Writes an answer with uvicorn's header order: date, server, the app's headers. */
function send(req: IncomingMessage, res: ServerResponse, answer: HttpAnswer, close = false): void {
    if (res.headersSent || res.destroyed) return;
    res.sendDate = false;
    res.removeHeader('connection');
    const head: string[] = ['date', httpDate(), 'server', SERVER_NAME];
    for (const [name, value] of answer.headers) head.push(name, value);
    // uvicorn echoes a request's exact `connection: close` header; our own refusals (413, 503, 504)
    // also close, and say so, so that a client does not send its next request on a closing socket.
    if (requestSaysClose(req) || close) head.push('connection', 'close');
    // uvicorn keeps no HTTP/1.0 connection alive, even one that asks for keep-alive.
    if (answer.close || close || req.httpVersion === '1.0') res.shouldKeepAlive = false;
    res.writeHead(answer.status, head);
    const recycle = answer.recycle;
    // 'finish' comes once the socket has written every byte: nothing reads the buffer after that.
    if (recycle) res.end(answer.body, () => answerShelf.give(recycle));
    else res.end(answer.body);
    if (close && !req.complete) req.socket.once('finish', () => req.socket.destroy());
}

/** uvicorn's test: some Expect header whose value, lower-cased, is exactly `100-continue`. */
function expectsContinue(req: IncomingMessage): boolean {
    const raw = req.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) if (raw[i].toLowerCase() === 'expect' && raw[i + 1].toLowerCase() === '100-continue') return true;
    return false;
}

function requestSaysClose(req: IncomingMessage): boolean {
    const raw = req.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) if (raw[i].toLowerCase() === 'connection' && raw[i + 1] === 'close') return true;
    return false;
}
