export interface WrkResult {
    requests: number; seconds: number; rps: number; p50: number; p99: number; errors: number;
    clientCpu: number; serverCpu: number; serverMainCpu: number; machineCpu: number; window: number;
}
/** Whether Debian's `wrk` is installed. */
export function hasWrk(): boolean;
/** Posts `total` bodies of a JSON Lines file over `connections` keep-alive connections, after `warmup.count` bodies of `warmup.file` on the same connections (see wrk-load.mjs). */
export function runWrk(options: { port: number; bodiesFile: string; total: number; connections?: number; serverPid?: number; timeoutMs?: number; warmup?: { file: string; count: number } }): Promise<WrkResult>;
