// Box2D 2.3 in float32 on top of planck.js (spec §4.1: the ground truth is pybox2d, whose state and
// arithmetic are float32; planck computes in float64).
//
// planck is a line-by-line port of Box2D 2.3: it gives the same errors against the fixtures as a
// float64 build of Box2D 2.3's C++ (checked row by row), so what separates it from the ground truth
// is the precision, not the algorithm. Rounding differences are amplified by every collision of a
// spinning polygon (families A, AB), which is why those rows drifted by up to 56 px in float64.
//
// This module replaces, on planck's prototypes, the parts of a step that determine the motion with
// transcriptions of the Box2D 2.3 C++ (pybox2d's copy) in which every operation is rounded with
// Math.fround, in the C++ evaluation order. A float32 operation on float32 operands is exactly
// fround of the double operation (+ − × ÷ √), so these parts are bit-exact:
//   - island solver: velocity integration, position integration with the per-step caps (b2Island);
//   - contact solver: constraint set-up, world manifold, warm start, sequential impulses with the
//     2-point block solver, position correction, TOI position correction (b2ContactSolver);
//   - body transforms and sweeps (SynchronizeTransform, b2Sweep GetTransform/Advance/Normalize);
//   - continuous collision: b2World::SolveTOI, b2TimeOfImpact and the GJK b2Distance;
//   - shape set-up and mass data (b2PolygonShape::Set/ComputeMass, b2Body::ResetMassData), applied
//     by world.ts through setPolygonF32 / resetMassDataF32.
// sinf/cosf are emulated as fround(Math.sin/cos(x)), which is the correctly rounded value except in
// rare ties. Still in planck's float64: the narrow phase (manifold generation, b2Collide*) and
// the broad phase. The narrow phase is what still separates A_3_2 (ball in a triangle) from the
// ground truth after its first bounce: porting b2CollideEdge/b2CollidePolygon is the next step
// towards bit-exactness.
//
// Box2D is (c) Erin Catto, zlib licence; these are altered transcriptions (float32 rounding added),
// not the original source. See the third-party notice in LICENSE.
//
// The patch is global to the planck module instance and installed once by world.ts; only the
// BouncingSim simulator uses planck in this code base.
import { Body, Contact, Solver, Sweep, TimeStep } from 'planck';

const f = Math.fround;
const PI32 = f(3.14159265359);
const LINEAR_SLOP = f(0.005);
const BAUMGARTE = f(0.2);
const TOI_BAUMGARTE = f(0.75);
const MAX_LINEAR_CORRECTION = f(0.2);
const VELOCITY_THRESHOLD = f(1.0);
const MAX_TRANSLATION = f(2.0);
const MAX_TRANSLATION_SQ = f(MAX_TRANSLATION * MAX_TRANSLATION);
const MAX_ROTATION = f(0.5 * PI32);
const MAX_ROTATION_SQ = f(MAX_ROTATION * MAX_ROTATION);
const FLT_EPSILON = 1.1920928955078125e-7;
const EPS_SQ = f(FLT_EPSILON * FLT_EPSILON);
const TWO_PI = f(2 * PI32);
const POS_OK = f(-3 * LINEAR_SLOP);
const POS_OK_TOI = f(-1.5 * LINEAR_SLOP);
const K_MAX_COND = 1000;
const MAX_SUB_STEPS = 8;
const LIN_SLEEP_TOL = f(0.01);
const ANG_SLEEP_TOL = f(f(2 / 180) * PI32);
const LIN_TOL_SQ = f(LIN_SLEEP_TOL * LIN_SLEEP_TOL);
const ANG_TOL_SQ = f(ANG_SLEEP_TOL * ANG_SLEEP_TOL);
const TIME_TO_SLEEP = f(0.5);

const sinf = (a: number) => f(Math.sin(a));
const cosf = (a: number) => f(Math.cos(a));

// Scratch transforms: p, q (s, c).
interface Xf { px: number; py: number; s: number; c: number }
const xfA: Xf = { px: 0, py: 0, s: 0, c: 1 };
const xfB: Xf = { px: 0, py: 0, s: 0, c: 1 };
function setXf(xf: Xf, cx: number, cy: number, a: number, lc: { x: number; y: number }) {
    const s = sinf(a), c = cosf(a);
    xf.s = s; xf.c = c;
    xf.px = f(cx - f(f(c * lc.x) - f(s * lc.y)));
    xf.py = f(cy - f(f(s * lc.x) + f(c * lc.y)));
}
// b2Mul(xf, v)
let mx = 0, my = 0;
function mulXf(xf: Xf, vx: number, vy: number) {
    mx = f(f(f(xf.c * vx) - f(xf.s * vy)) + xf.px);
    my = f(f(f(xf.s * vx) + f(xf.c * vy)) + xf.py);
}
function mulRot(xf: Xf, vx: number, vy: number) {
    mx = f(f(xf.c * vx) - f(xf.s * vy));
    my = f(f(xf.s * vx) + f(xf.c * vy));
}

// World manifold output
const wmNormal = { x: 0, y: 0 };
const wmPoints = [{ x: 0, y: 0 }, { x: 0, y: 0 }];
function worldManifold(m: any, xa: Xf, radiusA: number, xb: Xf, radiusB: number) {
    const count = m.pointCount;
    if (count === 0) return;
    switch (m.type) {
        case 0: { // circles
            let nx = 1, ny = 0;
            mulXf(xa, m.localPoint.x, m.localPoint.y); const pax = mx, pay = my;
            mulXf(xb, m.points[0].localPoint.x, m.points[0].localPoint.y); const pbx = mx, pby = my;
            const dx = f(pax - pbx), dy = f(pay - pby);
            if (f(f(dx * dx) + f(dy * dy)) > EPS_SQ) {
                nx = f(pbx - pax); ny = f(pby - pay);
                const len = f(Math.sqrt(f(f(nx * nx) + f(ny * ny))));
                if (len >= FLT_EPSILON) { const inv = f(1 / len); nx = f(nx * inv); ny = f(ny * inv); }
            }
            const cax = f(pax + f(radiusA * nx)), cay = f(pay + f(radiusA * ny));
            const cbx = f(pbx - f(radiusB * nx)), cby = f(pby - f(radiusB * ny));
            wmPoints[0].x = f(0.5 * f(cax + cbx)); wmPoints[0].y = f(0.5 * f(cay + cby));
            wmNormal.x = nx; wmNormal.y = ny;
            break;
        }
        case 1: { // faceA
            mulRot(xa, m.localNormal.x, m.localNormal.y); const nx = mx, ny = my;
            mulXf(xa, m.localPoint.x, m.localPoint.y); const ppx = mx, ppy = my;
            for (let i = 0; i < count; i++) {
                mulXf(xb, m.points[i].localPoint.x, m.points[i].localPoint.y); const cpx = mx, cpy = my;
                const d = f(f(f(cpx - ppx) * nx) + f(f(cpy - ppy) * ny));
                const k = f(radiusA - d);
                const cax = f(cpx + f(k * nx)), cay = f(cpy + f(k * ny));
                const cbx = f(cpx - f(radiusB * nx)), cby = f(cpy - f(radiusB * ny));
                wmPoints[i].x = f(0.5 * f(cax + cbx)); wmPoints[i].y = f(0.5 * f(cay + cby));
            }
            wmNormal.x = nx; wmNormal.y = ny;
            break;
        }
        case 2: { // faceB
            mulRot(xb, m.localNormal.x, m.localNormal.y); const nx = mx, ny = my;
            mulXf(xb, m.localPoint.x, m.localPoint.y); const ppx = mx, ppy = my;
            for (let i = 0; i < count; i++) {
                mulXf(xa, m.points[i].localPoint.x, m.points[i].localPoint.y); const cpx = mx, cpy = my;
                const d = f(f(f(cpx - ppx) * nx) + f(f(cpy - ppy) * ny));
                const k = f(radiusB - d);
                const cbx = f(cpx + f(k * nx)), cby = f(cpy + f(k * ny));
                const cax = f(cpx - f(radiusA * nx)), cay = f(cpy - f(radiusA * ny));
                wmPoints[i].x = f(0.5 * f(cax + cbx)); wmPoints[i].y = f(0.5 * f(cay + cby));
            }
            wmNormal.x = -nx; wmNormal.y = -ny;
            break;
        }
    }
}

