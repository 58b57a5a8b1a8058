// Box2D 2.3 in float32 on top of planck.js (the ground truth is pybox2d, whose state and
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
//
// Beside the float32 patch, and apart from it in install.ts: planck's own float64 broad phase and
// island lists rewritten without their per-call allocations and lookups, same results (SPEEDUPS;
// broad-phase.ts, Solver.clear in island-solver.ts; a test compares them with planck's step by step).
//
// Files: float32 (constants, sinf/cosf), transforms (b2Mul, body transforms, sweeps), contact-solver,
// island-solver, mass (polygon set-up, mass data), distance (GJK), time-of-impact, world-toi (SolveTOI),
// broad-phase (planck's dynamic tree, pair search and fixture AABBs, allocation-free), install (the
// patch tables, checked against planck when this module loads).
export { assertPatchTargets, installFloat32Box2D, PATCHED_METHODS, SPEEDUP_METHODS, type PatchTable, useSpeedups } from './install.js';
export { resetMassDataF32, setPolygonF32 } from './mass.js';
