// `npm run bench` part: the factory graph's model and layout times for generated programs of
// 50–1,000 declared nodes (the page's work on each redraw; the drawing itself is one innerHTML per
// layer). Up to DAGRE_LIMIT graph nodes the page lays out with dagre at once; above it draws the
// quick `ranks` layout at once and swaps in ELK's layered layout from a web worker. ELK runs here
// in-process (elk.bundled.js), as in the worker.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const entry = `
export { factoryGraph } from './language/manufactoria/model/factory-graph.ts';
export { parseProgram } from './language/manufactoria/verdict.ts';
export { layoutGraph, needsWorker, DAGRE_LIMIT } from './client/webview/factory-graph/layout.ts';
export { elkGraph, fromElk } from './client/webview/factory-graph/elk-layout.ts';
`;
const built = await esbuild.build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'error', external: ['elkjs'] });
const { factoryGraph, parseProgram, layoutGraph, needsWorker, DAGRE_LIMIT, elkGraph, fromElk } = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);
const ELK = createRequire(import.meta.url)('elkjs/lib/elk.bundled.js');
const elk = new ELK();

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

async function elkTime(graph) {
    const t = performance.now();
    const out = await elk.layout(elkGraph(graph));
    const ms = performance.now() - t;
    const layout = fromElk(out, graph, 'k');
    return { ms, width: layout.width, height: layout.height };
}

// The first ELK run pays for its start-up (the worker pays it once per panel); keep it out of the figures.
await elkTime(factoryGraph(parseProgram(program(20))));

console.log(`(dagre up to ${DAGRE_LIMIT} graph nodes, sinks included; above: 'ranks' at once, then ELK layered in a web worker)`);
for (const n of [50, 150, 500, 1000]) {
    const text = program(n);
    const parse = best(() => parseProgram(text));
    const ast = parseProgram(text);
    const model = best(() => factoryGraph(ast));
    const graph = factoryGraph(ast);
    const head = `${String(n).padStart(5)} declared nodes (${graph.nodes.length} graph nodes, ${graph.edges.length} edges): parse ${parse.toFixed(1)} ms, graph model ${model.toFixed(1)} ms`;
    if (!needsWorker(graph)) {
        const dagre = best(() => layoutGraph(graph), 3);
        console.log(`${head}, dagre ${dagre.toFixed(0)} ms (on the page's thread)`);
        continue;
    }
    const ranks = best(() => layoutGraph(graph), 3);
    const layered = await elkTime(graph);
    console.log(`${head}, first drawing (ranks) ${ranks.toFixed(1)} ms, ELK layered ${layered.ms.toFixed(0)} ms in the worker (${Math.round(layered.width)}×${Math.round(layered.height)} px; ELK/ranks ${(layered.ms / ranks).toFixed(0)}x; goal: the page never blocks, layered drawing at 1,000 nodes)`);
}
