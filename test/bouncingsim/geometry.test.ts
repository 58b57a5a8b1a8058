// Regular polygons (spec §3): vertex 0 on +X, CCW, edge normals and apothem.
import { describe, expect, it } from 'vitest';
import { apothem, edgeNormal, regularPolygon, toWorld } from '../../language/bouncingsim/geometry.js';

describe('regular polygon geometry', () => {
    it('puts vertex 0 on +X and runs CCW', () => {
        const square = regularPolygon(4, 10);
        expect(square[0]).toEqual([10, 0]);
        expect(square[1][0]).toBeCloseTo(0, 12);
        expect(square[1][1]).toBeCloseTo(10, 12);
        for (const n of [3, 5, 8, 16]) {
            const v = regularPolygon(n, 225);
            let area2 = 0;
            for (let i = 0; i < n; i++) { const [a, b] = [v[i], v[(i + 1) % n]]; area2 += a[0] * b[1] - b[0] * a[1]; }
            expect(area2).toBeGreaterThan(0); // CCW
            expect(area2 / 2).toBeCloseTo((n / 2) * 225 * 225 * Math.sin((2 * Math.PI) / n), 6);
        }
    });

    it('edge normals point outward at θ + (2k+1)π/n, apothem away from the centre', () => {
        for (const n of [3, 4, 7]) {
            const v = regularPolygon(n, 100);
            for (let k = 0; k < n; k++) {
                const [nx, ny] = edgeNormal(n, k);
                const mid = [(v[k][0] + v[(k + 1) % n][0]) / 2, (v[k][1] + v[(k + 1) % n][1]) / 2];
                expect(mid[0] * nx + mid[1] * ny).toBeCloseTo(apothem(n, 100), 9);
                const edge = [v[(k + 1) % n][0] - v[k][0], v[(k + 1) % n][1] - v[k][1]];
                expect(edge[0] * nx + edge[1] * ny).toBeCloseTo(0, 9);
            }
        }
        expect(apothem(4, Math.SQRT2)).toBeCloseTo(1, 12);
    });

    it('places local vertices in the world by rotation then translation', () => {
        const [p] = toWorld([[10, 0]], [750, 750], Math.PI / 2);
        expect(p[0]).toBeCloseTo(750, 12);
        expect(p[1]).toBeCloseTo(760, 12);
    });
});
