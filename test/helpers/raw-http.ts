// Sends raw request bytes over one TCP connection and reads back one HTTP response, without any
// client library normalising it: status line, headers in order and case, body bytes.
import { connect } from 'node:net';

export interface RawResponse {
    status: number;
    /** Header lines as sent, `name: value`. */
    headers: string[];
    body: Buffer;
    /** The server closed the connection after the response. */
    closed: boolean;
}

/**
 * `head`: the request was a HEAD, so the response has no body whatever its content-length says.
 * `closeWithinMs`: how long after a complete response a close still counts as closing after it (30 ms;
 * give a test that expects the close more, or a loaded machine makes it miss the close).
 */
export function sendRaw(port: number, request: Buffer | string, options: { head?: boolean; timeoutMs?: number; closeWithinMs?: number } = {}): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        let data = Buffer.alloc(0);
        let done = false;
        const timer = setTimeout(() => finish(new Error('no complete response in time')), options.timeoutMs ?? 10000);
        const parse = (closed: boolean): RawResponse | undefined => {
            const end = data.indexOf('\r\n\r\n');
            if (end < 0) return undefined;
            const lines = data.subarray(0, end).toString('latin1').split('\r\n');
            const status = Number(lines[0].split(' ')[1]);
            const headers = lines.slice(1);
            const lengthLine = headers.find((h) => h.toLowerCase().startsWith('content-length:'));
            const length = options.head || status === 304 || status < 200 ? 0 : lengthLine ? Number(lengthLine.split(':')[1]) : undefined;
            const body = data.subarray(end + 4);
            if (length === undefined) return closed ? { status, headers, body, closed } : undefined;
            if (body.length < length) return undefined;
            return { status, headers, body: body.subarray(0, length), closed };
        };
        function finish(error?: Error, response?: RawResponse) {
            if (done) return;
            done = true;
            clearTimeout(timer);
            socket.destroy();
            if (error) reject(error);
            else resolve(response!);
        }
        socket.on('data', (chunk) => {
            data = Buffer.concat([data, chunk]);
            const response = parse(false);
            // Wait a moment for a close that follows the response.
            if (response) setTimeout(() => finish(undefined, { ...response, closed: socket.readableEnded || socket.destroyed }), options.closeWithinMs ?? 30);
        });
        socket.on('end', () => {
            const response = parse(true);
            if (response) finish(undefined, { ...response, closed: true });
            else finish(new Error(`connection closed after ${data.length} bytes: ${data.toString('latin1').slice(0, 200)}`));
        });
        socket.on('error', (error) => finish(error));
        socket.write(request);
    });
}
