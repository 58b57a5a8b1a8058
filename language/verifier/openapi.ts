// The OpenAPI document `delta serve` publishes at /openapi.json (written for this server: it
// describes both reference APIs, Manufactoria's and BouncingSim's, in one document) and the
// /docs page, which renders it without loading anything from the network.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const validationError = { description: 'Validation Error (FastAPI\'s body: one entry per problem)', ...jsonBody(ref('HTTPValidationError')) };
const overload = {
    '413': { description: 'Body larger than `delta serve --max-body`', ...jsonBody(ref('Detail')) },
    '503': { description: 'More requests in progress than `--max-concurrent`; retry later', ...jsonBody(ref('Detail')) },
    '504': { description: 'The request took longer than `--timeout`; its work was stopped', ...jsonBody(ref('Detail')) },
};

const programPath = (summary: string, description: string) => ({
    post: {
        summary,
        description,
        operationId: summary.toLowerCase().replace(/\W+/g, '_'),
        requestBody: { required: true, ...jsonBody(ref('TestRequest')) },
        responses: {
            '200': { description: 'One result (1 passed, 0 failed) and one runtime (seconds, -1.0 when not run) per test', ...jsonBody(ref('ProgramResults')) },
            '422': validationError,
            '500': { description: 'An exception while decoding or running the tests, as `{"detail": "<message>"}`', ...jsonBody(ref('Detail')) },
            ...overload,
        },
    },
});

export const OPENAPI_DOCUMENT = {
    openapi: '3.1.0',
    info: {
        title: 'DELTA verifier (delta serve)',
        version: '0.1.0',
        description: 'A drop-in for the DELTA benchmark\'s two FastAPI verifier servers: Manufactoria (`/test_solution`) and BouncingSim (`/test_program`). Bodies, status codes and error entries follow the reference apps; see the README for the remaining differences.',
    },
    paths: {
        '/health': { get: { summary: 'Health', operationId: 'health', responses: { '200': { description: 'Always `{"status":"healthy"}`', ...jsonBody(ref('Health')) } } } },
        '/test_solution': {
            post: {
                summary: 'Test Solution',
                description: 'Parses a Manufactoria DSL program and runs it on each test case (at most 1000 steps each).',
                operationId: 'test_solution',
                requestBody: { required: true, ...jsonBody(ref('ManufactoriaTestRequest')) },
                responses: {
                    '200': { description: 'The verdict: results in request order, or the parse error', ...jsonBody(ref('SolutionVerdict')) },
                    '422': validationError,
                    '400': { description: 'The body is not decodable text (`There was an error parsing the body`)', ...jsonBody(ref('Detail')) },
                    ...overload,
                },
            },
        },
        '/test_program': programPath('Test Program', 'Runs a model\'s Python program against assert strings, each in a fresh sandboxed process with `max_execution_time` seconds. A program containing any of the reference\'s unsafe substrings fails every test without running.'),
        '/test_program_stdio': programPath('Test Program Stdio', 'The reference\'s stdin/stdout grading; every test fails there (see the README).'),
    },
    components: {
        schemas: {
            Health: { type: 'object', properties: { status: { type: 'string', const: 'healthy' } }, required: ['status'] },
            Detail: { type: 'object', properties: { detail: { type: 'string' } }, required: ['detail'] },
            TestCase: {
                type: 'object',
                properties: {
                    input: { type: 'string', description: 'Input tape over R, B, Y, G' },
                    expected_output: { type: 'string', default: '', description: 'Expected final tape; a Python regex (fullmatch) if it contains any of `.+*?|()`' },
                    expected_accepted: { type: 'boolean', default: true },
                    check_output: { type: 'boolean', default: true },
                    description: { type: 'string', default: '' },
                },
                required: ['input'],
            },
            ManufactoriaTestRequest: {
                type: 'object',
                properties: {
                    dsl: { type: 'string' },
                    test_cases: { type: 'array', items: ref('TestCase') },
                    max_execution_time: { type: 'number', default: 1.0, description: 'Validated, never used (as in the reference)' },
                },
                required: ['dsl', 'test_cases'],
            },
            TestResult: {
                type: 'object',
                properties: {
                    input: { type: 'string' }, expected_output: { type: 'string' }, actual_output: { type: 'string' },
                    expected_accepted: { type: 'boolean' }, actual_accepted: { type: 'boolean' }, check_output: { type: 'boolean' },
                    passed: { type: 'boolean' }, path: { type: 'array', items: { type: 'string' } },
                    rejection_reason: { anyOf: [{ type: 'string' }, { type: 'null' }] }, description: { type: 'string' },
                },
            },
            SolutionVerdict: {
                type: 'object',
                properties: {
                    valid: { type: 'boolean' }, all_passed: { type: 'boolean' },
                    message: { type: 'string', description: 'Only when `valid` is false: `DSL Parse Error: …` or `Unexpected error: …`' },
                    results: { type: 'array', items: ref('TestResult') },
                },
                required: ['valid', 'all_passed', 'results'],
            },
            TestRequest: {
                type: 'object',
                properties: {
                    program: { type: 'string' },
                    tests: { description: 'A list of assert strings, a JSON string of such a list, or base64(zlib(pickle(list of str)))' },
                    max_execution_time: { type: 'number', default: 1.0, description: 'Seconds per test' },
                },
                required: ['program', 'tests'],
            },
            ProgramResults: {
                type: 'object',
                properties: { results: { type: 'array', items: { type: 'integer', enum: [0, 1] } }, runtimes: { type: 'array', items: { type: 'number' } } },
                required: ['results', 'runtimes'],
            },
            ValidationError: {
                type: 'object',
                properties: {
                    type: { type: 'string' }, loc: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } },
                    msg: { type: 'string' }, input: {}, ctx: { type: 'object' },
                },
                required: ['type', 'loc', 'msg', 'input'],
            },
            HTTPValidationError: { type: 'object', properties: { detail: { type: 'array', items: ref('ValidationError') } } },
        },
    },
};

