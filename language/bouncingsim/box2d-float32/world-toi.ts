// b2World::SolveTOI in float32: continuous collision sub-steps.
import { Sweep, TimeStep } from 'planck';
import { newProxy, newSw, proxyOf, swOf } from './distance.js';
import { f, FLT_EPSILON, MAX_SUB_STEPS } from './float32.js';
import { E_TOUCHING, timeOfImpactF32, type ToiOutput } from './time-of-impact.js';

const subStep: any = new TimeStep();
const MIN_ALPHA_DONE = f(1 - f(10 * FLT_EPSILON));
// Scratch, reused by every call.
const backup1 = new Sweep(), backup2 = new Sweep(), backup = new Sweep();
const proxyA = newProxy(), proxyB = newProxy(), sweepA = newSw(), sweepB = newSw();
const toi: ToiOutput = { state: 0, t: 0 };
export function solveWorldTOI(this: any, step: any) {
    const world = this.m_world;
    if (world.m_stepComplete) {
        for (let b = world.m_bodyList; b; b = b.m_next) { b.m_islandFlag = false; b.m_sweep.alpha0 = 0; }
        for (let c = world.m_contactList; c; c = c.m_next) { c.m_toiFlag = false; c.m_islandFlag = false; c.m_toiCount = 0; c.m_toi = 1; }
    }
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
                timeOfImpactF32(proxyOf(fA.getShape(), c.getChildIndexA(), proxyA), swOf(bA.m_sweep, sweepA), proxyOf(fB.getShape(), c.getChildIndexB(), proxyB), swOf(bB.m_sweep, sweepB), 1, toi);
                const beta = toi.t;
                if (toi.state === E_TOUCHING) { const x = f(alpha0 + f(f(1 - alpha0) * beta)); alpha = x < 1 ? x : 1; }
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
        for (let k = 0; k < 2; k++) {
            const body = k === 0 ? bA : bB;
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
