// b2Distance (GJK, without radii) in float32, on shape proxies and sweeps.
import { cosf, EPS_SQ, f, FLT_EPSILON, sinf, TWO_PI } from './float32.js';
import { mul, mulXf, type Xf } from './transforms.js';

export interface Proxy { vs: { x: number; y: number }[]; count: number; radius: number; own: { x: number; y: number }[] }
export const newProxy = (): Proxy => ({ vs: [], count: 0, radius: 0, own: [] });
/** Fills `out` with the distance proxy of a shape's child (b2DistanceProxy::Set) and returns it. */
export function proxyOf(shape: any, index: number, out: Proxy): Proxy {
    const own = out.own;
    switch (shape.m_type) {
        case 'circle': own[0] = shape.m_p; out.vs = own; out.count = 1; break;
        case 'polygon': out.vs = shape.m_vertices; out.count = shape.m_count; break;
        case 'chain': {
            const v = shape.m_vertices, n = shape.m_count;
            own[0] = v[index]; own[1] = v[index + 1 < n ? index + 1 : 0]; out.vs = own; out.count = 2;
            break;
        }
        case 'edge': own[0] = shape.m_vertex1; own[1] = shape.m_vertex2; out.vs = own; out.count = 2; break;
        default: throw new Error(`unsupported shape ${shape.m_type}`);
    }
    out.radius = shape.m_radius;
    return out;
}
export interface Sw { lcx: number; lcy: number; c0x: number; c0y: number; cx: number; cy: number; a0: number; a: number; alpha0: number }
export const newSw = (): Sw => ({ lcx: 0, lcy: 0, c0x: 0, c0y: 0, cx: 0, cy: 0, a0: 0, a: 0, alpha0: 0 });
/** Copies a planck Sweep into `out` and returns it. */
export function swOf(s: any, out: Sw): Sw {
    out.lcx = s.localCenter.x; out.lcy = s.localCenter.y; out.c0x = s.c0.x; out.c0y = s.c0.y; out.cx = s.c.x; out.cy = s.c.y;
    out.a0 = s.a0; out.a = s.a; out.alpha0 = s.alpha0;
    return out;
}
export function swNormalize(s: Sw) {
    const d = f(TWO_PI * Math.floor(f(s.a0 / TWO_PI)));
    s.a0 = f(s.a0 - d); s.a = f(s.a - d);
}
export function swXf(s: Sw, beta: number, xf: Xf) {
    const k = f(1 - beta);
    const px = f(f(k * s.c0x) + f(beta * s.cx));
    const py = f(f(k * s.c0y) + f(beta * s.cy));
    const angle = f(f(k * s.a0) + f(beta * s.a));
    const sn = sinf(angle), c = cosf(angle);
    xf.s = sn; xf.c = c;
    xf.px = f(px - f(f(c * s.lcx) - f(sn * s.lcy)));
    xf.py = f(py - f(f(sn * s.lcx) + f(c * s.lcy)));
}
export function support(p: Proxy, dx: number, dy: number): number {
    let best = 0, bestValue = f(f(p.vs[0].x * dx) + f(p.vs[0].y * dy));
    for (let i = 1; i < p.count; i++) {
        const v = f(f(p.vs[i].x * dx) + f(p.vs[i].y * dy));
        if (v > bestValue) { best = i; bestValue = v; }
    }
    return best;
}
interface SV { wAx: number; wAy: number; wBx: number; wBy: number; wx: number; wy: number; a: number; iA: number; iB: number }
const newSV = (): SV => ({ wAx: 0, wAy: 0, wBx: 0, wBy: 0, wx: 0, wy: 0, a: 0, iA: 0, iB: 0 });
const copySV = (d: SV, s: SV) => { d.wAx = s.wAx; d.wAy = s.wAy; d.wBx = s.wBx; d.wBy = s.wBy; d.wx = s.wx; d.wy = s.wy; d.a = s.a; d.iA = s.iA; d.iB = s.iB; };
export interface Cache { metric: number; count: number; iA: number[]; iB: number[] }
const sv = [newSV(), newSV(), newSV()];
let svCount = 0;
// The simplex's vertex indices before each iteration, to stop on a repeated support point.
const saveA = [0, 0, 0], saveB = [0, 0, 0];
function setSV(v: SV, pA: Proxy, xa: Xf, pB: Proxy, xb: Xf) {
    const a = pA.vs[v.iA], b = pB.vs[v.iB];
    mulXf(xa, a.x, a.y); v.wAx = mul.x; v.wAy = mul.y;
    mulXf(xb, b.x, b.y); v.wBx = mul.x; v.wBy = mul.y;
    v.wx = f(v.wBx - v.wAx); v.wy = f(v.wBy - v.wAy);
}
function metric(): number {
    if (svCount === 2) { const dx = f(sv[0].wx - sv[1].wx), dy = f(sv[0].wy - sv[1].wy); return f(Math.sqrt(f(f(dx * dx) + f(dy * dy)))); }
    if (svCount === 3) {
        const ax = f(sv[1].wx - sv[0].wx), ay = f(sv[1].wy - sv[0].wy), bx = f(sv[2].wx - sv[0].wx), by = f(sv[2].wy - sv[0].wy);
        return f(f(ax * by) - f(ay * bx));
    }
    return 0;
}
function solve2() {
    const w1x = sv[0].wx, w1y = sv[0].wy, w2x = sv[1].wx, w2y = sv[1].wy;
    const ex = f(w2x - w1x), ey = f(w2y - w1y);
    const d12_2 = -f(f(w1x * ex) + f(w1y * ey));
    if (d12_2 <= 0) { sv[0].a = 1; svCount = 1; return; }
    const d12_1 = f(f(w2x * ex) + f(w2y * ey));
    if (d12_1 <= 0) { sv[1].a = 1; svCount = 1; copySV(sv[0], sv[1]); return; }
    const inv = f(1 / f(d12_1 + d12_2));
    sv[0].a = f(d12_1 * inv); sv[1].a = f(d12_2 * inv); svCount = 2;
}
function solve3() {
    const w1x = sv[0].wx, w1y = sv[0].wy, w2x = sv[1].wx, w2y = sv[1].wy, w3x = sv[2].wx, w3y = sv[2].wy;
    const e12x = f(w2x - w1x), e12y = f(w2y - w1y);
    const w1e12 = f(f(w1x * e12x) + f(w1y * e12y)), w2e12 = f(f(w2x * e12x) + f(w2y * e12y));
    const d12_1 = w2e12, d12_2 = -w1e12;
    const e13x = f(w3x - w1x), e13y = f(w3y - w1y);
    const w1e13 = f(f(w1x * e13x) + f(w1y * e13y)), w3e13 = f(f(w3x * e13x) + f(w3y * e13y));
    const d13_1 = w3e13, d13_2 = -w1e13;
    const e23x = f(w3x - w2x), e23y = f(w3y - w2y);
    const w2e23 = f(f(w2x * e23x) + f(w2y * e23y)), w3e23 = f(f(w3x * e23x) + f(w3y * e23y));
    const d23_1 = w3e23, d23_2 = -w2e23;
    const n123 = f(f(e12x * e13y) - f(e12y * e13x));
    const d123_1 = f(n123 * f(f(w2x * w3y) - f(w2y * w3x)));
    const d123_2 = f(n123 * f(f(w3x * w1y) - f(w3y * w1x)));
    const d123_3 = f(n123 * f(f(w1x * w2y) - f(w1y * w2x)));
    if (d12_2 <= 0 && d13_2 <= 0) { sv[0].a = 1; svCount = 1; return; }
    if (d12_1 > 0 && d12_2 > 0 && d123_3 <= 0) { const inv = f(1 / f(d12_1 + d12_2)); sv[0].a = f(d12_1 * inv); sv[1].a = f(d12_2 * inv); svCount = 2; return; }
    if (d13_1 > 0 && d13_2 > 0 && d123_2 <= 0) { const inv = f(1 / f(d13_1 + d13_2)); sv[0].a = f(d13_1 * inv); sv[2].a = f(d13_2 * inv); svCount = 2; copySV(sv[1], sv[2]); return; }
    if (d12_1 <= 0 && d23_2 <= 0) { sv[1].a = 1; svCount = 1; copySV(sv[0], sv[1]); return; }
    if (d13_1 <= 0 && d23_1 <= 0) { sv[2].a = 1; svCount = 1; copySV(sv[0], sv[2]); return; }
    if (d23_1 > 0 && d23_2 > 0 && d123_1 <= 0) { const inv = f(1 / f(d23_1 + d23_2)); sv[1].a = f(d23_1 * inv); sv[2].a = f(d23_2 * inv); svCount = 2; copySV(sv[0], sv[2]); return; }
    const inv = f(1 / f(f(d123_1 + d123_2) + d123_3));
    sv[0].a = f(d123_1 * inv); sv[1].a = f(d123_2 * inv); sv[2].a = f(d123_3 * inv); svCount = 3;
}
/** b2Distance with useRadii = false; returns the distance between witness points. */
export function distanceF32(cache: Cache, pA: Proxy, xa: Xf, pB: Proxy, xb: Xf): number {
    // ReadCache
    svCount = cache.count;
    for (let i = 0; i < svCount; i++) { const v = sv[i]; v.iA = cache.iA[i]; v.iB = cache.iB[i]; setSV(v, pA, xa, pB, xb); v.a = 0; }
    if (svCount > 1) {
        const m1 = cache.metric, m2 = metric();
        if (m2 < f(0.5 * m1) || f(2 * m1) < m2 || m2 < FLT_EPSILON) svCount = 0;
    }
    if (svCount === 0) { const v = sv[0]; v.iA = 0; v.iB = 0; setSV(v, pA, xa, pB, xb); v.a = 1; svCount = 1; }
    let iter = 0;
    while (iter < 20) {
        const saveCount = svCount;
        for (let i = 0; i < saveCount; i++) { saveA[i] = sv[i].iA; saveB[i] = sv[i].iB; }
        if (svCount === 2) solve2(); else if (svCount === 3) solve3();
        if (svCount === 3) break;
        // search direction
        let dx: number, dy: number;
        if (svCount === 1) { dx = -sv[0].wx; dy = -sv[0].wy; }
        else {
            const ex = f(sv[1].wx - sv[0].wx), ey = f(sv[1].wy - sv[0].wy);
            const sgn = f(f(ex * -sv[0].wy) - f(ey * -sv[0].wx));
            if (sgn > 0) { dx = -ey; dy = ex; } else { dx = ey; dy = -ex; }
        }
        if (f(f(dx * dx) + f(dy * dy)) < EPS_SQ) break;
        const v = sv[svCount];
        // b2MulT(q, -d) and b2MulT(q, d)
        v.iA = support(pA, f(f(xa.c * -dx) + f(xa.s * -dy)), f(f(-xa.s * -dx) + f(xa.c * -dy)));
        v.iB = support(pB, f(f(xb.c * dx) + f(xb.s * dy)), f(f(-xb.s * dx) + f(xb.c * dy)));
        setSV(v, pA, xa, pB, xb);
        ++iter;
        let dup = false;
        for (let i = 0; i < saveCount; i++) if (v.iA === saveA[i] && v.iB === saveB[i]) { dup = true; break; }
        if (dup) break;
        ++svCount;
    }
    // witness points
    let pAx: number, pAy: number, pBx: number, pBy: number;
    if (svCount === 1) { pAx = sv[0].wAx; pAy = sv[0].wAy; pBx = sv[0].wBx; pBy = sv[0].wBy; }
    else if (svCount === 2) {
        pAx = f(f(sv[0].a * sv[0].wAx) + f(sv[1].a * sv[1].wAx)); pAy = f(f(sv[0].a * sv[0].wAy) + f(sv[1].a * sv[1].wAy));
        pBx = f(f(sv[0].a * sv[0].wBx) + f(sv[1].a * sv[1].wBx)); pBy = f(f(sv[0].a * sv[0].wBy) + f(sv[1].a * sv[1].wBy));
    } else {
        pAx = f(f(f(sv[0].a * sv[0].wAx) + f(sv[1].a * sv[1].wAx)) + f(sv[2].a * sv[2].wAx));
        pAy = f(f(f(sv[0].a * sv[0].wAy) + f(sv[1].a * sv[1].wAy)) + f(sv[2].a * sv[2].wAy));
        pBx = pAx; pBy = pAy;
    }
    const dx = f(pAx - pBx), dy = f(pAy - pBy);
    const dist = f(Math.sqrt(f(f(dx * dx) + f(dy * dy))));
    cache.metric = metric(); cache.count = svCount;
    for (let i = 0; i < svCount; i++) { cache.iA[i] = sv[i].iA; cache.iB[i] = sv[i].iB; }
    return dist;
}
