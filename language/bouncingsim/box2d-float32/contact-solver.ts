// b2ContactSolver in float32: constraint set-up, world manifold, warm start, sequential impulses with
// the 2-point block solver, position correction (also for TOI sub-steps).
import { BAUMGARTE, EPS_SQ, f, FLT_EPSILON, K_MAX_COND, LINEAR_SLOP, MAX_LINEAR_CORRECTION, TOI_BAUMGARTE, VELOCITY_THRESHOLD } from './float32.js';
import { mul, mulRot, mulXf, setXf, type Xf, xfA, xfB } from './transforms.js';

// World manifold output
const wmNormal = { x: 0, y: 0 };
const wmPoints = [{ x: 0, y: 0 }, { x: 0, y: 0 }];
function worldManifold(m: any, xa: Xf, radiusA: number, xb: Xf, radiusB: number) {
    const count = m.pointCount;
    if (count === 0) return;
    switch (m.type) {
        case 0: { // circles
            let nx = 1, ny = 0;
            mulXf(xa, m.localPoint.x, m.localPoint.y); const pax = mul.x, pay = mul.y;
            mulXf(xb, m.points[0].localPoint.x, m.points[0].localPoint.y); const pbx = mul.x, pby = mul.y;
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
            mulRot(xa, m.localNormal.x, m.localNormal.y); const nx = mul.x, ny = mul.y;
            mulXf(xa, m.localPoint.x, m.localPoint.y); const ppx = mul.x, ppy = mul.y;
            for (let i = 0; i < count; i++) {
                mulXf(xb, m.points[i].localPoint.x, m.points[i].localPoint.y); const cpx = mul.x, cpy = mul.y;
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
            mulRot(xb, m.localNormal.x, m.localNormal.y); const nx = mul.x, ny = mul.y;
            mulXf(xb, m.localPoint.x, m.localPoint.y); const ppx = mul.x, ppy = mul.y;
            for (let i = 0; i < count; i++) {
                mulXf(xa, m.points[i].localPoint.x, m.points[i].localPoint.y); const cpx = mul.x, cpy = mul.y;
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

export function initConstraint(this: any, step: any) {
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

export function initVelocityConstraint(this: any, _step: any) {
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

export function warmStartConstraint(this: any, _step: any) {
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

export function solveVelocityConstraint(this: any, _step: any) {
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

export function solvePosition(this: any, _step: any, toiA: any, toiB: any): number {
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
                mulXf(xfA, this.p_localPoint.x, this.p_localPoint.y); const pax = mul.x, pay = mul.y;
                mulXf(xfB, this.p_localPoints[0].x, this.p_localPoints[0].y); const pbx = mul.x, pby = mul.y;
                nx = f(pbx - pax); ny = f(pby - pay);
                const len = f(Math.sqrt(f(f(nx * nx) + f(ny * ny))));
                if (len >= FLT_EPSILON) { const inv = f(1 / len); nx = f(nx * inv); ny = f(ny * inv); }
                px = f(0.5 * f(pax + pbx)); py = f(0.5 * f(pay + pby));
                sep = f(f(f(f(f(pbx - pax) * nx) + f(f(pby - pay) * ny)) - rA_) - rB_);
                break;
            }
            case 1: {
                mulRot(xfA, this.p_localNormal.x, this.p_localNormal.y); nx = mul.x; ny = mul.y;
                mulXf(xfA, this.p_localPoint.x, this.p_localPoint.y); const ppx = mul.x, ppy = mul.y;
                mulXf(xfB, this.p_localPoints[j].x, this.p_localPoints[j].y); const cpx = mul.x, cpy = mul.y;
                sep = f(f(f(f(f(cpx - ppx) * nx) + f(f(cpy - ppy) * ny)) - rA_) - rB_);
                px = cpx; py = cpy;
                break;
            }
            case 2: {
                mulRot(xfB, this.p_localNormal.x, this.p_localNormal.y); nx = mul.x; ny = mul.y;
                mulXf(xfB, this.p_localPoint.x, this.p_localPoint.y); const ppx = mul.x, ppy = mul.y;
                mulXf(xfA, this.p_localPoints[j].x, this.p_localPoints[j].y); const cpx = mul.x, cpy = mul.y;
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
