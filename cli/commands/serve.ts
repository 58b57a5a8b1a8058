// `delta serve`: an HTTP drop-in for the reference verifier server (spec §7).
import { type CommandModule, parseOptions, UsageError, withUsage } from '../command.js';
import { startVerifierServer } from '../../language/verifier/http-server.js';

const USAGE = 'delta serve [--host 127.0.0.1] [--port 1235]';

export const serve: CommandModule = {
    main: (args) => withUsage(USAGE, async () => {
        const { values } = parseOptions(args, { host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: '1235' } }, false);
        const port = Number(values.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, got ${values.port}`);
        const server = await startVerifierServer({ host: values.host!, port });
        process.stderr.write(`delta verifier listening on http://${values.host}:${server.port}\n`);
        await new Promise<void>((resolve) => {
            const stop = () => server.close().then(resolve);
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
        });
        return 0;
    }),
};