export const OPENAPI_JSON = JSON.stringify(OPENAPI_DOCUMENT);

/** A self-contained page: reads /openapi.json and lists every operation, with a form to send a body. */
export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>DELTA verifier - API</title>
<style>body{font:14px system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}h2{margin-top:2rem}
code,pre,textarea{font:13px ui-monospace,monospace}pre{background:#f4f4f4;padding:.5rem;overflow:auto}
.op{border:1px solid #ccc;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}.m{font-weight:bold;text-transform:uppercase;margin-right:.5rem}
textarea{width:100%;height:8rem}</style></head>
<body><h1>DELTA verifier</h1><p id="about"></p><div id="ops">Loading /openapi.json…</div>
<script>
fetch('/openapi.json').then(r => r.json()).then(doc => {
  document.getElementById('about').textContent = doc.info.description;
  const ops = document.getElementById('ops'); ops.textContent = '';
  const schemas = doc.components.schemas;
  const show = (s) => JSON.stringify(s && s.$ref ? schemas[s.$ref.split('/').pop()] : s, null, 2);
  for (const [path, methods] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(methods)) {
    const box = document.createElement('div'); box.className = 'op';
    const head = document.createElement('h2'); head.innerHTML = '<span class="m"></span><code></code>';
    head.firstChild.textContent = method; head.lastChild.textContent = path; box.append(head);
    const text = document.createElement('p'); text.textContent = (op.summary || '') + (op.description ? ': ' + op.description : ''); box.append(text);
    const body = op.requestBody && op.requestBody.content['application/json'].schema;
    if (body) { const pre = document.createElement('pre'); pre.textContent = 'Body: ' + show(body); box.append(pre); }
    for (const [code, r] of Object.entries(op.responses)) { const p = document.createElement('p'); p.textContent = code + ': ' + r.description; box.append(p); }
    const input = document.createElement('textarea'); const send = document.createElement('button'); const out = document.createElement('pre');
    send.textContent = 'Send'; if (body) box.append(input);
    send.onclick = async () => { const r = await fetch(path, body ? { method: method.toUpperCase(), headers: { 'content-type': 'application/json' }, body: input.value } : { method: method.toUpperCase() }); out.textContent = r.status + ' ' + await r.text(); };
    box.append(send, out); ops.append(box);
  }
});
</script></body></html>`;
