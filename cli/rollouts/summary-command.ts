// `delta rollouts summary`: aggregates of the re-scored rollouts (docs/rollouts.md, "Aggregates").
import { GROUP_KEYS, grpoByStep, GrpoGroups, Summarizer } from '../../language/rollouts/aggregate.js';
import { summaryRowCount, summaryRows } from '../../language/rollouts/block.js';
import type { GroupKey, GroupSummary } from '../../language/rollouts/types.js';
import { type CommandModule, UsageError, withUsage } from '../command.js';
import { parseRolloutArgs, startRun } from './common.js';
import { COMMON_USAGE, SUBCOMMAND_OPTIONS } from './options.js';
import { Output } from './output.js';
import { closePythonRunners } from '../../language/bouncingsim/python/runner.js';

const USAGE = `delta rollouts summary FILE… [--by problem|family|level|step|problem,step] [--k 1,8,64] [--json] [--grpo] ${COMMON_USAGE} [-o OUT]`;

export const summaryCommand: CommandModule = {
    main: (args) => withUsage(USAGE, async () => {
        const { positionals, values } = parseRolloutArgs(args, SUBCOMMAND_OPTIONS.summary);
        const by = (values.by ?? 'problem') as GroupKey;
        if (!GROUP_KEYS.includes(by)) throw new UsageError(`--by must be one of ${GROUP_KEYS.join(', ')}`);
        const ks = ((values.k as string | undefined) ?? '1,8,64').split(',').map((k) => Number(k.trim()));
        if (ks.some((k) => !Number.isInteger(k) || k < 1)) throw new UsageError('--k expects a comma-separated list of positive integers, e.g. 1,8,64');
        const run = await startRun(positionals, { ...values }, 'summary');
        const summarizer = new Summarizer(by, ks);
        const groups = new GrpoGroups((values.mode as 'pass_rate' | 'all_pass' | undefined) ?? 'all_pass');
        let rows = 0;
        for await (const item of run.outcomes) {
            if ('issue' in item) {
                run.report(item.issue, item.repeats);
                continue;
            }
            if ('text' in item) throw new Error('rollouts summary: scored rows came as text');
            // A block's rows come packed from the threads, folded here in one go.
            for (const row of 'packed' in item ? summaryRows(item.packed) : [item]) {
                summarizer.add(row);
                groups.add(row);
                rows++;
            }
            run.progress.row('packed' in item ? summaryRowCount(item.packed) : 1);
        }
        run.progress.clear();
        run.finish(rows);
        closePythonRunners();
        const out = new Output(values.output as string | undefined);
        const summaries = summarizer.result();
        if (values.grpo) {
            for (const g of groups.result()) await out.write(`${JSON.stringify(g)}\n`);
        } else if (values.json) {
            const perStep = by === 'step' ? new Map(grpoByStep(groups.result()).map((s) => [s.step, s])) : undefined;
            for (const s of summaries) {
                const g = perStep?.get(s.group.step as number | null);
                const line = g ? { ...s, grpo: { groups: g.groups, zero_variance_groups: g.zero_variance_groups, mean_spread: g.mean_spread, mean_distinct_programs: g.mean_distinct_programs } } : s;
                await out.write(`${JSON.stringify(line)}\n`);
            }
        } else {
            await out.write(table(summaries, by, ks));
            if (by === 'step') await out.write(grpoTable(grpoByStep(groups.result())));
        }
        await out.close();
        return run.issues() > 0 ? 1 : 0;
    }),
};

function fmt(x: number | null | undefined, digits = 3): string {
    return x === null || x === undefined ? '-' : x.toFixed(digits);
}

function table(rows: GroupSummary[], by: GroupKey, ks: number[]): string {
    const head = [...by.split(','), 'n', 'c', 'mean_pass_rate', ...ks.map((k) => `pass@${k}`), ...(by === 'problem' ? ['first_solved', 'solved_since'] : []), 'errors'];
    const body = rows.map((r) => [
        ...by.split(',').map((k) => String(r.group[k] ?? '-')),
        String(r.n), String(r.c), fmt(r.mean_pass_rate), ...ks.map((k) => fmt(r.pass_at[String(k)])),
        ...(by === 'problem' ? [r.first_solved_step, r.solved_since].map((s) => (s === null || s === undefined ? '-' : String(s))) : []),
        Object.entries(r.errors).map(([e, n]) => `${e}:${n}`).join(' ') || '-',
    ]);
    return columns([head, ...body]);
}

function grpoTable(rows: ReturnType<typeof grpoByStep>): string {
    const head = ['step', 'groups', 'zero_variance', 'mean_spread', 'mean_distinct_programs'];
    return `\nGRPO groups (samples of one prompt at one step)\n${columns([head, ...rows.map((r) => [String(r.step ?? '-'), String(r.groups), String(r.zero_variance_groups), fmt(r.mean_spread), fmt(r.mean_distinct_programs, 2)])])}`;
}

function columns(rows: string[][]): string {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}
