// Worker threads started from out/server.cjs (entry: server/bundle-entry.ts) say in their
// workerData which job they do, so one bundle serves the language server and its threads.
export type WorkerRole = 'run-tests' | 'rollouts';

interface RoleData {
    deltaWorkerRole: WorkerRole;
}

/** The Worker options that start `role` in the bundle. */
export function workerOptions(role: WorkerRole): { workerData: RoleData } {
    return { workerData: { deltaWorkerRole: role } };
}

/** The role a thread was started with, from its workerData. */
export function roleOf(workerData: unknown): WorkerRole | undefined {
    const role = (workerData as Partial<RoleData> | null | undefined)?.deltaWorkerRole;
    return role === 'run-tests' || role === 'rollouts' ? role : undefined;
}
