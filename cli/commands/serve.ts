// `delta serve`: an HTTP drop-in for both reference verifier servers (Manufactoria's /test_solution
// and BouncingSim's /test_program), on every core: with --workers N > 1 the primary process forks
// N server processes that share one listening socket (node:cluster) and replaces any that dies.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { type CommandModule, parseOptions, UsageError, withUsage } from '../command.js';
import { SERVE_DEFAULTS, startVerifierServer } from '../../language/verifier/http-server.js';
import type { ProgramRunner } from '../../language/verifier/test-program.js';
import { closePythonRunners, testProgram } from '../../language/bouncingsim/python/runner.js';

const USAGE = `delta serve [--host 127.0.0.1] [--port 1235] [--workers N] [--timeout SECONDS]
                   [--max-body BYTES] [--max-response BYTES] [--max-concurrent N]
                   [--max-header-size BYTES] [--python CMD] [--no-sandbox] [--no-python]

  --workers N          server processes sharing the port (default: the number of cores)
  --timeout S          time budget per request (default 5, the reference deployment's nginx timeouts);
                       past it the request gets a 504 and its work is stopped
  --max-body B         largest request body (default 16 MiB; the reference has no limit) → 413
  --max-response B     largest answer built (default 16 MiB) → 500 naming the limit
  --max-concurrent N   requests in progress per process before new ones get a 503 (default 64)
  --max-header-size B  largest request head (default 1 MiB; uvicorn has none) → 431
  --python CMD         interpreter for /test_program (default python3)
  --no-sandbox         run /test_program's model code without the bubblewrap sandbox
  --no-python          answer /test_program with a 501 instead of running Python`;

const OPTIONS = {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '1235' },
    workers: { type: 'string' },
    timeout: { type: 'string' },
    'max-body': { type: 'string' },
    'max-response': { type: 'string' },
    'max-concurrent': { type: 'string' },
    'max-header-size': { type: 'string' },
    python: { type: 'string', default: 'python3' },
    'no-sandbox': { type: 'boolean' },
    'no-python': { type: 'boolean' },
} as const;

function count(name: string, text: string | undefined, min: number): number | undefined {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got ${text}`);
    return value;
}

export const serve: CommandModule = {
    main: (args) => withUsage(USAGE, async () => {
        const { values } = parseOptions(args, OPTIONS, false);
        const port = Number(values.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, got ${values.port}`);
        const workers = count('workers', values.workers, 1) ?? availableParallelism();
        let timeoutMs: number | undefined;
        if (values.timeout !== undefined) {
            timeoutMs = Number(values.timeout) * 1000;
            if (!(timeoutMs > 0)) throw new UsageError(`--timeout must be a positive number of seconds, got ${values.timeout}`);
        }
        const options = {
            host: values.host!, port, timeoutMs,
            maxBodyBytes: count('max-body', values['max-body'], 1),
            maxResponseBytes: count('max-response', values['max-response'], 1024),
            maxConcurrent: count('max-concurrent', values['max-concurrent'], 1),
            maxHeaderBytes: count('max-header-size', values['max-header-size'], 1024),
        };
        if (workers > 1 && cluster.isPrimary) return primary(workers, options.host, port);

        const sandbox = values['no-sandbox'] ? 'off' as const : 'require' as const;
        const programRunner: ProgramRunner | undefined = values['no-python'] ? undefined
            : (program, tests, seconds, signal) => testProgram(program, tests, { maxExecutionTime: seconds, python: values.python, sandbox, signal });
        let server: Awaited<ReturnType<typeof startVerifierServer>>;
        try {
            server = await startVerifierServer({
                ...options, threads: 2, workerFile: join(__dirname, 'verifier-worker.cjs'), programRunner, exclusive: !cluster.isWorker,
            });
        } catch (error) {
            if (!cluster.isWorker) throw error;
            // The primary says it once and stops (a port in use would fail every replacement too).
            await new Promise<void>((resolve) => process.send!({ failed: (error as Error).message }, () => resolve()));
            process.disconnect();
            return 2;
        }
        if (cluster.isWorker) process.send!({ listening: server.port });
        else process.stderr.write(`delta verifier listening on http://${values.host}:${server.port} (1 process; limits: ${describeLimits(options)})\n`);
        await new Promise<void>((resolve) => {
            // A cluster worker's IPC channel keeps it alive: let go of it once the server is closed.
            const stop = () => { closePythonRunners(); void server.close().finally(() => { if (cluster.isWorker) process.disconnect(); resolve(); }); };
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
            if (cluster.isWorker) process.once('disconnect', () => { closePythonRunners(); void server.close().finally(resolve); });
        });
        return 0;
    }),
};

function describeLimits(o: { timeoutMs?: number; maxBodyBytes?: number; maxResponseBytes?: number; maxConcurrent?: number }): string {
    return `timeout ${(o.timeoutMs ?? SERVE_DEFAULTS.timeoutMs) / 1000} s, body ${o.maxBodyBytes ?? SERVE_DEFAULTS.maxBodyBytes} B, answer ${o.maxResponseBytes ?? SERVE_DEFAULTS.maxResponseBytes} B, ${o.maxConcurrent ?? SERVE_DEFAULTS.maxConcurrent} in progress per process`;
}

/**
 * Forks the server processes, reports the port once they listen, and replaces any that exits. A
 * process that cannot listen (port in use, unknown host) stops them all: exit code 2.
 */
async function primary(workers: number, host: string, port: number): Promise<number> {
    let stopping = false;
    let announced = false;
    let listening = 0;
    let stop: (code: number) => void = () => undefined;
    const fork = () => {
        const worker = cluster.fork();
        worker.on('message', (message: { listening?: number; failed?: string }) => {
            if (message.failed !== undefined && !stopping) {
                process.stderr.write(`delta: ${message.failed}\n`);
                stop(2);
                return;
            }
            if (message.listening === undefined || announced) return;
            if (++listening === workers) {
                announced = true;
                process.stderr.write(`delta verifier listening on http://${host}:${message.listening} (${workers} processes)\n`);
            }
        });
    };
    cluster.on('exit', (worker, code, signal) => {
        if (stopping) return;
        process.stderr.write(`delta serve: process ${worker.process.pid} exited (${signal ?? code}); starting another\n`);
        fork();
    });
    const stopped = new Promise<number>((resolve) => {
        stop = (code) => {
            if (stopping) return;
            stopping = true;
            for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
            const wait = setInterval(() => { if (Object.keys(cluster.workers ?? {}).length === 0) { clearInterval(wait); resolve(code); } }, 50);
        };
        process.once('SIGINT', () => stop(0));
        process.once('SIGTERM', () => stop(0));
    });
    for (let i = 0; i < workers; i++) fork();
    void port;
    return stopped;
}
