// Starts the bundled `delta serve` (out/cli.cjs, built by `npm test`) on a free loopback port.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServeProcess { port: number; child: ChildProcess; stop(): Promise<void> }

export function startServe(args: string[] = []): Promise<ServeProcess> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['out/cli.cjs', 'serve', '--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        const timer = setTimeout(() => { child.kill(); reject(new Error(`delta serve did not start: ${stderr}`)); }, 20000);
        child.stderr!.setEncoding('utf8').on('data', (text: string) => {
            stderr += text;
            const match = /listening on http:\/\/[^:]+:(\d+)/.exec(stderr);
            if (match) {
                clearTimeout(timer);
                resolve({
                    port: Number(match[1]), child,
                    stop: () => new Promise((done) => { if (child.exitCode !== null || child.signalCode !== null) return done(); child.once('exit', () => done()); child.kill('SIGTERM'); }),
                });
            }
        });
        child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`delta serve exited (${code}): ${stderr}`)); });
    });
}
