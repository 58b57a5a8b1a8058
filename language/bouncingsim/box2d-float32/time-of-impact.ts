// b2TimeOfImpact in float32: the separation function and the conservative advancement loop.
import { type Cache, distanceF32, type Proxy, support, type Sw, swNormalize, swXf } from './distance.js';
import { f, FLT_EPSILON, LINEAR_SLOP } from './float32.js';
import { mul, mulRot, mulXf, type Xf } from './transforms.js';

// Separation function
const SF = { type: 0, pA: null as any as Proxy, pB: null as any as Proxy, sA: null as any as Sw, sB: null as any as Sw, lpx: 0, lpy: 0, axx: 0, axy: 0 };
const sxA: Xf = { px: 0, py: 0, s: 0, c: 1 }, sxB: Xf = { px: 0, py: 0, s: 0, c: 1 };
// b2Vec2::Normalize of (x, y) into the separation axis.
function setAxisNormalized(x: number, y: number) {
    const len = f(Math.sqrt(f(f(x * x) + f(y * y))));
    if (len < FLT_EPSILON) { SF.axx = x; SF.axy = y; return; }
    const inv = f(1 / len);
    SF.axx = f(x * inv); SF.axy = f(y * inv);
}
function sfInit(cache: Cache, pA: Proxy, sA: Sw, pB: Proxy, sB: Sw, t1: number): number {
    SF.pA = pA; SF.pB = pB; SF.sA = sA; SF.sB = sB;
    swXf(sA, t1, sxA); swXf(sB, t1, sxB);
    if (cache.count === 1) {
        SF.type = 0;
        const a = pA.vs[cache.iA[0]], b = pB.vs[cache.iB[0]];
        mulXf(sxA, a.x, a.y); const ax = mul.x, ay = mul.y;
        mulXf(sxB, b.x, b.y); const bx = mul.x, by = mul.y;
        const x = f(bx - ax), y = f(by - ay);
        const len = f(Math.sqrt(f(f(x * x) + f(y * y))));
        if (len < FLT_EPSILON) { SF.axx = x; SF.axy = y; return 0; }
        const inv = f(1 / len); SF.axx = f(x * inv); SF.axy = f(y * inv);
        return len;
    } else if (cache.iA[0] === cache.iA[1]) {
        SF.type = 2; // faceB
        const b1 = pB.vs[cache.iB[0]], b2 = pB.vs[cache.iB[1]];
        setAxisNormalized(f(b2.y - b1.y), -f(b2.x - b1.x));
        mulRot(sxB, SF.axx, SF.axy); const nx = mul.x, ny = mul.y;
        SF.lpx = f(0.5 * f(b1.x + b2.x)); SF.lpy = f(0.5 * f(b1.y + b2.y));
        mulXf(sxB, SF.lpx, SF.lpy); const pbx = mul.x, pby = mul.y;
        const a = pA.vs[cache.iA[0]];
        mulXf(sxA, a.x, a.y); const pax = mul.x, pay = mul.y;
        let s = f(f(f(pax - pbx) * nx) + f(f(pay - pby) * ny));
        if (s < 0) { SF.axx = -SF.axx; SF.axy = -SF.axy; s = -s; }
        return s;
    } else {
        SF.type = 1; // faceA
        const a1 = pA.vs[cache.iA[0]], a2 = pA.vs[cache.iA[1]];
        setAxisNormalized(f(a2.y - a1.y), -f(a2.x - a1.x));
        mulRot(sxA, SF.axx, SF.axy); const nx = mul.x, ny = mul.y;
        SF.lpx = f(0.5 * f(a1.x + a2.x)); SF.lpy = f(0.5 * f(a1.y + a2.y));
        mulXf(sxA, SF.lpx, SF.lpy); const pax = mul.x, pay = mul.y;
        const b = pB.vs[cache.iB[0]];
        mulXf(sxB, b.x, b.y); const pbx = mul.x, pby = mul.y;
        let s = f(f(f(pbx - pax) * nx) + f(f(pby - pay) * ny));
        if (s < 0) { SF.axx = -SF.axx; SF.axy = -SF.axy; s = -s; }
        return s;
    }
}
let sfIA = 0, sfIB = 0;
// b2MulT(q, v)
const mulTx = (xf: Xf, x: number, y: number) => f(f(xf.c * x) + f(xf.s * y));
const mulTy = (xf: Xf, x: number, y: number) => f(f(-xf.s * x) + f(xf.c * y));
function sfFindMin(t: number): number {
    swXf(SF.sA, t, sxA); swXf(SF.sB, t, sxB);
    const pA = SF.pA, pB = SF.pB;
    if (SF.type === 0) {
        sfIA = support(pA, mulTx(sxA, SF.axx, SF.axy), mulTy(sxA, SF.axx, SF.axy));
        sfIB = support(pB, mulTx(sxB, -SF.axx, -SF.axy), mulTy(sxB, -SF.axx, -SF.axy));
        const a = pA.vs[sfIA], b = pB.vs[sfIB];
        mulXf(sxA, a.x, a.y); const ax = mul.x, ay = mul.y;
        mulXf(sxB, b.x, b.y);
        return f(f(f(mul.x - ax) * SF.axx) + f(f(mul.y - ay) * SF.axy));
    } else if (SF.type === 1) {
        mulRot(sxA, SF.axx, SF.axy); const nx = mul.x, ny = mul.y;
        mulXf(sxA, SF.lpx, SF.lpy); const ax = mul.x, ay = mul.y;
        sfIA = -1;
        sfIB = support(pB, mulTx(sxB, -nx, -ny), mulTy(sxB, -nx, -ny));
        const b = pB.vs[sfIB];
        mulXf(sxB, b.x, b.y);
        return f(f(f(mul.x - ax) * nx) + f(f(mul.y - ay) * ny));
    } else {
        mulRot(sxB, SF.axx, SF.axy); const nx = mul.x, ny = mul.y;
        mulXf(sxB, SF.lpx, SF.lpy); const bx = mul.x, by = mul.y;
        sfIB = -1;
        sfIA = support(pA, mulTx(sxA, -nx, -ny), mulTy(sxA, -nx, -ny));
        const a = pA.vs[sfIA];
        mulXf(sxA, a.x, a.y);
        return f(f(f(mul.x - bx) * nx) + f(f(mul.y - by) * ny));
    }
}
function sfEval(iA: number, iB: number, t: number): number {
    swXf(SF.sA, t, sxA); swXf(SF.sB, t, sxB);
    const pA = SF.pA, pB = SF.pB;
    if (SF.type === 0) {
        const a = pA.vs[iA], b = pB.vs[iB];
        mulXf(sxA, a.x, a.y); const ax = mul.x, ay = mul.y;
        mulXf(sxB, b.x, b.y);
        return f(f(f(mul.x - ax) * SF.axx) + f(f(mul.y - ay) * SF.axy));
    } else if (SF.type === 1) {
        mulRot(sxA, SF.axx, SF.axy); const nx = mul.x, ny = mul.y;
        mulXf(sxA, SF.lpx, SF.lpy); const ax = mul.x, ay = mul.y;
        const b = pB.vs[iB];
        mulXf(sxB, b.x, b.y);
        return f(f(f(mul.x - ax) * nx) + f(f(mul.y - ay) * ny));
    } else {
        mulRot(sxB, SF.axx, SF.axy); const nx = mul.x, ny = mul.y;
        mulXf(sxB, SF.lpx, SF.lpy); const bx = mul.x, by = mul.y;
        const a = pA.vs[iA];
        mulXf(sxA, a.x, a.y);
        return f(f(f(mul.x - bx) * nx) + f(f(mul.y - by) * ny));
    }
}
export const E_UNKNOWN = 0, E_FAILED = 1, E_OVERLAPPED = 2, E_TOUCHING = 3, E_SEPARATED = 4;
const dxA: Xf = { px: 0, py: 0, s: 0, c: 1 }, dxB: Xf = { px: 0, py: 0, s: 0, c: 1 };
const cache: Cache = { metric: 0, count: 0, iA: [0, 0, 0], iB: [0, 0, 0] };
export interface ToiOutput { state: number; t: number }
/** b2TimeOfImpact into `out` (the sweeps are normalized in place). */
export function timeOfImpactF32(pA: Proxy, sweepA: Sw, pB: Proxy, sweepB: Sw, tMax: number, out: ToiOutput): void {
    let state = E_UNKNOWN, tOut = tMax;
    swNormalize(sweepA); swNormalize(sweepB);
    const totalRadius = f(pA.radius + pB.radius);
    const target = Math.max(LINEAR_SLOP, f(totalRadius - f(3 * LINEAR_SLOP)));
    const tolerance = f(0.25 * LINEAR_SLOP);
    const tPlus = f(target + tolerance), tMinus = f(target - tolerance);
    let t1 = 0, iter = 0;
    cache.metric = 0; cache.count = 0;
    for (;;) {
        swXf(sweepA, t1, dxA); swXf(sweepB, t1, dxB);
        const dist = distanceF32(cache, pA, dxA, pB, dxB);
        if (dist <= 0) { state = E_OVERLAPPED; tOut = 0; break; }
        if (dist < tPlus) { state = E_TOUCHING; tOut = t1; break; }
        sfInit(cache, pA, sweepA, pB, sweepB, t1);
        let done = false, t2 = tMax, pushBackIter = 0;
        for (;;) {
            let s2 = sfFindMin(t2);
            const indexA = sfIA, indexB = sfIB;
            if (s2 > tPlus) { state = E_SEPARATED; tOut = tMax; done = true; break; }
            if (s2 > tMinus) { t1 = t2; break; }
            let s1 = sfEval(indexA, indexB, t1);
            if (s1 < tMinus) { state = E_FAILED; tOut = t1; done = true; break; }
            if (s1 <= tPlus) { state = E_TOUCHING; tOut = t1; done = true; break; }
            let rootIterCount = 0, a1 = t1, a2 = t2;
            for (;;) {
                let t: number;
                if (rootIterCount & 1) t = f(a1 + f(f(f(target - s1) * f(a2 - a1)) / f(s2 - s1)));
                else t = f(0.5 * f(a1 + a2));
                ++rootIterCount;
                const s = sfEval(indexA, indexB, t);
                if (Math.abs(f(s - target)) < tolerance) { t2 = t; break; }
                if (s > target) { a1 = t; s1 = s; } else { a2 = t; s2 = s; }
                if (rootIterCount === 50) break;
            }
            ++pushBackIter;
            if (pushBackIter === 16) break;
        }
        ++iter;
        if (done) break;
        if (iter === 20) { state = E_FAILED; tOut = t1; break; }
    }
    out.state = state; out.t = tOut;
}
