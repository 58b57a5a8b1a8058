// `delta verify`: the reference server's POST /test_solution, one JSON Lines request at a time.
import { type CommandModule, parseOptions, withUsage } from '../command.js';
import { OutputBuffer, readLines } from '../io.js';
import { checkRequest } from '../../language/verifier/request.js';
import { respondJson } from '../../language/verifier/respond-json.js';

const USAGE = 'delta verify [FILE|-]   (JSON Lines of {"dsl", "test_cases", "max_execution_time"?})';

export const verify: CommandModule = {
    summary: 'answer verifier requests (JSON Lines) exactly like the reference /test_solution',
    main: (args) => withUsage(USAGE, async () => {
        const { positionals } = parseOptions(args, {});
        const out = new OutputBuffer();
        let bad = 0;
        let lineNumber = 0;
        for await (const line of readLines(positionals[0] ?? '-')) {
            lineNumber++;
            const answer = answerLine(line, lineNumber);
            if (answer.startsWith('{"error"')) bad++;
            await out.write(`${answer}\n`);
        }
        await out.close();
        return bad > 0 ? 1 : 0;
    }),
};

/** The reference response body for one request line, or `{"error"}` naming the line and what is wrong. */
export function answerLine(line: string, lineNumber: number): string {
    const error = (what: string) => JSON.stringify({ error: `${lineNumber}: ${what}` });
    if (line.trim() === '') return error('empty line, expected a JSON request object');
    let body: unknown;
    try {
        body = JSON.parse(line);
    } catch (caught) {
        return error(`invalid JSON: ${(caught as Error).message}`);
    }
    const checked = checkRequest(body);
    if (!checked.ok) {
        const what = checked.errors.map((e) => `${e.loc.slice(1).join('.') || 'body'}: ${e.msg}`).join('; ');
        return error(what);
    }
    return respondJson(checked.request);
}
