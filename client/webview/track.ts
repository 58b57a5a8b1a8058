// The model's predicted track: per ball, its predicted positions in timestamp order, joined into
// polylines. A timestamp where the model gave no usable position for a ball (it raised, returned
// too few balls, or a non-finite number) breaks that ball's line, so a gap is never drawn as motion.
import type { PredictionRow, Vec2 } from './protocol.js';

/** tracks[ball] = list of polylines (each ≥ 1 point), in timestamp order. */
export function predictedTracks(rows: readonly PredictionRow[], ballCount: number): Vec2[][][] {
    const order = rows.map((r, k) => ({ r, k })).filter(({ r }) => r.time !== null).sort((a, b) => a.r.time! - b.r.time! || a.k - b.k);
    const tracks: Vec2[][][] = [];
    for (let ball = 0; ball < ballCount; ball++) {
        const lines: Vec2[][] = [];
        let line: Vec2[] = [];
        for (const { r } of order) {
            const p = r.predicted?.[ball] ?? null;
            if (p) line.push(p);
            else if (line.length) {
                lines.push(line);
                line = [];
            }
        }
        if (line.length) lines.push(line);
        tracks.push(lines);
    }
    return tracks;
}

/** Points over all tracks (a test hook: how much of the model's track is drawn). */
export function trackPointCount(tracks: readonly Vec2[][][]): number {
    let n = 0;
    for (const lines of tracks) for (const line of lines) n += line.length;
    return n;
}