function initConstraint(this: any, step: any) {
    const fixtureA = this.m_fixtureA, fixtureB = this.m_fixtureB;
    const bodyA = fixtureA.m_body, bodyB = fixtureB.m_body;
    const manifold = this.m_manifold;
    const pointCount = manifold.pointCount;
    this.v_invMassA = bodyA.m_invMass; this.v_invMassB = bodyB.m_invMass;
    this.v_invIA = bodyA.m_invI; this.v_invIB = bodyB.m_invI;
    this.v_friction = this.m_friction; this.v_restitution = this.m_restitution; this.v_tangentSpeed = this.m_tangentSpeed;
    this.v_pointCount = pointCount;
    this.v_K.setZero(); this.v_normalMass.setZero();
    this.p_invMassA = bodyA.m_invMass; this.p_invMassB = bodyB.m_invMass;
    this.p_invIA = bodyA.m_invI; this.p_invIB = bodyB.m_invI;
    this.p_localCenterA.x = bodyA.m_sweep.localCenter.x; this.p_localCenterA.y = bodyA.m_sweep.localCenter.y;
    this.p_localCenterB.x = bodyB.m_sweep.localCenter.x; this.p_localCenterB.y = bodyB.m_sweep.localCenter.y;
    this.p_radiusA = fixtureA.m_shape.m_radius; this.p_radiusB = fixtureB.m_shape.m_radius;
    this.p_type = manifold.type;
    this.p_localNormal.x = manifold.localNormal.x; this.p_localNormal.y = manifold.localNormal.y;
    this.p_localPoint.x = manifold.localPoint.x; this.p_localPoint.y = manifold.localPoint.y;
    this.p_pointCount = pointCount;
    for (let j = 0; j < 2; j++) {
        this.v_points[j].recycle();
        this.p_localPoints[j].x = 0; this.p_localPoints[j].y = 0;
    }
    const ratio = f(step.dtRatio);
    for (let j = 0; j < pointCount; j++) {
        const cp = manifold.points[j], vcp = this.v_points[j];
        if (step.warmStarting) {
            vcp.normalImpulse = f(ratio * cp.normalImpulse);
            vcp.tangentImpulse = f(ratio * cp.tangentImpulse);
        } else {
            vcp.normalImpulse = 0; vcp.tangentImpulse = 0;
        }
        this.p_localPoints[j].x = cp.localPoint.x; this.p_localPoints[j].y = cp.localPoint.y;
    }
}

function initVelocityConstraint(this: any, _step: any) {
    const bodyA = this.m_fixtureA.m_body, bodyB = this.m_fixtureB.m_body;
    const vA = bodyA.c_velocity.v, wA = bodyA.c_velocity.w, vB = bodyB.c_velocity.v, wB = bodyB.c_velocity.w;
    const pA = bodyA.c_position, pB = bodyB.c_position;
    const mA = this.v_invMassA, mB = this.v_invMassB, iA = this.v_invIA, iB = this.v_invIB;
    setXf(xfA, pA.c.x, pA.c.y, pA.a, this.p_localCenterA);
    setXf(xfB, pB.c.x, pB.c.y, pB.a, this.p_localCenterB);
    worldManifold(this.m_manifold, xfA, this.p_radiusA, xfB, this.p_radiusB);
    const nx = wmNormal.x, ny = wmNormal.y;
    this.v_normal.x = nx; this.v_normal.y = ny;
    const tx = ny, ty = -nx;
    const mAB = f(mA + mB);
    for (let j = 0; j < this.v_pointCount; j++) {
        const vcp = this.v_points[j];
        const rAx = f(wmPoints[j].x - pA.c.x), rAy = f(wmPoints[j].y - pA.c.y);
        const rBx = f(wmPoints[j].x - pB.c.x), rBy = f(wmPoints[j].y - pB.c.y);
        vcp.rA.x = rAx; vcp.rA.y = rAy; vcp.rB.x = rBx; vcp.rB.y = rBy;
        const rnA = f(f(rAx * ny) - f(rAy * nx));
        const rnB = f(f(rBx * ny) - f(rBy * nx));
        const kNormal = f(f(mAB + f(f(iA * rnA) * rnA)) + f(f(iB * rnB) * rnB));
        vcp.normalMass = kNormal > 0 ? f(1 / kNormal) : 0;
        const rtA = f(f(rAx * ty) - f(rAy * tx));
        const rtB = f(f(rBx * ty) - f(rBy * tx));
        const kTangent = f(f(mAB + f(f(iA * rtA) * rtA)) + f(f(iB * rtB) * rtB));
        vcp.tangentMass = kTangent > 0 ? f(1 / kTangent) : 0;
        vcp.velocityBias = 0;
        const dvx = f(f(f(vB.x + f(-wB * rBy)) - vA.x) - f(-wA * rAy));
        const dvy = f(f(f(vB.y + f(wB * rBx)) - vA.y) - f(wA * rAx));
        const vRel = f(f(nx * dvx) + f(ny * dvy));
        if (vRel < -VELOCITY_THRESHOLD) vcp.velocityBias = f(-this.v_restitution * vRel);
    }
    if (this.v_pointCount === 2) {
        const c1 = this.v_points[0], c2 = this.v_points[1];
        const rn1A = f(f(c1.rA.x * ny) - f(c1.rA.y * nx));
        const rn1B = f(f(c1.rB.x * ny) - f(c1.rB.y * nx));
        const rn2A = f(f(c2.rA.x * ny) - f(c2.rA.y * nx));
        const rn2B = f(f(c2.rB.x * ny) - f(c2.rB.y * nx));
        const k11 = f(f(mAB + f(f(iA * rn1A) * rn1A)) + f(f(iB * rn1B) * rn1B));
        const k22 = f(f(mAB + f(f(iA * rn2A) * rn2A)) + f(f(iB * rn2B) * rn2B));
        const k12 = f(f(mAB + f(f(iA * rn1A) * rn2A)) + f(f(iB * rn1B) * rn2B));
        if (f(k11 * k11) < f(K_MAX_COND * f(f(k11 * k22) - f(k12 * k12)))) {
            const K = this.v_K, NM = this.v_normalMass;
            K.ex.x = k11; K.ex.y = k12; K.ey.x = k12; K.ey.y = k22;
            const a = k11, b = k12, c = k12, d = k22;
            let det = f(f(a * d) - f(b * c));
            if (det !== 0) det = f(1 / det);
            NM.ex.x = f(det * d); NM.ey.x = f(-det * b);
            NM.ex.y = f(-det * c); NM.ey.y = f(det * a);
        } else {
            this.v_pointCount = 1;
        }
    }
}

