// Message guards of the trajectory webview protocol (both directions) and the persisted state.
import { describe, expect, it } from 'vitest';
import {
    checkHostMessage, checkPersistedState, checkWebviewMessage, isSourceRef, sameSource, sourceKey,
    type HostMessage, type SourceRef,
} from '../../client/webview/protocol.js';

const source: SourceRef = { kind: 'row', uri: 'file:///w/rows.jsonl', id: 'B_0_1', line: 3 };

function init(): Extract<HostMessage, { type: 'init' }> {
    return {
        type: 'init', title: 'Trajectory: B_0_1', source, truthLabel: 'stored ground truth',
        geometry: { boxes: [{ sides: 4, radius: 225 }], balls: [{ sides: 3, radius: 40, color: [60, 160, 255] }, { sides: 0, radius: 20, color: [255, 0, 0] }] },
        // 2 frames × (2 balls | 1 box) × 3 numbers
        frames: { fps: 60, count: 2, balls: [1, 2, 0, 3, 4, 0, 5, 6, 0.1, 7, 8, 0.2], boxes: [750, 750, 0, 750, 750, 0.01] },
        markers: [{ time: 0.1, positions: [[1, 2], [3, 4]] }],
        predictions: {
            status: 'done', message: '1/1', canRun: true,
            rows: [{ time: 0.1, expected: [[1, 2], [3, 4]], predicted: [[1, 2], null], distance: 0, passed: true }],
        },
        view: { time: 0.5, playing: false, speed: 0.25 },
    };
}

const reason = (v: unknown) => {
    const r = checkHostMessage(v);
    return r.ok ? 'ok' : r.reason;
};

describe('checkHostMessage', () => {
    it('accepts every well-formed host message', () => {
        expect(checkHostMessage(init()).ok).toBe(true);
        const { view: _, ...withoutView } = init();
        expect(checkHostMessage(withoutView).ok).toBe(true);
        expect(checkHostMessage({ type: 'progress', message: 'Simulating', fraction: 0.5 }).ok).toBe(true);
        expect(checkHostMessage({ type: 'predictions', predictions: { status: 'untrusted', message: 'no', rows: [], canRun: false } }).ok).toBe(true);
        expect(checkHostMessage({ type: 'error', message: 'boom' }).ok).toBe(true);
        expect(checkHostMessage({ ...init(), source: { kind: 'scene', uri: 'file:///s.json' } }).ok).toBe(true);
    });

    it('rejects non-objects and unknown types with a reason', () => {
        expect(reason(null)).toBe('a message must be an object');
        expect(reason([1])).toBe('a message must be an object');
        expect(reason('init')).toBe('a message must be an object');
        expect(reason({ type: 'explode' })).toBe('unknown message type "explode"');
        expect(reason({})).toBe('unknown message type undefined');
    });

    it('rejects frame arrays that do not match the geometry', () => {
        const m = init();
        m.frames.balls.pop();
        expect(reason(m)).toMatch(/frames\.balls/);
        const n = init();
        n.frames.count = 3;
        expect(reason(n)).toMatch(/frames\.balls/);
        const o = init();
        o.frames.boxes[0] = Number.NaN;
        expect(reason(o)).toMatch(/frames\.boxes/);
        expect(reason({ ...init(), frames: { ...init().frames, fps: 0 } })).toMatch(/fps/);
    });

    it('rejects malformed geometry, markers, predictions and views', () => {
        expect(reason({ ...init(), geometry: { boxes: [{ sides: 2, radius: 1 }], balls: [] } })).toMatch(/sides ≥ 3/);
        expect(reason({ ...init(), geometry: { boxes: [], balls: [{ sides: 3, radius: 1, color: [1, 2] }] } })).toMatch(/color/);
        expect(reason({ ...init(), markers: [{ time: '0.1', positions: [] }] })).toMatch(/markers/);
        expect(reason({ ...init(), markers: [{ time: 0.1, positions: [[1]] }] })).toMatch(/markers/);
        expect(reason({ ...init(), predictions: { ...init().predictions, status: 'maybe' } })).toMatch(/status/);
        expect(reason({ ...init(), predictions: { ...init().predictions, rows: [{ time: 0.1, expected: null, predicted: null, distance: null, passed: 'yes' }] } })).toMatch(/passed/);
        expect(reason({ ...init(), predictions: { ...init().predictions, rows: [{ time: 0.1, expected: null, predicted: [[1, 'x']], distance: null, passed: true }] } })).toMatch(/predicted/);
        expect(reason({ ...init(), view: { time: -1, playing: true, speed: 1 } })).toMatch(/view\.time/);
        expect(reason({ ...init(), view: { time: 0, playing: true, speed: 0 } })).toMatch(/view\.speed/);
        expect(reason({ ...init(), source: { kind: 'row', uri: 'file:///x', line: 1 } })).toMatch(/source\.id/);
        expect(reason({ ...init(), title: 3 })).toMatch(/title/);
    });

    it('rejects progress outside [0, 1] and errors without text', () => {
        expect(reason({ type: 'progress', message: 'x', fraction: 1.5 })).toMatch(/fraction/);
        expect(reason({ type: 'progress', fraction: 0.5 })).toMatch(/message/);
        expect(reason({ type: 'error' })).toMatch(/error\.message/);
    });
});

