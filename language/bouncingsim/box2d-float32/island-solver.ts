// b2Island in float32: velocity and position integration with the per-step caps, sleep, and the TOI
// island solve.
import { ANG_TOL_SQ, f, LIN_TOL_SQ, MAX_ROTATION, MAX_ROTATION_SQ, MAX_TRANSLATION, MAX_TRANSLATION_SQ, POS_OK, POS_OK_TOI, TIME_TO_SLEEP } from './float32.js';

export function solveIsland(this: any, step: any) {
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

export function solveIslandTOI(this: any, subStep: any, toiA: any, toiB: any) {
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

// Solver.clear: planck empties its island lists with `length = 0`, which releases their storage, so
// every island of every step allocated them again; pop() keeps it.
export function solverClear(this: any) {
    empty(this.m_stack); empty(this.m_bodies); empty(this.m_contacts); empty(this.m_joints);
}
function empty(list: unknown[]) {
    while (list.length > 0) list.pop();
}