function warmStartConstraint(this: any, _step: any) {
    const bodyA = this.m_fixtureA.m_body, bodyB = this.m_fixtureB.m_body;
    const velA = bodyA.c_velocity, velB = bodyB.c_velocity;
    const mA = this.v_invMassA, iA = this.v_invIA, mB = this.v_invMassB, iB = this.v_invIB;
    let vAx = velA.v.x, vAy = velA.v.y, wA = velA.w, vBx = velB.v.x, vBy = velB.v.y, wB = velB.w;
    const nx = this.v_normal.x, ny = this.v_normal.y, tx = ny, ty = -nx;
    for (let j = 0; j < this.v_pointCount; j++) {
        const vcp = this.v_points[j];
        const Px = f(f(vcp.normalImpulse * nx) + f(vcp.tangentImpulse * tx));
        const Py = f(f(vcp.normalImpulse * ny) + f(vcp.tangentImpulse * ty));
        wA = f(wA - f(iA * f(f(vcp.rA.x * Py) - f(vcp.rA.y * Px))));
        vAx = f(vAx - f(mA * Px)); vAy = f(vAy - f(mA * Py));
        wB = f(wB + f(iB * f(f(vcp.rB.x * Py) - f(vcp.rB.y * Px))));
        vBx = f(vBx + f(mB * Px)); vBy = f(vBy + f(mB * Py));
    }
    velA.v.x = vAx; velA.v.y = vAy; velA.w = wA;
    velB.v.x = vBx; velB.v.y = vBy; velB.w = wB;
}

function solveVelocityConstraint(this: any, _step: any) {
    const bodyA = this.m_fixtureA.m_body, bodyB = this.m_fixtureB.m_body;
    const velA = bodyA.c_velocity, velB = bodyB.c_velocity;
    const mA = this.v_invMassA, iA = this.v_invIA, mB = this.v_invMassB, iB = this.v_invIB;
    let vAx = velA.v.x, vAy = velA.v.y, wA = velA.w, vBx = velB.v.x, vBy = velB.v.y, wB = velB.w;
    const nx = this.v_normal.x, ny = this.v_normal.y, tx = ny, ty = -nx;
    const friction = this.v_friction;
    const pc = this.v_pointCount;
    for (let j = 0; j < pc; j++) {
        const vcp = this.v_points[j];
        const rA = vcp.rA, rB = vcp.rB;
        const dvx = f(f(f(vBx + f(-wB * rB.y)) - vAx) - f(-wA * rA.y));
        const dvy = f(f(f(vBy + f(wB * rB.x)) - vAy) - f(wA * rA.x));
        const vt = f(f(f(dvx * tx) + f(dvy * ty)) - this.v_tangentSpeed);
        let lambda = f(vcp.tangentMass * -vt);
        const maxFriction = f(friction * vcp.normalImpulse);
        let newImpulse = f(vcp.tangentImpulse + lambda);
        newImpulse = newImpulse < maxFriction ? newImpulse : maxFriction;
        newImpulse = -maxFriction > newImpulse ? -maxFriction : newImpulse;
        lambda = f(newImpulse - vcp.tangentImpulse);
        vcp.tangentImpulse = newImpulse;
        const Px = f(lambda * tx), Py = f(lambda * ty);
        vAx = f(vAx - f(mA * Px)); vAy = f(vAy - f(mA * Py));
        wA = f(wA - f(iA * f(f(rA.x * Py) - f(rA.y * Px))));
        vBx = f(vBx + f(mB * Px)); vBy = f(vBy + f(mB * Py));
        wB = f(wB + f(iB * f(f(rB.x * Py) - f(rB.y * Px))));
    }
    if (pc === 1) {
        const vcp = this.v_points[0];
        const rA = vcp.rA, rB = vcp.rB;
        const dvx = f(f(f(vBx + f(-wB * rB.y)) - vAx) - f(-wA * rA.y));
        const dvy = f(f(f(vBy + f(wB * rB.x)) - vAy) - f(wA * rA.x));
        const vn = f(f(dvx * nx) + f(dvy * ny));
        let lambda = f(-vcp.normalMass * f(vn - vcp.velocityBias));
        let newImpulse = f(vcp.normalImpulse + lambda);
        newImpulse = newImpulse > 0 ? newImpulse : 0;
        lambda = f(newImpulse - vcp.normalImpulse);
        vcp.normalImpulse = newImpulse;
        const Px = f(lambda * nx), Py = f(lambda * ny);
        vAx = f(vAx - f(mA * Px)); vAy = f(vAy - f(mA * Py));
        wA = f(wA - f(iA * f(f(rA.x * Py) - f(rA.y * Px))));
        vBx = f(vBx + f(mB * Px)); vBy = f(vBy + f(mB * Py));
        wB = f(wB + f(iB * f(f(rB.x * Py) - f(rB.y * Px))));
    } else {
        const cp1 = this.v_points[0], cp2 = this.v_points[1];
        const ax = cp1.normalImpulse, ay = cp2.normalImpulse;
        const dv1x = f(f(f(vBx + f(-wB * cp1.rB.y)) - vAx) - f(-wA * cp1.rA.y));
        const dv1y = f(f(f(vBy + f(wB * cp1.rB.x)) - vAy) - f(wA * cp1.rA.x));
        const dv2x = f(f(f(vBx + f(-wB * cp2.rB.y)) - vAx) - f(-wA * cp2.rA.y));
        const dv2y = f(f(f(vBy + f(wB * cp2.rB.x)) - vAy) - f(wA * cp2.rA.x));
        const vn1 = f(f(dv1x * nx) + f(dv1y * ny));
        const vn2 = f(f(dv2x * nx) + f(dv2y * ny));
        const K = this.v_K, NM = this.v_normalMass;
        let bx = f(vn1 - cp1.velocityBias), by = f(vn2 - cp2.velocityBias);
        bx = f(bx - f(f(K.ex.x * ax) + f(K.ey.x * ay)));
        by = f(by - f(f(K.ex.y * ax) + f(K.ey.y * ay)));
        let xx = 0, xy = 0, ok = false;
        // Case 1
        xx = -f(f(NM.ex.x * bx) + f(NM.ey.x * by));
        xy = -f(f(NM.ex.y * bx) + f(NM.ey.y * by));
        if (xx >= 0 && xy >= 0) ok = true;
        if (!ok) {
            xx = f(-cp1.normalMass * bx); xy = 0;
            const v2 = f(f(K.ex.y * xx) + by);
            if (xx >= 0 && v2 >= 0) ok = true;
        }
        if (!ok) {
            xx = 0; xy = f(-cp2.normalMass * by);
            const v1 = f(f(K.ey.x * xy) + bx);
            if (xy >= 0 && v1 >= 0) ok = true;
        }
        if (!ok) {
            xx = 0; xy = 0;
            if (bx >= 0 && by >= 0) ok = true;
        }
        if (ok) {
            const dx = f(xx - ax), dy = f(xy - ay);
            const P1x = f(dx * nx), P1y = f(dx * ny), P2x = f(dy * nx), P2y = f(dy * ny);
            const Sx = f(P1x + P2x), Sy = f(P1y + P2y);
            vAx = f(vAx - f(mA * Sx)); vAy = f(vAy - f(mA * Sy));
            wA = f(wA - f(iA * f(f(f(cp1.rA.x * P1y) - f(cp1.rA.y * P1x)) + f(f(cp2.rA.x * P2y) - f(cp2.rA.y * P2x)))));
            vBx = f(vBx + f(mB * Sx)); vBy = f(vBy + f(mB * Sy));
            wB = f(wB + f(iB * f(f(f(cp1.rB.x * P1y) - f(cp1.rB.y * P1x)) + f(f(cp2.rB.x * P2y) - f(cp2.rB.y * P2x)))));
            cp1.normalImpulse = xx; cp2.normalImpulse = xy;
        }
    }
    velA.v.x = vAx; velA.v.y = vAy; velA.w = wA;
    velB.v.x = vBx; velB.v.y = vBy; velB.w = wB;
}

