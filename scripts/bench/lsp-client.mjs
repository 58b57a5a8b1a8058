// A minimal JSON-RPC client over stdio for measuring the language server as an editor sees it.
import { spawn } from 'node:child_process';

/** `execArgv`: Node flags for the server process, e.g. `--cpu-prof` (see lsp-profile.mjs). */
export function startServer(serverPath, { execArgv = [] } = {}) {
    const child = spawn(process.execPath, [...execArgv, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    // Chunks are kept until a whole message has arrived, so a large message is copied once, not once per chunk.
    let chunks = [];
    let buffered = 0;
    const listeners = new Set();
    child.stdout.on('data', (data) => {
        chunks.push(data);
        buffered += data.length;
        for (;;) {
            const buffer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, buffered);
            chunks = [buffer];
            const header = buffer.indexOf('\r\n\r\n');
            if (header < 0) return;
            const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString('latin1'))[1]);
            if (buffer.length < header + 4 + length) return;
            const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString('utf8'));
            const rest = buffer.subarray(header + 4 + length);
            chunks = rest.length > 0 ? [rest] : [];
            buffered = rest.length;
            for (const listener of [...listeners]) listener(message);
            if (buffered === 0) return;
        }
    });
    let nextId = 1;
    const send = (message) => {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
        child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
        child.stdin.write(body);
    };
    const waitFor = (predicate) => new Promise((resolve) => {
        const listener = (message) => { if (predicate(message)) { listeners.delete(listener); resolve(message); } };
        listeners.add(listener);
    });
    const request = async (method, params) => {
        const id = nextId++;
        const reply = waitFor((m) => m.id === id);
        send({ id, method, params });
        return (await reply).result;
    };
    return {
        notify: (method, params) => send({ method, params }),
        request,
        waitFor,
        stop: () => child.kill(),
        /** LSP shutdown and exit; resolves when the process has ended (and written any profile). */
        async shutdown() {
            const exited = new Promise((resolve) => child.once('exit', resolve));
            await request('shutdown', null);
            send({ method: 'exit' });
            await exited;
        },
    };
}
