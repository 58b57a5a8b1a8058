// Regular-polygon geometry shared by the simulator and the future webview (docs/bouncingsim.md §3).
// Vertex 0 lies on +X and vertices run CCW; containers and balls are built the same way.

import type { Vec2Tuple } from './scene-types.js';

/** Local-frame vertices of a regular n-gon with circumradius r. */
export function regularPolygon(sides: number, radius: number): Vec2Tuple[] {
    const vertices: Vec2Tuple[] = [];
    for (let i = 0; i < sides; i++) {
        const a = (2 * Math.PI * i) / sides;
        vertices.push([radius * Math.cos(a), radius * Math.sin(a)]);
    }
    return vertices;
}

/** Local vertices rotated by `angle` (radians) and moved to `position`. */
export function toWorld(local: Vec2Tuple[], position: Vec2Tuple, angle: number): Vec2Tuple[] {
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    return local.map(([x, y]) => [position[0] + c * x - s * y, position[1] + s * x + c * y]);
}

/** Distance from centre to each edge. */
export function apothem(sides: number, radius: number): number {
    return radius * Math.cos(Math.PI / sides);
}

/** Outward unit normal of edge k (vertex k → k+1) for a polygon turned by `angle`. */
export function edgeNormal(sides: number, k: number, angle = 0): Vec2Tuple {
    const a = angle + ((2 * k + 1) * Math.PI) / sides;
    return [Math.cos(a), Math.sin(a)];
}

export const degToRad = (deg: number): number => (deg * Math.PI) / 180;
