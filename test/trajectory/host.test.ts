// Extension-side pure parts of the trajectory panel: input resolution (scene files, rows, answers),
// lens detection in JSONL, frame packing, markers, predictions and the page's CSP.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAssert } from '../../language/bouncingsim/asserts.js';
import { parseScene, parseSceneText } from '../../language/bouncingsim/scene-load.js';
import { simulate, simulateFrames } from '../../language/bouncingsim/simulate.js';
import { STANDARD_TIMESTAMPS } from '../../language/bouncingsim/step-count.js';
import { FPS, frameRequest, geometryOf, markersFromFrames, packFrames } from '../../client/trajectory/frames.js';
import { trajectoryHtml } from '../../client/trajectory/html.js';
import { contentSecurityPolicy, makeNonce } from '../../client/webview-html.js';
import { finished, NO_MODEL, predict, predictionRow } from '../../client/trajectory/predictions.js';
import { isBouncingSimRow, looksLikeScene, readJsonlValue, scanJsonl } from '../../client/trajectory/scan.js';
import { rowInput, sceneInput } from '../../client/trajectory/source.js';
import { checkHostMessage } from '../../client/webview/protocol.js';
import { FIXTURES, loadScene } from '../bouncingsim/fixtures.js';

const SCENE_B = `${FIXTURES}scenes/sample/scenes_B/basic/scene_B_basic_1.json`;
const ROWS_BASIC = `${FIXTURES}rows/dataset_sample_basic.jsonl`;
const ROWS_LIST = `${FIXTURES}rows/dataset_sample_list.jsonl`;
const text = (path: string) => readFileSync(path, 'utf8');
const firstRow = (path: string) => {
    const row = scanJsonl(text(path))[0]?.row;
    if (!row) throw new Error(`no row in ${path}`);
    return row;
};

describe('looksLikeScene', () => {
    it('accepts scene JSON and nothing else', () => {
        expect(looksLikeScene(text(SCENE_B))).toBe(true);
        expect(looksLikeScene('{"boxes": [], "balls": []}')).toBe(true);
        expect(looksLikeScene('{"name": "delta-studio", "version": "0.1.0"}')).toBe(false);
        expect(looksLikeScene('{"boxes": [], "balls": ')).toBe(false); // broken JSON
        expect(looksLikeScene('{"boxes": 3, "balls": []}')).toBe(false);
        expect(looksLikeScene('[{"boxes": [], "balls": []}]')).toBe(false); // not the top level
        expect(looksLikeScene('{"meta": {"boxes": [], "balls": []}}')).toBe(false);
    });
});

describe('sceneInput', () => {
    it('reads geometry and says markers come from the simulator when the scene has no tests', () => {
        const input = sceneInput(text(SCENE_B), SCENE_B, 'scene_B_basic_1.json');
        expect(input.title).toBe('Trajectory: scene_B_basic_1.json');
        expect(input.geometry).toEqual({ boxes: [{ sides: 4, radius: 225 }], balls: [{ sides: 3, radius: 40, color: [60, 160, 255] }] });
        expect(input.truth.markers).toBeUndefined();
        expect(input.model).toBeUndefined();
        expect(parseScene(input.scene).ok).toBe(true);
    });

    it('uses the scene\'s own tests as ground truth', () => {
        const json = JSON.parse(text(SCENE_B));
        json.tests = [{ time: 0.25, position: [[1, 2]] }, { time: 2, position: [[3, 4]] }];
        const input = sceneInput(JSON.stringify(json), 's.json', 's.json');
        expect(input.truth.markers).toEqual([{ time: 0.25, positions: [[1, 2]] }, { time: 2, positions: [[3, 4]] }]);
        expect(frameRequest(input.truth.markers!.map((m) => m.time))).toEqual({ fps: FPS, duration: 2 });
    });

    it('throws with the field paths of an invalid scene', () => {
        const json = JSON.parse(text(SCENE_B));
        json.boxes[0].sides = 2;
        json.balls[0].radius = -1;
        expect(() => sceneInput(JSON.stringify(json), 's.json', 's.json')).toThrow(/boxes\[0\]\.sides[\s\S]*balls\[0\]\.radius/);
        expect(() => sceneInput('{', 's.json', 's.json')).toThrow(/invalid JSON/);
    });
});

