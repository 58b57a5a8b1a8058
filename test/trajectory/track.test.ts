// The model's predicted track (client/webview/track.ts) and the table's verdict text with the tolerance.
import { describe, expect, it } from 'vitest';
import type { PredictionRow } from '../../client/webview/protocol.js';
import { verdictText } from '../../client/webview/prediction-text.js';
import { predictedTracks, trackPointCount } from '../../client/webview/track.js';

const row = (time: number | null, predicted: PredictionRow['predicted'], extra: Partial<PredictionRow> = {}): PredictionRow =>
    ({ time, expected: null, predicted, distance: null, passed: false, ...extra });

describe('predictedTracks', () => {
    it('joins each ball\'s predictions in time order, whatever order the rows came in', () => {
        const rows = [row(0.3, [[3, 3], [30, 30]]), row(0.1, [[1, 1], [10, 10]]), row(0.2, [[2, 2], [20, 20]])];
        expect(predictedTracks(rows, 2)).toEqual([[[[1, 1], [2, 2], [3, 3]]], [[[10, 10], [20, 20], [30, 30]]]]);
    });

    it('breaks a line where a prediction is missing (raised, non-finite, too few balls), never drawing a gap as motion', () => {
        const rows = [row(0.1, [[1, 1]]), row(0.2, null), row(0.3, [[3, 3]]), row(0.4, [null]), row(0.5, [[5, 5]]), row(0.6, [[6, 6]])];
        const tracks = predictedTracks(rows, 2);
        expect(tracks[0]).toEqual([[[1, 1]], [[3, 3]], [[5, 5], [6, 6]]]);
        expect(tracks[1]).toEqual([]);
        expect(trackPointCount(tracks)).toBe(4);
    });

    it('leaves out rows without a time (an assert it could not label)', () => {
        expect(predictedTracks([row(null, [[9, 9]]), row(0.1, [[1, 1]])], 1)).toEqual([[[[1, 1]]]]);
    });
});

describe('verdictText', () => {
    it('names the tolerance the distance was judged against', () => {
        expect(verdictText(row(0.1, [[1, 1]], { passed: true, distance: 12.5, tolerance: 50 }))).toBe('pass ≤ 50');
        expect(verdictText(row(0.1, [[1, 1]], { passed: false, distance: 80, tolerance: 50 }))).toBe('fail > 50');
        expect(verdictText(row(0.1, [[1, 1]], { passed: false, distance: 80, tolerance: 12.345 }))).toBe('fail > 12.35');
        // Raised before check_distance: no distance, just the verdict.
        expect(verdictText(row(0.1, null, { passed: false, tolerance: 50, error: 'ZeroDivisionError' }))).toBe('fail');
        expect(verdictText(row(0.1, [[1, 1]], { passed: true, distance: 3 }))).toBe('pass');
    });
});
