// The text of a rollout opened as a read-only solution (no `vscode` import, so it is unit-tested).
// The `# problem:` binding goes AFTER the program: it is a comment, which the reference drops, and
// appending it keeps every program line where the reference counts it (parse errors name the same
// line numbers as `delta check` on the extracted program).
import { directiveHead } from '../../language/dataset/solutions/directives.js';
import type { RolloutInfo } from './worker-protocol.js';

/** The URI scheme of rollouts opened as read-only documents (client/rollouts/documents.ts). */
export const ROLLOUT_SCHEME = 'delta-rollout';

/**
 * The document text: the program as extracted, then the binding and where the rollout came from.
 * `closingFence` is where the program's closing fence line starts, if it ends with one
 * (closingFenceStart in language/manufactoria/lexing/reference-layout.ts): the reference drops that
 * line only while it is the last, so the comments go before it.
 */
export function rolloutDocumentText(info: RolloutInfo, closingFence?: number): string {
    const lines = [''];
    const own = { count: 0 };
    const program = defused(closingFence === undefined ? info.program : info.program.slice(0, closingFence), own);
    if (info.problemFile && info.problem !== null) lines.push(`# problem: ${info.problemFile}#${info.problem}`);
    else lines.push(`# (no problem file in the workspace holds '${info.problem ?? '?'}': tests cannot run here)`);
    lines.push(`# rollout: ${info.source} · step ${info.step ?? '–'} · sample ${info.sample ?? '–'} · pass_rate ${info.pass_rate} · all_pass ${info.all_pass}${info.error ? ` · ${info.error}` : ''}`);
    lines.push('# read-only: "DELTA: Copy Rollout to Workspace" makes an editable solution file');
    if (own.count) lines.push(`# the program's own ${own.count === 1 ? 'directive line is' : `${own.count} directive lines are`} shown with '##': model text, not this document's binding or tests`);
    const comments = `${lines.join('\n')}\n`;
    if (closingFence !== undefined) return `${program}${comments}${info.program.slice(closingFence)}`;
    return `${program.endsWith('\n') ? program : `${program}\n`}${comments}`;
}

/**
 * The program with its own `# problem:` and `# test:` lines (a model may write them) made plain
 * comments by a second `#`: the first `# problem:` line of a document binds it, so a model's would
 * have bound the rollout to a problem of its choosing (and its tests run). A comment line stays a
 * comment line for the reference, so line numbers and the verdict do not change.
 */
function defused(program: string, own: { count: number }): string {
    if (!program.includes('#')) return program;
    return program.split('\n').map((line) => {
        if (!directiveHead(line)) return line;
        own.count++;
        const at = line.indexOf('#');
        return `${line.slice(0, at)}#${line.slice(at)}`;
    }).join('\n');
}


/**
 * An editable copy of a rollout's program with the binding on top, like a new solution.
 * `openingFenceEnd` is where the line after the program's opening fence starts, if it begins with
 * one (openingFenceEnd in reference-layout.ts): the reference drops that line only while it is the
 * first, so the comments go after it.
 */
export function rolloutCopyText(info: RolloutInfo, problemRef: string | undefined, openingFenceEnd = 0): string {
    const header = `${problemRef ? `# problem: ${problemRef}\n` : ''}# copied from rollout ${info.source}\n\n`;
    const program = info.program.endsWith('\n') ? info.program : `${info.program}\n`;
    return `${program.slice(0, openingFenceEnd)}${header}${program.slice(openingFenceEnd)}`;
}

/** Names for a copy, in order: `a.step5.sample2.manufactoria`, then `a.step5.sample2-2.manufactoria`, … up to `-99` (an earlier copy may hold edits). */
export function* copyNames(name: string): Generator<string> {
    yield name;
    const dot = name.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let n = 2; n < 100; n++) yield `${stem}-${n}${extension}`;
}

/**
 * A BouncingSim rollout as one dataset-row JSON line that also carries the answer: the shape the
 * trajectory panel reads (client/trajectory/scan.ts), so a rollout replays like an answer line
 * next to its row. The prompt is the row's `messages[0].content`, as in the dataset.
 */
export function bouncingSimRolloutText(info: RolloutInfo): string {
    const bs = info.bouncingsim;
    const line = {
        id: bouncingSimRowId(info),
        title: `${bouncingSimRowId(info)} · step ${info.step ?? '–'} · sample ${info.sample ?? '–'} · row ${info.row + 1}`,
        messages: [{ role: 'user', content: bs?.prompt ?? '' }],
        ground_truth: bs?.asserts ?? [],
        program: info.program,
        rollout: { source: info.source, step: info.step, sample: info.sample, pass_rate: info.pass_rate, all_pass: info.all_pass, error: info.error },
    };
    return `${JSON.stringify(line)}\n`;
}

/** The row id of a BouncingSim rollout's line (the trajectory panel finds the line by it). */
export function bouncingSimRowId(info: RolloutInfo): string {
    return info.problem ?? info.name ?? 'rollout';
}
