// `--help`/`-h` on any `delta` command prints its usage on stdout and exits 0 (README: "delta generate
// --help", "delta bouncingsim --help"); on most commands it was "Unknown option '--help'", exit 2.
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { CommandModule } from '../../cli/command.js';
import { check } from '../../cli/commands/check.js';
import { run } from '../../cli/commands/run.js';
import { test as testCommand } from '../../cli/commands/test.js';
import { verify } from '../../cli/commands/verify.js';
import { serve } from '../../cli/commands/serve.js';
import { bouncingsim } from '../../cli/commands/bouncingsim.js';
import { scoreCommand } from '../../cli/rollouts/score-command.js';
import { summaryCommand } from '../../cli/rollouts/summary-command.js';
import { reportCommand } from '../../cli/rollouts/report-command.js';

async function capture(command: CommandModule, args: string[]) {
    let stdout = '';
    let stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
    const code = await command.main(args);
    vi.restoreAllMocks();
    return { code, stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

const commands: [string, CommandModule, string][] = [
    ['check', check, 'usage: delta check FILE|-'],
    ['run', run, 'usage: delta run FILE|- --input TAPE'],
    ['test', testCommand, 'usage: delta test SOLUTION'],
    ['verify', verify, 'usage: delta verify [FILE|-]'],
    ['serve', serve, 'usage: delta serve [--host'],
    ['bouncingsim simulate', bouncingsim, 'usage: delta bouncingsim simulate'],
    ['rollouts score', scoreCommand, 'usage: delta rollouts score FILE…'],
    ['rollouts summary', summaryCommand, 'usage: delta rollouts summary FILE…'],
    ['rollouts report', reportCommand, 'usage: delta rollouts report FILE…'],
];

describe('--help and -h', () => {
    for (const [name, command, usage] of commands) {
        const prefix = name === 'bouncingsim simulate' ? ['simulate'] : [];
        test(name, async () => {
            for (const flag of ['--help', '-h']) {
                const result = await capture(command, [...prefix, 'some-file', flag]);
                expect(result).toMatchObject({ code: 0, stderr: '' });
                expect(result.stdout.startsWith(usage)).toBe(true);
            }
        });
    }

    test('after --, --help is a positional (a file named --help)', async () => {
        const result = await capture(check, ['--', '--help']);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('cannot read --help');
    });

    test('an unknown option is still a usage error, exit 2', async () => {
        const result = await capture(check, ['x', '--bogus']);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^delta: Unknown option '--bogus'/);
    });
});
