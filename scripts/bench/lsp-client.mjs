// A minimal JSON-RPC client over stdio for measuring the language server as an editor sees it.
import { spawn } from 'node:child_process';

export function startServer(serverPath) {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let buffer = Buffer.alloc(0);
    const listeners = new Set();
    child.stdout.on('data', (data) => {
        buffer = Buffer.concat([buffer, data]);
        for (;;) {
            const header = buffer.indexOf('\r\n\r\n');
            if (header < 0) return;
            const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString('latin1'))[1]);
            if (buffer.length < header + 4 + length) return;
            const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString('utf8'));
            buffer = buffer.subarray(header + 4 + length);
            for (const listener of [...listeners]) listener(message);
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
    return {
        notify: (method, params) => send({ method, params }),
        async request(method, params) {
            const id = nextId++;
            const reply = waitFor((m) => m.id === id);
            send({ id, method, params });
            return (await reply).result;
        },
        waitFor,
        stop: () => child.kill(),
    };
}
