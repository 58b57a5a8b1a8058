// `delta rollouts score`: one JSON line per rollout, in input order (the CLI contract in docs/rollouts.md).
import type { CommandModule } from '../command.js';
import { withUsage } from '../command.js';
import { parseRolloutArgs, startRun } from './common.js';
import { COMMON_USAGE, SUBCOMMAND_OPTIONS } from './options.js';
import { Output } from './output.js';
import { closePythonRunners } from '../../language/bouncingsim/python/runner.js';

const USAGE = `delta rollouts score FILE… ${COMMON_USAGE} [--details] [-o OUT]`;

export const scoreCommand: CommandModule = {
    main: (args) => withUsage(USAGE, async () => {
        const { positionals, values } = parseRolloutArgs(args, SUBCOMMAND_OPTIONS.score);
        const run = await startRun(positionals, { ...values }, 'json');
        const out = new Output(values.output as string | undefined);
        const details = !!values.details;
        let rows = 0;
        for await (const item of run.outcomes) {
            if ('issue' in item) {
                run.report(item.issue, item.repeats);
                continue;
            }
            if ('text' in item) {
                // Rows a worker thread scored, already written as their lines.
                rows += item.rows;
                run.progress.row(item.rows);
                await out.write(item.text);
                continue;
            }
            if ('packed' in item) throw new Error('rollouts score: scored rows came packed');
            rows++;
            run.progress.row();
            if (!details) delete item.results;
            await out.write(`${JSON.stringify(item)}\n`);
        }
        await out.close();
        run.progress.clear();
        run.finish(rows);
        closePythonRunners();
        return run.issues() > 0 ? 1 : 0;
    }),
};
