// Code extraction as the training-side client does it (spec §10.4): the last ``` fence (optionally
// tagged `python`), or the whole output when there is none. Other tags (```py) are kept as part of
// the code, exactly like the reference regex, so such answers fail there and here alike.

const FENCE = /```(?:python)?([\s\S]*?)```/g;

export function extractPythonProgram(output: string): string {
    let last: string | undefined;
    for (const m of output.matchAll(FENCE)) last = m[1];
    return last ?? output;
}
