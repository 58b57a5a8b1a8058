// The same body as JSON.stringify(respond(request)), written directly from the runs: the verifier's
// output is dominated by paths of up to 1000 ids, and quoting each id once per program is far
// cheaper than building and stringifying a result object per test. A test pins the equality.
import type { CompiledProgram } from '../interpreter/compile.js';
import { runSlots } from '../interpreter/run.js';
import { testPasses } from '../tests/pass-rule.js';
import { verdictOf } from '../verdict.js';
import type { VerifierRequest } from './request.js';

const quote = JSON.stringify as (value: string) => string;
const quotedIds = new WeakMap<CompiledProgram, string[]>();

export function respondJson(request: VerifierRequest): string {
    try {
        return serialize(request);
    } catch (error) {
        // Same catch-all as respond(): the reference answers `Unexpected error: …`.
        return JSON.stringify({ valid: false, all_passed: false, message: `Unexpected error: ${(error as Error).message}`, results: [] });
    }
}

function serialize(request: VerifierRequest): string {
    const verdict = verdictOf(request.dsl);
    if (!verdict.ok) return JSON.stringify({ valid: false, all_passed: false, message: `DSL Parse Error: ${verdict.error}`, results: [] });
    const program = verdict.program;
    let ids = quotedIds.get(program);
    if (!ids) quotedIds.set(program, (ids = program.ids.map(quote)));
    let allPassed = true;
    const results: string[] = [];
    for (const test of request.test_cases) {
        const run = runSlots(program, test.input);
        const passed = testPasses(test, { finished: run.finished, final_tape: run.finalTape });
        allPassed &&= passed;
        const path = run.slots.map((slot) => ids![slot]).join(',');
        results.push(`{"input":${quote(test.input)},"expected_output":${quote(test.expected_output)},"actual_output":${quote(run.finalTape)},`
            + `"expected_accepted":${test.expected_accepted},"actual_accepted":${run.finished},"check_output":${test.check_output},`
            + `"passed":${passed},"path":[${path}],"rejection_reason":${run.rejection === null ? 'null' : quote(run.rejection)},`
            + `"description":${quote(test.description)}}`);
    }
    return `{"valid":true,"all_passed":${allPassed},"results":[${results.join(',')}]}`;
}
