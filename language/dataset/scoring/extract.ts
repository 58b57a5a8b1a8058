// Program extraction from a model response (spec §8.1): the last ```manufactoria fence wins;
// with no fence the whole response is used unchanged.
import { pyStrip } from '../../python/text.js';

const FENCE = /```(?:manufactoria)?([\s\S]*?)```/g;

export function extractDslProgram(response: string): string {
    let last: string | undefined;
    for (const match of response.matchAll(FENCE)) last = match[1];
    return last === undefined ? response : pyStrip(last);
}
