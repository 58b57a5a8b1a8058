// Transforms and sweeps in float32: b2Mul, b2Body::SynchronizeTransform, b2Sweep GetTransform/Advance/
// Normalize. mulXf/mulRot leave their result in mul.x/mul.y.
import { cosf, f, sinf, TWO_PI } from './float32.js';

// Scratch transforms: p, q (s, c).
export interface Xf { px: number; py: number; s: number; c: number }
export const xfA: Xf = { px: 0, py: 0, s: 0, c: 1 };
export const xfB: Xf = { px: 0, py: 0, s: 0, c: 1 };
export function setXf(xf: Xf, cx: number, cy: number, a: number, lc: { x: number; y: number }) {
    const s = sinf(a), c = cosf(a);
    xf.s = s; xf.c = c;
    xf.px = f(cx - f(f(c * lc.x) - f(s * lc.y)));
    xf.py = f(cy - f(f(s * lc.x) + f(c * lc.y)));
}
// b2Mul(xf, v)
// Their result: an object, whose number fields V8 updates in place (a module-level `let` holding a
// double is boxed anew on every assignment, garbage on every call).
export const mul = { x: 0, y: 0 };
export function mulXf(xf: Xf, vx: number, vy: number) {
    mul.x = f(f(f(xf.c * vx) - f(xf.s * vy)) + xf.px);
    mul.y = f(f(f(xf.s * vx) + f(xf.c * vy)) + xf.py);
}
export function mulRot(xf: Xf, vx: number, vy: number) {
    mul.x = f(f(xf.c * vx) - f(xf.s * vy));
    mul.y = f(f(xf.s * vx) + f(xf.c * vy));
}

export function synchronizeTransform(this: any) {
    const sw = this.m_sweep, xf = this.m_xf;
    const s = sinf(sw.a), c = cosf(sw.a);
    xf.q.s = s; xf.q.c = c;
    xf.p.x = f(sw.c.x - f(f(c * sw.localCenter.x) - f(s * sw.localCenter.y)));
    xf.p.y = f(sw.c.y - f(f(s * sw.localCenter.x) + f(c * sw.localCenter.y)));
}

export function sweepGetTransform(this: any, xf: any, beta = 0) {
    const k = f(1 - beta);
    const px = f(f(k * this.c0.x) + f(beta * this.c.x));
    const py = f(f(k * this.c0.y) + f(beta * this.c.y));
    const angle = f(f(k * this.a0) + f(beta * this.a));
    const s = sinf(angle), c = cosf(angle);
    xf.q.s = s; xf.q.c = c;
    xf.p.x = f(px - f(f(c * this.localCenter.x) - f(s * this.localCenter.y)));
    xf.p.y = f(py - f(f(s * this.localCenter.x) + f(c * this.localCenter.y)));
}
export function sweepAdvance(this: any, alpha: number) {
    const beta = f(f(alpha - this.alpha0) / f(1 - this.alpha0));
    const k = f(1 - beta);
    this.c0.x = f(f(k * this.c0.x) + f(beta * this.c.x));
    this.c0.y = f(f(k * this.c0.y) + f(beta * this.c.y));
    this.a0 = f(f(k * this.a0) + f(beta * this.a));
    this.alpha0 = alpha;
}
export function sweepNormalize(this: any) {
    const d = f(TWO_PI * Math.floor(f(this.a0 / TWO_PI)));
    this.a0 = f(this.a0 - d);
    this.a = f(this.a - d);
}
