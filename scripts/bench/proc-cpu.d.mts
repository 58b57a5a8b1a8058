/** CPU seconds of the process tree under `root`, of its processes' main threads, and of the children they have reaped (see proc-cpu.mjs). */
export function treeCpu(root: number): { total: number; main: number; reaped: number };
export function mainThreadCpu(root: number, pattern: RegExp): number;
export function treeCpuSeconds(root: number): number;
export function machineCpuSeconds(): number;
