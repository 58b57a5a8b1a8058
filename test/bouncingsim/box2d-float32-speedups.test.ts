// The allocation-free rewrites of planck's broad phase and island lists (box2d-float32/broad-phase.ts,
// solverClear) must change nothing: bodies, contacts and the broad-phase tree after every step are
// compared, bit for bit, with a run on planck's own methods. Two extreme generated scenes: G (7–9
// balls in one container, so ball-ball pairs, whose fixture order the proxy ids decide) and ABCDFG
// (6 moving containers, so the tree is rebuilt every step). The first divergence of a deliberately
// broken rewrite (pair order, node ids, chain AABBs, dropped pairs) shows within 70 steps.
import { describe, expect, it } from 'vitest';
import { SPEEDUP_METHODS, useSpeedups } from '../../language/bouncingsim/box2d-float32/index.js';
import { resolveTree } from '../../language/bouncingsim/generate/tree.js';
import type { Scene } from '../../language/bouncingsim/scene-types.js';
import { SceneStepper } from '../../language/bouncingsim/stepper.js';
import { BroadPhase, DynamicTree, Fixture, Solver, World } from 'planck';
import { sampleMany } from '../bouncingsim-generate/sample.js';

const STEPS = 200;

interface Trace { values: Float64Array; stepEnds: number[] }

/**
 * After every step: every body's pose, velocity and awake flag; every contact in list order (its
 * fixtures' proxy ids, touching); every proxy's fat AABB; the tree in preorder (node ids, heights).
 */
function trace(scene: Scene): Trace {
    const stepper = new SceneStepper(scene);
    const world = (stepper as unknown as { w: { world: World } }).w.world as any;
    const out: number[] = [], stepEnds: number[] = [];
    const proxyId = (fixture: any, child: number) => fixture.m_proxies[child].proxyId;
    const tree = (node: any): void => {
        if (!node) return;
        out.push(node.id, node.height);
        tree(node.child1); tree(node.child2);
    };
    for (let i = 0; i < STEPS; i++) {
        stepper.step();
        for (let b = world.getBodyList(); b; b = b.getNext()) {
            const p = b.getPosition(), v = b.getLinearVelocity();
            out.push(p.x, p.y, b.getAngle(), v.x, v.y, b.getAngularVelocity(), b.isAwake() ? 1 : 0);
            for (let f = b.getFixtureList(); f; f = f.getNext()) {
                for (let k = 0; k < f.m_proxyCount; k++) {
                    const fat = world.m_broadPhase.getFatAABB(f.m_proxies[k].proxyId);
                    out.push(f.m_proxies[k].proxyId, fat.lowerBound.x, fat.lowerBound.y, fat.upperBound.x, fat.upperBound.y);
                }
            }
        }
        for (let c = world.getContactList(); c; c = c.getNext()) {
            out.push(proxyId(c.getFixtureA(), c.getChildIndexA()), proxyId(c.getFixtureB(), c.getChildIndexB()), c.isTouching() ? 1 : 0);
        }
        tree(world.m_broadPhase.m_tree.m_root);
        stepEnds.push(out.length);
    }
    return { values: Float64Array.from(out), stepEnds };
}

/** The first step after which the traces differ in any bit (-0 against 0 too), or -1. */
function firstDifferentStep(a: Trace, b: Trace): number {
    const x = new Uint32Array(a.values.buffer), y = new Uint32Array(b.values.buffer);
    for (let step = 0, i = 0; step < STEPS; step++) {
        if (a.stepEnds[step] !== b.stepEnds[step]) return step + 1;
        for (; i < 2 * a.stepEnds[step]; i++) if (x[i] !== y[i]) return step + 1;
    }
    return -1;
}

describe('box2d-float32 speed-ups of planck', () => {
    it('replace methods that exist in planck, and can be switched back', () => {
        const classes = { BroadPhase, DynamicTree, Fixture, Solver, World } as never as Record<string, { prototype: Record<string, unknown> }>;
        expect(Object.keys(SPEEDUP_METHODS).sort()).toEqual(Object.keys(classes));
        const current = () => Object.entries(SPEEDUP_METHODS).flatMap(([name, methods]) => methods.map((m) => classes[name].prototype[m]));
        try {
            useSpeedups(false);
            const planck = current();
            useSpeedups(true);
            current().forEach((fn, i) => {
                expect(typeof fn).toBe('function');
                expect(fn).not.toBe(planck[i]);
            });
        } finally {
            useSpeedups(true);
        }
    });

    it('leave the bodies, contacts and broad-phase tree after every step as planck\'s own methods do', () => {
        const scenes = ['G', 'ABCDFG'].map((family) => resolveTree(sampleMany(family, 4, 1, 'speedups')[0].tree));
        for (const scene of scenes) {
            useSpeedups(true);
            const ours = trace(scene);
            let planck: Trace;
            try {
                useSpeedups(false);
                planck = trace(scene);
            } finally {
                useSpeedups(true);
            }
            expect(firstDifferentStep(ours, planck)).toBe(-1);
        }
    });
});
