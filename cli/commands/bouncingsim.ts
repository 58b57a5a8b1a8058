// `delta bouncingsim`: dispatches to one module per sub-command (simulate, check, generate).

import { UsageError, withUsage, type CommandModule } from '../command.js';
import { checkCommand } from './bouncingsim/check.js';
import { generateCommand, GENERATE_HELP, GENERATE_USAGE } from './bouncingsim/generate.js';
import { simulateCommand } from './bouncingsim/simulate.js';

const USAGE = `delta bouncingsim simulate SCENE.json [--times 0.1,0.2,…] [--json]
       delta bouncingsim check ROWS.jsonl [--responses RESPONSES.jsonl] [--against truth|simulator]
                               [--timeout SECONDS] [--python CMD] [--no-sandbox] [--json]
       ${GENERATE_USAGE}`;

const HELP = `${USAGE}

simulate  Ground-truth ball positions (planck.js, Box2D 2.3 semantics, dt = 1/4000 s).
          --times defaults to the scene's own "tests" times, else 0.1 … 1.5.
          --json prints {"times": [...], "positions": [[[x, y], ...per ball], ...per time]}.

check     Without --responses: rebuilds each row's scene from its prompt, simulates it and scores
          the simulator against the row's asserts (check_distance ≤ tolerance), with a summary per
          family. With --responses: runs each model answer like the benchmark verifier (safety
          filter, each assert in a fresh process, --timeout per assert, default 1.0 s), inside a
          bubblewrap sandbox: no network, read-only system, a private temp folder, an empty
          environment, memory/CPU/file/process limits, everything killed at the deadline.
          --python picks the interpreter (default python3; 3.8 or newer).
          --no-sandbox runs the answers without bubblewrap (rlimits, process-group kill and a
          clean environment only): the only way to run model code unsandboxed.
          RESPONSES.jsonl has one object per line: {"id": "<row id>", "response": "<full model
          output>"} (the last \`\`\`python fence is extracted) or {"id": ..., "program": "<code>"}.
          --against simulator checks answers against the TS simulator instead of the row's stored
          ground truth (labelled as such in the output).
          Without --json, each row's line names its first error, control characters written
          as \\xNN (the model wrote that text).
          --json prints one JSON object per row on stdout; summaries go to stderr. With
          --responses each object also has per test: predicted, distances, passed, errors
          (exception type and message), runtimes (-1 when not passed), stdout and stderr
          excerpts, and the row's extracted program and whether it ran sandboxed.

${GENERATE_HELP}

exit codes: 0 all asserts pass, 1 failures or bad input lines, 2 usage, python or the sandbox unavailable.`;

export const bouncingsim: CommandModule = {
    main: (args) => withUsage(USAGE, async () => {
        const [sub, ...rest] = args;
        if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
            // Bare `delta bouncingsim` is a usage error: help goes to stderr with exit code 2.
            (sub === undefined ? process.stderr : process.stdout).write(`${HELP}\n`);
            return sub === undefined ? 2 : 0;
        }
        if (sub === 'simulate') return simulateCommand(rest);
        if (sub === 'check') return checkCommand(rest);
        if (sub === 'generate') return generateCommand(rest);
        throw new UsageError(`unknown bouncingsim command '${sub}'`);
    }),
};