function solvePosition(this: any, step: any, toiA: any, toiB: any): number {
    const toi = toiA !== null && toiB !== null;
    let minSeparation = 0;
    const bodyA = this.m_fixtureA.m_body, bodyB = this.m_fixtureB.m_body;
    const posA = bodyA.c_position, posB = bodyB.c_position;
    const lcA = this.p_localCenterA, lcB = this.p_localCenterB;
    let mA = 0, iA = 0, mB = 0, iB = 0;
    if (!toi || bodyA === toiA || bodyA === toiB) { mA = this.p_invMassA; iA = this.p_invIA; }
    if (!toi || bodyB === toiA || bodyB === toiB) { mB = this.p_invMassB; iB = this.p_invIB; }
    let cAx = posA.c.x, cAy = posA.c.y, aA = posA.a, cBx = posB.c.x, cBy = posB.c.y, aB = posB.a;
    const baum = toi ? TOI_BAUMGARTE : BAUMGARTE;
    const rA_ = this.p_radiusA, rB_ = this.p_radiusB;
    const mAB = f(mA + mB);
    for (let j = 0; j < this.p_pointCount; j++) {
        setXf(xfA, cAx, cAy, aA, lcA);
        setXf(xfB, cBx, cBy, aB, lcB);
        let nx: number, ny: number, px: number, py: number, sep: number;
        switch (this.p_type) {
            case 0: {
                mulXf(xfA, this.p_localPoint.x, this.p_localPoint.y); const pax = mx, pay = my;
                mulXf(xfB, this.p_localPoints[0].x, this.p_localPoints[0].y); const pbx = mx, pby = my;
                nx = f(pbx - pax); ny = f(pby - pay);
                const len = f(Math.sqrt(f(f(nx * nx) + f(ny * ny))));
                if (len >= FLT_EPSILON) { const inv = f(1 / len); nx = f(nx * inv); ny = f(ny * inv); }
                px = f(0.5 * f(pax + pbx)); py = f(0.5 * f(pay + pby));
                sep = f(f(f(f(f(pbx - pax) * nx) + f(f(pby - pay) * ny)) - rA_) - rB_);
                break;
            }
            case 1: {
                mulRot(xfA, this.p_localNormal.x, this.p_localNormal.y); nx = mx; ny = my;
                mulXf(xfA, this.p_localPoint.x, this.p_localPoint.y); const ppx = mx, ppy = my;
                mulXf(xfB, this.p_localPoints[j].x, this.p_localPoints[j].y); const cpx = mx, cpy = my;
                sep = f(f(f(f(f(cpx - ppx) * nx) + f(f(cpy - ppy) * ny)) - rA_) - rB_);
                px = cpx; py = cpy;
                break;
            }
            case 2: {
                mulRot(xfB, this.p_localNormal.x, this.p_localNormal.y); nx = mx; ny = my;
                mulXf(xfB, this.p_localPoint.x, this.p_localPoint.y); const ppx = mx, ppy = my;
                mulXf(xfA, this.p_localPoints[j].x, this.p_localPoints[j].y); const cpx = mx, cpy = my;
                sep = f(f(f(f(f(cpx - ppx) * nx) + f(f(cpy - ppy) * ny)) - rA_) - rB_);
                px = cpx; py = cpy;
                nx = -nx; ny = -ny;
                break;
            }
            default:
                return minSeparation;
        }
        const rAx = f(px - cAx), rAy = f(py - cAy), rBx = f(px - cBx), rBy = f(py - cBy);
        minSeparation = minSeparation < sep ? minSeparation : sep;
        let C = f(baum * f(sep + LINEAR_SLOP));
        C = C < 0 ? C : 0;
        C = -MAX_LINEAR_CORRECTION > C ? -MAX_LINEAR_CORRECTION : C;
        const rnA = f(f(rAx * ny) - f(rAy * nx));
        const rnB = f(f(rBx * ny) - f(rBy * nx));
        const K = f(f(mAB + f(f(iA * rnA) * rnA)) + f(f(iB * rnB) * rnB));
        const impulse = K > 0 ? f(-C / K) : 0;
        const Px = f(impulse * nx), Py = f(impulse * ny);
        cAx = f(cAx - f(mA * Px)); cAy = f(cAy - f(mA * Py));
        aA = f(aA - f(iA * f(f(rAx * Py) - f(rAy * Px))));
        cBx = f(cBx + f(mB * Px)); cBy = f(cBy + f(mB * Py));
        aB = f(aB + f(iB * f(f(rBx * Py) - f(rBy * Px))));
    }
    posA.c.x = cAx; posA.c.y = cAy; posA.a = aA;
    posB.c.x = cBx; posB.c.y = cBy; posB.a = aB;
    return minSeparation;
}

function synchronizeTransform(this: any) {
    const sw = this.m_sweep, xf = this.m_xf;
    const s = sinf(sw.a), c = cosf(sw.a);
    xf.q.s = s; xf.q.c = c;
    xf.p.x = f(sw.c.x - f(f(c * sw.localCenter.x) - f(s * sw.localCenter.y)));
    xf.p.y = f(sw.c.y - f(f(s * sw.localCenter.x) + f(c * sw.localCenter.y)));
}

function sweepGetTransform(this: any, xf: any, beta = 0) {
    const k = f(1 - beta);
    const px = f(f(k * this.c0.x) + f(beta * this.c.x));
    const py = f(f(k * this.c0.y) + f(beta * this.c.y));
    const angle = f(f(k * this.a0) + f(beta * this.a));
    const s = sinf(angle), c = cosf(angle);
    xf.q.s = s; xf.q.c = c;
    xf.p.x = f(px - f(f(c * this.localCenter.x) - f(s * this.localCenter.y)));
    xf.p.y = f(py - f(f(s * this.localCenter.x) + f(c * this.localCenter.y)));
}
function sweepAdvance(this: any, alpha: number) {
    const beta = f(f(alpha - this.alpha0) / f(1 - this.alpha0));
    const k = f(1 - beta);
    this.c0.x = f(f(k * this.c0.x) + f(beta * this.c.x));
    this.c0.y = f(f(k * this.c0.y) + f(beta * this.c.y));
    this.a0 = f(f(k * this.a0) + f(beta * this.a));
    this.alpha0 = alpha;
}
function sweepNormalize(this: any) {
    const d = f(TWO_PI * Math.floor(f(this.a0 / TWO_PI)));
    this.a0 = f(this.a0 - d);
    this.a = f(this.a - d);
}

