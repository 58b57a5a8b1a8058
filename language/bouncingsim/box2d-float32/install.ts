// Installs the float32 solver on planck's prototypes. planck is pinned to an exact version in
// package.json because the patch replaces its internals by name: every replaced method is checked to
// exist when this module loads, so a planck that renamed or dropped one fails loudly, naming it,
// instead of silently running its own float64 code.
import { Body, BroadPhase, Contact, DynamicTree, Fixture, Solver, Sweep, World } from 'planck';
import { computeHeight, findNewContacts, fixtureSynchronize, insertLeaf, moveProxy, query, removeLeaf, updatePairs } from './broad-phase.js';
import { initConstraint, initVelocityConstraint, solvePosition, solveVelocityConstraint, warmStartConstraint } from './contact-solver.js';
import { solveIsland, solveIslandTOI, solverClear } from './island-solver.js';
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

// planck's own float64 code rewritten without its per-call allocations and lookups: same arithmetic,
// same order, same results (broad-phase.ts, solverClear). Kept apart from PATCHES, which changes the
// arithmetic.
const SPEEDUPS: PatchTable = {
    DynamicTree: { target: DynamicTree, methods: { insertLeaf, removeLeaf, moveProxy, query, computeHeight } },
    BroadPhase: { target: BroadPhase, methods: { updatePairs } },
    Fixture: { target: Fixture, methods: { synchronize: fixtureSynchronize } },
    Solver: { target: Solver, methods: { clear: solverClear } },
    World: { target: World, methods: { findNewContacts } },
};

assertPatchTargets(PATCHES);
assertPatchTargets(SPEEDUPS);

// planck's own versions of the SPEEDUPS methods, taken when this module loads (before any install).
const PLANCK_OWN: PatchTable = Object.fromEntries(Object.entries(SPEEDUPS).map(([name, { target, methods }]) => [name, {
    target, methods: Object.fromEntries(Object.keys(methods).map((method) => [method, (target.prototype as Record<string, Method>)[method]])),
}]));

let installed = false;

/** Installs the float32 Box2D 2.3 solver on planck's prototypes (idempotent). */
export function installFloat32Box2D(): void {
    if (installed) return;
    installed = true;
    for (const { target, methods } of [...Object.values(PATCHES), ...Object.values(SPEEDUPS)]) Object.assign(target.prototype, methods);
}

/** For the differential test: installs the patch, then planck's own versions of the SPEEDUPS methods (false) or ours (true). */
export function useSpeedups(on: boolean): void {
    installFloat32Box2D();
    for (const { target, methods } of Object.values(on ? SPEEDUPS : PLANCK_OWN)) Object.assign(target.prototype, methods);
}

const methodNames = (table: PatchTable): Readonly<Record<string, readonly string[]>> =>
    Object.fromEntries(Object.entries(table).map(([name, { methods }]) => [name, Object.keys(methods)]));
/** The replaced methods, for tests: class name → method names. */
export const PATCHED_METHODS = methodNames(PATCHES);
/** planck methods replaced by allocation-free equivalents, for tests: class name → method names. */
export const SPEEDUP_METHODS = methodNames(SPEEDUPS);
