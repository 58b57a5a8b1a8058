// `delta rollouts`: load rollout dumps of any supported trainer format, re-score every response
// exactly (the verifier's verdict path), and aggregate (docs/rollouts.md). Sub-commands load on
// demand; `report` (the HTML report) registers in SUBCOMMANDS beside `score` and `summary`.
import type { CommandModule } from '../command.js';
import { prestartWorkers } from '../rollouts/threads.js';

const SUBCOMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
    score: { summary: 'one JSON line per rollout: re-scored pass_rate/all_pass, error class, extraction, logged score', load: async () => (await import('../rollouts/score-command.js')).scoreCommand },
    summary: { summary: 'aggregates by problem, family, level, step or problem,step: n, c, pass@k, errors, GRPO groups', load: async () => (await import('../rollouts/summary-command.js')).summaryCommand },
    report: { summary: 'one self-contained HTML file: solve-rate heatmap, curves, error classes, pass@k, near-misses', load: async () => (await import('../rollouts/report-command.js')).reportCommand },
};

export const rollouts: CommandModule = {
    async main(args) {
        const [name, ...rest] = args;
        const sub = name ? SUBCOMMANDS[name] : undefined;
        if (!sub) {
            const list = Object.entries(SUBCOMMANDS).map(([n, s]) => `  delta rollouts ${n.padEnd(8)} ${s.summary}`).join('\n');
            const asked = name === '--help' || name === '-h' || name === 'help';
            (asked ? process.stdout : process.stderr).write(`${name && !asked ? `delta: unknown rollouts command '${name}'\n` : ''}usage: delta rollouts <command> FILE… [options]\n${list}\n`);
            return asked ? 0 : 2;
        }
        // The run's worker threads start now, while the sub-command's modules load (rollouts/threads.ts).
        prestartWorkers(name!, rest);
        return (await sub.load()).main(rest);
    },
};