describe('rows and answers', () => {
    it('rowInput: scene from the prompt, markers from the asserts in order', () => {
        const row = firstRow(ROWS_BASIC);
        const input = rowInput(row);
        expect(input.title).toBe(`Trajectory: ${row.id}`);
        expect(input.truth.markers!.map((m) => m.time)).toEqual(STANDARD_TIMESTAMPS);
        expect(input.truth.markers!.map((m) => m.positions)).toEqual(row.ground_truth.map((a) => parseAssert(a).expected));
        expect(input.model).toBeUndefined();
    });

    it('list-mode rows take their times from the row', () => {
        const input = rowInput(firstRow(ROWS_LIST), 'def predict_position():\n    return []\n');
        expect(input.truth.markers!.map((m) => m.time)).toEqual(STANDARD_TIMESTAMPS);
        expect(input.model?.timestamps).toEqual(STANDARD_TIMESTAMPS);
        expect(input.title).toMatch(/\(model answer\)$/);
    });

    it('the rebuilt scene survives the worker\'s validation and simulates like the original file', () => {
        // The worker re-validates plain data, so the resolved scene must read back as itself.
        const row = firstRow(ROWS_LIST); // B_0_1 ↔ sample_list/scenes_B/basic/scene_B_basic_1.json
        const input = rowInput(row);
        const reparsed = parseScene(structuredClone(input.scene));
        if (!reparsed.ok) throw new Error(JSON.stringify(reparsed.issues));
        const original = loadScene(`${FIXTURES}scenes/sample_list/scenes_B/basic/scene_B_basic_1.json`);
        expect(simulate(reparsed.scene, [0.5, 1.5])).toEqual(simulate(original, [0.5, 1.5]));
    });

    it('scanJsonl finds BouncingSim rows and model answers, skipping other lines cheaply', () => {
        const rows = text(ROWS_BASIC).trimEnd().split('\n');
        const answer = JSON.stringify({ id: 'X_1_1', response: 'text\n```python\ndef predict_position(t):\n    return [[0, 0]]\n```' });
        const other = JSON.stringify({ id: 'M_1', ground_truth: ['assert f(1) == 2'], messages: [{ role: 'user', content: 'x' }] });
        const doc = [rows[0], '', 'not json {', other, answer, JSON.stringify({ id: 'P', program: 'x = 1' }), rows[1]].join('\n');
        const found = scanJsonl(doc);
        expect(found.map((e) => [e.line, e.id, !!e.row, e.program])).toEqual([
            [0, JSON.parse(rows[0]).id, true, undefined],
            [4, 'X_1_1', false, 'def predict_position(t):\n    return [[0, 0]]'],
            [5, 'P', false, 'x = 1'],
            [6, JSON.parse(rows[1]).id, true, undefined],
        ]);
        expect(scanJsonl(doc, 'P').map((e) => e.line)).toEqual([5]);
        expect(scanJsonl(rows.join('\n')).length).toBe(rows.length);
    });

    it('a row line that carries its own response is both', () => {
        const row = JSON.parse(text(ROWS_BASIC).split('\n')[0]);
        const entry = readJsonlValue({ ...row, response: '```python\nP = 1\n```' }, 7);
        expect(entry?.row?.id).toBe(row.id);
        expect(entry?.program).toBe('P = 1');
        expect(readJsonlValue({ id: 'x' }, 0)).toBeUndefined();
        expect(readJsonlValue({ response: 'no id' }, 0)).toBeUndefined();
        // A Manufactoria rollout line is not a BouncingSim answer (no trajectory lens on it).
        const manufactoria = '```manufactoria\nSTART start:\n    NEXT end\n\nEND end\n```';
        expect(readJsonlValue({ id: 'ab0c', response: manufactoria }, 0)).toBeUndefined();
        expect(readJsonlValue({ id: 'ab0c', ground_truth: [{ input: 'B', expected_output: '', expected_accepted: true, check_output: false }], response: manufactoria }, 0)).toBeUndefined();
    });

    it('isBouncingSimRow needs check_distance/predict_position asserts', () => {
        expect(isBouncingSimRow(firstRow(ROWS_BASIC))).toBe(true);
        expect(isBouncingSimRow({ ...firstRow(ROWS_BASIC), ground_truth: [] })).toBe(false);
        expect(isBouncingSimRow({ ...firstRow(ROWS_BASIC), ground_truth: ['assert x == 1'] })).toBe(false);
    });
});

