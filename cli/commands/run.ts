// `delta run`: one tape through one program, with the whole path.
import { type CommandModule, parseOptions, UsageError, withUsage } from '../command.js';
import { readText } from '../io.js';
import { runTape } from '../../language/manufactoria/interpreter/run.js';
import { verdictOf } from '../../language/manufactoria/verdict.js';

const USAGE = 'delta run FILE|- --input TAPE [--json]';

export const run: CommandModule = {
    main: (args) => withUsage(USAGE, async () => {
        const { positionals, values } = parseOptions(args, { input: { type: 'string' }, json: { type: 'boolean' } });
        if (positionals.length !== 1) throw new UsageError('expected exactly one FILE (or - for stdin)');
        if (values.input === undefined) throw new UsageError('--input TAPE is required (use --input "" for the empty tape)');
        const verdict = verdictOf(await readText(positionals[0]));
        if (!verdict.ok) {
            process.stdout.write(values.json ? `${JSON.stringify({ valid: false, message: verdict.error })}\n` : `${verdict.error}\n`);
            return 1;
        }
        const result = runTape(verdict.program, values.input);
        if (values.json) {
            process.stdout.write(`${JSON.stringify(result)}\n`);
        } else {
            const outcome = result.finished ? 'accepted' : `rejected: ${result.rejection_reason}`;
            process.stdout.write(`${outcome}\nfinal tape: ${JSON.stringify(result.final_tape)}\npath (${result.path.length}): ${result.path.join(' -> ')}\n`);
        }
        return result.finished ? 0 : 1;
    }),
};