function solveIsland(this: any, step: any) {
    const world = this.m_world;
    const g = world.m_gravity;
    const h = f(step.dt);
    const bodies = this.m_bodies, contacts = this.m_contacts;
    for (let i = 0; i < bodies.length; i++) {
        const body = bodies[i];
        const sw = body.m_sweep;
        const cx = sw.c.x, cy = sw.c.y, a = sw.a;
        let vx = body.m_linearVelocity.x, vy = body.m_linearVelocity.y, w = body.m_angularVelocity;
        sw.c0.x = cx; sw.c0.y = cy; sw.a0 = a;
        if (body.isDynamic()) {
            const gs = body.m_gravityScale, im = body.m_invMass;
            vx = f(vx + f(h * f(f(gs * g.x) + f(im * body.m_force.x))));
            vy = f(vy + f(h * f(f(gs * g.y) + f(im * body.m_force.y))));
            w = f(w + f(f(h * body.m_invI) * body.m_torque));
            const ld = Math.min(Math.max(f(1 - f(h * body.m_linearDamping)), 0), 1);
            const ad = Math.min(Math.max(f(1 - f(h * body.m_angularDamping)), 0), 1);
            vx = f(vx * ld); vy = f(vy * ld); w = f(w * ad);
        }
        body.c_position.c.x = cx; body.c_position.c.y = cy; body.c_position.a = a;
        body.c_velocity.v.x = vx; body.c_velocity.v.y = vy; body.c_velocity.w = w;
    }
    for (let i = 0; i < contacts.length; i++) contacts[i].initConstraint(step);
    for (let i = 0; i < contacts.length; i++) contacts[i].initVelocityConstraint(step);
    if (step.warmStarting) for (let i = 0; i < contacts.length; i++) contacts[i].warmStartConstraint(step);
    for (let i = 0; i < step.velocityIterations; i++) {
        for (let j = 0; j < contacts.length; j++) contacts[j].solveVelocityConstraint(step);
    }
    for (let i = 0; i < contacts.length; i++) contacts[i].storeConstraintImpulses(step);
    for (let i = 0; i < bodies.length; i++) integrate(bodies[i], h, false);
    let positionSolved = false;
    for (let i = 0; i < step.positionIterations; i++) {
        let minSeparation = 0;
        for (let j = 0; j < contacts.length; j++) {
            const s = contacts[j].solvePositionConstraint(step);
            minSeparation = minSeparation < s ? minSeparation : s;
        }
        if (minSeparation >= POS_OK) { positionSolved = true; break; }
    }
    for (let i = 0; i < bodies.length; i++) {
        const body = bodies[i];
        body.m_sweep.c.x = body.c_position.c.x; body.m_sweep.c.y = body.c_position.c.y;
        body.m_sweep.a = body.c_position.a;
        body.m_linearVelocity.x = body.c_velocity.v.x; body.m_linearVelocity.y = body.c_velocity.v.y;
        body.m_angularVelocity = body.c_velocity.w;
        body.synchronizeTransform();
    }
    this.postSolveIsland();
    if (world.m_allowSleep) {
        let minSleepTime = Infinity;
        for (let i = 0; i < bodies.length; i++) {
            const body = bodies[i];
            if (body.isStatic()) continue;
            const v = body.m_linearVelocity, w = body.m_angularVelocity;
            if (body.m_autoSleepFlag == false || f(w * w) > ANG_TOL_SQ || f(f(v.x * v.x) + f(v.y * v.y)) > LIN_TOL_SQ) {
                body.m_sleepTime = 0; minSleepTime = 0;
            } else {
                body.m_sleepTime = f(body.m_sleepTime + h);
                minSleepTime = minSleepTime < body.m_sleepTime ? minSleepTime : body.m_sleepTime;
            }
        }
        if (minSleepTime >= TIME_TO_SLEEP && positionSolved) {
            for (let i = 0; i < bodies.length; i++) bodies[i].setAwake(false);
        }
    }
}

function integrate(body: any, h: number, toSweep: boolean) {
    let cx = body.c_position.c.x, cy = body.c_position.c.y, a = body.c_position.a;
    let vx = body.c_velocity.v.x, vy = body.c_velocity.v.y, w = body.c_velocity.w;
    const tx = f(h * vx), ty = f(h * vy);
    const tsq = f(f(tx * tx) + f(ty * ty));
    if (tsq > MAX_TRANSLATION_SQ) {
        const ratio = f(MAX_TRANSLATION / f(Math.sqrt(tsq)));
        vx = f(vx * ratio); vy = f(vy * ratio);
    }
    const rot = f(h * w);
    if (f(rot * rot) > MAX_ROTATION_SQ) {
        const ratio = f(MAX_ROTATION / Math.abs(rot));
        w = f(w * ratio);
    }
    cx = f(cx + f(h * vx)); cy = f(cy + f(h * vy));
    a = f(a + f(h * w));
    body.c_position.c.x = cx; body.c_position.c.y = cy; body.c_position.a = a;
    body.c_velocity.v.x = vx; body.c_velocity.v.y = vy; body.c_velocity.w = w;
    if (toSweep) {
        body.m_sweep.c.x = cx; body.m_sweep.c.y = cy; body.m_sweep.a = a;
        body.m_linearVelocity.x = vx; body.m_linearVelocity.y = vy; body.m_angularVelocity = w;
        body.synchronizeTransform();
    }
}

function solveIslandTOI(this: any, subStep: any, toiA: any, toiB: any) {
    const bodies = this.m_bodies, contacts = this.m_contacts;
    for (let i = 0; i < bodies.length; i++) {
        const body = bodies[i];
        body.c_position.c.x = body.m_sweep.c.x; body.c_position.c.y = body.m_sweep.c.y; body.c_position.a = body.m_sweep.a;
        body.c_velocity.v.x = body.m_linearVelocity.x; body.c_velocity.v.y = body.m_linearVelocity.y; body.c_velocity.w = body.m_angularVelocity;
    }
    for (let i = 0; i < contacts.length; i++) contacts[i].initConstraint(subStep);
    for (let i = 0; i < subStep.positionIterations; i++) {
        let minSeparation = 0;
        for (let j = 0; j < contacts.length; j++) {
            const s = contacts[j].solvePositionConstraintTOI(subStep, toiA, toiB);
            minSeparation = minSeparation < s ? minSeparation : s;
        }
        if (minSeparation >= POS_OK_TOI) break;
    }
    toiA.m_sweep.c0.x = toiA.c_position.c.x; toiA.m_sweep.c0.y = toiA.c_position.c.y; toiA.m_sweep.a0 = toiA.c_position.a;
    toiB.m_sweep.c0.x = toiB.c_position.c.x; toiB.m_sweep.c0.y = toiB.c_position.c.y; toiB.m_sweep.a0 = toiB.c_position.a;
    for (let i = 0; i < contacts.length; i++) contacts[i].initVelocityConstraint(subStep);
    for (let i = 0; i < subStep.velocityIterations; i++) {
        for (let j = 0; j < contacts.length; j++) contacts[j].solveVelocityConstraint(subStep);
    }
    const h = f(subStep.dt);
    for (let i = 0; i < bodies.length; i++) integrate(bodies[i], h, true);
    this.postSolveIsland();
}


