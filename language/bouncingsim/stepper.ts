// One ground-truth step (docs/bouncingsim.md §5): advance time first, drive gravity and containers for the new
// time, then integrate. Driven containers get the kinematic velocities that land them on their
// target pose at the end of the step (§5.2); planck applies Box2D's per-step caps (§5.6).

import { Vec2 } from 'planck';
import { gravityAt, isDriven, pathPosition, targetAngle } from './container-motion.js';
import { DT } from './step-count.js';
import type { Scene, Vec2Tuple } from './scene-types.js';
import { buildWorld, f32, POSITION_ITERATIONS, VELOCITY_ITERATIONS, type SceneWorld } from './world.js';

export interface Pose { x: number; y: number; angle: number }

export class SceneStepper {
    /** Accumulated like the reference's `sim_time += dt`, separately from any loop counter. */
    simTime = 0.0;
    steps = 0;
    private readonly w: SceneWorld;
    private readonly driven: number[];
    /** Handed to planck, which copies it (setGravity, setLinearVelocity): one per stepper, not one per call. */
    private readonly scratch = new Vec2(0, 0);

    constructor(private readonly scene: Scene, readonly dt = DT) {
        this.w = buildWorld(scene);
        this.driven = scene.boxes.flatMap((box, i) => (isDriven(scene, box) ? [i] : []));
    }

    step(): void {
        const { scene, dt, w } = this;
        this.simTime += dt;
        const t = this.simTime;
        if (scene.gravity_time_variation) {
            const [gx, gy] = gravityAt(scene, t);
            this.scratch.x = f32(gx); this.scratch.y = f32(gy);
            w.world.setGravity(this.scratch);
        }
        for (let k = 0; k < this.driven.length; k++) {
            const i = this.driven[k];
            const box = scene.boxes[i];
            const body = w.boxes[i];
            const [cx, cy] = pathPosition(box.translation_path, box.center, t);
            const p = body.getPosition();
            // Computed in Python doubles from the float32 pose, stored by Box2D as float32.
            this.scratch.x = f32((cx - p.x) / dt); this.scratch.y = f32((cy - p.y) / dt);
            body.setLinearVelocity(this.scratch);
            body.setAngularVelocity(f32((targetAngle(scene, box, t) - body.getAngle()) / dt));
        }
        // world.Step(float32 dt, …): the step length itself is float32 inside Box2D.
        w.world.step(f32(dt), VELOCITY_ITERATIONS, POSITION_ITERATIONS);
        w.world.clearForces();
        this.steps++;
    }

    /** Body origins of the balls in world coordinates (+Y up), unrounded. */
    ballPositions(): Vec2Tuple[] {
        return this.w.balls.map((b) => { const p = b.getPosition(); return [p.x, p.y]; });
    }

    ballPoses(): Pose[] {
        return this.w.balls.map(poseOf);
    }

    boxPoses(): Pose[] {
        return this.w.boxes.map(poseOf);
    }
}

function poseOf(body: { getPosition(): { x: number; y: number }; getAngle(): number }): Pose {
    const p = body.getPosition();
    return { x: p.x, y: p.y, angle: body.getAngle() };
}