describe('frames for the webview', () => {
    const scene = loadScene(SCENE_B);
    const frames = simulateFrames(scene, frameRequest([]));

    it('frameRequest: 60 fps up to the last test time, at least 1.5 s, at most 20 s', () => {
        expect(frameRequest([])).toEqual({ fps: 60, duration: 1.5 });
        expect(frameRequest([0.1, 0.5])).toEqual({ fps: 60, duration: 1.5 });
        expect(frameRequest([3])).toEqual({ fps: 60, duration: 3 });
        expect(frameRequest([100])).toEqual({ fps: 60, duration: 20 });
    });

    it('packFrames flattens [x, y, angle] per body per frame and passes the guard', () => {
        const packed = packFrames(frames);
        expect(packed.count).toBe(91);
        expect(packed.balls.length).toBe(91 * 3);
        expect(packed.boxes.slice(3 * 10, 3 * 10 + 3)).toEqual([frames.boxes[10][0].x, frames.boxes[10][0].y, frames.boxes[10][0].angle]);
        expect(packed.balls.slice(0, 3)).toEqual([814, 736, 0]);
        const message = { type: 'init', title: 't', source: { kind: 'scene', uri: 'file:///s' }, truthLabel: 'x', geometry: geometryOf(scene), frames: packed, markers: [], predictions: NO_MODEL };
        expect(checkHostMessage(message)).toMatchObject({ ok: true });
    });

    it('markersFromFrames equals the ground-truth simulation at the standard timestamps', () => {
        // 60 fps puts every 0.1 s timestamp exactly on a frame with the same step count (§5.5).
        const markers = markersFromFrames(frames);
        expect(markers.map((m) => m.time)).toEqual(STANDARD_TIMESTAMPS);
        expect(markers.map((m) => m.positions)).toEqual(simulate(scene, STANDARD_TIMESTAMPS));
        expect(markersFromFrames(frames, [0.5, 9])).toHaveLength(1); // beyond the frames: left out
    });

    it('geometryOf turns diameters into circumradii', () => {
        const parsed = parseSceneText('{"boxes": [{"center": [0, 0], "diameter": 300, "sides": 5}], "balls": [{"radius": 7, "sides": 0}]}');
        if (!parsed.ok) throw new Error('fixture');
        expect(geometryOf(parsed.scene)).toEqual({ boxes: [{ sides: 5, radius: 150 }], balls: [{ sides: 0, radius: 7, color: [255, 0, 0] }] });
    });
});

