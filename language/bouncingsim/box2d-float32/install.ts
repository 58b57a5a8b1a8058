// Installs the float32 solver on planck's prototypes. planck is pinned to an exact version in
// package.json because the patch replaces its internals by name: every replaced method is checked to
// exist when this module loads, so a planck that renamed or dropped one fails loudly, naming it,
// instead of silently running its own float64 code.
import { Body, Contact, Solver, Sweep } from 'planck';
import { initConstraint, initVelocityConstraint, solvePosition, solveVelocityConstraint, warmStartConstraint } from './contact-solver.js';
import { solveIsland, solveIslandTOI } from './island-solver.js';
import { sweepAdvance, sweepGetTransform, sweepNormalize, synchronizeTransform } from './transforms.js';
import { solveWorldTOI } from './world-toi.js';

type Method = (this: any, ...args: any[]) => unknown;
/** planck class → method name → its float32 replacement. */
export type PatchTable = Record<string, { target: { prototype: object }; methods: Record<string, Method> }>;

const PATCHES: PatchTable = {
    Body: { target: Body, methods: { synchronizeTransform } },
    Sweep: { target: Sweep, methods: { getTransform: sweepGetTransform, advance: sweepAdvance, normalize: sweepNormalize } },
    Solver: { target: Solver, methods: { solveIsland, solveIslandTOI, solveWorldTOI } },
    Contact: {
        target: Contact,
        methods: { initConstraint, initVelocityConstraint, warmStartConstraint, solveVelocityConstraint, _solvePositionConstraint: solvePosition },
    },
};

/** Throws, naming the first one, when a method the table replaces is not a function on its class's prototype. */
export function assertPatchTargets(patches: PatchTable): void {
    for (const [className, { target, methods }] of Object.entries(patches)) {
        for (const method of Object.keys(methods)) {
            if (typeof (target.prototype as Record<string, unknown>)[method] !== 'function') {
                throw new Error(
                    `box2d-float32: planck's ${className}.prototype.${method} does not exist, so the float32 solver cannot replace it. ` +
                        'The patch is written against the planck version pinned in package.json; reinstall it (npm ci) or port the patch.',
                );
            }
        }
    }
}

assertPatchTargets(PATCHES);

let installed = false;

/** Installs the float32 Box2D 2.3 solver on planck's prototypes (idempotent). */
export function installFloat32Box2D(): void {
    if (installed) return;
    installed = true;
    for (const { target, methods } of Object.values(PATCHES)) Object.assign(target.prototype, methods);
}

/** The replaced methods, for tests: class name → method names. */
export const PATCHED_METHODS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
    Object.entries(PATCHES).map(([name, { methods }]) => [name, Object.keys(methods)]),
);
