// The float32 solver replaces planck methods by name: each must exist in the pinned planck, and a
// missing one must be reported by name rather than silently leaving planck's float64 code in place.
import { Body, Contact, Solver, Sweep } from 'planck';
import { describe, expect, it } from 'vitest';
import { assertPatchTargets, installFloat32Box2D, PATCHED_METHODS } from '../../language/bouncingsim/box2d-float32/index.js';

describe('box2d-float32 patch of planck', () => {
    it('patches methods that all exist in the installed planck', () => {
        const classes: Record<string, { prototype: Record<string, unknown> }> = { Body, Contact, Solver, Sweep } as never;
        expect(Object.keys(PATCHED_METHODS).sort()).toEqual(['Body', 'Contact', 'Solver', 'Sweep']);
        for (const [name, methods] of Object.entries(PATCHED_METHODS)) {
            for (const method of methods) expect(typeof classes[name].prototype[method], `${name}.${method}`).toBe('function');
        }
    });

    it('replaces every one of them on install, once', () => {
        // Nothing in this file loads world.ts, so the prototypes still hold planck's own methods here.
        const classes = { Body, Contact, Solver, Sweep } as never as Record<string, { prototype: Record<string, unknown> }>;
        const names = Object.entries(PATCHED_METHODS).flatMap(([name, methods]) => methods.map((method) => [name, method] as const));
        const current = () => names.map(([name, method]) => classes[name].prototype[method]);
        const planck = current();
        installFloat32Box2D();
        const patched = current();
        expect(names).toHaveLength(12);
        patched.forEach((fn, i) => expect(fn, names[i].join('.')).not.toBe(planck[i]));
        installFloat32Box2D();
        expect(current()).toEqual(patched);
    });

    it('names the missing method when planck lacks one', () => {
        class FakeContact {
            initConstraint(): void {}
        }
        const table = { Contact: { target: FakeContact, methods: { initConstraint() {}, warmStartConstraint() {} } } };
        expect(() => assertPatchTargets(table)).toThrow(/planck's Contact\.prototype\.warmStartConstraint does not exist/);
        expect(() => assertPatchTargets({ Contact: { target: FakeContact, methods: { initConstraint() {} } } })).not.toThrow();
    });
});
