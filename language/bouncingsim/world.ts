// Builds a planck.js world exactly as the verified recipe of docs/bouncingsim.md §4 (Box2D 2.3 semantics), with
// pybox2d's float32 precision: every number handed to Box2D is rounded to float32 (as pybox2d's
// float32 API does), shapes and mass data are computed in float32, and the solver runs in float32
// (box2d-float32/).

import { Chain, Circle, Polygon, Settings, Vec2, World, type Body } from 'planck';
import { installFloat32Box2D, resetMassDataF32, setPolygonF32 } from './box2d-float32/index.js';
import { gravityAt } from './container-motion.js';
import { degToRad, regularPolygon } from './geometry.js';
import { assertSimulable } from './scene-load.js';
import type { Scene } from './scene-types.js';

// pybox2d is built with b2_maxPolygonVertices = 16 (planck defaults to 12). It must be set before
// any Polygon is created, so it is done once when this module loads.
Settings.maxPolygonVertices = 16;
installFloat32Box2D();

/** pybox2d stores every number as float32 (b2Vec2, float32 fields). */
export const f32 = Math.fround;
/** Box2D's b2_polygonRadius (2 · linearSlop) as float32: the skin of polygons and chains. */
const POLYGON_RADIUS = f32(0.01);

export const VELOCITY_ITERATIONS = 100;
export const POSITION_ITERATIONS = 100;

export interface SceneWorld {
    world: World;
    boxes: Body[];
    balls: Body[];
}

const vec = ([x, y]: [number, number]) => new Vec2(f32(x), f32(y));

export function buildWorld(scene: Scene): SceneWorld {
    // Before planck sees it: a 0-sided container, a 17-sided ball or a 1e308 m radius would otherwise
    // be simulated silently, crash inside planck or run for minutes.
    assertSimulable(scene);
    // Gravity at t = 0; with a time variation it is overwritten before every step anyway.
    const world = new World({ gravity: vec(gravityAt(scene, 0)), allowSleep: true });

    // Creation order (boxes, then balls) fixes contact ordering, as in the reference.
    const boxes = scene.boxes.map((box) => {
        const body = world.createBody({ type: 'kinematic', position: vec(box.center), angle: f32(degToRad(box.rotation)) });
        const vertices = regularPolygon(box.sides, box.diameter / 2).map(vec);
        // Box2D 2.3 / planck chains are two-sided, so a CCW loop keeps balls inside (and outside).
        const fixture = body.createFixture(new Chain(vertices, true), { friction: f32(box.friction), restitution: f32(box.restitution) });
        (fixture.getShape() as unknown as { m_radius: number }).m_radius = POLYGON_RADIUS;
        body.setAngularVelocity(f32(box.rotation_speed));
        resetMassDataF32(body);
        return body;
    });

    const balls = scene.balls.map((ball) => {
        const body = world.createBody({
            type: 'dynamic',
            position: vec(ball.position),
            linearVelocity: vec(ball.velocity),
            angularVelocity: f32(ball.angular_velocity),
            bullet: true,
        });
        // The generator marks every non-A ball rotation_affected: false; ignoring it ruins agreement (§6).
        if (!ball.rotation_affected) body.setFixedRotation(true);
        const shape = ball.sides > 2 ? new Polygon(regularPolygon(ball.sides, ball.radius).map(vec)) : new Circle(f32(ball.radius));
        body.createFixture(shape, { density: f32(ball.density), restitution: f32(ball.restitution), friction: 0 });
        // Hull, normals, centroid (b2PolygonShape::Set) and mass, centre, inertia (ResetMassData) in float32.
        if (ball.sides > 2) setPolygonF32(shape);
        resetMassDataF32(body);
        return body;
    });

    return { world, boxes, balls };
}
