// `delta bouncingsim simulate SCENE.json`: ground-truth positions of a scene file.
import { parseOptions, UsageError } from '../../command.js';
import { formatIssue, parseSceneText } from '../../../language/bouncingsim/scene-load.js';
import { simulate } from '../../../language/bouncingsim/simulate.js';
import { MAX_TIMESTAMP, STANDARD_TIMESTAMPS } from '../../../language/bouncingsim/step-count.js';
import { err, fmt, out, readText } from './io.js';

function parseTimes(text: string): number[] {
    const times = text.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
    if (!times.length || times.some((t) => !Number.isFinite(t) || t < 0)) throw new UsageError(`--times must be comma-separated non-negative numbers (got '${text}')`);
    if (times.some((t) => t > MAX_TIMESTAMP)) throw new UsageError(`--times must be at most ${MAX_TIMESTAMP} s (got '${text}')`);
    return times;
}

export async function simulateCommand(args: string[]): Promise<number> {
    const { values, positionals } = parseOptions(args, { times: { type: 'string' }, json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('simulate needs exactly one SCENE.json');
    const file = positionals[0];
    const parsed = parseSceneText(await readText(file), file);
    if (!parsed.ok) {
        for (const issue of parsed.issues) err(formatIssue(issue));
        return 1;
    }
    const { scene } = parsed;
    const times = values.times !== undefined ? parseTimes(values.times) : scene.tests?.map((t) => t.time) ?? [...STANDARD_TIMESTAMPS];
    const positions = simulate(scene, times);
    if (values.json) {
        out(JSON.stringify({ times, positions }));
    } else {
        times.forEach((t, k) => out(`t=${t.toFixed(2)}  ${positions[k].map(([x, y], b) => `ball ${b + 1} (${fmt(x)}, ${fmt(y)})`).join('  ')}`));
    }
    return 0;
}
