// Extension entry point. It only wires features together; each feature lives in its own file and
// is added to FEATURES below (Testing API, webviews, tree views, …).
import * as vscode from 'vscode';
import { registerServerCommands } from './commands.js';
import { registerBouncingSimProblems } from './bouncingsim-problems/index.js';
import { registerFactoryGraph } from './graph/index.js';
import { registerProblems } from './problems/index.js';
import { registerRollouts } from './rollouts/index.js';
import type { RolloutsTree } from './rollouts/rollouts-view.js';
import { SolutionResults } from './problems/problem-status.js';
import { ManufactoriaServer } from './server.js';
import { ServerStatusItem } from './status.js';
import { registerTesting, type TestingApi } from './testing/index.js';
import { registerTrace } from './trace/index.js';
import { registerTrajectory } from './trajectory/index.js';
import { watchCodeLenses } from './code-lens-watch.js';

/** The workspace-state key of the Problems view's statuses (the last result of each bound solution). */
const SOLUTION_RESULTS_KEY = 'deltaStudio.solutionResults';

/** What a feature gets: register disposables on `context.subscriptions`. */
export interface FeatureContext {
    readonly context: vscode.ExtensionContext;
    readonly log: vscode.LogOutputChannel;
    readonly server: ManufactoriaServer;
    /** Solution files' last results: Test Explorer runs record them, the Problems view shows them. */
    readonly results: SolutionResults;
}

type Feature = (ctx: FeatureContext) => void;

const FEATURES: Feature[] = [
    ({ context, server }) => context.subscriptions.push(...registerServerCommands(server)),
    ({ context, server }) => context.subscriptions.push(new ServerStatusItem(server)),
    (ctx) => { testing = registerTesting(ctx); },
    registerTrace,
    registerProblems,
    registerBouncingSimProblems,
    registerFactoryGraph,
    (ctx) => { rollouts = registerRollouts(ctx); },
];

/** Returned from activate(); in-host tests use it to wait for the server. */
export interface ManufactoriaApi {
    readonly server: ManufactoriaServer;
    /** Settles once the first server start has succeeded or failed. */
    readonly ready: Promise<void>;
    /** Test Explorer's controller and the states it shows. */
    readonly testing: TestingApi | undefined;
    /** The Rollouts view's tree (open runs → families → problems). */
    readonly rollouts: RolloutsTree | undefined;
    /** Solution files' last results, which the Problems view's statuses show. */
    readonly results: SolutionResults;
}

let server: ManufactoriaServer | undefined;
let testing: TestingApi | undefined;
let rollouts: RolloutsTree | undefined;

export function activate(context: vscode.ExtensionContext): ManufactoriaApi {
    const log = vscode.window.createOutputChannel('Manufactoria', { log: true });
    context.subscriptions.push(log);
    log.info(`Activating ${context.extension.id} ${context.extension.packageJSON.version} (VS Code ${vscode.version}, ${vscode.env.appHost})`);

    watchCodeLenses(log);
    registerTrajectory(context);
    server = new ManufactoriaServer(context, log);
    context.subscriptions.push(server);
    // Problem statuses survive a reload: the last result of each bound solution is kept per workspace.
    const results = new SolutionResults({
        load: () => context.workspaceState.get(SOLUTION_RESULTS_KEY),
        save: (records) => void context.workspaceState.update(SOLUTION_RESULTS_KEY, records),
    });
    const ctx: FeatureContext = { context, log, server, results };
    for (const feature of FEATURES) {
        try {
            feature(ctx);
        } catch (error) {
            // One broken feature must not take the language server down with it.
            log.error('A feature failed to initialise', error);
        }
    }

    // Not awaited: activation returns at once and the status bar shows progress.
    const ready = server.start();
    return { server, ready, testing, rollouts, results };
}

export async function deactivate(): Promise<void> {
    await server?.stop();
    server = undefined;
}
