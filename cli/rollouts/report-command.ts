// `delta rollouts report`: the scored run as one self-contained HTML file (cli/rollouts/report.ts).
import { basename, resolve } from 'node:path';
import { summarize } from '../../language/rollouts/aggregate.js';
import { CompactRows } from '../../language/rollouts/compact-rows.js';
import { type CommandModule, UsageError, withUsage } from '../command.js';
import { parseRolloutArgs, startRun } from './common.js';
import { COMMON_USAGE, SUBCOMMAND_OPTIONS } from './options.js';
import { Output } from './output.js';
import { overviewScript, reportHtml } from './report.js';

const USAGE = `delta rollouts report FILE… -o report.html [--title T] [--k 1,8] [--near-misses N] [--synthetic] ${COMMON_USAGE}`;

export const reportCommand: CommandModule = {
    main: (args) => withUsage(USAGE, async () => {
        const { positionals, values } = parseRolloutArgs(args, SUBCOMMAND_OPTIONS.report);
        const output = values.output as string | undefined;
        if (!output) throw new UsageError('-o report.html is required (the report is one HTML file)');
        const ks = ((values.k as string | undefined) ?? '1,8').split(',').map((k) => Number(k.trim()));
        if (ks.some((k) => !Number.isInteger(k) || k < 1)) throw new UsageError('--k expects a comma-separated list of positive integers, e.g. 1,8');
        const nearMisses = Number((values['near-misses'] as string | undefined) ?? 20);
        if (!Number.isInteger(nearMisses) || nearMisses < 0) throw new UsageError('--near-misses expects a whole number');
        const script = overviewScript();
        const run = await startRun(positionals, { ...values }, 'rows');
        // The rows in compact form (about 100 bytes each; the near-misses' programs kept): a run of a million rollouts fits.
        const rows = new CompactRows(nearMisses);
        for await (const item of run.outcomes) {
            if ('issue' in item) {
                run.report(item.issue, item.repeats);
                continue;
            }
            if ('text' in item || 'packed' in item) throw new Error('rollouts report: scored rows came as text or packed');
            run.progress.row();
            rows.add(item);
        }
        run.progress.clear();
        run.finish(rows.length);
        const title = (values.title as string | undefined) ?? positionals.map((p) => basename(resolve(p))).join(', ');
        // Data whose paths say "synthetic" (like demo/rollouts/) is labelled so in the report; --synthetic forces it.
        const synthetic = !!values.synthetic || positionals.some((p) => /synthetic/i.test(resolve(p)));
        const out = new Output(output);
        await out.write(reportHtml(rows, summarize, { title, ks, synthetic, nearMisses }, script));
        await out.close();
        process.stderr.write(`wrote ${output}: ${rows.length} rollouts${run.issues() ? `, ${run.issues()} issues` : ''}\n`);
        return run.issues() > 0 ? 1 : 0;
    }),
};