describe('predictions', () => {
    const assertAt = (t: string, pos: string) => `assert check_distance(predict_position(${t}), ${pos}) <= 50.0`;
    const ASSERTS = [assertAt('0.10', '[[100.0, 200.0]]'), assertAt('0.20', '[[110.0, 200.0]]')];

    it('predictionRow keeps finite numbers and turns the rest into nulls', () => {
        expect(predictionRow({ index: 0, assert: 'a', time: 0.1, expected: [[1, 2]], passed: true, runtime: 0.01, timedOut: false, predicted: [[1, 2], [null, 3]], distance: 0.5 }))
            .toEqual({ time: 0.1, expected: [[1, 2]], predicted: [[1, 2], null], distance: 0.5, passed: true, runtime: 0.01 });
        expect(predictionRow({ index: 1, assert: 'a', passed: false, runtime: -1, timedOut: true, error: 'timed out after 1000 ms' }))
            .toEqual({ time: null, expected: null, predicted: null, distance: null, passed: false, error: 'timed out after 1000 ms', runtime: -1 });
        expect(predictionRow({ index: 2, assert: 'a', passed: false, runtime: -1, timedOut: false, error: 'ZeroDivisionError: division by zero', stdout: 'hi\n', stderr: 'warn\n' }))
            .toMatchObject({ error: 'ZeroDivisionError: division by zero', stdout: 'hi\n', stderr: 'warn\n', runtime: -1 });
    });

    it('finished() summarises, and explains a safety-filter refusal', () => {
        const iso = { sandboxed: true, isolation: 'sandboxed (bubblewrap)' };
        expect(finished({ results: [], passed: 0, pass_rate: 0, all_pass: false, refused: ['import os'], ...iso }).message).toMatch(/safety filter.*"import os"/);
        const run = { index: 0, assert: 'a', passed: true, runtime: 0, timedOut: false };
        expect(finished({ results: [run, { ...run, passed: false }], passed: 1, pass_rate: 0.5, all_pass: false, refused: [], ...iso }).message).toMatch(/1\/2 tests pass.*Ran sandboxed \(bubblewrap\)/);
    });

    it('predict() reports a missing interpreter as a status, not an exception', async () => {
        const p = await predict('x = 1', ASSERTS, [0.1, 0.2], { python: '/nonexistent/python3' });
        expect(p.status).toBe('no-python');
        expect(p.message).toMatch(/Python 3 is needed/);
        expect(p.canRun).toBe(true);
    });
});

describe('page HTML', () => {
    const nonce = makeNonce();
    const html = trajectoryHtml({ cspSource: 'https://x.vscode-cdn.net', scriptUri: 'https://x.vscode-cdn.net/out/webview/trajectory.js?a=1&b=2', nonce, title: 'T <script>' });

    it('has the nonce-based CSP and nothing that needs unsafe-inline', () => {
        expect(contentSecurityPolicy('SRC', 'N')).toBe("default-src 'none'; img-src SRC; style-src SRC 'nonce-N'; script-src 'nonce-N'");
        expect(html).toContain(`content="${contentSecurityPolicy('https://x.vscode-cdn.net', nonce)}"`);
        expect(html).not.toMatch(/unsafe-inline|unsafe-eval/);
        expect(html).not.toMatch(/\sstyle="/); // inline style attributes would be blocked
        expect(html).not.toMatch(/\son[a-z]+="/); // so would inline handlers
        const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
        expect(scripts).toEqual([` nonce="${nonce}" src="https://x.vscode-cdn.net/out/webview/trajectory.js?a=1&#38;b=2"`]);
        expect(html).toContain(`<style nonce="${nonce}">`);
        expect(html).not.toMatch(/https?:\/\/(?!x\.vscode-cdn\.net)/); // no remote content
    });

    it('contains every element the script and the e2e test use, and escapes the title', () => {
        for (const id of ['trajectory-canvas', 'timeline', 'play', 'step-back', 'step-forward', 'speed', 'predictions', 'predictions-status', 'run-predictions', 'tooltip', 'status', 'ticks', 'time-label', 'title', 'truth-label', 'stage']) {
            expect(html, id).toContain(`id="${id}"`);
        }
        expect(html).toContain('T &#60;script&#62;');
        expect(makeNonce()).not.toBe(nonce);
        expect(nonce).toMatch(/^[A-Za-z0-9_-]{24}$/);
    });
});
