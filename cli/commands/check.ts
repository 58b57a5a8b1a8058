// `delta check`: the reference verdict for one program.
import { type CommandModule, parseOptions, UsageError, withUsage } from '../command.js';
import { readText } from '../io.js';
import { verdictOf } from '../../language/manufactoria/verdict.js';

const USAGE = 'delta check FILE|-';

export const check: CommandModule = {
    main: (args) => withUsage(USAGE, async () => {
        const { positionals } = parseOptions(args, {});
        if (positionals.length !== 1) throw new UsageError('expected exactly one FILE (or - for stdin)');
        const verdict = verdictOf(await readText(positionals[0]));
        process.stdout.write(verdict.ok ? 'OK\n' : `${verdict.error}\n`);
        return verdict.ok ? 0 : 1;
    }),
};