describe('checkWebviewMessage', () => {
    it('accepts ready, requestPredictions and a valid state', () => {
        expect(checkWebviewMessage({ type: 'ready' }).ok).toBe(true);
        expect(checkWebviewMessage({ type: 'requestPredictions' }).ok).toBe(true);
        expect(checkWebviewMessage({ type: 'state', state: { source, view: { time: 0, playing: true, speed: 1 } } }).ok).toBe(true);
    });

    it('rejects anything else', () => {
        for (const bad of [undefined, 42, { type: 'init' }, { type: 'state' }, { type: 'state', state: { source, view: { time: 0, playing: 'no', speed: 1 } } },
            { type: 'state', state: { source: { kind: 'file', uri: 'x' }, view: { time: 0, playing: true, speed: 1 } } }]) {
            expect(checkWebviewMessage(bad).ok, JSON.stringify(bad)).toBe(false);
        }
    });
});

describe('persisted state and sources', () => {
    it('checkPersistedState validates what the serializer gets back', () => {
        expect(checkPersistedState({ source: { kind: 'scene', uri: 'file:///s.json' }, view: { time: 1, playing: false, speed: 0.5 } }).ok).toBe(true);
        expect(checkPersistedState(undefined).ok).toBe(false);
        expect(checkPersistedState({ source: { kind: 'scene', uri: '' }, view: { time: 1, playing: false, speed: 0.5 } }).ok).toBe(false);
    });

    it('sameSource compares kind, uri and id (not the line hint)', () => {
        expect(sameSource(source, { ...source, line: 9 })).toBe(true);
        expect(sameSource(source, { ...source, id: 'B_0_2' })).toBe(false);
        expect(sameSource(source, { ...source, kind: 'response' })).toBe(false);
        expect(sameSource({ kind: 'scene', uri: 'a' }, { kind: 'scene', uri: 'a' })).toBe(true);
        expect(sameSource({ kind: 'scene', uri: 'a' }, { kind: 'scene', uri: 'b' })).toBe(false);
    });

    it('sourceKey is one key per scene/row/answer', () => {
        expect(sourceKey(source)).toBe(sourceKey({ ...source, line: 0 }));
        expect(sourceKey(source)).not.toBe(sourceKey({ ...source, kind: 'response' }));
        expect(sourceKey({ kind: 'scene', uri: 'a' })).not.toBe(sourceKey({ kind: 'scene', uri: 'b' }));
    });

    it('isSourceRef recognises CodeLens command arguments', () => {
        expect(isSourceRef(source)).toBe(true);
        expect(isSourceRef({ kind: 'scene', uri: 'file:///s.json' })).toBe(true);
        expect(isSourceRef({ scheme: 'file', path: '/s.json' })).toBe(false);
        expect(isSourceRef(undefined)).toBe(false);
    });
});
