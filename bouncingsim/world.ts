// Builds a planck.js world exactly as the verified recipe of spec §4.2 (Box2D 2.3 semantics).

import { Chain, Circle, Polygon, Settings, Vec2, World, type Body } from 'planck';
import { gravityAt } from './container-motion.js';
import { degToRad, regularPolygon } from './geometry.js';
import type { Scene } from './scene-types.js';

// pybox2d is built with b2_maxPolygonVertices = 16 (planck defaults to 12). It must be set before
// any Polygon is created, so it is done once when this module loads.
Settings.maxPolygonVertices = 16;

export const VELOCITY_ITERATIONS = 100;
export const POSITION_ITERATIONS = 100;

export interface SceneWorld {
    world: World;
    boxes: Body[];
    balls: Body[];
}

const vec = ([x, y]: [number, number]) => new Vec2(x, y);

export function buildWorld(scene: Scene): SceneWorld {
    // Gravity at t = 0; with a time variation it is overwritten before every step anyway.
    const world = new World({ gravity: vec(gravityAt(scene, 0)), allowSleep: true });

    // Creation order (boxes, then balls) fixes contact ordering, as in the reference.
    const boxes = scene.boxes.map((box) => {
        const body = world.createBody({ type: 'kinematic', position: vec(box.center), angle: degToRad(box.rotation) });
        const vertices = regularPolygon(box.sides, box.diameter / 2).map(vec);
        // Box2D 2.3 / planck chains are two-sided, so a CCW loop keeps balls inside (and outside).
        body.createFixture(new Chain(vertices, true), { friction: box.friction, restitution: box.restitution });
        body.setAngularVelocity(box.rotation_speed);
        return body;
    });

    const balls = scene.balls.map((ball) => {
        const body = world.createBody({
            type: 'dynamic',
            position: vec(ball.position),
            linearVelocity: vec(ball.velocity),
            angularVelocity: ball.angular_velocity,
            bullet: true,
        });
        // The generator marks every non-A ball rotation_affected: false; ignoring it ruins agreement (§6).
        if (!ball.rotation_affected) body.setFixedRotation(true);
        const shape = ball.sides > 2 ? new Polygon(regularPolygon(ball.sides, ball.radius).map(vec)) : new Circle(ball.radius);
        body.createFixture(shape, { density: ball.density, restitution: ball.restitution, friction: 0 });
        return body;
    });

    return { world, boxes, balls };
}
