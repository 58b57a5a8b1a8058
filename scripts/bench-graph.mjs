// `npm run bench` part: the factory graph's model and layout times for generated programs of
// 50–1,000 nodes (the page's work on each redraw; the drawing itself is one innerHTML per layer).
import * as esbuild from 'esbuild';
import { performance } from 'node:perf_hooks';

const entry = `
export { factoryGraph } from './language/manufactoria/model/factory-graph.ts';
export { parseProgram } from './language/manufactoria/verdict.ts';
export { layoutGraph, DAGRE_LIMIT } from './client/webview/factory-graph/layout.ts';
`;
const built = await esbuild.build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'error' });
const { factoryGraph, parseProgram, layoutGraph, DAGRE_LIMIT } = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);

/** A puller chain with forward jumps and a few loops back, like a generated solution. */
function program(n) {
    const lines = ['START start:', '    NEXT p0'];
    for (let i = 0; i < n; i++) {
        lines.push(`PULLER_RB p${i}:`, `    [R] ${i + 1 < n ? `p${i + 1}` : 'end'}`, `    [B] ${i % 7 === 6 ? `p${Math.max(0, i - 5)}` : i + 2 < n ? `p${i + 2}` : 'end'}`, '    [EMPTY] NONE');
    }
    lines.push('END end');
    return lines.join('\n');
}

const best = (fn, runs = 3) => {
    let min = Infinity;
    for (let i = 0; i < runs; i++) {
        const t = performance.now();
        fn();
        min = Math.min(min, performance.now() - t);
    }
    return min;
};

console.log(`(layered layout by dagre up to ${DAGRE_LIMIT} nodes, linear rank layout above)`);
for (const n of [50, 150, 300, 1000]) {
    const text = program(n);
    const parse = best(() => parseProgram(text));
    const ast = parseProgram(text);
    const model = best(() => factoryGraph(ast));
    const graph = factoryGraph(ast);
    const layout = best(() => layoutGraph(graph), n > 100 ? 1 : 3);
    const engine = layoutGraph(graph).engine;
    console.log(`${String(n).padStart(5)} nodes: parse ${parse.toFixed(1)} ms, graph model ${model.toFixed(1)} ms, layout (${engine}) ${layout.toFixed(0)} ms  (layout/parse ${(layout / parse).toFixed(0)}x; goal: redraw < 1 s at 1,000 nodes)`);
}