const INV3 = f(1 / 3);
/** Box2D 2.3 b2PolygonShape::Set (hull, normals, centroid) in float32, written into a planck polygon. */
export function setPolygonF32(shape: any) {
    const n = shape.m_count;
    const vs = shape.m_vertices.slice(0, n).map((v: any) => ({ x: f(v.x), y: f(v.y) }));
    // gift wrapping as in Box2D
    let i0 = 0, x0 = vs[0].x;
    for (let i = 1; i < n; i++) { const x = vs[i].x; if (x > x0 || (x === x0 && vs[i].y < vs[i0].y)) { i0 = i; x0 = x; } }
    const hull: number[] = []; let ih = i0;
    for (;;) {
        hull.push(ih);
        let ie = 0;
        for (let j = 1; j < n; j++) {
            if (ie === ih) { ie = j; continue; }
            const h = vs[hull[hull.length - 1]];
            const rx = f(vs[ie].x - h.x), ry = f(vs[ie].y - h.y), vx = f(vs[j].x - h.x), vy = f(vs[j].y - h.y);
            const c = f(f(rx * vy) - f(ry * vx));
            if (c < 0) ie = j;
            if (c === 0 && f(f(vx * vx) + f(vy * vy)) > f(f(rx * rx) + f(ry * ry))) ie = j;
        }
        ih = ie;
        if (ie === i0) break;
    }
    const m = hull.length;
    const out = hull.map((k) => vs[k]);
    for (let i = 0; i < m; i++) { shape.m_vertices[i].x = out[i].x; shape.m_vertices[i].y = out[i].y; }
    shape.m_count = m;
    for (let i = 0; i < m; i++) {
        const a = out[i], b = out[i + 1 < m ? i + 1 : 0];
        const ex = f(b.x - a.x), ey = f(b.y - a.y);
        let nx = ey, ny = -ex; // b2Cross(edge, 1)
        const len = f(Math.sqrt(f(f(nx * nx) + f(ny * ny))));
        if (len >= FLT_EPSILON) { const inv = f(1 / len); nx = f(nx * inv); ny = f(ny * inv); }
        shape.m_normals[i].x = nx; shape.m_normals[i].y = ny;
    }
    // ComputeCentroid with pRef = 0
    let cx = 0, cy = 0, area = 0;
    for (let i = 0; i < m; i++) {
        const p2 = out[i], p3 = out[i + 1 < m ? i + 1 : 0];
        const D = f(f(p2.x * p3.y) - f(p2.y * p3.x));
        const tri = f(0.5 * D);
        area = f(area + tri);
        const k = f(tri * INV3);
        cx = f(cx + f(k * f(f(0 + p2.x) + p3.x)));
        cy = f(cy + f(k * f(f(0 + p2.y) + p3.y)));
    }
    const inv = f(1 / area);
    shape.m_centroid.x = f(cx * inv); shape.m_centroid.y = f(cy * inv);
    shape.m_radius = f(0.01);
}

/** b2PolygonShape / b2CircleShape ComputeMass in float32. */
function massDataF32(shape: any, density: number) {
    if (shape.m_type === 'circle') {
        const r = shape.m_radius;
        const mass = f(f(f(density * PI32) * r) * r);
        const p = shape.m_p;
        const I = f(mass * f(f(f(0.5 * r) * r) + f(f(p.x * p.x) + f(p.y * p.y))));
        return { mass, cx: p.x, cy: p.y, I };
    }
    const n = shape.m_count, v = shape.m_vertices;
    let sx = 0, sy = 0;
    for (let i = 0; i < n; i++) { sx = f(sx + v[i].x); sy = f(sy + v[i].y); }
    const invN = f(1 / n);
    sx = f(sx * invN); sy = f(sy * invN);
    let cx = 0, cy = 0, area = 0, I = 0;
    const k4 = f(0.25 * INV3);
    for (let i = 0; i < n; i++) {
        const e1x = f(v[i].x - sx), e1y = f(v[i].y - sy);
        const w = v[i + 1 < n ? i + 1 : 0];
        const e2x = f(w.x - sx), e2y = f(w.y - sy);
        const D = f(f(e1x * e2y) - f(e1y * e2x));
        const tri = f(0.5 * D);
        area = f(area + tri);
        const k = f(tri * INV3);
        cx = f(cx + f(k * f(e1x + e2x)));
        cy = f(cy + f(k * f(e1y + e2y)));
        const intx2 = f(f(f(e1x * e1x) + f(e2x * e1x)) + f(e2x * e2x));
        const inty2 = f(f(f(e1y * e1y) + f(e2y * e1y)) + f(e2y * e2y));
        I = f(I + f(f(k4 * D) * f(intx2 + inty2)));
    }
    const mass = f(density * area);
    const invA = f(1 / area);
    cx = f(cx * invA); cy = f(cy * invA);
    const mcx = f(cx + sx), mcy = f(cy + sy);
    let mI = f(density * I);
    mI = f(mI + f(mass * f(f(f(mcx * mcx) + f(mcy * mcy)) - f(f(cx * cx) + f(cy * cy)))));
    return { mass, cx: mcx, cy: mcy, I: mI };
}

/** b2Body::ResetMassData for a dynamic body with float32 arithmetic (after its fixtures exist). */
export function resetMassDataF32(body: any) {
    const sw = body.m_sweep;
    // Box2D's transform from the body definition: sinf/cosf of the float angle.
    synchronizeTransform.call(body);
    if (!body.isDynamic()) {
        sw.localCenter.x = 0; sw.localCenter.y = 0;
        sw.c.x = sw.c0.x = body.m_xf.p.x; sw.c.y = sw.c0.y = body.m_xf.p.y; sw.a0 = sw.a;
        return;
    }
    let mass = 0, lx = 0, ly = 0, I = 0;
    for (let fx = body.m_fixtureList; fx; fx = fx.m_next) {
        if (fx.m_density === 0) continue;
        const md = massDataF32(fx.m_shape, f(fx.m_density));
        mass = f(mass + md.mass);
        lx = f(lx + f(md.mass * md.cx)); ly = f(ly + f(md.mass * md.cy));
        I = f(I + md.I);
    }
    let invMass: number;
    if (mass > 0) { invMass = f(1 / mass); lx = f(lx * invMass); ly = f(ly * invMass); } else { mass = 1; invMass = 1; }
    let invI = 0;
    if (I > 0 && !body.m_fixedRotationFlag) { I = f(I - f(mass * f(f(lx * lx) + f(ly * ly)))); invI = f(1 / I); } else { I = 0; invI = 0; }
    body.m_mass = mass; body.m_invMass = invMass; body.m_I = I; body.m_invI = invI;
    const ox = sw.c.x, oy = sw.c.y;
    sw.localCenter.x = lx; sw.localCenter.y = ly;
    const xf = body.m_xf;
    const cx = f(f(f(xf.q.c * lx) - f(xf.q.s * ly)) + xf.p.x);
    const cy = f(f(f(xf.q.s * lx) + f(xf.q.c * ly)) + xf.p.y);
    sw.c.x = sw.c0.x = cx; sw.c.y = sw.c0.y = cy;
    const w = body.m_angularVelocity;
    body.m_linearVelocity.x = f(body.m_linearVelocity.x + f(-w * f(cy - oy)));
    body.m_linearVelocity.y = f(body.m_linearVelocity.y + f(w * f(cx - ox)));
}
// ---- Time of impact (b2TimeOfImpact + b2Distance) in float32 ----
interface Proxy { vs: { x: number; y: number }[]; count: number; radius: number }
interface Sw { lcx: number; lcy: number; c0x: number; c0y: number; cx: number; cy: number; a0: number; a: number; alpha0: number }
function proxyOf(shape: any, index: number): Proxy {
    switch (shape.m_type) {
        case 'circle': return { vs: [shape.m_p], count: 1, radius: shape.m_radius };
        case 'polygon': return { vs: shape.m_vertices, count: shape.m_count, radius: shape.m_radius };
        case 'chain': {
            const v = shape.m_vertices, n = shape.m_count;
            return { vs: [v[index], v[index + 1 < n ? index + 1 : 0]], count: 2, radius: shape.m_radius };
        }
        case 'edge': return { vs: [shape.m_vertex1, shape.m_vertex2], count: 2, radius: shape.m_radius };
    }
    throw new Error(`unsupported shape ${shape.m_type}`);
}
function swOf(s: any): Sw {
    return { lcx: s.localCenter.x, lcy: s.localCenter.y, c0x: s.c0.x, c0y: s.c0.y, cx: s.c.x, cy: s.c.y, a0: s.a0, a: s.a, alpha0: s.alpha0 };
}
function swNormalize(s: Sw) {
    const d = f(TWO_PI * Math.floor(f(s.a0 / TWO_PI)));
    s.a0 = f(s.a0 - d); s.a = f(s.a - d);
}
function swXf(s: Sw, beta: number, xf: Xf) {
    const k = f(1 - beta);
    const px = f(f(k * s.c0x) + f(beta * s.cx));
    const py = f(f(k * s.c0y) + f(beta * s.cy));
    const angle = f(f(k * s.a0) + f(beta * s.a));
    const sn = sinf(angle), c = cosf(angle);
    xf.s = sn; xf.c = c;
    xf.px = f(px - f(f(c * s.lcx) - f(sn * s.lcy)));
    xf.py = f(py - f(f(sn * s.lcx) + f(c * s.lcy)));
}
function support(p: Proxy, dx: number, dy: number): number {
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
interface Cache { metric: number; count: number; iA: number[]; iB: number[] }
const sv = [newSV(), newSV(), newSV()];
let svCount = 0;
function setSV(v: SV, pA: Proxy, xa: Xf, pB: Proxy, xb: Xf) {
    const a = pA.vs[v.iA], b = pB.vs[v.iB];
    mulXf(xa, a.x, a.y); v.wAx = mx; v.wAy = my;
    mulXf(xb, b.x, b.y); v.wBx = mx; v.wBy = my;
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
function distanceF32(cache: Cache, pA: Proxy, xa: Xf, pB: Proxy, xb: Xf): number {
    // ReadCache
    svCount = cache.count;
    for (let i = 0; i < svCount; i++) { const v = sv[i]; v.iA = cache.iA[i]; v.iB = cache.iB[i]; setSV(v, pA, xa, pB, xb); v.a = 0; }
    if (svCount > 1) {
        const m1 = cache.metric, m2 = metric();
        if (m2 < f(0.5 * m1) || f(2 * m1) < m2 || m2 < FLT_EPSILON) svCount = 0;
    }
    if (svCount === 0) { const v = sv[0]; v.iA = 0; v.iB = 0; setSV(v, pA, xa, pB, xb); v.a = 1; svCount = 1; }
    const saveA = [0, 0, 0], saveB = [0, 0, 0];
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

// Separation function
const SF = { type: 0, pA: null as any as Proxy, pB: null as any as Proxy, sA: null as any as Sw, sB: null as any as Sw, lpx: 0, lpy: 0, axx: 0, axy: 0 };
const sxA: Xf = { px: 0, py: 0, s: 0, c: 1 }, sxB: Xf = { px: 0, py: 0, s: 0, c: 1 };
function normalizeXY(x: number, y: number): [number, number] {
    const len = f(Math.sqrt(f(f(x * x) + f(y * y))));
    if (len < FLT_EPSILON) return [x, y];
    const inv = f(1 / len);
    return [f(x * inv), f(y * inv)];
}
function sfInit(cache: Cache, pA: Proxy, sA: Sw, pB: Proxy, sB: Sw, t1: number): number {
    SF.pA = pA; SF.pB = pB; SF.sA = sA; SF.sB = sB;
    swXf(sA, t1, sxA); swXf(sB, t1, sxB);
    if (cache.count === 1) {
        SF.type = 0;
        const a = pA.vs[cache.iA[0]], b = pB.vs[cache.iB[0]];
        mulXf(sxA, a.x, a.y); const ax = mx, ay = my;
        mulXf(sxB, b.x, b.y); const bx = mx, by = my;
        let x = f(bx - ax), y = f(by - ay);
        const len = f(Math.sqrt(f(f(x * x) + f(y * y))));
        if (len < FLT_EPSILON) { SF.axx = x; SF.axy = y; return 0; }
        const inv = f(1 / len); SF.axx = f(x * inv); SF.axy = f(y * inv);
        return len;
    } else if (cache.iA[0] === cache.iA[1]) {
        SF.type = 2; // faceB
        const b1 = pB.vs[cache.iB[0]], b2 = pB.vs[cache.iB[1]];
        [SF.axx, SF.axy] = normalizeXY(f(b2.y - b1.y), -f(b2.x - b1.x));
        mulRot(sxB, SF.axx, SF.axy); const nx = mx, ny = my;
        SF.lpx = f(0.5 * f(b1.x + b2.x)); SF.lpy = f(0.5 * f(b1.y + b2.y));
        mulXf(sxB, SF.lpx, SF.lpy); const pbx = mx, pby = my;
        const a = pA.vs[cache.iA[0]];
        mulXf(sxA, a.x, a.y); const pax = mx, pay = my;
        let s = f(f(f(pax - pbx) * nx) + f(f(pay - pby) * ny));
        if (s < 0) { SF.axx = -SF.axx; SF.axy = -SF.axy; s = -s; }
        return s;
    } else {
        SF.type = 1; // faceA
        const a1 = pA.vs[cache.iA[0]], a2 = pA.vs[cache.iA[1]];
        [SF.axx, SF.axy] = normalizeXY(f(a2.y - a1.y), -f(a2.x - a1.x));
        mulRot(sxA, SF.axx, SF.axy); const nx = mx, ny = my;
        SF.lpx = f(0.5 * f(a1.x + a2.x)); SF.lpy = f(0.5 * f(a1.y + a2.y));
        mulXf(sxA, SF.lpx, SF.lpy); const pax = mx, pay = my;
        const b = pB.vs[cache.iB[0]];
        mulXf(sxB, b.x, b.y); const pbx = mx, pby = my;
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
        mulXf(sxA, a.x, a.y); const ax = mx, ay = my;
        mulXf(sxB, b.x, b.y);
        return f(f(f(mx - ax) * SF.axx) + f(f(my - ay) * SF.axy));
    } else if (SF.type === 1) {
        mulRot(sxA, SF.axx, SF.axy); const nx = mx, ny = my;
        mulXf(sxA, SF.lpx, SF.lpy); const ax = mx, ay = my;
        sfIA = -1;
        sfIB = support(pB, mulTx(sxB, -nx, -ny), mulTy(sxB, -nx, -ny));
        const b = pB.vs[sfIB];
        mulXf(sxB, b.x, b.y);
        return f(f(f(mx - ax) * nx) + f(f(my - ay) * ny));
    } else {
        mulRot(sxB, SF.axx, SF.axy); const nx = mx, ny = my;
        mulXf(sxB, SF.lpx, SF.lpy); const bx = mx, by = my;
        sfIB = -1;
        sfIA = support(pA, mulTx(sxA, -nx, -ny), mulTy(sxA, -nx, -ny));
        const a = pA.vs[sfIA];
        mulXf(sxA, a.x, a.y);
        return f(f(f(mx - bx) * nx) + f(f(my - by) * ny));
    }
}
function sfEval(iA: number, iB: number, t: number): number {
    swXf(SF.sA, t, sxA); swXf(SF.sB, t, sxB);
    const pA = SF.pA, pB = SF.pB;
    if (SF.type === 0) {
        const a = pA.vs[iA], b = pB.vs[iB];
        mulXf(sxA, a.x, a.y); const ax = mx, ay = my;
        mulXf(sxB, b.x, b.y);
        return f(f(f(mx - ax) * SF.axx) + f(f(my - ay) * SF.axy));
    } else if (SF.type === 1) {
        mulRot(sxA, SF.axx, SF.axy); const nx = mx, ny = my;
        mulXf(sxA, SF.lpx, SF.lpy); const ax = mx, ay = my;
        const b = pB.vs[iB];
        mulXf(sxB, b.x, b.y);
        return f(f(f(mx - ax) * nx) + f(f(my - ay) * ny));
    } else {
        mulRot(sxB, SF.axx, SF.axy); const nx = mx, ny = my;
        mulXf(sxB, SF.lpx, SF.lpy); const bx = mx, by = my;
        const a = pA.vs[iA];
        mulXf(sxA, a.x, a.y);
        return f(f(f(mx - bx) * nx) + f(f(my - by) * ny));
    }
}
const E_UNKNOWN = 0, E_FAILED = 1, E_OVERLAPPED = 2, E_TOUCHING = 3, E_SEPARATED = 4;
const dxA: Xf = { px: 0, py: 0, s: 0, c: 1 }, dxB: Xf = { px: 0, py: 0, s: 0, c: 1 };
function timeOfImpactF32(pA: Proxy, sweepA: Sw, pB: Proxy, sweepB: Sw, tMax: number): { state: number; t: number } {
    let state = E_UNKNOWN, tOut = tMax;
    swNormalize(sweepA); swNormalize(sweepB);
    const totalRadius = f(pA.radius + pB.radius);
    const target = Math.max(LINEAR_SLOP, f(totalRadius - f(3 * LINEAR_SLOP)));
    const tolerance = f(0.25 * LINEAR_SLOP);
    const tPlus = f(target + tolerance), tMinus = f(target - tolerance);
    let t1 = 0, iter = 0;
    const cache: Cache = { metric: 0, count: 0, iA: [0, 0, 0], iB: [0, 0, 0] };
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
    return { state, t: tOut };
}

const subStep: any = new TimeStep();
const MIN_ALPHA_DONE = f(1 - f(10 * FLT_EPSILON));
function solveWorldTOI(this: any, step: any) {
    const world = this.m_world;
    if (world.m_stepComplete) {
        for (let b = world.m_bodyList; b; b = b.m_next) { b.m_islandFlag = false; b.m_sweep.alpha0 = 0; }
        for (let c = world.m_contactList; c; c = c.m_next) { c.m_toiFlag = false; c.m_islandFlag = false; c.m_toiCount = 0; c.m_toi = 1; }
    }
    const backup1 = new Sweep(), backup2 = new Sweep(), backup = new Sweep();
    for (;;) {
        let minContact: any = null, minAlpha = 1;
        for (let c = world.m_contactList; c; c = c.m_next) {
            if (c.isEnabled() == false) continue;
            if (c.m_toiCount > MAX_SUB_STEPS) continue;
            let alpha = 1;
            if (c.m_toiFlag) {
                alpha = c.m_toi;
            } else {
                const fA = c.getFixtureA(), fB = c.getFixtureB();
                if (fA.isSensor() || fB.isSensor()) continue;
                const bA = fA.getBody(), bB = fB.getBody();
                const activeA = bA.isAwake() && !bA.isStatic(), activeB = bB.isAwake() && !bB.isStatic();
                if (activeA == false && activeB == false) continue;
                const collideA = bA.isBullet() || !bA.isDynamic(), collideB = bB.isBullet() || !bB.isDynamic();
                if (collideA == false && collideB == false) continue;
                let alpha0 = bA.m_sweep.alpha0;
                if (bA.m_sweep.alpha0 < bB.m_sweep.alpha0) { alpha0 = bB.m_sweep.alpha0; bA.m_sweep.advance(alpha0); }
                else if (bB.m_sweep.alpha0 < bA.m_sweep.alpha0) { alpha0 = bA.m_sweep.alpha0; bB.m_sweep.advance(alpha0); }
                const out = timeOfImpactF32(proxyOf(fA.getShape(), c.getChildIndexA()), swOf(bA.m_sweep), proxyOf(fB.getShape(), c.getChildIndexB()), swOf(bB.m_sweep), 1);
                const beta = out.t;
                if (out.state === E_TOUCHING) { const x = f(alpha0 + f(f(1 - alpha0) * beta)); alpha = x < 1 ? x : 1; }
                else alpha = 1;
                c.m_toi = alpha; c.m_toiFlag = true;
            }
            if (alpha < minAlpha) { minContact = c; minAlpha = alpha; }
        }
        if (minContact == null || MIN_ALPHA_DONE < minAlpha) { world.m_stepComplete = true; break; }
        const fA = minContact.getFixtureA(), fB = minContact.getFixtureB();
        const bA = fA.getBody(), bB = fB.getBody();
        backup1.set(bA.m_sweep); backup2.set(bB.m_sweep);
        bA.advance(minAlpha); bB.advance(minAlpha);
        minContact.update(world);
        minContact.m_toiFlag = false;
        ++minContact.m_toiCount;
        if (minContact.isEnabled() == false || minContact.isTouching() == false) {
            minContact.setEnabled(false);
            bA.m_sweep.set(backup1); bB.m_sweep.set(backup2);
            bA.synchronizeTransform(); bB.synchronizeTransform();
            continue;
        }
        bA.setAwake(true); bB.setAwake(true);
        this.clear();
        this.addBody(bA); this.addBody(bB); this.addContact(minContact);
        bA.m_islandFlag = true; bB.m_islandFlag = true; minContact.m_islandFlag = true;
        for (const body of [bA, bB]) {
            if (!body.isDynamic()) continue;
            for (let ce = body.m_contactList; ce; ce = ce.next) {
                if (this.m_bodies.length === 64 || this.m_contacts.length === 32) break;
                const contact = ce.contact;
                if (contact.m_islandFlag) continue;
                const other = ce.other;
                if (other.isDynamic() && !body.isBullet() && !other.isBullet()) continue;
                if (contact.m_fixtureA.m_isSensor || contact.m_fixtureB.m_isSensor) continue;
                backup.set(other.m_sweep);
                if (other.m_islandFlag == false) other.advance(minAlpha);
                contact.update(world);
                if (contact.isEnabled() == false || contact.isTouching() == false) {
                    other.m_sweep.set(backup); other.synchronizeTransform();
                    continue;
                }
                contact.m_islandFlag = true;
                this.addContact(contact);
                if (other.m_islandFlag) continue;
                other.m_islandFlag = true;
                if (!other.isStatic()) other.setAwake(true);
                this.addBody(other);
            }
        }
        const dt = f(f(1 - minAlpha) * f(step.dt));
        subStep.dt = dt; subStep.inv_dt = f(1 / dt); subStep.dtRatio = 1;
        subStep.positionIterations = 20;
        subStep.velocityIterations = step.velocityIterations;
        subStep.warmStarting = false;
        subStep.blockSolve = step.blockSolve;
        this.solveIslandTOI(subStep, bA, bB);
        for (let i = 0; i < this.m_bodies.length; i++) {
            const body = this.m_bodies[i];
            body.m_islandFlag = false;
            if (!body.isDynamic()) continue;
            body.synchronizeFixtures();
            for (let ce = body.m_contactList; ce; ce = ce.next) { ce.contact.m_toiFlag = false; ce.contact.m_islandFlag = false; }
        }
        world.findNewContacts();
        if (world.m_subStepping) { world.m_stepComplete = false; break; }
    }
}

let installed = false;

/** Installs the float32 Box2D 2.3 solver on planck's prototypes (idempotent). */
export function installFloat32Box2D(): void {
    if (installed) return;
    installed = true;
    const C = (Contact as any).prototype, S = (Solver as any).prototype, B = (Body as any).prototype, W = (Sweep as any).prototype;
    B.synchronizeTransform = synchronizeTransform;
    W.getTransform = sweepGetTransform;
    W.advance = sweepAdvance;
    W.normalize = sweepNormalize;
    S.solveIsland = solveIsland;
    S.solveIslandTOI = solveIslandTOI;
    S.solveWorldTOI = solveWorldTOI;
    C.initConstraint = initConstraint;
    C.initVelocityConstraint = initVelocityConstraint;
    C.warmStartConstraint = warmStartConstraint;
    C.solveVelocityConstraint = solveVelocityConstraint;
    C._solvePositionConstraint = solvePosition;
}
